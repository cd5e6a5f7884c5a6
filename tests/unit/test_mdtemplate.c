/* Unit tests for lib/doc/template.c: front matter and placeholder filling. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fmt/conf.h"
#include "base/diag.h"
#include "doc/nd30.h"
#include "doc/template.h"

static const char *get(void *ctx, const char *name)
{
	if (!strcmp(name, "name"))
		return "Trần **Bình** {{name}} <b>#";
	if (!strcmp(name, "d"))
		return "2026-02-05";
	if (!strcmp(name, "empty"))
		return "";
	return NULL;
}

static const char *T = "---\n"
                       "type: GIẤY MỜI\n"
                       "number: \"{{n}}/GM-UBND\"\n"
                       "recipients:\n"
                       "  - Như trên;\n"
                       "  - Lưu: VT, VP.\n"
                       "---\n"
                       "Kính gửi **{{name}}**,\n"
                       "hẹn {{date:d}} tại {{office.place}}.\n";

static void front_matter(void **state)
{
	dlg_tmpl *t = dlg_tmpl_parse("t.md", T, strlen(T));
	assert_non_null(t);
	assert_string_equal(dlg_tmpl_meta(t, "type"), "GIẤY MỜI");
	assert_string_equal(dlg_tmpl_meta(t, "number"), "{{n}}/GM-UBND");
	assert_null(dlg_tmpl_meta(t, "recipients")); /* a list, not a value */
	assert_null(dlg_tmpl_meta(t, "nosuch"));
	dlg_tmpl_free(t);
	const char *bad = "---\nType GIẤY MỜI\n---\nx\n";
	assert_null(dlg_tmpl_parse("bad.md", bad, strlen(bad)));
	const char *open = "---\ntype: x\n";
	assert_null(dlg_tmpl_parse("open.md", open, strlen(open)));
	assert_null(dlg_tmpl_parse("utf.md", "a\xC3", 2));
}

static void filling(void **state)
{
	dlg_tmpl *t = dlg_tmpl_parse("t.md", T, strlen(T));
	dlg_conf *conf = dlg_conf_defaults();
	dlg_tmpl_data d = {.get = get, .conf = conf};
	char *s = dlg_tmpl_fill(t, "{{ name }} - {{date:d}} - {{office.place}}{{empty}}", 3, &d);
	/* values are printed as they are, never filled again; a key no dlg.conf
	 * set shows its placeholder, not another commune's name */
	assert_string_equal(s, "Trần **Bình** {{name}} <b># - ngày 05 tháng 02 năm 2026 - "
	                       "<<địa danh ghi ở dòng ngày tháng>>");
	free(s);
	s = dlg_tmpl_fill(t, "{{today}} {{date:today}}", 3, &d);
	assert_string_equal(s, "1970-01-01 ngày 01 tháng 01 năm 1970");
	free(s);
	s = dlg_tmpl_fill(t, "a {{ b", 3, &d);
	assert_string_equal(s, "a {{ b");
	free(s);
	assert_null(dlg_tmpl_fill(t, "{{nosuch}}", 3, &d));
	dlg_conf_free(conf);
	dlg_tmpl_free(t);
}

