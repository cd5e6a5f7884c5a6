/* Invitation letters to the registrants of a conference or to the
 * departments that answer their questions, and their recipients.csv. */
#include "step/invite.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/atomic.h"
#include "fmt/csv.h"
#include "base/diag.h"
#include "base/safename.h"
#include "doc/batch.h"
#include "doc/template.h"
#include "fmt/table.h"
#include "doc/font.h"
#include "doc/template.h"
#include "case/sessions.h"
#include "base/text.h"
#include "base/sbuf.h"
#include "step/issue.h"
#include "base/vocab.h"
#include "step/outbox.h"
#include "step/sign.h"
#include "case/participants.h"
#include "fmt/mail.h"

struct question {
	const char *kind, *text, *name, *village, *reg_id;
};

struct letter {
	size_t row;      /* input row (registrants) or departments row */
	const char *key; /* reg_id or department code */
	struct question *q;
	size_t nq, cap;
	size_t nprotected; /* questions left out: redirected (complaints, denunciations) */
	int first_page;    /* in the one-file output */
};

struct ctx {
	const dlg_table *in;
	const dlg_table *depts;
	bool departments;
	const dlg_participants *guests; /* --participants: one letter each */
	char *purpose;                  /* the current participant's phrase */
	const dlg_session *s;
	const dlg_tmpl *t;
	dlg_tmpl_data d;
	bool excel; /* address lists for Excel */
	struct letter *let;
	size_t nlet;
	size_t cur;
	char *addressee;
	const dlg_nd30_stamp *stamp; /* signature and seal images, or NULL */
	bool stamp_mail_only;        /* only on the letters that go by e-mail */
	char number[64], time_vi[64], weekday[32], date_iso[16], year[8];
};

static const char *kind_label(const char *kind)
{
	if (!strcmp(kind, "procedure"))
		return "Về thủ tục hành chính";
	if (!strcmp(kind, "handling"))
		return "Về giải quyết thủ tục hành chính";
	return kind;
}

/* A participant's column for the template, or the purpose phrase. */
static const char *guest_field(const dlg_participant *g, const char *name, const char *purpose)
{
	static const char *const cols[] = {"who",          "group", "title",  "name",
	                                   "organization", "email", "address"};
	const char *val[] = {g->who,          g->group, g->title,  g->name,
	                     g->organization, g->email, g->address};
	for (size_t k = 0; k < 7; k++)
		if (!strcmp(name, cols[k]))
			return val[k];
	if (!strcmp(name, "purpose"))
		return purpose;
	return NULL;
}

static const char *get_field(void *p, const char *name)
{
	struct ctx *c = p;
	struct letter *L = &c->let[c->cur];
	if (!strcmp(name, "addressee"))
		return c->addressee;
	if (!strcmp(name, "number"))
		return c->number;
	if (!strcmp(name, "session_id"))
		return c->s->id;
	if (!strcmp(name, "session_date"))
		return c->date_iso;
	if (!strcmp(name, "session_time_vi"))
		return c->time_vi;
	if (!strcmp(name, "session_weekday"))
		return c->weekday;
	if (!strcmp(name, "session_venue"))
		return c->s->venue;
	if (!strcmp(name, "session_chair"))
		return c->s->chair;
	if (!strcmp(name, "session_year"))
		return c->year;
	if (c->guests)
		return guest_field(&c->guests->p[L->row], name, c->purpose);
	return dlg_rows_get(c->departments ? c->depts : c->in, L->row, name);
}

static const char *question_get(void *p, size_t i, const char *col)
{
	struct letter *L = p;
	struct question *q = &L->q[i];
	if (!strcmp(col, "kind"))
		return q->kind;
	if (!strcmp(col, "text"))
		return q->text;
	if (!strcmp(col, "name"))
		return q->name;
	if (!strcmp(col, "village"))
		return q->village;
	if (!strcmp(col, "reg_id"))
		return q->reg_id;
	return NULL;
}

static bool get_table(void *p, const char *name, dlg_tmpl_rows *out)
{
	struct ctx *c = p;
	if (strcmp(name, "questions"))
		return false;
	out->nrows = c->let[c->cur].nq;
	out->get = question_get;
	out->ctx = &c->let[c->cur];
	return true;
}

