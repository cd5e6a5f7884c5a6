/* PDF writer. Everything is kept in memory until dlg_pdf_write: page
 * contents (compressed when the page ends) and, per font style, the glyphs
 * used so far, numbered as CIDs in the order of first use. */
#include "doc/pdf.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "base/atomic.h"
#include "base/diag.h"
#include "base/hashmap.h"
#include "base/text.h"
#include "base/sbuf.h"

/* The glyphs of one face used so far. A CID is a glyph shown for one code
 * point: a glyph standing for several code points (a replacement glyph) has a
 * CID for each, so that the text layer gives back each code point. */
struct used_font {
	bool used;
	int num_glyphs;
	uint16_t *cid_of; /* per glyph: its first CID, 0 when not used yet */
	uint16_t *gid;    /* per CID: the glyph */
	uint32_t *uni;    /* per CID: the code point it shows */
	uint16_t *next;   /* per CID: the next CID of the same glyph, 0 for none */
	int *adv;         /* per CID: advance in 1/1000 em */
	size_t n, cap;    /* CIDs in use (CID 0 is .notdef) */
};

struct page {
	double w, h;
	unsigned char *content; /* deflated */
	size_t len;
};

struct sig_field {
	char *name;
	size_t page; /* index into pages */
	double rect[4];
};

struct dlg_pdf {
	dlg_fonts *fs;
	struct used_font *font; /* per face of fs */
	int nfont;
	const dlg_image **images; /* drawn so far; /Im<index> */
	size_t nimages;
	struct sig_field *fields;
	size_t nfields;
	struct page *pages;
	size_t npages, cap;
	bool in_page;
	double page_w, page_h;
	dlg_sbuf cs; /* content of the current page */
	char *title;
	char *symbol; /* the first document's number and symbol, or NULL */
	dlg_day date;
};

dlg_pdf *dlg_pdf_new(dlg_fonts *fs)
{
	dlg_pdf *p = dlg_xcalloc(1, sizeof *p);
	p->fs = fs;
	return p;
}

void dlg_pdf_free(dlg_pdf *p)
{
	if (!p)
		return;
	for (int i = 0; i < p->nfont; i++) {
		free(p->font[i].cid_of);
		free(p->font[i].gid);
		free(p->font[i].uni);
		free(p->font[i].next);
		free(p->font[i].adv);
	}
	free(p->font);
	for (size_t i = 0; i < p->npages; i++)
		free(p->pages[i].content);
	free(p->pages);
	free(p->images);
	for (size_t i = 0; i < p->nfields; i++)
		free(p->fields[i].name);
	free(p->fields);
	dlg_sbuf_free(&p->cs);
	free(p->title);
	free(p->symbol);
	free(p);
}

void dlg_pdf_set_info(dlg_pdf *p, const char *title, dlg_day date)
{
	free(p->title);
	p->title = title ? dlg_xstrdup(title) : NULL;
	p->date = date;
}

void dlg_pdf_set_symbol(dlg_pdf *p, const char *symbol)
{
	if (!p->symbol && symbol && strpbrk(symbol, "0123456789"))
		p->symbol = dlg_xstrdup(symbol);
}

void dlg_pdf_begin_page(dlg_pdf *p, double w, double h)
{
	if (p->in_page)
		dlg_pdf_end_page(p);
	p->in_page = true;
	p->page_w = w;
	p->page_h = h;
	dlg_sbuf_clear(&p->cs);
}

static unsigned char *deflate_buf(const void *in, size_t len, size_t *out_len)
{
	uLongf n = compressBound((uLong)len);
	unsigned char *out = dlg_xmalloc(n);
	if (compress2(out, &n, in, (uLong)len, 6) != Z_OK)
		dlg_out_of_memory() /* with compressBound room, only memory fails */;
	*out_len = n;
	return out;
}

