/* Transfer slips and transfer lists of dlg-route. */
#include "step/slips.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/atomic.h"
#include "fmt/csv.h"
#include "base/date.h"
#include "base/diag.h"
#include "base/safename.h"
#include "doc/batch.h"
#include "doc/template.h"
#include "fmt/table.h"
#include "doc/font.h"
#include "doc/layout.h"
#include "doc/nd30.h"
#include "doc/template.h"
#include "doc/pdf.h"
#include "fmt/table.h"
#include "base/text.h"
#include "step/issue.h"
#include "case/answers.h"
#include "base/vocab.h"

/* Make dir when it is missing; false after a diagnostic. */
static bool make_dir(const char *dir)
{
	if (mkdir(dir, 0777) == 0)
		return true;
	struct stat st;
	if (stat(dir, &st) || !S_ISDIR(st.st_mode)) {
		dlg_warn(_("%s: cannot make the folder"), dir);
		return false;
	}
	return true;
}

/* Index of the output column whose canonical name is name, or -1. */
static int out_col(const dlg_routed *it, const char *name)
{
	for (size_t i = 0; i < it->n; i++)
		if (!strcmp(dlg_column_canon(it->names[i]), name))
			return (int)i;
	return -1;
}

static const char *out_val(const dlg_routed *it, int col)
{
	return col >= 0 ? it->vals[col] : "";
}

/* Call fn(ctx, code) for each department code in the ";"-separated cc list
 * other than dept. */
static bool each_cc(const char *cc, const char *dept, bool (*fn)(void *, const char *), void *ctx)
{
	for (const char *p = cc; *p;) {
		size_t n = strcspn(p, ";");
		char code[64];
		if (n && n < sizeof code) {
			memcpy(code, p, n);
			code[n] = '\0';
			dlg_text_squeeze(code);
			if (*code && strcmp(code, dept) && !fn(ctx, code))
				return false;
		}
		p += n;
		if (*p)
			p++;
	}
	return true;
}

/* ---- transfer lists (CSV) ---- */

static const char *const list_cols[] = {"item_id", "role",    "kind",    "field",        "action",
                                        "text",    "reg_id",  "name",    "organization", "phone",
                                        "email",   "address", "village", "sent",         "note"};
#define NLIST (sizeof list_cols / sizeof list_cols[0])

struct list {
	char *dept;
	dlg_atomic a;
	dlg_csv_writer *w;
};

struct dlg_slip_lists {
	char *dir;
	struct list *l;
	size_t n;
	int col[NLIST]; /* output column of each list column, -1: none */
	bool have_cols;
	bool failed;
	dlg_namer names; /* a distinct file for each department code */
	/* the item being added */
	const dlg_routed *it;
	const char *role;
};

dlg_slip_lists *dlg_slip_lists_new(const char *dir)
{
	if (!make_dir(dir))
		return NULL;
	dlg_slip_lists *s = dlg_xmalloc(sizeof *s);
	memset(s, 0, sizeof *s);
	s->dir = dlg_xstrdup(dir);
	return s;
}

static struct list *list_for(dlg_slip_lists *s, const char *dept)
{
	for (size_t i = 0; i < s->n; i++)
		if (!strcmp(s->l[i].dept, dept))
			return s->l[i].w ? &s->l[i] : NULL;
	s->l = dlg_xreallocarray(s->l, s->n + 1, sizeof *s->l);
	struct list *l = &s->l[s->n++];
	l->dept = dlg_xstrdup(dept);
	l->w = NULL;
	/* The code comes from departments.csv: never let it name a path, and
	 * codes alike once made safe ("K/T", "K_T") get files of their own. */
	char *path = dlg_path_join(s->dir, dlg_namer_get(&s->names, dept, ".csv", "_"));
	if (dlg_atomic_begin(&l->a, path, DLG_MODE_PERSONAL)) {
		/* lists are read in a spreadsheet only: always for Excel */
		l->w = dlg_csv_writer_new(l->a.f, true);
		dlg_csv_write_row(l->w, list_cols, NLIST);
	} else {
		s->failed = true;
	}
	free(path);
	return l->w ? l : NULL;
}

