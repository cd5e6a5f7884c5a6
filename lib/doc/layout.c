/* The layout engine. Content becomes boxes: a height and drawing operations
 * relative to the box's top. Boxes are placed on the page one after another;
 * inside a keep group or columns they are collected first and placed
 * together. Line breaking is first-fit over words measured with the font. */
#include "doc/layout.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "base/sbuf.h"
#include "base/text.h"

#define EPS 0.01
#define ASCENT 0.891
#define EXTENT 1.107

/* ---- rich text ---- */

enum { RUN_TEXT, RUN_BREAK, RUN_DOTS };

struct run {
	int kind, style;
	size_t off, len;
};

struct dlg_rich {
	dlg_sbuf text;
	struct run *run;
	size_t n, cap;
};

dlg_rich *dlg_rich_new(void)
{
	dlg_rich *r = calloc(1, sizeof *r);
	if (!r)
		dlg_die(DLG_EXIT_ERROR, _("out of memory"));
	return r;
}

void dlg_rich_free(dlg_rich *r)
{
	if (!r)
		return;
	dlg_sbuf_free(&r->text);
	free(r->run);
	free(r);
}

static struct run *new_run(dlg_rich *r, int kind, int style)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 8;
		r->run = dlg_xrealloc(r->run, r->cap * sizeof *r->run);
	}
	struct run *u = &r->run[r->n++];
	u->kind = kind;
	u->style = style;
	u->off = r->text.len;
	u->len = 0;
	return u;
}

void dlg_rich_addn(dlg_rich *r, int style, const char *s, size_t len)
{
	if (!len)
		return;
	size_t nlen;
	char *nfc = dlg_text_is_nfc_fast(s, len) ? NULL : dlg_text_nfc(s, len, &nlen);
	struct run *u = new_run(r, RUN_TEXT, style);
	dlg_sbuf_add(&r->text, nfc ? nfc : s, nfc ? nlen : len);
	u->len = r->text.len - u->off;
	free(nfc);
}

void dlg_rich_add(dlg_rich *r, int style, const char *s)
{
	dlg_rich_addn(r, style, s, strlen(s));
}

void dlg_rich_break(dlg_rich *r)
{
	new_run(r, RUN_BREAK, 0);
}

void dlg_rich_dots(dlg_rich *r)
{
	new_run(r, RUN_DOTS, 0);
}

/* ---- items and lines ---- */

enum { IT_BOX, IT_GLUE, IT_BREAK, IT_DOTS };

struct item {
	int kind, style;
	const char *s; /* BOX: the text */
	size_t len;
	long w; /* width in 1/1000 pt */
};

struct line {
	size_t a, b; /* items [a, b) */
	long w;      /* natural width, 1/1000 pt */
	int nglue;
	bool last; /* last line of the paragraph or before a forced break */
	bool dots; /* ends with a leader */
	double indent;
};

struct breaker {
	struct item *it;
	size_t n, cap;
	struct line *ln;
	size_t nl, lcap;
	bool cut;
};

static long text_width(dlg_fonts *fs, int style, double size, const char *s, size_t len)
{
	return lround(dlg_fonts_width(fs, style, size, s, len) * 1000.0);
}

static void push_item(struct breaker *b, struct item it)
{
	if (b->n == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 64;
		b->it = dlg_xrealloc(b->it, b->cap * sizeof *b->it);
	}
	b->it[b->n++] = it;
}