static void set_addressee(struct ctx *c, struct letter *L)
{
	free(c->addressee);
	if (c->guests) {
		const dlg_participant *g = &c->guests->p[L->row];
		const char *title = *g->title ? g->title : g->organization;
		c->addressee =
		    *g->name ? dlg_xasprintf("Ông/Bà %s, %s", g->name, title) : dlg_xstrdup(title);
		return;
	}
	if (c->departments) {
		const char *head = dlg_table_val(c->depts, L->row, "head");
		c->addressee = dlg_xstrdup(*head ? head : dlg_table_val(c->depts, L->row, "name"));
		return;
	}
	const char *name = dlg_table_val(c->in, L->row, "name");
	const char *org = dlg_table_val(c->in, L->row, "organization");
	if (*org && *name)
		c->addressee = dlg_xasprintf("Ông/Bà %s, đại diện %s", name, org);
	else if (*org)
		c->addressee = dlg_xstrdup(org);
	else
		c->addressee = dlg_xasprintf("Ông/Bà %s", name);
}

/* What a participant is invited for: the template's purpose_GROUP phrase
 * (purpose_front, purpose_village, ...), else its purpose. */
static bool set_purpose(struct ctx *c, const dlg_participant *g)
{
	free(c->purpose);
	c->purpose = NULL;
	char *key = dlg_xasprintf("purpose_%s", g->group);
	const char *use = dlg_tmpl_meta(c->t, key) ? key : "purpose";
	if (!dlg_tmpl_meta(c->t, use)) {
		dlg_warn(_("%s: no phrase \"%s\" or \"purpose\" in the template for the group "
		           "\"%s\""),
		         g->who, key, g->group);
		free(key);
		return false;
	}
	c->purpose = dlg_tmpl_meta_fill(c->t, use, &c->d);
	free(key);
	return c->purpose != NULL;
}

static bool by_mail(struct ctx *c, struct letter *L);

static bool draw(void *p, size_t i, dlg_pdf *pdf, dlg_lay *l)
{
	struct ctx *c = p;
	c->cur = i;
	c->let[i].first_page = dlg_pdf_page_count(pdf) + 1;
	c->d.stamp = c->stamp && (!c->stamp_mail_only || by_mail(c, &c->let[i])) ? c->stamp : NULL;
	set_addressee(c, &c->let[i]);
	if (c->guests && !set_purpose(c, &c->guests->p[c->let[i].row]))
		return false;
	return dlg_tmpl_render(c->t, l, &c->d);
}

static void add_question(struct letter *L, struct question q)
{
	if (!q.text || dlg_text_blank(q.text))
		return;
	if (L->nq == L->cap) {
		L->cap = L->cap ? 2 * L->cap : 4;
		L->q = dlg_xreallocarray(L->q, L->cap, sizeof *L->q);
	}
	L->q[L->nq++] = q;
}

static struct letter *find_letter(struct ctx *c, const char *key)
{
	for (size_t i = 0; i < c->nlet; i++)
		if (!strcmp(c->let[i].key, key))
			return &c->let[i];
	return NULL;
}

static struct letter *new_letter(struct ctx *c, size_t row, const char *key)
{
	c->let = dlg_xreallocarray(c->let, c->nlet + 1, sizeof *c->let);
	struct letter *L = &c->let[c->nlet++];
	memset(L, 0, sizeof *L);
	L->row = row;
	L->key = key;
	return L;
}

static bool need_column(const dlg_table *t, const char *col, const char *why)
{
	if (dlg_table_col(t, col) >= 0)
		return true;
	dlg_warn_at(t->path, 1, _("no column \"%s\"%s"), col, why);
	return false;
}

/* True when the question (reg_id, kind) is redirected in the routed items
 * (a complaint, denunciation or dispute: not answered at the conference, so
 * not in an invitation). */
static bool redirected_in(const dlg_table *items, const char *reg_id, const char *kind)
{
	if (!items || !*reg_id)
		return false;
	for (size_t r = 0; r < items->nrows; r++)
		if (!strcmp(dlg_table_val(items, r, "reg_id"), reg_id) &&
		    !strcmp(dlg_table_val(items, r, "kind"), kind) &&
		    dlg_action_parse(dlg_table_val(items, r, "action")) == DLG_ACT_REDIRECT)
			return true;
	return false;
}

/* Add a registrant's question unless it is redirected (then only counted). */
static void add_or_protect(struct letter *L, struct question q, bool redirected)
{
	if (!q.text || dlg_text_blank(q.text))
		return;
	if (redirected)
		L->nprotected++;
	else
		add_question(L, q);
}

