/* Minutes and conclusion notice: counts, tables and parts. */
#include "step/minutes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "doc/batch.h"
#include "doc/layout.h"
#include "base/sbuf.h"
#include "base/text.h"
#include "case/figures.h"
#include "case/participants.h"
#include "case/villages.h"
#include "step/issue.h"

/* "(reason)" without the reason's own final full stop. */
static void add_reason(dlg_sbuf *b, const char *reason)
{
	size_t n = strlen(reason);
	while (n && (reason[n - 1] == '.' || reason[n - 1] == ';' || reason[n - 1] == ' '))
		n--;
	dlg_sbuf_adds(b, " (");
	dlg_sbuf_add(b, reason, n);
	dlg_sbuf_adds(b, ")");
}

/* ---- villages: the heads for "Nơi nhận", attendance by village ---- */

struct vrow {
	const char *name;
	size_t present, absent;
};

static const char *village_get(void *ctx, size_t i, const char *col)
{
	dlg_minutes *m = ctx;
	if (!strcmp(col, "village"))
		return dlg_table_val(&m->villages, i, "village");
	if (!strcmp(col, "head"))
		return dlg_table_val(&m->villages, i, "head");
	if (!strcmp(col, "title")) {
		free(m->scratch);
		m->scratch = dlg_village_head_title(dlg_table_val(&m->villages, i, "village"));
		return m->scratch;
	}
	return NULL;
}

static const char *dept_get(void *ctx, size_t i, const char *col)
{
	dlg_minutes *m = ctx;
	const dlg_sd_dept *d = &m->sd->d[m->depts[i]];
	return dlg_sd_dept_field(d, col);
}

static bool tables(void *ctx, const char *name, dlg_tmpl_rows *out)
{
	dlg_minutes *m = ctx;
	if (!strcmp(name, "villages")) {
		out->nrows = m->villages.nrows;
		out->get = village_get;
	} else if (!strcmp(name, "departments")) {
		out->nrows = m->ndepts;
		out->get = dept_get;
	} else {
		return false;
	}
	out->ctx = m;
	return true;
}

/* ---- counts and fields ---- */

static dlg_day item_due(dlg_minutes *m, const dlg_sd_item *it)
{
	/* a question is answered within answer_days of reaching the department,
	 * and no earlier than the conference that asked for a written answer */
	dlg_day from = it->sent > m->s->date ? it->sent : m->s->date;
	return dlg_due_date(m->due, from);
}

