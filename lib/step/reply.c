/* Letters answering registrants in writing. */
#include "step/reply.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "base/atomic.h"
#include "fmt/csv.h"
#include "base/diag.h"
#include "base/sbuf.h"
#include "base/safename.h"
#include "base/text.h"
#include "step/issue.h"
#include "doc/batch.h"
#include "step/outbox.h"
#include "step/sign.h"
#include "case/closures.h"
#include "case/outgoing.h"

static bool part(void *ctx, dlg_lay *l, const char *block, const char *name);

/* ---- who gets a letter ---- */

static bool has_guidance(const dlg_sessdata *sd, const dlg_sd_item *it)
{
	(void)sd;
	if (it->act == DLG_ACT_ESCALATE)
		return true; /* the letter says where it went */
	if (it->nans)
		return true;
	return it->act == DLG_ACT_REDIRECT && !dlg_text_blank(it->note);
}

static const char *copies_get(void *ctx, size_t i, const char *col)
{
	dlg_replies *r = ctx;
	const dlg_letter *L = &r->L[r->cur];
	const dlg_sd_dept *d = &r->sd->d[L->copies[i]];
	return dlg_sd_dept_field(d, col);
}

static bool tables(void *ctx, const char *name, dlg_tmpl_rows *out)
{
	dlg_replies *r = ctx;
	if (strcmp(name, "copies"))
		return false;
	out->nrows = r->L[r->cur].ncopies;
	out->get = copies_get;
	out->ctx = r;
	return true;
}

static void add_copy(dlg_letter *L, size_t d)
{
	for (size_t k = 0; k < L->ncopies; k++)
		if (L->copies[k] == d)
			return;
	L->copies = dlg_xreallocarray(L->copies, L->ncopies + 1, sizeof *L->copies);
	L->copies[L->ncopies++] = d;
}

static void copy_dept(const dlg_sessdata *sd, dlg_letter *L, const char *code, const char *office)
{
	if (!strcmp(code, office)) /* the office keeps its copy: "Lưu: VT, VP" */
		return;
	for (size_t d = 0; d < sd->nd; d++)
		if (!strcmp(sd->d[d].code, code))
			add_copy(L, d);
}

