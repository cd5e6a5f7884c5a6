/* Answer due dates and item states (moved out of dlg-deadline for dlg-report). */
#include "case/answers.h"

#include <stdlib.h>
#include <string.h>

#include "fmt/csv.h"
#include "base/diag.h"
#include "base/strmap.h"

const char *dlg_item_state_name(dlg_item_state st)
{
	static const char *const name[] = {"pending", "due_soon", "overdue", "answered",
	                                   "answered_late"};
	return name[st];
}

/* ---- answers ---- */

void dlg_answers_init(dlg_answers *a)
{
	memset(a, 0, sizeof *a);
}

void dlg_answers_put(dlg_answers *a, const char *id, size_t len, dlg_day d)
{
	bool added;
	uint64_t *day = dlg_strmap_value(&a->map, dlg_strmap_intern(&a->map, id, len, &added));
	if (added || d < (dlg_day)*day)
		*day = (uint64_t)d;
}

bool dlg_answers_get(const dlg_answers *a, const char *id, size_t len, dlg_day *d)
{
	uint64_t day;
	if (!dlg_strmap_get(&a->map, id, len, &day))
		return false;
	*d = (dlg_day)day;
	return true;
}

bool dlg_answers_read(dlg_answers *a, dlg_csv_reader *r)
{
	int cid = dlg_csv_col(r, "item_id"), cdate = dlg_csv_col(r, "date");
	if (cid < 0 || cdate < 0) {
		dlg_warn_at(dlg_csv_name(r), 1, _("no \"%s\" column"),
		            cid < 0 ? "item_id" : "date");
		return false;
	}
	if (!a->name)
		a->name = dlg_xstrdup(dlg_csv_name(r));
	const dlg_row *row;
	int got;
	bool ok = true;
	while ((got = dlg_csv_next(r, &row)) != 0) {
		if (got == DLG_CSV_BAD_ROW) { /* reported; the other rows still count */
			ok = false;
			continue;
		}
		if (got < 0)
			break;
		const char *id = row->field[cid], *ds = row->field[cdate];
		if (!*id)
			continue;
		dlg_day d;
		if (!dlg_date_parse_iso(ds, &d)) {
			dlg_warn_at(dlg_csv_name(r), row->line,
			            _("answer date \"%s\" is not a date (YYYY-MM-DD)"), ds);
			ok = false;
			continue;
		}
		dlg_answers_put(a, id, row->len[cid], d);
		bool added;
		uint64_t *line = dlg_strmap_value(
		    &a->line, dlg_strmap_intern(&a->line, id, row->len[cid], &added));
		if (added)
			*line = (uint64_t)row->line;
	}
	return ok && got == 0;
}

bool dlg_answers_load(dlg_answers *a, const char *path, const char *from)
{
	dlg_csv_opts co = {.from = from};
	dlg_csv_reader *r = dlg_csv_open(path, &co);
	if (!r)
		return false;
	bool ok = dlg_answers_read(a, r);
	dlg_csv_close(r);
	return ok;
}

void dlg_answers_free(dlg_answers *a)
{
	dlg_strmap_free(&a->map);
	dlg_strmap_free(&a->line);
	free(a->name);
	a->name = NULL;
}

size_t dlg_answers_check_items(const dlg_answers *a, const dlg_strmap *items,
                               const char *items_name)
{
	size_t bad = 0;
	for (size_t i = 0; i < dlg_strmap_size(&a->line); i++) {
		const char *id = dlg_strmap_key(&a->line, i);
		if (dlg_strmap_find(items, id, dlg_strmap_len(&a->line, i)) >= 0)
			continue;
		uint64_t line = *dlg_strmap_value((dlg_strmap *)&a->line, i);
		dlg_warn_at(a->name, (long)line, _("answer to \"%s\", which is not in %s"), id,
		            items_name);
		bad++;
	}
	return bad;
}

/* ---- due dates ---- */

void dlg_duecalc_init(dlg_duecalc *d, const dlg_case *c, dlg_holidays *hol, dlg_day today,
                      long soon)
{
	memset(d, 0, sizeof *d);
	d->hol = hol;
	d->answer_days = dlg_conf_get_long(c->conf, "rules", "answer_days");
	d->kind = DLG_DAYS_CALENDAR;
	dlg_day_kind_parse(dlg_conf_get(c->conf, "rules", "answer_day_kind"), &d->kind);
	d->soon = soon >= 0 ? soon : dlg_conf_get_long(c->conf, "rules", "soon_days");
	d->today = today;
}

dlg_day dlg_due_date(dlg_duecalc *d, dlg_day sent)
{
	size_t slot = (size_t)sent & 255;
	if (d->cache_ok[slot] && d->cache_sent[slot] == sent)
		return d->cache_due[slot];
	dlg_day due = dlg_period_end(d->hol, sent, d->answer_days, d->kind);
	d->cache_ok[slot] = true;
	d->cache_sent[slot] = sent;
	d->cache_due[slot] = due;
	return due;
}

dlg_item_state dlg_item_state_of(dlg_duecalc *d, dlg_day sent, const dlg_day *answer, dlg_day *due,
                                 long *left)
{
	dlg_day u = dlg_due_date(d, sent);
	long l = (long)(u - d->today);
	if (due)
		*due = u;
	if (left)
		*left = l;
	if (answer)
		return *answer <= u ? DLG_ST_ANSWERED : DLG_ST_ANSWERED_LATE;
	if (l < 0)
		return DLG_ST_OVERDUE;
	if (l <= d->soon)
		return DLG_ST_DUE_SOON;
	return DLG_ST_PENDING;
}

dlg_holidays *dlg_case_holidays(const dlg_case *c)
{
	dlg_holidays *h = dlg_holidays_new();
	char *path = dlg_case_data(c, "holidays");
	if (path && !dlg_holidays_load(h, path)) {
		free(path);
		dlg_holidays_free(h);
		return NULL;
	}
	free(path);
	return h;
}