bool dlg_minutes_init(dlg_minutes *m, const dlg_case *c, const dlg_sessions *ss,
                      const dlg_session *s, const dlg_sessdata *sd, const dlg_notes *notes,
                      dlg_duecalc *due, dlg_holidays *hol, const char *number, dlg_day today)
{
	memset(m, 0, sizeof *m);
	m->c = c;
	m->ss = ss;
	m->s = s;
	m->sd = sd;
	m->notes = notes;
	m->due = due;
	m->hol = hol;
	m->ok = true;
	char *vpath = dlg_case_data(c, "villages");
	if (vpath) {
		static const char *const req[] = {"village", NULL};
		bool ok = dlg_table_load(&m->villages, vpath, req);
		free(vpath);
		if (!ok)
			return false;
	}
	dlg_fields_session(&m->f, ss, s, notes, number);

	dlg_figures fg;
	dlg_figures_count(&fg, sd);
	m->open = dlg_xmalloc((sd->nit ? sd->nit : 1) * sizeof *m->open);
	/* open questions grouped by department, in departments.csv order, then
	 * those whose department is not listed */
	m->depts = dlg_xmalloc((sd->nd ? sd->nd : 1) * sizeof *m->depts);
	for (size_t d = 0; d <= sd->nd; d++) {
		const char *code = d < sd->nd ? sd->d[d].code : NULL;
		if (d < sd->nd) {
			const dlg_sd_dept *dp = &sd->d[d];
			if (dp->att != DLG_ATT_UNKNOWN || dp->nitems)
				m->depts[m->ndepts++] = d;
		}
		for (size_t i = 0; i < sd->nit; i++) {
			const dlg_sd_item *it = &sd->it[i];
			bool mine =
			    code ? !strcmp(it->dept, code) : !dlg_sessdata_dept(sd, it->dept);
			if (mine && dlg_sd_item_in_writing(sd, it))
				m->open[m->nopen++] = i;
		}
	}
	dlg_fields *f = &m->f;
	/* every figure from the one count (case/figures.h) */
	const struct {
		const char *name;
		size_t v;
	} figs[] = {
	    {"people_present", fg.people_present},
	    {"people_registered_present", fg.people_registered_present},
	    {"people_floor", fg.people_floor},
	    {"people_absent", fg.people_absent},
	    {"askers", fg.askers},
	    {"questions", fg.questions},
	    {"floor_questions", fg.floor_questions},
	    {"registered_questions", fg.registered_questions},
	    {"answered_live", fg.answered_live},
	    {"in_writing", fg.in_writing},
	    {"in_writing_answers", fg.in_writing_answers},
	    {"escalated", fg.escalated},
	    {"redirected", fg.redirected},
	    {"depts_present", fg.depts_present},
	};
	for (size_t k = 0; k < sizeof figs / sizeof figs[0]; k++) {
		dlg_fields_set(f, figs[k].name, "%zu", figs[k].v);
		/* "02": the form Vietnamese documents give small counts */
		char *two = dlg_xasprintf("%s_02", figs[k].name);
		dlg_fields_set(f, two, "%02zu", figs[k].v);
		free(two);
	}
	char iso[16];
	long pub = dlg_conf_get_long(c->conf, "rules", "publish_days_after");
	dlg_date_format_iso(dlg_period_end(hol, s->date, pub, DLG_DAYS_CALENDAR), iso);
	dlg_fields_set(f, "publish_by", "%s", iso);
	m->d = dlg_fields_data(&m->f, c->conf, today, dlg_minutes_block, m);
	m->d.table = tables;
	m->d.table_ctx = m;
	return true;
}

void dlg_minutes_free(dlg_minutes *m)
{
	free(m->scratch);
	dlg_fields_free(&m->f);
	if (m->villages.path)
		dlg_table_free(&m->villages);
	free(m->depts);
	free(m->open);
}

/* ---- phrases ---- */

static char *phrase(dlg_minutes *m, const char *key, const char *def, const dlg_fields *item)
{
	dlg_tmpl_data d = m->d;
	if (item)
		d.ctx = (void *)item;
	char *s = dlg_phrase(m->t, key, def, &d);
	if (!s) {
		m->ok = false;
		s = dlg_xstrdup("");
	}
	return s;
}

static void heading(dlg_lay *l, int n, const char *title)
{
	char *s = n ? dlg_xasprintf("%d. %s", n, title) : dlg_xstrdup(title);
	dlg_doc_para(l, DLG_BOLD, s, true, 0);
	free(s);
}

/* ---- the minutes ---- */