/* One letter per accepted registrant of the session, listing only the
 * questions answered at the conference; a registrant whose every question
 * is redirected gets the guidance letter (dlg-reply) instead. routed: the
 * items when the input is registrations (NULL when not routed yet). */
static bool collect_registrants(struct ctx *c, const dlg_table *routed)
{
	const dlg_table *in = c->in;
	if (!need_column(in, "session", "") || !need_column(in, "name", ""))
		return false;
	bool items = dlg_table_col(in, "item_id") >= 0 && dlg_table_col(in, "text") >= 0;
	int key_col = dlg_table_col(in, "reg_id");
	for (size_t r = 0; r < in->nrows; r++) {
		if (strcmp(dlg_table_val(in, r, "session"), c->s->id))
			continue;
		const char *status = dlg_table_val(in, r, "status");
		if (dlg_reg_status_parse(status) != DLG_STATUS_ACCEPTED)
			continue;
		const char *key = key_col >= 0 ? dlg_table_get(in, r, key_col) : "";
		struct letter *L = *key ? find_letter(c, key) : NULL;
		if (!L)
			L = new_letter(c, r, key);
		struct question q = {NULL, NULL, dlg_table_val(in, r, "name"),
		                     dlg_table_val(in, r, "village"), key};
		if (items) {
			q.kind = kind_label(dlg_table_val(in, r, "kind"));
			q.text = dlg_table_val(in, r, "text");
			add_or_protect(L, q, !strcmp(dlg_table_val(in, r, "action"), "redirect"));
		} else {
			q.kind = kind_label("procedure");
			q.text = dlg_table_val(in, r, "topic_procedure");
			add_or_protect(L, q, redirected_in(routed, key, "procedure"));
			q.kind = kind_label("handling");
			q.text = dlg_table_val(in, r, "topic_handling");
			add_or_protect(L, q, redirected_in(routed, key, "handling"));
		}
	}
	/* no invitation for whom every question was redirected */
	size_t k = 0;
	for (size_t i = 0; i < c->nlet; i++) {
		if (!c->let[i].nq && c->let[i].nprotected) {
			free(c->let[i].q);
			continue;
		}
		c->let[k++] = c->let[i];
	}
	c->nlet = k;
	return true;
}

/* One letter per department with questions to answer at the session. */
static bool collect_departments(struct ctx *c)
{
	const dlg_table *in = c->in;
	if (!need_column(in, "dept", _(": --departments reads items (run dlg-route first)")) ||
	    !need_column(in, "text", _(": --departments reads items (run dlg-route first)")) ||
	    !need_column(in, "session", ""))
		return false;
	int dcode = dlg_table_col(c->depts, "dept");
	if (dcode < 0) {
		dlg_warn_at(c->depts->path, 1, _("no column \"%s\""), "dept");
		return false;
	}
	bool ok = true;
	for (size_t r = 0; r < in->nrows; r++) {
		if (strcmp(dlg_table_val(in, r, "session"), c->s->id))
			continue;
		const char *action = dlg_table_val(in, r, "action");
		const char *dept = dlg_table_val(in, r, "dept");
		if ((*action && dlg_action_parse(action) != DLG_ACT_ANSWER) || !*dept)
			continue;
		long d = dlg_table_find(c->depts, dcode, dept);
		if (d < 0) {
			dlg_warn_at(in->path, in->line[r], _("unknown department \"%s\""), dept);
			ok = false;
			continue;
		}
		struct letter *L = find_letter(c, dept);
		if (!L)
			L = new_letter(c, (size_t)d, dlg_table_get(c->depts, (size_t)d, dcode));
		struct question q = {kind_label(dlg_table_val(in, r, "kind")),
		                     dlg_table_val(in, r, "text"), dlg_table_val(in, r, "name"),
		                     dlg_table_val(in, r, "village"),
		                     dlg_table_val(in, r, "reg_id")};
		add_question(L, q);
	}
	/* in the order of departments.csv */
	for (size_t i = 1; i < c->nlet; i++)
		for (size_t j = i; j > 0 && c->let[j - 1].row > c->let[j].row; j--) {
			struct letter tmp = c->let[j];
			c->let[j] = c->let[j - 1];
			c->let[j - 1] = tmp;
		}
	return ok;
}