static bool is_space(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

static void tokenize(struct breaker *b, dlg_fonts *fs, const dlg_rich *r, double size)
{
	for (size_t k = 0; k < r->n; k++) {
		const struct run *u = &r->run[k];
		if (u->kind != RUN_TEXT) {
			push_item(b, (struct item){u->kind == RUN_BREAK ? IT_BREAK : IT_DOTS, 0,
			                           NULL, 0, 0});
			continue;
		}
		const char *s = r->text.data + u->off, *end = s + u->len;
		while (s < end) {
			const char *at = s;
			uint32_t c = dlg_utf8_next(&s);
			if (c == '\n') {
				push_item(b, (struct item){IT_BREAK, 0, NULL, 0, 0});
			} else if (is_space(c)) {
				if (b->n && b->it[b->n - 1].kind == IT_GLUE)
					continue;
				push_item(b, (struct item){IT_GLUE, u->style, NULL, 0,
				                           text_width(fs, u->style, size, " ", 1)});
			} else {
				const char *word = at;
				while (s < end) {
					const char *nx = s;
					uint32_t d = dlg_utf8_next(&nx);
					if (d == '\n' || is_space(d))
						break;
					s = nx;
				}
				push_item(b,
				          (struct item){IT_BOX, u->style, word, (size_t)(s - word),
				                        text_width(fs, u->style, size, word,
				                                   (size_t)(s - word))});
			}
		}
	}
}

static void push_line(struct breaker *b, struct line ln)
{
	if (b->nl == b->lcap) {
		b->lcap = b->lcap ? 2 * b->lcap : 16;
		b->ln = dlg_xrealloc(b->ln, b->lcap * sizeof *b->ln);
	}
	b->ln[b->nl++] = ln;
}

/* Split box item i so that its first part is at most room wide (at least one
 * character); returns the first part's width. */
static long cut_item(struct breaker *b, dlg_fonts *fs, double size, size_t i, long room, bool force)
{
	struct item *it = &b->it[i];
	const char *s = it->s, *end = s + it->len, *cut = NULL;
	long w = 0;
	while (s < end) {
		const char *nx = s;
		dlg_utf8_next(&nx);
		long cw = text_width(fs, it->style, size, s, (size_t)(nx - s));
		if ((cut || !force) && w + cw > room)
			break;
		w += cw;
		s = nx;
		cut = s;
	}
	if (cut == end)
		return it->w;
	if (!cut)
		return 0;
	struct item rest = *it;
	rest.s = cut;
	rest.len = (size_t)(end - cut);
	rest.w = it->w - w;
	it->len = (size_t)(cut - it->s);
	it->w = w;
	push_item(b, rest);
	memmove(&b->it[i + 2], &b->it[i + 1], (b->n - i - 2) * sizeof *b->it);
	b->it[i + 1] = rest;
	return w;
}

/* First-fit line breaking of the tokenized items into width (1/1000 pt). */
static void break_lines(struct breaker *b, dlg_fonts *fs, double size, long width, long first)
{
	size_t i = 0;
	bool is_first = true;
	while (i < b->n) {
		long avail = width - (is_first ? first : 0);
		while (i < b->n && b->it[i].kind == IT_GLUE)
			i++;
		struct line ln = {i, i, 0, 0, false, false, is_first ? (double)first / 1000.0 : 0};
		size_t j = i;
		for (;;) {
			if (j >= b->n) {
				ln.last = true;
				break;
			}
			if (b->it[j].kind == IT_BREAK) {
				j++;
				ln.last = true;
				break;
			}
			if (b->it[j].kind == IT_DOTS) {
				if (ln.b > ln.a && avail - ln.w < 20000)
					break;
				ln.b = ++j;
				ln.dots = true;
				ln.last = true;
				ln.w = avail;
				break;
			}
			long g = 0;
			size_t k = j;
			if (b->it[k].kind == IT_GLUE)
				g = b->it[k++].w;
			size_t m = k;
			long ww = 0;
			while (m < b->n && b->it[m].kind == IT_BOX)
				ww += b->it[m++].w;
			if (m == k) {
				j = k;
				continue;
			}
			if (ln.b > ln.a) {
				if (ln.w + g + ww > avail + 10)
					break;
				ln.w += g + ww;
				ln.nglue++;
				ln.b = j = m;
				continue;
			}
			if (ww <= avail + 10) {
				ln.w = ww;
				ln.b = j = m;
				continue;
			}
			/* A word longer than the line: cut it. */
			b->cut = true;
			long used = 0;
			size_t p = k;
			while (p < m && used + b->it[p].w <= avail)
				used += b->it[p++].w;
			if (p < m) {
				long part = cut_item(b, fs, size, p, avail - used, p == k);
				if (part > 0) {
					used += part;
					p++;
				}
			}
			ln.w = used;
			ln.b = j = p;
			break;
		}
		push_line(b, ln);
		i = ln.last && !ln.dots ? j : ln.b;
		if (ln.dots) {
			while (i < b->n && b->it[i].kind == IT_GLUE)
				i++;
			if (i < b->n && b->it[i].kind == IT_BREAK)
				i++;
		}
		is_first = false;
	}
}

static void breaker_run(struct breaker *b, dlg_fonts *fs, const dlg_rich *r, double size,
                        double width, double first_indent)
{
	memset(b, 0, sizeof *b);
	if (!r)
		return;
	tokenize(b, fs, r, size);
	long w = lround(width * 1000.0);
	if (w < 1000)
		w = 1000;
	long f = lround(first_indent * 1000.0);
	if (f > w - 1000)
		f = 0;
	break_lines(b, fs, size, w, f);
}

static void breaker_free(struct breaker *b)
{
	free(b->it);
	free(b->ln);
}

bool dlg_rich_measure_lines(dlg_fonts *fs, const dlg_rich *r, double size, double width,
                            double first_indent, size_t *nlines, double **widths)
{
	struct breaker b;
	breaker_run(&b, fs, r, size, width, first_indent);
	*nlines = b.nl;
	if (widths) {
		*widths = dlg_xmalloc((b.nl ? b.nl : 1) * sizeof **widths);
		for (size_t i = 0; i < b.nl; i++)
			(*widths)[i] = (double)b.ln[i].w / 1000.0;
	}
	bool cut = b.cut;
	breaker_free(&b);
	return !cut;
}

/* ---- boxes ---- */

enum { OP_TEXT, OP_FILL, OP_STROKE, OP_LINE, OP_DOTS, OP_IMAGE, OP_FIELD };

struct op {
	int kind, style;
	double size, x, y, w, h, extra;
	char *text; /* OP_FIELD: the field's name */
	size_t len;
	uint32_t rgb;
	const dlg_image *img; /* OP_IMAGE */
};

struct box {
	double h;
	struct op *op;
	size_t n, cap;
	bool hold; /* keep with the next box */
};

static struct op *box_op(struct box *bx, int kind)
{
	if (bx->n == bx->cap) {
		bx->cap = bx->cap ? 2 * bx->cap : 8;
		bx->op = dlg_xrealloc(bx->op, bx->cap * sizeof *bx->op);
	}
	struct op *o = &bx->op[bx->n++];
	memset(o, 0, sizeof *o);
	o->kind = kind;
	return o;
}

static void box_text(struct box *bx, int style, double size, double x, double y, const char *s,
                     size_t len, double extra)
{
	struct op *o = box_op(bx, OP_TEXT);
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

static void box_free(struct box *bx)
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
		struct op *o = box_op(dst, 0);
		*o = src->op[i];
		o->y += dy;
	}
	free(src->op);
	memset(src, 0, sizeof *src);
}

