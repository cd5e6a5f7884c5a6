/* dlg-reply: letters (công văn) answering in writing the registrants of a
 * conference who must be answered that way (plan II.3, issue 6), the list
 * of who gets what and how, and e-mail messages with the letter attached. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/atomic.h"
#include "case/folder.h"
#include "base/cmdline.h"
#include "base/diag.h"
#include "base/safename.h"
#include "doc/batch.h"
#include "doc/template.h"
#include "fmt/table.h"
#include "doc/font.h"
#include "fmt/mail.h"
#include "doc/template.h"
#include "step/reply.h"
#include "case/conference.h"
#include "case/sessions.h"

static void usage(void)
{
	printf(_("Usage: %s --session ID -o DIR [OPTION]... [ITEMS]\n"
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
	         "      --mail DIR       an e-mail message (.eml) with the letter attached for\n"
	         "                       every registrant with an e-mail address\n"
	         "      --sendmail       hand those messages to sendmail ([mail] sendmail)\n"
	         "      --digital        the letters are to be signed digitally (dlg-sign):\n"
	         "                       the signer's signature image and the office's seal\n"
	         "                       image of dlg.conf where Decree 30 puts them, each\n"
	         "                       with an empty signature field\n"
	         "      --number N       the first letter's number (default [numbering] reply);\n"
	         "                       the next letters take the numbers after it\n"
	         "  -t, --template T     another template (default tra-loi)\n"
	         "      --answers FILE   answers (default: the case folder's)\n"
	         "      --attendance FILE  attendance (default: the case folder's)\n"
	         "  -C DIR               use the case folder DIR\n"
	         "      --from ENC       the items file's encoding when not UTF-8\n"
	         "      --today DATE     take DATE (YYYY-MM-DD) as today, the letters' date\n"
	         "  -h, --help           show this help and exit\n"
	         "      --version        show the version and exit\n"),
	       dlg_progname());
}

enum {
	OPT_SESSION = 256,
	OPT_ONE,
	OPT_PENDING,
	OPT_MAIL,
	OPT_SENDMAIL,
	OPT_NUMBER,
	OPT_ANSWERS,
	OPT_ATTENDANCE,
	OPT_DIGITAL,
};

static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return dlg_xstrdup(".");
	char *d = dlg_xstrdup(path);
	d[slash == path ? 1 : slash - path] = '\0';
	return d;
}

static const char *base_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

/* The e-mail messages: into mail_dir, and/or to sendmail. */
static bool deliver(const dlg_case *cs, const dlg_replies *r, const char *out, const char *mail_dir,
                    bool sendmail, bool fixed_date)
{
	const dlg_conf *cf = cs->conf;
	const char *conf_from = dlg_conf_get(cf, "mail", "from");
	if (!*conf_from)
		conf_from = dlg_conf_get(cf, "office", "email");
	char *from_name = NULL, *from = NULL;
	if (!dlg_mail_split_addr(conf_from, &from_name, &from))
		dlg_warn(_("no usable sender address: set [mail] from in dlg.conf"));
	const char *prog = getenv("DLG_SENDMAIL");
	if (!prog || !*prog)
		prog = dlg_conf_get(cf, "mail", "sendmail");
	bool ok = true;
	if (mail_dir && mkdir(mail_dir, 0777) < 0 && errno != EEXIST) {
		dlg_warn("%s: %s", mail_dir, strerror(errno));
		ok = false;
	}
	for (size_t i = 0; ok && i < r->n; i++) {
		if (!dlg_replies_by_mail(r, i))
			continue;
		char *pdf = dlg_path_join(out, r->L[i].file);
		dlg_mail *m = dlg_replies_mail(r, i, pdf, from_name, from, fixed_date);
		free(pdf);
		if (!m) {
			ok = false;
			break;
		}
		if (mail_dir) {
			char *base = dlg_xstrdup(r->L[i].file);
			strcpy(base + strlen(base) - 4, ".eml"); /* "x.pdf" -> "x.eml" */
			char *path = dlg_path_join(mail_dir, base);
			dlg_atomic a;
			if (!dlg_atomic_begin(&a, path, 0644)) {
				ok = false;
			} else if (!dlg_mail_write(m, a.f)) {
				dlg_warn("%s: %s", path, strerror(errno));
				dlg_atomic_abort(&a);
				ok = false;
			} else if (!dlg_atomic_commit(&a)) {
				ok = false;
			}
			free(path);
			free(base);
		}
		if (ok && sendmail && !dlg_mail_sendmail(m, prog))
			ok = false;
		dlg_mail_free(m);
	}
	free(from_name);
	free(from);
	return ok;
}

