/* Canvases: a box of vector drawing and text in the flow (QR codes, charts). */
#include "doc/layout_parts.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "base/sbuf.h"
#include "base/text.h"

/* ---- canvas ---- */

struct dlg_canvas {
	dlg_lay *l;
	struct box bx;
	double x0, w;
};

dlg_canvas *dlg_lay_canvas(dlg_lay *l, double height)
{
	dlg_canvas *c = dlg_xcalloc(1, sizeof *c);
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

/* A new drawing operation of this kind on the rectangle at (x, y), w by h,
 * x taken from the canvas's left edge. */
static struct op *rect_op(dlg_canvas *c, int kind, double x, double y, double w, double h)
{
	struct op *o = dlg_box_op(&c->bx, kind);
	o->x = c->x0 + x;
	o->y = y;
	o->w = w;
	o->h = h;
	return o;
}

void dlg_canvas_fill(dlg_canvas *c, double x, double y, double w, double h, uint32_t rgb)
{
	struct op *o = rect_op(c, OP_FILL, x, y, w, h);
	o->rgb = rgb;
}

void dlg_canvas_stroke(dlg_canvas *c, double x, double y, double w, double h, double lw)
{
	struct op *o = rect_op(c, OP_STROKE, x, y, w, h);
	o->extra = lw;
}

void dlg_canvas_line(dlg_canvas *c, double x1, double y1, double x2, double y2, double lw)
{
	struct op *o = rect_op(c, OP_LINE, x1, y1, x2 - x1, y2 - y1);
	o->extra = lw;
}

void dlg_canvas_image(dlg_canvas *c, const dlg_image *img, double x, double y, double w, double h)
{
	struct op *o = rect_op(c, OP_IMAGE, x, y, w, h);
	o->img = img;
}

void dlg_canvas_sig_field(dlg_canvas *c, const char *name, double x, double y, double w, double h)
{
	struct op *o = rect_op(c, OP_FIELD, x, y, w, h);
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
	dlg_box_text(&c->bx, style, size, c->x0 + x, y, nfc, len, 0);
	free(nfc);
}

void dlg_canvas_end(dlg_canvas *c)
{
	dlg_lay_place(c->l, &c->bx);
	free(c);
}