/* Render line ln of breaker b into bx with its top at y, x from x0 over
 * width avail. */
static void render_line(struct box *bx, const struct breaker *b, const struct line *ln, double size,
                        double lh, int align, double x0, double avail, double y)
{
	double base = y + (lh - size * EXTENT) / 2 + size * ASCENT;
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
			struct op *o = box_op(bx, OP_DOTS);
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
			box_text(bx, style, size, sx, base, seg.data, seg.len, extra);
		x = sx + (double)w / 1000.0 + nsp * extra;
	}
	dlg_sbuf_free(&seg);
}

/* ---- the flow ---- */

struct column {
	double x0, w;
	struct box *bx;
	size_t n, cap;
	double h;
};

struct group {
	bool active, columns;
	int depth;
	int ncol, cur;
	struct column col[4];
	double save_x0, save_w;
};

struct dlg_lay {
	dlg_pdf *pdf;
	dlg_fonts *fs;
	dlg_geom g;
	double x0, w; /* the frame */
	double y;     /* cursor from the top of the page */
	int page;
	bool open;
	struct group grp;
	struct box *held;
	size_t nheld, hcap;
};

dlg_geom dlg_geom_nd30(void)
{
	dlg_geom g = {595.28, 841.89, 20 * DLG_MM, 20 * DLG_MM, 30 * DLG_MM, 15 * DLG_MM, 2, 13};
	return g;
}

dlg_pstyle dlg_pstyle_body(void)
{
	dlg_pstyle p = {14, DLG_JUSTIFY, 12.7 * DLG_MM, 0, 0, 0, 6, 1.2, false, false};
	return p;
}

dlg_pstyle dlg_pstyle_plain(double size, int align)
{
	dlg_pstyle p = {size, align, 0, 0, 0, 0, 0, 1.2, false, false};
	return p;
}

