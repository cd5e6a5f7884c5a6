/* dlg-minutes: the minutes (biên bản) of a held conference and the chair's
 * conclusion notice (thông báo kết luận), from the case folder's items,
 * answers, attendance and the secretary's notes (issue 6). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case/folder.h"
#include "base/cmdline.h"
#include "base/diag.h"
#include "base/safename.h"
#include "doc/batch.h"
#include "doc/template.h"
#include "fmt/table.h"
#include "doc/font.h"
#include "doc/template.h"
#include "step/minutes.h"
#include "fmt/notes.h"
#include "case/conference.h"
#include "case/sessions.h"
#include "case/answers.h"

static void usage(void)
{
	printf(_("Usage: %s --session ID -o FILE [OPTION]... [ITEMS]\n"
	         "Write the minutes (biên bản) of conference ID, or with --notice the chair's\n"
	         "conclusion notice (thông báo kết luận), as a PDF. Reads the questions from\n"
	         "ITEMS (default: the case folder's items.csv; \"-\" for standard input), and\n"
	         "the case folder's answers.csv, attendance.csv and notes/ID.md.\n"
	         "\n"
	         "      --session ID     the conference (a row of sessions.csv)\n"
	         "  -o, --output FILE    the PDF to write (\"-\": standard output)\n"
	         "      --notice         the conclusion notice instead of the minutes\n"
	         "      --number N       the document's number (default [numbering] minutes\n"
	         "                       or notice)\n"
	         "  -t, --template T     another template (default bien-ban, thong-bao-ket-luan)\n"
	         "      --answers FILE   answers (default: the case folder's)\n"
	         "      --attendance FILE  attendance (default: the case folder's)\n"
	         "      --notes FILE     the secretary's notes (default: notes/ID.md)\n"
	         "  -C DIR               use the case folder DIR\n"
	         "      --from ENC       the items file's encoding when not UTF-8\n"
	         "      --today DATE     take DATE (YYYY-MM-DD) as today, the notice's date\n"
	         "  -h, --help           show this help and exit\n"
	         "      --version        show the version and exit\n"),
	       dlg_progname());
}

enum {
	OPT_SESSION = 256,
	OPT_NOTICE,
	OPT_NUMBER,
	OPT_ANSWERS,
	OPT_ATTENDANCE,
	OPT_NOTES,
};

static bool draw(void *ctx, size_t i, dlg_pdf *pdf, dlg_lay *l)
{
	(void)i;
	(void)pdf;
	dlg_minutes *m = ctx;
	return dlg_tmpl_render(m->t, l, &m->d) && m->ok;
}

int main(int argc, char **argv)
{
	dlg_diag_init(argv[0]);
	static const struct option longopts[] = {
	    {"session", required_argument, NULL, OPT_SESSION},
	    {"output", required_argument, NULL, 'o'},
	    {"notice", no_argument, NULL, OPT_NOTICE},
	    {"number", required_argument, NULL, OPT_NUMBER},
	    {"template", required_argument, NULL, 't'},
	    {"answers", required_argument, NULL, OPT_ANSWERS},
	    {"attendance", required_argument, NULL, OPT_ATTENDANCE},
	    {"notes", required_argument, NULL, OPT_NOTES},
	    DLG_OPTION_FROM,
	    DLG_OPTION_TODAY,
	    DLG_OPTION_HELP,
	    DLG_OPTION_VERSION,
	    {NULL, 0, NULL, 0},
	};
	const char *session = NULL, *out = NULL, *number = NULL, *tmpl = NULL, *today = NULL,
	           *dir = NULL, *notes_path = NULL;
	dlg_sd_files files = {0};
	bool notice = false;
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
		case OPT_NOTICE:
			notice = true;
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
		case OPT_NOTES:
			notes_path = optarg;
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
	if (!out)
		dlg_usage_error(_("where to? give -o FILE"));
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
	dlg_notes notes = {0};
	dlg_duecalc due;
	dlg_holidays *hol = NULL;
	dlg_minutes m = {0};
	bool have_m = false;
	dlg_tmpl *t = NULL;
	dlg_fonts *fonts = NULL;
	char *npath = NULL, *title = NULL;
	dlg_day day;
	if (!dlg_date_today(today, &day) || !dlg_sessions_load(&ss, &cs))
		goto done;
	const dlg_session *s = dlg_sessions_find(&ss, session);
	if (!s) {
		dlg_warn(_("%s: no conference \"%s\""), ss.path, session);
		goto done;
	}
	if (!strcmp(s->status, "cancelled")) {
		dlg_warn_at(ss.path, s->line,
		            _("conference %s was cancelled: it has no minutes or conclusions; "
		              "answer its registrants in writing with dlg-reply --session %s"),
		            s->id, s->id);
		goto done;
	}
	if (notes_path) {
		npath = dlg_xstrdup(notes_path);
	} else {
		char *nd = dlg_case_file(&cs, "notes");
		char *base = dlg_xasprintf("%s.md", s->id);
		npath = dlg_path_join(nd, base);
		free(base);
		free(nd);
	}
	if (!dlg_notes_load(&notes, npath)) {
		dlg_warn(_("the secretary's notes of conference %s are needed (opening, "
		           "conclusions, tasks): write %s or give --notes FILE"),
		         s->id, npath);
		goto done;
	}
	if (notice && !dlg_notes_find(&notes, DLG_NOTE_CONCLUSIONS)) {
		dlg_warn_at(npath, 0,
		            _("no conclusions: the notice needs a section headed \"## Kết luận\""));
		goto done;
	}
	if (!dlg_sessdata_load(&sd, &cs, s, &files, true))
		goto done;
	hol = dlg_case_holidays(&cs);
	if (!hol)
		goto done;
	dlg_duecalc_init(&due, &cs, hol, day, -1);
	if (!number)
		number = dlg_conf_get(cs.conf, "numbering", notice ? "notice" : "minutes");
	if (!dlg_minutes_init(&m, &cs, &ss, s, &sd, &notes, &due, hol, number, day))
		goto done;
	have_m = true;
	const char *tname = tmpl ? tmpl : notice ? "thong-bao-ket-luan" : "bien-ban";
	t = dlg_case_tmpl_load(&cs, tname);
	if (!t)
		goto done;
	m.t = t;
	title = dlg_tmpl_title(t, &m.d);
	fonts = dlg_fonts_new(NULL);
	dlg_batch b = {out, NULL, NULL, title, day, fonts};
	status = dlg_batch_run(&b, 1, draw, &m);
done:
	if (have_m)
		dlg_minutes_free(&m);
	dlg_holidays_free(hol);
	dlg_tmpl_free(t);
	dlg_fonts_free(fonts);
	dlg_notes_free(&notes);
	dlg_sessdata_free(&sd);
	dlg_sessions_free(&ss);
	dlg_case_close(&cs);
	free(npath);
	free(title);
	return status;
}
