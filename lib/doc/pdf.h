/* A small PDF writer: pages of text, lines and rectangles, with the fonts of a
 * dlg_fonts set embedded as subsets (Type0/CIDFontType2, Identity-H, with a
 * ToUnicode map so that text can be copied and searched). Coordinates are
 * PDF points from the bottom-left corner. Output depends only on what was
 * drawn and the date given: no clock, no random numbers. */
#ifndef DLG_DOC_PDF_H
#define DLG_DOC_PDF_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "base/date.h"
#include "doc/font.h"
#include "doc/image.h"

typedef struct dlg_pdf dlg_pdf;

/* A new, empty document drawing with the fonts of fs (not owned; it must
 * outlive the document). Free with dlg_pdf_free. */
dlg_pdf *dlg_pdf_new(dlg_fonts *fs);
void dlg_pdf_free(dlg_pdf *p);

/* Document title (UTF-8, copied) and creation date written in the Info
 * dictionary; the date is also the modification date. */
void dlg_pdf_set_info(dlg_pdf *p, const char *title, dlg_day date);

/* The number and symbol of the document ("1217/UBND-VP"), written in the
 * Info dictionary as /dlgSymbol so that dlg-sign can record the signing
 * time in the outgoing register. Only the first one given is kept (a
 * print-ready file of many documents keeps the first's); one without a
 * digit (a number left blank to write in by hand) is ignored. Copied. */
void dlg_pdf_set_symbol(dlg_pdf *p, const char *symbol);

/* Start a page of w x h points; drawing goes to it until dlg_pdf_end_page. */
void dlg_pdf_begin_page(dlg_pdf *p, double w, double h);
void dlg_pdf_end_page(dlg_pdf *p);
/* Pages finished so far. */
int dlg_pdf_page_count(const dlg_pdf *p);

/* Draw UTF-8 text s[0..len) with its baseline starting at (x, y); each space
 * is widened by space_extra points (justification). Control characters are
 * not drawn. */
void dlg_pdf_text(dlg_pdf *p, int style, double size, double x, double y, const char *s, size_t len,
                  double space_extra);
/* A filled rectangle in colour rgb (0xRRGGBB). */
void dlg_pdf_fill_rect(dlg_pdf *p, double x, double y, double w, double h, uint32_t rgb);
/* A stroked rectangle outline, black. */
void dlg_pdf_stroke_rect(dlg_pdf *p, double x, double y, double w, double h, double lw);
/* A black line of width lw; dotted draws round dots (for lines to write on). */
void dlg_pdf_line(dlg_pdf *p, double x1, double y1, double x2, double y2, double lw, bool dotted);

/* Draw img (not copied: it must live until the document is written) into
 * the rectangle of lower-left corner (x, y), w x h points; its alpha plane
 * becomes a soft mask (SMask), so a transparent PNG prints only its ink. */
void dlg_pdf_image(dlg_pdf *p, const dlg_image *img, double x, double y, double w, double h);

/* An empty signature field named name (ASCII letters, digits, '-' and '_';
 * copied) on the current page, with its widget over the rectangle of
 * lower-left corner (x, y), w x h points. dlg-sign fills it (PAdES). */
void dlg_pdf_sig_field(dlg_pdf *p, const char *name, double x, double y, double w, double h);

/* Write the document to f; name is used in messages. false after a
 * diagnostic when writing fails. The document stays usable for more pages. */
bool dlg_pdf_write(dlg_pdf *p, FILE *f, const char *name);
/* Write to path through a temporary file in the same folder renamed over it
 * (base/atomic.h). false after a diagnostic; path is then left as it was. */
bool dlg_pdf_save(dlg_pdf *p, const char *path);

#endif