static void part_attendance(dlg_minutes *m, dlg_lay *l)
{
	const dlg_sessdata *sd = m->sd;
	dlg_sbuf here = {0}, away = {0};
	for (size_t k = 0; k < m->ndepts; k++) {
		const dlg_sd_dept *d = &sd->d[m->depts[k]];
		if (d->att == DLG_ATT_PRESENT) {
			if (here.len)
				dlg_sbuf_adds(&here, "; ");
			dlg_sbuf_adds(&here, d->name);
		} else if (d->att == DLG_ATT_ABSENT) {
			if (away.len)
				dlg_sbuf_adds(&away, "; ");
			dlg_sbuf_adds(&away, d->name);
			if (*d->reason)
				add_reason(&away, d->reason);
		}
	}
	double ind = 0;
	if (here.len) {
		char *lab =
		    phrase(m, "depts_present",
		           "- Đại diện lãnh đạo các phòng, ban, ngành, cơ quan, đơn vị:", NULL);
		dlg_sbuf_adds(&here, ".");
		dlg_doc_labelled(l, lab, here.data, ind);
		free(lab);
	}
	if (away.len) {
		char *lab = phrase(m, "depts_absent", "- Vắng mặt:", NULL);
		dlg_sbuf_adds(&away, ".");
		dlg_doc_labelled(l, lab, away.data, ind);
		free(lab);
	}
	dlg_sbuf_free(&here);
	dlg_sbuf_free(&away);

	char *people =
	    phrase(m, "people",
	           "- Người dân, đại diện tổ chức, doanh nghiệp: {{people_present}} người "
	           "có mặt ({{people_registered_present}} người đăng ký trước, "
	           "{{people_floor}} người đăng ký phát biểu tại Hội nghị); "
	           "{{people_absent}} người đăng ký vắng mặt. Theo thôn, cụm dân cư, tổ "
	           "dân phố:",
	           NULL);
	dlg_doc_para(l, DLG_REGULAR, people, true, ind);
	free(people);

	/* by village, in villages.csv order; villages not listed after them */
	size_t nv = m->villages.nrows, cap = nv + sd->np + 1, n = nv;
	struct vrow *v = dlg_xmalloc(cap * sizeof *v);
	for (size_t i = 0; i < nv; i++)
		v[i] = (struct vrow){dlg_table_val(&m->villages, i, "village"), 0, 0};
	dlg_villages *vl = dlg_villages_load(m->c);
	for (size_t i = 0; i < sd->np; i++) {
		const dlg_sd_person *p = &sd->p[i];
		if (!dlg_sd_person_counted(sd, p))
			continue;
		const char *name = *p->village ? p->village : "Không rõ địa chỉ";
		const char *known = vl ? dlg_villages_match(vl, name) : NULL;
		if (!known && vl)
			known = dlg_villages_find_in(vl, name);
		if (!known && vl && *p->address)
			known = dlg_villages_find_in(vl, p->address);
		if (known)
			name = known;
		char *f = dlg_text_fold(name);
		size_t k;
		for (k = 0; k < n; k++) {
			char *g = dlg_text_fold(v[k].name);
			bool same = !strcmp(f, g);
			free(g);
			if (same)
				break;
		}
		free(f);
		if (k == n)
			v[n++] = (struct vrow){name, 0, 0};
		if (dlg_sd_person_away(sd, p))
			v[k].absent++;
		else
			v[k].present++;
	}
	static const double w[] = {1, 6, 2, 2};
	dlg_tbl *t = dlg_tbl_new(4, w, 13);
	const char *head[] = {"STT", "Thôn, cụm dân cư, tổ dân phố", "Có mặt", "Vắng mặt"};
	dlg_tbl_header_text(t, head);
	dlg_tbl_align(t, 0, DLG_CENTER);
	dlg_tbl_align(t, 2, DLG_CENTER);
	dlg_tbl_align(t, 3, DLG_CENTER);
	size_t tp = 0, ta = 0, stt = 0;
	for (size_t k = 0; k < n; k++) {
		char a[24], b[24], c2[24];
		snprintf(a, sizeof a, "%zu", ++stt);
		snprintf(b, sizeof b, "%zu", v[k].present);
		snprintf(c2, sizeof c2, "%zu", v[k].absent);
		const char *row[] = {a, v[k].name, b, c2};
		dlg_tbl_row_text(t, row);
		tp += v[k].present;
		ta += v[k].absent;
	}
	char b[24], c2[24];
	snprintf(b, sizeof b, "%zu", tp);
	snprintf(c2, sizeof c2, "%zu", ta);
	const char *total[] = {"", "Tổng cộng", b, c2};
	dlg_rich *cells[4];
	for (int i = 0; i < 4; i++) {
		cells[i] = dlg_rich_new();
		dlg_rich_add(cells[i], DLG_BOLD, total[i]);
	}
	dlg_tbl_row(t, (const dlg_rich *const *)cells);
	for (int i = 0; i < 4; i++)
		dlg_rich_free(cells[i]);
	dlg_lay_table(l, t);
	dlg_lay_space(l, 6);
	dlg_tbl_free(t);
	free(v);
	dlg_villages_free(vl);

	/* who was away, with the reason they gave */
	dlg_sbuf s = {0};
	for (size_t i = 0; i < sd->np; i++) {
		const dlg_sd_person *p = &sd->p[i];
		if (!dlg_sd_person_away(sd, p) || dlg_sd_person_protected(sd, p))
			continue;
		char *who = dlg_sd_asker(p);
		if (s.len)
			dlg_sbuf_adds(&s, "; ");
		dlg_sbuf_adds(&s, who);
		if (*p->reason)
			add_reason(&s, p->reason);
		else if (p->att == DLG_ATT_ABSENT)
			dlg_sbuf_adds(&s, " (không báo lý do)");
		else
			dlg_sbuf_adds(&s, " (không có tên trong danh sách điểm danh)");
		free(who);
	}
	if (s.len) {
		char *lab = phrase(m, "people_absent_list", "- Người đăng ký vắng mặt:", NULL);
		dlg_sbuf_adds(&s, ".");
		dlg_doc_labelled(l, lab, s.data, ind);
		free(lab);
	}
	dlg_sbuf_free(&s);
}

