/* Unit tests for lib/base/text.c */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"

static void utf8_validation(void **state)
{
	size_t bad = 0;
	assert_true(dlg_utf8_valid("Nguyễn Văn An", strlen("Nguyễn Văn An"), NULL));
	assert_false(dlg_utf8_valid("ab\xC3", 3, &bad));
	assert_int_equal(bad, 2);
	assert_false(dlg_utf8_valid("\xC0\xAF", 2, NULL));     /* overlong */
	assert_false(dlg_utf8_valid("\xED\xA0\x80", 3, NULL)); /* surrogate */
	assert_false(dlg_utf8_valid("a\0b", 3, &bad));         /* NUL */
	assert_int_equal(bad, 1);
	assert_false(dlg_utf8_valid("\xF4\x90\x80\x80", 4, NULL)); /* > U+10FFFF */
	assert_true(dlg_utf8_valid("\xF0\x9F\x98\x80", 4, NULL));
}

static void nfc(void **state)
{
	/* "Nguyễn" decomposed: e + U+0302 + U+0303 */
	const char *nfd = "Nguye\xCC\x82\xCC\x83n";
	assert_false(dlg_text_is_nfc_fast(nfd, strlen(nfd)));
	size_t len;
	char *s = dlg_text_nfc(nfd, strlen(nfd), &len);
	assert_string_equal(s, "Nguyễn");
	assert_int_equal(len, strlen("Nguyễn"));
	free(s);
	assert_true(dlg_text_is_nfc_fast("Trần Thị Bình", strlen("Trần Thị Bình")));
	/* U+212B ANGSTROM SIGN is not NFC: it must not take the fast path. */
	assert_false(dlg_text_is_nfc_fast("\xE2\x84\xAB", 3));
	s = dlg_text_nfc("\xE2\x84\xAB", 3, NULL);
	assert_string_equal(s, "\xC3\x85");
	free(s);
}

/* A sequence cut short by the end of the buffer is never read past it
 * (tests/fuzz/crashes/fuzz_markdown-crash-883ce559...: an answer ending in
 * half a letter read one byte beyond the heap block). */
static void nfc_cut_short(void **state)
{
	static const char *const cut[] = {"\xC3", "\xE1", "\xE1\xBB", "a\xE1\xBB"};
	for (size_t k = 0; k < sizeof cut / sizeof *cut; k++) {
		size_t n = strlen(cut[k]);
		char *b = malloc(n); /* exactly n bytes, no NUL: ASan sees any overread */
		memcpy(b, cut[k], n);
		assert_false(dlg_text_is_nfc_fast(b, n));
		size_t len;
		char *s = dlg_text_nfc(b, n, &len);
		assert_int_equal(len, n); /* invalid: copied as it is */
		assert_memory_equal(s, cut[k], n);
		free(s);
		free(b);
	}
}

static void fold(void **state)
{
	char *f = dlg_text_fold("  SỔ ĐỎ, Đất đai!! ");
	assert_string_equal(f, "so do dat dai");
	free(f);
	f = dlg_text_fold("Nguye\xCC\x82\xCC\x83n  Văn\tAN");
	assert_string_equal(f, "nguyen van an");
	free(f);
	f = dlg_text_fold("Thôn/Tổ dân phố");
	assert_string_equal(f, "thon to dan pho");
	free(f);
	f = dlg_text_fold("");
	assert_string_equal(f, "");
	free(f);
	char long_word[3001];
	memset(long_word, 'A', 3000);
	long_word[3000] = '\0';
	f = dlg_text_fold(long_word);
	assert_int_equal(strlen(f), 3000);
	assert_true(f[0] == 'a' && f[2999] == 'a');
	free(f);
	static const char *const cases[][2] = {
	    {"½ ﬁle №5", "1 2 file no5"},
	    {"日本 の", "日本 の"},
	    {"Quyết định số 05/QĐ-UBND", "quyet dinh so 05 qd ubnd"},
	    {"e\xcc\x81t", "et"},
	    {"ỦY BAN NHÂN DÂN", "uy ban nhan dan"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		f = dlg_text_fold(cases[i][0]);
		assert_string_equal(f, cases[i][1]);
		free(f);
	}
}

static void squeeze(void **state)
{
	char s[] = "  a \t b\r\n\nc  ";
	assert_string_equal(dlg_text_squeeze(s), "a b c");
	char nb[] = "x\xC2\xA0y";
	assert_string_equal(dlg_text_squeeze(nb), "x y");
	assert_true(dlg_text_blank(" \t\n"));
	assert_false(dlg_text_blank(" a"));
	assert_int_equal(dlg_utf8_length("Đất"), 3);
}

static void iconv_cp1258(void **state)
{
	/* CP1258: "Vi" + 0xEA (ê) + 0xF2 (combining dot below) + "t" = "Việt" */
	const char cp[] = "Vi\xEA\xF2t";
	size_t len;
	char *u = dlg_text_iconv("CP1258", cp, strlen(cp), &len);
	assert_non_null(u);
	char *n = dlg_text_nfc(u, len, NULL);
	assert_string_equal(n, "Việt");
	free(u);
	free(n);
	assert_null(dlg_text_iconv("NO-SUCH-ENCODING", "a", 1, &len));
}

static void printable(void **state)
{
	/* Line breaks become spaces; ESC, BEL, RLO and a zero-width space go. */
	char *p = dlg_text_printable(
	    "L\xC3\xAA\nV\xC4\x83n\x1B[31m\x07 \xE2\x80\xAEx\xE2\x80\x8By\xE2\x80\xA8z");
	assert_string_equal(p, "L\xC3\xAA V\xC4\x83n[31m xy z");
	free(p);
	p = dlg_text_printable("Nguy\xE1\xBB\x85n V\xC4\x83n An");
	assert_string_equal(p, "Nguy\xE1\xBB\x85n V\xC4\x83n An");
	free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(utf8_validation),
	    cmocka_unit_test(nfc),
	    cmocka_unit_test(fold),
	    cmocka_unit_test(squeeze),
	    cmocka_unit_test(iconv_cp1258),
	    cmocka_unit_test(nfc_cut_short),
	    cmocka_unit_test(printable),
	};
	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