bool dlg_replies_init(dlg_replies *r, const dlg_case *c, const dlg_sessions *ss,
                      const dlg_session *s, const dlg_sessdata *sd, const char *number,
                      bool pending, bool guidance, dlg_day today)
{
	memset(r, 0, sizeof *r);
	r->c = c;
	r->s = s;
	r->sd = sd;
	r->pending = pending;
	r->guidance = guidance;
	r->ok = true;
	dlg_answers_init(&r->closed_guidance);
	dlg_answers_init(&r->closed_escalated);
	if (!dlg_closures_load_how(&r->closed_guidance, c, NULL, DLG_CLOSED_GUIDANCE) ||
	    !dlg_closures_load_how(&r->closed_escalated, c, NULL, DLG_CLOSED_ESCALATED))
		r->ok = false;
	dlg_fields_session(&r->f, ss, s, NULL, "");
	char *note = dlg_xstrdup(dlg_fields_get(&r->f, "session_note"));
	size_t nl = strlen(note);
	while (nl && (note[nl - 1] == '.' || note[nl - 1] == ' '))
		note[--nl] = '\0';
	dlg_fields_set(&r->f, "cancel_reason_text", "%s%s%s", *note ? " (" : "", note,
	               *note ? ")" : "");
	free(note);
	bool cancelled = s->st == DLG_SESSION_CANCELLED;
	const char *office = dlg_conf_get(c->conf, "office", "office_short");
	char *end;
	long first = strtol(number ? number : "", &end, 10);
	bool numeric = number && *number && !*end && first > 0;
	bool ok = r->ok;
	size_t missing = 0;
	for (size_t i = 0; i < sd->np; i++) {
		const dlg_sd_person *p = &sd->p[i];
		dlg_letter L = {0};
		L.person = i;
		for (size_t k = 0; k < p->nitems; k++) {
			const dlg_sd_item *it = &sd->it[p->items[k]];
			bool redirect = it->act == DLG_ACT_REDIRECT;
			dlg_day when;
			if (redirect && dlg_answers_get(&r->closed_guidance, it->item_id,
			                                strlen(it->item_id), &when))
				continue; /* its guidance letter went out already */
			if (guidance ? !redirect || !has_guidance(sd, it)
			             : !dlg_sd_item_in_writing(sd, it))
				continue;
			if (!has_guidance(sd, it)) {
				missing++;
				if (!pending) {
					dlg_warn_at(sd->items.path, it->line,
					            _("no answer yet to %s (%s) from %s"),
					            it->item_id,
					            dlg_sessdata_dept_name(sd, it->dept), p->name);
					ok = false;
				}
			}
			L.items = dlg_xreallocarray(L.items, L.nitems + 1, sizeof *L.items);
			L.items[L.nitems++] = p->items[k];
			copy_dept(sd, &L, it->dept, office);
			for (size_t a = 0; a < it->nans; a++)
				copy_dept(sd, &L, sd->ans[it->ans[a]].by, office);
		}
		if (!L.nitems)
			continue;
		L.why = guidance                    ? "guidance"
		        : cancelled                 ? "cancelled"
		        : dlg_sd_person_away(sd, p) ? "absent"
		                                    : "unanswered";
		if (numeric)
			L.number = dlg_xasprintf("%ld", first + (long)r->n);
		else
			L.number = dlg_xstrdup(number ? number : "");
		r->L = dlg_xreallocarray(r->L, r->n + 1, sizeof *r->L);
		r->L[r->n++] = L;
	}
	if (!ok)
		dlg_warn(
		    ngettext("%zu question of conference %s has no answer yet: add it to %s, or "
		             "give --pending to write that it is being considered",
		             "%zu questions of conference %s have no answer yet: add them to "
		             "%s, or give --pending to write that they are being considered",
		             missing),
		    missing, s->id, sd->answers.path ? sd->answers.path : "answers.csv");
	r->lf.next = &r->f;
	r->d = dlg_fields_data(&r->lf, c->conf, today, part, r);
	r->d.table = tables;
	r->d.table_ctx = r;
	return ok;
}

void dlg_replies_free(dlg_replies *r)
{
	dlg_answers_free(&r->closed_guidance);
	dlg_answers_free(&r->closed_escalated);
	for (size_t i = 0; i < r->n; i++) {
		free(r->L[i].items);
		free(r->L[i].number);
		free(r->L[i].symbol);
		free(r->L[i].file);
		free(r->L[i].copies);
	}
	free(r->L);
	dlg_fields_free(&r->f);
	dlg_fields_free(&r->lf);
}

/* ---- drawing ---- */

static char *phrase(dlg_replies *r, const char *key, const char *def, const dlg_fields *f)
{
	dlg_tmpl_data d = r->d;
	d.ctx = (void *)f;
	char *s = dlg_phrase(r->t, key, def, &d);
	if (!s) {
		r->ok = false;
		s = dlg_xstrdup("");
	}
	return s;
}

