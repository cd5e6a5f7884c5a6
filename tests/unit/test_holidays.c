/* Holidays (computed and from holidays.csv) and Civil Code periods. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "base/date.h"
#include "base/diag.h"
#include "case/holidays.h"
#include "case/period.h"

static dlg_day ymd(int y, int m, int d)
{
	return dlg_date_from_ymd(y, m, d);
}

/* A holidays.csv in a temporary file; the caller unlinks and frees path. */
static char *temp_csv(const char *text)
{
	char *path = dlg_xstrdup("/tmp/dlg-test-holidays-XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	fputs(text, f);
	fclose(f);
	return path;
}

/* The shipped share/data/holidays.csv (2026, 2027). */
static dlg_holidays *shipped(void)
{
	const char *share = getenv("DLG_SHARE");
	char *path = dlg_xasprintf("%s/data/holidays.csv", share ? share : "share");
	dlg_holidays *h = dlg_holidays_new();
	assert_true(dlg_holidays_load(h, path));
	free(path);
	return h;
}

static bool off(dlg_holidays *h, int y, int m, int d)
{
	return dlg_holidays_is_off(h, ymd(y, m, d));
}

static void test_computed_fixed_days(void **state)
{
	(void)state;
	dlg_holidays *h = dlg_holidays_new();
	assert_true(off(h, 2028, 1, 1));
	assert_true(off(h, 2028, 1, 3)); /* 1/1 is a Saturday: Monday off */
	assert_false(off(h, 2028, 1, 4));
	assert_true(off(h, 2029, 4, 30));
	assert_true(off(h, 2029, 5, 1));
	assert_false(off(h, 2029, 5, 2));
	/* an ordinary Wednesday */
	assert_false(off(h, 2029, 6, 6));
	/* weekends */
	assert_true(off(h, 2029, 6, 9));
	assert_true(off(h, 2029, 6, 10));
	dlg_holidays_free(h);
}

static void test_computed_tet(void **state)
{
	(void)state;
	dlg_holidays *h = dlg_holidays_new();
	/* 2028: Tết Wednesday 26/1; eve 25/1; 29/1 (lunar 4/1) is a Saturday */
	assert_false(off(h, 2028, 1, 24));
	for (int d = 25; d <= 29; d++)
		assert_true(off(h, 2028, 1, d));
	assert_true(off(h, 2028, 1, 31)); /* nghỉ bù for Saturday 29/1 */
	assert_false(off(h, 2028, 2, 1));
	/* 2030: Tết Saturday 2/2 (Vietnam's date); eve Friday 1/2; days
	 * 2/2 and 3/2 on the weekend give 6/2 and 7/2 */
	assert_true(off(h, 2030, 2, 1));
	assert_true(off(h, 2030, 2, 5));
	assert_true(off(h, 2030, 2, 6));
	assert_true(off(h, 2030, 2, 7));
	assert_false(off(h, 2030, 2, 8));
	dlg_holidays_free(h);
}

static void test_compensatory(void **state)
{
	(void)state;
	dlg_holiday v[40];
	/* 2023: Hùng Kings Saturday 29/4, 30/4 Sunday, 1/5 Monday: 2/5 and 3/5
	 * off, as the government then announced */
	size_t n = dlg_holidays_compute(2023, v, 40);
	int found = 0;
	for (size_t i = 0; i < n; i++) {
		if (v[i].day == ymd(2023, 5, 2) || v[i].day == ymd(2023, 5, 3)) {
			assert_non_null(strstr(v[i].name, "Nghỉ bù"));
			found++;
		}
		assert_int_equal(v[i].source, DLG_HOL_COMPUTED);
		if (i)
			assert_true(v[i - 1].day < v[i].day);
	}
	assert_int_equal(found, 2);
	/* 2/9 and its adjacent day, 2021-2025, and 2023's Monday off */
	dlg_holidays *h = dlg_holidays_new();
	assert_true(off(h, 2021, 9, 3));
	assert_true(off(h, 2022, 9, 1));
	assert_true(off(h, 2023, 9, 1));
	assert_true(off(h, 2023, 9, 4));
	assert_false(off(h, 2023, 9, 5));
	assert_true(off(h, 2024, 9, 3));
	assert_true(off(h, 2025, 9, 1));
	/* computed 2026: Hùng Kings Sunday 26/4, Monday 27/4 off */
	assert_true(off(h, 2026, 4, 27));
	dlg_holidays_free(h);
}

static void test_shipped_file(void **state)
{
	(void)state;
	dlg_holidays *h = shipped();
	assert_true(dlg_holidays_from_file(h, 2026));
	assert_true(dlg_holidays_from_file(h, 2027));
	assert_false(dlg_holidays_from_file(h, 2028));
	/* Tết 2026: 14/2 to 22/2 */
	assert_false(off(h, 2026, 2, 13));
	for (int d = 14; d <= 22; d++)
		assert_true(off(h, 2026, 2, d));
	assert_false(off(h, 2026, 2, 23));
	const dlg_holiday *v;
	size_t n = dlg_holidays_year(h, 2026, &v);
	assert_true(n > 10);
	size_t from_file = 0;
	for (size_t i = 0; i < n; i++)
		from_file += v[i].source == DLG_HOL_FILE;
	assert_true(from_file > 10);
	/* a year the file does not cover is computed, Tết included */
	n = dlg_holidays_year(h, 2029, &v);
	assert_true(n > 8);
	assert_int_equal(v[0].source, DLG_HOL_COMPUTED);
	assert_true(off(h, 2029, 2, 13));
	dlg_holidays_free(h);
}

static void test_file_adds_never_removes(void **state)
{
	(void)state;
	/* the file lists 2030 without Tết: Tết 2030 is still off (the legal
	 * minimum always applies); the file adds a day off and makes a Saturday
	 * a working day; a "work" row on a public holiday is refused */
	char *p = temp_csv("date,name,kind\n"
	                   "2030-01-01,Tết Dương lịch,\n"
	                   "2030-01-02,Nghỉ hoán đổi,off\n"
	                   "2030-01-12,Làm bù,work\n");
	dlg_holidays *h = dlg_holidays_new();
	assert_true(dlg_holidays_load(h, p));
	assert_true(off(h, 2030, 1, 2));
	assert_false(off(h, 2030, 1, 12));
	assert_true(off(h, 2030, 1, 13));
	assert_true(off(h, 2030, 2, 4)); /* Tết 2030 (lunar 2/1), computed */
	assert_true(off(h, 2030, 2, 5));
	assert_true(off(h, 2031, 1, 23)); /* Tết 2031, computed */
	const dlg_holiday *v;
	size_t n = dlg_holidays_year(h, 2030, &v);
	assert_true(n > 10);
	assert_int_equal(v[0].source, DLG_HOL_FILE); /* 1/1: the file's name */
	assert_true(v[2].work);
	dlg_holidays_free(h);
	unlink(p);
	free(p);
	p = temp_csv("date,name,kind\n2030-02-04,Đi làm,work\n");
	h = dlg_holidays_new();
	assert_false(dlg_holidays_load(h, p));
	dlg_holidays_free(h);
	unlink(p);
	free(p);
}

static void test_file_errors(void **state)
{
	(void)state;
	char *p = temp_csv("date,name\n2026-02-30,Không có ngày này\n");
	dlg_holidays *h = dlg_holidays_new();
	assert_false(dlg_holidays_load(h, p));
	dlg_holidays_free(h);
	unlink(p);
	free(p);
	p = temp_csv("date,name,kind\n2026-02-03,x,maybe\n");
	h = dlg_holidays_new();
	assert_false(dlg_holidays_load(h, p));
	dlg_holidays_free(h);
	unlink(p);
	free(p);
	p = temp_csv("day,name\n2026-02-03,x\n");
	h = dlg_holidays_new();
	assert_false(dlg_holidays_load(h, p));
	dlg_holidays_free(h);
	unlink(p);
	free(p);
}

static dlg_day end_of(dlg_holidays *h, int y, int m, int d, long n, dlg_day_kind k)
{
	return dlg_period_end(h, ymd(y, m, d), n, k);
}

static void test_period_weekend(void **state)
{
	(void)state;
	dlg_holidays *h = shipped();
	/* Friday 12/6/2026 + 5: Wednesday 17/6; working: Friday 19/6 */
	assert_int_equal(end_of(h, 2026, 6, 12, 5, DLG_DAYS_CALENDAR), ymd(2026, 6, 17));
	assert_int_equal(end_of(h, 2026, 6, 12, 5, DLG_DAYS_WORKING), ymd(2026, 6, 19));
	/* Monday 15/6 + 5 = Saturday 20/6: Monday 22/6 */
	assert_int_equal(end_of(h, 2026, 6, 15, 5, DLG_DAYS_CALENDAR), ymd(2026, 6, 22));
	/* the day of the event is not counted: +1 from a Thursday is Friday */
	assert_int_equal(end_of(h, 2026, 6, 18, 1, DLG_DAYS_CALENDAR), ymd(2026, 6, 19));
	/* 0 days: the day itself, or the next working day */
	assert_int_equal(end_of(h, 2026, 6, 18, 0, DLG_DAYS_CALENDAR), ymd(2026, 6, 18));
	assert_int_equal(end_of(h, 2026, 6, 20, 0, DLG_DAYS_WORKING), ymd(2026, 6, 22));
	dlg_holidays_free(h);
}

static void test_period_30_4(void **state)
{
	(void)state;
	dlg_holidays *h = shipped();
	/* Tuesday 28/4/2026 + 5 = Sunday 3/5, after 30/4 and 1/5: Monday 4/5 */
	assert_int_equal(end_of(h, 2026, 4, 28, 5, DLG_DAYS_CALENDAR), ymd(2026, 5, 4));
	/* working: 29/4, 4/5, 5/5, 6/5, 7/5 */
	assert_int_equal(end_of(h, 2026, 4, 28, 5, DLG_DAYS_WORKING), ymd(2026, 5, 7));
	dlg_holidays_free(h);
}

static void test_period_tet(void **state)
{
	(void)state;
	dlg_holidays *h = shipped();
	/* Thursday 12/2/2026 + 5 = 17/2 (mùng 1): the office opens 23/2 */
	assert_int_equal(end_of(h, 2026, 2, 12, 5, DLG_DAYS_CALENDAR), ymd(2026, 2, 23));
	/* working: 13/2, then 23, 24, 25, 26/2 */
	assert_int_equal(end_of(h, 2026, 2, 12, 5, DLG_DAYS_WORKING), ymd(2026, 2, 26));
	/* computed Tết 2029 (Tuesday 13/2; eve Monday 12/2; to Friday 16/2) */
	assert_int_equal(end_of(h, 2029, 2, 8, 5, DLG_DAYS_CALENDAR), ymd(2029, 2, 19));
	dlg_holidays_free(h);
}

static void test_period_sunday_holiday(void **state)
{
	(void)state;
	dlg_holidays *h = shipped();
	/* Tuesday 21/4/2026 + 5 = Sunday 26/4, the Hùng Kings' day; Monday
	 * 27/4 is its compensatory day: the period ends Tuesday 28/4 */
	assert_int_equal(end_of(h, 2026, 4, 21, 5, DLG_DAYS_CALENDAR), ymd(2026, 4, 28));
	dlg_holidays_free(h);
	/* the same from the computed calendar */
	h = dlg_holidays_new();
	assert_int_equal(end_of(h, 2026, 4, 21, 5, DLG_DAYS_CALENDAR), ymd(2026, 4, 28));
	dlg_holidays_free(h);
}

static void test_period_year_end(void **state)
{
	(void)state;
	dlg_holidays *h = shipped();
	/* Tuesday 29/12/2026 + 5 = Sunday 3/1/2027 (1/1 a Friday): Monday 4/1 */
	assert_int_equal(end_of(h, 2026, 12, 29, 5, DLG_DAYS_CALENDAR), ymd(2027, 1, 4));
	/* working: 30/12, 31/12, 4/1, 5/1, 6/1 */
	assert_int_equal(end_of(h, 2026, 12, 29, 5, DLG_DAYS_WORKING), ymd(2027, 1, 6));
	/* from the file's last year into a computed one: Thursday 30/12/2027
	 * + 5 = Tuesday 4/1/2028 (1/1/2028 Saturday, 3/1 its Monday off);
	 * working: 31/12, 4/1, 5/1, 6/1, 7/1 */
	assert_int_equal(end_of(h, 2027, 12, 30, 5, DLG_DAYS_CALENDAR), ymd(2028, 1, 4));
	assert_int_equal(end_of(h, 2027, 12, 30, 5, DLG_DAYS_WORKING), ymd(2028, 1, 7));
	dlg_holidays_free(h);
}

static void test_period_leap_year(void **state)
{
	(void)state;
	dlg_holidays *h = dlg_holidays_new();
	/* 2028 is a leap year: Friday 25/2 + 5 = Wednesday 1/3 */
	assert_int_equal(end_of(h, 2028, 2, 25, 5, DLG_DAYS_CALENDAR), ymd(2028, 3, 1));
	/* 2027 is not: Thursday 25/2 + 5 = Tuesday 2/3 */
	assert_int_equal(end_of(h, 2027, 2, 25, 5, DLG_DAYS_CALENDAR), ymd(2027, 3, 2));
	/* 2100 is not (century): Thursday 25/2 + 5 = Tuesday 2/3 */
	assert_int_equal(end_of(h, 2100, 2, 25, 5, DLG_DAYS_CALENDAR), ymd(2100, 3, 2));
	/* 2000 was: Friday 25/2 + 4 = Tuesday 29/2 */
	assert_int_equal(end_of(h, 2000, 2, 25, 4, DLG_DAYS_CALENDAR), ymd(2000, 2, 29));
	/* working days over 29/2/2028 (Tuesday) */
	assert_int_equal(end_of(h, 2028, 2, 25, 3, DLG_DAYS_WORKING), ymd(2028, 3, 1));
	dlg_holidays_free(h);
}

static void test_working_helpers(void **state)
{
	(void)state;
	dlg_holidays *h = shipped();
	dlg_day_kind k;
	assert_true(dlg_day_kind_parse("working", &k));
	assert_int_equal(k, DLG_DAYS_WORKING);
	assert_false(dlg_day_kind_parse("weekdays", &k));
	assert_int_equal(dlg_next_working_day(h, ymd(2026, 2, 14)), ymd(2026, 2, 23));
	assert_int_equal(dlg_prev_working_day(h, ymd(2026, 2, 22)), ymd(2026, 2, 13));
	assert_true(dlg_is_working_day(h, ymd(2026, 6, 19)));
	dlg_holidays_free(h);
}

int main(void)
{
	dlg_diag_init("test_holidays");
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_computed_fixed_days),
	    cmocka_unit_test(test_computed_tet),
	    cmocka_unit_test(test_compensatory),
	    cmocka_unit_test(test_shipped_file),
	    cmocka_unit_test(test_file_adds_never_removes),
	    cmocka_unit_test(test_file_errors),
	    cmocka_unit_test(test_period_weekend),
	    cmocka_unit_test(test_period_30_4),
	    cmocka_unit_test(test_period_tet),
	    cmocka_unit_test(test_period_sunday_holiday),
	    cmocka_unit_test(test_period_year_end),
	    cmocka_unit_test(test_period_leap_year),
	    cmocka_unit_test(test_working_helpers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