static void answers_of(dlg_minutes *m, dlg_lay *l, const dlg_sd_item *it, dlg_fields *fi)
{
	const dlg_sessdata *sd = m->sd;
	const dlg_sd_person *p = &sd->p[it->person];
	bool any = false;
	for (size_t k = 0; k < it->nans; k++) {
		const dlg_sd_answer *a = &sd->ans[it->ans[k]];
		if (!a->conference)
			continue;
		dlg_fields_set(fi, "by_name", "%s",
		               dlg_sessdata_dept_name(sd, *a->by ? a->by : it->dept));
		char *lab = phrase(m, "answer_label", "Đại diện {{by_name}} trả lời:", fi);
		dlg_doc_para(l, DLG_BOLD_ITALIC, lab, true, 0);
		free(lab);
		dlg_md_draw(l, a->text, 0);
		any = true;
	}
	const char *key = NULL, *def = NULL;
	if (it->act == DLG_ACT_REDIRECT) {
		key = "redirect";
		def =
		    "Nội dung không thuộc phạm vi Hội nghị đối thoại về thủ tục hành chính; "
		    "{{office.office_name}} hướng dẫn người đăng ký gửi đến cơ quan có thẩm quyền "
		    "bằng văn bản.";
	} else if (it->act == DLG_ACT_ESCALATE) {
		key = "escalate";
		def =
		    "Nội dung vượt thẩm quyền của Ủy ban nhân dân xã; {{office.office_name}} tiếp "
		    "thu, tổng hợp, báo cáo {{higher_name}} xem xét, giải quyết.";
	} else if (!any && dlg_sd_person_away(sd, p)) {
		key = "absent";
		def = "Người đăng ký vắng mặt; {{dept_name}} trả lời bằng văn bản.";
	} else if (!any) {
		key = "in_writing";
		def =
		    "Nội dung chưa được trả lời tại Hội nghị; {{dept_name}} trả lời bằng văn bản.";
	}
	if (key) {
		char *s = phrase(m, key, def, fi);
		dlg_doc_para(l, DLG_ITALIC, s, false, 0);
		free(s);
	}
}

