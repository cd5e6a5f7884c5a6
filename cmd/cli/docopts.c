/* The options of the commands that write a conference's documents. */
#include "cli/docopts.h"

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