static bool list_row(void *ctx, const char *dept)
{
	dlg_slip_lists *s = ctx;
	struct list *l = list_for(s, dept);
	if (!l)
		return true;
	for (size_t k = 0; k < NLIST; k++) {
		const char *v = !strcmp(list_cols[k], "role") ? s->role : out_val(s->it, s->col[k]);
		dlg_csv_write_field(l->w, v);
	}
	dlg_csv_end_row(l->w);
	return true;
}

bool dlg_slip_lists_add(void *ctx, const dlg_routed *it)
{
	dlg_slip_lists *s = ctx;
	if (!s->have_cols) {
		for (size_t k = 0; k < NLIST; k++)
			s->col[k] = out_col(it, list_cols[k]);
		s->have_cols = true;
	}
	s->it = it;
	s->role = "lead";
	list_row(s, it->dept);
	s->role = "copy";
	each_cc(it->cc, it->dept, list_row, s);
	return true;
}

bool dlg_slip_lists_finish(dlg_slip_lists *s, bool commit)
{
	bool ok = commit && !s->failed;
	for (size_t i = 0; i < s->n; i++) {
		struct list *l = &s->l[i];
		if (l->w) {
			bool wok = dlg_csv_writer_finish(l->w, commit ? l->a.path : NULL);
			/* a list that could not be written (a full disk) fails the
			 * run: the old file stays and the command exits 2 */
			if (ok && wok) {
				ok = dlg_atomic_commit(&l->a);
			} else {
				dlg_atomic_abort(&l->a);
				ok = false;
			}
		}
		free(l->dept);
	}
	free(s->l);
	free(s->dir);
	dlg_namer_free(&s->names);
	free(s);
	return ok;
}

/* ---- slips (PDF) ---- */

struct sitem {
	char *item_id, *reg_id, *name, *org, *village, *text, *action, *dept;
	dlg_day sent, due;
};

struct sdept {
	size_t *lead, nlead, caplead;
	size_t *copy, ncopy, capcopy;
};

enum { O_REG, O_NAME, O_ORG, O_VILLAGE, NO };
static const char *const o_names[NO] = {"reg_id", "name", "organization", "village"};

struct dlg_slips {
	const dlg_case *cs;
	char *dir;
	dlg_table depts;
	int dcode;
	dlg_tmpl *t;
	char *tpath;
	dlg_holidays *hol;
	dlg_duecalc due;
	char *number;
	struct sitem *it;
	size_t nit, capit;
	struct sdept *d; /* one per row of departments.csv */
	int o[NO];       /* output columns */
	bool have_cols;
	/* while drawing */
	size_t cur;        /* departments.csv row */
	struct sdept view; /* its questions forwarded on the slip's day */
	const size_t *rows;
	char numbuf[64], year[8], count[16], ncopies[16], period[64], slip_date[11];
	char cell[64], asker[512];
	char *note_buf;
};

dlg_slips *dlg_slips_new(const dlg_case *cs, const char *dir, const char *tmpl, const char *number)
{
	if (!make_dir(dir))
		return NULL;
	dlg_slips *s = dlg_xmalloc(sizeof *s);
	memset(s, 0, sizeof *s);
	s->cs = cs;
	s->dir = dlg_xstrdup(dir);
	const char *tname = tmpl ? tmpl : "phieu-chuyen";
	char *dpath = dlg_case_data(cs, "departments");
	static const char *const need[] = {"dept", "name", NULL};
	if (!dpath) {
		dlg_warn("%s", _("no departments.csv in the case folder (dlg init makes one)"));
		goto fail;
	}
	if (!dlg_table_load(&s->depts, dpath, need))
		goto fail;
	s->dcode = dlg_table_col(&s->depts, "dept");
	s->d = dlg_xmalloc((s->depts.nrows ? s->depts.nrows : 1) * sizeof *s->d);
	memset(s->d, 0, (s->depts.nrows ? s->depts.nrows : 1) * sizeof *s->d);
	s->tpath = dlg_case_template(cs, tname);
	if (!s->tpath) {
		dlg_warn(_("no template \"%s\" (looked in the case folder's templates/ and in %s)"),
		         tname, dlg_share_dir());
		goto fail;
	}
	s->t = dlg_tmpl_load(s->tpath);
	if (!s->t)
		goto fail;
	s->hol = dlg_case_holidays(cs);
	if (!s->hol)
		goto fail;
	dlg_duecalc_init(&s->due, cs, s->hol, 0, -1);
	s->number = number ? dlg_xstrdup(number) : NULL; /* --number, else the register's */
	free(dpath);
	return s;
fail:
	free(dpath);
	dlg_slips_free(s);
	return NULL;
}

