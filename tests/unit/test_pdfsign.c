/* Unit tests for reading PDFs back (doc/pdfread), the document's symbol in
 * the Info dictionary (doc/pdf, doc/pdfsign) and PNG images (doc/image). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/diag.h"
#include "base/sbuf.h"
#include "doc/font.h"
#include "doc/image.h"
#include "doc/pdf.h"
#include "doc/pdfread.h"
#include "doc/pdfsign.h"

static dlg_po *parse(const char *s)
{
	return dlg_po_parse((const unsigned char *)s, strlen(s));
}

static char *write_back(const dlg_po *o)
{
	dlg_sbuf b = {0};
	dlg_po_write(&b, o);
	return dlg_sbuf_take(&b);
}

static void objects(void **state)
{
	(void)state;
	dlg_po *o = parse("<< /Type /Annot /Rect [1 2.5 -3 4] /T (si\\(g\\)n\\145r) /P 12 0 R "
	                  "/V null /B true /H <48 6 > /D << /K [/A 3 0 R] >> >>");
	assert_non_null(o);
	assert_int_equal(o->kind, DLG_PO_DICT);
	assert_true(dlg_po_is_name(dlg_po_get(o, "Type"), "Annot"));
	dlg_po *t = dlg_po_get(o, "T");
	assert_int_equal(t->kind, DLG_PO_STR);
	assert_string_equal(t->s, "si(g)ne"
	                          "r");
	dlg_po *p = dlg_po_get(o, "P");
	assert_int_equal(p->kind, DLG_PO_REF);
	assert_int_equal(p->num, 12);
	dlg_po *r = dlg_po_get(o, "Rect");
	assert_int_equal(r->n, 4);
	assert_true(dlg_po_num(r->kid[1]) == 2.5);
	assert_true(dlg_po_num(r->kid[2]) == -3);
	dlg_po *h = dlg_po_get(o, "H");
	assert_int_equal(h->len, 2);
	assert_int_equal((unsigned char)h->s[1], 0x60); /* odd digit count: trailing 0 */
	assert_true(dlg_po_get(o, "B")->b);
	dlg_po_set(o, "V", dlg_po_ref(7));
	char *w = write_back(o);
	assert_non_null(strstr(w, "/V 7 0 R"));
	assert_non_null(strstr(w, "/D << /K [/A 3 0 R] >>"));
	dlg_po *again = parse(w);
	assert_non_null(again);
	char *w2 = write_back(again);
	assert_string_equal(w, w2); /* written form reads back the same */
	free(w);
	free(w2);
	dlg_po_free(again);
	dlg_po_free(o);
}

