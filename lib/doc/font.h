/* The document font family: four styles found through fontconfig (Times New
 * Roman, which Debian maps to the metric-compatible Liberation Serif), fallback
 * fonts for characters the family lacks (also through fontconfig), and cached
 * metrics for measuring UTF-8 text. */
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

/* Read the four styles' fonts. false after a diagnostic naming the family,
 * the style and the file when fontconfig finds no font or the file is not a
 * usable TrueType font. Call it before laying anything out (dlg_batch_run
 * does). */
bool dlg_fonts_load(dlg_fonts *fs);

/* The font of a style, read on first use. Its failure is reported only by
 * dlg_fonts_load: after a successful load this cannot fail; without one, a
 * missing font aborts the process after the diagnostic. */
const dlg_ttf *dlg_fonts_get(dlg_fonts *fs, int style);

/* Faces are the font files glyphs are drawn from: face s < DLG_NSTYLES is
 * style s, later faces are fallback fonts found for characters the family
 * lacks. The number of faces so far, and the font of one (loaded). */
int dlg_fonts_face_count(const dlg_fonts *fs);
const dlg_ttf *dlg_fonts_face(dlg_fonts *fs, int face);

/* How a code point is drawn in a style: the face, the glyph in it and the
 * advance in 1/1000 em. A code point the style's font lacks comes from a
 * fallback font that has it (fontconfig), else is drawn as U+FFFD (or '?'),
 * a visible replacement. */
void dlg_fonts_glyph(dlg_fonts *fs, int style, uint32_t cp, int *face, uint16_t *gid, int *adv);

/* The style's ascent (above the baseline) and descent (below it, positive)
 * as fractions of the em, from the font's hhea table. */
void dlg_fonts_vmetrics(dlg_fonts *fs, int style, double *ascent, double *descent);

/* Width in points of UTF-8 text s[0..len) at size pt. */
double dlg_fonts_width(dlg_fonts *fs, int style, double pt, const char *s, size_t len);

#endif
