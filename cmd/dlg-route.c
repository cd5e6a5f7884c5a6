/* dlg-route: registrations (or items) in, items out: one row per question
 * with the field, the body that must answer it and what to do with it. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case/folder.h"
#include "base/cmdline.h"
#include "fmt/csv.h"
#include "base/date.h"
#include "base/diag.h"
#include "case/router.h"
#include "step/route.h"
#include "step/slips.h"

static void usage(void)
{
	printf(_("Usage: %s [OPTION]... [FILE]\n"
	         "Read registrations (or items from an earlier run) and write items: one row\n"
	         "per question of each accepted registration, with the field, the department\n"
	         "that must answer it, its level and the action (answer, escalate, redirect,\n"
	         "review). A department set by hand in items is kept (rule = manual).\n"
	         "With no FILE, or when FILE is -, read standard input.\n"
	         "\n"
	         "  -C DIR             use the case folder DIR\n"
	         "      --routes FILE  read the rules from FILE instead of the case's routes.csv\n"
	         "      --sent DATE    date the questions are forwarded (default: today); a row\n"
	         "                     already stamped keeps its date\n"
	         "      --slips DIR    also write a transfer slip (PDF) for each department\n"
	         "                     into DIR\n"
	         "      --slips-csv DIR  also write a transfer list (CSV) for each department\n"
	         "                     into DIR\n"
	         "      --session ID   put only the questions of conference ID on the slips\n"
	         "      --number N     the first slip's number (default: [numbering] slip)\n"
	         "  -t, --template T   another template for the slips (default: phieu-chuyen)\n"
	         "      --from ENC     the input's encoding when not UTF-8 (e.g. cp1258)\n"
	         "      --excel        write CSV for Excel (BOM, CRLF, formula guard)\n"
	         "      --today DATE   take DATE (YYYY-MM-DD) as today\n"
	         "  -h, --help         show this help and exit\n"
	         "      --version      show the version and exit\n"),
	       dlg_progname());
}

enum {
	OPT_ROUTES = 256,
	OPT_SENT,
	OPT_SLIPS,
	OPT_SLIPS_CSV,
	OPT_NUMBER,
	OPT_SESSION,
};

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

int main(int argc, char **argv)
{
	dlg_diag_init(argv[0]);
	static const struct option longopts[] = {
	    {"routes", required_argument, NULL, OPT_ROUTES},
	    {"sent", required_argument, NULL, OPT_SENT},
	    {"slips", required_argument, NULL, OPT_SLIPS},
	    {"slips-csv", required_argument, NULL, OPT_SLIPS_CSV},
	    {"session", required_argument, NULL, OPT_SESSION},
	    {"number", required_argument, NULL, OPT_NUMBER},
	    {"template", required_argument, NULL, 't'},
	    DLG_OPTION_FROM,
	    DLG_OPTION_EXCEL,
	    DLG_OPTION_TODAY,
	    DLG_OPTION_HELP,
	    DLG_OPTION_VERSION,
	    {NULL, 0, NULL, 0},
	};
	const char *dir = NULL, *today = NULL, *sent = NULL, *routes = NULL, *slips = NULL,
	           *slips_csv = NULL, *number = NULL, *tmpl = NULL, *session = NULL;
	dlg_csv_opts copts = {0};
	bool excel = false;
	dlg_common_opts common = {0};
	int c;
	while ((c = getopt_long(argc, argv, "C:t:h", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_ROUTES:
			routes = optarg;
			break;
		case OPT_SENT:
			sent = optarg;
			break;
		case OPT_SLIPS:
			slips = optarg;
			break;
		case OPT_SESSION:
			session = optarg;
			break;
		case OPT_SLIPS_CSV:
			slips_csv = optarg;
			break;
		case OPT_NUMBER:
			number = optarg;
			break;
		case 't':
			tmpl = optarg;
			break;
		default:
			dlg_common_option(c, &common, usage);
		}
	}
	dir = common.dir;
	today = common.today;
	copts.from = common.from;
	excel = common.excel;
	if (argc - optind > 1)
		dlg_usage_error(_("one input file at most"));
	if (session && !slips && !slips_csv)
		dlg_usage_error(
		    _("--session chooses the questions for the slips: give --slips DIR"));
	if ((number || tmpl) && !slips)
		dlg_usage_error(_("--number and --template are for the slips: give --slips DIR"));
	dlg_day day;
	if (sent && !dlg_date_parse_iso(sent, &day))
		dlg_usage_error(_("--sent: \"%s\" is not a date YYYY-MM-DD"), sent);
	dlg_case cs;
	if (!dlg_case_open(&cs, dir))
		return DLG_EXIT_ERROR;
	int status = DLG_EXIT_ERROR;
	struct sinks k = {NULL, NULL, session};
	dlg_router *router = NULL;
	dlg_csv_reader *in = NULL;
	dlg_routing *g = NULL;
	char sent_iso[11];
	if (!sent && !dlg_date_today(today, &day))
		goto out;
	dlg_date_format_iso(day, sent_iso);
	if (slips_csv && !(k.csv = dlg_slip_lists_new(slips_csv)))
		goto out;
	if (slips && !(k.pdf = dlg_slips_new(&cs, slips, tmpl, number)))
		goto out;
	router = load_router(&cs, routes);
	if (!router)
		goto out;
	in = dlg_csv_open(optind < argc ? argv[optind] : NULL, &copts);
	if (!in)
		goto out;
	g = dlg_routing_new(router, in, sent_iso);
	if (!g)
		goto out;
	dlg_csv_writer *w = dlg_csv_writer_new(stdout, excel);
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
	dlg_case_close(&cs);
	return status;
}