static void questions(dlg_minutes *m, dlg_lay *l, bool floor, size_t *stt)
{
	const dlg_sessdata *sd = m->sd;
	dlg_fields fi = {0};
	fi.next = &m->f;
	for (size_t i = 0; i < sd->nit; i++) {
		const dlg_sd_item *it = &sd->it[i];
		if (it->floor != floor || dlg_sd_item_protected(it))
			continue; /* counted below, never shown (Luật Tố cáo art. 47) */
		dlg_fields_item(&fi, sd, it, ++*stt);
		const dlg_sd_person *p = &sd->p[it->person];
		char lc[64];
		snprintf(lc, sizeof lc, "%s", dlg_sd_kind_label(it->kind));
		if (lc[0] == 'V')
			lc[0] = 'v';
		dlg_fields_set(&fi, "kind_lc", "%s", lc);
		dlg_fields_set(&fi, "away", "%s", dlg_sd_person_away(sd, p) ? " (vắng mặt)" : "");
		char *lab =
		    phrase(m, "question_label", "{{stt}}. {{asker}}{{away}}, {{kind_lc}}:", &fi);
		dlg_doc_labelled(l, lab, it->text, 0);
		free(lab);
		answers_of(m, l, it, &fi);
	}
	dlg_fields_free(&fi);
}

/* "02 nội dung khiếu nại, tố cáo đã được hướng dẫn theo quy định.": the
 * redirected questions, counted and never shown. */
static void protected_count(dlg_minutes *m, dlg_lay *l, int style)
{
	if (!atol(dlg_fields_get(&m->f, "redirected")))
		return;
	char *s = phrase(m, "redirected_count",
	                 "{{redirected_02}} nội dung khiếu nại, tố cáo, tranh chấp không thuộc "
	                 "phạm vi Hội nghị đối thoại đã được hướng dẫn theo quy định.",
	                 NULL);
	dlg_doc_para(l, style, s, false, 0);
	free(s);
}

static void note_section(dlg_lay *l, int n, const dlg_note_section *s, const char *title)
{
	heading(l, n, *s->title ? s->title : title);
	dlg_md_draw(l, s->body, 0);
}

static void part_content(dlg_minutes *m, dlg_lay *l)
{
	int n = 0;
	size_t stt = 0;
	const dlg_notes *no = m->notes;
	const dlg_note_section *open = no ? dlg_notes_find(no, DLG_NOTE_OPENING) : NULL;
	if (open)
		note_section(l, ++n, open, "Khai mạc");
	bool reg = false, floor = false;
	for (size_t i = 0; i < m->sd->nit; i++) {
		if (dlg_sd_item_protected(&m->sd->it[i]))
			continue;
		reg |= !m->sd->it[i].floor;
		floor |= m->sd->it[i].floor;
	}
	if (reg) {
		char *h = phrase(m, "questions_heading",
		                 "Nội dung đối thoại theo Phiếu đăng ký tham gia đối thoại", NULL);
		heading(l, ++n, h);
		free(h);
		questions(m, l, false, &stt);
	}
	if (floor) {
		char *h =
		    phrase(m, "floor_heading", "Ý kiến phát biểu trực tiếp tại Hội nghị", NULL);
		heading(l, ++n, h);
		free(h);
		questions(m, l, true, &stt);
	}
	protected_count(m, l, DLG_ITALIC);
	for (size_t i = 0; no && i < no->n; i++) {
		const dlg_note_section *s = &no->sec[i];
		if (s == open || s->kind == DLG_NOTE_CLOSING || dlg_text_blank(s->body))
			continue;
		note_section(l, ++n, s, "");
	}
}

/* ---- the notice ---- */

static void part_notes(dlg_minutes *m, dlg_lay *l, dlg_note_kind kind)
{
	const dlg_note_section *s = m->notes ? dlg_notes_find(m->notes, kind) : NULL;
	if (s)
		dlg_md_draw(l, s->body, 0);
}

static void part_tasks(dlg_minutes *m, dlg_lay *l)
{
	const dlg_note_section *s = m->notes ? dlg_notes_find(m->notes, DLG_NOTE_TASKS) : NULL;
	if (!s || dlg_text_blank(s->body))
		return;
	char *h = phrase(m, "tasks_heading", "Giao nhiệm vụ cụ thể như sau:", NULL);
	dlg_doc_para(l, DLG_REGULAR, h, true, 0);
	free(h);
	dlg_md_draw(l, s->body, 0);
}

