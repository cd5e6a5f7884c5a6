/* Unit tests for conf, contact, hashmap, atomic, casedir, sessions, villages. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "unit_files.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/atomic.h"
#include "case/folder.h"
#include "fmt/conf.h"
#include "fmt/contact.h"
#include "base/diag.h"
#include "base/hashmap.h"
#include "base/sbuf.h"
#include "case/sessions.h"
#include "case/villages.h"

static void conf_values_and_errors(void **state)
{
	char *d = temp_dir();
	write_at(d, "good.conf",
	         "# comment\n[rules]\nanswer_days = 7\nanswer_day_kind=working\n"
	         "[office]\nplace =  Liên   Minh \n");
	char *p = dlg_path_join(d, "good.conf");
	dlg_conf *c = dlg_conf_load(p);
	assert_non_null(c);
	assert_int_equal(dlg_conf_get_long(c, "rules", "answer_days"), 7);
	assert_string_equal(dlg_conf_get(c, "rules", "answer_day_kind"), "working");
	assert_string_equal(dlg_conf_get(c, "office", "place"), "Liên Minh");
	assert_int_equal(dlg_conf_get_long(c, "rules", "register_days_before"), 10);
	assert_string_equal(dlg_conf_get(c, "nosuch", "key"), "");
	/* no other commune's name or address stands in for a key not set */
	assert_true(dlg_conf_is_placeholder(dlg_conf_get(c, "office", "address")));
	char *todo = dlg_conf_placeholders(c);
	assert_non_null(strstr(todo, "office.address"));
	assert_null(strstr(todo, "office.place"));
	free(todo);
	dlg_conf_free(c);
	free(p);
	/* dlg init's dlg.conf: the commune's own names, placeholders for the rest */
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	assert_true(dlg_conf_write_defaults(mem, "xã Hòa Bình"));
	fclose(mem);
	assert_non_null(strstr(buf, "\nplace = Hòa Bình\n"));
	assert_non_null(strstr(buf, "\nagency_line2 = XÃ HÒA BÌNH\n"));
	assert_non_null(strstr(buf, "\naddress = <<"));
	assert_null(strstr(buf, "Liên Minh\n"));
	free(buf);
	static const char *const bad[] = {
	    "[rules]\nanswer_days = five\n",
	    "[rulez]\n",
	    "[rules]\nanswer_dayz = 5\n",
	    "[rules]\nanswer_day_kind = sometimes\n",
	    "[rules\n",
	    "[rules]\njust text\n",
	    "[office]\nplace = \xff\n",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		write_at(d, "bad.conf", bad[i]);
		p = dlg_path_join(d, "bad.conf");
		assert_null(dlg_conf_load(p));
		free(p);
	}
	char *cmd = dlg_xasprintf("rm -rf %s", d);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(d);
}

static void phones_and_emails(void **state)
{
	char out[16];
	assert_true(dlg_phone_normalize("+84 912 345 678", out, sizeof out));
	assert_string_equal(out, "0912345678");
	assert_true(dlg_phone_normalize("091.234.5678", out, sizeof out));
	assert_string_equal(out, "0912345678");
	assert_true(dlg_phone_normalize("84912345678", out, sizeof out));
	assert_string_equal(out, "0912345678");
	assert_true(dlg_phone_normalize("(024) 3312 3456", out, sizeof out));
	assert_string_equal(out, "02433123456");
	assert_false(dlg_phone_normalize("12345", out, sizeof out));
	assert_false(dlg_phone_normalize("0912 345 67x", out, sizeof out));
	assert_false(dlg_phone_normalize("+1 212 555 0100", out, sizeof out));
	char e1[] = "  An.Nguyen@Gmail.COM ";
	assert_true(dlg_email_normalize(e1));
	assert_string_equal(e1, "an.nguyen@gmail.com");
	char e2[] = "an@@x.vn", e3[] = "an@localhost", e4[] = "a n@x.vn";
	assert_false(dlg_email_normalize(e2));
	assert_false(dlg_email_normalize(e3));
	assert_false(dlg_email_normalize(e4));
}

static void hashmap(void **state)
{
	dlg_hashmap m;
	dlg_hashmap_init(&m);
	for (uint64_t i = 0; i < 5000; i++)
		assert_true(dlg_hashmap_add(&m, dlg_hash(DLG_HASH_SEED, &i, sizeof i), i, NULL));
	uint64_t v, old;
	uint64_t k = 1234;
	assert_true(dlg_hashmap_get(&m, dlg_hash(DLG_HASH_SEED, &k, sizeof k), &v));
	assert_int_equal(v, 1234);
	assert_false(dlg_hashmap_add(&m, dlg_hash(DLG_HASH_SEED, &k, sizeof k), 9, &old));
	assert_int_equal(old, 1234);
	k = 99999;
	assert_false(dlg_hashmap_get(&m, dlg_hash(DLG_HASH_SEED, &k, sizeof k), &v));
	assert_int_not_equal(dlg_hash(DLG_HASH_SEED, "ab", 2), dlg_hash(DLG_HASH_SEED, "ab\0", 3));
	dlg_hashmap_free(&m);
}

