/* dlg-attend: the attendance list of a conference (danh sách đại biểu) to
 * sign, and the marked list turned into attendance.csv. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/docopts.h"
#include "base/diag.h"
#include "case/folder.h"
#include "step/attend.h"

static void usage(void)
{
	printf(_("Usage: %s --session ID -o FILE [OPTION]... [ITEMS]\n"
	         "  or:  %s --into ATTENDANCE [--unmarked-absent] [MARKED]\n"
	         "Write the attendance list of conference ID (danh sách đại biểu) as a PDF to\n"
	         "sign: the standing participants (participants.csv) and the village heads\n"
	         "(villages.csv), then the registrants by village; and beside it the same\n"
	         "list as CSV (FILE with .csv), with empty present and reason columns to mark.\n"
	         "With --into, add the marks of MARKED (that CSV, filled in; default standard\n"
	         "input) to the attendance record, atomically under a lock.\n"
	         "\n"
	         "      --session ID       the conference (a row of sessions.csv)\n"
	         "  -o, --output FILE      the PDF to write\n"
	         "  -t, --template T       another template (default danh-sach-dai-bieu)\n"
	         "      --into FILE        the attendance record to add the marks to\n"
	         "      --unmarked-absent  a row with no mark means absent (default: an error)\n"
	         "  -C DIR                 use the case folder DIR\n"
	         "      --from ENC         the input's encoding when not UTF-8\n"
	         "      --today DATE       take DATE (YYYY-MM-DD) as today\n"
	         "  -h, --help             show this help and exit\n"
	         "      --version          show the version and exit\n"),
	       dlg_progname(), dlg_progname());
}

enum { OPT_INTO = 256, OPT_UNMARKED };

/* The command line into so (the sign-in sheet) or ro (recording the marks),
 * the case folder and today; usage errors exit 2. */
static void parse_args(int argc, char **argv, const char **dir, const char **today,
                       dlg_attend_sheet_opts *so, dlg_attend_record_opts *ro)
{
	static const struct option longopts[] = {
	    DLG_OPTION_SESSION,
	    DLG_OPTION_OUTPUT,
	    DLG_OPTION_TEMPLATE,
	    {"into", required_argument, NULL, OPT_INTO},
	    {"unmarked-absent", no_argument, NULL, OPT_UNMARKED},
	    DLG_OPTION_FROM,
	    DLG_OPTION_TODAY,
	    DLG_OPTION_HELP,
	    DLG_OPTION_VERSION,
	    {NULL, 0, NULL, 0},
	};
	dlg_doc_opts d = {0};
	int c;
	while ((c = getopt_long(argc, argv, "o:t:C:h", longopts, NULL)) != -1) {
		if (c == OPT_INTO)
			ro->into = optarg;
		else if (c == OPT_UNMARKED)
			ro->unmarked_absent = true;
		else
			dlg_doc_option(c, &d, usage);
	}
	const char *input = dlg_doc_input(argc, argv);
	if (ro->into) {
		if (d.session || d.out || d.tmpl)
			dlg_usage_error(
			    _("--into records the marks; the session comes from the list: "
			      "give no --session, -o or -t with it"));
		if (!*ro->into || !strcmp(ro->into, "-"))
			dlg_usage_error(_("--into names the attendance record, a file"));
		ro->input = input ? input : "-";
		ro->from = d.common.from;
	} else {
		dlg_doc_need_session(&d);
		dlg_doc_need_output(&d);
		if (ro->unmarked_absent)
			dlg_usage_error(_("--unmarked-absent goes with --into"));
		so->session = d.session;
		so->out = d.out;
		so->tmpl = d.tmpl;
		so->files.items = input;
		so->files.from = d.common.from;
	}
	*dir = d.common.dir;
	*today = d.common.today;
}

int main(int argc, char **argv)
{
	dlg_diag_init(argv[0]);
	dlg_attend_sheet_opts so = {0};
	dlg_attend_record_opts ro = {0};
	const char *dir = NULL, *today = NULL;
	parse_args(argc, argv, &dir, &today, &so, &ro);
	dlg_case cs;
	if (!dlg_doc_open_case(&cs, dir, today, ro.into ? NULL : &so.today))
		return DLG_EXIT_ERROR;
	int status = ro.into ? dlg_attend_record_run(&cs, &ro) : dlg_attend_sheet_run(&cs, &so);
	dlg_case_close(&cs);
	return status;
}
