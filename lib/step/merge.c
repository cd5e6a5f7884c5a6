/* A template merged with CSV rows. */
#include "step/merge.h"

#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "base/safename.h"
#include "doc/batch.h"
#include "doc/font.h"
#include "doc/template.h"
#include "fmt/csv.h"
#include "fmt/table.h"
#include "case/sessions.h"
#include "base/vocab.h"
#include "step/issue.h"

struct ctx {
	const dlg_tmpl *t;
	const dlg_table *rows; /* NULL: one document without data */
	dlg_tmpl_data d;
	size_t row;
	char *tname[DLG_MERGE_MAX_TABLES];
	dlg_table tables[DLG_MERGE_MAX_TABLES];
	size_t ntables;
	const dlg_case *cs;
	char (*number)[24]; /* each row's number from the outgoing register, or NULL */
	char next_year[8];  /* next_conference_year, once worked out */
	bool next_year_failed;
};

/* next_conference_year: the year of the first conference of sessions.csv
 * on or after today that is not cancelled (the blank form is dated for it);
 * NULL, after saying why, when there is none. */
static const char *next_conference_year(struct ctx *c)
{
	if (c->next_year[0] || c->next_year_failed)
		return c->next_year_failed ? NULL : c->next_year;
	dlg_sessions ss;
	c->next_year_failed = true;
	if (!dlg_sessions_load(&ss, c->cs))
		return NULL;
	const dlg_session *best = NULL;
	for (size_t i = 0; i < ss.n; i++)
		if (ss.s[i].st != DLG_SESSION_CANCELLED && ss.s[i].date >= c->d.today &&
		    (!best || ss.s[i].date < best->date))
			best = &ss.s[i];
	if (best) {
		int y, m, d;
		dlg_date_to_ymd(best->date, &y, &m, &d);
		snprintf(c->next_year, sizeof c->next_year, "%d", y);
		c->next_year_failed = false;
	} else {
		dlg_warn(_("%s: no conference from today on: add the next one to give the form its "
		           "year"),
		         ss.path);
	}
	dlg_sessions_free(&ss);
	return c->next_year_failed ? NULL : c->next_year;
}

static const char *get_field(void *p, const char *name)
{
	struct ctx *c = p;
	if (c->number && !strcmp(name, "number"))
		return c->number[c->row];
	const char *v = c->rows ? dlg_rows_get(c->rows, c->row, name) : NULL;
	if (!v && !strcmp(name, "next_conference_year"))
		return next_conference_year(c);
	return v;
}

static const char *table_get(void *p, size_t i, const char *col)
{
	return dlg_rows_get(p, i, col);
}

static bool get_table(void *p, const char *name, dlg_tmpl_rows *out)
{
	struct ctx *c = p;
	for (size_t i = 0; i < c->ntables; i++)
		if (!strcmp(c->tname[i], name)) {
			out->nrows = c->tables[i].nrows;
			out->get = table_get;
			out->ctx = &c->tables[i];
			return true;
		}
	return false;
}

static bool draw(void *p, size_t i, dlg_pdf *pdf, dlg_lay *l)
{
	struct ctx *c = p;
	c->row = i;
	char *title = dlg_tmpl_title(c->t, &c->d);
	if (*title)
		dlg_pdf_set_info(pdf, title, c->d.today);
	free(title);
	return dlg_tmpl_render(c->t, l, &c->d);
}

/* What the files are named by: a column of the rows, or NULL for numbers. */
struct name_by {
	const dlg_table *rows;
	const char *col;
};

static const char *name_key(void *p, size_t i)
{
	const struct name_by *nb = p;
	return nb->col ? dlg_rows_get(nb->rows, i, nb->col) : "";
}

/* The --table options' CSV files into x. false after a diagnostic. */
static bool load_tables(struct ctx *x, const dlg_merge_opts *o)
{
	for (size_t i = 0; i < o->ntables; i++) {
		x->tname[i] = dlg_xstrdup(o->table[i]);
		char *eq = strchr(x->tname[i], '=');
		*eq = '\0';
		if (!dlg_rows_load(&x->tables[i], eq + 1, o->from)) {
			free(x->tname[i]);
			return false;
		}
		x->ntables++;
	}
	return true;
}

/* A template whose number is "{{number}}..." issues documents: each row's
 * number comes from the outgoing register (a "number" column gives it, as
 * --number does). The document is the template and the row's key column
 * (o->name_by, else reg_id, else the row's place), with the row's session.
 * false after a diagnostic. */
