/* The page flow. Content becomes boxes: a height and drawing operations
 * relative to the box's top. Boxes are placed on the page one after another;
 * inside a keep group or columns they are collected first and placed
 * together. */
#include "doc/layout_parts.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "base/sbuf.h"
#include "base/text.h"

/* Half the height of a digit, in em: a page number's baseline this far below
 * the middle of the top margin centres it there. */
#define DIGIT_HALF_HEIGHT 0.35
/* The width of a dotted leader's dots (a line to write on), pt. */
#define DOTS_WIDTH 0.9

/* ---- boxes ---- */

struct op *dlg_box_op(struct box *bx, int kind)
{
	if (bx->n == bx->cap) {
		bx->cap = bx->cap ? 2 * bx->cap : 8;
		bx->op = dlg_xreallocarray(bx->op, bx->cap, sizeof *bx->op);
	}
	struct op *o = &bx->op[bx->n++];
	memset(o, 0, sizeof *o);
	o->kind = kind;
	return o;
}

void dlg_box_text(struct box *bx, int style, double size, double x, double y, const char *s,
                  size_t len, double extra)
{
	struct op *o = dlg_box_op(bx, OP_TEXT);
	o->style = style;
	o->size = size;
	o->x = x;
	o->y = y;
	o->extra = extra;
	o->text = dlg_xmalloc(len + 1);
	memcpy(o->text, s, len);
	o->text[len] = '\0';
	o->len = len;
}

void dlg_box_free(struct box *bx)
{
	for (size_t i = 0; i < bx->n; i++)
		free(bx->op[i].text);
	free(bx->op);
	memset(bx, 0, sizeof *bx);
}

/* Move the ops of src into dst, shifted down by dy. */
static void box_merge(struct box *dst, struct box *src, double dy)
{
	for (size_t i = 0; i < src->n; i++) {
		struct op *o = dlg_box_op(dst, 0);
		*o = src->op[i];
		o->y += dy;
	}
	free(src->op);
	memset(src, 0, sizeof *src);
}

/* Render line ln of breaker b into bx with its top at y, x from x0 over
 * width avail. */
void dlg_render_line(struct box *bx, const struct breaker *b, const struct line *ln, double size,
                     double lh, int align, double x0, double avail, double y)
{
	/* the font's line box (ascent + descent) centred in the line */
	double base = y + (lh - size * (b->ascent + b->descent)) / 2 + size * b->ascent;
	double nat = (double)ln->w / 1000.0;
	double room = avail - ln->indent;
	double extra = 0, x = x0 + ln->indent;
	if (align == DLG_JUSTIFY && !ln->last && ln->nglue > 0 && room > nat)
		extra = (room - nat) / ln->nglue;
	else if (align == DLG_CENTER)
		x += (room - nat) / 2;
	else if (align == DLG_RIGHT)
		x += room - nat;
	dlg_sbuf seg = {0};
	size_t i = ln->a;
	while (i < ln->b) {
		const struct item *it = &b->it[i];
		if (it->kind == IT_DOTS) {
			struct op *o = dlg_box_op(bx, OP_DOTS);
			o->x = x + 2;
			o->w = x0 + avail - x - 2;
			o->y = base + 1;
			i++;
			continue;
		}
		if (it->kind == IT_BREAK) {
			i++;
			continue;
		}
		int style = it->style;
		double sx = x;
		long w = 0;
		int nsp = 0;
		dlg_sbuf_clear(&seg);
		while (i < ln->b && (b->it[i].kind == IT_BOX || b->it[i].kind == IT_GLUE) &&
		       b->it[i].style == style) {
			if (b->it[i].kind == IT_BOX) {
				dlg_sbuf_add(&seg, b->it[i].s, b->it[i].len);
			} else {
				dlg_sbuf_addc(&seg, ' ');
				nsp++;
			}
			w += b->it[i].w;
			i++;
		}
		if (seg.len)
			dlg_box_text(bx, style, size, sx, base, seg.data, seg.len, extra);
		x = sx + (double)w / 1000.0 + nsp * extra;
	}
	dlg_sbuf_free(&seg);
}

/* ---- the flow ---- */

