/* Font lookup through fontconfig, fallback fonts and metric caches. */
#include "doc/font.h"

#include <fontconfig/fontconfig.h>
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "base/hashmap.h"
#include "base/text.h"

struct face {
	dlg_ttf *ttf; /* NULL: not usable (a fallback that failed to load) */
	char *path;
	unsigned index;
	int upem;
};

/* A looked-up code point: face << 32 | glyph << 16 | (uint16_t)advance. */
#define PACK(face, gid, adv)                                                                       \
	((uint64_t)(face) << 32 | (uint64_t)(gid) << 16 | (uint16_t)(int16_t)(adv))

struct dlg_fonts {
	char *family;
	bool fc; /* fontconfig was initialised */
	struct face *face;
	int nface, cap;
	/* per style and BMP code point: PACK(...) + 1, 0 when not looked up */
	uint64_t *bmp[DLG_NSTYLES];
	dlg_hashmap other; /* (style << 32 | cp) + 1 -> PACK(...) beyond the BMP */
};

static const char *style_name[DLG_NSTYLES] = {"regular", "bold", "italic", "bold italic"};

dlg_fonts *dlg_fonts_new(const char *family)
{
	dlg_fonts *fs = dlg_xcalloc(1, sizeof *fs);
	fs->family = dlg_xstrdup(family && *family ? family : "Times New Roman");
	fs->cap = DLG_NSTYLES + 4;
	fs->face = dlg_xcalloc((size_t)fs->cap, sizeof *fs->face);
	fs->nface = DLG_NSTYLES;
	dlg_hashmap_init(&fs->other);
	return fs;
}

void dlg_fonts_free(dlg_fonts *fs)
{
	if (!fs)
		return;
	for (int i = 0; i < fs->nface; i++) {
		dlg_ttf_free(fs->face[i].ttf);
		free(fs->face[i].path);
	}
	for (int i = 0; i < DLG_NSTYLES; i++)
		free(fs->bmp[i]);
	dlg_hashmap_free(&fs->other);
	free(fs->face);
	free(fs->family);
	if (fs->fc)
		FcFini();
	free(fs);
}

static bool fc_init(dlg_fonts *fs)
{
	if (!fs->fc && !FcInit())
		return false;
	fs->fc = true;
	return true;
}