/* One letter per standing participant and village head. */
static void collect_guests(struct ctx *c)
{
	for (size_t i = 0; i < c->guests->n; i++)
		new_letter(c, i, c->guests->p[i].who);
}

static void session_fields(struct ctx *c)
{
	int y, m, d, hh = 0, mm = 0;
	dlg_date_to_ymd(c->s->date, &y, &m, &d);
	dlg_date_format_iso(c->s->date, c->date_iso);
	snprintf(c->year, sizeof c->year, "%d", y);
	snprintf(c->weekday, sizeof c->weekday, "%s", dlg_date_weekday_vi(c->s->date, false));
	if (sscanf(c->s->time ? c->s->time : "", "%d:%d", &hh, &mm) == 2)
		snprintf(c->time_vi, sizeof c->time_vi, "%02d giờ %02d phút", hh, mm);
	else
		snprintf(c->time_vi, sizeof c->time_vi, "%s", c->s->time ? c->s->time : "");
}

/* Who letter L goes to, for envelopes and e-mail: name, organisation,
 * address, e-mail (strings of the input; the addressee for departments and
 * participants, set by set_addressee). */
static void letter_contact(struct ctx *c, struct letter *L, const char *v[4])
{
	set_addressee(c, L);
	if (c->guests) {
		const dlg_participant *g = &c->guests->p[L->row];
		v[0] = c->addressee, v[1] = g->organization, v[2] = g->address, v[3] = g->email;
		return;
	}
	const dlg_table *t = c->departments ? c->depts : c->in;
	v[0] = c->departments ? c->addressee : dlg_table_val(t, L->row, "name");
	v[1] = dlg_table_val(t, L->row, c->departments ? "name" : "organization");
	v[2] = dlg_table_val(t, L->row, "address");
	v[3] = dlg_table_val(t, L->row, "email");
}

/* True when letter L goes by e-mail (its addressee has a usable address). */
static bool by_mail(struct ctx *c, struct letter *L)
{
	const char *v[4];
	letter_contact(c, L, v);
	char *to = dlg_xstrdup(v[3]);
	dlg_text_squeeze(to);
	bool ok = dlg_mail_addr_ok(to);
	free(to);
	return ok;
}

/* The letters that go by e-mail, signed before they are attached. */
static bool sign_mail(const dlg_case *cs, struct ctx *x, const char *out, char **names)
{
	char **paths = dlg_xmalloc((x->nlet ? x->nlet : 1) * sizeof *paths);
	size_t n = 0;
	for (size_t i = 0; i < x->nlet; i++) {
		x->cur = i;
		if (by_mail(x, &x->let[i]))
			paths[n++] = dlg_path_join(out, names[i]);
	}
	bool ok = dlg_sign_both(cs, paths, n);
	for (size_t i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
	return ok;
}

/* recipients.csv beside the letters. */
static bool write_recipients(struct ctx *c, const char *path, char **names, const char *one,
                             const bool *only)
{
	dlg_atomic a;
	if (!dlg_atomic_begin(&a, path, DLG_MODE_PERSONAL))
		return false;
	dlg_csv_writer *w = dlg_csv_writer_new(a.f, c->excel);
	const char *head[] = {c->guests        ? "who"
	                      : c->departments ? "dept"
	                                       : "reg_id",
	                      "name",
	                      "organization",
	                      "address",
	                      "email",
	                      "file",
	                      "page"};
	dlg_csv_write_row(w, head, 7);
	for (size_t i = 0; i < c->nlet; i++) {
		if (only && !only[i])
			continue;
		struct letter *L = &c->let[i];
		char page[16];
		snprintf(page, sizeof page, "%d", one ? L->first_page : 1);
		c->cur = i;
		const char *v[4];
		letter_contact(c, L, v);
		/* For envelopes and e-mail: one line each, no control characters. */
		char *clean[4];
		for (int k = 0; k < 4; k++)
			dlg_text_squeeze(clean[k] = dlg_text_printable(v[k]));
		const char *row[] = {
		    L->key, clean[0], clean[1], clean[2], clean[3], one ? one : names[i], page};
		dlg_csv_write_row(w, row, 7);
		for (int k = 0; k < 4; k++)
			free(clean[k]);
	}
	if (!dlg_csv_writer_finish(w, path)) {
		dlg_atomic_abort(&a);
		return false;
	}
	return dlg_atomic_commit(&a);
}

static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return dlg_xstrdup(".");
	if (slash == path)
		return dlg_xstrdup("/");
	char *d = dlg_xstrdup(path);
	d[slash - path] = '\0';
	return d;
}

