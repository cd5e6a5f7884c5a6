/* dlg-announce: the announcement of a conference (thông báo tổ chức hội
 * nghị) to the village heads, the commune's website and radio, and the
 * radio's plain-text script. */
#include <getopt.h>
#include <stdio.h>

#include "cli/docopts.h"
#include "base/diag.h"
#include "case/folder.h"
#include "step/announce.h"

static void usage(void)
{
	printf(_("Usage: %s --session ID -o FILE [--radio FILE] [OPTION]...\n"
	         "Write the announcement of conference ID (thông báo tổ chức hội nghị): time,\n"
	         "place, content and how to register, with the QR code of the online form,\n"
	         "addressed to the village heads, the commune's website and radio; and with\n"
	         "--radio the short script read on the commune radio (plain text). The law\n"
	         "wants it out at least [rules] announce_days_before days before the\n"
	         "conference: a later date is refused unless --late is given.\n"
	         "\n"
	         "      --session ID     the conference (a row of sessions.csv)\n"
	         "  -o, --output FILE    the PDF to write (\"-\": standard output)\n"
	         "      --radio FILE     the radio script (\"-\": standard output)\n"
	         "      --late           issue it although it comes late (a warning says so)\n"
	         "      --number N       the number (default: the outgoing register's next TB)\n"
	         "  -t, --template T     another template (default thong-bao-hoi-nghi)\n"
	         "  -C DIR               use the case folder DIR\n"
	         "      --today DATE     take DATE (YYYY-MM-DD) as today, the document's date\n"
	         "  -h, --help           show this help and exit\n"
	         "      --version        show the version and exit\n"),
	       dlg_progname());
}

enum { OPT_RADIO = 256, OPT_LATE };

int main(int argc, char **argv)
{
	dlg_diag_init(argv[0]);
	static const struct option longopts[] = {
	    DLG_OPTION_SESSION,
	    DLG_OPTION_OUTPUT,
	    {"radio", required_argument, NULL, OPT_RADIO},
	    {"late", no_argument, NULL, OPT_LATE},
	    DLG_OPTION_NUMBER,
	    DLG_OPTION_TEMPLATE,
	    DLG_OPTION_TODAY,
	    DLG_OPTION_HELP,
	    DLG_OPTION_VERSION,
	    {NULL, 0, NULL, 0},
	};
	dlg_doc_opts d = {0};
	dlg_announce_opts o = {0};
	int c;
	while ((c = getopt_long(argc, argv, "o:t:C:h", longopts, NULL)) != -1) {
		if (c == OPT_RADIO)
			o.radio = optarg;
		else if (c == OPT_LATE)
			o.late = true;
		else
			dlg_doc_option(c, &d, usage);
	}
	dlg_doc_need_session(&d);
	if (!d.out && !o.radio)
		dlg_usage_error(_("where to? give -o FILE or --radio FILE"));
	if (optind < argc)
		dlg_usage_error(_("no input file is read: the conference comes from sessions.csv"));
	o.session = d.session;
	o.out = d.out;
	o.number = d.number;
	o.tmpl = d.tmpl;
	dlg_case cs;
	if (!dlg_doc_open_case(&cs, d.common.dir, d.common.today, &o.today))
		return DLG_EXIT_ERROR;
	int status = dlg_announce_run(&cs, &o);
	dlg_case_close(&cs);
	return status;
}
