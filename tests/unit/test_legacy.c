/* Unit tests for lib/base/legacy.c: the VNI decoder, encoding names and the
 * guess of an old Vietnamese encoding. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "base/legacy.h"
#include "base/text.h"

/* VNI bytes decoded and put in NFC. */
static void check_vni(const char *vni, const char *want)
{
	size_t len = strlen(vni);
	char *raw = malloc(4 * len + 1);
	size_t n = dlg_vni_decode(vni, len, raw);
	char *got = dlg_text_nfc(raw, n, NULL);
	assert_string_equal(got, want);
	free(got);
	free(raw);
}

static void vni_decoding(void **state)
{
	/* as VNI text looks when opened as Windows-1252: "Vieät Nam" */
	check_vni("Vie\xE4t Nam", "Việt Nam");
	check_vni("Ho\xE4i ngh\xF2 \xF1o\xE1i thoa\xEFi", "Hội nghị đối thoại");
	check_vni("Tr\xF6\xF4\xF8ng", "Trường");
	check_vni("thu\xFB tu\xEF"
	          "c ha\xF8nh ch\xEDnh",
	          "thủ tục hành chính");
	check_vni("gia\xFBi quye\xE1t", "giải quyết");
	check_vni("Na\xEBng, na\xE9ng, ca\xFAn, la\xFC", "Nặng, nắng, cẳn, lẵ");
	check_vni("k\xE6, k\xF3, \xEE", "kỉ, kĩ, ỵ"); /* ỵ is one byte, no y before */
	/* the upper-case fonts: marks at 0xC0..0xDF */
	check_vni("\xD1\xD6\xD4\xD8NG", "ĐƯỜNG");
	check_vni("VIE\xC4T NAM", "VIỆT NAM");
	check_vni("\xCDT, \xCC, \xC6, \xD3, \xD2, \xCE", "ÍT, Ì, Ỉ, Ĩ, Ị, Ỵ");
	/* Windows-1252 punctuation stays what it is */
	check_vni("\x93tr\xED\xF2"
	          "ch\x94 \x96 10\x80",
	          "“tríịch” – 10€");
}

static void names(void **state)
{
	assert_string_equal(dlg_legacy_iconv_name("tcvn3"), "TCVN5712-1");
	assert_string_equal(dlg_legacy_iconv_name("ABC"), "TCVN5712-1");
	assert_string_equal(dlg_legacy_iconv_name("cp1258"), "CP1258");
	assert_string_equal(dlg_legacy_iconv_name("Windows-1258"), "CP1258");
	assert_string_equal(dlg_legacy_iconv_name("latin1"), "latin1");
	assert_null(dlg_legacy_iconv_name("vni"));
	assert_true(dlg_legacy_is_vni("VNI-Win"));
	assert_false(dlg_legacy_is_vni("viscii"));
}

/* s (UTF-8) in encoding `to`, by iconv; malloc'd, its length in *len. */
static char *encode(const char *to, const char *s, size_t *len)
{
	iconv_t cd = iconv_open(to, "UTF-8");
	if (cd == (iconv_t)-1)
		return NULL;
	size_t inleft = strlen(s), cap = inleft * 2 + 16, outleft = cap;
	char *out = malloc(cap), *o = out, *in = (char *)s;
	size_t r = iconv(cd, &in, &inleft, &o, &outleft);
	iconv_close(cd);
	if (r == (size_t)-1) {
		free(out);
		return NULL;
	}
	*len = (size_t)(o - out);
	return out;
}

static void guessing(void **state)
{
	const char *text = "Họ và tên,Địa chỉ,Về thủ tục hành chính\n"
	                   "Nguyễn Thị Thanh Xuân,\"Thôn 5, xã Liên Minh\","
	                   "Xin hỏi thủ tục cải chính hộ tịch cần giấy tờ gì?\n";
	/* cp1258 and TCVN3 made by iconv from the UTF-8 text */
	size_t n;
	char *cp1258 = NULL, *tcvn3 = NULL;
	cp1258 = encode("CP1258", text, &n);
	assert_non_null(cp1258);
	assert_string_equal(dlg_legacy_guess(cp1258, n), "cp1258");
	tcvn3 = encode("TCVN5712-1", text, &n);
	assert_non_null(tcvn3);
	assert_string_equal(dlg_legacy_guess(tcvn3, n), "tcvn3");
	const char *vni = "Ho\xE4i ngh\xF2 \xF1o\xE1i thoa\xEFi ve\xE0 thu\xFB tu\xEF"
	                  "c ha\xF8nh "
	                  "ch\xEDnh, gia\xFBi quye\xE1t ho\xE0 s\xF6\xF4 \xF1u\xF9ng ha\xEFn\n";
	assert_string_equal(dlg_legacy_guess(vni, strlen(vni)), "vni");
	/* Russian in Windows-1251 is none of them */
	const char *russian = "\xCF\xF0\xE8\xE2\xE5\xF2, \xEC\xE8\xF0! \xC7\xE0\xFF\xE2\xEB\xE5"
	                      "\xED\xE8\xE5 \xEF\xF0\xE8\xED\xFF\xF2\xEE\n";
	assert_null(dlg_legacy_guess(russian, strlen(russian)));
	assert_string_equal(dlg_legacy_describe("tcvn3"), "TCVN3 (TCVN5712-1, ABC fonts)");
	free(cp1258);
	free(tcvn3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(vni_decoding),
	    cmocka_unit_test(names),
	    cmocka_unit_test(guessing),
	};
	return cmocka_run_group_tests_name("legacy", tests, NULL, NULL);
}