/* A pattern for the family's style; the caller destroys it. */
static FcPattern *style_pattern(const char *family, int style)
{
	FcPattern *p = FcPatternCreate();
	if (family)
		FcPatternAddString(p, FC_FAMILY, (const FcChar8 *)family);
	FcPatternAddInteger(p, FC_WEIGHT, style & DLG_BOLD ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
	FcPatternAddInteger(p, FC_SLANT, style & DLG_ITALIC ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
	FcPatternAddBool(p, FC_OUTLINE, FcTrue);
	return p;
}

static char *lookup(dlg_fonts *fs, int style, unsigned *index)
{
	*index = 0;
	if (!fc_init(fs))
		return NULL;
	FcPattern *p = style_pattern(fs->family, style);
	FcConfigSubstitute(NULL, p, FcMatchPattern);
	FcDefaultSubstitute(p);
	FcResult r;
	FcPattern *m = FcFontMatch(NULL, p, &r);
	FcPatternDestroy(p);
	char *path = NULL;
	FcChar8 *file;
	int idx;
	if (m && FcPatternGetString(m, FC_FILE, 0, &file) == FcResultMatch) {
		path = dlg_xstrdup((const char *)file);
		if (FcPatternGetInteger(m, FC_INDEX, 0, &idx) == FcResultMatch && idx > 0)
			*index = (unsigned)idx & 0xFFFF;
	}
	if (m)
		FcPatternDestroy(m);
	return path;
}

/* Read style's font. false after a diagnostic naming the family, the style
 * and the file. */
static bool load_style(dlg_fonts *fs, int style)
{
	struct face *f = &fs->face[style];
	if (f->ttf)
		return true;
	if (!f->path)
		f->path = lookup(fs, style, &f->index);
	if (!f->path) {
		dlg_warn(_("no font found for \"%s\" (%s); install fonts-liberation2"), fs->family,
		         style_name[style]);
		return false;
	}
	f->ttf = dlg_ttf_load(f->path, f->index);
	/* a font whose character map gives no Latin letters, or whose letters
	 * have no outlines, cannot set a document: it is damaged */
	if (f->ttf && (!dlg_ttf_glyph(f->ttf, 'a') || !dlg_ttf_glyph(f->ttf, 'A') ||
	               !dlg_ttf_has_outline(f->ttf, dlg_ttf_glyph(f->ttf, 'A')) ||
	               !dlg_ttf_has_outline(f->ttf, dlg_ttf_glyph(f->ttf, 'a')))) {
		dlg_ttf_free(f->ttf);
		f->ttf = NULL;
	}
	if (!f->ttf) {
		dlg_warn(_("font \"%s\" (%s): %s is not a usable TrueType font; install "
		           "fonts-liberation2"),
		         fs->family, style_name[style], f->path);
		return false;
	}
	f->upem = dlg_ttf_get_info(f->ttf)->units_per_em;
	fs->bmp[style] = dlg_xcalloc(65536, sizeof *fs->bmp[style]);
	return true;
}

bool dlg_fonts_load(dlg_fonts *fs)
{
	for (int s = 0; s < DLG_NSTYLES; s++)
		if (!load_style(fs, s))
			return false;
	return true;
}

const dlg_ttf *dlg_fonts_get(dlg_fonts *fs, int style)
{
	if (!load_style(fs, style))
		abort(); /* dlg_fonts_load was not called first: see font.h */
	return fs->face[style].ttf;
}

int dlg_fonts_face_count(const dlg_fonts *fs)
{
	return fs->nface;
}

const dlg_ttf *dlg_fonts_face(dlg_fonts *fs, int face)
{
	if (face < DLG_NSTYLES)
		return dlg_fonts_get(fs, face);
	return fs->face[face].ttf;
}

/* The face of font file path (index), loaded on first use; -1 when it is not
 * a usable TrueType font. */
static int fallback_face(dlg_fonts *fs, const char *path, unsigned index)
{
	for (int i = DLG_NSTYLES; i < fs->nface; i++)
		if (fs->face[i].index == index && !strcmp(fs->face[i].path, path))
			return fs->face[i].ttf ? i : -1;
	if (fs->nface == fs->cap) {
		fs->cap *= 2;
		fs->face = dlg_xreallocarray(fs->face, (size_t)fs->cap, sizeof *fs->face);
	}
	struct face *f = &fs->face[fs->nface];
	memset(f, 0, sizeof *f);
	f->path = dlg_xstrdup(path);
	f->index = index;
	/* a fallback that cannot be read is passed over (after its message) */
	f->ttf = dlg_ttf_load(path, index);
	if (f->ttf)
		f->upem = dlg_ttf_get_info(f->ttf)->units_per_em;
	return f->ttf ? fs->nface++ : (fs->nface++, -1);
}

/* A fallback face with a glyph for cp in a font like style (fontconfig's
 * order), the glyph in *gid; -1 when no installed outline font has cp. */
static int find_fallback(dlg_fonts *fs, int style, uint32_t cp, uint16_t *gid)
{
	if (!fc_init(fs))
		return -1;
	FcPattern *p = style_pattern(fs->family, style);
	FcCharSet *want = FcCharSetCreate();
	FcCharSetAddChar(want, cp);
	FcPatternAddCharSet(p, FC_CHARSET, want);
	FcConfigSubstitute(NULL, p, FcMatchPattern);
	FcDefaultSubstitute(p);
	FcResult r;
	FcFontSet *set = FcFontSort(NULL, p, FcFalse, NULL, &r);
	FcPatternDestroy(p);
	FcCharSetDestroy(want);
	int found = -1;
	for (int i = 0; set && i < set->nfont && found < 0; i++) {
		FcPattern *m = set->fonts[i];
		FcCharSet *cs;
		FcChar8 *file, *format;
		FcBool color = FcFalse, outline = FcTrue;
		int idx = 0;
		if (FcPatternGetCharSet(m, FC_CHARSET, 0, &cs) != FcResultMatch ||
		    !FcCharSetHasChar(cs, cp) ||
		    FcPatternGetString(m, FC_FILE, 0, &file) != FcResultMatch)
			continue;
		/* an embedded FontFile2 is TrueType outlines; colour bitmaps
		 * (emoji fonts) would not show */
		if (FcPatternGetString(m, FC_FONTFORMAT, 0, &format) == FcResultMatch &&
		    strcmp((const char *)format, "TrueType"))
			continue;
		FcPatternGetBool(m, FC_COLOR, 0, &color);
		FcPatternGetBool(m, FC_OUTLINE, 0, &outline);
		if (color || !outline)
			continue;
		FcPatternGetInteger(m, FC_INDEX, 0, &idx);
		int face = fallback_face(fs, (const char *)file, (unsigned)idx & 0xFFFF);
		if (face < 0)
			continue;
		uint16_t g = dlg_ttf_glyph(fs->face[face].ttf, cp);
		if (g) {
			*gid = g;
			found = face;
		}
	}
	if (set)
		FcFontSetDestroy(set);
	return found;
}

static int advance(const struct face *f, uint16_t gid)
{
	return (int)((long)dlg_ttf_advance(f->ttf, gid) * 1000 / f->upem);
}

/* Face and glyph of cp in style without the caches; replace: when no font
 * has cp, U+FFFD or '?' instead. */
static uint64_t look_up(dlg_fonts *fs, int style, uint32_t cp, bool replace)
{
	uint16_t g = dlg_ttf_glyph(fs->face[style].ttf, cp);
	if (g)
		return PACK(style, g, advance(&fs->face[style], g));
	int face = find_fallback(fs, style, cp, &g);
	if (face >= 0)
		return PACK(face, g, advance(&fs->face[face], g));
	if (!replace)
		return PACK(style, 0, advance(&fs->face[style], 0));
	uint64_t r = look_up(fs, style, 0xFFFD, false);
	if ((r >> 16 & 0xFFFF) == 0)
		r = look_up(fs, style, '?', false);
	return r;
}

void dlg_fonts_glyph(dlg_fonts *fs, int style, uint32_t cp, int *face, uint16_t *gid, int *adv)
{
	dlg_fonts_get(fs, style);
	uint64_t v;
	if (cp < 65536) {
		uint64_t *slot = &fs->bmp[style][cp];
		if (!*slot)
			*slot = look_up(fs, style, cp, true) + 1;
		v = *slot - 1;
	} else {
		uint64_t key = ((uint64_t)style << 32 | cp) + 1;
		if (!dlg_hashmap_get(&fs->other, key, &v)) {
			v = look_up(fs, style, cp, true);
			dlg_hashmap_add(&fs->other, key, v, NULL);
		}
	}
	*face = (int)(v >> 32);
	*gid = (uint16_t)(v >> 16);
	*adv = (int16_t)(uint16_t)v;
}

void dlg_fonts_vmetrics(dlg_fonts *fs, int style, double *ascent, double *descent)
{
	const dlg_ttf_info *i = dlg_ttf_get_info(dlg_fonts_get(fs, style));
	*ascent = (double)i->ascent / i->units_per_em;
	*descent = -(double)i->descent / i->units_per_em;
}

double dlg_fonts_width(dlg_fonts *fs, int style, double pt, const char *s, size_t len)
{
	const char *end = s + len;
	long units = 0;
	while (s < end) {
		uint32_t cp = dlg_utf8_next(&s);
		int face;
		uint16_t g;
		int a;
		dlg_fonts_glyph(fs, style, cp, &face, &g, &a);
		units += a;
	}
	return (double)units * pt / 1000.0;
}
