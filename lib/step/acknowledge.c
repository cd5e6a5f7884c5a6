/* Letters acknowledging late and incomplete registration forms. */
#include "step/acknowledge.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/atomic.h"
#include "base/diag.h"
#include "base/safename.h"
#include "base/text.h"
#include "case/outgoing.h"
#include "doc/batch.h"
#include "doc/font.h"
#include "fmt/contact.h"
#include "fmt/csv.h"
#include "fmt/mail.h"
#include "fmt/table.h"
#include "step/confdoc.h"
#include "step/issue.h"
#include "base/vocab.h"

/* One letter: a row of the register. */
typedef struct {
	size_t row;
	bool late;
	char *missing; /* incomplete: what the form lacks */
	char *number, *symbol, *file;
	bool by_mail;
} ack;

typedef struct {
	const dlg_case *c;
	const dlg_session *s;
	const dlg_sessions *ss;
	dlg_table regs;
	ack *a;
	size_t n;
	dlg_fields f, lf; /* the session's; the current letter's, then f */
	dlg_tmpl_data d;
	const dlg_tmpl *t;
	size_t cur;
	bool ok;
	dlg_day cutoff;
	const dlg_session *next; /* the next planned conference, or NULL */
} acks;

static const char *val(const acks *k, size_t row, const char *col)
{
	return dlg_table_val(&k->regs, row, col);
}

/* What an incomplete form lacks, in words for the letter, from its fields
 * (the note when they say nothing). malloc'd. */
static char *missing_of(const acks *k, size_t row)
{
	char phone[16];
	const char *name = val(k, row, "name"), *org = val(k, row, "organization");
	char *email = dlg_xstrdup(val(k, row, "email"));
	bool phone_ok = dlg_phone_normalize(val(k, row, "phone"), phone, sizeof phone);
	bool email_ok = *email && dlg_email_normalize(email);
	free(email);
	const char *parts[3];
	size_t n = 0;
	if (!*name)
		parts[n++] = *org ? "họ và tên người đại diện của doanh nghiệp, tổ chức"
		                  : "họ và tên người đăng ký";
	if (!phone_ok && !email_ok && !*val(k, row, "address"))
		parts[n++] = "thông tin liên hệ (số điện thoại, thư điện tử hoặc địa chỉ)";
	if (dlg_text_blank(val(k, row, "topic_procedure")) &&
	    dlg_text_blank(val(k, row, "topic_handling")))
		parts[n++] = "nội dung đăng ký đối thoại";
	if (!n)
		return dlg_xasprintf("thông tin theo ghi chú của Văn phòng: %s",
		                     val(k, row, "note"));
	if (n == 1)
		return dlg_xstrdup(parts[0]);
	if (n == 2)
		return dlg_xasprintf("%s và %s", parts[0], parts[1]);
	return dlg_xasprintf("%s, %s và %s", parts[0], parts[1], parts[2]);
}

static char *addressee_of(const acks *k, size_t row)
{
	const char *name = val(k, row, "name"), *org = val(k, row, "organization");
	if (*org && *name)
		return dlg_xasprintf("Ông/Bà %s, đại diện %s", name, org);
	if (*org)
		return dlg_xstrdup(org);
	if (*name)
		return dlg_xasprintf("Ông/Bà %s", name);
	return dlg_xstrdup("Ông/Bà");
}

static void letter_fields(acks *k, size_t i)
{
	const ack *a = &k->a[i];
	size_t row = a->row;
	dlg_fields *f = &k->lf;
	char *who = addressee_of(k, row);
	dlg_fields_set(f, "addressee", "%s", who);
	free(who);
	bool org_only = !*val(k, row, "name") && *val(k, row, "organization");
	dlg_fields_set(f, "you", "%s", org_only ? "Quý cơ quan" : "Ông/Bà");
	dlg_fields_set(f, "number", "%s",
	               a->number && *a->number
	                   ? a->number
	                   : "\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0");
	static const char *const cols[] = {"reg_id",  "name",    "organization",
	                                   "address", "village", "received"};
	for (size_t c = 0; c < sizeof cols / sizeof *cols; c++)
		dlg_fields_set(f, cols[c], "%s", val(k, row, cols[c]));
	char iso[11];
	dlg_date_format_iso(k->cutoff, iso);
	dlg_fields_set(f, "cutoff", "%s", iso);
	dlg_fields_set(f, "register_days", "%02ld",
	               dlg_conf_get_long(k->c->conf, "rules", "register_days_before"));
	dlg_fields_set(f, "missing", "%s", a->missing ? a->missing : "");
	dlg_fields_set(f, "why", "%s", a->late ? "late" : "incomplete");
	if (k->next) {
		dlg_date_format_iso(k->next->date, iso);
		dlg_fields_set(f, "next_date", "%s", iso);
		/* the next conference's round, as dlg_fields_session names it */
		dlg_fields nf = {0};
		dlg_fields_session(&nf, k->ss, k->next, NULL, "");
		dlg_fields_set(f, "next_round", "%s", dlg_fields_get(&nf, "session_round"));
		dlg_fields_free(&nf);
	}
}