static void push(size_t **v, size_t *n, size_t *cap, size_t x)
{
	if (*n && (*v)[*n - 1] == x)
		return; /* the same item twice in a cc list */
	if (*n == *cap) {
		*cap = *cap ? 2 * *cap : 8;
		*v = dlg_xreallocarray(*v, *cap, sizeof **v);
	}
	(*v)[(*n)++] = x;
}

struct add_ctx {
	dlg_slips *s;
	const dlg_routed *it;
};

static long dept_row(dlg_slips *s, const dlg_routed *it, const char *code)
{
	long r = dlg_table_find(&s->depts, s->dcode, code);
	if (r < 0)
		dlg_warn_at(it->file, it->line, _("unknown department \"%s\""), code);
	return r;
}

static bool add_copy(void *ctx, const char *code)
{
	struct add_ctx *a = ctx;
	long r = dept_row(a->s, a->it, code);
	if (r < 0)
		return false;
	struct sdept *d = &a->s->d[r];
	push(&d->copy, &d->ncopy, &d->capcopy, a->s->nit - 1);
	return true;
}

bool dlg_slips_add(void *ctx, const dlg_routed *it)
{
	dlg_slips *s = ctx;
	if (dlg_action_parse(it->action) == DLG_ACT_REDIRECT)
		return true;
	if (!s->have_cols) {
		for (int k = 0; k < NO; k++)
			s->o[k] = out_col(it, o_names[k]);
		s->have_cols = true;
	}
	dlg_day sent;
	if (!dlg_date_parse_iso(it->sent, &sent)) {
		dlg_warn_at(it->file, it->line, _("sent date \"%s\" is not a date (YYYY-MM-DD)"),
		            it->sent);
		return false;
	}
	long r = dept_row(s, it, it->dept);
	if (r < 0)
		return false;
	if (s->nit == s->capit) {
		s->capit = s->capit ? 2 * s->capit : 64;
		s->it = dlg_xreallocarray(s->it, s->capit, sizeof *s->it);
	}
	struct sitem *x = &s->it[s->nit++];
	x->item_id = dlg_xstrdup(it->item_id);
	x->reg_id = dlg_xstrdup(out_val(it, s->o[O_REG]));
	x->name = dlg_xstrdup(out_val(it, s->o[O_NAME]));
	x->org = dlg_xstrdup(out_val(it, s->o[O_ORG]));
	x->village = dlg_xstrdup(out_val(it, s->o[O_VILLAGE]));
	x->text = dlg_xstrdup(it->text);
	x->action = dlg_xstrdup(it->action);
	x->dept = dlg_xstrdup(it->dept);
	x->sent = sent;
	x->due = dlg_due_date(&s->due, sent);
	struct sdept *d = &s->d[r];
	push(&d->lead, &d->nlead, &d->caplead, s->nit - 1);
	struct add_ctx a = {s, it};
	return each_cc(it->cc, it->dept, add_copy, &a);
}

/* The value of column name of departments.csv row r, NULL when there is no
 * such column. */
static const char *dept_val(const dlg_slips *s, size_t r, const char *name)
{
	int c = dlg_table_col(&s->depts, name);
	return c < 0 ? NULL : dlg_table_get(&s->depts, r, c);
}