dlg_lay *dlg_lay_new(dlg_pdf *pdf, dlg_fonts *fs, const dlg_geom *g)
{
	dlg_lay *l = calloc(1, sizeof *l);
	if (!l)
		dlg_die(DLG_EXIT_ERROR, _("out of memory"));
	l->pdf = pdf;
	l->fs = fs;
	l->g = *g;
	l->x0 = g->left;
	l->w = g->page_w - g->left - g->right;
	l->y = g->top;
	return l;
}

static double limit(const dlg_lay *l)
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
				             H - (top + o->y), 0.9, true);
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

static void new_page(dlg_lay *l)
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
		double base = l->g.top / 2 + sz * 0.35;
		dlg_pdf_text(l->pdf, DLG_REGULAR, sz, x, l->g.page_h - base, num, strlen(num), 0);
	}
}

static bool at_top(const dlg_lay *l)
{
	return !l->open || l->y <= l->g.top + EPS;
}

/* Place a box on the page, breaking the page first when it does not fit. */
static void place_direct(dlg_lay *l, struct box *bx)
{
	if (!l->open)
		new_page(l);
	if (bx->n == 0 && at_top(l)) {
		box_free(bx);
		return;
	}
	if (l->y + bx->h > limit(l) + EPS && !at_top(l)) {
		new_page(l);
		if (bx->n == 0) {
			box_free(bx);
			return;
		}
	}
	emit_ops(l, bx, l->y);
	l->y += bx->h;
	box_free(bx);
}

static void flush_held(dlg_lay *l, struct box *next)
{
	double total = next ? next->h : 0;
	for (size_t i = 0; i < l->nheld; i++)
		total += l->held[i].h;
	if (l->open && l->y + total > limit(l) + EPS && !at_top(l) && total <= limit(l) - l->g.top)
		new_page(l);
	for (size_t i = 0; i < l->nheld; i++)
		place_direct(l, &l->held[i]);
	l->nheld = 0;
	if (next)
		place_direct(l, next);
}

static void col_push(struct column *c, struct box *bx)
{
	if (c->n == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 8;
		c->bx = dlg_xrealloc(c->bx, c->cap * sizeof *c->bx);
	}
	c->bx[c->n++] = *bx;
	c->h += bx->h;
	memset(bx, 0, sizeof *bx);
}

/* Every box goes through here: into the open group, held, or onto the page. */
static void place(dlg_lay *l, struct box *bx)
{
	if (l->grp.active) {
		col_push(&l->grp.col[l->grp.cur], bx);
		return;
	}
	if (bx->hold || l->nheld) {
		if (l->nheld == l->hcap) {
			l->hcap = l->hcap ? 2 * l->hcap : 8;
			l->held = dlg_xrealloc(l->held, l->hcap * sizeof *l->held);
		}
		if (bx->hold || bx->n == 0) {
			l->held[l->nheld++] = *bx;
			memset(bx, 0, sizeof *bx);
			return;
		}
		flush_held(l, bx);
		return;
	}
	place_direct(l, bx);
}

int dlg_lay_finish(dlg_lay *l)
{
	while (l->grp.active)
		l->grp.columns ? dlg_lay_columns_end(l) : dlg_lay_keep_end(l);
	if (l->nheld)
		flush_held(l, NULL);
	if (!l->open)
		new_page(l);
	dlg_pdf_end_page(l->pdf);
	int pages = l->page;
	free(l->held);
	free(l);
	return pages;
}

void dlg_lay_para(dlg_lay *l, const dlg_pstyle *ps, const dlg_rich *r)
{
	double lh = ps->size * (ps->leading > 0 ? ps->leading : 1.2);
	double avail = l->w - ps->left - ps->right;
	struct breaker b;
	breaker_run(&b, l->fs, r, ps->size, avail, ps->first_indent);
	bool keep = ps->keep_together && !l->grp.active;
	if (keep)
		dlg_lay_keep_begin(l);
	if (ps->before > 0)
		dlg_lay_space(l, ps->before);
	for (size_t i = 0; i < b.nl; i++) {
		struct box bx = {0};
		bx.h = lh;
		render_line(&bx, &b, &b.ln[i], ps->size, lh, ps->align, l->x0 + ps->left, avail, 0);
		bx.hold = ps->keep_with_next && i + 1 == b.nl;
		/* no single first line at the foot of a page */
		if (i == 0 && b.nl > 1 && !l->grp.active)
			bx.hold = true;
		place(l, &bx);
	}
	if (ps->after > 0) {
		struct box sp = {0};
		sp.h = ps->after;
		sp.hold = ps->keep_with_next;
		place(l, &sp);
	}
	if (keep)
		dlg_lay_keep_end(l);
	breaker_free(&b);
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
	place(l, &bx);
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
	struct op *o = box_op(&bx, OP_LINE);
	o->x = x;
	o->y = pad;
	o->w = width;
	o->h = 0;
	o->extra = lw;
	place(l, &bx);
}

