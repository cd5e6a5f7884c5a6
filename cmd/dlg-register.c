/* dlg-register: registration forms in, the register of record out. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/atomic.h"
#include "case/folder.h"
#include "cli/cmdline.h"
#include "fmt/csv.h"
#include "base/diag.h"
#include "case/intake.h"
#include "step/register.h"
#include "base/text.h"

static void usage(void)
{
	printf(_("Usage: %s [OPTION]... [FILE]...\n"
	         "Read registration forms (CSV or .xlsx with the form's own headings, e.g. the\n"
	         "online form's export; .eml messages or a maildir folder of e-mails) and\n"
	         "write them as registrations: normalised, with a session, a status\n"
	         "(accepted, late, incomplete, duplicate) and a note.\n"
	         "With no FILE, or when FILE is -, read standard input.\n"
	         "\n"
	         "  -C DIR             use the case folder DIR\n"
	         "      --into FILE    add the forms to the register FILE (atomically, under a\n"
	         "                     lock; a form already there is not added again)\n"
	         "      --channel CH   how forms without a channel came: paper, online, email,\n"
	         "                     post or conference\n"
	         "      --session ID   register every form for conference ID\n"
	         "      --carry-over REG_ID  move the late form REG_ID of the register (--into)\n"
	         "                     to the next conference (or the one --session names):\n"
	         "                     the office's decision, written in its note; repeat it\n"
	         "                     for several forms; no FILE then\n"
	         "      --from ENC     the input's encoding when not UTF-8: cp1258, tcvn3\n"
	         "                     (TCVN5712-1) or vni\n"
	         "      --map 'HEADER=FIELD'  read column HEADER as FIELD (name, phone,\n"
	         "                     topic_procedure, ...; - for none); repeatable\n"
	         "      --sheet NAME   the sheet of an .xlsx workbook to read (default: the\n"
	         "                     first)\n"
	         "      --check        exit 1 when a form is not accepted\n"
	         "      --excel        write CSV for Excel (BOM, CRLF, formula guard)\n"
	         "      --xlsx FILE    write the forms (with --into: the whole register) to FILE\n"
	         "                     as an Excel workbook, every cell text, instead of CSV\n"
	         "      --today DATE   take DATE (YYYY-MM-DD) as today\n"
	         "  -q, --quiet        no summary on standard error\n"
	         "  -h, --help         show this help and exit\n"
	         "      --version      show the version and exit\n"),
	       dlg_progname());
}

enum {
	OPT_INTO = 256,
	OPT_CHANNEL,
	OPT_SESSION,
	OPT_CHECK,
	OPT_CARRY,
	OPT_MAP,
	OPT_SHEET,
	OPT_XLSX,
};

/* The command line into o, the case folder and today; usage errors exit 2. */
static void parse_args(int argc, char **argv, const char **dir, const char **today,
                       dlg_register_opts *o)
{
	static const struct option longopts[] = {
	    {"into", required_argument, NULL, OPT_INTO},
	    {"channel", required_argument, NULL, OPT_CHANNEL},
	    {"session", required_argument, NULL, OPT_SESSION},
	    DLG_OPTION_FROM,
	    {"check", no_argument, NULL, OPT_CHECK},
	    {"carry-over", required_argument, NULL, OPT_CARRY},
	    {"map", required_argument, NULL, OPT_MAP},
	    {"sheet", required_argument, NULL, OPT_SHEET},
	    {"xlsx", required_argument, NULL, OPT_XLSX},
	    DLG_OPTION_EXCEL,
	    DLG_OPTION_TODAY,
	    {"quiet", no_argument, NULL, 'q'},
	    DLG_OPTION_HELP,
	    DLG_OPTION_VERSION,
	    {NULL, 0, NULL, 0},
	};
	dlg_common_opts common = {0};
	int c;
	while ((c = getopt_long(argc, argv, "C:qh", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_INTO:
			o->into = optarg;
			break;
		case OPT_CHANNEL:
			o->channel = optarg;
			break;
		case OPT_SESSION:
			o->session = optarg;
			break;
		case OPT_CHECK:
			o->check = true;
			break;
		case OPT_CARRY: {
			const char **v =
			    dlg_xrealloc((void *)o->carry, (o->ncarry + 1) * sizeof *v);
			v[o->ncarry++] = optarg;
			o->carry = v;
			break;
		}
		case OPT_MAP: {
			const char **v = dlg_xrealloc((void *)o->maps, (o->nmaps + 1) * sizeof *v);
			v[o->nmaps++] = optarg;
			o->maps = v;
			break;
		}
		case OPT_SHEET:
			o->sheet = optarg;
			break;
		case OPT_XLSX:
			o->xlsx = optarg;
			break;
		case 'q':
			o->quiet = true;
			break;
		default:
			dlg_common_option(c, &common, usage);
		}
	}
	*dir = common.dir;
	*today = common.today;
	o->from = common.from;
	o->excel = common.excel;
	if (o->channel && !dlg_intake_channel(o->channel))
		dlg_usage_error(_("--channel: \"%s\" is not one of paper, online, email, post, "
		                  "conference"),
		                o->channel);
	o->files = (const char *const *)argv + optind;
	o->nfiles = (size_t)(argc - optind);
	if (o->ncarry && !o->into)
		dlg_usage_error(_("--carry-over moves forms of the register: give --into FILE"));
	if (o->ncarry && o->nfiles)
		dlg_usage_error(_("--carry-over reads no forms: leave out \"%s\""), o->files[0]);
}

int main(int argc, char **argv)
{
	dlg_diag_init(argv[0]);
	dlg_register_opts o = {0};
	const char *dir = NULL, *today = NULL;
	parse_args(argc, argv, &dir, &today, &o);
	dlg_case cs;
	int status = DLG_EXIT_ERROR;
	if (dlg_case_open(&cs, dir)) {
		if (dlg_date_today(today, &o.today))
			status = dlg_register_run(&cs, &o);
		dlg_case_close(&cs);
	}
	free((void *)o.carry);
	free((void *)o.maps);
	return status;
}
