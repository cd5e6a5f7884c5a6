/* Unit tests for the line breaker of lib/doc/layout.c */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "doc/font.h"
#include "doc/layout.h"
#include "doc/nd30.h"
#include "doc/pdf.h"
#include "base/sbuf.h"

static dlg_fonts *fs;

static int setup(void **state)
{
	fs = dlg_fonts_new(NULL);
	return 0;
}

static int teardown(void **state)
{
	dlg_fonts_free(fs);
	return 0;
}

static size_t lines_of(const char *s, double width, double **w, bool *whole)
{
	dlg_rich *r = dlg_rich_new();
	dlg_rich_add(r, DLG_REGULAR, s);
	size_t n;
	*whole = dlg_rich_measure_lines(fs, r, 14, width, 0, &n, w);
	dlg_rich_free(r);
	return n;
}

static void fills_lines(void **state)
{
	double *w;
	bool whole;
	const char *s = "Thực hiện Kế hoạch tổ chức Hội nghị đối thoại với người dân, tổ chức và "
	                "doanh nghiệp về thủ tục hành chính năm 2026";
	double one = dlg_fonts_width(fs, DLG_REGULAR, 14, s, strlen(s));
	assert_int_equal(lines_of(s, one + 1, &w, &whole), 1);
	assert_true(whole);
	assert_true(w[0] <= one + 0.01 && w[0] >= one - 0.01);
	free(w);
	size_t n = lines_of(s, 150, &w, &whole);
	assert_true(n >= 4);
	double sum = 0;
	for (size_t i = 0; i < n; i++) {
		assert_true(w[i] <= 150.01);
		sum += w[i];
	}
	/* the spaces at the line ends are not counted */
	assert_true(sum < one);
	free(w);
}

static void cuts_long_words(void **state)
{
	char big[1001];
	memset(big, 'x', 1000);
	big[1000] = '\0';
	double *w;
	bool whole;
	size_t n = lines_of(big, 100, &w, &whole);
	assert_false(whole);
	double xw = dlg_fonts_width(fs, DLG_REGULAR, 14, "x", 1);
	assert_true(n >= (size_t)(1000 * xw / 100));
	for (size_t i = 0; i < n; i++)
		assert_true(w[i] <= 100.01);
	free(w);
	/* a character wider than the line still goes somewhere */
	n = lines_of("WWW", 1, &w, &whole);
	assert_int_equal(n, 3);
	free(w);
}

static void breaks_and_spaces(void **state)
{
	double *w, *w2;
	bool whole;
	assert_int_equal(lines_of("một\nhai\n\nba", 400, &w, &whole), 4);
	assert_true(w[2] == 0);
	free(w);
	lines_of("a     b", 400, &w, &whole);
	lines_of("a b", 400, &w2, &whole);
	assert_true(w[0] == w2[0]);
	free(w);
	free(w2);
	assert_int_equal(lines_of("", 400, &w, &whole), 0);
	free(w);
}

static void measures_nfc(void **state)
{
	double *a, *b;
	bool whole;
	lines_of("Nguye\xCC\x82\xCC\x83n", 400, &a, &whole); /* decomposed */
	lines_of("Nguyễn", 400, &b, &whole);
	assert_true(a[0] == b[0]);
	free(a);
	free(b);
}

static void mixed_styles(void **state)
{
	dlg_rich *r = dlg_rich_new();
	dlg_rich_add(r, DLG_REGULAR, "Kính ");
	dlg_rich_add(r, DLG_BOLD, "gửi");
	dlg_rich_add(r, DLG_ITALIC, "Ông");
	size_t n;
	double *w;
	assert_true(dlg_rich_measure_lines(fs, r, 14, 400, 0, &n, &w));
	assert_int_equal(n, 1);
	double want = dlg_fonts_width(fs, DLG_REGULAR, 14, "Kính ", 6) +
	              dlg_fonts_width(fs, DLG_BOLD, 14, "gửi", strlen("gửi")) +
	              dlg_fonts_width(fs, DLG_ITALIC, 14, "Ông", strlen("Ông"));
	assert_true(w[0] > want - 0.01 && w[0] < want + 0.01);
	free(w);
	/* "gửiÔng" is one word: it moves to the next line whole */
	double first = dlg_fonts_width(fs, DLG_REGULAR, 14, "Kính", 5);
	double word = want - dlg_fonts_width(fs, DLG_REGULAR, 14, "Kính ", 6);
	assert_true(
	    dlg_rich_measure_lines(fs, r, 14, (first > word ? first : word) + 2, 0, &n, &w));
	assert_int_equal(n, 2);
	free(w);
	dlg_rich_free(r);
}

/* A table whose header is taller than a page (8 narrow columns of long
 * text) is drawn once, split over pages, and its rows follow: the header is
 * not repeated on pages it would fill whole. Before, each new page got the
 * header again and no room for a row, without end (found by fuzz_template,
 * tests/fuzz/crashes/fuzz_template-timeout-1109826b...). */
static void tall_table_header(void **state)
{
	dlg_rich *head[8], *cell[8];
	dlg_sbuf long_text = {0};
	for (int k = 0; k < 400; k++)
		dlg_sbuf_adds(&long_text, "Thủ tục hành chính ");
	for (int c = 0; c < 8; c++) {
		head[c] = dlg_rich_new();
		dlg_rich_add(head[c], DLG_BOLD, long_text.data);
		cell[c] = dlg_rich_new();
		dlg_rich_add(cell[c], DLG_REGULAR, "một hai ba");
	}
	dlg_tbl *t = dlg_tbl_new(8, NULL, 12);
	dlg_tbl_header(t, (const dlg_rich *const *)head);
	for (int i = 0; i < 3; i++)
		dlg_tbl_row(t, (const dlg_rich *const *)cell);
	dlg_pdf *pdf = dlg_pdf_new(fs);
	dlg_geom g = dlg_geom_nd30();
	dlg_lay *l = dlg_lay_new(pdf, fs, &g);
	dlg_lay_table(l, t);
	int pages = dlg_lay_finish(l);
	assert_true(pages >= 2 && pages < 100);
	dlg_pdf_free(pdf);
	dlg_tbl_free(t);
	for (int c = 0; c < 8; c++) {
		dlg_rich_free(head[c]);
		dlg_rich_free(cell[c]);
	}
	dlg_sbuf_free(&long_text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(fills_lines),       cmocka_unit_test(cuts_long_words),
	    cmocka_unit_test(breaks_and_spaces), cmocka_unit_test(measures_nfc),
	    cmocka_unit_test(mixed_styles),      cmocka_unit_test(tall_table_header),
	};
	return cmocka_run_group_tests_name("layout", tests, setup, teardown);
}
