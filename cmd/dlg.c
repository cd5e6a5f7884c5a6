/* dlg: the front door. `dlg init DIR` makes a case folder; `dlg NAME ARGS`
 * runs dlg-NAME ARGS. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/diag.h"
#include "case/init.h"

static const struct {
	const char *name, *what;
} commands[] = {
    {"register", N_("receive registration forms into the register")},
    {"route", N_("classify questions and forward them to departments")},
    {"deadline", N_("due dates, status of answers, reminders for cron")},
    {"invite", N_("invitation letters")},
    {"minutes", N_("minutes and conclusion notice of a conference")},
    {"reply", N_("written answers to registrants")},
    {"report", N_("results report and figures")},
    {"pdf", N_("any Markdown template merged with CSV rows into PDF")},
};

static void usage(void)
{
	printf(_("Usage: dlg init DIR\n"
	         "       dlg COMMAND [ARG]...\n"
	         "The toolkit of the commune office for dialogue conferences on\n"
	         "administrative procedures.\n\n"
	         "  init DIR    make a case folder with the office's defaults\n"));
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		printf("  %-10s  %s\n", commands[i].name, _(commands[i].what));
	printf(_("\n'dlg COMMAND --help' (or 'man dlg-COMMAND') tells more.\n"));
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
	if (!strcmp(cmd, "init")) {
		if (argc != 3 || argv[2][0] == '-')
			dlg_usage_error(
			    _("init needs one folder name, e.g. dlg init doi-thoai-2026"));
		return dlg_init_case(argv[2]) ? DLG_EXIT_OK : DLG_EXIT_ERROR;
	}
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
