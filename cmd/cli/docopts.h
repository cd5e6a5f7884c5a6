/* The options of the commands that write a conference's documents
 * (dlg-announce, dlg-attend, dlg-brief, dlg-escalate, dlg-invite,
 * dlg-minutes, dlg-reply, dlg-route): --session ID, -o/--output, --number N,
 * -t/--template T, --answers FILE, --attendance FILE, on top of the shared
 * ones of cli/cmdline.h; their usage checks; opening the case folder with
 * today's date. Each command lists in its option table only the entries it
 * takes and handles in its own switch only what is its own. */
#ifndef DLG_CLI_DOCOPTS_H
#define DLG_CLI_DOCOPTS_H

#include "base/date.h"
#include "case/folder.h"
#include "cli/cmdline.h"
#include "step/confopen.h"

/* getopt_long values of the document options (-o and -t are 'o' and 't'). */
enum {
	DLG_OPT_SESSION = 0x1100,
	DLG_OPT_NUMBER,
	DLG_OPT_ANSWERS,
	DLG_OPT_ATTENDANCE,
	DLG_OPT_ONE_FILE,
	DLG_OPT_MAIL,
	DLG_OPT_SENDMAIL,
	DLG_OPT_DIGITAL,
	DLG_OPT_SIGN,
};

/* clang-format off */
#define DLG_OPTION_SESSION {"session", required_argument, NULL, DLG_OPT_SESSION}
#define DLG_OPTION_OUTPUT {"output", required_argument, NULL, 'o'}
#define DLG_OPTION_NUMBER {"number", required_argument, NULL, DLG_OPT_NUMBER}
#define DLG_OPTION_TEMPLATE {"template", required_argument, NULL, 't'}
#define DLG_OPTION_ANSWERS {"answers", required_argument, NULL, DLG_OPT_ANSWERS}
#define DLG_OPTION_ATTENDANCE {"attendance", required_argument, NULL, DLG_OPT_ATTENDANCE}
/* clang-format on */

/* The options of the commands that write one letter per addressee
 * (dlg-invite, dlg-reply): --one-file FILE, --mail DIR, --sendmail,
 * --digital, --sign. */
/* clang-format off */
#define DLG_OPTION_ONE_FILE {"one-file", required_argument, NULL, DLG_OPT_ONE_FILE}
#define DLG_OPTION_MAIL {"mail", required_argument, NULL, DLG_OPT_MAIL}
#define DLG_OPTION_SENDMAIL {"sendmail", no_argument, NULL, DLG_OPT_SENDMAIL}
#define DLG_OPTION_DIGITAL {"digital", no_argument, NULL, DLG_OPT_DIGITAL}
#define DLG_OPTION_SIGN {"sign", no_argument, NULL, DLG_OPT_SIGN}
/* clang-format on */

/* What the document options gave (strings borrowed from argv; NULL when
 * the option was not given). */
typedef struct {
	dlg_common_opts common; /* -C, --today, --from, --excel */
	const char *session;    /* --session */
	const char *out;        /* -o, --output */
	const char *number;     /* --number */
	const char *tmpl;       /* -t, --template */
	const char *answers;    /* --answers */
	const char *attendance; /* --attendance */
	const char *one_file;   /* --one-file */
	const char *mail_dir;   /* --mail */
	bool sendmail;          /* --sendmail */
	bool digital;           /* --digital */
	bool sign;              /* --sign */
} dlg_doc_opts;

/* Handle getopt_long's result c (with optarg) when it is a document option,
 * storing it in o, else pass it to dlg_common_option (which may exit). Call
 * it from the default branch of a command's option switch. */
void dlg_doc_option(int c, dlg_doc_opts *o, void (*usage)(void));

/* Usage error (exit 2) unless --session was given. */
void dlg_doc_need_session(const dlg_doc_opts *o);

/* Usage error (exit 2) unless -o FILE was given. */
void dlg_doc_need_output(const dlg_doc_opts *o);

/* Usage error (exit 2) unless the letters go somewhere: -o DIR or
 * --one-file FILE. */
void dlg_doc_need_letters_output(const dlg_doc_opts *o);

/* Usage error (exit 2) for --sign without --mail or --sendmail, or for
 * e-mail without -o DIR (each message attaches its letter's own PDF). */
void dlg_doc_need_mail_output(const dlg_doc_opts *o);

/* The one optional input file after the options (argv[optind]), or NULL;
 * a usage error (exit 2) when there are more. Borrowed from argv. */
const char *dlg_doc_input(int argc, char **argv);

/* Open the case folder dir (NULL: the current one) into cs, then, when
 * today is not NULL, set *today from --today (opt, or NULL: DLG_TODAY or
 * the clock). false after a diagnostic, with cs closed; else close cs
 * with dlg_case_close. */
bool dlg_doc_open_case(dlg_case *cs, const char *dir, const char *opt, dlg_day *today);

/* The whole of a command that writes one report on a conference (dlg-brief,
 * dlg-escalate): --session, -o, --number, -t, --answers, --from, --today,
 * -C and one optional ITEMS file; usage errors exit 2 (usage() for --help).
 * Opens the case folder and calls run. Returns the exit status. */
int dlg_doc_report_main(int argc, char **argv, void (*usage)(void),
                        int (*run)(const dlg_case *, const dlg_confreport_opts *));

#endif
