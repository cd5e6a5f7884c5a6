/* The chair's briefing: the questions and the departments' written answers. */
#include "step/brief.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "doc/batch.h"
#include "doc/font.h"
#include "doc/template.h"
#include "step/confdoc.h"
#include "base/vocab.h"
#include "step/confopen.h"
#include "step/issue.h"

struct ctx {
	const dlg_sessdata *sd;
	const dlg_tmpl *t;
	dlg_day today;
	dlg_fields f;
	dlg_tmpl_data d;
	bool ok;
};

/* Listed: registered questions that the conference discusses. Redirected
 * ones (complaints, denunciations) are only counted (Luật Tố cáo art. 47). */
static bool listed(const dlg_sd_item *it)
{
	return !it->floor && it->act != DLG_ACT_REDIRECT;
}

/* A written answer dated no later than the briefing. */
static bool written_by(const dlg_sd_answer *a, dlg_day today)
{
	return !a->conference && (a->day < 0 || a->day <= today);
}

static size_t answered(const struct ctx *x, const dlg_sd_item *it)
{
	size_t n = 0;
	for (size_t k = 0; k < it->nans; k++)
		n += written_by(&x->sd->ans[it->ans[k]], x->today);
	return n;
}

static char *phrase(struct ctx *x, const char *key, const char *def, const dlg_fields *item)
{
	dlg_tmpl_data d = x->d;
	if (item)
		d.ctx = (void *)item;
	char *s = dlg_phrase(x->t, key, def, &d);
	if (!s) {
		x->ok = false;
		s = dlg_xstrdup("");
	}
	return s;
}

static void one_item(struct ctx *x, dlg_lay *l, const dlg_sd_item *it, size_t stt,
                     const dlg_fields *dept)
{
	const dlg_sessdata *sd = x->sd;
	dlg_fields fi = {.next = dept};
	dlg_fields_item(&fi, sd, it, stt);
	char *lab = phrase(x, "question_label",
	                   "{{n}}.{{stt}}. {{asker}} ({{kind}}, mã số {{item_id}}):", &fi);
	dlg_doc_para(l, DLG_BOLD, lab, true, 0);
	free(lab);
	dlg_doc_para(l, DLG_ITALIC, it->text, true, 0);
	bool any = false;
	for (size_t k = 0; k < it->nans; k++) {
		const dlg_sd_answer *a = &sd->ans[it->ans[k]];
		if (!written_by(a, x->today))
			continue;
		dlg_fields_set(&fi, "by_name", "%s",
		               dlg_sessdata_dept_name(sd, *a->by ? a->by : it->dept));
		char dmy[16] = "";
		if (a->day >= 0)
			dlg_date_format_dmy(a->day, dmy);
		dlg_fields_set(&fi, "answer_date", "%s", dmy);
		char *al =
		    phrase(x, "answer_label",
		           "Ý kiến trả lời của {{by_name}} (văn bản ngày {{answer_date}}):", &fi);
		dlg_doc_para(l, DLG_BOLD_ITALIC, al, true, 0);
		free(al);
		dlg_md_draw(l, a->text, 0);
		any = true;
	}
	if (!any) {
		char *s = phrase(x, "no_answer", "Chưa có văn bản trả lời.", &fi);
		dlg_doc_para(l, DLG_BOLD_ITALIC, s, false, 0);
		free(s);
	}
	if (it->act == DLG_ACT_ESCALATE) {
		char *s =
		    phrase(x, "escalate",
		           "Nội dung vượt thẩm quyền của Ủy ban nhân dân xã: đề xuất tổng hợp, "
		           "báo cáo {{higher_name}} xem xét, giải quyết.",
		           &fi);
		dlg_doc_para(l, DLG_ITALIC, s, false, 0);
		free(s);
	} else if (it->act == DLG_ACT_REVIEW) {
		char *s =
		    phrase(x, "review",
		           "Chưa xác định được đơn vị trả lời: đề nghị lãnh đạo phân công.", &fi);
		dlg_doc_para(l, DLG_ITALIC, s, false, 0);
		free(s);
	}
	dlg_fields_free(&fi);
}