static char *phrase(acks *k, const char *key)
{
	char *s = dlg_phrase(k->t, key, "", &k->d);
	if (!s) {
		k->ok = false;
		s = dlg_xstrdup("");
	}
	return s;
}

/* The opening and what happens next, chosen for letter i. */
static void choose_phrases(acks *k, size_t i)
{
	const ack *a = &k->a[i];
	char *sit = phrase(k, a->late ? "situation_late" : "situation_incomplete");
	dlg_fields_set(&k->lf, "situation", "%s", sit);
	free(sit);
	char *next;
	if (a->late) {
		/* the conference still ahead: its floor is open to everyone (plan
		 * II.3); a later one may take the question */
		char *floor = k->s->date >= k->d.today && k->s->st != DLG_SESSION_CANCELLED
		                  ? phrase(k, "late_floor")
		                  : dlg_xstrdup("");
		char *later = k->next ? phrase(k, "late_next") : dlg_xstrdup("");
		next = dlg_xasprintf("%s%s%s", floor, *floor && *later ? " " : "", later);
		free(floor);
		free(later);
	} else {
		next = phrase(k, k->d.today <= k->cutoff ? "incomplete_open" : "incomplete_closed");
	}
	dlg_fields_set(&k->lf, "what_next", "%s", next);
	free(next);
}

static bool part(void *ctx, dlg_lay *l, const char *block, const char *name)
{
	acks *k = ctx;
	if (strcmp(block, "part"))
		return false;
	if (strcmp(name, "questions")) {
		dlg_warn(_("the template asks for a part \"%s\" that this document does not have"),
		         name);
		k->ok = false;
		return true;
	}
	size_t row = k->a[k->cur].row;
	const char *q[2] = {val(k, row, "topic_procedure"), val(k, row, "topic_handling")};
	if (dlg_text_blank(q[0]) && dlg_text_blank(q[1]))
		return true;
	char *label = phrase(k, "questions_label");
	dlg_doc_para(l, DLG_BOLD, label, true, 0);
	free(label);
	for (int i = 0; i < 2; i++) {
		if (dlg_text_blank(q[i]))
			continue;
		char *quoted = dlg_xasprintf("“%s”", q[i]);
		dlg_doc_para(l, DLG_ITALIC, quoted, false, 0);
		free(quoted);
	}
	return true;
}

static bool draw(void *ctx, size_t i, dlg_pdf *pdf, dlg_lay *l)
{
	(void)pdf;
	acks *k = ctx;
	k->cur = i;
	letter_fields(k, i);
	choose_phrases(k, i);
	return dlg_tmpl_render(k->t, l, &k->d) && k->ok;
}

/* Letter i's identity for the outgoing register (dlg_issue_fill_fn). */
static void letter_doc(void *ctx, size_t i, dlg_outgoing_doc *doc)
{
	acks *k = ctx;
	k->cur = i;
	letter_fields(k, i);
	*doc = (dlg_outgoing_doc){
	    .doc = "acknowledge",
	    .type = "",
	    .type_name = "Công văn",
	    .session = k->s->id,
	    .recipient = val(k, k->a[i].row, "reg_id"),
	    .date = k->d.today,
	    .copies = 2,
	};
}

/* The letters' numbers from the outgoing register (kept when made again). */
static bool reserve(acks *k, const char *number)
{
	if (!k->n)
		return true;
	dlg_outgoing_no *no = dlg_xmalloc(k->n * sizeof *no);
	bool ok = dlg_issue_many(k->c, k->t, &k->d, k->n, letter_doc, k, number, no);
	for (size_t j = 0; ok && j < k->n; j++) {
		k->a[j].number = dlg_xstrdup(no[j].num);
		k->a[j].symbol = dlg_xstrdup(no[j].symbol);
	}
	if (ok)
		dlg_outgoing_no_free(no, k->n);
	free(no);
	return ok;
}

/* recipients.csv in dir: who gets which letter and how. */
static bool write_list(const acks *k, const char *dir)
{
	char *path = dlg_path_join(dir, "recipients.csv");
	dlg_atomic at;
	bool ok = dlg_atomic_begin(&at, path, DLG_MODE_PERSONAL);
	if (ok) {
		dlg_csv_writer *w = dlg_csv_writer_new(at.f, false);
		static const char *const head[] = {"reg_id",  "name",  "organization", "address",
		                                   "village", "phone", "email",        "delivery",
		                                   "number",  "file",  "reason"};
		dlg_csv_write_row(w, head, 11);
		for (size_t i = 0; i < k->n; i++) {
			size_t r = k->a[i].row;
			const char *row[] = {val(k, r, "reg_id"),
			                     val(k, r, "name"),
			                     val(k, r, "organization"),
			                     val(k, r, "address"),
			                     val(k, r, "village"),
			                     val(k, r, "phone"),
			                     val(k, r, "email"),
			                     k->a[i].by_mail ? "email" : "post",
			                     k->a[i].symbol ? k->a[i].symbol : "",
			                     k->a[i].file,
			                     k->a[i].late ? "late" : "incomplete"};
			dlg_csv_write_row(w, row, 11);
		}
		if (!dlg_csv_writer_finish(w, path)) {
			dlg_atomic_abort(&at);
			ok = false;
		} else {
			ok = dlg_atomic_commit(&at);
		}
	}
	free(path);
	return ok;
}

