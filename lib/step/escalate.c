/* The report to the higher level on the questions beyond the commune. */
#include "step/escalate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "base/sbuf.h"
#include "case/closures.h"
#include "doc/batch.h"
#include "doc/font.h"
#include "doc/template.h"
#include "step/confdoc.h"
#include "step/confopen.h"
#include "step/issue.h"

struct ctx {
	const dlg_sessdata *sd;
	const dlg_tmpl *t;
	size_t *items; /* escalated items, grouped by the body they go to */
	size_t nitems;
	const dlg_sd_dept **body; /* the body each goes to (NULL: none in departments.csv) */
	dlg_fields f;
	dlg_tmpl_data d;
	bool ok;
};

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

static void one_item(struct ctx *x, dlg_lay *l, const dlg_sd_item *it, size_t stt)
{
	const dlg_sessdata *sd = x->sd;
	dlg_fields fi = {.next = &x->f};
	dlg_fields_item(&fi, sd, it, stt);
	char *lab =
	    phrase(x, "question_label", "{{stt}}. Kiến nghị của {{asker}} ({{kind}}):", &fi);
	dlg_doc_para(l, DLG_BOLD, lab, true, 0);
	free(lab);
	dlg_doc_para(l, DLG_ITALIC, it->text, true, 0);
	/* the commune's view: the written answers of its departments */
	for (size_t k = 0; k < it->nans; k++) {
		const dlg_sd_answer *a = &sd->ans[it->ans[k]];
		bool again = !*a->text;
		for (size_t j = 0; j < k && !again; j++)
			again = !strcmp(sd->ans[it->ans[j]].text, a->text);
		if (again) /* the same view given in writing and at the conference */
			continue;
		dlg_fields_set(&fi, "by_name", "%s",
		               dlg_sessdata_dept_name(sd, *a->by ? a->by : it->dept));
		char *al = phrase(x, "view_label", "Ý kiến của {{by_name}}:", &fi);
		dlg_doc_para(l, DLG_BOLD_ITALIC, al, true, 0);
		free(al);
		dlg_md_draw(l, a->text, 0);
	}
	char *p = phrase(x, "proposal",
	                 "Đề xuất: Ủy ban nhân dân xã kính đề nghị {{higher_name}} xem xét, giải "
	                 "quyết theo thẩm quyền và có ý kiến để Ủy ban nhân dân xã trả lời người "
	                 "kiến nghị.",
	                 &fi);
	dlg_doc_para(l, DLG_REGULAR, p, false, 0);
	free(p);
	dlg_fields_free(&fi);
}

