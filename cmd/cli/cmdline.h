/* The command line, shared by the programs in cmd/ and kept out of lib/ (the
 * library never ends the process; these do): the options every command
 * takes (DESIGN §5) -C DIR, --today DATE, --from ENC, --excel, -h/--help and
 * --version, and usage errors (exit 2). */
#ifndef DLG_CLI_CMDLINE_H
#define DLG_CLI_CMDLINE_H

#include <getopt.h>
#include <stdbool.h>
#include <stdnoreturn.h>

/* getopt_long values of the shared long options; commands number their own
 * from 256 and list in their option tables only the shared ones they take. */
enum { DLG_OPT_TODAY = 0x1000, DLG_OPT_FROM, DLG_OPT_EXCEL, DLG_OPT_VERSION };

/* clang-format off */
#define DLG_OPTION_TODAY {"today", required_argument, NULL, DLG_OPT_TODAY}
#define DLG_OPTION_FROM {"from", required_argument, NULL, DLG_OPT_FROM}
#define DLG_OPTION_EXCEL {"excel", no_argument, NULL, DLG_OPT_EXCEL}
#define DLG_OPTION_HELP {"help", no_argument, NULL, 'h'}
#define DLG_OPTION_VERSION {"version", no_argument, NULL, DLG_OPT_VERSION}
/* clang-format on */

typedef struct {
	const char *dir;   /* -C, or NULL */
	const char *today; /* --today, or NULL */
	const char *from;  /* --from, or NULL */
	bool excel;        /* --excel */
} dlg_common_opts;

/* Handle getopt_long's result c (with optarg) when it is a shared option,
 * storing it in o; -h prints usage() and exits 0, --version prints the
 * version and exits 0; anything else was an unknown option or a missing
 * argument that getopt has reported: add the --help hint, exit 2. Call it from
 * the default branch of a command's option switch. */
void dlg_common_option(int c, dlg_common_opts *o, void (*usage)(void));

/* Print "prog: message" followed by the usage hint, exit 2. */
noreturn void dlg_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* --version output, common to every command. */
void dlg_print_version(void);

#endif
