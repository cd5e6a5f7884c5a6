/* dlg-post: envelopes and address labels for the letters that go by post. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cmdline.h"
#include "base/diag.h"
#include "case/folder.h"
#include "step/post.h"

static void usage(void)
{
	printf(_("Usage: %s (--envelope dl|c5 | --labels) -o FILE [OPTION]... [LIST]\n"
	         "Print the envelopes (DL 110 x 220 mm or C5 162 x 229 mm), or A4 sheets of\n"
	         "address labels (2 x 7, 99.1 x 38.1 mm), for the letters of LIST: the\n"
	         "postal.csv or recipients.csv that dlg-invite and dlg-reply write (default:\n"
	         "standard input). Addresses are completed with the commune and the province\n"
	         "of dlg.conf ([office] commune, province) when they name neither.\n"
	         "\n"
	         "      --envelope SIZE  one envelope per letter: dl or c5\n"
	         "      --labels         A4 sheets of labels\n"
	         "  -o, --output FILE    the PDF to write (\"-\": standard output)\n"
	         "  -C DIR               use the case folder DIR\n"
	         "      --from ENC       the list's encoding when not UTF-8\n"
	         "      --today DATE     take DATE (YYYY-MM-DD) as today, the PDF's date\n"
	         "  -h, --help           show this help and exit\n"
	         "      --version        show the version and exit\n"),
	       dlg_progname());
}

enum { OPT_ENVELOPE = 256, OPT_LABELS };

int main(int argc, char **argv)
{
	dlg_diag_init(argv[0]);
	static const struct option longopts[] = {
	    {"envelope", required_argument, NULL, OPT_ENVELOPE},
	    {"labels", no_argument, NULL, OPT_LABELS},
	    {"output", required_argument, NULL, 'o'},
	    DLG_OPTION_FROM,
	    DLG_OPTION_TODAY,
	    DLG_OPTION_HELP,
	    DLG_OPTION_VERSION,
	    {NULL, 0, NULL, 0},
	};
	dlg_post_opts o = {0};
	dlg_common_opts common = {0};
	int c;
	while ((c = getopt_long(argc, argv, "o:C:h", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_ENVELOPE:
			if (o.format)
				dlg_usage_error(_("one of --envelope and --labels"));
			if (strcmp(optarg, "dl") && strcmp(optarg, "c5") && strcmp(optarg, "DL") &&
			    strcmp(optarg, "C5"))
				dlg_usage_error(_("--envelope dl or --envelope c5, not \"%s\""),
				                optarg);
			o.format = optarg[0] == 'c' || optarg[0] == 'C' ? "c5" : "dl";
			break;
		case OPT_LABELS:
			if (o.format)
				dlg_usage_error(_("one of --envelope and --labels"));
			o.format = "labels";
			break;
		case 'o':
			o.out = optarg;
			break;
		default:
			dlg_common_option(c, &common, usage);
		}
	}
	if (!o.format)
		dlg_usage_error(
		    _("envelopes or labels? give --envelope dl, --envelope c5 or --labels"));
	if (!o.out)
		dlg_usage_error(_("where to? give -o FILE"));
	if (argc - optind > 1)
		dlg_usage_error(_("one input file at most"));
	o.input = optind < argc ? argv[optind] : "-";
	o.from = common.from;
	dlg_case cs;
	if (!dlg_case_open(&cs, common.dir))
		return DLG_EXIT_ERROR;
	int status = DLG_EXIT_ERROR;
	if (dlg_date_today(common.today, &o.today))
		status = dlg_post_run(&cs, &o);
	dlg_case_close(&cs);
	return status;
}
