/* Tables: rows of rich-text cells with ruled borders, split across pages,
 * the header repeated on each page. */
#include "doc/layout_parts.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "base/sbuf.h"
#include "base/text.h"

/* ---- tables ---- */

struct dlg_tbl {
	int ncols;
	double *weight;
	int *align;
	double size;
	dlg_rich **head;
	dlg_rich **cells; /* nrows * ncols */
	size_t nrows, cap;
};

dlg_tbl *dlg_tbl_new(int ncols, const double *weights, double size)
{
	dlg_tbl *t = dlg_xcalloc(1, sizeof *t);
	t->ncols = ncols;
	t->size = size;
	t->weight = dlg_xmalloc((size_t)ncols * sizeof *t->weight);
	t->align = dlg_xcalloc((size_t)ncols, sizeof *t->align);
	for (int i = 0; i < ncols; i++)
		t->weight[i] = weights && weights[i] > 0 ? weights[i] : 1;
	return t;
}

static void free_cells(dlg_rich **c, size_t n)
{
	if (!c)
		return;
	for (size_t i = 0; i < n; i++)
		dlg_rich_free(c[i]);
	free(c);
}

void dlg_tbl_free(dlg_tbl *t)
{
	if (!t)
		return;
	free_cells(t->head, (size_t)t->ncols);
	free_cells(t->cells, t->nrows * (size_t)t->ncols);
	free(t->weight);
	free(t->align);
	free(t);
}

void dlg_tbl_align(dlg_tbl *t, int c, int align)
{
	if (c >= 0 && c < t->ncols)
		t->align[c] = align;
}

static dlg_rich *rich_copy(const dlg_rich *r)
{
	dlg_rich *c = dlg_rich_new();
	if (!r)
		return c;
	dlg_sbuf_add(&c->text, r->text.data, r->text.len);
	for (size_t i = 0; i < r->n; i++)
		*dlg_rich_new_run(c, r->run[i].kind, r->run[i].style) = r->run[i];
	return c;
}

void dlg_tbl_header(dlg_tbl *t, const dlg_rich *const *cells)
{
	free_cells(t->head, (size_t)t->ncols);
	t->head = dlg_xmalloc((size_t)t->ncols * sizeof *t->head);
	for (int i = 0; i < t->ncols; i++)
		t->head[i] = rich_copy(cells[i]);
}

/* n rich cells, each cells[i] in style (NULL: empty); free with free_cells. */
static dlg_rich **text_cells(int n, const char *const *cells, int style)
{
	dlg_rich **r = dlg_xmalloc((size_t)n * sizeof *r);
	for (int i = 0; i < n; i++) {
		r[i] = dlg_rich_new();
		if (cells[i])
			dlg_rich_add(r[i], style, cells[i]);
	}
	return r;
}

void dlg_tbl_header_text(dlg_tbl *t, const char *const *cells)
{
	dlg_rich **r = text_cells(t->ncols, cells, DLG_BOLD);
	dlg_tbl_header(t, (const dlg_rich *const *)r);
	free_cells(r, (size_t)t->ncols);
}

void dlg_tbl_row(dlg_tbl *t, const dlg_rich *const *cells)
{
	if (t->nrows == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 8;
		t->cells = dlg_xreallocarray(t->cells, t->cap * (size_t)t->ncols, sizeof *t->cells);
	}
	for (int i = 0; i < t->ncols; i++)
		t->cells[t->nrows * (size_t)t->ncols + (size_t)i] = rich_copy(cells[i]);
	t->nrows++;
}

void dlg_tbl_row_text(dlg_tbl *t, const char *const *cells)
{
	dlg_rich **r = text_cells(t->ncols, cells, DLG_REGULAR);
	dlg_tbl_row(t, (const dlg_rich *const *)r);
	free_cells(r, (size_t)t->ncols);
}

#define PAD 3.0

struct trow {
	struct breaker b[8];
	size_t next[8]; /* first line not yet drawn, per cell */
};

struct tgeom {
	int n;
	double x[9], w[9];
	double lh, size;
};

/* A box with lines of each cell from next[] on, at most room high (room < 0:
 * no limit); advances next[]. */
static void row_chunk(struct box *bx, const struct tgeom *tg, struct trow *r, const int *align,
                      bool header, double room)
{
	size_t max_lines = 0;
	for (int c = 0; c < tg->n; c++) {
		size_t left = r->b[c].nl - r->next[c];
		if (left > max_lines)
			max_lines = left;
	}
	size_t fit = max_lines;
	if (room >= 0) {
		double lines = floor((room - 2 * PAD + DLG_LAY_EPS) / tg->lh);
		fit = lines < 1 ? 1 : (size_t)lines;
		if (fit > max_lines)
			fit = max_lines;
	}
	bx->h = (double)(fit ? fit : 1) * tg->lh + 2 * PAD;
	for (int c = 0; c < tg->n; c++) {
		struct breaker *b = &r->b[c];
		for (size_t k = 0; k < fit && r->next[c] < b->nl; k++, r->next[c]++)
			dlg_render_line(bx, b, &b->ln[r->next[c]], tg->size, tg->lh,
			                header ? DLG_CENTER : align[c], tg->x[c] + PAD,
			                tg->w[c] - 2 * PAD, PAD + (double)k * tg->lh);
		struct op *o = dlg_box_op(bx, OP_STROKE);
		o->x = tg->x[c];
		o->y = 0;
		o->w = tg->w[c];
		o->h = bx->h;
		o->extra = 0.5;
	}
}

static bool row_done(const struct tgeom *tg, const struct trow *r)
{
	for (int c = 0; c < tg->n; c++)
		if (r->next[c] < r->b[c].nl)
			return false;
	return true;
}

