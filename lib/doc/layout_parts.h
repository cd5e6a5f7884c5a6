/* What the layout's files share (rich.c, flow.c, tables.c, canvas.c): the
 * insides of rich text, the line breaker, boxes and the flow. Not for other
 * modules: they use doc/layout.h. */
#ifndef DLG_DOC_LAYOUT_PARTS_H
#define DLG_DOC_LAYOUT_PARTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/sbuf.h"
#include "doc/layout.h"

/* Lengths closer than this (pt) count as equal. */
#define DLG_LAY_EPS 0.01

/* ---- rich text (rich.c) ---- */

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

/* A new run of kind and style at the end of r's text. */
struct run *dlg_rich_new_run(dlg_rich *r, int kind, int style);

/* ---- items and lines (rich.c) ---- */

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
	double ascent, descent; /* the regular style's, fractions of the em */
};

/* Break r at size pt into lines of width pt (the first line first_indent
 * narrower) into b; free with dlg_breaker_free. r may be NULL (no lines). */
void dlg_breaker_run(struct breaker *b, dlg_fonts *fs, const dlg_rich *r, double size, double width,
                     double first_indent);
void dlg_breaker_free(struct breaker *b);

/* ---- boxes (flow.c) ---- */

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

/* A new zeroed op of kind at the end of bx. */
struct op *dlg_box_op(struct box *bx, int kind);
/* A text op: s[0..len) copied, baseline at y, extra: added to each space. */
void dlg_box_text(struct box *bx, int style, double size, double x, double y, const char *s,
                  size_t len, double extra);
void dlg_box_free(struct box *bx);
/* Render line ln of breaker b into bx with its top at y, x from x0 over
 * width avail, in a line lh high. */
void dlg_render_line(struct box *bx, const struct breaker *b, const struct line *ln, double size,
                     double lh, int align, double x0, double avail, double y);

/* ---- the flow (flow.c) ---- */

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

/* The lowest y a box may reach on the page. */
double dlg_lay_limit(const dlg_lay *l);
void dlg_lay_new_page(dlg_lay *l);
/* True at the top of a page (or before the first). */
bool dlg_lay_at_top(const dlg_lay *l);
/* Place a box on the page, breaking the page first when it does not fit. */
void dlg_lay_place_direct(dlg_lay *l, struct box *bx);
/* Place the held boxes (and next), on a new page when they do not fit. */
void dlg_lay_flush_held(dlg_lay *l, struct box *next);
/* Every box goes through here: into the open group, held, or onto the page. */
void dlg_lay_place(dlg_lay *l, struct box *bx);

#endif
