/* dlg-deadline: due dates of the questions forwarded to departments, the
 * conference calendar, the days off, and reminders for cron (DESIGN §7). */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "case/folder.h"
#include "cli/cmdline.h"
#include "base/date.h"
#include "step/deadline.h"
#include "base/diag.h"
#include "base/env.h"

/* The command line: the case folder and today for the command itself, the
 * rest for dlg_deadline_run. */
struct args {
	const char *dir, *today;
	dlg_deadline_opts o;
};

static void usage(void)
{
	printf(
	    _("Usage: %s [OPTION]... [ITEMS.csv]\n"
	      "Add due dates and states to the items (questions forwarded to departments),\n"
	      "or list the conference calendar, the days off, or reminders.\n"
	      "\n"
	      "  -a, --answers FILE   answers.csv: an item's first answer marks it answered\n"
	      "      --soon N         due_soon when at most N days are left (default: dlg.conf\n"
	      "                       soon_days, 2)\n"
	      "      --remind         print what is overdue or due soon, by department, in\n"
	      "                       Vietnamese; nothing when nothing is; exit 1 when anything\n"
	      "                       is overdue\n"
	      "      --mail DIR       also write one e-mail per department into DIR\n"
	      "      --sendmail       also hand those e-mails to sendmail -t ($DLG_SENDMAIL,\n"
	      "                       else dlg.conf [mail] sendmail)\n"
	      "      --sessions       each conference with its registration cutoff and the\n"
	      "                       dates invitations and results are due\n"
	      "      --holidays YEAR  the days off used for YEAR and where they come from\n"
	      "      --today DATE     count from DATE (YYYY-MM-DD) instead of today\n"
	      "      --from ENC       the input's encoding when it is not UTF-8 (e.g. CP1258)\n"
	      "      --excel          CSV for Excel: BOM, CRLF, formulas guarded\n"
	      "      --xlsx FILE      write the table to FILE as an Excel workbook instead,\n"
	      "                       every cell text (phone numbers keep their zeros)\n"
	      "  -C DIR               the case folder\n"
	      "  -h, --help           show this help\n"
	      "      --version        show the version\n"
	      "\n"
	      "Exit status: 0 done, 1 something is overdue (--remind), 2 error.\n"),
	    dlg_progname());
}

static long parse_count(const char *what, const char *s)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < 0 || v > 3650)
		dlg_usage_error(_("%s: \"%s\" is not a number of days (0 to 3650)"), what, s);
	return v;
}

static void parse_args(int argc, char **argv, struct args *a)
{
	enum {
		O_SOON = 256,
		O_REMIND,
		O_MAIL,
		O_SENDMAIL,
		O_SESSIONS,
		O_HOLIDAYS,
		O_XLSX,
	};
	static const struct option longopts[] = {
	    {"answers", required_argument, NULL, 'a'},
	    {"soon", required_argument, NULL, O_SOON},
	    {"remind", no_argument, NULL, O_REMIND},
	    {"mail", required_argument, NULL, O_MAIL},
	    {"sendmail", no_argument, NULL, O_SENDMAIL},
	    {"sessions", no_argument, NULL, O_SESSIONS},
	    {"holidays", required_argument, NULL, O_HOLIDAYS},
	    {"xlsx", required_argument, NULL, O_XLSX},
	    DLG_OPTION_TODAY,
	    DLG_OPTION_FROM,
	    DLG_OPTION_EXCEL,
	    DLG_OPTION_HELP,
	    DLG_OPTION_VERSION,
	    {NULL, 0, NULL, 0},
	};
	dlg_common_opts common = {0};
	int c;
	while ((c = getopt_long(argc, argv, "a:C:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'a':
			a->o.answers = optarg;
			break;
		case O_SOON:
			a->o.soon = parse_count("--soon", optarg);
			break;
		case O_REMIND:
			a->o.remind = true;
			break;
		case O_MAIL:
			a->o.mail_dir = optarg;
			a->o.remind = true;
			break;
		case O_SENDMAIL:
			a->o.sendmail = true;
			a->o.remind = true;
			break;
		case O_SESSIONS:
			a->o.sessions = true;
			break;
		case O_XLSX:
			a->o.xlsx = optarg;
			break;
		case O_HOLIDAYS: {
			char *end;
			long y = strtol(optarg, &end, 10);
			if (end == optarg || *end || y < 1800 || y > 2199)
				dlg_usage_error(
				    _("--holidays: \"%s\" is not a year (1800 to 2199)"), optarg);
			a->o.holidays_year = (int)y;
			break;
		}
		default:
			dlg_common_option(c, &common, usage);
		}
	}
	a->dir = common.dir;
	a->today = common.today;
	a->o.from = common.from;
	a->o.excel = common.excel;
	int modes = a->o.sessions + (a->o.holidays_year != 0) + a->o.remind;
	if (modes > 1)
		dlg_usage_error("%s", _("--sessions, --holidays and --remind (--mail, --sendmail) "
		                        "go one at a time"));
	if (a->o.xlsx && a->o.remind)
		dlg_usage_error("%s", _("--xlsx writes a table; --remind (--mail, --sendmail) "
		                        "prints reminders: one at a time"));
	if ((a->o.sessions || a->o.holidays_year) && argc - optind > 0)
		dlg_usage_error(_("unexpected argument \"%s\""), argv[optind]);
	if (argc - optind > 1)
		dlg_usage_error(_("one items file at most, not \"%s\" too"), argv[optind + 1]);
}

int main(int argc, char **argv)
{
	dlg_diag_init(argv[0]);
	struct args a = {.o = {.soon = -1}};
	parse_args(argc, argv, &a);
	dlg_case kase;
	if (!dlg_case_open(&kase, a.dir))
		return DLG_EXIT_ERROR;
	if (!dlg_date_today(a.today, &a.o.today)) {
		dlg_case_close(&kase);
		return DLG_EXIT_ERROR;
	}
	a.o.today_fixed = a.today || dlg_env_today();
	a.o.items = optind < argc ? argv[optind] : "-";
	int status = dlg_deadline_run(&kase, &a.o);
	dlg_case_close(&kase);
	return status;
}
