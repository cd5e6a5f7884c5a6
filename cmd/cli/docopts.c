/* The options of the commands that write a conference's documents. */
#include "cli/docopts.h"

#include <getopt.h>

#include "base/diag.h"

void dlg_doc_option(int c, dlg_doc_opts *o, void (*usage)(void))
{
	switch (c) {
	case DLG_OPT_SESSION:
		o->session = optarg;
		break;
	case 'o':
		o->out = optarg;
		break;
	case DLG_OPT_NUMBER:
		o->number = optarg;
		break;
	case 't':
		o->tmpl = optarg;
		break;
	case DLG_OPT_ANSWERS:
		o->answers = optarg;
		break;
	case DLG_OPT_ATTENDANCE:
		o->attendance = optarg;
		break;
	case DLG_OPT_ONE_FILE:
		o->one_file = optarg;
		break;
	case DLG_OPT_MAIL:
		o->mail_dir = optarg;
		break;
	case DLG_OPT_SENDMAIL:
		o->sendmail = true;
		break;
	case DLG_OPT_DIGITAL:
		o->digital = true;
		break;
	case DLG_OPT_SIGN:
		o->sign = true;
		break;
	default:
		dlg_common_option(c, &o->common, usage);
	}
}

void dlg_doc_need_session(const dlg_doc_opts *o)
{
	if (!o->session)
		dlg_usage_error(_("which conference? give --session ID"));
}

void dlg_doc_need_output(const dlg_doc_opts *o)
{
	if (!o->out)
		dlg_usage_error(_("where to? give -o FILE"));
}

void dlg_doc_need_letters_output(const dlg_doc_opts *o)
{
	if (!o->out && !o->one_file)
		dlg_usage_error(_("where to? give -o DIR or --one-file FILE"));
}

void dlg_doc_need_mail_output(const dlg_doc_opts *o)
{
	if (o->sign && !o->mail_dir && !o->sendmail)
		dlg_usage_error(_("--sign signs the letters that go by e-mail: give --mail DIR or "
		                  "--sendmail"));
	if ((o->mail_dir || o->sendmail) && !o->out)
		dlg_usage_error(_("e-mail attaches each letter's own PDF: give -o DIR too"));
}

const char *dlg_doc_input(int argc, char **argv)
{
	if (argc - optind > 1)
		dlg_usage_error(_("one input file at most"));
	return optind < argc ? argv[optind] : NULL;
}

bool dlg_doc_open_case(dlg_case *cs, const char *dir, const char *opt, dlg_day *today)
{
	if (!dlg_case_open(cs, dir))
		return false;
	if (today && !dlg_date_today(opt, today)) {
		dlg_case_close(cs);
		return false;
	}
	return true;
}

int dlg_doc_report_main(int argc, char **argv, void (*usage)(void),
                        int (*run)(const dlg_case *, const dlg_confreport_opts *))
{
	static const struct option longopts[] = {
	    DLG_OPTION_SESSION, DLG_OPTION_OUTPUT,  DLG_OPTION_NUMBER, DLG_OPTION_TEMPLATE,
	    DLG_OPTION_ANSWERS, DLG_OPTION_FROM,    DLG_OPTION_TODAY,  DLG_OPTION_HELP,
	    DLG_OPTION_VERSION, {NULL, 0, NULL, 0},
	};
	dlg_doc_opts d = {0};
	int c;
	while ((c = getopt_long(argc, argv, "o:t:C:h", longopts, NULL)) != -1)
		dlg_doc_option(c, &d, usage);
	dlg_doc_need_session(&d);
	dlg_doc_need_output(&d);
	dlg_confreport_opts o = {
	    .session = d.session,
	    .out = d.out,
	    .number = d.number,
	    .tmpl = d.tmpl,
	    .files = {.items = dlg_doc_input(argc, argv),
	              .answers = d.answers,
	              .from = d.common.from},
	};
	dlg_case cs;
	if (!dlg_doc_open_case(&cs, d.common.dir, d.common.today, &o.today))
		return DLG_EXIT_ERROR;
	int status = run(&cs, &o);
	dlg_case_close(&cs);
	return status;
}