void dlg_pdf_end_page(dlg_pdf *p)
{
	if (!p->in_page)
		return;
	if (p->npages == p->cap) {
		p->cap = p->cap ? 2 * p->cap : 8;
		p->pages = dlg_xreallocarray(p->pages, p->cap, sizeof *p->pages);
	}
	struct page *pg = &p->pages[p->npages++];
	pg->w = p->page_w;
	pg->h = p->page_h;
	pg->content = deflate_buf(p->cs.data ? p->cs.data : "", p->cs.len, &pg->len);
	p->in_page = false;
	dlg_sbuf_clear(&p->cs);
}

int dlg_pdf_page_count(const dlg_pdf *p)
{
	return (int)p->npages;
}

/* The glyphs used of face, set up on first use (the face is then in the
 * document's resources). */
static struct used_font *use_face(dlg_pdf *p, int face)
{
	if (face >= p->nfont) {
		int n = dlg_fonts_face_count(p->fs);
		p->font = dlg_xreallocarray(p->font, (size_t)n, sizeof *p->font);
		memset(p->font + p->nfont, 0, (size_t)(n - p->nfont) * sizeof *p->font);
		p->nfont = n;
	}
	struct used_font *u = &p->font[face];
	if (!u->used) {
		u->used = true;
		u->num_glyphs = dlg_ttf_get_info(dlg_fonts_face(p->fs, face))->num_glyphs;
		u->cid_of = dlg_xcalloc((size_t)u->num_glyphs, sizeof *u->cid_of);
		u->cap = 128;
		u->gid = dlg_xmalloc(u->cap * sizeof *u->gid);
		u->uni = dlg_xmalloc(u->cap * sizeof *u->uni);
		u->next = dlg_xmalloc(u->cap * sizeof *u->next);
		u->adv = dlg_xmalloc(u->cap * sizeof *u->adv);
		u->gid[0] = 0;
		u->uni[0] = 0;
		u->next[0] = 0;
		u->adv[0] = 0;
		u->n = 1;
	}
	return u;
}

/* The CID of glyph gid of face shown for code point cp (advance adv); 0 when
 * the CIDs of the face are used up. */
static uint16_t cid_for(dlg_pdf *p, int face, uint16_t gid, uint32_t cp, int adv)
{
	struct used_font *u = use_face(p, face);
	if (gid >= u->num_glyphs)
		gid = 0;
	uint16_t last = 0;
	for (uint16_t c = u->cid_of[gid]; c; c = u->next[c]) {
		if (u->uni[c] == cp)
			return c;
		last = c;
	}
	if (u->n > 0xFFFF)
		return 0;
	if (u->n == u->cap) {
		u->cap *= 2;
		u->gid = dlg_xreallocarray(u->gid, u->cap, sizeof *u->gid);
		u->uni = dlg_xreallocarray(u->uni, u->cap, sizeof *u->uni);
		u->next = dlg_xreallocarray(u->next, u->cap, sizeof *u->next);
		u->adv = dlg_xreallocarray(u->adv, u->cap, sizeof *u->adv);
	}
	uint16_t c = (uint16_t)u->n++;
	u->gid[c] = gid;
	u->uni[c] = cp;
	u->next[c] = 0;
	u->adv[c] = adv;
	if (last)
		u->next[last] = c;
	else
		u->cid_of[gid] = c;
	return c;
}

/* Select face at size in the content stream. */
static void set_font(dlg_sbuf *b, int face, double size)
{
	dlg_sbuf_printf(b, "/F%d ", face);
	dlg_sbuf_num(b, size);
	dlg_sbuf_adds(b, " Tf ");
}

