/* The announcement of a conference and its radio script. */
#include "step/announce.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/atomic.h"
#include "base/sbuf.h"
#include "base/diag.h"
#include "doc/batch.h"
#include "doc/font.h"
#include "doc/template.h"
#include "case/participants.h"
#include "case/sessions.h"
#include "fmt/table.h"
#include "step/confdoc.h"
#include "step/confopen.h"
#include "step/issue.h"

struct ctx {
	const dlg_tmpl *t;
	dlg_fields f;
	dlg_tmpl_data d;
	dlg_table villages;
	char *scratch;
};

static const char *village_get(void *p, size_t i, const char *col)
{
	struct ctx *x = p;
	if (!strcmp(col, "village") || !strcmp(col, "head"))
		return dlg_table_val(&x->villages, i, col);
	if (!strcmp(col, "title")) {
		free(x->scratch);
		x->scratch = dlg_village_head_title(dlg_table_val(&x->villages, i, "village"));
		return x->scratch;
	}
	return NULL;
}

static bool tables(void *p, const char *name, dlg_tmpl_rows *out)
{
	struct ctx *x = p;
	if (strcmp(name, "villages"))
		return false;
	out->nrows = x->villages.nrows;
	out->get = village_get;
	out->ctx = x;
	return true;
}

/* The conference must be planned and far enough ahead. */
static bool check_timing(const dlg_case *cs, const dlg_sessions *ss, const dlg_session *s,
                         const dlg_announce_opts *o)
{
	if (s->st == DLG_SESSION_CANCELLED) {
		dlg_warn_at(ss->path, s->line, _("conference %s is cancelled: it is not announced"),
		            s->id);
		return false;
	}
	long ahead = dlg_conf_get_long(cs->conf, "rules", "announce_days_before");
	long days = s->date - o->today;
	char when[16], now[16], last[16];
	dlg_date_format_dmy(s->date, when);
	dlg_date_format_dmy(o->today, now);
	dlg_date_format_dmy(s->date - ahead, last);
	if (days < 0) {
		dlg_warn(_("the conference of %s is already past (today is %s)"), when, now);
		return false;
	}
	if (days < ahead && !o->late) {
		dlg_warn(_("not issued: an announcement dated %s comes %ld days before the "
		           "conference of %s; the law wants at least %ld (announce_days_before), "
		           "so it was due by %s. Give --late to issue it anyway"),
		         now, days, when, ahead, last);
		return false;
	}
	if (days < ahead)
		dlg_warn(_("issued late: an announcement dated %s comes %ld days before the "
		           "conference of %s; the law wants at least %ld (announce_days_before)"),
		         now, days, when, ahead);
	dlg_day cutoff = dlg_session_cutoff(s, cs);
	if (cutoff < o->today) {
		char cut[16];
		dlg_date_format_dmy(cutoff, cut);
		dlg_warn(_("registration for the conference of %s closed on %s: the announcement "
		           "gives a day already past"),
		         when, cut);
	}
	return true;
}

/* The radio script: the template's "radio" paragraphs, one blank line
 * between them. */
static bool write_radio(struct ctx *x, const char *path)
{
	size_t n;
	char **para = dlg_tmpl_meta_list(x->t, "radio", &x->d, &n);
	if (!para) {
		dlg_warn(_("the template has no \"radio\" list for the radio script"));
		return false;
	}
	dlg_sbuf b = {0};
	for (size_t i = 0; i < n; i++) {
		if (i)
			dlg_sbuf_adds(&b, "\n");
		dlg_sbuf_adds(&b, para[i]);
		dlg_sbuf_adds(&b, "\n");
		free(para[i]);
	}
	free(para);
	char *text = dlg_sbuf_take(&b);
	bool ok;
	if (!strcmp(path, "-")) {
		ok = fputs(text, stdout) >= 0 && fflush(stdout) == 0;
		if (!ok)
			dlg_warn(_("standard output: write error"));
	} else {
		dlg_atomic a;
		ok = dlg_atomic_begin(&a, path, 0644);
		if (ok) {
			fputs(text, a.f);
			ok = dlg_atomic_commit(&a);
		}
	}
	free(text);
	return ok;
}

int dlg_announce_run(const dlg_case *cs, const dlg_announce_opts *o)
{
	struct ctx x = {0};
	int status = DLG_EXIT_ERROR;
	dlg_confopen_opts oo = {.session = o->session,
	                        .day = &o->today,
	                        .tmpl = o->tmpl ? o->tmpl : "thong-bao-hoi-nghi",
	                        .need = DLG_CONF_ANY};
	dlg_confdocs cd;
	char *vpath = NULL;
	if (!dlg_confdocs_find(&cd, cs, &oo))
		goto done;
	const dlg_session *s = cd.s;
	if (!check_timing(cs, &cd.ss, s, o))
		goto done;
	vpath = dlg_case_data(cs, "villages");
	static const char *const req[] = {"village", NULL};
	if (vpath && !dlg_table_load(&x.villages, vpath, req))
		goto done;
	if (!dlg_confdocs_template(&cd, &oo))
		goto done;
	x.t = cd.t;
	dlg_fields_session(&x.f, &cd.ss, s, NULL, NULL);
	char iso[16];
	dlg_date_format_iso(dlg_session_cutoff(s, cs), iso);
	dlg_fields_set(&x.f, "register_by", "%s", iso);
	dlg_fields_set(&x.f, "register_days", "%ld",
	               dlg_conf_get_long(cs->conf, "rules", "register_days_before"));
	x.d = dlg_fields_data(&x.f, cs->conf, o->today, NULL, NULL);
	x.d.table = tables;
	x.d.table_ctx = &x;
	status = DLG_EXIT_OK;
	if (o->out) {
		/* summary and recipients for the register come from the template */
		dlg_outgoing_doc doc = {.doc = "announce",
		                        .type = "TB",
		                        .type_name = "Thông báo",
		                        .session = s->id,
		                        .date = o->today,
		                        .copies = 1};
		dlg_issue_doc issue = {.t = cd.t,
		                       .d = &x.d,
		                       .f = &x.f,
		                       .doc = doc,
		                       .number = o->number,
		                       .out = o->out,
		                       .today = o->today,
		                       .fonts = cd.fonts};
		status = dlg_issue_write(cs, &issue, NULL);
	}
	if (status == DLG_EXIT_OK && o->radio && !write_radio(&x, o->radio))
		status = DLG_EXIT_ERROR;
done:
	free(x.scratch);
	dlg_fields_free(&x.f);
	if (x.villages.path)
		dlg_table_free(&x.villages);
	dlg_confdocs_close(&cd);
	free(vpath);
	return status;
}
