/* Answer due dates shared by the commands. */
#include "due.h"

#include <stdlib.h>
#include <string.h>

#include "diag.h"

bool dlg_due_open(dlg_due *d, const dlg_case *c)
{
	memset(d, 0, sizeof *d);
	d->days = dlg_conf_get_long(c->conf, "rules", "answer_days");
	d->kind = DLG_DAYS_CALENDAR;
	dlg_day_kind_parse(dlg_conf_get(c->conf, "rules", "answer_day_kind"), &d->kind);
	d->soon = dlg_conf_get_long(c->conf, "rules", "soon_days");
	d->hol = dlg_holidays_new();
	char *path = dlg_case_data(c, "holidays");
	bool ok = !path || dlg_holidays_load(d->hol, path);
	free(path);
	if (!ok) {
		dlg_holidays_free(d->hol);
		d->hol = NULL;
	}
	return ok;
}

void dlg_due_close(dlg_due *d)
{
	dlg_holidays_free(d->hol);
	d->hol = NULL;
}

dlg_day dlg_due_date(dlg_due *d, dlg_day sent)
{
	size_t slot = (size_t)sent & (DLG_DUE_CACHE - 1);
	if (d->cache_ok[slot] && d->cache_sent[slot] == sent)
		return d->cache_due[slot];
	dlg_day due = dlg_period_end(d->hol, sent, d->days, d->kind);
	d->cache_ok[slot] = true;
	d->cache_sent[slot] = sent;
	d->cache_due[slot] = due;
	return due;
}

dlg_due_state dlg_due_classify(dlg_day due, const dlg_day *answered, dlg_day today, long soon)
{
	if (answered)
		return *answered <= due ? DLG_DUE_ANSWERED : DLG_DUE_LATE;
	long left = (long)(due - today);
	if (left < 0)
		return DLG_DUE_OVERDUE;
	return left <= soon ? DLG_DUE_SOON : DLG_DUE_PENDING;
}

const char *dlg_due_state_name(dlg_due_state s)
{
	static const char *const name[] = {"pending", "due_soon", "overdue", "answered",
	                                   "answered_late"};
	return (unsigned)s < sizeof name / sizeof *name ? name[s] : "";
}
