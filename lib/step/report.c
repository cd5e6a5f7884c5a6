/* dlg-report's run: count the case folders, write what was asked for. */
#include "step/report.h"

#include <stdio.h>

#include "base/date.h"
#include "base/diag.h"

struct gap_ctx {
	const dlg_report *r;
	bool many;
};

static void gap(void *ctx, const char *commune, const char *session, const char *village)
{
	const struct gap_ctx *g = ctx;
	bool held = dlg_report_held(g->r, commune, session);
	if (g->many && held)
		dlg_warn(_("%s, session %s: no registrant from %s attended"), commune, session,
		         village);
	else if (held)
		dlg_warn(_("session %s: no registrant from %s attended"), session, village);
	else if (g->many)
		dlg_warn(_("%s, session %s: %s has no accepted participant"), commune, session,
		         village);
	else
		dlg_warn(_("session %s: %s has no accepted participant"), session, village);
}

/* The results, from figures counted in r; first: the first case folder. */
static int write_results(dlg_report *r, const dlg_case *first, const dlg_report_cmd *o)
{
	int status = DLG_EXIT_OK;
	if (o->table && !dlg_report_write_table(r, o->table, stdout, o->excel))
		status = DLG_EXIT_ERROR;
	if (o->markdown) {
		dlg_report_write_markdown(r, stdout);
		if (fflush(stdout) == EOF || ferror(stdout)) {
			dlg_warn(_("%s: write error"), _("standard output"));
			status = DLG_EXIT_ERROR;
		}
	}
	if (status == DLG_EXIT_OK && o->pdf)
		status = dlg_report_write_pdf(r, first, o->pdf, o->number);
	if (status == DLG_EXIT_OK && o->check) {
		dlg_report_totals t;
		dlg_report_get_totals(r, &t);
		struct gap_ctx g = {r, t.communes > 1};
		if (dlg_report_coverage_gaps(r, gap, &g))
			status = DLG_EXIT_FOUND;
	}
	return status;
}

int dlg_report_run(const dlg_report_cmd *o)
{
	dlg_report_opts ro = {o->session, 0, o->names, o->public_, o->from};
	if (!dlg_date_today(o->today, &ro.today))
		return DLG_EXIT_ERROR;
	dlg_report *r = dlg_report_new(&ro);
	size_t ndirs = o->ndirs ? o->ndirs : 1;
	bool ok = true;
	dlg_case first;
	bool have_first = false;
	for (size_t i = 0; i < ndirs && ok; i++) {
		dlg_case kase;
		if (!dlg_case_open(&kase, o->ndirs ? o->dirs[i] : NULL)) {
			ok = false;
			break;
		}
		if (!dlg_report_add_case(r, &kase, o->files, o->nfiles))
			ok = false;
		if (!have_first) {
			first = kase;
			have_first = true;
		} else {
			dlg_case_close(&kase);
		}
	}
	if (ok && o->session && !dlg_report_knows_session(r, o->session)) {
		dlg_warn(_("no session \"%s\" in sessions.csv"), o->session);
		ok = false;
	}
	int status = ok ? write_results(r, &first, o) : DLG_EXIT_ERROR;
	if (have_first)
		dlg_case_close(&first);
	dlg_report_free(r);
	return status;
}
