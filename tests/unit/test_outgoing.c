/* Unit tests for the outgoing register (case/outgoing). */
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
#include <sys/wait.h>
#include <unistd.h>

#include "base/diag.h"
#include "case/folder.h"
#include "case/outgoing.h"

static char *read_file(const char *dir, const char *name)
{
	char *p = dlg_path_join(dir, name);
	FILE *f = fopen(p, "r");
	free(p);
	if (!f)
		return NULL;
	static char buf[65536];
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	return strdup(buf);
}

static void open_case(dlg_case *c, const char *dir, const char *conf)
{
	write_at(dir, "dlg.conf", conf);
	assert_true(dlg_case_open(c, dir));
}

static dlg_outgoing_doc doc(const char *kind, const char *type, const char *session,
                            const char *recipient, const char *iso)
{
	dlg_outgoing_doc d = {.doc = kind,
	                      .type = type,
	                      .session = session,
	                      .recipient = recipient,
	                      .type_name = "Văn bản",
	                      .summary = "Trích yếu",
	                      .recipients = "Như trên",
	                      .copies = 1};
	assert_true(dlg_date_parse_iso(iso, &d.date));
	return d;
}

static const char *plain_conf = "[office]\nagency_short = UBND\noffice_short = VP\n";

/* Numbers per type from 01, with a leading zero; regenerating keeps them. */
static void per_type_and_regenerate(void **state)
{
	char *dir = temp_dir();
	dlg_case c;
	open_case(&c, dir, plain_conf);
	dlg_outgoing_doc d[3] = {doc("minutes", "BB", "2026-1", NULL, "2026-07-16"),
	                         doc("notice", "TB", "2026-1", NULL, "2026-07-20"),
	                         doc("report", "BC", "2026-1", NULL, "2026-07-21")};
	dlg_outgoing_no no[3];
	assert_true(dlg_outgoing_reserve(&c, d, 3, NULL, no));
	assert_string_equal(no[0].symbol, "01/BB-UBND");
	assert_string_equal(no[0].num, "01");
	assert_string_equal(no[1].symbol, "01/TB-UBND");
	assert_string_equal(no[2].symbol, "01/BC-UBND");
	assert_false(no[0].existed);
	dlg_outgoing_no_free(no, 3);
	char *before = read_file(dir, "outgoing.csv");
	assert_non_null(before);
	/* the same documents again: same numbers, the register unchanged */
	assert_true(dlg_outgoing_reserve(&c, d, 3, NULL, no));
	assert_string_equal(no[0].symbol, "01/BB-UBND");
	assert_true(no[0].existed);
	dlg_outgoing_no_free(no, 3);
	char *after = read_file(dir, "outgoing.csv");
	assert_string_equal(before, after);
	/* a minutes of another conference: the next number of its type */
	dlg_outgoing_doc m2 = doc("minutes", "BB", "2026-2", NULL, "2026-10-20");
	assert_true(dlg_outgoing_reserve(&c, &m2, 1, NULL, no));
	assert_string_equal(no[0].symbol, "02/BB-UBND");
	dlg_outgoing_no_free(no, 1);
	/* the register is readable by its owner only */
	char *p = dlg_path_join(dir, "outgoing.csv");
	struct stat st;
	assert_int_equal(stat(p, &st), 0);
	assert_int_equal(st.st_mode & 077, 0);
	free(p);
	/* a column of sign's: added, set, kept by later reservations */
	assert_true(dlg_outgoing_set(&c, "minutes", "2026-2", NULL, "signed", "2026-10-20T09:15"));
	assert_false(dlg_outgoing_set(&c, "minutes", "2026-9", NULL, "signed", "x"));
	assert_false(dlg_outgoing_set(&c, "minutes", "2026-2", NULL, "symbol", "x"));
	dlg_outgoing_doc r3 = doc("report", "BC", "2026-2", NULL, "2026-10-21");
	assert_true(dlg_outgoing_reserve(&c, &r3, 1, NULL, no));
	dlg_outgoing_no_free(no, 1);
	char *withsign = read_file(dir, "outgoing.csv");
	assert_non_null(strstr(withsign, ",signed\n"));
	assert_non_null(strstr(withsign, ",2026-10-20T09:15\n"));
	free(withsign);
	/* lookup finds it, changes nothing */
	assert_int_equal(dlg_outgoing_lookup(&c, "minutes", "2026-2", NULL, no), 1);
	assert_int_equal(no[0].seq, 2);
	dlg_outgoing_no_free(no, 1);
	assert_int_equal(dlg_outgoing_lookup(&c, "minutes", "2026-9", NULL, no), 0);
	free(before);
	free(after);
	dlg_case_close(&c);
	free(dir);
}