static const char *get_field(void *ctx, const char *name)
{
	dlg_slips *s = ctx;
	if (!strcmp(name, "number"))
		return s->numbuf;
	if (!strcmp(name, "year"))
		return s->year;
	if (!strcmp(name, "count"))
		return s->count;
	if (!strcmp(name, "count_copies"))
		return s->ncopies;
	if (!strcmp(name, "answer_period"))
		return s->period;
	if (!strcmp(name, "sent"))
		return s->slip_date;
	return dept_val(s, s->cur, name);
}

/* "Nguyễn Văn An, Thôn 5": who asked, and where from. */
static const char *asker(dlg_slips *s, const struct sitem *x)
{
	const char *who = *x->name ? x->name : x->org;
	const char *org = *x->name ? x->org : "";
	snprintf(s->asker, sizeof s->asker, "%s%s%s%s%s%s", who, *org ? " (" : "", org,
	         *org ? ")" : "", *x->village && *who ? ", " : "", x->village);
	return s->asker;
}

/* The template's phrase for an item to escalate or to review, on a line of
 * its own in the cell; "" for the others. */
static const char *action_note(dlg_slips *s, const struct sitem *x)
{
	int act = dlg_action_parse(x->action);
	const char *key = act == DLG_ACT_ESCALATE ? "escalate_note"
	                  : act == DLG_ACT_REVIEW ? "review_note"
	                                          : NULL;
	const char *v = key ? dlg_tmpl_meta(s->t, key) : NULL;
	if (!v || !*v)
		return "";
	free(s->note_buf);
	s->note_buf = dlg_xasprintf("\n%s", v);
	return s->note_buf;
}

static const char *row_get(void *ctx, size_t i, const char *col)
{
	dlg_slips *s = ctx;
	const struct sitem *x = &s->it[s->rows[i]];
	if (!strcmp(col, "item_id"))
		return x->item_id;
	if (!strcmp(col, "reg_id"))
		return x->reg_id;
	if (!strcmp(col, "name"))
		return x->name;
	if (!strcmp(col, "organization"))
		return x->org;
	if (!strcmp(col, "village"))
		return x->village;
	if (!strcmp(col, "asker"))
		return asker(s, x);
	if (!strcmp(col, "text"))
		return x->text;
	if (!strcmp(col, "action"))
		return x->action;
	if (!strcmp(col, "action_note"))
		return action_note(s, x);
	if (!strcmp(col, "due") || !strcmp(col, "sent")) {
		dlg_date_format_dmy(!strcmp(col, "due") ? x->due : x->sent, s->cell);
		return s->cell;
	}
	if (!strcmp(col, "lead_code"))
		return x->dept;
	if (!strcmp(col, "lead")) {
		long r = dlg_table_find(&s->depts, s->dcode, x->dept);
		return r < 0 ? x->dept : dlg_table_val(&s->depts, (size_t)r, "name");
	}
	return NULL;
}

static bool get_table(void *ctx, const char *name, dlg_tmpl_rows *out)
{
	dlg_slips *s = ctx;
	struct sdept *d = &s->view;
	if (!strcmp(name, "questions")) {
		out->nrows = d->nlead;
	} else if (!strcmp(name, "copies")) {
		out->nrows = d->ncopy;
	} else {
		return false;
	}
	/* the engine draws one table at a time */
	s->rows = !strcmp(name, "questions") ? d->lead : d->copy;
	out->get = row_get;
	out->ctx = s;
	return true;
}

/* Only the indexes in v[0..n) of items forwarded on day, into *out. */
static void on_day(const dlg_slips *s, const size_t *v, size_t n, dlg_day day, size_t **out,
                   size_t *nout)
{
	*out = dlg_xmalloc((n ? n : 1) * sizeof **out);
	*nout = 0;
	for (size_t i = 0; i < n; i++)
		if (s->it[v[i]].sent == day)
			(*out)[(*nout)++] = v[i];
}

/* Draw the slip of departments.csv row r for the questions forwarded on
 * day `date` into path: a slip is dated the day its questions are sent. */
