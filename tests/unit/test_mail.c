/* MIME messages: encoders and the rendered message. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "base/diag.h"
#include "fmt/mail.h"

static void test_base64(void **state)
{
	(void)state;
	char *s = dlg_mail_base64("Man", 3);
	assert_string_equal(s, "TWFu\n");
	free(s);
	s = dlg_mail_base64("Ma", 2);
	assert_string_equal(s, "TWE=\n");
	free(s);
	s = dlg_mail_base64("M", 1);
	assert_string_equal(s, "TQ==\n");
	free(s);
	s = dlg_mail_base64("", 0);
	assert_string_equal(s, "");
	free(s);
	char big[200];
	memset(big, 'x', sizeof big);
	s = dlg_mail_base64(big, sizeof big);
	for (char *line = s, *nl; (nl = strchr(line, '\n')); line = nl + 1)
		assert_true(nl - line <= 76);
	free(s);
}

static void test_header_words(void **state)
{
	(void)state;
	char *s = dlg_mail_encode_header("Plain  ASCII\nsubject", 9);
	assert_string_equal(s, "Plain ASCII subject");
	free(s);
	s = dlg_mail_encode_header("Đất", 9);
	assert_string_equal(s, "=?UTF-8?B?xJDhuqV0?=");
	free(s);
	const char *long_vi = "Nhắc hạn trả lời đối thoại: 12 quá hạn, 3 sắp đến hạn (Chi nhánh "
	                      "Văn phòng Đăng ký đất đai Đan Phượng)";
	s = dlg_mail_encode_header(long_vi, 9);
	size_t col = 9;
	for (const char *p = s; *p; p++) {
		if (*p == '\n') {
			assert_true(col <= 78);
			assert_int_equal(p[1], ' ');
			col = 0;
		} else {
			col++;
		}
	}
	assert_true(col <= 78);
	free(s);
}

static void test_addresses(void **state)
{
	(void)state;
	assert_true(dlg_mail_addr_ok("kinhte_lienminh@hanoi.gov.vn"));
	assert_false(dlg_mail_addr_ok(""));
	assert_false(dlg_mail_addr_ok("no-at.example.vn"));
	assert_false(dlg_mail_addr_ok("a@b"));
	assert_false(dlg_mail_addr_ok("a b@c.vn"));
	assert_false(dlg_mail_addr_ok("a@c.vn\nBcc: x@y.vn"));
	assert_false(dlg_mail_addr_ok("đ@c.vn"));
	dlg_mail *m = dlg_mail_new();
	assert_false(dlg_mail_add_to(m, "x", "bad address"));
	assert_false(dlg_mail_add_header(m, "X-Bad", "line\nBcc: x@y.vn"));
	dlg_mail_free(m);
}

static void test_render(void **state)
{
	(void)state;
	dlg_mail *m = dlg_mail_new();
	assert_true(dlg_mail_set_from(m, "Văn phòng", "vp@lienminh.vn"));
	assert_true(dlg_mail_add_to(m, "Phòng Kinh tế", "kt@lienminh.vn"));
	dlg_mail_set_subject(m, "Nhắc hạn\nBcc: evil@example.com");
	dlg_mail_set_date(m, (time_t)20624 * 86400, 420); /* 2026-06-20 07:00 +0700 */
	dlg_mail_set_body(m, "Kính gửi: Phòng Kinh tế.\nFrom here on = equals\n.\n");
	dlg_mail_attach(m, "danh sách.csv", "text/csv; charset=UTF-8", "a,b\n1,2\n", 8);
	size_t len;
	char *s = dlg_mail_render(m, &len);
	assert_int_equal(strlen(s), len);
	assert_non_null(strstr(s, "Date: Sat, 20 Jun 2026 07:00:00 +0700\n"));
	assert_non_null(strstr(s, "<kt@lienminh.vn>"));
	assert_non_null(strstr(s, "Message-ID: <dlg.20260620070000."));
	assert_non_null(strstr(s, "@lienminh.vn>\n"));
	assert_null(strstr(s, "\nBcc:")); /* the line break was folded away */
	assert_non_null(strstr(s, "filename*=UTF-8''danh%20s%C3%A1ch.csv"));
	assert_non_null(strstr(s, "YSxiCjEsMgo="));              /* "a,b\n1,2\n" */
	assert_non_null(strstr(s, "=46rom here on =3D equals")); /* mbox-safe */
	assert_non_null(strstr(s, "\n=2E\n"));
	for (char *line = s, *nl; (nl = strchr(line, '\n')); line = nl + 1)
		assert_true(nl - line <= 998);
	free(s);
	dlg_mail_free(m);
}

int main(void)
{
	dlg_diag_init("test_mail");
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_base64),
	    cmocka_unit_test(test_header_words),
	    cmocka_unit_test(test_addresses),
	    cmocka_unit_test(test_render),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
