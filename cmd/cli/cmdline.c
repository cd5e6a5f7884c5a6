/* Shared command-line options, usage errors, --version. */
#include "cli/cmdline.h"

#include <stdarg.h>
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

void dlg_usage_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	dlg_vwarn(fmt, ap);
	va_end(ap);
	fprintf(stderr, _("Try '%s --help' for more information.\n"), dlg_progname());
	exit(DLG_EXIT_ERROR);
}

void dlg_print_version(void)
{
	printf("%s (dlg) %s\n", dlg_progname(), DLG_VERSION);
}