static bool write_one(dlg_slips *s, size_t r, dlg_day date, const char *number, dlg_fonts *fonts,
                      const char *path)
{
	struct sdept *d = &s->d[r];
	s->cur = r;
	on_day(s, d->lead, d->nlead, date, &s->view.lead, &s->view.nlead);
	on_day(s, d->copy, d->ncopy, date, &s->view.copy, &s->view.ncopy);
	d = &s->view;
	int y, m, dd;
	dlg_date_to_ymd(date, &y, &m, &dd);
	snprintf(s->year, sizeof s->year, "%d", y);
	dlg_date_format_iso(date, s->slip_date);
	snprintf(s->count, sizeof s->count, "%02zu", d->nlead);
	snprintf(s->ncopies, sizeof s->ncopies, "%02zu", d->ncopy);
	snprintf(s->period, sizeof s->period, "%02ld ngày%s", s->due.answer_days,
	         s->due.kind == DLG_DAYS_WORKING ? " làm việc" : "");
	snprintf(s->numbuf, sizeof s->numbuf, "%s", number);

	dlg_tmpl_data data = {.get = get_field,
	                      .ctx = s,
	                      .table = get_table,
	                      .table_ctx = s,
	                      .conf = s->cs->conf,
	                      .today = date};
	char *title = dlg_tmpl_title(s->t, &data);
	dlg_pdf *pdf = dlg_pdf_new(fonts);
	dlg_pdf_set_info(pdf, title, date);
	free(title);
	dlg_geom g = dlg_geom_nd30();
	dlg_lay *l = dlg_lay_new(pdf, fonts, &g);
	bool ok = dlg_tmpl_render(s->t, l, &data);
	dlg_lay_finish(l);
	dlg_atomic a;
	if (ok && dlg_atomic_begin(&a, path, DLG_MODE_PERSONAL)) {
		if (dlg_pdf_write(pdf, a.f, path))
			ok = dlg_atomic_commit(&a);
		else {
			dlg_atomic_abort(&a);
			ok = false;
		}
	} else {
		ok = false;
	}
	dlg_pdf_free(pdf);
	free(s->view.lead);
	free(s->view.copy);
	memset(&s->view, 0, sizeof s->view);
	return ok;
}

/* A slip to write: a department and the day its questions were sent. */
struct job {
	size_t row;
	dlg_day day;
};

static int cmp_day(const void *a, const void *b)
{
	dlg_day x = *(const dlg_day *)a, y = *(const dlg_day *)b;
	return (x > y) - (x < y);
}

/* The distinct days the questions of department d were sent, sorted, into
 * days (room for nlead + ncopy); returns how many. */
static size_t days_of(const dlg_slips *s, const struct sdept *d, dlg_day *days)
{
	size_t n = 0;
	for (size_t i = 0; i < d->nlead; i++)
		days[n++] = s->it[d->lead[i]].sent;
	for (size_t i = 0; i < d->ncopy; i++)
		days[n++] = s->it[d->copy[i]].sent;
	qsort(days, n, sizeof *days, cmp_day);
	size_t u = 0;
	for (size_t i = 0; i < n; i++)
		if (!u || days[u - 1] != days[i])
			days[u++] = days[i];
	return u;
}

/* The slips' numbers from the outgoing register, all in one go: a slip is
 * a letter (công văn) to a department for a day's questions, and keeps its
 * number when made again. */
