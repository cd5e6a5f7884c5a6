/* Unit tests for records opened for update (fmt/record) and the closure
 * record (case/closures). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "unit_files.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/atomic.h"
#include "base/diag.h"
#include "case/answers.h"
#include "case/closures.h"
#include "case/folder.h"
#include "fmt/record.h"

static void record_keeps_staff_columns(void **state)
{
	(void)state;
	char *d = temp_dir();
	char *p = dlg_path_join(d, "items.csv");
	write_at(NULL, p, "item_id,dept,ghi chú của văn phòng\nR0001-1,KT,gọi lại thứ Hai\n");
	dlg_record r;
	assert_true(dlg_record_open(&r, p, "--into"));
	assert_int_equal(r.nrows, 1);
	assert_int_equal(dlg_record_col(&r, "ghi chú của văn phòng"), 2);
	size_t sent = dlg_record_need_col(&r, "sent");
	size_t row = dlg_record_add_row(&r);
	dlg_record_set(&r, row, 0, "R0002-1");
	dlg_record_set(&r, row, sent, "2027-01-05");
	assert_true(dlg_record_commit(&r));
	assert_string_equal(read_path(p), "item_id,dept,ghi chú của văn phòng,sent\n"
	                                  "R0001-1,KT,gọi lại thứ Hai,\n"
	                                  "R0002-1,,,2027-01-05\n");
	/* nothing changed: the file is not rewritten */
	struct stat before, after;
	assert_int_equal(stat(p, &before), 0);
	assert_true(dlg_record_open(&r, p, "--into"));
	dlg_record_set(&r, 0, 1, "KT");
	assert_false(r.changed);
	assert_true(dlg_record_commit(&r));
	assert_int_equal(stat(p, &after), 0);
	assert_int_equal(before.st_ino, after.st_ino);
	free(p);
	free(d);
}

static void record_refuses_and_follows_links(void **state)
{
	(void)state;
	char *d = temp_dir();
	dlg_record r;
	assert_false(dlg_record_open(&r, "-", "--into"));
	assert_false(dlg_record_open(&r, "/dev/null", "--into"));
	assert_false(dlg_record_open(&r, d, "--into"));
	char *target = dlg_path_join(d, "real.csv");
	char *link = dlg_path_join(d, "link.csv");
	char *dangling = dlg_path_join(d, "dangling.csv");
	write_at(NULL, target, "reg_id\nR0001\n");
	assert_int_equal(symlink("real.csv", link), 0);
	assert_int_equal(symlink("nowhere.csv", dangling), 0);
	assert_false(dlg_record_open(&r, dangling, "--into"));
	assert_true(dlg_record_open(&r, link, "--into"));
	size_t row = dlg_record_add_row(&r);
	dlg_record_set(&r, row, 0, "R0002");
	assert_true(dlg_record_commit(&r));
	struct stat st;
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_string_equal(read_path(target), "reg_id\nR0001\nR0002\n");
	free(target);
	free(link);
	free(dangling);
	free(d);
}

static void closures_record_once_and_count_as_answers(void **state)
{
	(void)state;
	char *d = temp_dir();
	char *conf = dlg_path_join(d, "dlg.conf");
	write_at(NULL, conf, "[office]\ncommune = xã Hồng Vân\n");
	free(conf);
	dlg_case c;
	assert_true(dlg_case_open(&c, d));
	dlg_day day;
	assert_true(dlg_date_parse_iso("2027-03-01", &day));
	dlg_closure v[] = {
	    {"R0003-1", DLG_CLOSED_GUIDANCE, day, "05/UBND-VP", "tra-loi/R0003.pdf"},
	    {"R0007-2", DLG_CLOSED_ESCALATED, day + 2, "", NULL},
	};
	size_t added = 9;
	assert_true(dlg_closures_record(&c, NULL, v, 2, &added));
	assert_int_equal(added, 2);
	char *p = dlg_closures_path(&c);
	const char *want = "item_id,date,how,number,document\n"
	                   "R0003-1,2027-03-01,guidance,05/UBND-VP,tra-loi/R0003.pdf\n"
	                   "R0007-2,2027-03-03,escalated,,\n";
	assert_string_equal(read_path(p), want);
	/* again, with a later date: the first closure stays */
	v[0].date = day + 10;
	assert_true(dlg_closures_record(&c, NULL, v, 2, &added));
	assert_int_equal(added, 0);
	assert_string_equal(read_path(p), want);
	/* a bad how is refused before anything is written */
	dlg_closure bad = {"R0009-1", "answered", day, NULL, NULL};
	assert_false(dlg_closures_record(&c, NULL, &bad, 1, &added));
	assert_string_equal(read_path(p), want);

	dlg_answers a;
	dlg_answers_init(&a);
	dlg_answers_put(&a, "R0007-2", 7, day);
	assert_true(dlg_closures_load(&a, &c, NULL));
	dlg_day got;
	assert_true(dlg_answers_get(&a, "R0003-1", 7, &got));
	assert_int_equal(got, day);
	assert_true(dlg_answers_get(&a, "R0007-2", 7, &got));
	assert_int_equal(got, day); /* the earlier answer wins */
	assert_false(dlg_answers_get(&a, "R0009-1", 7, &got));
	dlg_answers_free(&a);

	write_at(NULL, p, "item_id,date,how\nR0001-1,2027-13-01,guidance\n");
	dlg_answers_init(&a);
	assert_false(dlg_closures_load(&a, &c, NULL));
	write_at(NULL, p, "item_id,date,how\nR0001-1,2027-01-01,sent\n");
	assert_false(dlg_closures_load(&a, &c, NULL));
	dlg_answers_free(&a);
	free(p);
	dlg_case_close(&c);
	free(d);
}

