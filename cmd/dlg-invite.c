/* dlg-invite: invitation letters (giấy mời) to the registrants of a conference
 * and to the departments that answer their questions. */
#include <getopt.h>
#include <stdio.h>

#include "case/folder.h"
#include "cli/docopts.h"
#include "base/diag.h"
#include "base/env.h"
#include "step/invite.h"

static void usage(void)
{
	printf(_("Usage: %s --session ID [OPTION]... [FILE]\n"
	         "Write the invitation letters (giấy mời) for conference ID: one to every\n"
	         "accepted registrant in FILE (registrations, or items to list each question),\n"
	         "or with --departments one to the head of every department or agency that has\n"
	         "questions to answer in FILE (items), or with --participants one to every\n"
	         "standing participant of FILE (default the case folder's participants.csv)\n"
	         "and every village head of villages.csv. Without FILE, read standard input,\n"
	         "or the case folder's file when standard input is a terminal.\n"
	         "Also writes recipients.csv (for envelopes and e-mail) beside the letters.\n"
	         "\n"
	         "      --session ID     the conference (a row of sessions.csv)\n"
	         "  -o, --output DIR     one PDF per letter in DIR\n"
	         "      --one-file FILE  every letter in one print-ready PDF\n"
	         "      --departments    invite the departments instead of the registrants\n"
	         "      --participants   invite the standing participants and village heads\n"
	         "      --mail DIR       an e-mail (.eml) with the letter attached for every\n"
	         "                       addressee with an e-mail address; postal.csv lists\n"
	         "                       the letters to post\n"
	         "      --sendmail       hand those messages to sendmail ([mail] sendmail)\n"
	         "      --digital        the letters are to be signed digitally (dlg-sign): the\n"
	         "                       signature and seal images of dlg.conf, each with an\n"
	         "                       empty signature field\n"
	         "      --sign           sign each letter that goes by e-mail before it is\n"
	         "                       attached (signer and office, keys of dlg.conf [sign]);\n"
	         "                       letters by post stay paper, to be signed by hand\n"
	         "      --number N       the invitation's number (default: the outgoing register)\n"
	         "  -t, --template T     another template (default giay-moi, or giay-moi-phong)\n"
	         "  -C DIR               use the case folder DIR\n"
	         "      --from ENC       the input's encoding when not UTF-8 (e.g. cp1258)\n"
	         "      --excel          recipients.csv and postal.csv for Excel (BOM, CRLF,\n"
	         "                       formula cells guarded)\n"
	         "      --today DATE     take DATE (YYYY-MM-DD) as today, the letters' date\n"
	         "  -h, --help           show this help and exit\n"
	         "      --version        show the version and exit\n"),
	       dlg_progname());
}

enum { OPT_DEPTS = 256, OPT_PARTS };

/* The command line into o, the case folder and today; usage errors exit 2. */
static void parse_args(int argc, char **argv, const char **dir, const char **today,
                       dlg_invite_opts *o)
{
	static const struct option longopts[] = {
	    DLG_OPTION_SESSION,
	    DLG_OPTION_OUTPUT,
	    DLG_OPTION_ONE_FILE,
	    {"departments", no_argument, NULL, OPT_DEPTS},
	    {"participants", no_argument, NULL, OPT_PARTS},
	    DLG_OPTION_MAIL,
	    DLG_OPTION_SENDMAIL,
	    DLG_OPTION_DIGITAL,
	    DLG_OPTION_SIGN,
	    DLG_OPTION_NUMBER,
	    DLG_OPTION_TEMPLATE,
	    DLG_OPTION_FROM,
	    DLG_OPTION_EXCEL,
	    DLG_OPTION_TODAY,
	    DLG_OPTION_HELP,
	    DLG_OPTION_VERSION,
	    {NULL, 0, NULL, 0},
	};
	dlg_doc_opts d = {0};
	int c;
	while ((c = getopt_long(argc, argv, "o:t:C:h", longopts, NULL)) != -1) {
		if (c == OPT_DEPTS)
			o->departments = true;
		else if (c == OPT_PARTS)
			o->participants = true;
		else
			dlg_doc_option(c, &d, usage);
	}
	*dir = d.common.dir;
	*today = d.common.today;
	o->session = d.session;
	o->out_dir = d.out;
	o->number = d.number;
	o->tmpl = d.tmpl;
	o->from = d.common.from;
	o->excel = d.common.excel;
	o->one_file = d.one_file;
	o->mail_dir = d.mail_dir;
	o->sendmail = d.sendmail;
	o->digital = d.digital;
	o->sign = d.sign;
	dlg_doc_need_session(&d);
	dlg_doc_need_letters_output(&d);
	if (o->departments && o->participants)
		dlg_usage_error(_("--departments or --participants, not both"));
	dlg_doc_need_mail_output(&d);
	o->input = dlg_doc_input(argc, argv);
	o->today_fixed = d.common.today || dlg_env_today();
}

int main(int argc, char **argv)
{
	dlg_diag_init(argv[0]);
	dlg_invite_opts o = {0};
	const char *dir = NULL, *today = NULL;
	parse_args(argc, argv, &dir, &today, &o);
	dlg_case cs;
	if (!dlg_doc_open_case(&cs, dir, today, &o.today))
		return DLG_EXIT_ERROR;
	int status = dlg_invite_run(&cs, &o);
	dlg_case_close(&cs);
	return status;
}
