/* dlg-escalate: the report to the higher level (tổng hợp báo cáo cấp trên)
 * on the questions of a conference that are beyond the commune. */
#include <getopt.h>
#include <stdio.h>

#include "cli/cmdline.h"
#include "base/diag.h"
#include "case/folder.h"
#include "step/escalate.h"

static void usage(void)
{
	printf(_("Usage: %s --session ID -o FILE [OPTION]... [ITEMS]\n"
	         "Write the report to the higher level (tổng hợp báo cáo cấp trên) on the\n"
	         "questions of conference ID beyond the commune's competence (action\n"
	         "escalate): each question, the written views of the commune's departments and\n"
	         "the proposal, addressed to the body that decides. Takes its number from the\n"
	         "outgoing register. Reads ITEMS (default: the case folder's items.csv; \"-\"\n"
	         "for standard input) and the case folder's answers.csv.\n"
	         "\n"
	         "      --session ID     the conference (a row of sessions.csv)\n"
	         "  -o, --output FILE    the PDF to write (\"-\": standard output)\n"
	         "      --number N       the number (default: the outgoing register's next BC)\n"
	         "  -t, --template T     another template (default bao-cao-cap-tren)\n"
	         "      --answers FILE   answers (default: the case folder's)\n"
	         "  -C DIR               use the case folder DIR\n"
	         "      --from ENC       the items file's encoding when not UTF-8\n"
	         "      --today DATE     take DATE (YYYY-MM-DD) as today, the report's date\n"
	         "  -h, --help           show this help and exit\n"
	         "      --version        show the version and exit\n"),
	       dlg_progname());
}

enum { OPT_SESSION = 256, OPT_NUMBER, OPT_ANSWERS };

int main(int argc, char **argv)
{
	dlg_diag_init(argv[0]);
	static const struct option longopts[] = {
	    {"session", required_argument, NULL, OPT_SESSION},
	    {"output", required_argument, NULL, 'o'},
	    {"number", required_argument, NULL, OPT_NUMBER},
	    {"template", required_argument, NULL, 't'},
	    {"answers", required_argument, NULL, OPT_ANSWERS},
	    DLG_OPTION_FROM,
	    DLG_OPTION_TODAY,
	    DLG_OPTION_HELP,
	    DLG_OPTION_VERSION,
	    {NULL, 0, NULL, 0},
	};
	dlg_escalate_opts o = {0};
	dlg_common_opts common = {0};
	int c;
	while ((c = getopt_long(argc, argv, "o:t:C:h", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_SESSION:
			o.session = optarg;
			break;
		case 'o':
			o.out = optarg;
			break;
		case OPT_NUMBER:
			o.number = optarg;
			break;
		case 't':
			o.tmpl = optarg;
			break;
		case OPT_ANSWERS:
			o.files.answers = optarg;
			break;
		default:
			dlg_common_option(c, &common, usage);
		}
	}
	o.files.from = common.from;
	if (!o.session)
		dlg_usage_error(_("which conference? give --session ID"));
	if (!o.out)
		dlg_usage_error(_("where to? give -o FILE"));
	if (argc - optind > 1)
		dlg_usage_error(_("one input file at most"));
	if (optind < argc)
		o.files.items = argv[optind];
	dlg_case cs;
	if (!dlg_case_open(&cs, common.dir))
		return DLG_EXIT_ERROR;
	int status = DLG_EXIT_ERROR;
	if (dlg_date_today(common.today, &o.today))
		status = dlg_escalate_run(&cs, &o);
	dlg_case_close(&cs);
	return status;
}
