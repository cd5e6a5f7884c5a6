/* Unit tests for base/strmap, base/vocab, base/env and the allocation helpers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "base/env.h"
#include "base/sbuf.h"
#include "base/strmap.h"
#include "base/tally.h"
#include "base/vocab.h"

static void strmap_keys_and_values(void **state)
{
	(void)state;
	dlg_strmap m = {0};
	assert_int_equal(dlg_strmap_find(&m, "x", 1), -1);
	assert_false(dlg_strmap_get(&m, "x", 1, NULL));
	bool added;
	assert_int_equal(dlg_strmap_intern(&m, "R0001-1", 7, &added), 0);
	assert_true(added);
	assert_int_equal(dlg_strmap_intern(&m, "R0001-2", 7, &added), 1);
	assert_int_equal(dlg_strmap_intern(&m, "R0001-1", 7, &added), 0);
	assert_false(added);
	/* a key is its bytes: a prefix, an embedded NUL and "" are other keys */
	assert_int_equal(dlg_strmap_find(&m, "R0001", 5), -1);
	assert_int_equal(dlg_strmap_intern(&m, "a\0b", 3, NULL), 2);
	assert_int_equal(dlg_strmap_find(&m, "a", 1), -1);
	assert_int_equal(dlg_strmap_intern(&m, "", 0, NULL), 3);
	assert_int_equal(dlg_strmap_find(&m, "", 0), 3);
	/* the first value stays */
	assert_true(dlg_strmap_add(&m, "k", 1, 7));
	assert_false(dlg_strmap_add(&m, "k", 1, 9));
	uint64_t v = 0;
	assert_true(dlg_strmap_get(&m, "k", 1, &v));
	assert_int_equal(v, 7);
	*dlg_strmap_value(&m, (size_t)dlg_strmap_find(&m, "k", 1)) = 11;
	assert_true(dlg_strmap_get(&m, "k", 1, &v));
	assert_int_equal(v, 11);
	dlg_strmap_free(&m);
}

/* Many keys, some longer than a block: all found again, their copies never
 * move while others are added. */
static void strmap_many_keys(void **state)
{
	(void)state;
	dlg_strmap m = {0};
	enum { N = 100000 };
	const char *first = NULL;
	char buf[32];
	for (size_t i = 0; i < N; i++) {
		int n = snprintf(buf, sizeof buf, "item-%zu", i);
		assert_int_equal(dlg_strmap_intern(&m, buf, (size_t)n, NULL), i);
		if (!i)
			first = dlg_strmap_key(&m, 0);
	}
	size_t big = 70000;
	char *long_key = malloc(big);
	memset(long_key, 'x', big);
	assert_int_equal(dlg_strmap_intern(&m, long_key, big, NULL), N);
	assert_int_equal(dlg_strmap_len(&m, N), big);
	assert_memory_equal(dlg_strmap_key(&m, N), long_key, big);
	free(long_key);
	assert_ptr_equal(dlg_strmap_key(&m, 0), first);
	assert_string_equal(first, "item-0");
	for (size_t i = 0; i < N; i += 997) {
		int n = snprintf(buf, sizeof buf, "item-%zu", i);
		assert_int_equal(dlg_strmap_find(&m, buf, (size_t)n), (long)i);
		assert_string_equal(dlg_strmap_key(&m, i), buf);
	}
	assert_int_equal(dlg_strmap_size(&m), N + 1);
	dlg_strmap_free(&m);
}

static void tally_on_strmap(void **state)
{
	(void)state;
	dlg_tally *t = dlg_tally_new(2);
	dlg_tally_at(t, "KT", 2)[0] += 3;
	dlg_tally_at(t, "VP", 2)[1] += 1;
	dlg_tally_at(t, "KT", 2)[1] += 5;
	assert_int_equal(dlg_tally_size(t), 2);
	assert_string_equal(dlg_tally_key(t, 0), "KT");
	assert_int_equal(dlg_tally_counts(t, 0)[0], 3);
	assert_int_equal(dlg_tally_counts(t, 0)[1], 5);
	assert_int_equal(dlg_tally_find(t, "VP", 2), 1);
	assert_int_equal(dlg_tally_find(t, "TP", 2), -1);
	dlg_tally_set_label(t, 1, "Văn phòng");
	assert_string_equal(dlg_tally_label(t, 1), "Văn phòng");
	assert_null(dlg_tally_label(t, 0));
	dlg_tally_free(t);
}

