/* TrueType fonts through HarfBuzz (glyph lookup, advances, metrics) and
 * hb-subset (the embedded subsets). HarfBuzz checks every table it reads, so
 * a damaged font gives missing glyphs or an error, never a read outside it. */
#include "doc/ttf.h"

#include <errno.h>
#include <hb-ot.h>
#include <hb-subset.h>
#include <hb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"

struct dlg_ttf {
	hb_face_t *face;
	hb_font_t *font;
	dlg_ttf_info info;
	char *ps_name;
};

/* The bytes of table tag (NULL when the font has none), its length in *len;
 * the blob is released by the caller. */
static const unsigned char *table(hb_face_t *face, hb_tag_t tag, hb_blob_t **blob, unsigned *len)
{
	*blob = hb_face_reference_table(face, tag);
	const char *data = hb_blob_get_data(*blob, len);
	return *len ? (const unsigned char *)data : NULL;
}

static int16_t s16(const unsigned char *p)
{
	return (int16_t)(uint16_t)(p[0] << 8 | p[1]);
}

/* The PostScript name with only the characters a PDF name may hold as they are. */
static char *ps_name(hb_face_t *face)
{
	char buf[64];
	unsigned size = sizeof buf;
	hb_ot_name_get_utf8(face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &size, buf);
	size_t k = 0;
	for (size_t i = 0; buf[i] && i < sizeof buf; i++) {
		unsigned char c = (unsigned char)buf[i];
		if (c > 32 && c < 127 && !strchr("[](){}<>/%#", c))
			buf[k++] = (char)c;
	}
	buf[k] = '\0';
	return dlg_xstrdup(k ? buf : "Font");
}

/* Check the tables a TrueType font needs and read the font-wide values;
 * false after a diagnostic naming the file. */
static bool read_info(dlg_ttf *f, const char *name)
{
	static const char *const need[] = {"head", "hhea", "maxp", "hmtx", "loca", "glyf"};
	for (size_t i = 0; i < sizeof need / sizeof need[0]; i++) {
		hb_blob_t *b;
		unsigned len;
		const char *t = need[i];
		table(f->face, HB_TAG(t[0], t[1], t[2], t[3]), &b, &len);
		hb_blob_destroy(b);
		if (!len) {
			dlg_warn(_("%s: not a TrueType font with outlines (no \"%s\" table)"), name,
			         t);
			return false;
		}
	}
	dlg_ttf_info *i = &f->info;
	i->units_per_em = (int)hb_face_get_upem(f->face);
	i->num_glyphs = (int)hb_face_get_glyph_count(f->face);
	hb_blob_t *hb;
	unsigned hlen;
	const unsigned char *head = table(f->face, HB_TAG('h', 'e', 'a', 'd'), &hb, &hlen);
	bool ok = head && hlen >= 54 && i->units_per_em >= 16 && i->units_per_em <= 16384 &&
	          i->num_glyphs > 1 && i->num_glyphs <= 65535;
	if (ok) {
		for (int k = 0; k < 4; k++)
			i->bbox[k] = s16(head + 36 + 2 * k);
		i->bold = head[45] & 1;
		i->italic = head[45] & 2;
	}
	hb_blob_destroy(hb);
	if (!ok) {
		dlg_warn(_("%s: the font's metrics are damaged"), name);
		return false;
	}
	hb_position_t v;
	i->ascent = hb_ot_metrics_get_position(f->font, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &v)
	                ? v
	                : i->units_per_em * 4 / 5;
	i->descent = hb_ot_metrics_get_position(f->font, HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &v)
	                 ? v
	                 : -i->units_per_em / 5;
	i->cap_height =
	    hb_ot_metrics_get_position(f->font, HB_OT_METRICS_TAG_CAP_HEIGHT, &v) && v > 0
	        ? v
	        : i->ascent;
	i->italic_angle = hb_style_get_value(f->font, HB_STYLE_TAG_SLANT_ANGLE);
	hb_blob_t *pb;
	unsigned plen;
	const unsigned char *post = table(f->face, HB_TAG('p', 'o', 's', 't'), &pb, &plen);
	i->fixed_pitch = post && plen >= 16 && (post[12] | post[13] | post[14] | post[15]);
	hb_blob_destroy(pb);
	f->ps_name = ps_name(f->face);
	i->ps_name = f->ps_name;
	return true;
}

static dlg_ttf *load_blob(const char *name, hb_blob_t *blob, unsigned index)
{
	if (hb_blob_get_length(blob) < 12 || index >= hb_face_count(blob)) {
		dlg_warn(_("%s: not a TrueType font"), name);
		hb_blob_destroy(blob);
		return NULL;
	}
	dlg_ttf *f = dlg_xcalloc(1, sizeof *f);
	f->face = hb_face_create(blob, index);
	hb_blob_destroy(blob);
	hb_face_make_immutable(f->face);
	f->font = hb_font_create(f->face);
	hb_font_make_immutable(f->font);
	if (!read_info(f, name)) {
		dlg_ttf_free(f);
		return NULL;
	}
	return f;
}

dlg_ttf *dlg_ttf_load_data(const char *name, const void *data, size_t len, unsigned index)
{
	if (len > 0x7fffffff) {
		dlg_warn(_("%s: not a TrueType font"), name);
		return NULL;
	}
	hb_blob_t *blob =
	    hb_blob_create((const char *)data, (unsigned)len, HB_MEMORY_MODE_DUPLICATE, NULL, NULL);
	return load_blob(name, blob, index);
}