static bool block(void *p, dlg_lay *l, const char *name, const char *arg)
{
	struct ctx *x = p;
	if (strcmp(name, "part"))
		return false;
	if (strcmp(arg, "items")) {
		dlg_warn(_("the template asks for a part \"%s\" that this document does not have"),
		         arg);
		x->ok = false;
		return true;
	}
	/* several bodies decide: the questions of each under a heading */
	bool several = x->nitems && x->body[0] != x->body[x->nitems - 1];
	static const char *const roman[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII"};
	size_t group = 0;
	for (size_t k = 0; k < x->nitems; k++) {
		const dlg_sd_item *it = &x->sd->it[x->items[k]];
		if (several && (!k || x->body[k] != x->body[k - 1])) {
			dlg_fields fi = {.next = &x->f};
			dlg_fields_item(&fi, x->sd, it, k + 1);
			dlg_fields_set(&fi, "group", "%s", group < 8 ? roman[group] : "");
			group++;
			char *h = phrase(x, "body_heading",
			                 "{{group}}. Kiến nghị thuộc thẩm quyền của "
			                 "{{higher_name}}",
			                 &fi);
			dlg_doc_para(l, DLG_BOLD, h, true, 0);
			free(h);
			dlg_fields_free(&fi);
		}
		one_item(x, l, it, k + 1);
	}
	return true;
}

/* The escalated items, grouped by the body they go to (in departments.csv
 * order), and "higher_names": those bodies' names. */
static void collect(struct ctx *x)
{
	const dlg_sessdata *sd = x->sd;
	x->items = dlg_xmalloc((sd->nit ? sd->nit : 1) * sizeof *x->items);
	x->body = dlg_xmalloc((sd->nit ? sd->nit : 1) * sizeof *x->body);
	dlg_sbuf names = {0};
	for (size_t d = 0; d <= sd->nd; d++) {
		const dlg_sd_dept *want = d < sd->nd ? &sd->d[d] : NULL;
		bool named = false;
		for (size_t i = 0; i < sd->nit; i++) {
			const dlg_sd_item *it = &sd->it[i];
			if (it->act != DLG_ACT_ESCALATE || dlg_sessdata_higher(sd, it) != want)
				continue;
			x->body[x->nitems] = want;
			x->items[x->nitems++] = i;
			if (!named) {
				if (names.len)
					dlg_sbuf_adds(&names, "; ");
				dlg_fields fi = {0};
				dlg_fields_item(&fi, sd, it, 0);
				dlg_sbuf_adds(&names, dlg_fields_get(&fi, "higher_name"));
				dlg_fields_free(&fi);
				named = true;
			}
		}
	}
	char *s = dlg_sbuf_take(&names);
	dlg_fields_set(&x->f, "higher_names", "%s", s);
	free(s);
	dlg_fields_set(&x->f, "count", "%02zu", x->nitems);
}

/* Issuing the report closes its items (case/closures.h): reminders go
 * quiet and the report's figures count them as handled. */
static bool close_items(const dlg_case *cs, const struct ctx *x, const dlg_escalate_opts *o,
                        const char *symbol)
{
	const char *slash = strrchr(o->out, '/');
	const char *file = !strcmp(o->out, "-") ? "Báo cáo cấp trên" : slash ? slash + 1 : o->out;
	dlg_closure *v = dlg_xmalloc(x->nitems * sizeof *v);
	for (size_t k = 0; k < x->nitems; k++)
		v[k] = (dlg_closure){x->sd->it[x->items[k]].item_id, DLG_CLOSED_ESCALATED, o->today,
		                     symbol, file};
	bool ok = dlg_closures_record(cs, NULL, v, x->nitems, NULL);
	free(v);
	return ok;
}

int dlg_escalate_run(const dlg_case *cs, const dlg_escalate_opts *o)
{
	struct ctx x = {.ok = true};
	int status = DLG_EXIT_ERROR;
	dlg_confopen_opts oo = {.session = o->session,
	                        .day = &o->today,
	                        .tmpl = o->tmpl ? o->tmpl : "bao-cao-cap-tren",
	                        .files = o->files,
	                        .need = DLG_CONF_ANY,
	                        .before = true};
	dlg_confdocs cd;
	char *symbol = NULL;
	if (!dlg_confdocs_find(&cd, cs, &oo) || !dlg_confdocs_records(&cd, &oo))
		goto done;
	const dlg_session *s = cd.s;
	x.sd = &cd.sd;
	dlg_fields_session(&x.f, &cd.ss, s, NULL, NULL);
	/* a report made before the conference does not speak of it as past */
	dlg_fields_set(&x.f, "session_when", "%s", o->today < s->date ? "dự kiến tổ chức " : "");
	collect(&x);
	if (!x.nitems) {
		dlg_warn(_("%s: no question of conference %s is beyond the commune (action "
		           "escalate): there is nothing to report to the higher level"),
		         cd.sd.items.path, s->id);
		goto done;
	}
	x.d = dlg_fields_data(&x.f, cs->conf, o->today, block, &x);
	if (!dlg_confdocs_template(&cd, &oo))
		goto done;
	x.t = cd.t;
	dlg_outgoing_doc doc = {.doc = "escalate",
	                        .type = "BC",
	                        .type_name = "Báo cáo",
	                        .session = s->id,
	                        .date = o->today,
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
	status = dlg_issue_write(cs, &issue, &symbol);
	if (status == DLG_EXIT_OK && !close_items(cs, &x, o, symbol))
		status = DLG_EXIT_ERROR;
done:
	free(symbol);
	free(x.items);
	free(x.body);
	dlg_fields_free(&x.f);
	dlg_confdocs_close(&cd);
	return status;
}
