/* dlg-minutes: the minutes (biên bản) of a held conference and the chair's
 * conclusion notice (thông báo kết luận), from the case folder's items,
 * answers, attendance and the secretary's notes (issue 6). */
#include <getopt.h>
#include <stdio.h>

#include "cli/cmdline.h"
#include "base/diag.h"
#include "case/folder.h"
#include "step/minutes.h"

static void usage(void)
{
	printf(_("Usage: %s --session ID -o FILE [OPTION]... [ITEMS]\n"
	         "Write the minutes (biên bản) of conference ID, or with --notice the chair's\n"
	         "conclusion notice (thông báo kết luận), as a PDF. Reads the questions from\n"
	         "ITEMS (default: the case folder's items.csv; \"-\" for standard input), and\n"
	         "the case folder's answers.csv, attendance.csv and notes/ID.md.\n"
	         "\n"
	         "      --session ID     the conference (a row of sessions.csv)\n"
	         "  -o, --output FILE    the PDF to write (\"-\": standard output)\n"
	         "      --notice         the conclusion notice instead of the minutes\n"
	         "      --number N       the document's number (default: the outgoing\n"
	         "                       register)\n"
	         "  -t, --template T     another template (default bien-ban, thong-bao-ket-luan)\n"
	         "      --answers FILE   answers (default: the case folder's)\n"
	         "      --attendance FILE  attendance (default: the case folder's)\n"
	         "      --notes FILE     the secretary's notes (default: notes/ID.md)\n"
	         "  -C DIR               use the case folder DIR\n"
	         "      --from ENC       the items file's encoding when not UTF-8\n"
	         "      --today DATE     take DATE (YYYY-MM-DD) as today, the notice's date\n"
	         "  -h, --help           show this help and exit\n"
	         "      --version        show the version and exit\n"),
	       dlg_progname());
}

enum {
	OPT_SESSION = 256,
	OPT_NOTICE,
	OPT_NUMBER,
	OPT_ANSWERS,
	OPT_ATTENDANCE,
	OPT_NOTES,
};

/* The command line into o; usage errors exit 2. */
static void parse_args(int argc, char **argv, const char **dir, dlg_minutes_opts *o)
{
	static const struct option longopts[] = {
	    {"session", required_argument, NULL, OPT_SESSION},
	    {"output", required_argument, NULL, 'o'},
	    {"notice", no_argument, NULL, OPT_NOTICE},
	    {"number", required_argument, NULL, OPT_NUMBER},
	    {"template", required_argument, NULL, 't'},
	    {"answers", required_argument, NULL, OPT_ANSWERS},
	    {"attendance", required_argument, NULL, OPT_ATTENDANCE},
	    {"notes", required_argument, NULL, OPT_NOTES},
	    DLG_OPTION_FROM,
	    DLG_OPTION_TODAY,
	    DLG_OPTION_HELP,
	    DLG_OPTION_VERSION,
	    {NULL, 0, NULL, 0},
	};
	dlg_common_opts common = {0};
	int c;
	while ((c = getopt_long(argc, argv, "o:t:C:h", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_SESSION:
			o->open.session = optarg;
			break;
		case 'o':
			o->out = optarg;
			break;
		case OPT_NOTICE:
			o->notice = true;
			break;
		case OPT_NUMBER:
			o->number = optarg;
			break;
		case 't':
			o->open.tmpl = optarg;
			break;
		case OPT_ANSWERS:
			o->open.files.answers = optarg;
			break;
		case OPT_ATTENDANCE:
			o->open.files.attendance = optarg;
			break;
		case OPT_NOTES:
			o->notes = optarg;
			break;
		default:
			dlg_common_option(c, &common, usage);
		}
	}
	*dir = common.dir;
	o->open.today = common.today;
	o->open.files.from = common.from;
	if (!o->open.session)
		dlg_usage_error(_("which conference? give --session ID"));
	if (!o->out)
		dlg_usage_error(_("where to? give -o FILE"));
	if (argc - optind > 1)
		dlg_usage_error(_("one input file at most"));
	if (optind < argc)
		o->open.files.items = argv[optind];
}

int main(int argc, char **argv)
{
	dlg_diag_init(argv[0]);
	const char *dir = NULL;
	dlg_minutes_opts o = {0};
	parse_args(argc, argv, &dir, &o);
	dlg_case cs;
	if (!dlg_case_open(&cs, dir))
		return DLG_EXIT_ERROR;
	int status = dlg_minutes_run(&cs, &o);
	dlg_case_close(&cs);
	return status;
}
