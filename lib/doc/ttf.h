/* TrueType fonts read through HarfBuzz: glyph lookup, advances, the values a
 * PDF font descriptor needs, and subsetting for embedding (FontFile2, through
 * hb-subset). Only glyf-outline fonts are accepted. */
#ifndef DLG_DOC_TTF_H
#define DLG_DOC_TTF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/sbuf.h"

typedef struct dlg_ttf dlg_ttf;

/* Read face `index` (0 unless the file is a collection) of the font file at
 * path and check that it is a TrueType font with outlines. NULL after a
 * diagnostic naming the file when it cannot be read or is not one. */
dlg_ttf *dlg_ttf_load(const char *path, unsigned index);
/* The same from the font file's bytes data[0..len) (copied); name is used in
 * messages. */
dlg_ttf *dlg_ttf_load_data(const char *name, const void *data, size_t len, unsigned index);
void dlg_ttf_free(dlg_ttf *f);

/* Glyph index of a Unicode code point, 0 (.notdef) when the font lacks it. */
uint16_t dlg_ttf_glyph(const dlg_ttf *f, uint32_t cp);
/* Advance width of a glyph in font units. */
int dlg_ttf_advance(const dlg_ttf *f, uint16_t gid);
/* True when glyph gid has an outline with some width and height (a damaged
 * glyf or loca table leaves glyphs empty). */
bool dlg_ttf_has_outline(const dlg_ttf *f, uint16_t gid);

/* Font-wide values for the PDF font descriptor; units per em in units_per_em,
 * the rest in font units. ps_name is the PostScript name, made safe for a PDF
 * name (owned by f). */
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

/* Append to out a font file holding glyphs[0..n) (and the components of
 * composite glyphs) with the tables a PDF FontFile2 needs, and store in
 * new_gid[i] the glyph index glyphs[i] has in it. false after a diagnostic
 * when HarfBuzz cannot subset the font. */
bool dlg_ttf_subset(const dlg_ttf *f, const uint16_t *glyphs, size_t n, dlg_sbuf *out,
                    uint16_t *new_gid);

#endif