void dlg_pdf_text(dlg_pdf *p, int style, double size, double x, double y, const char *s, size_t len,
                  double space_extra)
{
	static const char hex[] = "0123456789ABCDEF";
	dlg_sbuf *b = &p->cs;
	use_face(p, style);
	dlg_sbuf_adds(b, "BT ");
	set_font(b, style, size);
	dlg_sbuf_num(b, x);
	dlg_sbuf_addc(b, ' ');
	dlg_sbuf_num(b, y);
	dlg_sbuf_adds(b, " Td [<");
	long adj = lround(-space_extra * 1000.0 / size);
	int current = style;
	const char *end = s + len;
	while (s < end) {
		uint32_t cp = dlg_utf8_next(&s);
		if (cp < 32 || cp == 127)
			continue;
		int face, adv;
		uint16_t gid;
		dlg_fonts_glyph(p->fs, style, cp, &face, &gid, &adv);
		uint16_t cid = cid_for(p, face, gid, cp, adv);
		if (face != current) {
			/* a character from a fallback font: its own font, same line */
			dlg_sbuf_adds(b, ">] TJ ");
			set_font(b, face, size);
			dlg_sbuf_adds(b, "[<");
			current = face;
		}
		char h[4] = {hex[cid >> 12], hex[(cid >> 8) & 15], hex[(cid >> 4) & 15],
		             hex[cid & 15]};
		dlg_sbuf_add(b, h, 4);
		if (cp == ' ' && adj && s < end)
			dlg_sbuf_printf(b, "> %ld <", adj);
	}
	dlg_sbuf_adds(b, ">] TJ ET\n");
}

void dlg_pdf_fill_rect(dlg_pdf *p, double x, double y, double w, double h, uint32_t rgb)
{
	dlg_sbuf *b = &p->cs;
	if (rgb) {
		dlg_sbuf_adds(b, "q ");
		for (int sh = 16; sh >= 0; sh -= 8) {
			dlg_sbuf_num(b, (double)((rgb >> sh) & 255) / 255.0);
			dlg_sbuf_addc(b, ' ');
		}
		dlg_sbuf_adds(b, "rg ");
	}
	dlg_sbuf_num(b, x);
	dlg_sbuf_addc(b, ' ');
	dlg_sbuf_num(b, y);
	dlg_sbuf_addc(b, ' ');
	dlg_sbuf_num(b, w);
	dlg_sbuf_addc(b, ' ');
	dlg_sbuf_num(b, h);
	dlg_sbuf_adds(b, rgb ? " re f Q\n" : " re f\n");
}

void dlg_pdf_stroke_rect(dlg_pdf *p, double x, double y, double w, double h, double lw)
{
	dlg_sbuf *b = &p->cs;
	dlg_sbuf_num(b, lw);
	dlg_sbuf_adds(b, " w ");
	dlg_sbuf_num(b, x);
	dlg_sbuf_addc(b, ' ');
	dlg_sbuf_num(b, y);
	dlg_sbuf_addc(b, ' ');
	dlg_sbuf_num(b, w);
	dlg_sbuf_addc(b, ' ');
	dlg_sbuf_num(b, h);
	dlg_sbuf_adds(b, " re S\n");
}

void dlg_pdf_line(dlg_pdf *p, double x1, double y1, double x2, double y2, double lw, bool dotted)
{
	dlg_sbuf *b = &p->cs;
	if (dotted)
		dlg_sbuf_adds(b, "q 1 J [0 3] 0 d ");
	dlg_sbuf_num(b, lw);
	dlg_sbuf_adds(b, " w ");
	dlg_sbuf_num(b, x1);
	dlg_sbuf_addc(b, ' ');
	dlg_sbuf_num(b, y1);
	dlg_sbuf_adds(b, " m ");
	dlg_sbuf_num(b, x2);
	dlg_sbuf_addc(b, ' ');
	dlg_sbuf_num(b, y2);
	dlg_sbuf_adds(b, dotted ? " l S Q\n" : " l S\n");
}

void dlg_pdf_image(dlg_pdf *p, const dlg_image *img, double x, double y, double w, double h)
{
	size_t k = 0;
	while (k < p->nimages && p->images[k] != img)
		k++;
	if (k == p->nimages) {
		p->images = dlg_xreallocarray(p->images, p->nimages + 1, sizeof *p->images);
		p->images[p->nimages++] = img;
	}
	dlg_sbuf *b = &p->cs;
	dlg_sbuf_adds(b, "q ");
	dlg_sbuf_num(b, w);
	dlg_sbuf_adds(b, " 0 0 ");
	dlg_sbuf_num(b, h);
	dlg_sbuf_addc(b, ' ');
	dlg_sbuf_num(b, x);
	dlg_sbuf_addc(b, ' ');
	dlg_sbuf_num(b, y);
	dlg_sbuf_printf(b, " cm /Im%zu Do Q\n", k);
}