/* The letters to write: the session's late and incomplete forms that can
 * be answered; the others named. */
static void choose(acks *k)
{
	for (size_t r = 0; r < k->regs.nrows; r++) {
		if (strcmp(val(k, r, "session"), k->s->id))
			continue;
		const char *st = val(k, r, "status");
		bool late = !strcmp(st, "late");
		if (!late && strcmp(st, "incomplete"))
			continue;
		char *email = dlg_xstrdup(val(k, r, "email"));
		bool mail = *email && dlg_email_normalize(email) && dlg_mail_addr_ok(email);
		free(email);
		if (!mail && !*val(k, r, "address")) {
			dlg_warn_at(k->regs.path, k->regs.line[r],
			            _("%s: no address and no usable e-mail address: no "
			              "acknowledgement can be sent"),
			            *val(k, r, "reg_id") ? val(k, r, "reg_id") : "-");
			continue;
		}
		k->a = dlg_xreallocarray(k->a, k->n + 1, sizeof *k->a);
		k->a[k->n++] =
		    (ack){r, late, late ? NULL : missing_of(k, r), NULL, NULL, NULL, mail};
	}
}

int dlg_acknowledge_run(const dlg_case *cs, const dlg_reply_opts *o)
{
	static const char title[] = "Tiếp nhận Phiếu đăng ký";
	dlg_confopen_opts oo = o->open;
	oo.need = DLG_CONF_ANY;
	int status = DLG_EXIT_ERROR;
	dlg_confdocs cd;
	acks k = {0};
	k.c = cs;
	k.ok = true;
	char **names = NULL;
	char *path = NULL;
	dlg_tmpl *t = NULL;
	dlg_fonts *fonts = NULL;
	bool have_regs = false;
	if (!dlg_confdocs_find(&cd, cs, &oo))
		goto done;
	k.s = cd.s;
	k.ss = &cd.ss;
	k.cutoff = dlg_session_cutoff(cd.s, cs);
	for (size_t i = 0; i < cd.ss.n; i++) {
		const dlg_session *x = &cd.ss.s[i];
		if (x->date > cd.s->date && x->st == DLG_SESSION_PLANNED &&
		    (!k.next || x->date < k.next->date))
			k.next = x;
	}
	path = dlg_case_file(cs, "registrations");
	if (!dlg_rows_load(&k.regs, path, NULL))
		goto done;
	have_regs = true;
	t = dlg_case_tmpl_load(cs, oo.tmpl ? oo.tmpl : "bao-nhan");
	if (!t)
		goto done;
	k.t = t;
	dlg_fields_session(&k.f, &cd.ss, cd.s, NULL, "");
	k.lf.next = &k.f;
	k.d = dlg_fields_data(&k.lf, cs->conf, cd.today, part, &k);
	choose(&k);
	if (!reserve(&k, o->number))
		goto done;
	names = dlg_xmalloc((k.n ? k.n : 1) * sizeof *names);
	for (size_t i = 0; i < k.n; i++) {
		char *safe = dlg_safe_filename(val(&k, k.a[i].row, "reg_id"), 100);
		names[i] =
		    *safe ? dlg_xasprintf("%s.pdf", safe) : dlg_xasprintf("%04zu.pdf", i + 1);
		free(safe);
	}
	dlg_unique_names(names, k.n, ".pdf");
	for (size_t i = 0; i < k.n; i++)
		k.a[i].file = dlg_xstrdup(names[i]);
	fonts = dlg_fonts_new(NULL);
	status = DLG_EXIT_OK;
	if (o->one_file) {
		dlg_batch b = {o->one_file, NULL,     (const char *const *)names,
		               title,       cd.today, fonts};
		status = dlg_batch_run(&b, k.n, draw, &k);
	}
	if (status == DLG_EXIT_OK && o->out) {
		dlg_batch b = {NULL, o->out, (const char *const *)names, title, cd.today, fonts};
		status = dlg_batch_run(&b, k.n, draw, &k);
		if (status == DLG_EXIT_OK && !write_list(&k, o->out))
			status = DLG_EXIT_ERROR;
	}
done:
	if (names)
		for (size_t i = 0; i < k.n; i++)
			free(names[i]);
	free(names);
	for (size_t i = 0; i < k.n; i++) {
		free(k.a[i].missing);
		free(k.a[i].number);
		free(k.a[i].symbol);
		free(k.a[i].file);
	}
	free(k.a);
	dlg_fields_free(&k.f);
	dlg_fields_free(&k.lf);
	dlg_tmpl_free(t);
	dlg_fonts_free(fonts);
	if (have_regs)
		dlg_table_free(&k.regs);
	free(path);
	dlg_confdocs_close(&cd);
	return status;
}