static void part_open(dlg_minutes *m, dlg_lay *l)
{
	const dlg_sessdata *sd = m->sd;
	size_t shown = 0;
	for (size_t k = 0; k < m->nopen; k++)
		shown += !dlg_sd_item_protected(&sd->it[m->open[k]]);
	if (!shown)
		return; /* redirected ones are counted in the text, never listed */
	char *h =
	    phrase(m, "open_heading",
	           "Các nội dung phải trả lời bằng văn bản (Kế hoạch, mục II.3), đơn vị chủ trì "
	           "và thời hạn gửi văn bản trả lời về {{office.office_name}}:",
	           NULL);
	dlg_doc_para(l, DLG_REGULAR, h, true, 0);
	free(h);
	static const double w[] = {1.3, 6, 3, 3, 2.4};
	dlg_tbl *t = dlg_tbl_new(5, w, 12);
	const char *head[] = {"STT", "Nội dung", "Người hỏi", "Đơn vị chủ trì", "Thời hạn"};
	dlg_tbl_header_text(t, head);
	dlg_tbl_align(t, 0, DLG_CENTER);
	dlg_tbl_align(t, 4, DLG_CENTER);
	size_t n = 0;
	for (size_t k = 0; k < m->nopen; k++) {
		const dlg_sd_item *it = &sd->it[m->open[k]];
		const dlg_sd_person *p = &sd->p[it->person];
		if (dlg_sd_item_protected(it))
			continue; /* counted under the table */
		char stt[24], due[64], dmy[16];
		snprintf(stt, sizeof stt, "%zu", ++n);
		dlg_day last = -1;
		for (size_t j = 0; j < it->nans; j++) {
			const dlg_sd_answer *a = &sd->ans[it->ans[j]];
			if (!a->conference && a->day >= 0)
				last = a->day;
		}
		if (last >= 0) {
			dlg_date_format_dmy(last, dmy);
			snprintf(due, sizeof due, "Đã trả lời ngày %s", dmy);
		} else {
			dlg_date_format_dmy(item_due(m, it), dmy);
			snprintf(due, sizeof due, "%s", dmy);
		}
		char *asker = dlg_sd_asker(p);
		char *what = dlg_xasprintf("%s (%s)", it->text, it->item_id);
		const char *dept = dlg_sessdata_dept_name(sd, it->dept);
		char *unit;
		if (it->act == DLG_ACT_ESCALATE) {
			const dlg_sd_dept *hd = dlg_sessdata_higher(sd, it);
			unit = dlg_xasprintf("%s (báo cáo %s)", dept,
			                     hd ? hd->name : "cấp có thẩm quyền");
		} else {
			unit = dlg_xstrdup(dept);
		}
		const char *row[] = {stt, what, asker, unit, due};
		dlg_tbl_row_text(t, row);
		free(asker);
		free(what);
		free(unit);
	}
	dlg_lay_table(l, t);
	dlg_lay_space(l, 6);
	dlg_tbl_free(t);
}

bool dlg_minutes_block(void *ctx, dlg_lay *l, const char *block, const char *name)
{
	dlg_minutes *m = ctx;
	if (strcmp(block, "part"))
		return false;
	if (!strcmp(name, "attendance"))
		part_attendance(m, l);
	else if (!strcmp(name, "content"))
		part_content(m, l);
	else if (!strcmp(name, "conclusions"))
		part_notes(m, l, DLG_NOTE_CONCLUSIONS);
	else if (!strcmp(name, "tasks"))
		part_tasks(m, l);
	else if (!strcmp(name, "open"))
		part_open(m, l);
	else {
		dlg_warn(_("the template asks for a part \"%s\" that this document does not have"),
		         name);
		m->ok = false;
	}
	return true;
}