static void draw_item(dlg_replies *r, dlg_lay *l, const dlg_sd_item *it, size_t stt)
{
	const dlg_sessdata *sd = r->sd;
	dlg_fields fi = {0};
	fi.next = &r->lf;
	dlg_fields_item(&fi, sd, it, stt);
	char lc[64];
	snprintf(lc, sizeof lc, "%s", dlg_sd_kind_label(it->kind));
	if (lc[0] == 'V')
		lc[0] = 'v';
	dlg_fields_set(&fi, "kind_lc", "%s", lc);
	char *lab =
	    phrase(r, "question_label", "{{stt}}. Nội dung {{you}} nêu ({{kind_lc}}):", &fi);
	dlg_doc_para(l, DLG_BOLD, lab, true, 0);
	free(lab);
	char *q = dlg_xasprintf("“%s”", it->text);
	dlg_doc_para(l, DLG_ITALIC, q, false, 0);
	free(q);
	bool redirect = it->act == DLG_ACT_REDIRECT;
	if (redirect && !dlg_text_blank(it->note)) {
		/* guidance to the proper channel, never an answer on the merits */
		char *g = phrase(r, "guidance_label", "Hướng dẫn:", &fi);
		dlg_doc_labelled(l, g, it->note, 0);
		free(g);
	}
	dlg_day reported;
	if (it->act == DLG_ACT_ESCALATE) {
		/* "đã báo cáo" only once the report to the higher level was issued
		 * (the closure record says so) */
		bool done = dlg_answers_get(&r->closed_escalated, it->item_id, strlen(it->item_id),
		                            &reported);
		char *e =
		    done ? phrase(
		               r, "escalate",
		               "Nội dung này vượt thẩm quyền giải quyết của Ủy ban nhân dân xã. Ủy "
		               "ban nhân dân xã đã tổng hợp, báo cáo {{higher_name}} xem xét, "
		               "giải quyết; kết quả sẽ được thông báo đến {{you}}.",
		               &fi)
		         : phrase(
		               r, "escalate_pending",
		               "Nội dung này vượt thẩm quyền giải quyết của Ủy ban nhân dân xã. Ủy "
		               "ban nhân dân xã sẽ tổng hợp, báo cáo {{higher_name}} xem xét, giải "
		               "quyết; kết quả sẽ được thông báo đến {{you}}.",
		               &fi);
		dlg_doc_para(l, DLG_REGULAR, e, false, 0);
		free(e);
	}
	for (size_t k = 0; k < it->nans; k++) {
		const dlg_sd_answer *a = &sd->ans[it->ans[k]];
		if (a->day > r->d.today)
			continue; /* a letter quotes no answer given after its date */
		/* The same text given twice (in writing, then read out at the
		 * conference) is quoted once. */
		bool again = false;
		for (size_t j = 0; j < k && !again; j++)
			again = !strcmp(sd->ans[it->ans[j]].text, a->text);
		if (again)
			continue;
		dlg_fields_set(&fi, "by_name", "%s",
		               dlg_sessdata_dept_name(sd, *a->by ? a->by : it->dept));
		char *al =
		    redirect ? phrase(r, "redirect_answer_label", "Hướng dẫn của {{by_name}}:", &fi)
		             : phrase(r, "answer_label", "Trả lời (ý kiến của {{by_name}}):", &fi);
		dlg_doc_para(l, DLG_BOLD_ITALIC, al, true, 0);
		free(al);
		dlg_md_draw(l, a->text, 0);
	}
	if (!has_guidance(sd, it)) {
		char *p =
		    phrase(r, "pending",
		           "Nội dung này đang được {{dept_name}} xem xét; Ủy ban nhân dân xã sẽ "
		           "trả lời {{you}} bằng văn bản ngay khi có kết quả.",
		           &fi);
		dlg_doc_para(l, DLG_ITALIC, p, false, 0);
		free(p);
	}
	dlg_fields_free(&fi);
}

