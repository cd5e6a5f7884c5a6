/* dlg: the front door. `dlg init DIR` makes a case folder; `dlg NAME ARGS`
 * runs dlg-NAME ARGS. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/diag.h"
#include "cli/cmdline.h"
#include "base/text.h"
#include "case/init.h"
#include "fmt/conf.h"

static const struct {
	const char *name, *what;
} commands[] = {
    {"announce", N_("announcement of a conference, and its radio script")},
    {"register", N_("receive registration forms into the register")},
    {"route", N_("classify questions and forward them to departments")},
    {"deadline", N_("due dates, status of answers, reminders for cron")},
    {"invite", N_("invitation letters")},
    {"brief", N_("briefing of the chair: the departments' written answers")},
    {"attend", N_("attendance list to sign, and its marks into attendance.csv")},
    {"minutes", N_("minutes and conclusion notice of a conference")},
    {"reply", N_("written answers to registrants")},
    {"escalate", N_("report to the higher level on questions beyond the commune")},
    {"post", N_("envelopes and address labels for letters by post")},
    {"report", N_("results report and figures")},
    {"pdf", N_("any Markdown template merged with CSV rows into PDF")},
};

static void usage(void)
{
	printf(_("Usage: dlg init --commune NAME DIR\n"
	         "       dlg COMMAND [ARG]...\n"
	         "The toolkit of the commune office for dialogue conferences on\n"
	         "administrative procedures.\n\n"
	         "  init        make a case folder for the commune NAME in DIR\n"));
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		printf("  %-10s  %s\n", commands[i].name, _(commands[i].what));
	printf(_("\n'dlg COMMAND --help' (or 'man dlg-COMMAND') tells more.\n"));
}

/* The commune's name asked for on the terminal; malloc'd, NULL when none. */
static char *ask_commune(void)
{
	if (!isatty(STDIN_FILENO))
		return NULL;
	fprintf(stderr, "%s", _("The commune's name (e.g. xã Liên Minh): "));
	char *line = NULL;
	size_t cap = 0;
	if (getline(&line, &cap, stdin) < 0) {
		free(line);
		return NULL;
	}
	return line;
}

/* dlg init [--commune NAME] DIR */
static int init(int argc, char **argv)
{
	const char *dir = NULL;
	char *commune = NULL;
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		if (!strncmp(a, "--commune=", 10)) {
			free(commune);
			commune = dlg_xstrdup(a + 10);
		} else if (!strcmp(a, "--commune") && i + 1 < argc) {
			free(commune);
			commune = dlg_xstrdup(argv[++i]);
		} else if (a[0] == '-' || dir) {
			dlg_usage_error("%s",
			                _("init needs one folder name and the commune's name, "
			                  "e.g. dlg init --commune \"xã Liên Minh\" "
			                  "doi-thoai-2026"));
		} else {
			dir = a;
		}
	}
	if (!dir)
		dlg_usage_error("%s", _("init needs one folder name and the commune's name, e.g. "
		                        "dlg init --commune \"xã Liên Minh\" doi-thoai-2026"));
	if (!commune)
		commune = ask_commune();
	if (commune) {
		dlg_text_squeeze(commune);
		if (!dlg_utf8_valid(commune, strlen(commune), NULL)) {
			free(commune);
			dlg_usage_error("%s", _("the commune's name is not valid UTF-8"));
		}
		size_t len;
		char *nfc = dlg_text_nfc(commune, strlen(commune), &len);
		free(commune);
		commune = nfc;
	}
	if (!commune || !*commune || dlg_conf_is_placeholder(commune)) {
		free(commune);
		dlg_usage_error("%s", _("init needs the commune's name: dlg init --commune \"xã "
		                        "Liên Minh\" DIR"));
	}
	bool ok = dlg_init_case(dir, commune);
	free(commune);
	return ok ? DLG_EXIT_OK : DLG_EXIT_ERROR;
}

int main(int argc, char **argv)
{
	dlg_diag_init(argv[0]);
	if (argc < 2) {
		usage();
		return DLG_EXIT_ERROR;
	}
	const char *cmd = argv[1];
	if (!strcmp(cmd, "help") || !strcmp(cmd, "-h") || !strcmp(cmd, "--help")) {
		usage();
		return DLG_EXIT_OK;
	}
	if (!strcmp(cmd, "--version")) {
		dlg_print_version();
		return DLG_EXIT_OK;
	}
	if (!strcmp(cmd, "init"))
		return init(argc - 2, argv + 2);
	if (strchr(cmd, '/') || cmd[0] == '-')
		dlg_usage_error(_("unknown command \"%s\""), cmd);
	/* Prefer the dlg-NAME beside this program, then PATH. */
	char *self = realpath("/proc/self/exe", NULL);
	char *prog = dlg_xasprintf("dlg-%s", cmd);
	if (self) {
		char *slash = strrchr(self, '/');
		*slash = '\0';
		char *beside = dlg_xasprintf("%s/%s", self, prog);
		argv[1] = prog;
		execv(beside, argv + 1);
		free(beside);
		free(self);
	}
	argv[1] = prog;
	execvp(prog, argv + 1);
	dlg_usage_error(_("unknown command \"%s\" (no program %s); 'dlg help' lists them"), cmd,
	                prog);
}
