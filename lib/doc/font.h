/* The document font family: four styles found through fontconfig (Times New
 * Roman, which Debian maps to the metric-compatible Liberation Serif), with
 * cached metrics for measuring UTF-8 text. */
#ifndef DLG_DOC_FONT_H
#define DLG_DOC_FONT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "doc/ttf.h"

enum { DLG_REGULAR = 0, DLG_BOLD = 1, DLG_ITALIC = 2, DLG_BOLD_ITALIC = 3, DLG_NSTYLES = 4 };

typedef struct dlg_fonts dlg_fonts;

/* The family's four styles; family NULL means "Times New Roman". A font file
 * is read the first time its style is used. The set is shared by every
 * document of the process; free it with dlg_fonts_free. */
dlg_fonts *dlg_fonts_new(const char *family);
void dlg_fonts_free(dlg_fonts *fs);

/* The font of a style, read on first use. Exits with status 2 and a message
 * naming the family and style when fontconfig finds no TrueType file. */
const dlg_ttf *dlg_fonts_get(dlg_fonts *fs, int style);

/* Glyph and advance (in 1/1000 em) of a code point in a style; a code point
 * the font lacks maps to U+FFFD or '?' instead. */
void dlg_fonts_glyph(dlg_fonts *fs, int style, uint32_t cp, uint16_t *gid, int *adv);

/* The style's ascent (above the baseline) and descent (below it, positive)
 * as fractions of the em, from the font's hhea table. */
void dlg_fonts_vmetrics(dlg_fonts *fs, int style, double *ascent, double *descent);

/* Width in points of UTF-8 text s[0..len) at size pt. */
double dlg_fonts_width(dlg_fonts *fs, int style, double pt, const char *s, size_t len);

#endif
