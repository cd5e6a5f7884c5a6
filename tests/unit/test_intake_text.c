/* Unit tests for headers as people write them (lib/fmt/header.c) and phone
 * numbers as people type them (lib/fmt/contact.c, lib/base/privacy.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "base/privacy.h"
#include "fmt/contact.h"
#include "fmt/header.h"

static void check_fold(const char *header, const char *want)
{
	char *f = dlg_header_fold(header);
	assert_string_equal(f, want);
	free(f);
}

static void header_folding(void **state)
{
	check_fold("1. Về thủ tục hành chính (chất lượng nội dung, tổ chức công khai, sáng "
	           "kiến...)",
	           "ve thu tuc hanh chinh");
	check_fold("2. Về giải quyết thủ tục hành chính (cơ sở vật chất; thái độ giao tiếp, "
	           "hướng dẫn của công chức; ...):",
	           "ve giai quyet thu tuc hanh chinh");
	check_fold("Địa chỉ (ghi rõ số nhà, thôn (tổ dân phố, cụm dân cư), xã, tỉnh)", "dia chi");
	check_fold("Họ và tên :", "ho va ten");
	check_fold("Tên doanh nghiệp (nếu có)", "ten doanh nghiep");
	check_fold("II. Số ĐIỆN THOẠI", "so dien thoai");
	check_fold("a) Email", "email");
	check_fold("E-mail", "e mail");
	check_fold("Câu 3: Địa chỉ email", "dia chi email");
	check_fold("(nếu có)", "neu co"); /* all in brackets: kept */
	check_fold("1", "1");             /* numbering alone is the header */
}

static void check_field(const char *header, const char *want)
{
	const char *f = dlg_header_field(header);
	if (!want)
		assert_null(f);
	else
		assert_string_equal(f ? f : "(none)", want);
}

static void header_fields(void **state)
{
	check_field("1. Về thủ tục hành chính (chất lượng nội dung, tổ chức công khai, sáng "
	            "kiến...)",
	            "topic_procedure");
	check_field("2. Về giải quyết thủ tục hành chính (cơ sở vật chất; ...):", "topic_handling");
	check_field("Số điện thoại", "phone");
	check_field("Điện thoại liên hệ (di động)", "phone");
	check_field("Địa chỉ email", "email");
	check_field("Địa chỉ", "address");
	check_field("Tên doanh nghiệp (nếu có)", "organization");
	check_field("fullname", "name");
	check_field("Full name", "name");
	check_field("Họ và tên người đăng ký", "name");
	check_field("Dấu thời gian", "received");
	check_field("Timestamp", "received");
	check_field("Thôn/Tổ dân phố", "village");
	check_field("phone", "phone");
	check_field("topic_handling", "topic_handling");
	/* key words: the question sections inside a longer heading */
	check_field("Đăng ký tham gia Hội nghị: 1. Về thủ tục hành chính", "topic_procedure");
	/* every command's CSV knows the long-known wordings only */
	assert_string_equal(dlg_header_known("1. Họ và tên:"), "name");
	assert_null(dlg_header_known("Tên"));
	assert_string_equal(dlg_header_field("Tên"), "name");
	assert_null(dlg_header_known("Thời gian"));
	/* and what is no field */
	check_field("Bạn biết Hội nghị qua đâu?", NULL);
	check_field("Ý kiến khác", NULL);
	check_field("", NULL);
}

static void header_map(void **state)
{
	dlg_header_map *m = dlg_header_map_new();
	const char *field = NULL;
	assert_false(dlg_header_map_find(m, "Ý kiến của ông bà", &field));
	dlg_header_map_add(m, "Ý kiến của ông bà", "topic_procedure");
	dlg_header_map_add(m, "STT", "-");
	assert_true(dlg_header_map_find(m, "Ý KIẾN CỦA ÔNG BÀ", &field));
	assert_string_equal(field, "topic_procedure");
	assert_true(dlg_header_map_find(m, "stt", &field));
	assert_string_equal(field, "");
	dlg_header_map_add(m, "ý kiến của ông bà", "topic_handling"); /* replaces */
	assert_true(dlg_header_map_find(m, "Ý kiến của ông bà", &field));
	assert_string_equal(field, "topic_handling");
	dlg_header_map_free(m);
}