/* ---- the command ---- */

/* The notes' path: --notes, else notes/ID.md in the case folder (malloc'd). */
static char *notes_path(const dlg_case *cs, const dlg_session *s, const char *given)
{
	if (given)
		return dlg_xstrdup(given);
	char *nd = dlg_case_file(cs, "notes");
	char *base = dlg_xasprintf("%s.md", s->id);
	char *path = dlg_path_join(nd, base);
	free(base);
	free(nd);
	return path;
}

/* A notice dated after the day the results must reach the villages (the
 * conference day plus [rules] publish_days_after) is late: say so. */
static void publish_check(const dlg_minutes *m)
{
	dlg_day by;
	if (!dlg_date_parse_iso(dlg_fields_get((void *)&m->f, "publish_by"), &by) ||
	    m->d.today <= by)
		return;
	char a[16], b[16];
	dlg_date_format_dmy(m->d.today, a);
	dlg_date_format_dmy(by, b);
	dlg_warn(_("warning: the notice is dated %s, after %s, the day the results must be "
	           "published by ([rules] publish_days_after of dlg.conf)"),
	         a, b);
}

int dlg_minutes_run(const dlg_case *cs, const dlg_minutes_opts *o)
{
	dlg_confopen_opts oo = o->open;
	oo.need = DLG_CONF_HELD;
	if (!oo.tmpl)
		oo.tmpl = o->notice ? "thong-bao-ket-luan" : "bien-ban";
	int status = DLG_EXIT_ERROR;
	dlg_confdocs cd;
	dlg_notes notes = {0};
	dlg_duecalc due;
	dlg_holidays *hol = NULL;
	dlg_minutes m = {0};
	bool have_m = false;
	char *npath = NULL;
	if (!dlg_confdocs_find(&cd, cs, &oo))
		goto done;
	npath = notes_path(cs, cd.s, o->notes);
	if (!dlg_notes_load(&notes, npath)) {
		dlg_warn(_("the secretary's notes of conference %s are needed (opening, "
		           "conclusions, tasks): write %s or give --notes FILE"),
		         cd.s->id, npath);
		goto done;
	}
	if (o->notice && !dlg_notes_find(&notes, DLG_NOTE_CONCLUSIONS)) {
		dlg_warn_at(npath, 0,
		            _("no conclusions: the notice needs a section headed \"## Kết luận\""));
		goto done;
	}
	if (!dlg_confdocs_load(&cd, &oo))
		goto done;
	hol = dlg_case_holidays(cs);
	if (!hol)
		goto done;
	dlg_duecalc_init(&due, cs, hol, cd.today, -1);
	if (!dlg_minutes_init(&m, cs, &cd.ss, cd.s, &cd.sd, &notes, &due, hol, "", cd.today))
		goto done;
	have_m = true;
	m.t = cd.t;
	if (o->notice)
		publish_check(&m);
	/* the number from the outgoing register, once everything else is ready */
	dlg_outgoing_doc doc = {
	    .doc = o->notice ? "notice" : "minutes",
	    .type = o->notice ? "TB" : "BB",
	    .type_name = o->notice ? "Thông báo" : "Biên bản",
	    .session = cd.s->id,
	    .date = o->notice ? cd.today : cd.s->date,
	    .copies = 1,
	};
	dlg_issue_doc issue = {.t = cd.t,
	                       .d = &m.d,
	                       .f = &m.f,
	                       .doc = doc,
	                       .number = o->number,
	                       .out = o->out,
	                       .today = cd.today,
	                       .fonts = cd.fonts,
	                       .ok = &m.ok};
	status = dlg_issue_write(cs, &issue, NULL);
done:
	if (have_m)
		dlg_minutes_free(&m);
	dlg_holidays_free(hol);
	dlg_notes_free(&notes);
	dlg_confdocs_close(&cd);
	free(npath);
	return status;
}