static void letter_fields(dlg_replies *r, size_t i)
{
	const dlg_letter *L = &r->L[i];
	const dlg_sd_person *p = &r->sd->p[L->person];
	dlg_fields *f = &r->lf;
	char *who = dlg_sd_person_label(p);
	dlg_fields_set(f, "addressee", "%s", who);
	free(who);
	dlg_fields_set(f, "you", "%s", *p->name || !*p->organization ? "Ông/Bà" : "Quý cơ quan");
	dlg_fields_set(f, "number", "%s",
	               *L->number ? L->number : "\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0");
	dlg_fields_set(f, "reg_id", "%s", p->reg_id);
	dlg_fields_set(f, "name", "%s", p->name);
	dlg_fields_set(f, "organization", "%s", p->organization);
	dlg_fields_set(f, "address", "%s", p->address);
	dlg_fields_set(f, "village", "%s", p->village);
	dlg_fields_set(f, "received", "%s", dlg_table_val(&r->sd->items, p->row, "received"));
	char *reason = dlg_xstrdup(p->reason);
	size_t n = strlen(reason);
	while (n && (reason[n - 1] == '.' || reason[n - 1] == ' '))
		reason[--n] = '\0';
	/* "Ốm" -> "ốm" inside the sentence */
	utf8proc_int32_t cp;
	utf8proc_ssize_t len =
	    *reason ? utf8proc_iterate((const utf8proc_uint8_t *)reason, -1, &cp) : 0;
	utf8proc_uint8_t low[4];
	char *lc = reason;
	if (len > 0) {
		utf8proc_ssize_t ll = utf8proc_encode_char(utf8proc_tolower(cp), low);
		lc = dlg_xasprintf("%.*s%s", (int)ll, (const char *)low, reason + len);
	}
	dlg_fields_set(f, "reason_text", "%s%s%s", *lc ? " (lý do: " : "", lc, *lc ? ")" : "");
	if (lc != reason)
		free(lc);
	free(reason);
	dlg_fields_set(f, "why", "%s", L->why);
}

bool dlg_replies_draw(void *ctx, size_t i, dlg_pdf *pdf, dlg_lay *l)
{
	dlg_replies *r = ctx;
	r->cur = i;
	r->L[i].first_page = dlg_pdf_page_count(pdf) + 1;
	r->d.stamp =
	    r->stamp && (!r->stamp_mail_only || dlg_replies_by_mail(r, i)) ? r->stamp : NULL;
	letter_fields(r, i);
	static const char *const defs[][2] = {
	    {"situation_absent",
	     "{{you}} đã đăng ký tham gia Hội nghị đối thoại với người dân, tổ chức, doanh nghiệp "
	     "về thủ tục hành chính và giải quyết thủ tục hành chính năm {{session_year}} "
	     "({{session_round}}) tổ chức {{date:session_date}} nhưng vắng mặt{{reason_text}}. "
	     "Thực hiện Kế hoạch tổ chức Hội nghị, Ủy ban nhân dân {{office.commune}} trả lời "
	     "bằng văn bản các nội dung {{you}} đã đăng ký như sau:"},
	    {"situation_unanswered",
	     "Tại Hội nghị đối thoại với người dân, tổ chức, doanh nghiệp về thủ tục hành chính "
	     "và giải quyết thủ tục hành chính năm {{session_year}} ({{session_round}}) tổ chức "
	     "{{date:session_date}}, một số nội dung {{you}} nêu chưa được trả lời trực tiếp. Ủy "
	     "ban nhân dân {{office.commune}} trả lời {{you}} bằng văn bản như sau:"},
	    {"situation_guidance",
	     "Ủy ban nhân dân {{office.commune}} nhận được Phiếu đăng ký tham gia Hội nghị đối "
	     "thoại với người dân, tổ chức, doanh nghiệp về thủ tục hành chính và giải quyết thủ "
	     "tục hành chính năm {{session_year}} ({{session_round}}) của {{you}}. Theo mục II.1 "
	     "Kế hoạch tổ chức Hội nghị, Hội nghị không đối thoại những nội dung liên quan đến "
	     "đơn thư, khiếu nại, tố cáo và những vấn đề khác ngoài nội dung giải quyết thủ tục "
	     "hành chính. Ủy ban nhân dân {{office.commune}} hướng dẫn {{you}} như sau:"},
	    {"situation_cancelled",
	     "Hội nghị đối thoại với người dân, tổ chức, doanh nghiệp về thủ tục hành chính và "
	     "giải quyết thủ tục hành chính năm {{session_year}} ({{session_round}}) dự kiến tổ "
	     "chức {{date:session_date}} không tổ chức được vì lý do bất khả "
	     "kháng{{cancel_reason_text}}. Thực hiện mục II.3 Kế hoạch tổ chức Hội nghị, Ủy ban "
	     "nhân dân {{office.commune}} trả lời bằng văn bản các nội dung {{you}} đã đăng ký "
	     "như sau:"},
	};
	for (size_t k = 0; k < sizeof defs / sizeof *defs; k++)
		if (!strcmp(defs[k][0] + 10, r->L[i].why)) {
			char *s = phrase(r, defs[k][0], defs[k][1], &r->lf);
			dlg_fields_set(&r->lf, "situation", "%s", s);
			free(s);
		}
	return dlg_tmpl_render(r->t, l, &r->d) && r->ok;
}

