/* MIME messages: encoders and the rendered message. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdbool.h>
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

/* Base64 of an encoded-word back to bytes, appended to out. */
static void unb64(const char *p, size_t n, char *out)
{
	static const char t[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	unsigned v = 0;
	int bits = 0;
	out += strlen(out);
	for (size_t i = 0; i < n && p[i] != '='; i++) {
		v = v << 6 | (unsigned)(strchr(t, p[i]) - t);
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			*out++ = (char)(v >> bits & 0xff);
		}
	}
	*out = '\0';
}

/* Long headers stay within RFC 5322 and RFC 2047: lines at most 78
 * characters, encoded-words at most 75, and the words decode back to the
 * names and subject whole. */
static void test_long_headers(void **state)
{
	(void)state;
	char vi[400] = "", ascii[300] = "", subj[600] = "";
	for (int i = 0; i < 6; i++)
		strcat(vi, "Nguyễn Thị Phương Thảo Hội đồng ");
	for (int i = 0; i < 12; i++)
		strcat(ascii, "Long Plain Name ");
	for (int i = 0; i < 10; i++)
		strcat(subj, "Nhắc hạn trả lời nội dung đối thoại ");
	vi[strlen(vi) - 1] = ascii[strlen(ascii) - 1] = subj[strlen(subj) - 1] = '\0';
	dlg_mail *m = dlg_mail_new();
	assert_true(dlg_mail_set_from(m, vi, "vp@lienminh.vn"));
	for (int i = 0; i < 20; i++) {
		char addr[64];
		snprintf(addr, sizeof addr, "phong.ban.so.%d.co.ten.dai@lienminh.hanoi.gov.vn", i);
		assert_true(dlg_mail_add_to(m, i % 2 ? vi : ascii, addr));
	}
	dlg_mail_set_subject(m, subj);
	dlg_mail_set_date(m, (time_t)20624 * 86400, 420);
	dlg_mail_set_body(m, "x\n");
	char *s = dlg_mail_render(m, NULL);
	char *end = strstr(s, "\nMIME-Version:");
	assert_non_null(end);
	for (char *line = s, *nl; (nl = strchr(line, '\n')) && line < end; line = nl + 1)
		assert_true(nl - line <= 78);
	/* every encoded-word at most 75; the subject's words decode to it */
	char got[2000] = "";
	bool in_subject = false;
	for (char *w = s; (w = strstr(w, "=?UTF-8?B?")); w += 2) {
		char *e = strstr(w + 10, "?=");
		assert_non_null(e);
		assert_true(e + 2 - w <= 75);
		char *line = w;
		while (line > s && line[-1] != '\n')
			line--;
		if (!strncmp(line, "Subject: ", 9))
			in_subject = true;
		else if (*line != ' ')
			in_subject = false;
		if (in_subject)
			unb64(w + 10, (size_t)(e - w - 10), got);
	}
	assert_string_equal(got, subj);
	free(s);
	dlg_mail_free(m);
	/* an ASCII subject folds at its spaces */
	s = dlg_mail_encode_header(ascii, 9);
	assert_non_null(strchr(s, '\n'));
	assert_null(strstr(s, "=?"));
	for (char *line = s, *nl; (nl = strchr(line, '\n')); line = nl + 1)
		assert_true(nl - line <= 78 - (line == s ? 9 : 0));
	free(s);
}

int main(void)
{
	dlg_diag_init("test_mail");
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_base64),       cmocka_unit_test(test_header_words),
	    cmocka_unit_test(test_addresses),    cmocka_unit_test(test_render),
	    cmocka_unit_test(test_long_headers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
