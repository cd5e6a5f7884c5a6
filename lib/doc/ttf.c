/* TrueType reading and subsetting. Offsets are checked against the file
 * size once at load time; a glyph outside its table is treated as empty. */
#include "doc/ttf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"

struct table {
	uint32_t off, len;
};

struct dlg_ttf {
	unsigned char *data;
	size_t size;
	struct table head, hhea, maxp, hmtx, loca, glyf, os2, post, name, cvt, fpgm, prep;
	int num_hmetrics;
	bool long_loca;
	uint16_t *bmp;               /* glyph of each BMP code point */
	const unsigned char *groups; /* cmap format 12 groups, or NULL */
	uint32_t ngroups;
	dlg_ttf_info info;
	char *ps_name;
};

static uint16_t u16(const unsigned char *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static int16_t s16(const unsigned char *p)
{
	return (int16_t)u16(p);
}

static uint32_t u32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static bool in_file(const dlg_ttf *f, uint32_t off, uint32_t len)
{
	return off <= f->size && len <= f->size - off;
}

static bool find_table(dlg_ttf *f, const char *tag, struct table *t, bool required,
                       const char *path)
{
	uint16_t n = u16(f->data + 4);
	for (uint16_t i = 0; i < n; i++) {
		const unsigned char *e = f->data + 12 + 16 * (size_t)i;
		if ((size_t)(e - f->data) + 16 > f->size)
			break;
		if (!memcmp(e, tag, 4)) {
			t->off = u32(e + 8);
			t->len = u32(e + 12);
			if (!in_file(f, t->off, t->len)) {
				dlg_warn(_("%s: the font's \"%s\" table is damaged"), path, tag);
				return false;
			}
			return true;
		}
	}
	t->off = t->len = 0;
	if (required)
		dlg_warn(_("%s: not a TrueType font with outlines (no \"%s\" table)"), path, tag);
	return !required;
}

static bool read_cmap(dlg_ttf *f, const char *path)
{
	struct table cmap;
	if (!find_table(f, "cmap", &cmap, true, path))
		return false;
	const unsigned char *c = f->data + cmap.off;
	if (cmap.len < 4)
		return false;
	uint16_t n = u16(c + 2);
	const unsigned char *fmt4 = NULL, *fmt12 = NULL;
	for (uint16_t i = 0; i < n && 4 + 8 * (uint32_t)(i + 1) <= cmap.len; i++) {
		const unsigned char *e = c + 4 + 8 * i;
		uint16_t plat = u16(e), enc = u16(e + 2);
		uint32_t off = u32(e + 4);
		if (off + 8 > cmap.len)
			continue;
		const unsigned char *s = c + off;
		if (plat == 3 && enc == 10 && u16(s) == 12)
			fmt12 = s;
		else if ((plat == 3 && enc == 1) || plat == 0) {
			if (u16(s) == 4 && !fmt4)
				fmt4 = s;
			else if (u16(s) == 12 && !fmt12)
				fmt12 = s;
		}
	}
	f->bmp = calloc(65536, sizeof *f->bmp);
	if (!f->bmp)
		dlg_die(DLG_EXIT_ERROR, _("out of memory"));
	const unsigned char *end = c + cmap.len;
	if (fmt12) {
		uint32_t ng = u32(fmt12 + 12);
		if ((size_t)(end - (fmt12 + 16)) / 12 < ng)
			ng = (uint32_t)((size_t)(end - (fmt12 + 16)) / 12);
		f->groups = fmt12 + 16;
		f->ngroups = ng;
		for (uint32_t g = 0; g < ng; g++) {
			const unsigned char *e = f->groups + 12 * g;
			uint32_t a = u32(e), b = u32(e + 4), gid = u32(e + 8);
			for (uint32_t cp = a; cp <= b && cp < 65536; cp++)
				f->bmp[cp] = (uint16_t)(gid + (cp - a));
		}
		return true;
	}
	if (!fmt4) {
		dlg_warn(_("%s: the font has no Unicode character map"), path);
		return false;
	}
	uint16_t segx2 = u16(fmt4 + 6);
	const unsigned char *ends = fmt4 + 14, *starts = ends + segx2 + 2, *deltas = starts + segx2,
	                    *ranges = deltas + segx2;
	if (ranges + segx2 > end)
		return false;
	for (uint16_t s = 0; s < segx2 / 2; s++) {
		uint16_t e = u16(ends + 2 * s), st = u16(starts + 2 * s);
		int16_t delta = s16(deltas + 2 * s);
		uint16_t ro = u16(ranges + 2 * s);
		for (uint32_t cp = st; cp <= e && cp < 0xFFFF; cp++) {
			uint16_t gid;
			if (!ro) {
				gid = (uint16_t)(cp + (uint16_t)delta);
			} else {
				const unsigned char *p = ranges + 2 * s + ro + 2 * (cp - st);
				if (p + 2 > end)
					continue;
				gid = u16(p);
				if (gid)
					gid = (uint16_t)(gid + (uint16_t)delta);
			}
			f->bmp[cp] = gid;
		}
	}
	return true;
}

static char *read_ps_name(const dlg_ttf *f)
{
	char buf[64];
	size_t k = 0;
	if (f->name.len >= 6) {
		const unsigned char *n = f->data + f->name.off;
		uint16_t count = u16(n + 2), strings = u16(n + 4);
		for (uint16_t i = 0; i < count && 6 + 12 * (uint32_t)(i + 1) <= f->name.len; i++) {
			const unsigned char *r = n + 6 + 12 * i;
			uint16_t plat = u16(r), id = u16(r + 6), len = u16(r + 8),
			         off = u16(r + 10);
			if (id != 6 || (uint32_t)strings + off + len > f->name.len)
				continue;
			const unsigned char *s = n + strings + off;
			bool wide = plat == 0 || plat == 3;
			for (uint16_t j = wide ? 1 : 0; j < len && k < sizeof buf - 1;
			     j += wide ? 2 : 1)
				if (s[j] > 32 && s[j] < 127 && !strchr("[](){}<>/%#", s[j]))
					buf[k++] = (char)s[j];
			if (k)
				break;
		}
	}
	buf[k] = '\0';
	return dlg_xstrdup(k ? buf : "Font");
}

dlg_ttf *dlg_ttf_load(const char *path)
{
	FILE *fp = fopen(path, "rb");
	if (!fp) {
		dlg_warn("%s: %s", path, strerror(errno));
		return NULL;
	}
	dlg_ttf *f = calloc(1, sizeof *f);
	if (!f)
		dlg_die(DLG_EXIT_ERROR, _("out of memory"));
	dlg_sbuf b = {0};
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		dlg_sbuf_add(&b, chunk, n);
	bool rerr = ferror(fp);
	fclose(fp);
	f->data = (unsigned char *)b.data;
	f->size = b.len;
	if (rerr || f->size < 12 || (u32(f->data) != 0x00010000 && memcmp(f->data, "true", 4))) {
		dlg_warn(_("%s: not a TrueType font"), path);
		dlg_ttf_free(f);
		return NULL;
	}
	if (!find_table(f, "head", &f->head, true, path) ||
	    !find_table(f, "hhea", &f->hhea, true, path) ||
	    !find_table(f, "maxp", &f->maxp, true, path) ||
	    !find_table(f, "hmtx", &f->hmtx, true, path) ||
	    !find_table(f, "loca", &f->loca, true, path) ||
	    !find_table(f, "glyf", &f->glyf, true, path) ||
	    !find_table(f, "OS/2", &f->os2, false, path) ||
	    !find_table(f, "post", &f->post, false, path) ||
	    !find_table(f, "name", &f->name, false, path) ||
	    !find_table(f, "cvt ", &f->cvt, false, path) ||
	    !find_table(f, "fpgm", &f->fpgm, false, path) ||
	    !find_table(f, "prep", &f->prep, false, path) || f->head.len < 54 || f->hhea.len < 36 ||
	    f->maxp.len < 6 || !read_cmap(f, path)) {
		dlg_ttf_free(f);
		return NULL;
	}
	const unsigned char *h = f->data + f->head.off;
	dlg_ttf_info *i = &f->info;
	i->units_per_em = u16(h + 18);
	for (int k = 0; k < 4; k++)
		i->bbox[k] = s16(h + 36 + 2 * k);
	i->bold = u16(h + 44) & 1;
	i->italic = u16(h + 44) & 2;
	f->long_loca = s16(h + 50) == 1;
	const unsigned char *hh = f->data + f->hhea.off;
	i->ascent = s16(hh + 4);
	i->descent = s16(hh + 6);
	f->num_hmetrics = u16(hh + 34);
	i->num_glyphs = u16(f->data + f->maxp.off + 4);
	i->cap_height = i->ascent;
	if (f->os2.len >= 90 && u16(f->data + f->os2.off) >= 2)
		i->cap_height = s16(f->data + f->os2.off + 88);
	if (f->post.len >= 16) {
		const unsigned char *p = f->data + f->post.off;
		i->italic_angle = (double)(int32_t)u32(p + 4) / 65536.0;
		i->fixed_pitch = u32(p + 12) != 0;
	}
	if (i->units_per_em <= 0 || f->num_hmetrics == 0 ||
	    (uint32_t)f->num_hmetrics * 4 > f->hmtx.len ||
	    (uint32_t)(i->num_glyphs + 1) * (f->long_loca ? 4 : 2) > f->loca.len) {
		dlg_warn(_("%s: the font's metrics are damaged"), path);
		dlg_ttf_free(f);
		return NULL;
	}
	f->ps_name = read_ps_name(f);
	i->ps_name = f->ps_name;
	return f;
}

void dlg_ttf_free(dlg_ttf *f)
{
	if (!f)
		return;
	free(f->data);
	free(f->bmp);
	free(f->ps_name);
	free(f);
}

uint16_t dlg_ttf_glyph(const dlg_ttf *f, uint32_t cp)
{
	if (cp < 65536)
		return f->bmp[cp];
	for (uint32_t g = 0; g < f->ngroups; g++) {
		const unsigned char *e = f->groups + 12 * g;
		if (cp >= u32(e) && cp <= u32(e + 4))
			return (uint16_t)(u32(e + 8) + (cp - u32(e)));
	}
	return 0;
}

int dlg_ttf_advance(const dlg_ttf *f, uint16_t gid)
{
	if (gid >= f->num_hmetrics)
		gid = (uint16_t)(f->num_hmetrics - 1);
	return u16(f->data + f->hmtx.off + 4 * (size_t)gid);
}

const dlg_ttf_info *dlg_ttf_get_info(const dlg_ttf *f)
{
	return &f->info;
}

static int16_t lsb(const dlg_ttf *f, uint16_t gid)
{
	size_t off = gid < f->num_hmetrics
	                 ? 4 * (size_t)gid + 2
	                 : 4 * (size_t)f->num_hmetrics + 2 * (size_t)(gid - f->num_hmetrics);
	return off + 2 <= f->hmtx.len ? s16(f->data + f->hmtx.off + off) : 0;
}

/* The bytes of glyph gid inside glyf, or len 0. */
static const unsigned char *glyph_data(const dlg_ttf *f, uint16_t gid, uint32_t *len)
{
	*len = 0;
	if (gid >= f->info.num_glyphs)
		return NULL;
	const unsigned char *l = f->data + f->loca.off;
	uint32_t a, b;
	if (f->long_loca) {
		a = u32(l + 4 * (size_t)gid);
		b = u32(l + 4 * (size_t)gid + 4);
	} else {
		a = 2u * u16(l + 2 * (size_t)gid);
		b = 2u * u16(l + 2 * (size_t)gid + 2);
	}
	if (b <= a || b > f->glyf.len)
		return NULL;
	*len = b - a;
	return f->data + f->glyf.off + a;
}

enum {
	ARGS_ARE_WORDS = 0x1,
	HAVE_SCALE = 0x8,
	MORE_COMPONENTS = 0x20,
	HAVE_XY_SCALE = 0x40,
	HAVE_2X2 = 0x80
};

/* Call fn on the offset of each component glyph index of a composite glyph. */
static void each_component(const unsigned char *g, uint32_t len,
                           void (*fn)(const unsigned char *at, void *ctx), void *ctx)
{
	if (len < 10 || s16(g) >= 0)
		return;
	uint32_t p = 10;
	for (;;) {
		if (p + 4 > len)
			return;
		uint16_t flags = u16(g + p);
		fn(g + p + 2, ctx);
		p += 4 + ((flags & ARGS_ARE_WORDS) ? 4 : 2);
		if (flags & HAVE_SCALE)
			p += 2;
		else if (flags & HAVE_XY_SCALE)
			p += 4;
		else if (flags & HAVE_2X2)
			p += 8;
		if (!(flags & MORE_COMPONENTS))
			return;
	}
}

struct closure {
	const dlg_ttf *f;
	uint16_t *map; /* old gid -> new gid + 1, 0 when not in the subset */
	uint16_t *order;
	size_t n;
};

static void add_component(const unsigned char *at, void *ctx)
{
	struct closure *c = ctx;
	uint16_t gid = u16(at);
	if (gid < c->f->info.num_glyphs && !c->map[gid]) {
		c->order[c->n] = gid;
		c->map[gid] = (uint16_t)(++c->n);
	}
}

static void renumber_component(const unsigned char *at, void *ctx)
{
	const uint16_t *map = ctx;
	unsigned char *w = (unsigned char *)at;
	uint16_t gid = u16(at), to = map[gid] ? (uint16_t)(map[gid] - 1) : 0;
	w[0] = (unsigned char)(to >> 8);
	w[1] = (unsigned char)to;
}

static uint32_t checksum(const unsigned char *p, size_t len)
{
	uint32_t s = 0;
	for (size_t i = 0; i < len; i += 4) {
		unsigned char w[4] = {0};
		memcpy(w, p + i, len - i < 4 ? len - i : 4);
		s += u32(w);
	}
	return s;
}

void dlg_ttf_subset(const dlg_ttf *f, const uint16_t *glyphs, size_t n, dlg_sbuf *out)
{
	int ng = f->info.num_glyphs;
	struct closure c = {f, calloc((size_t)ng, sizeof(uint16_t)),
	                    dlg_xmalloc(((size_t)ng + n) * 2), 0};
	if (!c.map)
		dlg_die(DLG_EXIT_ERROR, _("out of memory"));
	for (size_t i = 0; i < n; i++) {
		uint16_t g = glyphs[i] < ng ? glyphs[i] : 0;
		c.order[c.n++] = g;
		if (!c.map[g])
			c.map[g] = (uint16_t)c.n;
	}
	for (size_t i = 0; i < c.n; i++) {
		uint32_t len;
		const unsigned char *g = glyph_data(f, c.order[i], &len);
		if (g)
			each_component(g, len, add_component, &c);
	}

	dlg_sbuf glyf = {0}, loca = {0}, hmtx = {0};
	for (size_t i = 0; i < c.n; i++) {
		uint32_t len;
		const unsigned char *g = glyph_data(f, c.order[i], &len);
		dlg_sbuf_u32(&loca, (uint32_t)glyf.len);
		if (g && (i == 0 || c.map[c.order[i]] == i + 1)) {
			size_t at = glyf.len;
			dlg_sbuf_add(&glyf, g, len);
			each_component((unsigned char *)glyf.data + at, len, renumber_component,
			               c.map);
			while (glyf.len % 4)
				dlg_sbuf_addc(&glyf, 0);
		}
		dlg_sbuf_u16(&hmtx, (uint16_t)dlg_ttf_advance(f, c.order[i]));
		dlg_sbuf_u16(&hmtx, (uint16_t)lsb(f, c.order[i]));
	}
	dlg_sbuf_u32(&loca, (uint32_t)glyf.len);

	unsigned char head[54], hhea[36], maxp[32];
	memcpy(head, f->data + f->head.off, 54);
	memset(head + 8, 0, 4);
	head[50] = 0;
	head[51] = 1;
	memcpy(hhea, f->data + f->hhea.off, 36);
	hhea[34] = (unsigned char)(c.n >> 8);
	hhea[35] = (unsigned char)c.n;
	size_t maxp_len = f->maxp.len < sizeof maxp ? f->maxp.len : sizeof maxp;
	memcpy(maxp, f->data + f->maxp.off, maxp_len);
	maxp[4] = (unsigned char)(c.n >> 8);
	maxp[5] = (unsigned char)c.n;

	struct {
		const char *tag;
		const unsigned char *p;
		size_t len;
	} t[] = {
	    {"cvt ", f->data + f->cvt.off, f->cvt.len},
	    {"fpgm", f->data + f->fpgm.off, f->fpgm.len},
	    {"glyf", (unsigned char *)glyf.data, glyf.len},
	    {"head", head, sizeof head},
	    {"hhea", hhea, sizeof hhea},
	    {"hmtx", (unsigned char *)hmtx.data, hmtx.len},
	    {"loca", (unsigned char *)loca.data, loca.len},
	    {"maxp", maxp, maxp_len},
	    {"prep", f->data + f->prep.off, f->prep.len},
	};
	size_t nt = 0, all = sizeof t / sizeof t[0];
	for (size_t i = 0; i < all; i++)
		if (t[i].len)
			nt++;
	uint16_t es = 0;
	while ((2u << es) <= nt)
		es++;
	size_t start = out->len;
	dlg_sbuf_u32(out, 0x00010000);
	dlg_sbuf_u16(out, (uint16_t)nt);
	dlg_sbuf_u16(out, (uint16_t)(16u << es));
	dlg_sbuf_u16(out, es);
	dlg_sbuf_u16(out, (uint16_t)(nt * 16 - (16u << es)));
	uint32_t off = (uint32_t)(12 + 16 * nt);
	for (size_t i = 0; i < all; i++) {
		if (!t[i].len)
			continue;
		dlg_sbuf_add(out, t[i].tag, 4);
		dlg_sbuf_u32(out, checksum(t[i].p, t[i].len));
		dlg_sbuf_u32(out, off);
		dlg_sbuf_u32(out, (uint32_t)t[i].len);
		off += (uint32_t)((t[i].len + 3) & ~(size_t)3);
	}
	size_t head_at = 0;
	for (size_t i = 0; i < all; i++) {
		if (!t[i].len)
			continue;
		if (t[i].p == head)
			head_at = out->len;
		dlg_sbuf_add(out, t[i].p, t[i].len);
		while ((out->len - start) % 4)
			dlg_sbuf_addc(out, 0);
	}
	uint32_t adj = 0xB1B0AFBAu - checksum((unsigned char *)out->data + start, out->len - start);
	unsigned char *a = (unsigned char *)out->data + head_at + 8;
	a[0] = (unsigned char)(adj >> 24);
	a[1] = (unsigned char)(adj >> 16);
	a[2] = (unsigned char)(adj >> 8);
	a[3] = (unsigned char)adj;
	dlg_sbuf_free(&glyf);
	dlg_sbuf_free(&loca);
	dlg_sbuf_free(&hmtx);
	free(c.map);
	free(c.order);
}