static void check_phone(const char *typed, const char *want)
{
	char out[16];
	bool ok = dlg_phone_normalize(typed, out, sizeof out);
	if (!want) {
		assert_false(ok);
		assert_string_equal(out, "");
	} else {
		assert_true(ok);
		assert_string_equal(out, want);
	}
}

static void phone_normalisation(void **state)
{
	check_phone("(+84) 912 668 224", "0912668224");
	check_phone("(0912) 345-678", "0912345678");
	check_phone("\xEF\xBC\x90\xEF\xBC\x99\xEF\xBC\x91\xEF\xBC\x92 \xEF\xBC\x93\xEF\xBC\x94"
	            "\xEF\xBC\x95 \xEF\xBC\x96\xEF\xBC\x97\xEF\xBC\x98",
	            "0912345678"); /* full-width digits */
	check_phone("\xEF\xBC\x8B"
	            "84 987 654 321",
	            "0987654321"); /* full-width plus */
	check_phone("+84 0912 345 678", "0912345678");
	check_phone("0912.345.678", "0912345678");
	check_phone("0912\xC2\xA0"
	            "345\xC2\xA0"
	            "678",
	            "0912345678"); /* no-break spaces */
	check_phone("024 3886 1234", "02438861234");
	check_phone("84912345678", "0912345678");
	check_phone("01692 345 678", "0392345678"); /* renumbered in 2018 */
	check_phone("0912 345 67", NULL);
	check_phone("0912-345-678 (nhà)", NULL); /* words are not a number */
	check_phone("+1 202 555 0100", NULL);
	check_phone("0912 +345 678", NULL); /* a plus only in front */
	check_phone("", NULL);
}

static void phone_masking(void **state)
{
	char buf[32];
	assert_string_equal(dlg_mask_phone("(+84) 912 668 224", buf, sizeof buf), "0912 *** 224");
	assert_string_equal(dlg_mask_phone("(0912) 345-678", buf, sizeof buf), "0912 *** 678");
	assert_string_equal(dlg_mask_phone("\xEF\xBC\x90\xEF\xBC\x99\xEF\xBC\x91\xEF\xBC\x92"
	                                   "\xEF\xBC\x93\xEF\xBC\x94\xEF\xBC\x95\xEF\xBC\x96"
	                                   "\xEF\xBC\x97\xEF\xBC\x98",
	                                   buf, sizeof buf),
	                    "0912 *** 678");
	assert_string_equal(dlg_mask_phone("+84 0912 345 678", buf, sizeof buf), "0912 *** 678");
	assert_string_equal(dlg_mask_phone("12345", buf, sizeof buf), "***");

	char *t = dlg_mask_contacts("Gọi (0912) 345-678, (+84) 912 668 224 hoặc "
	                            "\xEF\xBC\x90\xEF\xBC\x99\xEF\xBC\x91\xEF\xBC\x92 "
	                            "\xEF\xBC\x93\xEF\xBC\x94\xEF\xBC\x95 "
	                            "\xEF\xBC\x96\xEF\xBC\x97\xEF\xBC\x98; thư an.nv@gmail.com");
	assert_string_equal(t, "Gọi 0912 *** 678, 0912 *** 224 hoặc 0912 *** 678; thư "
	                       "***@gmail.com");
	free(t);
	/* a bracket the number opened closes with it; another one stays */
	t = dlg_mask_contacts("(+84 912 668 224) và (gọi 0987 654 321)");
	assert_string_equal(t, "0912 *** 224 và (gọi 0987 *** 321)");
	free(t);
	/* years and counts in brackets are no phone number */
	t = dlg_mask_contacts("giai đoạn 2020 - 2025 (12345 hồ sơ), ngày 05/6/2026");
	assert_string_equal(t, "giai đoạn 2020 - 2025 (12345 hồ sơ), ngày 05/6/2026");
	free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(header_folding), cmocka_unit_test(header_fields),
	    cmocka_unit_test(header_map),     cmocka_unit_test(phone_normalisation),
	    cmocka_unit_test(phone_masking),
	};
	return cmocka_run_group_tests_name("intake_text", tests, NULL, NULL);
}
