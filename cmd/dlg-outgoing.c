/* dlg-outgoing: the outgoing register (sổ đăng ký văn bản đi) of the case
 * folder, from which every document takes its number: listed as CSV, or
 * printed as the register book. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/cmdline.h"
#include "base/diag.h"
#include "case/folder.h"
#include "step/outbook.h"

static void usage(void)
{
	printf(_("Usage: %s [OPTION]...\n"
	         "List the outgoing register (sổ đăng ký văn bản đi, Decree 30 art. 15 and\n"
	         "Appendix IV) of the case folder as CSV on standard output, or print it as\n"
	         "the register book. Every document dlg issues takes its number from it.\n"
	         "\n"
	         "      --year YYYY      only the numbers of that year\n"
	         "      --pdf FILE       the register book as a PDF (\"-\": standard output)\n"
	         "      --excel          CSV for Excel: BOM, CRLF, formulas guarded\n"
	         "  -C DIR               use the case folder DIR\n"
	         "      --today DATE     take DATE (YYYY-MM-DD) as today (the PDF's date)\n"
	         "  -h, --help           show this help and exit\n"
	         "      --version        show the version and exit\n"),
	       dlg_progname());
}

enum { OPT_YEAR = 256, OPT_PDF };

int main(int argc, char **argv)
{
	dlg_diag_init(argv[0]);
	static const struct option longopts[] = {
	    {"year", required_argument, NULL, OPT_YEAR},
	    {"pdf", required_argument, NULL, OPT_PDF},
	    DLG_OPTION_EXCEL,
	    DLG_OPTION_TODAY,
	    DLG_OPTION_HELP,
	    DLG_OPTION_VERSION,
	    {NULL, 0, NULL, 0},
	};
	dlg_outbook_opts o = {0};
	dlg_common_opts common = {0};
	int c;
	while ((c = getopt_long(argc, argv, "C:h", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_YEAR: {
			char *end;
			o.year = strtol(optarg, &end, 10);
			if (*end || o.year < 1900 || o.year > 9999)
				dlg_usage_error(_("--year %s: not a year (YYYY)"), optarg);
			break;
		}
		case OPT_PDF:
			o.pdf = optarg;
			break;
		default:
			dlg_common_option(c, &common, usage);
		}
	}
	if (optind < argc)
		dlg_usage_error(_("no file arguments: the register is the case folder's"));
	o.excel = common.excel;
	o.today = common.today;
	dlg_case cs;
	if (!dlg_case_open(&cs, common.dir))
		return DLG_EXIT_ERROR;
	int status = dlg_outbook_run(&cs, &o);
	dlg_case_close(&cs);
	return status;
}