bool dlg_replies_by_mail(const dlg_replies *r, size_t i)
{
	return dlg_mail_addr_ok(r->sd->p[r->L[i].person].email);
}

/* "```part answers" (the engine's dlg_tmpl_data.block). */
static bool part(void *ctx, dlg_lay *l, const char *block, const char *name)
{
	dlg_replies *r = ctx;
	if (strcmp(block, "part"))
		return false;
	if (strcmp(name, "answers")) {
		dlg_warn(_("the template asks for a part \"%s\" that this document does not have"),
		         name);
		r->ok = false;
		return true;
	}
	const dlg_letter *L = &r->L[r->cur];
	for (size_t k = 0; k < L->nitems; k++)
		draw_item(r, l, &r->sd->it[L->items[k]], k + 1);
	return true;
}

/* ---- delivery ---- */

bool dlg_replies_write_list(const dlg_replies *r, const char *path, const char *one_file,
                            bool post_only, bool excel)
{
	dlg_atomic a;
	if (!dlg_atomic_begin(&a, path, DLG_MODE_PERSONAL))
		return false;
	dlg_csv_writer *w = dlg_csv_writer_new(a.f, excel);
	static const char *const head[] = {"reg_id", "name",   "organization", "address", "village",
	                                   "phone",  "email",  "delivery",     "number",  "file",
	                                   "page",   "reason", "items"};
	dlg_csv_write_row(w, head, 13);
	for (size_t i = 0; i < r->n; i++) {
		const dlg_letter *L = &r->L[i];
		const dlg_sd_person *p = &r->sd->p[L->person];
		bool mail = dlg_replies_by_mail(r, i);
		if (post_only && mail)
			continue;
		char page[24];
		snprintf(page, sizeof page, "%d", one_file ? L->first_page : 1);
		dlg_sbuf items = {0};
		for (size_t k = 0; k < L->nitems; k++) {
			if (k)
				dlg_sbuf_addc(&items, ';');
			dlg_sbuf_adds(&items, r->sd->it[L->items[k]].item_id);
		}
		const char *row[] = {p->reg_id,
		                     p->name,
		                     p->organization,
		                     p->address,
		                     p->village,
		                     p->phone,
		                     p->email,
		                     mail ? "email" : "post",
		                     L->number,
		                     one_file  ? one_file
		                     : L->file ? L->file
		                               : "",
		                     page,
		                     L->why,
		                     items.data ? items.data : ""};
		dlg_csv_write_row(w, row, 13);
		dlg_sbuf_free(&items);
	}
	if (!dlg_csv_writer_finish(w, path)) {
		dlg_atomic_abort(&a);
		return false;
	}
	return dlg_atomic_commit(&a);
}