void dlg_lay_dotted_lines(dlg_lay *l, int n, double line_h)
{
	for (int i = 0; i < n; i++) {
		struct box bx = {0};
		bx.h = line_h;
		struct op *o = box_op(&bx, OP_DOTS);
		o->x = l->x0;
		o->w = l->w;
		o->y = line_h - 3;
		place(l, &bx);
	}
}

double dlg_lay_frame_width(const dlg_lay *l)
{
	return l->w;
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
		flush_held(l, NULL);
	if (!l->open)
		new_page(l);
	if (l->y + c->h > limit(l) + EPS && !at_top(l) && c->h <= limit(l) - l->g.top)
		new_page(l);
	for (size_t i = 0; i < c->n; i++)
		place_direct(l, &c->bx[i]);
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
	place(l, &all);
}

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
	dlg_tbl *t = calloc(1, sizeof *t);
	if (!t)
		dlg_die(DLG_EXIT_ERROR, _("out of memory"));
	t->ncols = ncols;
	t->size = size;
	t->weight = dlg_xmalloc((size_t)ncols * sizeof *t->weight);
	t->align = calloc((size_t)ncols, sizeof *t->align);
	if (!t->align)
		dlg_die(DLG_EXIT_ERROR, _("out of memory"));
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
		*new_run(c, r->run[i].kind, r->run[i].style) = r->run[i];
	return c;
}

void dlg_tbl_header(dlg_tbl *t, const dlg_rich *const *cells)
{
	free_cells(t->head, (size_t)t->ncols);
	t->head = dlg_xmalloc((size_t)t->ncols * sizeof *t->head);
	for (int i = 0; i < t->ncols; i++)
		t->head[i] = rich_copy(cells[i]);
}

void dlg_tbl_row(dlg_tbl *t, const dlg_rich *const *cells)
{
	if (t->nrows == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 8;
		t->cells = dlg_xrealloc(t->cells, t->cap * (size_t)t->ncols * sizeof *t->cells);
	}
	for (int i = 0; i < t->ncols; i++)
		t->cells[t->nrows * (size_t)t->ncols + (size_t)i] = rich_copy(cells[i]);
	t->nrows++;
}

void dlg_tbl_row_text(dlg_tbl *t, const char *const *cells)
{
	dlg_rich **r = dlg_xmalloc((size_t)t->ncols * sizeof *r);
	for (int i = 0; i < t->ncols; i++) {
		r[i] = dlg_rich_new();
		if (cells[i])
			dlg_rich_add(r[i], DLG_REGULAR, cells[i]);
	}
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
		double lines = floor((room - 2 * PAD + EPS) / tg->lh);
		fit = lines < 1 ? 1 : (size_t)lines;
		if (fit > max_lines)
			fit = max_lines;
	}
	bx->h = (double)(fit ? fit : 1) * tg->lh + 2 * PAD;
	for (int c = 0; c < tg->n; c++) {
		struct breaker *b = &r->b[c];
		for (size_t k = 0; k < fit && r->next[c] < b->nl; k++, r->next[c]++)
			render_line(bx, b, &b->ln[r->next[c]], tg->size, tg->lh,
			            header ? DLG_CENTER : align[c], tg->x[c] + PAD,
			            tg->w[c] - 2 * PAD, PAD + (double)k * tg->lh);
		struct op *o = box_op(bx, OP_STROKE);
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
		breaker_run(&r->b[c], l->fs, cells ? cells[c] : NULL, tg->size, tg->w[c] - 2 * PAD,
		            0);
		r->next[c] = 0;
	}
}

