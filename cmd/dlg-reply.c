/* dlg-reply: letters (công văn) answering in writing the registrants of a
 * conference who must be answered that way (plan II.3, issue 6), the list
 * of who gets what and how, and e-mail messages with the letter attached. */
#include <getopt.h>
#include <stdio.h>

#include "cli/docopts.h"
#include "base/diag.h"
#include "case/folder.h"
#include "step/acknowledge.h"
#include "step/reply.h"

static void usage(void)
{
	printf(
	    _("Usage: %s --session ID -o DIR [OPTION]... [ITEMS]\n"
	      "Write a letter (công văn) to every registrant of conference ID who must be\n"
	      "answered in writing: those absent, those whose questions were not answered\n"
	      "at the conference, every registrant of a cancelled conference, guidance for\n"
	      "complaints and denunciations, questions forwarded to a higher level. Reads\n"
	      "ITEMS (default: the case folder's items.csv; \"-\" for standard input) and\n"
	      "the case folder's answers.csv and attendance.csv. Writes recipients.csv\n"
	      "(who gets what and how) and postal.csv (the letters to post) beside them.\n"
	      "\n"
	      "      --session ID     the conference (a row of sessions.csv)\n"
	      "  -o, --output DIR     one PDF per letter in DIR\n"
	      "      --one-file FILE  every letter in one print-ready PDF\n"
	      "      --pending        a question with no answer yet says it is being\n"
	      "                       considered (default: an error listing them)\n"
	      "      --guidance       only the guidance letters for complaints, denunciations\n"
	      "                       and other matters outside the conference, at any time\n"
	      "                       after routing; recorded in closures.csv\n"
	      "      --acknowledge    a letter to each registrant whose form came late or\n"
	      "                       incomplete: what happens to the question or what is\n"
	      "                       missing (reads the case folder's registrations.csv)\n"
	      "      --mail DIR       an e-mail message (.eml) with the letter attached for\n"
	      "                       every registrant with an e-mail address\n"
	      "      --sendmail       hand those messages to sendmail ([mail] sendmail)\n"
	      "      --digital        the letters are to be signed digitally (dlg-sign):\n"
	      "                       the signer's signature image and the office's seal\n"
	      "                       image of dlg.conf where Decree 30 puts them, each\n"
	      "                       with an empty signature field\n"
	      "      --sign           sign each letter that goes by e-mail before it is\n"
	      "                       attached: the images as --digital, then the signer's\n"
	      "                       and the office's digital signatures with the keys of\n"
	      "                       dlg.conf [sign] (see dlg-sign); letters by post stay\n"
	      "                       paper, to be signed by hand\n"
	      "      --number N       the first letter's number (default: the outgoing register);\n"
	      "                       the next letters take the numbers after it\n"
	      "  -t, --template T     another template (default tra-loi)\n"
	      "      --answers FILE   answers (default: the case folder's)\n"
	      "      --attendance FILE  attendance (default: the case folder's)\n"
	      "  -C DIR               use the case folder DIR\n"
	      "      --from ENC       the items file's encoding when not UTF-8\n"
	      "      --excel          recipients.csv and postal.csv for Excel (BOM, CRLF,\n"
	      "                       formula cells guarded)\n"
	      "      --today DATE     take DATE (YYYY-MM-DD) as today, the letters' date\n"
	      "  -h, --help           show this help and exit\n"
	      "      --version        show the version and exit\n"),
	    dlg_progname());
}

enum { OPT_PENDING = 256, OPT_GUIDANCE, OPT_ACK };

/* The command line into o; usage errors exit 2. */
static void parse_args(int argc, char **argv, const char **dir, dlg_reply_opts *o)
{
	static const struct option longopts[] = {
	    DLG_OPTION_SESSION,
	    DLG_OPTION_OUTPUT,
	    DLG_OPTION_ONE_FILE,
	    {"pending", no_argument, NULL, OPT_PENDING},
	    DLG_OPTION_MAIL,
	    DLG_OPTION_SENDMAIL,
	    DLG_OPTION_NUMBER,
	    DLG_OPTION_TEMPLATE,
	    DLG_OPTION_ANSWERS,
	    DLG_OPTION_ATTENDANCE,
	    DLG_OPTION_DIGITAL,
	    DLG_OPTION_SIGN,
	    {"guidance", no_argument, NULL, OPT_GUIDANCE},
	    {"acknowledge", no_argument, NULL, OPT_ACK},
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
		if (c == OPT_GUIDANCE)
			o->guidance = true;
		else if (c == OPT_ACK)
			o->acknowledge = true;
		else if (c == OPT_PENDING)
			o->pending = true;
		else
			dlg_doc_option(c, &d, usage);
	}
	*dir = d.common.dir;
	o->open.session = d.session;
	o->open.today = d.common.today;
	o->open.tmpl = d.tmpl;
	o->open.files.answers = d.answers;
	o->open.files.attendance = d.attendance;
	o->open.files.from = d.common.from;
	o->out = d.out;
	o->number = d.number;
	o->excel = d.common.excel;
	o->one_file = d.one_file;
	o->mail_dir = d.mail_dir;
	o->sendmail = d.sendmail;
	o->digital = d.digital;
	o->sign = d.sign;
	dlg_doc_need_session(&d);
	dlg_doc_need_letters_output(&d);
	dlg_doc_need_mail_output(&d);
	o->open.files.items = dlg_doc_input(argc, argv);
	if (o->acknowledge &&
	    (o->guidance || o->pending || o->mail_dir || o->sendmail || o->sign || optind < argc))
		dlg_usage_error(
		    _("--acknowledge reads registrations.csv and writes the "
		      "letters only: no --guidance, --pending, --mail, --sign or ITEMS"));
}

int main(int argc, char **argv)
{
	dlg_diag_init(argv[0]);
	const char *dir = NULL;
	dlg_reply_opts o = {0};
	parse_args(argc, argv, &dir, &o);
	dlg_case cs;
	if (!dlg_doc_open_case(&cs, dir, NULL, NULL))
		return DLG_EXIT_ERROR;
	int status = o.acknowledge ? dlg_acknowledge_run(&cs, &o) : dlg_reply_run(&cs, &o);
	dlg_case_close(&cs);
	return status;
}