dlg_mail *dlg_replies_mail(const dlg_replies *r, size_t i, const char *pdf_path,
                           const char *from_name, const char *from, bool fixed_date)
{
	const dlg_letter *L = &r->L[i];
	const dlg_sd_person *p = &r->sd->p[L->person];
	const dlg_conf *cf = r->c->conf;
	const char *office = dlg_conf_get(cf, "office", "office_name");
	const char *agency = dlg_conf_get(cf, "office", "agency_short");
	const char *vp = dlg_conf_get(cf, "office", "office_short");
	const char *you = *p->name || !*p->organization ? "Ông/Bà" : "Quý cơ quan";
	char *who = dlg_sd_person_label(p);
	char day[16];
	dlg_date_format_dmy(r->d.today, day);
	char *num =
	    *L->number ? dlg_xasprintf(" số %s/%s-%s", L->number, agency, vp) : dlg_xstrdup("");
	const char *round = dlg_fields_get((void *)&r->f, "session_round");
	const char *year = dlg_fields_get((void *)&r->f, "session_year");

	dlg_sbuf b = {0};
	dlg_sbuf_printf(&b, "Kính gửi: %s.\n\n", who);
	dlg_sbuf_printf(
	    &b,
	    "Ủy ban nhân dân %s gửi %s Công văn%s ngày %s trả lời ý kiến, kiến nghị "
	    "của %s đăng ký tham gia Hội nghị đối thoại với người dân, tổ chức, doanh "
	    "nghiệp về thủ tục hành chính và giải quyết thủ tục hành chính năm %s (%s). "
	    "Công văn là tệp PDF đính kèm thư này.\n\n",
	    dlg_conf_get(cf, "office", "commune"), you, num, day, you, year, round);
	dlg_sbuf_printf(&b,
	                "Trường hợp còn vướng mắc, đề nghị %s liên hệ %s (%s; thư điện tử: %s) để "
	                "được hướng dẫn.\n\nTrân trọng.\n\n-- \n%s\n",
	                you, office, dlg_conf_get(cf, "office", "address"),
	                dlg_conf_get(cf, "office", "email"), office);
	dlg_mail *m = dlg_mail_new();
	if (from)
		dlg_mail_set_from(m, from_name ? from_name : office, from);
	dlg_mail_add_to(m, *p->name ? p->name : p->organization, p->email);
	char *subj =
	    dlg_xasprintf("Trả lời ý kiến, kiến nghị tại Hội nghị đối thoại năm %s (%s)%s%s", year,
	                  round, *num ? " - Công văn" : "", num);
	dlg_mail_set_subject(m, subj);
	dlg_mail_set_body(m, b.data);
	if (fixed_date) /* reproducible runs: 07:00 in Vietnam that day */
		dlg_mail_set_date(m, (time_t)r->d.today * 86400, 420);
	const char *base = strrchr(pdf_path, '/');
	base = base ? base + 1 : pdf_path;
	bool ok = dlg_mail_attach_file(m, pdf_path, base, "application/pdf");
	free(subj);
	free(num);
	free(who);
	dlg_sbuf_free(&b);
	if (!ok) {
		dlg_mail_free(m);
		return NULL;
	}
	return m;
}

/* ---- the command ---- */

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

/* The e-mail messages of the letters in folder out: into mail_dir, and/or
 * to sendmail. */
/* The letters that go by e-mail (files in out), signed by the signer and
 * the office before they are attached. */