dlg_pstyle dlg_pstyle_plain(double size, int align)
{
	dlg_pstyle p = {.size = size, .align = align, .leading = DLG_LEADING};
	return p;
}

dlg_lay *dlg_lay_new(dlg_pdf *pdf, dlg_fonts *fs, const dlg_geom *g)
{
	dlg_lay *l = dlg_xcalloc(1, sizeof *l);
	l->pdf = pdf;
	l->fs = fs;
	l->g = *g;
	l->x0 = g->left;
	l->w = g->page_w - g->left - g->right;
	l->y = g->top;
	return l;
}

double dlg_lay_limit(const dlg_lay *l)
{
	return l->g.page_h - l->g.bottom;
}

static void emit_ops(dlg_lay *l, const struct box *bx, double top)
{
	double H = l->g.page_h;
	for (size_t i = 0; i < bx->n; i++) {
		const struct op *o = &bx->op[i];
		switch (o->kind) {
		case OP_TEXT:
			dlg_pdf_text(l->pdf, o->style, o->size, o->x, H - (top + o->y), o->text,
			             o->len, o->extra);
			break;
		case OP_FILL:
			dlg_pdf_fill_rect(l->pdf, o->x, H - (top + o->y + o->h), o->w, o->h,
			                  o->rgb);
			break;
		case OP_STROKE:
			dlg_pdf_stroke_rect(l->pdf, o->x, H - (top + o->y + o->h), o->w, o->h,
			                    o->extra);
			break;
		case OP_LINE:
			dlg_pdf_line(l->pdf, o->x, H - (top + o->y), o->x + o->w,
			             H - (top + o->y + o->h), o->extra, false);
			break;
		case OP_DOTS:
			if (o->w > 0)
				dlg_pdf_line(l->pdf, o->x, H - (top + o->y), o->x + o->w,
				             H - (top + o->y), DOTS_WIDTH, true);
			break;
		case OP_IMAGE:
			dlg_pdf_image(l->pdf, o->img, o->x, H - (top + o->y + o->h), o->w, o->h);
			break;
		case OP_FIELD:
			dlg_pdf_sig_field(l->pdf, o->text, o->x, H - (top + o->y + o->h), o->w,
			                  o->h);
			break;
		}
	}
}

void dlg_lay_new_page(dlg_lay *l)
{
	if (l->open)
		dlg_pdf_end_page(l->pdf);
	dlg_pdf_begin_page(l->pdf, l->g.page_w, l->g.page_h);
	l->open = true;
	l->page++;
	l->y = l->g.top;
	if (l->g.number_from > 0 && l->page >= l->g.number_from) {
		char num[16];
		snprintf(num, sizeof num, "%d", l->page);
		double sz = l->g.number_size > 0 ? l->g.number_size : 13;
		double w = dlg_fonts_width(l->fs, DLG_REGULAR, sz, num, strlen(num));
		double x = l->g.left + (l->g.page_w - l->g.left - l->g.right - w) / 2;
		double base = l->g.top / 2 + sz * DIGIT_HALF_HEIGHT;
		dlg_pdf_text(l->pdf, DLG_REGULAR, sz, x, l->g.page_h - base, num, strlen(num), 0);
	}
}

bool dlg_lay_at_top(const dlg_lay *l)
{
	return !l->open || l->y <= l->g.top + DLG_LAY_EPS;
}

/* Place a box on the page, breaking the page first when it does not fit. */
void dlg_lay_place_direct(dlg_lay *l, struct box *bx)
{
	if (!l->open)
		dlg_lay_new_page(l);
	if (bx->n == 0 && dlg_lay_at_top(l)) {
		dlg_box_free(bx);
		return;
	}
	if (l->y + bx->h > dlg_lay_limit(l) + DLG_LAY_EPS && !dlg_lay_at_top(l)) {
		dlg_lay_new_page(l);
		if (bx->n == 0) {
			dlg_box_free(bx);
			return;
		}
	}
	emit_ops(l, bx, l->y);
	l->y += bx->h;
	dlg_box_free(bx);
}

