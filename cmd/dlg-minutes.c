/* dlg-minutes: the minutes (biên bản) of a held conference and the chair's
 * conclusion notice (thông báo kết luận), from the case folder's items,
 * answers, attendance and the secretary's notes (issue 6). */
#include <getopt.h>
#include <stdio.h>

#include "cli/docopts.h"
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

enum { OPT_NOTICE = 256, OPT_NOTES };

/* The command line into o; usage errors exit 2. */
static void parse_args(int argc, char **argv, const char **dir, dlg_minutes_opts *o)
{
	static const struct option longopts[] = {
	    DLG_OPTION_SESSION,
	    DLG_OPTION_OUTPUT,
	    {"notice", no_argument, NULL, OPT_NOTICE},
	    DLG_OPTION_NUMBER,
	    DLG_OPTION_TEMPLATE,
	    DLG_OPTION_ANSWERS,
	    DLG_OPTION_ATTENDANCE,
	    {"notes", required_argument, NULL, OPT_NOTES},
	    DLG_OPTION_FROM,
	    DLG_OPTION_TODAY,
	    DLG_OPTION_HELP,
	    DLG_OPTION_VERSION,
	    {NULL, 0, NULL, 0},
	};
	dlg_doc_opts d = {0};
	int c;
	while ((c = getopt_long(argc, argv, "o:t:C:h", longopts, NULL)) != -1) {
		if (c == OPT_NOTICE)
			o->notice = true;
		else if (c == OPT_NOTES)
			o->notes = optarg;
		else
			dlg_doc_option(c, &d, usage);
	}
	dlg_doc_need_session(&d);
	dlg_doc_need_output(&d);
	*dir = d.common.dir;
	o->open.session = d.session;
	o->open.today = d.common.today;
	o->open.tmpl = d.tmpl;
	o->open.files.items = dlg_doc_input(argc, argv);
	o->open.files.answers = d.answers;
	o->open.files.attendance = d.attendance;
	o->open.files.from = d.common.from;
	o->out = d.out;
	o->number = d.number;
}

int main(int argc, char **argv)
{
	dlg_diag_init(argv[0]);
	const char *dir = NULL;
	dlg_minutes_opts o = {0};
	parse_args(argc, argv, &dir, &o);
	dlg_case cs;
	if (!dlg_doc_open_case(&cs, dir, NULL, NULL))
		return DLG_EXIT_ERROR;
	int status = dlg_minutes_run(&cs, &o);
	dlg_case_close(&cs);
	return status;
}