void dlg_pdf_sig_field(dlg_pdf *p, const char *name, double x, double y, double w, double h)
{
	p->fields = dlg_xreallocarray(p->fields, p->nfields + 1, sizeof *p->fields);
	struct sig_field *f = &p->fields[p->nfields++];
	f->name = dlg_xstrdup(name);
	for (char *c = f->name; *c; c++) /* a PDF literal string needs no escapes then */
		if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
		      (*c >= '0' && *c <= '9') || *c == '-'))
			*c = '_';
	f->page = p->npages; /* the page being drawn ends as pages[npages] */
	f->rect[0] = x;
	f->rect[1] = y;
	f->rect[2] = x + w;
	f->rect[3] = y + h;
}

/* ---- writing ---- */

struct writer {
	dlg_sbuf out;
	long *offset; /* per object number */
	int nobj;
	bool failed; /* a font could not be embedded (reported) */
};

static void obj_begin(struct writer *w, int num)
{
	w->offset[num] = (long)w->out.len;
	dlg_sbuf_printf(&w->out, "%d 0 obj\n", num);
}

static void stream_obj(struct writer *w, int num, const char *dict_extra, const void *data,
                       size_t len)
{
	obj_begin(w, num);
	dlg_sbuf_printf(&w->out, "<< /Length %zu /Filter /FlateDecode%s >>\nstream\n", len,
	                dict_extra ? dict_extra : "");
	dlg_sbuf_add(&w->out, data, len);
	dlg_sbuf_adds(&w->out, "\nendstream\nendobj\n");
}

static void deflated_obj(struct writer *w, int num, const char *dict_extra, const void *data,
                         size_t len)
{
	size_t zlen;
	unsigned char *z = deflate_buf(data, len, &zlen);
	stream_obj(w, num, dict_extra, z, zlen);
	free(z);
}

static void utf16_hex(dlg_sbuf *b, uint32_t cp)
{
	if (cp >= 0x10000) {
		cp -= 0x10000;
		dlg_sbuf_printf(b, "%04X%04X", 0xD800 + (cp >> 10), 0xDC00 + (cp & 0x3FF));
	} else {
		dlg_sbuf_printf(b, "%04X", cp);
	}
}

static void pdf_text_string(dlg_sbuf *b, const char *s)
{
	dlg_sbuf_adds(b, "<FEFF");
	while (*s)
		utf16_hex(b, dlg_utf8_next(&s));
	dlg_sbuf_addc(b, '>');
}

/* The objects first..first+FONT_OBJS-1 of one face: Type0 font, CIDFont,
 * descriptor, font file, ToUnicode map, CIDToGIDMap. */
enum { FONT_OBJS = 6 };