void dlg_lay_flush_held(dlg_lay *l, struct box *next)
{
	double total = next ? next->h : 0;
	for (size_t i = 0; i < l->nheld; i++)
		total += l->held[i].h;
	if (l->open && l->y + total > dlg_lay_limit(l) + DLG_LAY_EPS && !dlg_lay_at_top(l) &&
	    total <= dlg_lay_limit(l) - l->g.top)
		dlg_lay_new_page(l);
	for (size_t i = 0; i < l->nheld; i++)
		dlg_lay_place_direct(l, &l->held[i]);
	l->nheld = 0;
	if (next)
		dlg_lay_place_direct(l, next);
}

static void col_push(struct column *c, struct box *bx)
{
	if (c->n == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 8;
		c->bx = dlg_xreallocarray(c->bx, c->cap, sizeof *c->bx);
	}
	c->bx[c->n++] = *bx;
	c->h += bx->h;
	memset(bx, 0, sizeof *bx);
}

/* Every box goes through here: into the open group, held, or onto the page. */
void dlg_lay_place(dlg_lay *l, struct box *bx)
{
	if (l->grp.active) {
		col_push(&l->grp.col[l->grp.cur], bx);
		return;
	}
	if (bx->hold || l->nheld) {
		if (l->nheld == l->hcap) {
			l->hcap = l->hcap ? 2 * l->hcap : 8;
			l->held = dlg_xreallocarray(l->held, l->hcap, sizeof *l->held);
		}
		if (bx->hold || bx->n == 0) {
			l->held[l->nheld++] = *bx;
			memset(bx, 0, sizeof *bx);
			return;
		}
		dlg_lay_flush_held(l, bx);
		return;
	}
	dlg_lay_place_direct(l, bx);
}

int dlg_lay_finish(dlg_lay *l)
{
	while (l->grp.active)
		l->grp.columns ? dlg_lay_columns_end(l) : dlg_lay_keep_end(l);
	if (l->nheld)
		dlg_lay_flush_held(l, NULL);
	if (!l->open)
		dlg_lay_new_page(l);
	dlg_pdf_end_page(l->pdf);
	int pages = l->page;
	free(l->held);
	free(l);
	return pages;
}

void dlg_lay_para(dlg_lay *l, const dlg_pstyle *ps, const dlg_rich *r)
{
	double lh = ps->size * (ps->leading > 0 ? ps->leading : DLG_LEADING);
	double avail = l->w - ps->left - ps->right;
	struct breaker b;
	dlg_breaker_run(&b, l->fs, r, ps->size, avail, ps->first_indent);
	bool keep = ps->keep_together && !l->grp.active;
	if (keep)
		dlg_lay_keep_begin(l);
	if (ps->before > 0)
		dlg_lay_space(l, ps->before);
	for (size_t i = 0; i < b.nl; i++) {
		struct box bx = {0};
		bx.h = lh;
		dlg_render_line(&bx, &b, &b.ln[i], ps->size, lh, ps->align, l->x0 + ps->left, avail,
		                0);
		bx.hold = ps->keep_with_next && i + 1 == b.nl;
		/* no single first line at the foot of a page */
		if (i == 0 && b.nl > 1 && !l->grp.active)
			bx.hold = true;
		dlg_lay_place(l, &bx);
	}
	if (ps->after > 0) {
		struct box sp = {0};
		sp.h = ps->after;
		sp.hold = ps->keep_with_next;
		dlg_lay_place(l, &sp);
	}
	if (keep)
		dlg_lay_keep_end(l);
	dlg_breaker_free(&b);
}

void dlg_lay_text(dlg_lay *l, const dlg_pstyle *ps, int style, const char *s)
{
	dlg_rich *r = dlg_rich_new();
	dlg_rich_add(r, style, s);
	dlg_lay_para(l, ps, r);
	dlg_rich_free(r);
}

void dlg_lay_space(dlg_lay *l, double pt)
{
	struct box bx = {0};
	bx.h = pt;
	dlg_lay_place(l, &bx);
}