static const char *base_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

/* The input: the file given, else standard input, or the case folder's
 * file when standard input is a terminal. malloc'd. */
static char *input_path(const dlg_case *cs, const dlg_invite_opts *o)
{
	if (o->input)
		return dlg_xstrdup(o->input);
	if (isatty(0))
		return dlg_case_file(cs, o->departments ? "items" : "registrations");
	return dlg_xstrdup("-");
}

/* Warn when the letters are dated later than [rules] announce_days_before
 * the conference. */
static void warn_late(const dlg_case *cs, const struct ctx *x)
{
	long ahead = dlg_conf_get_long(cs->conf, "rules", "announce_days_before");
	long days = x->s->date - x->d.today;
	if (days < ahead) {
		char when[16], now[16];
		dlg_date_format_dmy(x->s->date, when);
		dlg_date_format_dmy(x->d.today, now);
		dlg_warn(_("invitations dated %s go out %ld days before the conference of %s; "
		           "the plan wants at least %ld (announce_days_before)"),
		         now, days, when, ahead);
	}
}

/* The file name of letter i is made from its key (dlg_pdf_names). */
static const char *letter_key(void *p, size_t i)
{
	const struct ctx *x = p;
	return x->let[i].key;
}

/* Make the letters and recipients.csv: in the output folder, else beside
 * the one file (not for standard output). The exit status. */
static int write_letters(struct ctx *x, const dlg_invite_opts *o, char **names)
{
	const char *one = o->one_file, *out = o->out_dir;
	dlg_fonts *fonts = dlg_fonts_new(NULL);
	dlg_batch b = {one, out, (const char *const *)names, "Giấy mời", x->d.today, fonts};
	int status = dlg_batch_run(&b, x->nlet, draw, x);
	dlg_fonts_free(fonts);
	if (status == DLG_EXIT_OK && one && strcmp(one, "-") && !out) {
		char *d = dir_of(one);
		char *rp = dlg_path_join(d, "recipients.csv");
		if (!write_recipients(x, rp, names, base_of(one), NULL))
			status = DLG_EXIT_ERROR;
		free(rp);
		free(d);
	}
	if (status == DLG_EXIT_OK && out) {
		char *rp = dlg_path_join(out, "recipients.csv");
		if (!write_recipients(x, rp, names, NULL, NULL))
			status = DLG_EXIT_ERROR;
		free(rp);
	}
	return status;
}

/* The invitation's number from the outgoing register: one document for
 * every registrant (or every department) of the conference, whose
 * personalised copies share the number. */
static bool reserve_number(const dlg_case *cs, struct ctx *x, const dlg_invite_opts *o)
{
	dlg_sbuf rec = {0};
	if (x->guests) {
		dlg_sbuf_printf(&rec, "Thành phần mời dự Hội nghị (%zu nơi); ", x->nlet);
	} else if (x->departments) {
		for (size_t i = 0; i < x->nlet; i++) {
			dlg_sbuf_printf(&rec, "%s; ",
			                dlg_table_val(x->depts, x->let[i].row, "name"));
		}
	} else {
		dlg_sbuf_printf(&rec, "Người đăng ký tham gia Hội nghị (%zu người); ", x->nlet);
	}
	dlg_sbuf_printf(&rec, "Lưu: VT, %s.", dlg_conf_get(cs->conf, "office", "office_short"));
	dlg_outgoing_doc doc = {
	    .doc = x->guests        ? "invite-participants"
	           : x->departments ? "invite-departments"
	                            : "invite",
	    .type = "GM",
	    .type_name = "Giấy mời",
	    .session = x->s->id,
	    .date = x->d.today,
	    .recipients = rec.data,
	    .copies = (long)x->nlet,
	};
	x->cur = 0;
	dlg_outgoing_no no;
	bool ok = dlg_issue_one(cs, x->t, &x->d, &doc, o->number, &no);
	if (ok) {
		snprintf(x->number, sizeof x->number, "%s", no.num);
		dlg_outgoing_no_free(&no, 1);
	}
	dlg_sbuf_free(&rec);
	return ok;
}