static bool reserve_numbers(struct ctx *x, const dlg_merge_opts *o, size_t n)
{
	const char *raw = dlg_tmpl_meta(x->t, "number");
	if (!raw || !strstr(raw, "{{number}}"))
		return true;
	char *tname = dlg_tmpl_meta_fill(x->t, "type", &x->d);
	const char *abbrev = "";
	if (tname && *tname) {
		abbrev = dlg_issue_type_abbrev(tname);
		if (!abbrev) {
			dlg_warn(
			    _("%s: the type \"%s\" has no abbreviation in Decree 30 (Appendix "
			      "III), "
			      "so the outgoing register cannot number it: give a number column"),
			    o->tmpl, tname);
			free(tname);
			return false;
		}
	}
	const char *base = strrchr(o->tmpl, '/') ? strrchr(o->tmpl, '/') + 1 : o->tmpl;
	char *doc = dlg_xasprintf("pdf:%.*s", (int)strcspn(base, "."), base);
	const char *key = o->name_by;
	if (!key && x->rows && dlg_table_col(x->rows, "reg_id") >= 0)
		key = "reg_id";
	x->number = dlg_xmalloc((n ? n : 1) * sizeof *x->number);
	bool ok = true;
	for (size_t i = 0; ok && i < n; i++) {
		x->row = i;
		const char *k = key && x->rows ? dlg_rows_get(x->rows, i, key) : NULL;
		char place[32];
		snprintf(place, sizeof place, "row %zu", i + 1);
		const char *given = x->rows ? dlg_rows_get(x->rows, i, "number") : NULL;
		const char *session = x->rows ? dlg_rows_get(x->rows, i, "session") : NULL;
		/* the template's fields (number left blank for the summary) */
		snprintf(x->number[i], sizeof x->number[i], "%s", "");
		const char *tn = tname && *tname ? dlg_issue_type_display(tname) : "Công văn";
		dlg_outgoing_doc d = {
		    .doc = doc,
		    .type = abbrev,
		    .type_name = tn,
		    .session = session,
		    .recipient = k && *k ? k : place,
		    .date = x->d.today,
		    .copies = 1,
		};
		dlg_outgoing_no no;
		ok = dlg_issue_one(x->cs, x->t, &x->d, &d, given && *given ? given : NULL, &no);
		if (ok) {
			snprintf(x->number[i], sizeof x->number[i], "%s", no.num);
			dlg_outgoing_no_free(&no, 1);
		}
	}
	x->row = 0;
	free(doc);
	free(tname);
	return ok;
}

int dlg_merge_run(const dlg_case *cs, const dlg_merge_opts *o)
{
	struct ctx x = {0};
	int status = DLG_EXIT_ERROR;
	dlg_table rows = {0};
	dlg_tmpl *t = NULL;
	char **names = NULL;
	dlg_fonts *fonts = NULL;
	dlg_nd30_stamp stamp = {0};
	if (!dlg_date_today(o->today, &x.d.today))
		goto done;
	t = dlg_case_tmpl_load(cs, o->tmpl);
	if (!t || !load_tables(&x, o))
		goto done;
	size_t n = 1;
	if (o->csv) {
		if (!dlg_rows_load(&rows, o->csv, o->from))
			goto done;
		x.rows = &rows;
		n = rows.nrows;
	}
	x.t = t;
	x.cs = cs;
	x.d.get = get_field;
	x.d.ctx = &x;
	x.d.table = get_table;
	x.d.table_ctx = &x;
	x.d.conf = cs->conf;
	if (o->digital) {
		if (!dlg_nd30_stamp_load(&stamp, cs->conf, cs->dir))
			goto done;
		x.d.stamp = &stamp;
	}
	if (!reserve_numbers(&x, o, n))
		goto done;

	dlg_batch b = {0};
	fonts = dlg_fonts_new(NULL);
	b.fonts = fonts;
	b.today = x.d.today;
	b.title = dlg_tmpl_meta(t, "type") ? dlg_tmpl_meta(t, "type") : "";
	if (o->to_dir) {
		const char *col = o->name_by;
		if (!col)
			col = dlg_table_col(&rows, "reg_id") >= 0 ? "reg_id" : NULL;
		if (col && dlg_table_col(&rows, dlg_column_canon(col)) < 0) {
			dlg_warn(_("%s: no column \"%s\" to name the files by"), rows.path, col);
			goto done;
		}
		struct name_by nb = {&rows, col};
		names = dlg_pdf_names(n, name_key, &nb);
		b.dir = o->out;
		b.names = (const char *const *)names;
	} else {
		b.one_file = o->out ? o->out : "-";
	}
	status = dlg_batch_run(&b, n, draw, &x);
done:
	dlg_names_free(names, rows.nrows);
	for (size_t i = 0; i < x.ntables; i++) {
		dlg_table_free(&x.tables[i]);
		free(x.tname[i]);
	}
	if (x.rows)
		dlg_table_free(&rows);
	free(x.number);
	dlg_tmpl_free(t);
	dlg_nd30_stamp_free(&stamp);
	dlg_fonts_free(fonts);
	return status;
}
