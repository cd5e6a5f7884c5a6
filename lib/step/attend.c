/* The attendance list of a conference and the marks it comes back with. */
#include "step/attend.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/atomic.h"
#include "base/diag.h"
#include "case/attendance.h"
#include "case/participants.h"
#include "case/sessions.h"
#include "doc/batch.h"
#include "doc/font.h"
#include "doc/template.h"
#include "fmt/csv.h"
#include "fmt/table.h"
#include "step/confdoc.h"
#include "base/vocab.h"
#include "step/confopen.h"
#include "step/issue.h"

/* One line of the list. */
struct entry {
	const char *who;     /* reg_id, participant code or village name */
	const char *section; /* guests or citizens */
	const char *village; /* the village of a registrant ("" when none) */
	char *name;          /* what is printed (owned) */
	char *title;         /* title, organisation or address (owned) */
};

struct ctx {
	const dlg_sessdata *sd;
	const dlg_tmpl *t;
	dlg_fields f;
	dlg_tmpl_data d;
	struct entry *e;
	size_t n;
	dlg_participants parts;
	bool ok;
};

static void add(struct ctx *x, const char *who, const char *section, const char *village,
                char *name, char *title)
{
	x->e = dlg_xrealloc(x->e, (x->n + 1) * sizeof *x->e);
	x->e[x->n++] = (struct entry){who, section, village, name, title};
}

/* A registrant with at least one question the conference discusses. */
static bool seated(const dlg_sessdata *sd, const dlg_sd_person *p)
{
	if (dlg_channel_parse(p->channel) == DLG_CH_CONFERENCE)
		return false; /* raised from the floor: not known before */
	for (size_t k = 0; k < p->nitems; k++)
		if (sd->it[p->items[k]].act != DLG_ACT_REDIRECT)
			return true;
	return false;
}

static void collect(struct ctx *x)
{
	for (size_t i = 0; i < x->parts.n; i++) {
		const dlg_participant *p = &x->parts.p[i];
		add(x, p->who, "guests", "", dlg_xstrdup(p->name),
		    dlg_xstrdup(*p->title ? p->title : p->organization));
	}
	const dlg_table *vt = &x->parts.villages;
	/* registrants by village: those of villages.csv in order, then the rest */
	const dlg_sessdata *sd = x->sd;
	bool *done = dlg_xmalloc((sd->np ? sd->np : 1) * sizeof *done);
	memset(done, 0, (sd->np ? sd->np : 1) * sizeof *done);
	for (size_t r = 0; r <= vt->nrows; r++) {
		const char *v = r < vt->nrows ? dlg_table_val(vt, r, "village") : NULL;
		for (size_t i = 0; i < sd->np; i++) {
			const dlg_sd_person *p = &sd->p[i];
			if (done[i] || !seated(sd, p) || (v && strcmp(p->village, v)))
				continue;
			done[i] = true;
			add(x, p->reg_id, "citizens", p->village,
			    dlg_xstrdup(*p->name ? p->name : p->organization),
			    dlg_xstrdup(*p->name && *p->organization ? p->organization
			                                             : p->address));
		}
	}
	free(done);
}

static dlg_tbl *new_table(void)
{
	static const double w[] = {1.2, 5, 6.3, 3.5};
	dlg_tbl *t = dlg_tbl_new(4, w, 13);
	static const char *const head[] = {"STT", "Họ và tên", "Chức vụ, cơ quan, đơn vị / địa chỉ",
	                                   "Ký tên"};
	dlg_tbl_header_text(t, head);
	dlg_tbl_align(t, 0, DLG_CENTER);
	return t;
}

/* A row with room to sign (two lines high). */
static void row(dlg_tbl *t, size_t stt, const char *name, const char *title)
{
	char n[24] = "";
	if (stt)
		snprintf(n, sizeof n, "%zu", stt);
	dlg_rich *cells[4];
	for (int i = 0; i < 4; i++)
		cells[i] = dlg_rich_new();
	dlg_rich_add(cells[0], DLG_REGULAR, n);
	dlg_rich_add(cells[1], DLG_REGULAR, name);
	dlg_rich_add(cells[2], DLG_REGULAR, title);
	dlg_rich_add(cells[3], DLG_REGULAR, " ");
	dlg_rich_break(cells[3]);
	dlg_rich_add(cells[3], DLG_REGULAR, " ");
	dlg_tbl_row(t, (const dlg_rich *const *)cells);
	for (int i = 0; i < 4; i++)
		dlg_rich_free(cells[i]);
}