/* Letters (no type) share one sequence; a new year starts at 01 again;
 * numbers staff entered by hand count; one shared sequence when asked. */
static void letters_years_hand_rows_shared(void **state)
{
	char *dir = temp_dir();
	dlg_case c;
	open_case(&c, dir, plain_conf);
	write_at(dir, "outgoing.csv",
	         "symbol,date,type_name,summary,signer,recipients,keeper,copies,note,extra\n"
	         "07/UBND-VP,2026-03-02,Công văn,V/v khác,Ông A,Sở X,VT,2,viết tay,giữ\n"
	         "09/GM-UBND,2026-03-04,Giấy mời,Họp,Ông A,Các thôn,VT,10,,\n");
	dlg_outgoing_doc d[3] = {doc("reply", "", "2026-1", "R0001", "2026-07-22"),
	                         doc("reply", "", "2026-1", "R0002", "2026-07-22"),
	                         doc("invite", "GM", "2026-1", NULL, "2026-07-02")};
	dlg_outgoing_no no[3];
	assert_true(dlg_outgoing_reserve(&c, d, 3, NULL, no));
	assert_string_equal(no[0].symbol, "08/UBND-VP");
	assert_string_equal(no[1].symbol, "09/UBND-VP");
	assert_string_equal(no[2].symbol, "10/GM-UBND");
	dlg_outgoing_no_free(no, 3);
	char *text = read_file(dir, "outgoing.csv");
	/* staff's column and values kept */
	assert_non_null(strstr(text, ",extra,"));
	assert_non_null(strstr(text, "viết tay,giữ"));
	free(text);
	dlg_outgoing_doc ny = doc("reply", "", "2027-1", "R0001", "2027-01-05");
	assert_true(dlg_outgoing_reserve(&c, &ny, 1, NULL, no));
	assert_string_equal(no[0].symbol, "01/UBND-VP");
	assert_int_equal(no[0].year, 2027);
	dlg_outgoing_no_free(no, 1);
	dlg_case_close(&c);

	/* shared: one sequence for every type */
	char *dir2 = temp_dir();
	open_case(&c, dir2, "[numbering]\nsequence = shared\nyear = 2026\nfirst = 40\n");
	dlg_outgoing_doc s[2] = {doc("minutes", "BB", "2026-1", NULL, "2026-07-16"),
	                         doc("notice", "TB", "2026-1", NULL, "2026-07-16")};
	assert_true(dlg_outgoing_reserve(&c, s, 2, NULL, no));
	assert_string_equal(no[0].symbol, "40/BB-UBND");
	assert_string_equal(no[1].symbol, "41/TB-UBND");
	dlg_outgoing_no_free(no, 2);
	dlg_case_close(&c);
	free(dir);
	free(dir2);
}

/* Starting numbers of dlg.conf apply in their year only and need it. */
static void starting_numbers(void **state)
{
	char *dir = temp_dir();
	dlg_case c;
	open_case(&c, dir, "[numbering]\nyear = 2026\ninvite = 112\nreply = 1204\nslip = 31\n");
	dlg_outgoing_doc d[3] = {doc("invite", "GM", "2026-1", NULL, "2026-07-02"),
	                         doc("slip", "", "2026-1", "TP@2026-07-07", "2026-07-07"),
	                         doc("invite", "GM", "2027-1", NULL, "2027-07-02")};
	dlg_outgoing_no no[3];
	assert_true(dlg_outgoing_reserve(&c, d, 3, NULL, no));
	assert_string_equal(no[0].symbol, "112/GM-UBND");
	assert_string_equal(no[1].symbol, "1204/UBND-VP"); /* letters: the larger start */
	assert_string_equal(no[2].symbol, "01/GM-UBND");
	dlg_outgoing_no_free(no, 3);
	dlg_case_close(&c);
	char *dir2 = temp_dir();
	open_case(&c, dir2, "[numbering]\nminutes = 8\n");
	dlg_outgoing_doc m = doc("minutes", "BB", "2026-1", NULL, "2026-07-16");
	assert_false(dlg_outgoing_reserve(&c, &m, 1, NULL, no)); /* which year? */
	char *p = dlg_path_join(dir2, "outgoing.csv");
	assert_int_not_equal(access(p, F_OK), 0);
	free(p);
	dlg_case_close(&c);
	free(dir);
	free(dir2);
}