static void atomic_follows_links_refuses_devices(void **state)
{
	(void)state;
	char *d = temp_dir();
	char *fifo = dlg_path_join(d, "fifo");
	char *target = dlg_path_join(d, "real.pdf");
	char *link = dlg_path_join(d, "link.pdf");
	assert_int_equal(mkfifo(fifo, 0600), 0);
	dlg_atomic a;
	assert_false(dlg_atomic_begin(&a, fifo, 0600));
	struct stat st;
	assert_int_equal(lstat(fifo, &st), 0);
	assert_true(S_ISFIFO(st.st_mode));
	write_at(NULL, target, "old");
	assert_int_equal(symlink("real.pdf", link), 0);
	assert_true(dlg_atomic_begin(&a, link, 0600));
	fputs("new", a.f);
	assert_true(dlg_atomic_commit(&a));
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_string_equal(read_path(target), "new");
	free(fifo);
	free(target);
	free(link);
	free(d);
}

/* Exit status of a child that tries to lock dir without waiting: 0 when
 * it could. */
static int try_lock(const char *dir)
{
	pid_t pid = fork();
	if (pid == 0) {
		int fd = open(dir, O_RDONLY | O_DIRECTORY);
		_exit(flock(fd, LOCK_EX | LOCK_NB) == 0 ? 0 : 1);
	}
	int st;
	waitpid(pid, &st, 0);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 2;
}

static void lock_at_a_links_target(void **state)
{
	(void)state;
	char *d = temp_dir();
	char *shared = dlg_path_join(d, "shared");
	char *target = dlg_path_join(shared, "registrations.csv");
	char *link = dlg_path_join(d, "registrations.csv");
	assert_int_equal(mkdir(shared, 0700), 0);
	write_at(NULL, target, "reg_id\n");
	assert_int_equal(symlink("shared/registrations.csv", link), 0);
	int fd = dlg_lock_folder_of(link);
	assert_true(fd >= 0);
	assert_int_equal(try_lock(shared), 1); /* the target's folder is held */
	assert_int_equal(try_lock(d), 0);
	dlg_unlock(fd);
	assert_int_equal(try_lock(shared), 0);
	free(shared);
	free(target);
	free(link);
	free(d);
}

static void lock_shared_within_a_process(void **state)
{
	(void)state;
	char *d = temp_dir();
	char *a = dlg_path_join(d, "registrations.csv");
	char *b = dlg_path_join(d, "closures.csv");
	int outer = dlg_lock_folder_of(a);
	assert_true(outer >= 0);
	/* a record of the same folder, updated while the outer lock is held */
	dlg_record r;
	assert_true(dlg_record_open(&r, b, "closures"));
	dlg_record_need_col(&r, "item_id");
	assert_true(dlg_record_commit(&r));
	dlg_unlock(outer);
	/* released: another process can take it */
	pid_t pid = fork();
	if (pid == 0) {
		int fd = open(d, O_RDONLY | O_DIRECTORY);
		_exit(flock(fd, LOCK_EX | LOCK_NB) == 0 ? 0 : 1);
	}
	int st;
	waitpid(pid, &st, 0);
	assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	free(a);
	free(b);
	free(d);
}

int main(void)
{
	dlg_diag_init("test_record");
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(record_keeps_staff_columns),
	    cmocka_unit_test(record_refuses_and_follows_links),
	    cmocka_unit_test(closures_record_once_and_count_as_answers),
	    cmocka_unit_test(lock_shared_within_a_process),
	    cmocka_unit_test(lock_at_a_links_target),
	    cmocka_unit_test(atomic_follows_links_refuses_devices),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
