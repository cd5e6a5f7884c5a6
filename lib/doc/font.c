/* Font lookup through fontconfig and metric caches. */
#include "doc/font.h"

#include <fontconfig/fontconfig.h>
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "base/text.h"

struct style_font {
	dlg_ttf *ttf;
	char *path;
	int upem;
	uint16_t *gid; /* per BMP code point: glyph + 1, 0 when not yet looked up */
	int16_t *adv;  /* per BMP code point: advance in 1/1000 em */
};

struct dlg_fonts {
	char *family;
	bool fc; /* fontconfig was initialised */
	struct style_font s[DLG_NSTYLES];
};

static const char *style_name[DLG_NSTYLES] = {"regular", "bold", "italic", "bold italic"};

dlg_fonts *dlg_fonts_new(const char *family)
{
	dlg_fonts *fs = calloc(1, sizeof *fs);
	if (!fs)
		dlg_die(DLG_EXIT_ERROR, _("out of memory"));
	fs->family = dlg_xstrdup(family && *family ? family : "Times New Roman");
	return fs;
}

void dlg_fonts_free(dlg_fonts *fs)
{
	if (!fs)
		return;
	for (int i = 0; i < DLG_NSTYLES; i++) {
		dlg_ttf_free(fs->s[i].ttf);
		free(fs->s[i].path);
		free(fs->s[i].gid);
		free(fs->s[i].adv);
	}
	free(fs->family);
	if (fs->fc)
		FcFini();
	free(fs);
}

static char *lookup(dlg_fonts *fs, int style)
{
	if (!fs->fc && !FcInit())
		return NULL;
	fs->fc = true;
	const char *family = fs->family;
	FcPattern *p = FcPatternCreate();
	FcPatternAddString(p, FC_FAMILY, (const FcChar8 *)family);
	FcPatternAddInteger(p, FC_WEIGHT, style & DLG_BOLD ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
	FcPatternAddInteger(p, FC_SLANT, style & DLG_ITALIC ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
	FcPatternAddBool(p, FC_OUTLINE, FcTrue);
	FcConfigSubstitute(NULL, p, FcMatchPattern);
	FcDefaultSubstitute(p);
	FcResult r;
	FcPattern *m = FcFontMatch(NULL, p, &r);
	FcPatternDestroy(p);
	char *path = NULL;
	FcChar8 *file;
	if (m && FcPatternGetString(m, FC_FILE, 0, &file) == FcResultMatch)
		path = dlg_xstrdup((const char *)file);
	if (m)
		FcPatternDestroy(m);
	return path;
}

const dlg_ttf *dlg_fonts_get(dlg_fonts *fs, int style)
{
	struct style_font *sf = &fs->s[style];
	if (sf->ttf)
		return sf->ttf;
	sf->path = lookup(fs, style);
	if (!sf->path)
		dlg_die(DLG_EXIT_ERROR,
		        _("no font found for \"%s\" (%s); install fonts-liberation2"), fs->family,
		        style_name[style]);
	sf->ttf = dlg_ttf_load(sf->path);
	if (!sf->ttf)
		dlg_die(DLG_EXIT_ERROR,
		        _("font \"%s\" (%s): %s is not a usable TrueType font; install "
		          "fonts-liberation2"),
		        fs->family, style_name[style], sf->path);
	sf->upem = dlg_ttf_get_info(sf->ttf)->units_per_em;
	sf->gid = calloc(65536, sizeof *sf->gid);
	sf->adv = calloc(65536, sizeof *sf->adv);
	if (!sf->gid || !sf->adv)
		dlg_die(DLG_EXIT_ERROR, _("out of memory"));
	return sf->ttf;
}

static void raw_glyph(struct style_font *sf, uint32_t cp, uint16_t *gid, int *adv)
{
	uint16_t g = dlg_ttf_glyph(sf->ttf, cp);
	if (!g && cp != 0xFFFD && cp != '?') {
		g = dlg_ttf_glyph(sf->ttf, 0xFFFD);
		if (!g)
			g = dlg_ttf_glyph(sf->ttf, '?');
	}
	*gid = g;
	*adv = (int)((long)dlg_ttf_advance(sf->ttf, g) * 1000 / sf->upem);
}

void dlg_fonts_glyph(dlg_fonts *fs, int style, uint32_t cp, uint16_t *gid, int *adv)
{
	dlg_fonts_get(fs, style);
	struct style_font *sf = &fs->s[style];
	if (cp >= 65536) {
		raw_glyph(sf, cp, gid, adv);
		return;
	}
	if (!sf->gid[cp]) {
		uint16_t g;
		int a;
		raw_glyph(sf, cp, &g, &a);
		sf->gid[cp] = (uint16_t)(g + 1);
		sf->adv[cp] = (int16_t)a;
	}
	*gid = (uint16_t)(sf->gid[cp] - 1);
	*adv = sf->adv[cp];
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
		uint16_t g;
		int a;
		dlg_fonts_glyph(fs, style, cp, &g, &a);
		units += a;
	}
	return (double)units * pt / 1000.0;
}
