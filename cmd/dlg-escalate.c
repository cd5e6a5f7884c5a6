/* dlg-escalate: the report to the higher level (tổng hợp báo cáo cấp trên)
 * on the questions of a conference that are beyond the commune. */
#include <getopt.h>
#include <stdio.h>

#include "cli/docopts.h"
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

int main(int argc, char **argv)
{
	dlg_diag_init(argv[0]);
	return dlg_doc_report_main(argc, argv, usage, dlg_escalate_run);
}
