/* The layout engine: rich text broken into lines by our own measuring,
 * justified, flowed onto pages with page numbers, with keep-together groups,
 * side-by-side columns, tables whose header repeats on each page, and
 * canvases for vector drawing (QR codes, charts). Units are points; y grows
 * downwards from the top of the page inside this module. */
#ifndef DLG_DOC_LAYOUT_H
#define DLG_DOC_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "doc/font.h"
#include "doc/image.h"
#include "doc/pdf.h"

#define DLG_MM (72.0 / 25.4)

/* Line height as a multiple of the font size when a style gives none. */
#define DLG_LEADING 1.2

/* ---- rich text ---- */

typedef struct dlg_rich dlg_rich;

/* An empty rich text; free with dlg_rich_free. */
dlg_rich *dlg_rich_new(void);
void dlg_rich_free(dlg_rich *r);
/* Append UTF-8 text in a style (DLG_REGULAR, DLG_BOLD, ...); the text is
 * copied and normalised to NFC. A newline breaks the line; runs of white
 * space print as one space. */
void dlg_rich_add(dlg_rich *r, int style, const char *s);
/* Append s[0..len). */
void dlg_rich_addn(dlg_rich *r, int style, const char *s, size_t len);
/* A forced line break. */
void dlg_rich_break(dlg_rich *r);
/* A dotted leader filling the rest of the line (a line to write on). */
void dlg_rich_dots(dlg_rich *r);

/* ---- paragraph styles ---- */

enum { DLG_LEFT, DLG_CENTER, DLG_RIGHT, DLG_JUSTIFY };

typedef struct {
	double size;          /* font size, pt */
	int align;            /* DLG_LEFT ... DLG_JUSTIFY */
	double first_indent;  /* extra indent of the first line */
	double left, right;   /* indents from the frame's edges */
	double before, after; /* space above and below */
	double leading;       /* line height as a multiple of size; 0: DLG_LEADING */
	bool keep_with_next;  /* do not end a page after this paragraph */
	bool keep_together;   /* do not split the paragraph across pages */
} dlg_pstyle;

/* A paragraph of size pt aligned as given, no indent, no spacing. */
dlg_pstyle dlg_pstyle_plain(double size, int align);

/* ---- the flow ---- */

typedef struct {
	double page_w, page_h;
	double top, bottom, left, right; /* margins */
	int number_from;                 /* first page that shows its number (0: none) */
	double number_size;
} dlg_geom;

typedef struct dlg_lay dlg_lay;

/* Start laying out one document onto pdf (not owned): its pages are added to
 * pdf, numbered from 1. Several documents may go one after another into the
 * same pdf (print-ready merged output). Free with dlg_lay_finish. */
dlg_lay *dlg_lay_new(dlg_pdf *pdf, dlg_fonts *fs, const dlg_geom *g);

/* End the last page and free the layout. Returns the number of pages. */
int dlg_lay_finish(dlg_lay *l);

/* A paragraph (r is not consumed). */
void dlg_lay_para(dlg_lay *l, const dlg_pstyle *ps, const dlg_rich *r);
/* Shorthand: a paragraph of one run of plain text. */
void dlg_lay_text(dlg_lay *l, const dlg_pstyle *ps, int style, const char *s);
/* Vertical space (dropped at the top of a page). */
void dlg_lay_space(dlg_lay *l, double pt);
/* A horizontal rule of the given width (0: the frame's width) aligned in the
 * frame, with pad points above and below. */
void dlg_lay_rule(dlg_lay *l, double width, int align, double lw, double pad);
/* Full-width dotted lines to write on, n of them, each line_h high. */
void dlg_lay_dotted_lines(dlg_lay *l, int n, double line_h);

/* Width of the current frame (the text width, or the current column). */
double dlg_lay_frame_width(const dlg_lay *l);
/* The PDF the layout draws onto (owned by the caller of dlg_lay_new). */
dlg_pdf *dlg_lay_pdf(const dlg_lay *l);
/* The fonts the layout measures with (owned by the caller of dlg_lay_new). */
dlg_fonts *dlg_lay_fonts(const dlg_lay *l);