/* The e-mail of letter i to address to, with the PDF at pdf attached. */
static dlg_mail *invite_mail(const dlg_case *cs, struct ctx *x, const char *to_name, const char *to,
                             const char *pdf, const dlg_outbox *ob, bool fixed)
{
	const dlg_conf *cf = cs->conf;
	const char *office = dlg_conf_get(cf, "office", "office_name");
	char *symbol =
	    dlg_xasprintf("%s/GM-%s", x->number, dlg_conf_get(cf, "office", "agency_short"));
	dlg_day when;
	char date[16];
	dlg_date_parse_iso(x->date_iso, &when);
	dlg_date_format_dmy(when, date);
	dlg_sbuf b = {0};
	dlg_sbuf_printf(&b, "Kính gửi: %s.\n\n", x->addressee);
	dlg_sbuf_printf(&b,
	                "Ủy ban nhân dân %s trân trọng kính mời %s tới dự Hội nghị đối thoại với "
	                "người dân, tổ chức, doanh nghiệp về thủ tục hành chính và giải quyết thủ "
	                "tục hành chính năm %s, vào %s, %s, ngày %s, tại %s.\n\n"
	                "Giấy mời số %s là tệp PDF đính kèm thư này.\n\n"
	                "Trân trọng.\n\n-- \n%s\n%s\n",
	                dlg_conf_get(cf, "office", "commune"), x->addressee, x->year, x->time_vi,
	                x->weekday, date, x->s->venue ? x->s->venue : "", symbol, office,
	                dlg_conf_get(cf, "office", "address"));
	dlg_mail *m = dlg_mail_new();
	if (ob->from)
		dlg_mail_set_from(m, ob->from_name ? ob->from_name : office, ob->from);
	dlg_mail_add_to(m, to_name, to);
	char *subj = dlg_xasprintf("Giấy mời dự Hội nghị đối thoại năm %s - Giấy mời số %s",
	                           x->year, symbol);
	dlg_mail_set_subject(m, subj);
	dlg_mail_set_body(m, b.data);
	if (fixed) /* reproducible runs: 07:00 in Vietnam that day */
		dlg_mail_set_date(m, (time_t)x->d.today * 86400, 420);
	const char *base = strrchr(pdf, '/');
	bool ok = dlg_mail_attach_file(m, pdf, base ? base + 1 : pdf, "application/pdf");
	free(subj);
	free(symbol);
	dlg_sbuf_free(&b);
	if (!ok) {
		dlg_mail_free(m);
		return NULL;
	}
	return m;
}

/* The messages through the outbox, and postal.csv: the letters without a
 * usable e-mail address. */
static bool mail_letters(const dlg_case *cs, struct ctx *x, const dlg_invite_opts *o, char **names)
{
	dlg_outbox ob;
	bool ok = dlg_outbox_open(&ob, cs->conf, o->mail_dir, o->sendmail);
	bool *post = dlg_xmalloc((x->nlet ? x->nlet : 1) * sizeof *post);
	for (size_t i = 0; ok && i < x->nlet; i++) {
		x->cur = i;
		const char *v[4];
		letter_contact(x, &x->let[i], v);
		char *to = dlg_xstrdup(v[3]);
		dlg_text_squeeze(to);
		post[i] = !dlg_mail_addr_ok(to);
		if (!post[i]) {
			char *pdf = dlg_path_join(o->out_dir, names[i]);
			char *name = dlg_text_printable(*v[0] ? v[0] : v[1]);
			dlg_mail *m = invite_mail(cs, x, name, to, pdf, &ob, o->today_fixed);
			if (!m) {
				ok = false;
			} else {
				char *base = dlg_xstrdup(names[i]);
				base[strlen(base) - 4] = '\0'; /* "x.pdf" -> "x" */
				ok = dlg_outbox_write(&ob, m, base) && dlg_outbox_send(&ob, m);
				free(base);
				dlg_mail_free(m);
			}
			free(name);
			free(pdf);
		}
		free(to);
	}
	dlg_outbox_close(&ob);
	if (ok) {
		/* the letters that go by post: recipients.csv's rows for them */
		char *pp = dlg_path_join(o->out_dir, "postal.csv");
		ok = write_recipients(x, pp, names, NULL, post);
		free(pp);
	}
	free(post);
	return ok;
}