dlg_ttf *dlg_ttf_load(const char *path, unsigned index)
{
	FILE *fp = fopen(path, "rb");
	if (!fp) {
		dlg_warn("%s: %s", path, strerror(errno));
		return NULL;
	}
	dlg_sbuf b = {0};
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0 && b.len < 0x7fffffff)
		dlg_sbuf_add(&b, chunk, n);
	bool rerr = ferror(fp);
	int err = errno;
	fclose(fp);
	if (rerr) {
		dlg_warn("%s: %s", path, strerror(err));
		dlg_sbuf_free(&b);
		return NULL;
	}
	if (b.len > 0x7fffffff) {
		dlg_warn(_("%s: not a TrueType font"), path);
		dlg_sbuf_free(&b);
		return NULL;
	}
	hb_blob_t *blob = hb_blob_create(b.data ? b.data : "", (unsigned)b.len,
	                                 HB_MEMORY_MODE_WRITABLE, b.data, free);
	return load_blob(path, blob, index);
}

void dlg_ttf_free(dlg_ttf *f)
{
	if (!f)
		return;
	hb_font_destroy(f->font);
	hb_face_destroy(f->face);
	free(f->ps_name);
	free(f);
}

uint16_t dlg_ttf_glyph(const dlg_ttf *f, uint32_t cp)
{
	hb_codepoint_t g;
	if (!hb_font_get_nominal_glyph(f->font, cp, &g) || g >= (hb_codepoint_t)f->info.num_glyphs)
		return 0;
	return (uint16_t)g;
}

int dlg_ttf_advance(const dlg_ttf *f, uint16_t gid)
{
	hb_position_t a = hb_font_get_glyph_h_advance(f->font, gid);
	return a < 0 ? 0 : a > 65535 ? 65535 : (int)a;
}

bool dlg_ttf_has_outline(const dlg_ttf *f, uint16_t gid)
{
	hb_glyph_extents_t e;
	return hb_font_get_glyph_extents(f->font, gid, &e) && e.width > 0 && e.height != 0;
}

const dlg_ttf_info *dlg_ttf_get_info(const dlg_ttf *f)
{
	return &f->info;
}

/* Tables of the embedded font file (PDF 32000-1 §9.9: a TrueType FontFile2
 * for a CIDFontType2 needs no cmap, names or layout tables). */
static bool kept_table(hb_tag_t t)
{
	static const hb_tag_t keep[] = {
	    HB_TAG('h', 'e', 'a', 'd'), HB_TAG('h', 'h', 'e', 'a'), HB_TAG('m', 'a', 'x', 'p'),
	    HB_TAG('h', 'm', 't', 'x'), HB_TAG('l', 'o', 'c', 'a'), HB_TAG('g', 'l', 'y', 'f'),
	    HB_TAG('c', 'v', 't', ' '), HB_TAG('f', 'p', 'g', 'm'), HB_TAG('p', 'r', 'e', 'p')};
	for (size_t i = 0; i < sizeof keep / sizeof keep[0]; i++)
		if (keep[i] == t)
			return true;
	return false;
}

bool dlg_ttf_subset(const dlg_ttf *f, const uint16_t *glyphs, size_t n, dlg_sbuf *out,
                    uint16_t *new_gid)
{
	hb_subset_input_t *in = hb_subset_input_create_or_fail();
	if (!in)
		dlg_out_of_memory();
	hb_set_t *gs = hb_subset_input_glyph_set(in);
	hb_set_add(gs, 0);
	for (size_t i = 0; i < n; i++)
		hb_set_add(gs, glyphs[i]);
	hb_set_t *drop = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
	hb_tag_t tags[32];
	unsigned start = 0, count;
	do {
		count = sizeof tags / sizeof tags[0];
		hb_face_get_table_tags(f->face, start, &count, tags);
		for (unsigned i = 0; i < count; i++)
			if (!kept_table(tags[i]))
				hb_set_add(drop, tags[i]);
		start += count;
	} while (count == sizeof tags / sizeof tags[0]);
	/* no layout tables are kept: no glyph closure over them either */
	hb_set_clear(hb_subset_input_set(in, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG));
	hb_set_clear(hb_subset_input_set(in, HB_SUBSET_SETS_LAYOUT_SCRIPT_TAG));
	hb_set_clear(hb_subset_input_set(in, HB_SUBSET_SETS_NAME_ID));
	hb_set_clear(hb_subset_input_set(in, HB_SUBSET_SETS_NAME_LANG_ID));
	hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NOTDEF_OUTLINE);
	hb_subset_plan_t *plan = hb_subset_plan_create_or_fail(f->face, in);
	hb_subset_input_destroy(in);
	hb_face_t *sub = plan ? hb_subset_plan_execute_or_fail(plan) : NULL;
	bool ok = sub != NULL;
	if (ok) {
		const hb_map_t *map = hb_subset_plan_old_to_new_glyph_mapping(plan);
		for (size_t i = 0; i < n; i++) {
			hb_codepoint_t g = hb_map_get(map, glyphs[i]);
			new_gid[i] = g == HB_MAP_VALUE_INVALID || g > 65535 ? 0 : (uint16_t)g;
		}
		hb_blob_t *blob = hb_face_reference_blob(sub);
		unsigned len;
		const char *data = hb_blob_get_data(blob, &len);
		ok = len > 0;
		dlg_sbuf_add(out, data, len);
		hb_blob_destroy(blob);
		hb_face_destroy(sub);
	}
	hb_subset_plan_destroy(plan);
	if (!ok)
		dlg_warn(_("font %s: HarfBuzz could not make the subset to embed"),
		         f->info.ps_name);
	return ok;
}
