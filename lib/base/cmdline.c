/* Shared command-line options. */
#include "base/cmdline.h"

#include <stdio.h>
#include <stdlib.h>

#include "base/diag.h"

void dlg_common_option(int c, dlg_common_opts *o, void (*usage)(void))
{
	switch (c) {
	case 'C':
		o->dir = optarg;
		break;
	case DLG_OPT_TODAY:
		o->today = optarg;
		break;
	case DLG_OPT_FROM:
		o->from = optarg;
		break;
	case DLG_OPT_EXCEL:
		o->excel = true;
		break;
	case 'h':
		usage();
		exit(DLG_EXIT_OK);
	case DLG_OPT_VERSION:
		dlg_print_version();
		exit(DLG_EXIT_OK);
	default: /* getopt has said what is wrong */
		fprintf(stderr, _("Try '%s --help' for more information.\n"), dlg_progname());
		exit(DLG_EXIT_ERROR);
	}
}