int dlg_invite_run(const dlg_case *cs, const dlg_invite_opts *o)
{
	struct ctx x = {.departments = o->departments, .excel = o->excel};
	x.d.today = o->today;
	int status = DLG_EXIT_ERROR;
	dlg_sessions ss = {0};
	dlg_table in = {0}, depts = {0};
	dlg_tmpl *t = NULL;
	char **names = NULL;
	char *input = NULL, *dpath = NULL, *ipath = NULL;
	dlg_table items = {0};
	bool have_items = false;
	dlg_participants guests = {0};
	dlg_nd30_stamp stamp = {0};
	if (!dlg_sessions_load(&ss, cs))
		goto done;
	x.s = dlg_sessions_find(&ss, o->session);
	if (!x.s) {
		dlg_warn(_("%s: no conference \"%s\""), ss.path, o->session);
		goto done;
	}
	if (o->participants) {
		if (!dlg_participants_load(&guests, cs, o->input))
			goto done;
		x.guests = &guests;
		collect_guests(&x);
		goto collected;
	}
	input = input_path(cs, o);
	dpath = dlg_case_data(cs, "departments");
	if (!dpath) {
		dlg_warn("%s", _("no departments.csv in the case folder (dlg init makes one)"));
		goto done;
	}
	if (!dlg_rows_load(&in, input, o->from) || !dlg_rows_load(&depts, dpath, NULL))
		goto done;
	x.in = &in;
	x.depts = &depts;
	if (!x.departments && dlg_table_col(&in, "action") < 0) {
		/* registrations: which questions are redirected is in the routed items */
		ipath = dlg_case_file(cs, "items");
		if (access(ipath, F_OK) == 0) {
			if (!dlg_rows_load(&items, ipath, NULL))
				goto done;
			have_items = true;
		} else {
			dlg_warn(
			    _("warning: %s not found: the registrations are not routed yet, so "
			      "the invitations list every question, complaints and denunciations "
			      "too (run dlg-route first)"),
			    ipath);
		}
	}
	if (!(x.departments ? collect_departments(&x)
	                    : collect_registrants(&x, have_items ? &items : NULL)))
		goto done;
collected:;
	const char *tname = o->tmpl           ? o->tmpl
	                    : o->participants ? "giay-moi-thanh-phan"
	                    : x.departments   ? "giay-moi-phong"
	                                      : "giay-moi";
	t = dlg_case_tmpl_load(cs, tname);
	if (!t)
		goto done;
	x.t = t;
	session_fields(&x);
	x.d.get = get_field;
	x.d.ctx = &x;
	x.d.table = get_table;
	x.d.table_ctx = &x;
	x.d.conf = cs->conf;
	if (o->digital || o->sign) {
		if (!dlg_nd30_stamp_load(&stamp, cs->conf, cs->dir))
			goto done;
		x.stamp = &stamp;
		x.stamp_mail_only = !o->digital;
	}
	warn_late(cs, &x);
	/* every participant's phrase, before a number is taken or a file made */
	for (size_t i = 0; x.guests && i < x.nlet; i++) {
		x.cur = i;
		set_addressee(&x, &x.let[i]);
		if (!set_purpose(&x, &x.guests->p[x.let[i].row]))
			goto done;
	}
	if (x.nlet && !reserve_number(cs, &x, o))
		goto done;
	names = dlg_pdf_names(x.nlet, letter_key, &x);
	status = write_letters(&x, o, names);
	if (status == DLG_EXIT_OK && o->sign && !sign_mail(cs, &x, o->out_dir, names))
		status = DLG_EXIT_ERROR;
	if (status == DLG_EXIT_OK && (o->mail_dir || o->sendmail) &&
	    !mail_letters(cs, &x, o, names))
		status = DLG_EXIT_ERROR;
done:
	dlg_participants_free(&guests);
	free(x.purpose);
	dlg_names_free(names, x.nlet);
	for (size_t i = 0; i < x.nlet; i++)
		free(x.let[i].q);
	free(x.let);
	free(x.addressee);
	dlg_tmpl_free(t);
	dlg_nd30_stamp_free(&stamp);
	if (in.path)
		dlg_table_free(&in);
	if (depts.path)
		dlg_table_free(&depts);
	free(input);
	free(dpath);
	free(ipath);
	if (have_items)
		dlg_table_free(&items);
	dlg_sessions_free(&ss);
	return status;
}