/* --number: recorded, checked against the register and the document. */
static void given_numbers(void **state)
{
	char *dir = temp_dir();
	dlg_case c;
	open_case(&c, dir, plain_conf);
	dlg_outgoing_doc d[2] = {doc("reply", "", "2026-1", "R0001", "2026-07-22"),
	                         doc("reply", "", "2026-1", "R0002", "2026-07-22")};
	dlg_outgoing_no no[2];
	assert_false(dlg_outgoing_reserve(&c, d, 2, "12a", no));
	assert_false(dlg_outgoing_reserve(&c, d, 2, "0", no));
	assert_false(dlg_outgoing_reserve(&c, d, 2, "-3", no));
	assert_true(dlg_outgoing_reserve(&c, d, 2, "5", no));
	assert_string_equal(no[0].symbol, "05/UBND-VP");
	assert_string_equal(no[1].symbol, "06/UBND-VP");
	dlg_outgoing_no_free(no, 2);
	char *text = read_file(dir, "outgoing.csv");
	assert_non_null(strstr(text, "--number"));
	free(text);
	/* the same letters with the same number: fine; another number: an error */
	assert_true(dlg_outgoing_reserve(&c, d, 2, "5", no));
	dlg_outgoing_no_free(no, 2);
	assert_false(dlg_outgoing_reserve(&c, d, 2, "7", no));
	/* a number the register holds: an error */
	dlg_outgoing_doc other = doc("reply", "", "2026-1", "R0003", "2026-07-22");
	assert_false(dlg_outgoing_reserve(&c, &other, 1, "6", no));
	/* the next without --number follows the highest */
	assert_true(dlg_outgoing_reserve(&c, &other, 1, NULL, no));
	assert_string_equal(no[0].symbol, "07/UBND-VP");
	dlg_outgoing_no_free(no, 1);
	dlg_case_close(&c);
	free(dir);
}

/* A register row that makes no sense is an error naming its line. */
static void bad_rows(void **state)
{
	char *dir = temp_dir();
	dlg_case c;
	open_case(&c, dir, plain_conf);
	write_at(dir, "outgoing.csv", "symbol,date\nabc,2026-01-02\n");
	dlg_outgoing_doc m = doc("minutes", "BB", "2026-1", NULL, "2026-07-16");
	dlg_outgoing_no no[1];
	assert_false(dlg_outgoing_reserve(&c, &m, 1, NULL, no));
	write_at(dir, "outgoing.csv", "symbol,date\n03/BB-UBND,\n");
	assert_false(dlg_outgoing_reserve(&c, &m, 1, NULL, no));
	dlg_outgoing_list list;
	assert_false(dlg_outgoing_read(&c, &list));
	dlg_outgoing_list_free(&list);
	write_at(dir, "outgoing.csv", "symbol,date\n03/BB-UBND,2026-02-01\n");
	assert_true(dlg_outgoing_reserve(&c, &m, 1, NULL, no));
	assert_string_equal(no[0].symbol, "04/BB-UBND");
	dlg_outgoing_no_free(no, 1);
	assert_true(dlg_outgoing_read(&c, &list));
	assert_int_equal(list.n, 2);
	assert_string_equal(list.row[1].symbol, "04/BB-UBND");
	dlg_outgoing_list_free(&list);
	dlg_case_close(&c);
	free(dir);
}

/* Eight processes reserving at once never share a number. */
static void concurrent(void **state)
{
	char *dir = temp_dir();
	dlg_case c;
	open_case(&c, dir, plain_conf);
	enum { NPROC = 8, EACH = 10 };
	for (int p = 0; p < NPROC; p++) {
		pid_t pid = fork();
		assert_true(pid >= 0);
		if (pid == 0) {
			for (int k = 0; k < EACH; k++) {
				char who[32];
				snprintf(who, sizeof who, "R%d-%d", p, k);
				dlg_outgoing_doc d = doc("reply", "", "2026-1", who, "2026-07-22");
				dlg_outgoing_no no;
				if (!dlg_outgoing_reserve(&c, &d, 1, NULL, &no))
					_exit(1);
				dlg_outgoing_no_free(&no, 1);
			}
			_exit(0);
		}
	}
	for (int p = 0; p < NPROC; p++) {
		int st;
		wait(&st);
		assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	}
	dlg_outgoing_list list;
	assert_true(dlg_outgoing_read(&c, &list));
	assert_int_equal(list.n, NPROC * EACH);
	int seen[NPROC * EACH + 1] = {0};
	for (size_t i = 0; i < list.n; i++) {
		assert_true(list.row[i].seq >= 1 && list.row[i].seq <= NPROC * EACH);
		assert_int_equal(seen[list.row[i].seq]++, 0);
	}
	dlg_outgoing_list_free(&list);
	dlg_case_close(&c);
	free(dir);
}

int main(void)
{
	dlg_diag_init("test_outgoing");
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(per_type_and_regenerate),
	    cmocka_unit_test(letters_years_hand_rows_shared),
	    cmocka_unit_test(starting_numbers),
	    cmocka_unit_test(given_numbers),
	    cmocka_unit_test(bad_rows),
	    cmocka_unit_test(concurrent),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