int main(int argc, char **argv)
{
	dlg_diag_init(argv[0]);
	static const struct option longopts[] = {
	    {"session", required_argument, NULL, OPT_SESSION},
	    {"output", required_argument, NULL, 'o'},
	    {"one-file", required_argument, NULL, OPT_ONE},
	    {"pending", no_argument, NULL, OPT_PENDING},
	    {"mail", required_argument, NULL, OPT_MAIL},
	    {"sendmail", no_argument, NULL, OPT_SENDMAIL},
	    {"number", required_argument, NULL, OPT_NUMBER},
	    {"template", required_argument, NULL, 't'},
	    {"answers", required_argument, NULL, OPT_ANSWERS},
	    {"attendance", required_argument, NULL, OPT_ATTENDANCE},
	    {"digital", no_argument, NULL, OPT_DIGITAL},
	    DLG_OPTION_FROM,
	    DLG_OPTION_TODAY,
	    DLG_OPTION_HELP,
	    DLG_OPTION_VERSION,
	    {NULL, 0, NULL, 0},
	};
	const char *session = NULL, *out = NULL, *one = NULL, *number = NULL, *tmpl = NULL,
	           *today = NULL, *dir = NULL, *mail_dir = NULL;
	bool pending = false, sendmail = false, digital = false;
	dlg_sd_files files = {0};
	dlg_common_opts common = {0};
	int c;
	while ((c = getopt_long(argc, argv, "o:t:C:h", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_SESSION:
			session = optarg;
			break;
		case 'o':
			out = optarg;
			break;
		case OPT_ONE:
			one = optarg;
			break;
		case OPT_PENDING:
			pending = true;
			break;
		case OPT_MAIL:
			mail_dir = optarg;
			break;
		case OPT_SENDMAIL:
			sendmail = true;
			break;
		case OPT_NUMBER:
			number = optarg;
			break;
		case 't':
			tmpl = optarg;
			break;
		case OPT_ANSWERS:
			files.answers = optarg;
			break;
		case OPT_ATTENDANCE:
			files.attendance = optarg;
			break;
		case OPT_DIGITAL:
			digital = true;
			break;
		default:
			dlg_common_option(c, &common, usage);
		}
	}
	dir = common.dir;
	today = common.today;
	files.from = common.from;
	if (!session)
		dlg_usage_error(_("which conference? give --session ID"));
	if (!out && !one)
		dlg_usage_error(_("where to? give -o DIR or --one-file FILE"));
	if ((mail_dir || sendmail) && !out)
		dlg_usage_error(_("e-mail attaches each letter's own PDF: give -o DIR too"));
	if (argc - optind > 1)
		dlg_usage_error(_("one input file at most"));
	if (optind < argc)
		files.items = argv[optind];

	dlg_case cs;
	if (!dlg_case_open(&cs, dir))
		return DLG_EXIT_ERROR;
	int status = DLG_EXIT_ERROR;
	dlg_sessions ss = {0};
	dlg_sessdata sd = {0};
	dlg_replies r = {0};
	bool have_r = false;
	dlg_tmpl *t = NULL;
	dlg_fonts *fonts = NULL;
	char **names = NULL;
	dlg_nd30_stamp stamp = {0};
	dlg_day day;
	if (!dlg_date_today(today, &day) || !dlg_sessions_load(&ss, &cs))
		goto done;
	bool fixed_date = today || (getenv("DLG_TODAY") && *getenv("DLG_TODAY"));
	const dlg_session *s = dlg_sessions_find(&ss, session);
	if (!s) {
		dlg_warn(_("%s: no conference \"%s\""), ss.path, session);
		goto done;
	}
	bool cancelled = !strcmp(s->status, "cancelled");
	if (!cancelled && strcmp(s->status, "held")) {
		dlg_warn_at(ss.path, s->line,
		            _("conference %s is %s: written answers follow a conference that was "
		              "held or cancelled (set its status in sessions.csv)"),
		            s->id, s->status);
		goto done;
	}
	if (!dlg_sessdata_load(&sd, &cs, s, &files, !cancelled))
		goto done;
	if (!number)
		number = dlg_conf_get(cs.conf, "numbering", "reply");
	have_r = true;
	if (!dlg_replies_init(&r, &cs, &ss, s, &sd, number, pending, day))
		goto done;
	t = dlg_case_tmpl_load(&cs, tmpl ? tmpl : "tra-loi");
	if (!t || (digital && !dlg_nd30_stamp_load(&stamp, cs.conf, cs.dir)))
		goto done;
	if (digital)
		r.d.stamp = &stamp;
	r.t = t;
	names = dlg_xmalloc((r.n ? r.n : 1) * sizeof *names);
	for (size_t i = 0; i < r.n; i++) {
		char *safe = dlg_safe_filename(sd.p[r.L[i].person].reg_id, 100);
		names[i] =
		    *safe ? dlg_xasprintf("%s.pdf", safe) : dlg_xasprintf("%04zu.pdf", i + 1);
		free(safe);
	}
	dlg_unique_names(names, r.n, ".pdf");
	for (size_t i = 0; i < r.n; i++)
		r.L[i].file = dlg_xstrdup(names[i]);
	fonts = dlg_fonts_new(NULL);
	status = DLG_EXIT_OK;
	if (one) {
		dlg_batch b = {one, NULL, (const char *const *)names, "Trả lời ý kiến, kiến nghị",
		               day, fonts};
		status = dlg_batch_run(&b, r.n, dlg_replies_draw, &r);
		if (status == DLG_EXIT_OK && !out && strcmp(one, "-")) {
			char *d = dir_of(one);
			char *rp = dlg_path_join(d, "recipients.csv");
			char *pp = dlg_path_join(d, "postal.csv");
			if (!dlg_replies_write_list(&r, rp, base_of(one), false) ||
			    !dlg_replies_write_list(&r, pp, base_of(one), true))
				status = DLG_EXIT_ERROR;
			free(rp);
			free(pp);
			free(d);
		}
	}
	if (status == DLG_EXIT_OK && out) {
		dlg_batch b = {NULL, out,  (const char *const *)names, "Trả lời ý kiến, kiến nghị",
		               day,  fonts};
		status = dlg_batch_run(&b, r.n, dlg_replies_draw, &r);
		char *rp = dlg_path_join(out, "recipients.csv");
		char *pp = dlg_path_join(out, "postal.csv");
		if (status == DLG_EXIT_OK && (!dlg_replies_write_list(&r, rp, NULL, false) ||
		                              !dlg_replies_write_list(&r, pp, NULL, true)))
			status = DLG_EXIT_ERROR;
		free(rp);
		free(pp);
		if (status == DLG_EXIT_OK && (mail_dir || sendmail) &&
		    !deliver(&cs, &r, out, mail_dir, sendmail, fixed_date))
			status = DLG_EXIT_ERROR;
	}
done:
	if (names)
		for (size_t i = 0; i < r.n; i++)
			free(names[i]);
	free(names);
	if (have_r)
		dlg_replies_free(&r);
	dlg_tmpl_free(t);
	dlg_nd30_stamp_free(&stamp);
	dlg_fonts_free(fonts);
	dlg_sessdata_free(&sd);
	dlg_sessions_free(&ss);
	dlg_case_close(&cs);
	return status;
}