static bool reserve_numbers(dlg_slips *s, const struct job *jobs, size_t n, dlg_outgoing_no *no)
{
	dlg_outgoing_doc *docs = dlg_xmalloc(n * sizeof *docs);
	char **own = dlg_xmalloc(3 * n * sizeof *own);
	size_t k;
	bool ok = true;
	for (k = 0; k < n && ok; k++) {
		int y, m, d;
		dlg_date_to_ymd(jobs[k].day, &y, &m, &d);
		snprintf(s->year, sizeof s->year, "%d", y);
		s->cur = jobs[k].row;
		dlg_tmpl_data data = {.get = get_field,
		                      .ctx = s,
		                      .table = get_table,
		                      .table_ctx = s,
		                      .conf = s->cs->conf,
		                      .today = jobs[k].day};
		char iso[11];
		dlg_date_format_iso(jobs[k].day, iso);
		const char *code = dlg_table_get(&s->depts, jobs[k].row, s->dcode);
		own[3 * k] = dlg_xasprintf("%s@%s", code, iso);
		own[3 * k + 1] = dlg_issue_summary(s->t, &data);
		own[3 * k + 2] = dlg_issue_recipients(s->t, &data);
		ok = own[3 * k + 1] && own[3 * k + 2];
		docs[k] = (dlg_outgoing_doc){.doc = "slip",
		                             .type = "",
		                             .type_name = "Công văn (phiếu chuyển)",
		                             .recipient = own[3 * k],
		                             .date = jobs[k].day,
		                             .summary = own[3 * k + 1],
		                             .recipients = own[3 * k + 2],
		                             .copies = 2};
	}
	no[0].symbol = NULL;
	if (ok)
		ok = dlg_outgoing_reserve(s->cs, docs, n, s->number, no);
	for (size_t i = 0; i < 3 * k; i++)
		free(own[i]);
	free(own);
	free(docs);
	return ok;
}

bool dlg_slips_write(dlg_slips *s)
{
	struct job *jobs = NULL;
	char **names = NULL;
	size_t n = 0, cap = 0;
	for (size_t r = 0; r < s->depts.nrows; r++) {
		const struct sdept *d = &s->d[r];
		if (!d->nlead && !d->ncopy)
			continue;
		dlg_day *days = dlg_xmalloc((d->nlead + d->ncopy) * sizeof *days);
		size_t nd = days_of(s, d, days);
		char *safe = dlg_safe_filename(dlg_table_get(&s->depts, r, s->dcode), 100);
		for (size_t i = 0; i < nd; i++) {
			if (n == cap) {
				cap = cap ? 2 * cap : 16;
				jobs = dlg_xreallocarray(jobs, cap, sizeof *jobs);
				names = dlg_xreallocarray(names, cap, sizeof *names);
			}
			/* KT.pdf, or KT-2026-07-07.pdf when KT's questions went on
			 * several days */
			char iso[11];
			dlg_date_format_iso(days[i], iso);
			const char *base = *safe ? safe : "phieu-chuyen";
			names[n] = nd > 1 ? dlg_xasprintf("%s-%s.pdf", base, iso)
			                  : dlg_xasprintf("%s.pdf", base);
			jobs[n++] = (struct job){r, days[i]};
		}
		free(safe);
		free(days);
	}
	if (!n)
		return true;
	dlg_unique_names(names, n, ".pdf");
	dlg_outgoing_no *no = dlg_xmalloc(n * sizeof *no);
	bool ok = reserve_numbers(s, jobs, n, no);
	dlg_fonts *fonts = dlg_fonts_new(NULL);
	for (size_t k = 0; k < n && ok; k++) {
		char *path = dlg_path_join(s->dir, names[k]);
		ok = write_one(s, jobs[k].row, jobs[k].day, no[k].num, fonts, path);
		free(path);
	}
	if (no[0].symbol || ok)
		dlg_outgoing_no_free(no, n);
	free(no);
	dlg_fonts_free(fonts);
	for (size_t k = 0; k < n; k++)
		free(names[k]);
	free(names);
	free(jobs);
	return ok;
}

void dlg_slips_free(dlg_slips *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->nit; i++) {
		struct sitem *x = &s->it[i];
		free(x->item_id);
		free(x->reg_id);
		free(x->name);
		free(x->org);
		free(x->village);
		free(x->text);
		free(x->action);
		free(x->dept);
	}
	free(s->it);
	if (s->d)
		for (size_t r = 0; r < s->depts.nrows; r++) {
			free(s->d[r].lead);
			free(s->d[r].copy);
		}
	free(s->d);
	dlg_table_free(&s->depts);
	dlg_tmpl_free(s->t);
	free(s->tpath);
	if (s->hol)
		dlg_holidays_free(s->hol);
	free(s->number);
	free(s->note_buf);
	free(s->dir);
	free(s);
}