static void atomic_replace(void **state)
{
	char *d = temp_dir();
	write_at(d, "rec.csv", "old\n");
	char *p = dlg_path_join(d, "rec.csv");
	chmod(p, 0640);
	dlg_atomic a;
	assert_true(dlg_atomic_begin(&a, p, 0600));
	fputs("new\n", a.f);
	dlg_atomic_abort(&a);
	FILE *f = fopen(p, "r");
	char buf[16] = "";
	assert_non_null(fgets(buf, sizeof buf, f));
	fclose(f);
	assert_string_equal(buf, "old\n");
	assert_true(dlg_atomic_begin(&a, p, 0600));
	fputs("new\n", a.f);
	assert_true(dlg_atomic_commit(&a));
	f = fopen(p, "r");
	assert_non_null(fgets(buf, sizeof buf, f));
	fclose(f);
	assert_string_equal(buf, "new\n");
	struct stat st;
	assert_int_equal(stat(p, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0640);
	int lock = dlg_lock_folder_of(p);
	assert_true(lock >= 0);
	dlg_unlock(lock);
	free(p);
	char *cmd = dlg_xasprintf("rm -rf %s", d);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(d);
}

/* dlg_sbuf_load reads a whole file past any chunk size, appends to what the
 * buffer holds, and fails with a message for a missing file or a folder. */
static void sbuf_load_file(void **state)
{
	(void)state;
	char *dir = temp_dir();
	char *big = malloc(200001);
	assert_non_null(big);
	for (size_t i = 0; i < 200000; i++)
		big[i] = (char)('a' + i % 26);
	big[200000] = '\0';
	write_at(dir, "big.txt", big);
	char *path = dlg_path_join(dir, "big.txt");
	dlg_sbuf b = {0};
	dlg_sbuf_adds(&b, "<");
	assert_true(dlg_sbuf_load(&b, path));
	assert_int_equal(b.len, 200001);
	assert_int_equal(b.data[0], '<');
	assert_memory_equal(b.data + 1, big, 200000);
	assert_int_equal(b.data[b.len], '\0');
	dlg_sbuf_clear(&b);
	char *missing = dlg_path_join(dir, "none.txt");
	assert_false(dlg_sbuf_load(&b, missing));
	assert_false(dlg_sbuf_load(&b, dir)); /* a folder opens but does not read */
	assert_int_equal(b.len, 0);
	dlg_sbuf_free(&b);
	unlink(path);
	rmdir(dir);
	free(missing);
	free(path);
	free(big);
	free(dir);
}

static void case_folder_sessions_villages(void **state)
{
	char *d = temp_dir();
	write_at(d, "dlg.conf", "[rules]\nregister_days_before = 12\n");
	write_at(d, "sessions.csv",
	         "session,date,time,venue,chair,secretary,status\n"
	         "A,2026-07-16,08:00,Hội trường,,,planned\nB,2026-10-15,,,,,cancelled\n");
	write_at(d, "villages.csv",
	         "village,kind,head,aliases\nThôn 1,thôn,,thon 1;T1\nThôn 10,thôn,,thon 10\n"
	         "Cụm dân cư Bãi Tháp,cụm,,Bãi Tháp\n");
	dlg_case c;
	assert_true(dlg_case_open(&c, d));
	dlg_sessions ss;
	assert_true(dlg_sessions_load(&ss, &c));
	assert_int_equal(ss.n, 2);
	const dlg_session *a = dlg_sessions_find(&ss, "A");
	assert_non_null(a);
	assert_string_equal(a->venue, "Hội trường");
	assert_int_equal(dlg_session_cutoff(a, &c), a->date - 12);
	assert_string_equal(dlg_sessions_find(&ss, "B")->status, "cancelled");
	dlg_sessions_free(&ss);
	dlg_villages *v = dlg_villages_load(&c);
	assert_non_null(v);
	assert_int_equal(dlg_villages_count(v), 3);
	assert_string_equal(dlg_villages_match(v, "THÔN 1"), "Thôn 1");
	assert_string_equal(dlg_villages_find_in(v, "Số 5, thôn 10, xã Liên Minh"), "Thôn 10");
	assert_string_equal(dlg_villages_find_in(v, "xóm Bãi Tháp"), "Cụm dân cư Bãi Tháp");
	assert_null(dlg_villages_find_in(v, "thôn 100"));
	assert_null(dlg_villages_match(v, "Thôn 99"));
	dlg_villages_free(v);
	write_at(d, "sessions.csv", "session,date\nA,2026-02-30\n");
	assert_false(dlg_sessions_load(&ss, &c));
	dlg_case_close(&c);
	char *cmd = dlg_xasprintf("rm -rf %s", d);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(d);
}

int main(void)
{
	dlg_diag_init("test_core");
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(conf_values_and_errors),
	    cmocka_unit_test(phones_and_emails),
	    cmocka_unit_test(hashmap),
	    cmocka_unit_test(atomic_replace),
	    cmocka_unit_test(sbuf_load_file),
	    cmocka_unit_test(case_folder_sessions_villages),
	};
	return cmocka_run_group_tests_name("core", tests, NULL, NULL);
}