static void write_font(struct writer *w, dlg_pdf *p, int face, int first)
{
	struct used_font *u = &p->font[face];
	const dlg_ttf *ttf = dlg_fonts_face(p->fs, face);
	const dlg_ttf_info *info = dlg_ttf_get_info(ttf);
	double k = 1000.0 / info->units_per_em;
	bool bold = face < DLG_NSTYLES ? face & DLG_BOLD : info->bold;
	bool italic = face < DLG_NSTYLES ? face & DLG_ITALIC : info->italic;
	uint64_t h = dlg_hash(DLG_HASH_SEED + (uint64_t)face, u->gid, u->n * sizeof *u->gid);
	char name[80];
	char tag[7];
	for (int i = 0; i < 6; i++) {
		tag[i] = (char)('A' + h % 26);
		h /= 26;
	}
	tag[6] = '\0';
	snprintf(name, sizeof name, "%s+%s", tag, info->ps_name);
	dlg_sbuf *o = &w->out;

	obj_begin(w, first);
	dlg_sbuf_printf(o,
	                "<< /Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H "
	                "/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>\nendobj\n",
	                name, first + 1, first + 4);

	obj_begin(w, first + 1);
	dlg_sbuf_printf(o,
	                "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /%s /CIDSystemInfo "
	                "<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
	                "/FontDescriptor %d 0 R /CIDToGIDMap %d 0 R /DW 1000 /W [1 [",
	                name, first + 2, first + 5);
	for (size_t i = 1; i < u->n; i++)
		dlg_sbuf_printf(o, i > 1 ? " %d" : "%d", u->adv[i]);
	dlg_sbuf_adds(o, "]] >>\nendobj\n");

	int flags = 32 | 2 | (info->fixed_pitch ? 1 : 0) | (italic ? 64 : 0);
	obj_begin(w, first + 2);
	dlg_sbuf_printf(o,
	                "<< /Type /FontDescriptor /FontName /%s /Flags %d /FontBBox [%ld %ld %ld "
	                "%ld] /ItalicAngle ",
	                name, flags, lround(info->bbox[0] * k), lround(info->bbox[1] * k),
	                lround(info->bbox[2] * k), lround(info->bbox[3] * k));
	dlg_sbuf_num(o, info->italic_angle);
	dlg_sbuf_printf(
	    o, " /Ascent %ld /Descent %ld /CapHeight %ld /StemV %d /FontFile2 %d 0 R >>\nendobj\n",
	    lround(info->ascent * k), lround(info->descent * k), lround(info->cap_height * k),
	    bold ? 140 : 80, first + 3);

	/* the subset renumbers the glyphs: CIDToGIDMap says which is which */
	dlg_sbuf sub = {0};
	uint16_t *new_gid = dlg_xmalloc(u->n * sizeof *new_gid);
	if (!dlg_ttf_subset(ttf, u->gid, u->n, &sub, new_gid))
		w->failed = true;
	char extra[40];
	snprintf(extra, sizeof extra, " /Length1 %zu", sub.len);
	deflated_obj(w, first + 3, extra, sub.data, sub.len);
	dlg_sbuf_free(&sub);
	dlg_sbuf map = {0};
	for (size_t i = 0; i < u->n; i++)
		dlg_sbuf_u16(&map, new_gid[i]);
	deflated_obj(w, first + 5, NULL, map.data, map.len);
	dlg_sbuf_free(&map);
	free(new_gid);

	dlg_sbuf cm = {0};
	dlg_sbuf_adds(&cm,
	              "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
	              "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
	              "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
	              "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	for (size_t i = 1; i < u->n; i += 100) {
		size_t m = u->n - i < 100 ? u->n - i : 100;
		dlg_sbuf_printf(&cm, "%zu beginbfchar\n", m);
		for (size_t j = i; j < i + m; j++) {
			dlg_sbuf_printf(&cm, "<%04zX> <", j);
			utf16_hex(&cm, u->uni[j]);
			dlg_sbuf_adds(&cm, ">\n");
		}
		dlg_sbuf_adds(&cm, "endbfchar\n");
	}
	dlg_sbuf_adds(&cm, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
	deflated_obj(w, first + 4, NULL, cm.data, cm.len);
	dlg_sbuf_free(&cm);
}

bool dlg_pdf_write(dlg_pdf *p, FILE *f, const char *name)
{
	if (p->in_page)
		dlg_pdf_end_page(p);
	if (!p->npages) {
		dlg_pdf_begin_page(p, 595.28, 841.89);
		dlg_pdf_end_page(p);
	}
	int nfonts = 0;
	for (int i = 0; i < p->nfont; i++)
		nfonts += p->font[i].used;
	struct writer w = {0};
	int nimg_obj = 0;
	for (size_t i = 0; i < p->nimages; i++)
		nimg_obj += p->images[i]->alpha ? 2 : 1;
	/* after the pages: images (and their masks), signature fields, AcroForm */
	int first_image = 5 + FONT_OBJS * nfonts + 2 * (int)p->npages;
	int first_field = first_image + nimg_obj;
	int acroform = p->nfields ? first_field + (int)p->nfields : 0;
	w.nobj = first_field - 1 + (int)p->nfields + (p->nfields ? 1 : 0);
	w.offset = dlg_xcalloc((size_t)w.nobj + 1, sizeof *w.offset);
	dlg_sbuf *o = &w.out;
	dlg_sbuf_reserve(o, 65536);
	dlg_sbuf_adds(o, "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n");

	obj_begin(&w, 1);
	dlg_sbuf_adds(o, "<< /Type /Catalog /Pages 2 0 R /Lang (vi-VN)");
	if (acroform)
		dlg_sbuf_printf(o, " /AcroForm %d 0 R", acroform);
	dlg_sbuf_adds(o, " >>\nendobj\n");

	int first_page = 5 + FONT_OBJS * nfonts;
	obj_begin(&w, 2);
	dlg_sbuf_printf(o, "<< /Type /Pages /Count %zu /Kids [", p->npages);
	for (size_t i = 0; i < p->npages; i++)
		dlg_sbuf_printf(o, i ? " %d 0 R" : "%d 0 R", first_page + 2 * (int)i);
	dlg_sbuf_adds(o, "] >>\nendobj\n");

	obj_begin(&w, 3);
	int y, m, d;
	dlg_date_to_ymd(p->date, &y, &m, &d);
	dlg_sbuf_printf(o,
	                "<< /Producer (dlg) /CreationDate (D:%04d%02d%02d000000+07'00') "
	                "/ModDate (D:%04d%02d%02d000000+07'00')",
	                y, m, d, y, m, d);
	if (p->title && *p->title) {
		dlg_sbuf_adds(o, " /Title ");
		pdf_text_string(o, p->title);
	}
	if (p->symbol) {
		dlg_sbuf_adds(o, " /dlgSymbol ");
		pdf_text_string(o, p->symbol);
	}
	dlg_sbuf_adds(o, " >>\nendobj\n");

	obj_begin(&w, 4);
	dlg_sbuf_adds(o, p->nimages ? "<< /ProcSet [/PDF /Text /ImageC] /Font <<"
	                            : "<< /ProcSet [/PDF /Text] /Font <<");
	int at = 5;
	for (int i = 0; i < p->nfont; i++)
		if (p->font[i].used) {
			dlg_sbuf_printf(o, " /F%d %d 0 R", i, at);
			at += FONT_OBJS;
		}
	dlg_sbuf_adds(o, " >>");
	if (p->nimages) {
		dlg_sbuf_adds(o, " /XObject <<");
		for (size_t i = 0, num = (size_t)first_image; i < p->nimages; i++) {
			dlg_sbuf_printf(o, " /Im%zu %zu 0 R", i, num);
			num += p->images[i]->alpha ? 2 : 1;
		}
		dlg_sbuf_adds(o, " >>");
	}
	dlg_sbuf_adds(o, " >>\nendobj\n");

	at = 5;
	for (int i = 0; i < p->nfont; i++)
		if (p->font[i].used) {
			write_font(&w, p, i, at);
			at += FONT_OBJS;
		}

	for (size_t i = 0; i < p->npages; i++) {
		struct page *pg = &p->pages[i];
		int num = first_page + 2 * (int)i;
		obj_begin(&w, num);
		dlg_sbuf_adds(o, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ");
		dlg_sbuf_num(o, pg->w);
		dlg_sbuf_addc(o, ' ');
		dlg_sbuf_num(o, pg->h);
		dlg_sbuf_printf(o, "] /Resources 4 0 R /Contents %d 0 R", num + 1);
		bool annots = false;
		for (size_t k = 0; k < p->nfields; k++)
			if (p->fields[k].page == i) {
				dlg_sbuf_printf(o, annots ? " %d 0 R" : " /Annots [%d 0 R",
				                first_field + (int)k);
				annots = true;
			}
		dlg_sbuf_adds(o, annots ? "] >>\nendobj\n" : " >>\nendobj\n");
		stream_obj(&w, num + 1, NULL, pg->content, pg->len);
	}

	for (size_t i = 0, num = (size_t)first_image; i < p->nimages; i++) {
		const dlg_image *img = p->images[i];
		char extra[160];
		int n = snprintf(extra, sizeof extra,
		                 " /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace "
		                 "/DeviceRGB /BitsPerComponent 8",
		                 img->w, img->h);
		if (img->alpha)
			snprintf(extra + n, sizeof extra - (size_t)n, " /SMask %zu 0 R", num + 1);
		deflated_obj(&w, (int)num, extra, img->rgb, (size_t)img->w * (size_t)img->h * 3);
		if (img->alpha) {
			snprintf(extra, sizeof extra,
			         " /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace "
			         "/DeviceGray /BitsPerComponent 8",
			         img->w, img->h);
			deflated_obj(&w, (int)num + 1, extra, img->alpha,
			             (size_t)img->w * (size_t)img->h);
		}
		num += img->alpha ? 2 : 1;
	}

	for (size_t k = 0; k < p->nfields; k++) {
		const struct sig_field *fl = &p->fields[k];
		obj_begin(&w, first_field + (int)k);
		dlg_sbuf_printf(o,
		                "<< /Type /Annot /Subtype /Widget /FT /Sig /T (%s) /F 132 /Rect [",
		                fl->name);
		for (int j = 0; j < 4; j++) {
			if (j)
				dlg_sbuf_addc(o, ' ');
			dlg_sbuf_num(o, fl->rect[j]);
		}
		dlg_sbuf_printf(o, "] /P %d 0 R >>\nendobj\n", first_page + 2 * (int)fl->page);
	}
	if (acroform) {
		obj_begin(&w, acroform);
		dlg_sbuf_adds(o, "<< /Fields [");
		for (size_t k = 0; k < p->nfields; k++)
			dlg_sbuf_printf(o, k ? " %d 0 R" : "%d 0 R", first_field + (int)k);
		dlg_sbuf_adds(o, "] >>\nendobj\n");
	}

	long xref = (long)o->len;
	dlg_sbuf_printf(o, "xref\n0 %d\n0000000000 65535 f \n", w.nobj + 1);
	for (int i = 1; i <= w.nobj; i++)
		dlg_sbuf_printf(o, "%010ld 00000 n \n", w.offset[i]);
	uint64_t h1 = dlg_hash(DLG_HASH_SEED, o->data, o->len);
	uint64_t h2 = dlg_hash(~DLG_HASH_SEED, o->data, o->len);
	dlg_sbuf_printf(o,
	                "trailer\n<< /Size %d /Root 1 0 R /Info 3 0 R /ID [<%016llX%016llX> "
	                "<%016llX%016llX>] >>\nstartxref\n%ld\n%%%%EOF\n",
	                w.nobj + 1, (unsigned long long)h1, (unsigned long long)h2,
	                (unsigned long long)h1, (unsigned long long)h2, xref);
	if (w.failed) {
		dlg_warn(_("%s: not written: a font could not be embedded"), name);
		dlg_sbuf_free(o);
		free(w.offset);
		return false;
	}
	bool ok = fwrite(o->data, 1, o->len, f) == o->len && fflush(f) == 0;
	if (!ok)
		dlg_warn("%s: %s", name, strerror(errno));
	dlg_sbuf_free(o);
	free(w.offset);
	return ok;
}

bool dlg_pdf_save(dlg_pdf *p, const char *path)
{
	/* a temporary file renamed over path: a reader never sees half a PDF,
	 * and a full disk leaves the old file whole */
	dlg_atomic a;
	if (!dlg_atomic_begin(&a, path, DLG_MODE_PERSONAL))
		return false;
	if (!dlg_pdf_write(p, a.f, path)) {
		dlg_atomic_abort(&a);
		return false;
	}
	return dlg_atomic_commit(&a);
}