static bool sign_mail(const dlg_case *cs, const dlg_replies *r, const char *out)
{
	char **paths = dlg_xmalloc((r->n ? r->n : 1) * sizeof *paths);
	size_t n = 0;
	for (size_t i = 0; i < r->n; i++)
		if (dlg_replies_by_mail(r, i))
			paths[n++] = dlg_path_join(out, r->L[i].file);
	bool ok = dlg_sign_both(cs, paths, n);
	for (size_t i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
	return ok;
}

static bool deliver(const dlg_case *cs, const dlg_replies *r, const dlg_reply_opts *o,
                    bool fixed_date)
{
	dlg_outbox ob;
	bool ok = dlg_outbox_open(&ob, cs->conf, o->mail_dir, o->sendmail);
	for (size_t i = 0; ok && i < r->n; i++) {
		if (!dlg_replies_by_mail(r, i))
			continue;
		char *pdf = dlg_path_join(o->out, r->L[i].file);
		dlg_mail *m = dlg_replies_mail(r, i, pdf, ob.from_name, ob.from, fixed_date);
		free(pdf);
		if (!m) {
			ok = false;
			break;
		}
		char *base = dlg_xstrdup(r->L[i].file);
		base[strlen(base) - 4] = '\0'; /* "x.pdf" -> "x" */
		ok = dlg_outbox_write(&ob, m, base) && dlg_outbox_send(&ob, m);
		free(base);
		dlg_mail_free(m);
	}
	dlg_outbox_close(&ob);
	return ok;
}

/* recipients.csv and postal.csv into folder dir; one_file names the PDF
 * holding every letter (NULL: one file per letter). */
static bool write_lists(const dlg_replies *r, const char *dir, const char *one_file, bool excel)
{
	char *rp = dlg_path_join(dir, "recipients.csv");
	char *pp = dlg_path_join(dir, "postal.csv");
	bool ok = dlg_replies_write_list(r, rp, one_file, false, excel) &&
	          dlg_replies_write_list(r, pp, one_file, true, excel);
	free(rp);
	free(pp);
	return ok;
}

/* Each letter's file name: the registration's id made safe, else its rank. */
static char **letter_names(dlg_replies *r, const dlg_sessdata *sd)
{
	char **names = dlg_xmalloc((r->n ? r->n : 1) * sizeof *names);
	for (size_t i = 0; i < r->n; i++) {
		char *safe = dlg_safe_filename(sd->p[r->L[i].person].reg_id, 100);
		names[i] =
		    *safe ? dlg_xasprintf("%s.pdf", safe) : dlg_xasprintf("%04zu.pdf", i + 1);
		free(safe);
	}
	dlg_unique_names(names, r->n, ".pdf");
	for (size_t i = 0; i < r->n; i++)
		r->L[i].file = dlg_xstrdup(names[i]);
	return names;
}

/* Letter i's identity for the outgoing register (dlg_issue_fill_fn). */
static void letter_doc(void *ctx, size_t i, dlg_outgoing_doc *doc)
{
	dlg_replies *r = ctx;
	r->cur = i;
	letter_fields(r, i);
	*doc = (dlg_outgoing_doc){
	    /* a guidance letter and the written answer after the conference
	     * are two documents to the same registrant */
	    .doc = r->guidance ? "guidance" : "reply",
	    .type = "",
	    .type_name = "Công văn",
	    .session = r->s->id,
	    .recipient = r->sd->p[r->L[i].person].reg_id,
	    .date = r->d.today,
	    .copies = 2 + (long)r->L[i].ncopies, /* the registrant, the copies, the file */
	};
}

/* Every letter's number from the outgoing register, in one go: a letter to
 * a registrant about a conference keeps its number when made again. number
 * is --number (the first new letter's) or NULL. */
static bool reserve_numbers(dlg_replies *r, const char *number)
{
	if (!r->n)
		return true;
	dlg_outgoing_no *no = dlg_xmalloc(r->n * sizeof *no);
	bool ok = dlg_issue_many(r->c, r->t, &r->d, r->n, letter_doc, r, number, no);
	for (size_t k = 0; ok && k < r->n; k++) {
		free(r->L[k].number);
		r->L[k].number = dlg_xstrdup(no[k].num);
		r->L[k].symbol = dlg_xstrdup(no[k].symbol);
	}
	if (ok)
		dlg_outgoing_no_free(no, r->n);
	free(no);
	return ok;
}

/* Record in the closure record that the letters closed their redirected
 * questions (plan III.2: the guidance letter is how such a question is
 * handled), with the letter's date, number and file; false after a
 * diagnostic. */
static bool record_guidance(const dlg_case *cs, const dlg_replies *r, dlg_day day)
{
	size_t n = 0;
	for (size_t i = 0; i < r->n; i++)
		n += r->L[i].nitems;
	dlg_closure *v = dlg_xmalloc((n ? n : 1) * sizeof *v);
	size_t k = 0;
	for (size_t i = 0; i < r->n; i++)
		for (size_t j = 0; j < r->L[i].nitems; j++) {
			const dlg_sd_item *it = &r->sd->it[r->L[i].items[j]];
			if (it->act != DLG_ACT_REDIRECT || !has_guidance(r->sd, it))
				continue;
			v[k++] = (dlg_closure){it->item_id, DLG_CLOSED_GUIDANCE, day,
			                       r->L[i].symbol ? r->L[i].symbol : r->L[i].number,
			                       r->L[i].file};
		}
	size_t added = 0;
	bool ok = !k || dlg_closures_record(cs, NULL, v, k, &added);
	free(v);
	return ok;
}

int dlg_reply_run(const dlg_case *cs, const dlg_reply_opts *o)
{
	static const char title[] = "Trả lời ý kiến, kiến nghị";
	dlg_confopen_opts oo = o->open;
	/* guidance letters go out as soon as the items are routed; written
	 * answers follow a conference held or cancelled */
	oo.need = o->guidance ? DLG_CONF_ANY : DLG_CONF_HELD_OR_CANCELLED;
	if (!oo.tmpl)
		oo.tmpl = "tra-loi";
	int status = DLG_EXIT_ERROR;
	dlg_confdocs cd;
	dlg_replies r = {0};
	bool have_r = false;
	char **names = NULL;
	dlg_nd30_stamp stamp = {0};
	if (!dlg_confdocs_find(&cd, cs, &oo) || !dlg_confdocs_load(&cd, &oo))
		goto done;
	have_r = true;
	if (!dlg_replies_init(&r, cs, &cd.ss, cd.s, &cd.sd, "", o->pending, o->guidance, cd.today))
		goto done;
	r.t = cd.t;
	if (!reserve_numbers(&r, o->number))
		goto done;
	if (o->digital || o->sign) {
		if (!dlg_nd30_stamp_load(&stamp, cs->conf, cs->dir))
			goto done;
		r.stamp = &stamp;
		r.stamp_mail_only = !o->digital;
	}
	names = letter_names(&r, &cd.sd);
	status = DLG_EXIT_OK;
	if (o->one_file) {
		dlg_batch b = {o->one_file, NULL,     (const char *const *)names,
		               title,       cd.today, cd.fonts};
		status = dlg_batch_run(&b, r.n, dlg_replies_draw, &r);
		if (status == DLG_EXIT_OK && !o->out && strcmp(o->one_file, "-")) {
			char *d = dir_of(o->one_file);
			if (!write_lists(&r, d, base_of(o->one_file), o->excel))
				status = DLG_EXIT_ERROR;
			free(d);
		}
	}
	if (status == DLG_EXIT_OK && o->out) {
		dlg_batch b = {NULL, o->out, (const char *const *)names, title, cd.today, cd.fonts};
		status = dlg_batch_run(&b, r.n, dlg_replies_draw, &r);
		if (status == DLG_EXIT_OK && !write_lists(&r, o->out, NULL, o->excel))
			status = DLG_EXIT_ERROR;
		if (status == DLG_EXIT_OK && o->sign && !sign_mail(cs, &r, o->out))
			status = DLG_EXIT_ERROR;
		if (status == DLG_EXIT_OK && (o->mail_dir || o->sendmail) &&
		    !deliver(cs, &r, o, cd.today_fixed))
			status = DLG_EXIT_ERROR;
	}
	/* the letters are written: their redirected questions are closed */
	if (status == DLG_EXIT_OK && !record_guidance(cs, &r, cd.today))
		status = DLG_EXIT_ERROR;
done:
	if (names)
		for (size_t i = 0; i < r.n; i++)
			free(names[i]);
	free(names);
	if (have_r)
		dlg_replies_free(&r);
	dlg_nd30_stamp_free(&stamp);
	dlg_confdocs_close(&cd);
	return status;
}