void dlg_lay_rule(dlg_lay *l, double width, int align, double lw, double pad)
{
	if (width <= 0 || width > l->w)
		width = l->w;
	double x = l->x0;
	if (align == DLG_CENTER)
		x += (l->w - width) / 2;
	else if (align == DLG_RIGHT)
		x += l->w - width;
	struct box bx = {0};
	bx.h = 2 * pad;
	struct op *o = dlg_box_op(&bx, OP_LINE);
	o->x = x;
	o->y = pad;
	o->w = width;
	o->h = 0;
	o->extra = lw;
	dlg_lay_place(l, &bx);
}

void dlg_lay_dotted_lines(dlg_lay *l, int n, double line_h)
{
	for (int i = 0; i < n; i++) {
		struct box bx = {0};
		bx.h = line_h;
		struct op *o = dlg_box_op(&bx, OP_DOTS);
		o->x = l->x0;
		o->w = l->w;
		o->y = line_h - 3;
		dlg_lay_place(l, &bx);
	}
}

double dlg_lay_frame_width(const dlg_lay *l)
{
	return l->w;
}

dlg_pdf *dlg_lay_pdf(const dlg_lay *l)
{
	return l->pdf;
}

dlg_fonts *dlg_lay_fonts(const dlg_lay *l)
{
	return l->fs;
}

void dlg_lay_keep_begin(dlg_lay *l)
{
	if (l->grp.active) {
		l->grp.depth++;
		return;
	}
	memset(&l->grp, 0, sizeof l->grp);
	l->grp.active = true;
	l->grp.ncol = 1;
	l->grp.col[0].x0 = l->x0;
	l->grp.col[0].w = l->w;
	l->grp.save_x0 = l->x0;
	l->grp.save_w = l->w;
}

void dlg_lay_keep_end(dlg_lay *l)
{
	if (!l->grp.active)
		return;
	if (l->grp.depth) {
		l->grp.depth--;
		return;
	}
	struct column *c = &l->grp.col[0];
	l->grp.active = false;
	if (l->nheld)
		dlg_lay_flush_held(l, NULL);
	if (!l->open)
		dlg_lay_new_page(l);
	if (l->y + c->h > dlg_lay_limit(l) + DLG_LAY_EPS && !dlg_lay_at_top(l) &&
	    c->h <= dlg_lay_limit(l) - l->g.top)
		dlg_lay_new_page(l);
	for (size_t i = 0; i < c->n; i++)
		dlg_lay_place_direct(l, &c->bx[i]);
	free(c->bx);
	memset(&l->grp, 0, sizeof l->grp);
}

void dlg_lay_columns(dlg_lay *l, int n, const double *widths)
{
	if (l->grp.active || n < 1 || n > 4) {
		l->grp.depth++;
		return;
	}
	dlg_lay_keep_begin(l);
	struct group *g = &l->grp;
	g->columns = true;
	g->ncol = n;
	double x = l->x0;
	for (int i = 0; i < n; i++) {
		g->col[i].x0 = x;
		g->col[i].w = widths ? widths[i] : l->w / n;
		x += g->col[i].w;
	}
	g->cur = 0;
	l->x0 = g->col[0].x0;
	l->w = g->col[0].w;
}

void dlg_lay_next_column(dlg_lay *l)
{
	struct group *g = &l->grp;
	if (!g->active || !g->columns || g->depth || g->cur + 1 >= g->ncol)
		return;
	g->cur++;
	l->x0 = g->col[g->cur].x0;
	l->w = g->col[g->cur].w;
}

void dlg_lay_columns_end(dlg_lay *l)
{
	struct group *g = &l->grp;
	if (!g->active)
		return;
	if (g->depth) {
		g->depth--;
		return;
	}
	if (!g->columns) {
		dlg_lay_keep_end(l);
		return;
	}
	struct box all = {0};
	for (int i = 0; i < g->ncol; i++) {
		struct column *c = &g->col[i];
		double y = 0;
		for (size_t k = 0; k < c->n; k++) {
			double h = c->bx[k].h;
			box_merge(&all, &c->bx[k], y);
			y += h;
		}
		if (y > all.h)
			all.h = y;
		free(c->bx);
	}
	l->x0 = g->save_x0;
	l->w = g->save_w;
	memset(g, 0, sizeof *g);
	dlg_lay_place(l, &all);
}