/* Everything between begin and end goes on one page when it fits on one. */
void dlg_lay_keep_begin(dlg_lay *l);
void dlg_lay_keep_end(dlg_lay *l);

/* Side-by-side columns kept on one page: n columns of the given widths (pt;
 * NULL: equal; a gap is not added, leave it in the widths). Content goes to
 * column 0 until dlg_lay_next_column; dlg_lay_columns_end continues below
 * the tallest column. */
void dlg_lay_columns(dlg_lay *l, int n, const double *widths);
void dlg_lay_next_column(dlg_lay *l);
void dlg_lay_columns_end(dlg_lay *l);

/* ---- tables ---- */

typedef struct dlg_tbl dlg_tbl;

/* A table of ncols columns whose widths are proportional to weights (NULL:
 * equal), text size pt. Cells are copied. Free with dlg_tbl_free. */
dlg_tbl *dlg_tbl_new(int ncols, const double *weights, double size);
void dlg_tbl_free(dlg_tbl *t);
/* Alignment of column c (default DLG_LEFT; header cells are centred). */
void dlg_tbl_align(dlg_tbl *t, int c, int align);
/* The header row (repeated at the top of each page); cells[ncols]. */
void dlg_tbl_header(dlg_tbl *t, const dlg_rich *const *cells);
/* Convenience: the header row of bold strings; cells[ncols] (NULL: empty
 * cell). Nothing of cells is kept. */
void dlg_tbl_header_text(dlg_tbl *t, const char *const *cells);
/* Append a body row; cells[ncols] (NULL: empty cell). */
void dlg_tbl_row(dlg_tbl *t, const dlg_rich *const *cells);
/* Convenience: a row of plain strings. */
void dlg_tbl_row_text(dlg_tbl *t, const char *const *cells);
/* Draw the table across the frame; rows split across pages when needed. */
void dlg_lay_table(dlg_lay *l, const dlg_tbl *t);

/* ---- vector drawing ---- */

typedef struct dlg_canvas dlg_canvas;

/* A drawing area of the frame's width and the given height, placed as one
 * block. Coordinates inside are points from the area's top-left corner, y
 * downwards. End it with dlg_canvas_end, which places it and frees it. */
dlg_canvas *dlg_lay_canvas(dlg_lay *l, double height);
double dlg_canvas_width(const dlg_canvas *c);
void dlg_canvas_fill(dlg_canvas *c, double x, double y, double w, double h, uint32_t rgb);
void dlg_canvas_stroke(dlg_canvas *c, double x, double y, double w, double h, double lw);
void dlg_canvas_line(dlg_canvas *c, double x1, double y1, double x2, double y2, double lw);
/* Text with its baseline at y, aligned on x (DLG_LEFT: starts at x,
 * DLG_CENTER: centred on x, DLG_RIGHT: ends at x). */
void dlg_canvas_text(dlg_canvas *c, double x, double y, int style, double size, int align,
                     const char *s);
/* An image (not copied: it must live until the PDF is written) in the
 * rectangle of top-left corner (x, y), w x h points; it may reach outside
 * the area (a seal over the lines around a signature). */
void dlg_canvas_image(dlg_canvas *c, const dlg_image *img, double x, double y, double w, double h);
/* An empty signature field named name over the rectangle of top-left corner
 * (x, y), w x h points (dlg_pdf_sig_field). */
void dlg_canvas_sig_field(dlg_canvas *c, const char *name, double x, double y, double w, double h);
/* Width of s in points. */
double dlg_canvas_measure(dlg_canvas *c, int style, double size, const char *s);
void dlg_canvas_end(dlg_canvas *c);

/* ---- the line breaker, exposed for tests ---- */

/* Break r into lines no wider than width (first line narrower by
 * first_indent) at size pt. Stores the number of lines in *nlines and, when
 * widths is not NULL, a malloc'd array of each line's natural width (the
 * caller frees it). Returns false when a word had to be cut. */
bool dlg_rich_measure_lines(dlg_fonts *fs, const dlg_rich *r, double size, double width,
                            double first_indent, size_t *nlines, double **widths);

#endif
