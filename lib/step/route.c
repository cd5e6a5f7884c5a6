/* The routing step: router, rows, slips. */
#include "step/route.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "base/diag.h"
#include "case/route_rows.h"
#include "case/router.h"
#include "fmt/csv.h"
#include "step/slips.h"

/* Where each routed item goes besides standard output: the slips, for one
 * conference when --session says so. */
struct sinks {
	dlg_slips *pdf;
	dlg_slip_lists *csv;
	const char *session;
};

static bool to_sinks(void *ctx, const dlg_routed *it)
{
	struct sinks *k = ctx;
	if (k->session) {
		const char *of = "";
		for (size_t i = 0; i < it->n; i++)
			if (!strcmp(dlg_column_canon(it->names[i]), "session"))
				of = it->vals[i];
		if (strcmp(of, k->session))
			return true;
	}
	if (k->csv && !dlg_slip_lists_add(k->csv, it))
		return false;
	return !k->pdf || dlg_slips_add(k->pdf, it);
}

static dlg_router *load_router(const dlg_case *cs, const char *routes_opt)
{
	char *deps = dlg_case_data(cs, "departments");
	if (!deps) {
		dlg_warn("%s", _("no departments.csv in the case folder (dlg init makes one)"));
		return NULL;
	}
	char *routes = routes_opt ? dlg_xstrdup(routes_opt) : dlg_case_data(cs, "routes");
	if (!routes) {
		dlg_warn("%s", _("no routes.csv in the case folder or the defaults"));
		free(deps);
		return NULL;
	}
	dlg_router *r = dlg_router_new();
	bool ok = dlg_router_load_departments(r, deps) && dlg_router_load_rules(r, routes) &&
	          dlg_router_finish(r);
	free(deps);
	free(routes);
	if (!ok) {
		dlg_router_free(r);
		return NULL;
	}
	return r;
}

int dlg_route_run(const dlg_case *cs, const dlg_route_opts *o)
{
	int status = DLG_EXIT_ERROR;
	struct sinks k = {NULL, NULL, o->session};
	dlg_router *router = NULL;
	dlg_csv_reader *in = NULL;
	dlg_routing *g = NULL;
	dlg_day day;
	char sent_iso[11];
	if (o->sent ? !dlg_date_parse_iso(o->sent, &day) : !dlg_date_today(o->today, &day))
		goto out;
	dlg_date_format_iso(day, sent_iso);
	if (o->slips_csv && !(k.csv = dlg_slip_lists_new(o->slips_csv)))
		goto out;
	if (o->slips && !(k.pdf = dlg_slips_new(cs, o->slips, o->tmpl, o->number)))
		goto out;
	router = load_router(cs, o->routes);
	if (!router)
		goto out;
	dlg_csv_opts copts = {0};
	copts.from = o->from;
	in = dlg_csv_open(o->input, &copts);
	if (!in)
		goto out;
	g = dlg_routing_new(router, in, sent_iso);
	if (!g)
		goto out;
	dlg_csv_writer *w = dlg_csv_writer_new(stdout, o->excel);
	bool ok = dlg_routing_run(g, w, k.csv || k.pdf ? to_sinks : NULL, &k);
	ok = dlg_csv_writer_finish(w, NULL) && ok;
	if (k.csv) {
		ok = dlg_slip_lists_finish(k.csv, ok) && ok;
		k.csv = NULL;
	}
	if (k.pdf && ok)
		ok = dlg_slips_write(k.pdf);
	if (ok)
		dlg_routing_report(g);
	status = ok ? DLG_EXIT_OK : DLG_EXIT_ERROR;
out:
	if (k.csv)
		dlg_slip_lists_finish(k.csv, false);
	dlg_slips_free(k.pdf);
	dlg_routing_free(g);
	dlg_csv_close(in);
	dlg_router_free(router);
	return status;
}