static void part_guests(struct ctx *x, dlg_lay *l)
{
	dlg_tbl *t = new_table();
	size_t stt = 0;
	for (size_t i = 0; i < x->n; i++)
		if (!strcmp(x->e[i].section, "guests"))
			row(t, ++stt, x->e[i].name, x->e[i].title);
	dlg_lay_table(l, t);
	dlg_lay_space(l, 6);
	dlg_tbl_free(t);
}

static void part_citizens(struct ctx *x, dlg_lay *l)
{
	size_t stt = 0;
	int group = 0;
	for (size_t i = 0; i < x->n;) {
		if (strcmp(x->e[i].section, "citizens")) {
			i++;
			continue;
		}
		const char *v = x->e[i].village;
		size_t j = i, count = 0;
		while (j < x->n && !strcmp(x->e[j].section, "citizens") &&
		       !strcmp(x->e[j].village, v))
			j++, count++;
		char *h = dlg_xasprintf("%d. %s (%02zu người)", ++group,
		                        *v ? v : "Chưa xác định thôn, tổ dân phố", count);
		dlg_doc_para(l, DLG_BOLD, h, true, 0);
		free(h);
		dlg_tbl *t = new_table();
		for (; i < j; i++)
			row(t, ++stt, x->e[i].name, x->e[i].title);
		dlg_lay_table(l, t);
		dlg_lay_space(l, 6);
		dlg_tbl_free(t);
	}
	/* people who ask to speak at the conference write themselves in */
	char *h = dlg_tmpl_meta_fill(x->t, "walk_in_heading", &x->d);
	long blank =
	    dlg_tmpl_meta(x->t, "walk_in_rows") ? atol(dlg_tmpl_meta(x->t, "walk_in_rows")) : 0;
	if (h && blank > 0) {
		dlg_doc_para(l, DLG_BOLD, h, true, 0);
		dlg_tbl *t = new_table();
		for (long k = 0; k < blank && k < 100; k++)
			row(t, 0, "", "");
		dlg_lay_table(l, t);
		dlg_lay_space(l, 6);
		dlg_tbl_free(t);
	}
	free(h);
}

static bool block(void *p, dlg_lay *l, const char *name, const char *arg)
{
	struct ctx *x = p;
	if (strcmp(name, "part"))
		return false;
	if (!strcmp(arg, "guests"))
		part_guests(x, l);
	else if (!strcmp(arg, "citizens"))
		part_citizens(x, l);
	else {
		dlg_warn(_("the template asks for a part \"%s\" that this document does not have"),
		         arg);
		x->ok = false;
	}
	return true;
}

/* The list to mark: the PDF's path with .csv for .pdf. */
static bool write_list(struct ctx *x, const char *pdf_path, const char *session)
{
	size_t n = strlen(pdf_path);
	char *path = n > 4 && !strcmp(pdf_path + n - 4, ".pdf")
	                 ? dlg_xasprintf("%.*s.csv", (int)(n - 4), pdf_path)
	                 : dlg_xasprintf("%s.csv", pdf_path);
	dlg_atomic a;
	bool ok = dlg_atomic_begin(&a, path, DLG_MODE_PERSONAL);
	if (ok) {
		dlg_csv_writer *w = dlg_csv_writer_new(a.f, false);
		static const char *const head[] = {"session", "who",   "section", "village",
		                                   "name",    "title", "present", "reason"};
		dlg_csv_write_row(w, head, 8);
		for (size_t i = 0; i < x->n; i++) {
			const struct entry *e = &x->e[i];
			const char *r[] = {session, e->who,   e->section, e->village,
			                   e->name, e->title, "",         ""};
			dlg_csv_write_row(w, r, 8);
		}
		ok = dlg_csv_writer_finish(w, path);
		ok = ok ? dlg_atomic_commit(&a) : (dlg_atomic_abort(&a), false);
	}
	free(path);
	return ok;
}

