/* dlg-report: the results report of the dialogue conferences: figures as
 * CSV tables or a Markdown summary, and the village coverage check. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case/folder.h"
#include "cli/cmdline.h"
#include "base/date.h"
#include "base/diag.h"
#include "step/report.h"

static dlg_report_cmd opt;
static const char **dirs; /* opt.dirs, filled by parse_args */

static void usage(void)
{
	printf(_("Usage: %s [OPTION]... [FILE]...\n"
	         "Count the registrations, questions and answers of the dialogue conferences\n"
	         "and write the results: a summary in Vietnamese Markdown (the default), or\n"
	         "one table as CSV. FILEs (registrations, items, answers, told apart by their\n"
	         "columns) are read instead of the case folder's records.\n"
	         "\n"
	         "  -s, --session ID     count only this conference (sessions.csv)\n"
	         "  -C DIR               a case folder; give several to add them up\n"
	         "  -t, --table NAME     write one table as CSV: fields, departments, villages,\n"
	         "                       channels, timeliness, coverage, participants\n"
	         "      --excel          CSV for Excel: BOM, CRLF, formulas guarded\n"
	         "      --markdown       write the summary (the default; with --check too)\n"
	         "      --check          exit 1 when a village, residential cluster or street\n"
	         "                       group has no accepted participant in a conference\n"
	         "      --names          list the participants by name (never phones, e-mails)\n"
	         "      --public         a list to be posted: --names with phone numbers masked\n"
	         "                       (0912 *** 678)\n"
	         "      --pdf FILE       write the formal report (BÁO CÁO) as a PDF, with tables\n"
	         "                       and charts (template bao-cao.md); - for standard output\n"
	         "      --number N       the report's number (default: the outgoing register)\n"
	         "      --today DATE     count from DATE (YYYY-MM-DD) instead of today\n"
	         "      --from ENC       the input's encoding when it is not UTF-8 (e.g. CP1258)\n"
	         "  -h, --help           show this help\n"
	         "      --version        show the version\n"
	         "\n"
	         "Exit status: 0 done, 1 a village has no participant (--check), 2 error.\n"),
	       dlg_progname());
}

static void parse_args(int argc, char **argv)
{
	enum {
		O_MARKDOWN = 256,
		O_CHECK,
		O_NAMES,
		O_PUBLIC,
		O_PDF,
		O_NUMBER,
	};
	static const struct option longopts[] = {
	    {"session", required_argument, NULL, 's'},
	    {"table", required_argument, NULL, 't'},
	    DLG_OPTION_EXCEL,
	    {"markdown", no_argument, NULL, O_MARKDOWN},
	    {"check", no_argument, NULL, O_CHECK},
	    {"names", no_argument, NULL, O_NAMES},
	    {"public", no_argument, NULL, O_PUBLIC},
	    DLG_OPTION_TODAY,
	    DLG_OPTION_FROM,
	    {"pdf", required_argument, NULL, O_PDF},
	    {"number", required_argument, NULL, O_NUMBER},
	    DLG_OPTION_HELP,
	    DLG_OPTION_VERSION,
	    {NULL, 0, NULL, 0},
	};
	dirs = dlg_xmalloc((size_t)argc * sizeof *dirs);
	opt.dirs = dirs;
	dlg_common_opts common = {0};
	int c;
	while ((c = getopt_long(argc, argv, "s:t:C:h", longopts, NULL)) != -1) {
		switch (c) {
		case 's':
			opt.session = optarg;
			break;
		case 't':
			opt.table = optarg;
			break;
		case 'C': /* repeatable: several case folders add up */
			dirs[opt.ndirs++] = optarg;
			break;
		case O_MARKDOWN:
			opt.markdown = true;
			break;
		case O_CHECK:
			opt.check = true;
			break;
		case O_NAMES:
			opt.names = true;
			break;
		case O_PUBLIC:
			opt.public_ = opt.names = true;
			break;
		case O_PDF:
			opt.pdf = optarg;
			break;
		case O_NUMBER:
			opt.number = optarg;
			break;
		default:
			dlg_common_option(c, &common, usage);
		}
	}
	opt.today = common.today;
	opt.from = common.from;
	opt.excel = common.excel;
	if (opt.table) {
		bool known = false;
		for (size_t i = 0; dlg_report_tables[i]; i++)
			if (!strcmp(opt.table, dlg_report_tables[i]))
				known = true;
		if (!known)
			dlg_usage_error(_("unknown table \"%s\" (fields, departments, villages, "
			                  "channels, timeliness, coverage, participants)"),
			                opt.table);
		if (!strcmp(opt.table, "participants") && !opt.names)
			dlg_usage_error("%s",
			                _("the participants table needs --names or --public"));
	}
	if (opt.table && opt.markdown)
		dlg_usage_error("%s", _("--table and --markdown go one at a time"));
	if (opt.excel && !opt.table)
		dlg_usage_error("%s", _("--excel goes with --table"));
	if (argc > optind && opt.ndirs > 1)
		dlg_usage_error("%s", _("files go with one case folder at most"));
	if (opt.pdf && (opt.table || opt.markdown) && !strcmp(opt.pdf, "-"))
		dlg_usage_error("%s", _("--pdf - writes to standard output: no --table or "
		                        "--markdown with it"));
	if (!opt.table && !opt.check && !opt.pdf)
		opt.markdown = true;
}

int main(int argc, char **argv)
{
	dlg_diag_init(argv[0]);
	parse_args(argc, argv);
	opt.files = (const char *const *)argv + optind;
	opt.nfiles = (size_t)(argc - optind);
	int status = dlg_report_run(&opt);
	free(dirs);
	return status;
}