static void bad_objects(void **state)
{
	(void)state;
	static const char *const bad[] = {
	    "", "<< /A >>", "<< /A 1", "[1 2", "(open", "<< 1 2 >>", "<4142", "stream", ">>",
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		assert_null(parse(bad[i]));
	/* nesting deeper than the limit is refused, not a stack overflow */
	dlg_sbuf b = {0};
	for (int i = 0; i < 100000; i++)
		dlg_sbuf_addc(&b, '[');
	assert_null(dlg_po_parse((const unsigned char *)b.data, b.len));
	dlg_sbuf_free(&b);
	/* a stream whose /Length runs past the end */
	assert_null(parse("<< /Length 99 >>\nstream\nabc\nendstream"));
	dlg_po *s = parse("<< /Length 3 >>\nstream\nabc\nendstream");
	assert_non_null(s);
	assert_int_equal(s->kind, DLG_PO_STREAM);
	assert_int_equal(s->len, 3);
	dlg_po_free(s);
}

/* A PDF made by dlg_pdf reads back: its catalog, its pages, its fields
 * and the symbol written into the Info dictionary. */
static void own_pdf(void **state)
{
	(void)state;
	dlg_fonts *fs = dlg_fonts_new(NULL);
	dlg_pdf *p = dlg_pdf_new(fs);
	dlg_pdf_set_symbol(p, "\u00a0\u00a0/UBND-VP"); /* a blank number: ignored */
	dlg_pdf_set_symbol(p, "1217/QĐ-UBND");
	dlg_pdf_set_symbol(p, "1218/UBND-VP"); /* only the first is kept */
	dlg_pdf_begin_page(p, 595.28, 841.89);
	dlg_pdf_text(p, DLG_REGULAR, 12, 72, 700, "Số: 1217", strlen("Số: 1217"), 0);
	dlg_pdf_sig_field(p, "office", 300, 100, 100, 100);
	dlg_pdf_end_page(p);
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_true(dlg_pdf_write(p, f, "mem"));
	fclose(f);
	dlg_pdf_free(p);
	dlg_fonts_free(fs);

	dlg_pdfdoc d;
	assert_true(dlg_pdfdoc_open(&d, (unsigned char *)buf, len, "mem"));
	dlg_po *root = dlg_po_get(d.trailer, "Root");
	assert_non_null(root);
	dlg_po *cat = dlg_pdfdoc_get(&d, root->num);
	assert_true(dlg_po_is_name(dlg_po_get(cat, "Type"), "Catalog"));
	dlg_po *af = dlg_pdfdoc_get(&d, dlg_po_get(cat, "AcroForm")->num);
	dlg_po *fields = dlg_po_get(af, "Fields");
	assert_int_equal(fields->n, 1);
	dlg_po *field = dlg_pdfdoc_get(&d, fields->kid[0]->num);
	assert_string_equal(dlg_po_get(field, "T")->s, "office");
	assert_true(dlg_po_is_name(dlg_po_get(field, "FT"), "Sig"));
	dlg_po_free(field);
	dlg_po_free(af);
	dlg_po_free(cat);
	assert_null(dlg_pdfdoc_get(&d, d.size)); /* past /Size */
	dlg_pdfdoc_free(&d);
	char *sym = dlg_pdf_read_symbol((unsigned char *)buf, len);
	assert_string_equal(sym, "1217/QĐ-UBND");
	free(sym);

	/* cut short, or with no cross-reference table: refused */
	assert_false(dlg_pdfdoc_open(&d, (unsigned char *)buf, len / 2, "half"));
	dlg_pdfdoc_free(&d);
	static const char xstream[] = "%PDF-1.5\n1 0 obj\n<< /Type /XRef >>\nendobj\n"
	                              "startxref\n9\n%%EOF\n";
	assert_false(dlg_pdfdoc_open(&d, (const unsigned char *)xstream, sizeof xstream - 1, "x"));
	dlg_pdfdoc_free(&d);
	free(buf);
}

/* A PDF of the given object bodies ("1 0 obj" ... "endobj" each), with a
 * cross-reference table; body NULL: an xref entry that points at "xx". */
static char *tiny_pdf(const char *const *body, int n, size_t *len)
{
	dlg_sbuf b = {0};
	dlg_sbuf_printf(&b, "%%PDF-1.4\n");
	size_t off[16];
	for (int i = 0; i < n; i++) {
		off[i] = b.len;
		if (body[i])
			dlg_sbuf_printf(&b, "%d 0 obj\n%s\nendobj\n", i + 1, body[i]);
		else
			dlg_sbuf_printf(&b, "xx\n");
	}
	size_t xref = b.len;
	dlg_sbuf_printf(&b, "xref\n0 %d\n0000000000 65535 f \n", n + 1);
	for (int i = 0; i < n; i++)
		dlg_sbuf_printf(&b, "%010zu 00000 n \n", off[i]);
	dlg_sbuf_printf(&b, "trailer\n<< /Size %d /Prev -nan >>\nstartxref\n%zu\n%%%%EOF\n", n + 1,
	                xref);
	*len = b.len;
	return dlg_sbuf_take(&b);
}

static void hostile_objects(void **state)
{
	(void)state;
	static const char *const body[] = {
	    "<< /Length 1 0 R >>\nstream\nabc\nendstream", /* its length is itself */
	    "<< /Length 3 0 R >>\nstream\nabc\nendstream", /* lengths of each other */
	    "<< /Length 2 0 R >>\nstream\nabc\nendstream",
	    "<< /Length -nan >>\nstream\nabc\nendstream", /* not a number */
	    NULL,                                         /* not an object */
	    "<< /Length 3 >>\nstream\nabc\nendstream",    /* a good one */
	};
	size_t len;
	char *buf = tiny_pdf(body, 6, &len);
	dlg_pdfdoc d;
	assert_true(dlg_pdfdoc_open(&d, (unsigned char *)buf, len, "hostile"));
	for (int num = 1; num <= 5; num++)
		assert_null(dlg_pdfdoc_get(&d, num));
	dlg_po *good = dlg_pdfdoc_get(&d, 6);
	assert_non_null(good);
	dlg_po_free(good);
	dlg_pdfdoc_free(&d);
	free(buf);
}

static void vn_time(void **state)
{
	(void)state;
	char iso[26];
	dlg_vn_iso8601(1785031200, iso); /* 2026-07-26 02:00:00 UTC */
	assert_string_equal(iso, "2026-07-26T09:00:00+07:00");
	dlg_vn_iso8601(1785085199, iso); /* 16:59:59 UTC: the next day in Vietnam */
	assert_string_equal(iso, "2026-07-26T23:59:59+07:00");
	dlg_vn_iso8601(1785085200, iso);
	assert_string_equal(iso, "2026-07-27T00:00:00+07:00");
}

/* A 3 x 2 PNG with a palette and a transparent colour, 300 dpi. */
static void png_palette(void **state)
{
	(void)state;
	char path[] = "/tmp/dlg-unit-XXXXXX.png";
	int fd = mkstemps(path, 4);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "wb");
	png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
	png_infop info = png_create_info_struct(png);
	png_init_io(png, f);
	png_set_IHDR(png, info, 3, 2, 8, PNG_COLOR_TYPE_PALETTE, PNG_INTERLACE_NONE,
	             PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
	png_color pal[2] = {{255, 0, 0}, {0, 0, 255}};
	png_set_PLTE(png, info, pal, 2);
	png_byte trans[1] = {0}; /* palette entry 0 fully transparent */
	png_set_tRNS(png, info, trans, 1, NULL);
	png_set_pHYs(png, info, 11811, 11811, PNG_RESOLUTION_METER); /* 300 dpi */
	png_write_info(png, info);
	png_byte r0[3] = {0, 1, 0}, r1[3] = {1, 1, 1};
	png_write_row(png, r0);
	png_write_row(png, r1);
	png_write_end(png, NULL);
	png_destroy_write_struct(&png, &info);
	fclose(f);

	dlg_image *img = dlg_image_load_png(path);
	assert_non_null(img);
	assert_int_equal(img->w, 3);
	assert_int_equal(img->h, 2);
	assert_non_null(img->alpha);
	assert_int_equal(img->alpha[0], 0);
	assert_int_equal(img->alpha[1], 255);
	assert_int_equal(img->rgb[3 * 1 + 2], 255); /* blue */
	double w, h;
	dlg_image_size_pt(img, 0, &w, &h);
	assert_true(w > 0.71 && w < 0.73); /* 3 px at 300 dpi = 0.72 pt */
	dlg_image_free(img);

	f = fopen(path, "wb");
	fputs("\x89PNG\r\n\x1a\ntruncated", f);
	fclose(f);
	assert_null(dlg_image_load_png(path));
	unlink(path);
	assert_null(dlg_image_load_png(path));
}

int main(void)
{
	dlg_diag_init("test_pdfsign");
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(objects), cmocka_unit_test(bad_objects),
	    cmocka_unit_test(own_pdf), cmocka_unit_test(hostile_objects),
	    cmocka_unit_test(vn_time), cmocka_unit_test(png_palette),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