static void render(void **state)
{
	dlg_fonts *fs = dlg_fonts_new(NULL);
	dlg_conf *conf = dlg_conf_defaults();
	dlg_tmpl_data d = {.get = get, .conf = conf};
	dlg_geom g = dlg_geom_nd30();
	/* {{n}} in the front matter has no value */
	dlg_tmpl *t = dlg_tmpl_parse("t.md", T, strlen(T));
	dlg_pdf *pdf = dlg_pdf_new(fs);
	dlg_lay *l = dlg_lay_new(pdf, fs, &g);
	assert_false(dlg_tmpl_render(t, l, &d));
	dlg_lay_finish(l);
	dlg_tmpl_free(t);
	const char *ok =
	    "---\ntype: x\n---\n# Tiêu đề\n\n- một\n- hai\n\n> trích\n\n<b>html</b>\n\n"
	    "{{name}} {{dots}}\n\n```dots 2\n```\n\n```table nosuch\na|b\n{{a}}|{{b}}\n```\n";
	t = dlg_tmpl_parse("ok.md", ok, strlen(ok));
	assert_non_null(t);
	l = dlg_lay_new(pdf, fs, &g);
	assert_false(dlg_tmpl_render(t, l, &d)); /* no table "nosuch" */
	dlg_lay_finish(l);
	assert_true(dlg_pdf_page_count(pdf) >= 2);
	dlg_tmpl_free(t);
	dlg_pdf_free(pdf);
	dlg_conf_free(conf);
	dlg_fonts_free(fs);
}

/* Answer text that is not valid UTF-8 (cut in the middle of a letter, stray
 * bytes) is drawn without reading past it (found by fuzz_markdown). */
static void md_invalid_utf8(void **state)
{
	dlg_fonts *fs = dlg_fonts_new(NULL);
	dlg_geom g = dlg_geom_nd30();
	dlg_pdf *pdf = dlg_pdf_new(fs);
	dlg_lay *l = dlg_lay_new(pdf, fs, &g);
	static const char *const texts[] = {"Lỗi về thông tin \xE1\xBB", "**\xFF\xFE** x\xC3",
	                                    "- \xE1\n- b\x80"};
	for (size_t k = 0; k < sizeof texts / sizeof *texts; k++) {
		size_t n = strlen(texts[k]);
		char *b = malloc(n + 1);
		memcpy(b, texts[k], n + 1);
		dlg_md_draw(l, b, 0);
		free(b);
	}
	assert_int_equal(dlg_lay_finish(l), 1);
	FILE *f = fopen("/dev/null", "w");
	assert_true(dlg_pdf_write(pdf, f, "null"));
	fclose(f);
	dlg_pdf_free(pdf);
	dlg_fonts_free(fs);
}

/* An answer of 50 KB of ">" (50,000 nested quotes) or "*", or a list nested
 * 40 deep, is drawn in bounded stack, within the page (it was exit 139). */
static void md_deep(void **state)
{
	dlg_fonts *fs = dlg_fonts_new(NULL);
	dlg_geom g = dlg_geom_nd30();
	dlg_pdf *pdf = dlg_pdf_new(fs);
	dlg_lay *l = dlg_lay_new(pdf, fs, &g);
	size_t n = 50000;
	char *b = malloc(2 * n + 64);
	memset(b, '>', n);
	strcpy(b + n, " Trả lời sâu");
	dlg_md_draw(l, b, 0);
	memset(b, '*', n / 2);
	strcpy(b + n / 2, "nhấn mạnh");
	memset(b + n / 2 + strlen("nhấn mạnh"), '*', n / 2);
	b[n + strlen("nhấn mạnh")] = '\0';
	dlg_md_draw(l, b, 0);
	size_t at = 0;
	for (int i = 0; i < 40; i++) {
		for (int k = 0; k < 2 * i; k++)
			b[at++] = ' ';
		at += (size_t)sprintf(b + at, "- mức %d\n", i);
	}
	dlg_md_draw(l, b, 0);
	free(b);
	assert_true(dlg_lay_finish(l) >= 1);
	FILE *f = fopen("/dev/null", "w");
	assert_true(dlg_pdf_write(pdf, f, "null"));
	fclose(f);
	dlg_pdf_free(pdf);
	dlg_fonts_free(fs);
}

int main(void)
{
	dlg_diag_init("test_mdtemplate");
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(front_matter),    cmocka_unit_test(filling), cmocka_unit_test(render),
	    cmocka_unit_test(md_invalid_utf8), cmocka_unit_test(md_deep),
	};
	return cmocka_run_group_tests_name("mdtemplate", tests, NULL, NULL);
}
