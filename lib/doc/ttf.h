/* TrueType fonts: the tables a PDF needs, glyph lookup and metrics, and
 * subsetting for embedding (FontFile2). Only glyf-outline fonts are read. */
#ifndef DLG_DOC_TTF_H
#define DLG_DOC_TTF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/sbuf.h"

typedef struct dlg_ttf dlg_ttf;

/* Read and check the font file at path. NULL after a diagnostic naming the
 * file when it cannot be read or is not a TrueType (glyf) font. */
dlg_ttf *dlg_ttf_load(const char *path);
void dlg_ttf_free(dlg_ttf *f);

/* Glyph index of a Unicode code point, 0 (.notdef) when the font lacks it. */
uint16_t dlg_ttf_glyph(const dlg_ttf *f, uint32_t cp);
/* Advance width of a glyph in font units. */
int dlg_ttf_advance(const dlg_ttf *f, uint16_t gid);

/* Font-wide values for the PDF font descriptor; units per em in units_per_em,
 * the rest in font units. ps_name is the PostScript name (owned by f). */
typedef struct {
	int units_per_em;
	int ascent, descent, cap_height;
	int bbox[4];
	double italic_angle;
	bool bold, italic, fixed_pitch;
	int num_glyphs;
	const char *ps_name;
} dlg_ttf_info;
const dlg_ttf_info *dlg_ttf_get_info(const dlg_ttf *f);

/* Build a font file holding glyphs[0..n) as new glyph ids 0..n-1
 * (glyphs[0] should be 0, .notdef), followed by the components of composite
 * glyphs, which are added as needed. Appends the font file to out. */
void dlg_ttf_subset(const dlg_ttf *f, const uint16_t *glyphs, size_t n, dlg_sbuf *out);

#endif