static void vocabulary(void **state)
{
	(void)state;
	for (int c = 0; c < DLG_CH_N; c++)
		assert_int_equal(dlg_channel_parse(dlg_channel_code(c)), c);
	for (int s = 0; s < DLG_STATUS_N; s++)
		assert_int_equal(dlg_reg_status_parse(dlg_reg_status_code(s)), s);
	for (int a = 0; a < DLG_ACT_N; a++)
		assert_int_equal(dlg_action_parse(dlg_action_code(a)), a);
	for (int s = 0; s < DLG_SESSION_N; s++)
		assert_int_equal(dlg_session_status_parse(dlg_session_status_code(s)), s);
	assert_int_equal(dlg_reg_status_parse(""), DLG_STATUS_ACCEPTED);
	assert_int_equal(dlg_session_status_parse(""), DLG_SESSION_PLANNED);
	assert_int_equal(dlg_channel_parse(""), -1);
	assert_int_equal(dlg_action_parse("Answer"), -1); /* codes are exact */
	assert_int_equal(dlg_session_status_parse("canceled"), -1);
	assert_string_equal(dlg_channel_label(DLG_CH_EMAIL), "Thư điện tử");
	assert_string_equal(dlg_reg_status_label(DLG_STATUS_LATE), "Quá hạn đăng ký");
	assert_string_equal(dlg_channel_display(""), "(không rõ)");
	assert_string_equal(dlg_channel_display("fax"), "fax");
	assert_string_equal(dlg_reg_status_display(""), "Hợp lệ");
	assert_string_equal(dlg_channel_codes(), "paper, online, email, post, conference");
	assert_string_equal(dlg_session_status_codes(), "planned, held, cancelled");
}

static void environment(void **state)
{
	(void)state;
	setenv("DLG_TODAY", "", 1);
	assert_null(dlg_env_today()); /* empty counts as unset */
	setenv("DLG_TODAY", "2026-07-16", 1);
	assert_string_equal(dlg_env_today(), "2026-07-16");
	unsetenv("DLG_TODAY");
	assert_null(dlg_env_today());
	setenv("DLG_THREADS", "0", 1);
	assert_false(dlg_env_threads());
	unsetenv("DLG_THREADS");
	assert_true(dlg_env_threads());
}

static char *vformat(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = dlg_xvasprintf(fmt, ap);
	va_end(ap);
	return s;
}

static void allocation(void **state)
{
	(void)state;
	long *z = dlg_xcalloc(4, sizeof *z);
	for (int i = 0; i < 4; i++)
		assert_int_equal(z[i], 0);
	z = dlg_xreallocarray(z, 1000, sizeof *z);
	z[999] = 1;
	free(z);
	/* longer than any fixed buffer */
	char *s = vformat("%0300d|%s", 7, "đủ");
	assert_int_equal(strlen(s), 300 + 1 + strlen("đủ"));
	assert_string_equal(s + 301, "đủ");
	free(s);
	/* the buffer mail.c now builds messages in keeps long printf output */
	dlg_sbuf b = {0};
	dlg_sbuf_printf(&b, "Subject: %0400d", 1);
	assert_int_equal(b.len, 9 + 400);
	dlg_sbuf_free(&b);
}

int main(void)
{
	dlg_diag_init("test_base");
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(strmap_keys_and_values),
	    cmocka_unit_test(strmap_many_keys),
	    cmocka_unit_test(tally_on_strmap),
	    cmocka_unit_test(vocabulary),
	    cmocka_unit_test(environment),
	    cmocka_unit_test(allocation),
	};
	return cmocka_run_group_tests_name("base", tests, NULL, NULL);
}
