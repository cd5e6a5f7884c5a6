/* dlg-route: registrations (or items) in, items out: one row per question
 * with the field, the body that must answer it and what to do with it. */
#include <getopt.h>
#include <stdio.h>

#include "cli/docopts.h"
#include "base/date.h"
#include "base/diag.h"
#include "case/folder.h"
#include "step/route.h"

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
	         "      --into ITEMS   add the items to the record ITEMS instead of writing\n"
	         "                     them: only for registrations it has no item for; its\n"
	         "                     rows and staff edits stay (atomically, under a lock)\n"
	         "      --routes FILE  read the rules from FILE instead of the case's routes.csv\n"
	         "      --sent DATE    date the questions are forwarded (default: today); a row\n"
	         "                     already stamped keeps its date\n"
	         "      --slips DIR    also write a transfer slip (PDF) for each department\n"
	         "                     into DIR\n"
	         "      --slips-csv DIR  also write a transfer list (CSV) for each department\n"
	         "                     into DIR\n"
	         "      --session ID   put only the questions of conference ID on the slips\n"
	         "      --number N     the first slip's number (default: the outgoing register)\n"
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
	OPT_INTO,
};

/* The command line into o; usage errors exit 2. */
static void parse_args(int argc, char **argv, const char **dir, dlg_route_opts *o)
{
	static const struct option longopts[] = {
	    {"into", required_argument, NULL, OPT_INTO},
	    {"routes", required_argument, NULL, OPT_ROUTES},
	    {"sent", required_argument, NULL, OPT_SENT},
	    {"slips", required_argument, NULL, OPT_SLIPS},
	    {"slips-csv", required_argument, NULL, OPT_SLIPS_CSV},
	    DLG_OPTION_SESSION,
	    DLG_OPTION_NUMBER,
	    DLG_OPTION_TEMPLATE,
	    DLG_OPTION_FROM,
	    DLG_OPTION_EXCEL,
	    DLG_OPTION_TODAY,
	    DLG_OPTION_HELP,
	    DLG_OPTION_VERSION,
	    {NULL, 0, NULL, 0},
	};
	dlg_doc_opts d = {0};
	int c;
	while ((c = getopt_long(argc, argv, "C:t:h", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_INTO:
			o->into = optarg;
			break;
		case OPT_ROUTES:
			o->routes = optarg;
			break;
		case OPT_SENT:
			o->sent = optarg;
			break;
		case OPT_SLIPS:
			o->slips = optarg;
			break;
		case OPT_SLIPS_CSV:
			o->slips_csv = optarg;
			break;
		default:
			dlg_doc_option(c, &d, usage);
		}
	}
	*dir = d.common.dir;
	o->today = d.common.today;
	o->from = d.common.from;
	o->excel = d.common.excel;
	o->session = d.session;
	o->number = d.number;
	o->tmpl = d.tmpl;
	o->input = dlg_doc_input(argc, argv);
	if (o->session && !o->slips && !o->slips_csv)
		dlg_usage_error(
		    _("--session chooses the questions for the slips: give --slips DIR"));
	if ((o->number || o->tmpl) && !o->slips)
		dlg_usage_error(_("--number and --template are for the slips: give --slips DIR"));
	dlg_day day;
	if (o->sent && !dlg_date_parse_iso(o->sent, &day))
		dlg_usage_error(_("--sent: \"%s\" is not a date YYYY-MM-DD"), o->sent);
}

int main(int argc, char **argv)
{
	dlg_diag_init(argv[0]);
	const char *dir = NULL;
	dlg_route_opts o = {0};
	parse_args(argc, argv, &dir, &o);
	dlg_case cs;
	if (!dlg_doc_open_case(&cs, dir, NULL, NULL))
		return DLG_EXIT_ERROR;
	int status = dlg_route_run(&cs, &o);
	dlg_case_close(&cs);
	return status;
}