int dlg_attend_sheet_run(const dlg_case *cs, const dlg_attend_sheet_opts *o)
{
	struct ctx x = {.ok = true};
	int status = DLG_EXIT_ERROR;
	dlg_confopen_opts oo = {.session = o->session,
	                        .day = &o->today,
	                        .tmpl = o->tmpl ? o->tmpl : "danh-sach-dai-bieu",
	                        .files = o->files,
	                        .need = DLG_CONF_ANY,
	                        .before = true};
	dlg_confdocs cd;
	if (!dlg_confdocs_find(&cd, cs, &oo))
		goto done;
	const dlg_session *s = cd.s;
	if (cd.cancelled) {
		dlg_warn_at(
		    cd.ss.path, s->line,
		    _("conference %s was cancelled: nobody signs in; answer its registrants "
		      "in writing with dlg-reply --session %s"),
		    s->id, s->id);
		goto done;
	}
	if (!dlg_confdocs_records(&cd, &oo) || !dlg_participants_load(&x.parts, cs, NULL))
		goto done;
	x.sd = &cd.sd;
	collect(&x);
	dlg_fields_session(&x.f, &cd.ss, s, NULL, NULL);
	x.d = dlg_fields_data(&x.f, cs->conf, o->today, block, &x);
	if (!dlg_confdocs_template(&cd, &oo))
		goto done;
	x.t = cd.t;
	dlg_outgoing_doc doc = {.doc = "attendance-list",
	                        .type = "DS",
	                        .type_name = "Danh sách",
	                        .session = s->id,
	                        .date = s->date,
	                        .signer = dlg_fields_get(&x.f, "secretary_name"),
	                        .copies = 1};
	dlg_issue_doc issue = {.t = cd.t,
	                       .d = &x.d,
	                       .f = &x.f,
	                       .doc = doc,
	                       .out = o->out,
	                       .today = o->today,
	                       .fonts = cd.fonts,
	                       .ok = &x.ok};
	status = dlg_issue_write(cs, &issue, NULL);
	if (status == DLG_EXIT_OK && strcmp(o->out, "-") && !write_list(&x, o->out, s->id))
		status = DLG_EXIT_ERROR;
done:
	for (size_t i = 0; i < x.n; i++) {
		free(x.e[i].name);
		free(x.e[i].title);
	}
	free(x.e);
	dlg_participants_free(&x.parts);
	dlg_fields_free(&x.f);
	dlg_confdocs_close(&cd);
	return status;
}

int dlg_attend_record_run(const dlg_case *cs, const dlg_attend_record_opts *o)
{
	int status = DLG_EXIT_ERROR;
	dlg_sessions ss = {0};
	dlg_table in = {0};
	dlg_att_mark *m = NULL;
	size_t n = 0;
	if (!dlg_sessions_load(&ss, cs) || !dlg_rows_load(&in, o->input, o->from))
		goto done;
	bool ok = true;
	static const char *const need[] = {"session", "who", "present"};
	for (size_t k = 0; k < 3; k++)
		if (dlg_table_col(&in, need[k]) < 0) {
			dlg_warn_at(in.path, 1, _("no column \"%s\""), need[k]);
			ok = false;
		}
	if (!ok)
		goto done;
	m = dlg_xmalloc((in.nrows ? in.nrows : 1) * sizeof *m);
	for (size_t r = 0; r < in.nrows; r++) {
		const char *session = dlg_table_val(&in, r, "session");
		const char *who = dlg_table_val(&in, r, "who");
		const char *mark = dlg_table_val(&in, r, "present");
		long line = in.line[r];
		if (!*who) {
			dlg_warn_at(in.path, line,
			            _("no \"who\": a reg_id, a department or participant "
			              "code, or a village"));
			ok = false;
			continue;
		}
		if (!dlg_sessions_find(&ss, session)) {
			dlg_warn_at(in.path, line, _("%s: no conference \"%s\""), ss.path, session);
			ok = false;
			continue;
		}
		int yn = dlg_attendance_mark(mark);
		if (yn < 0 && *mark) {
			dlg_warn_at(in.path, line,
			            _("present must be yes or no (x, có, vắng...), not \"%s\""),
			            mark);
			ok = false;
			continue;
		}
		if (yn < 0 && !o->unmarked_absent) {
			dlg_warn_at(
			    in.path, line,
			    _("%s is not marked: write x (present) or vắng (absent), or give "
			      "--unmarked-absent"),
			    who);
			ok = false;
			continue;
		}
		m[n++] =
		    (dlg_att_mark){session, who, dlg_table_val(&in, r, "reason"), yn == 1, line};
	}
	if (!ok) {
		dlg_warn(_("%s: not changed, correct the errors above and run again"), o->into);
		goto done;
	}
	size_t added;
	if (dlg_attendance_add(o->into, in.path, m, n, &added))
		status = DLG_EXIT_OK;
done:
	free(m);
	if (in.path)
		dlg_table_free(&in);
	dlg_sessions_free(&ss);
	return status;
}