static void row_prepare(dlg_lay *l, const struct tgeom *tg, struct trow *r, dlg_rich *const *cells)
{
	for (int c = 0; c < tg->n; c++) {
		dlg_breaker_run(&r->b[c], l->fs, cells ? cells[c] : NULL, tg->size,
		                tg->w[c] - 2 * PAD, 0);
		r->next[c] = 0;
	}
}

static void row_free(const struct tgeom *tg, struct trow *r)
{
	for (int c = 0; c < tg->n; c++)
		dlg_breaker_free(&r->b[c]);
}

static double row_height(const struct tgeom *tg, const struct trow *r)
{
	size_t m = 1;
	for (int c = 0; c < tg->n; c++)
		if (r->b[c].nl > m)
			m = r->b[c].nl;
	return (double)m * tg->lh + 2 * PAD;
}

static void place_header(dlg_lay *l, const dlg_tbl *t, const struct tgeom *tg)
{
	if (!t->head)
		return;
	struct trow h;
	row_prepare(l, tg, &h, t->head);
	struct box bx = {0};
	row_chunk(&bx, tg, &h, t->align, true, -1);
	dlg_lay_place_direct(l, &bx);
	row_free(tg, &h);
}

/* Place row r (the header row when head), split across pages where it does
 * not fit, with the header on each new page when repeat. Every pass places
 * at least one line, so a row taller than a page ends. */
static void place_row(dlg_lay *l, const dlg_tbl *t, const struct tgeom *tg, struct trow *r,
                      bool head, bool repeat)
{
	bool fresh = false;
	while (!row_done(tg, r) || !fresh) {
		double room = dlg_lay_limit(l) - l->y;
		double need = row_height(tg, r);
		bool whole = need <= room + DLG_LAY_EPS;
		if (!whole && room < tg->lh + 2 * PAD + DLG_LAY_EPS && !dlg_lay_at_top(l)) {
			dlg_lay_new_page(l);
			if (repeat)
				place_header(l, t, tg);
			continue;
		}
		struct box bx = {0};
		row_chunk(&bx, tg, r, t->align, head, whole ? -1 : room);
		dlg_lay_place_direct(l, &bx);
		fresh = true;
		if (!row_done(tg, r)) {
			dlg_lay_new_page(l);
			if (repeat)
				place_header(l, t, tg);
		}
	}
}

void dlg_lay_table(dlg_lay *l, const dlg_tbl *t)
{
	struct tgeom tg = {0};
	tg.n = t->ncols > 8 ? 8 : t->ncols;
	tg.size = t->size;
	tg.lh = t->size * DLG_LEADING;
	double sum = 0;
	for (int c = 0; c < tg.n; c++)
		sum += t->weight[c];
	double x = l->x0;
	for (int c = 0; c < tg.n; c++) {
		tg.x[c] = x;
		tg.w[c] = l->w * t->weight[c] / sum;
		x += tg.w[c];
	}
	if (l->grp.active) {
		/* inside a group rows are whole boxes */
		struct trow r;
		if (t->head) {
			row_prepare(l, &tg, &r, t->head);
			struct box bx = {0};
			row_chunk(&bx, &tg, &r, t->align, true, -1);
			dlg_lay_place(l, &bx);
			row_free(&tg, &r);
		}
		for (size_t i = 0; i < t->nrows; i++) {
			row_prepare(l, &tg, &r, t->cells + i * (size_t)t->ncols);
			struct box bx = {0};
			row_chunk(&bx, &tg, &r, t->align, false, -1);
			dlg_lay_place(l, &bx);
			row_free(&tg, &r);
		}
		return;
	}
	double head_h = 0;
	if (t->head) {
		struct trow h;
		row_prepare(l, &tg, &h, t->head);
		head_h = row_height(&tg, &h);
		row_free(&tg, &h);
	}
	/* the header with (the start of) the first row */
	double first = tg.lh * 2 + 2 * PAD;
	if (t->nrows) {
		struct trow r;
		row_prepare(l, &tg, &r, t->cells);
		double rh = row_height(&tg, &r);
		if (rh < first)
			first = rh;
		row_free(&tg, &r);
	}
	if (l->nheld) {
		/* a paragraph kept with the next (a table's intro) goes with the
		 * header and the first row */
		double held = 0;
		for (size_t i = 0; i < l->nheld; i++)
			held += l->held[i].h;
		double all = held + head_h + first;
		if (l->open && l->y + all > dlg_lay_limit(l) + DLG_LAY_EPS && !dlg_lay_at_top(l) &&
		    all <= dlg_lay_limit(l) - l->g.top)
			dlg_lay_new_page(l);
		dlg_lay_flush_held(l, NULL);
	}
	if (!l->open)
		dlg_lay_new_page(l);
	if (l->y + head_h + first > dlg_lay_limit(l) + DLG_LAY_EPS && !dlg_lay_at_top(l))
		dlg_lay_new_page(l);
	/* The header repeats on each page only when it leaves room there for a
	 * line of a row; a taller one is drawn once, split like a row. */
	bool repeat = head_h + tg.lh + 2 * PAD <= dlg_lay_limit(l) - l->g.top + DLG_LAY_EPS;
	if (t->head && !repeat) {
		struct trow h;
		row_prepare(l, &tg, &h, t->head);
		place_row(l, t, &tg, &h, true, false);
		row_free(&tg, &h);
	} else {
		place_header(l, t, &tg);
	}
	for (size_t i = 0; i < t->nrows; i++) {
		struct trow r;
		row_prepare(l, &tg, &r, t->cells + i * (size_t)t->ncols);
		place_row(l, t, &tg, &r, false, repeat);
		row_free(&tg, &r);
	}
}
