/* dlg-brief: the office's briefing to the commune's leaders before a
 * conference: every question with the department's written answer, grouped
 * by department (tổng hợp, báo cáo lãnh đạo UBND xã ý kiến trả lời). */
#include <getopt.h>
#include <stdio.h>

#include "cli/docopts.h"
#include "base/diag.h"
#include "case/folder.h"
#include "step/brief.h"

static void usage(void)
{
	printf(_("Usage: %s --session ID -o FILE [OPTION]... [ITEMS]\n"
	         "Write the office's briefing to the commune's leaders before conference ID:\n"
	         "every registered question, grouped by the department that answers it, with\n"
	         "the department's written answers dated up to today, or \"chưa có văn bản\n"
	         "trả lời\". Complaints and denunciations are counted, never listed. Reads\n"
	         "ITEMS (default: the case folder's items.csv; \"-\" for standard input) and\n"
	         "the case folder's answers.csv.\n"
	         "\n"
	         "      --session ID     the conference (a row of sessions.csv)\n"
	         "  -o, --output FILE    the PDF to write (\"-\": standard output)\n"
	         "      --number N       the number (default: the outgoing register's next BC)\n"
	         "  -t, --template T     another template (default bao-cao-lanh-dao)\n"
	         "      --answers FILE   answers (default: the case folder's)\n"
	         "  -C DIR               use the case folder DIR\n"
	         "      --from ENC       the items file's encoding when not UTF-8\n"
	         "      --today DATE     take DATE (YYYY-MM-DD) as today, the briefing's date\n"
	         "  -h, --help           show this help and exit\n"
	         "      --version        show the version and exit\n"),
	       dlg_progname());
}

int main(int argc, char **argv)
{
	dlg_diag_init(argv[0]);
	return dlg_doc_report_main(argc, argv, usage, dlg_brief_run);
}