/* Questions of department code (NULL: those of no listed department). */
static void one_dept(struct ctx *x, dlg_lay *l, const char *code, int *n)
{
	const dlg_sessdata *sd = x->sd;
	size_t count = 0, done = 0;
	for (size_t i = 0; i < sd->nit; i++) {
		const dlg_sd_item *it = &sd->it[i];
		bool mine = code ? !strcmp(it->dept, code) : !dlg_sessdata_dept(sd, it->dept);
		if (mine && listed(it)) {
			count++;
			done += answered(x, it) > 0;
		}
	}
	if (!count)
		return;
	dlg_fields fd = {.next = &x->f};
	dlg_fields_set(&fd, "n", "%d", ++*n);
	dlg_fields_set(&fd, "dept_name", "%s",
	               code ? dlg_sessdata_dept_name(sd, code) : "Chưa phân công đơn vị trả lời");
	dlg_fields_set(&fd, "count", "%02zu", count);
	dlg_fields_set(&fd, "count_answered", "%02zu", done);
	char *h = phrase(x, "dept_heading",
	                 "{{n}}. {{dept_name}}: {{count}} nội dung, đã có văn bản trả lời "
	                 "{{count_answered}}",
	                 &fd);
	dlg_doc_para(l, DLG_BOLD, h, true, 0);
	free(h);
	size_t stt = 0;
	for (size_t i = 0; i < sd->nit; i++) {
		const dlg_sd_item *it = &sd->it[i];
		bool mine = code ? !strcmp(it->dept, code) : !dlg_sessdata_dept(sd, it->dept);
		if (mine && listed(it))
			one_item(x, l, it, ++stt, &fd);
	}
	dlg_fields_free(&fd);
}

static bool block(void *p, dlg_lay *l, const char *name, const char *arg)
{
	struct ctx *x = p;
	if (strcmp(name, "part"))
		return false;
	if (strcmp(arg, "answers")) {
		dlg_warn(_("the template asks for a part \"%s\" that this document does not have"),
		         arg);
		x->ok = false;
		return true;
	}
	int n = 0;
	for (size_t d = 0; d < x->sd->nd; d++)
		one_dept(x, l, x->sd->d[d].code, &n);
	one_dept(x, l, NULL, &n);
	return true;
}

/* The briefing's figures. */
static void counts(struct ctx *x)
{
	const dlg_sessdata *sd = x->sd;
	size_t q = 0, done = 0, red = 0, esc = 0, review = 0, askers = 0;
	for (size_t i = 0; i < sd->nit; i++) {
		const dlg_sd_item *it = &sd->it[i];
		if (it->floor)
			continue;
		if (!listed(it)) {
			red++;
			continue;
		}
		q++;
		done += answered(x, it) > 0;
		esc += it->act == DLG_ACT_ESCALATE;
		review += it->act == DLG_ACT_REVIEW;
	}
	for (size_t i = 0; i < sd->np; i++) {
		bool any = false;
		for (size_t k = 0; k < sd->p[i].nitems; k++)
			any |= listed(&sd->it[sd->p[i].items[k]]);
		askers += any;
	}
	dlg_fields_set(&x->f, "questions", "%02zu", q);
	dlg_fields_set(&x->f, "askers", "%02zu", askers);
	dlg_fields_set(&x->f, "answered", "%02zu", done);
	dlg_fields_set(&x->f, "unanswered", "%02zu", q - done);
	dlg_fields_set(&x->f, "escalated", "%02zu", esc);
	dlg_fields_set(&x->f, "review", "%02zu", review);
	dlg_fields_set(&x->f, "redirected", "%02zu", red);
}

int dlg_brief_run(const dlg_case *cs, const dlg_brief_opts *o)
{
	struct ctx x = {.today = o->today, .ok = true};
	int status = DLG_EXIT_ERROR;
	dlg_confopen_opts oo = {.session = o->session,
	                        .day = &o->today,
	                        .tmpl = o->tmpl ? o->tmpl : "bao-cao-lanh-dao",
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
		    _("conference %s was cancelled: there is no conference to brief the chair "
		      "for; answer its registrants in writing with dlg-reply --session %s"),
		    s->id, s->id);
		goto done;
	}
	if (o->today > s->date) {
		char when[16], now[16];
		dlg_date_format_dmy(s->date, when);
		dlg_date_format_dmy(o->today, now);
		dlg_warn(_("warning: the briefing is dated %s, after the conference of %s it "
		           "prepares"),
		         now, when);
	}
	if (!dlg_confdocs_records(&cd, &oo))
		goto done;
	x.sd = &cd.sd;
	dlg_fields_session(&x.f, &cd.ss, s, NULL, NULL);
	counts(&x);
	x.d = dlg_fields_data(&x.f, cs->conf, o->today, block, &x);
	if (!dlg_confdocs_template(&cd, &oo))
		goto done;
	x.t = cd.t;
	/* the office's report: a number of the agency's register, symbol BC-VP */
	dlg_outgoing_doc doc = {.doc = "brief",
	                        .type = "BC",
	                        .type_name = "Báo cáo",
	                        .session = s->id,
	                        .date = o->today,
	                        .signer = dlg_conf_get(cs->conf, "office", "chief"),
	                        .unit = dlg_conf_get(cs->conf, "office", "office_short"),
	                        .copies = 1};
	dlg_issue_doc issue = {.t = cd.t,
	                       .d = &x.d,
	                       .f = &x.f,
	                       .doc = doc,
	                       .number = o->number,
	                       .out = o->out,
	                       .today = o->today,
	                       .fonts = cd.fonts,
	                       .ok = &x.ok};
	status = dlg_issue_write(cs, &issue, NULL);
done:
	dlg_fields_free(&x.f);
	dlg_confdocs_close(&cd);
	return status;
}