static void row_free(const struct tgeom *tg, struct trow *r)
{
	for (int c = 0; c < tg->n; c++)
		breaker_free(&r->b[c]);
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
	place_direct(l, &bx);
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
		double room = limit(l) - l->y;
		double need = row_height(tg, r);
		bool whole = need <= room + EPS;
		if (!whole && room < tg->lh + 2 * PAD + EPS && !at_top(l)) {
			new_page(l);
			if (repeat)
				place_header(l, t, tg);
			continue;
		}
		struct box bx = {0};
		row_chunk(&bx, tg, r, t->align, head, whole ? -1 : room);
		place_direct(l, &bx);
		fresh = true;
		if (!row_done(tg, r)) {
			new_page(l);
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
	tg.lh = t->size * 1.2;
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
			place(l, &bx);
			row_free(&tg, &r);
		}
		for (size_t i = 0; i < t->nrows; i++) {
			row_prepare(l, &tg, &r, t->cells + i * (size_t)t->ncols);
			struct box bx = {0};
			row_chunk(&bx, &tg, &r, t->align, false, -1);
			place(l, &bx);
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
		if (l->open && l->y + all > limit(l) + EPS && !at_top(l) &&
		    all <= limit(l) - l->g.top)
			new_page(l);
		flush_held(l, NULL);
	}
	if (!l->open)
		new_page(l);
	if (l->y + head_h + first > limit(l) + EPS && !at_top(l))
		new_page(l);
	/* The header repeats on each page only when it leaves room there for a
	 * line of a row; a taller one is drawn once, split like a row. */
	bool repeat = head_h + tg.lh + 2 * PAD <= limit(l) - l->g.top + EPS;
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

/* ---- canvas ---- */

struct dlg_canvas {
	dlg_lay *l;
	struct box bx;
	double x0, w;
};

dlg_canvas *dlg_lay_canvas(dlg_lay *l, double height)
{
	dlg_canvas *c = calloc(1, sizeof *c);
	if (!c)
		dlg_die(DLG_EXIT_ERROR, _("out of memory"));
	c->l = l;
	c->bx.h = height;
	c->x0 = l->x0;
	c->w = l->w;
	return c;
}

double dlg_canvas_width(const dlg_canvas *c)
{
	return c->w;
}

void dlg_canvas_fill(dlg_canvas *c, double x, double y, double w, double h, uint32_t rgb)
{
	struct op *o = box_op(&c->bx, OP_FILL);
	o->x = c->x0 + x;
	o->y = y;
	o->w = w;
	o->h = h;
	o->rgb = rgb;
}

void dlg_canvas_stroke(dlg_canvas *c, double x, double y, double w, double h, double lw)
{
	struct op *o = box_op(&c->bx, OP_STROKE);
	o->x = c->x0 + x;
	o->y = y;
	o->w = w;
	o->h = h;
	o->extra = lw;
}

void dlg_canvas_line(dlg_canvas *c, double x1, double y1, double x2, double y2, double lw)
{
	struct op *o = box_op(&c->bx, OP_LINE);
	o->x = c->x0 + x1;
	o->y = y1;
	o->w = x2 - x1;
	o->h = y2 - y1;
	o->extra = lw;
}

void dlg_canvas_image(dlg_canvas *c, const dlg_image *img, double x, double y, double w, double h)
{
	struct op *o = box_op(&c->bx, OP_IMAGE);
	o->x = c->x0 + x;
	o->y = y;
	o->w = w;
	o->h = h;
	o->img = img;
}

void dlg_canvas_sig_field(dlg_canvas *c, const char *name, double x, double y, double w, double h)
{
	struct op *o = box_op(&c->bx, OP_FIELD);
	o->x = c->x0 + x;
	o->y = y;
	o->w = w;
	o->h = h;
	o->text = dlg_xstrdup(name);
	o->len = strlen(name);
}

double dlg_canvas_measure(dlg_canvas *c, int style, double size, const char *s)
{
	return dlg_fonts_width(c->l->fs, style, size, s, strlen(s));
}

void dlg_canvas_text(dlg_canvas *c, double x, double y, int style, double size, int align,
                     const char *s)
{
	size_t len;
	char *nfc = dlg_text_nfc(s, strlen(s), &len);
	double w = dlg_fonts_width(c->l->fs, style, size, nfc, len);
	if (align == DLG_CENTER)
		x -= w / 2;
	else if (align == DLG_RIGHT)
		x -= w;
	box_text(&c->bx, style, size, c->x0 + x, y, nfc, len, 0);
	free(nfc);
}

void dlg_canvas_end(dlg_canvas *c)
{
	place(c->l, &c->bx);
	free(c);
}
