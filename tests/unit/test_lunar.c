/* The lunar calendar against known Vietnamese dates. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "base/date.h"
#include "case/lunar.h"

static dlg_day ymd(int y, int m, int d)
{
	return dlg_date_from_ymd(y, m, d);
}

/* Tết (lunar 1/1) as announced each year. 2030 differs from the Chinese
 * new year (3 February): the new moon is at 23:07 in Hanoi. */
static void test_tet(void **state)
{
	static const int known[][3] = {
	    {2020, 1, 25}, {2021, 2, 12}, {2022, 2, 1},  {2023, 1, 22},
	    {2024, 2, 10}, {2025, 1, 29}, {2026, 2, 17}, {2027, 2, 6},
	    {2028, 1, 26}, {2029, 2, 13}, {2030, 2, 2},
	};
	(void)state;
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
		assert_int_equal(dlg_lunar_tet(known[i][0]),
		                 ymd(known[i][0], known[i][1], known[i][2]));
}

/* Years where UTC+7 and UTC+8 disagree: Vietnam's Tết 1985 came a month
 * before China's, and 2007's a day before. */
static void test_tet_vietnam_zone(void **state)
{
	(void)state;
	assert_int_equal(dlg_lunar_tet(1985), ymd(1985, 1, 21));
	assert_int_equal(dlg_lunar_tet(2007), ymd(2007, 2, 17));
}

/* Giỗ Tổ Hùng Vương, lunar 10/3. */
static void test_hung_kings(void **state)
{
	static const int known[][3] = {
	    {2020, 4, 2},  {2021, 4, 21}, {2022, 4, 10}, {2023, 4, 29}, {2024, 4, 18}, {2025, 4, 7},
	    {2026, 4, 26}, {2027, 4, 16}, {2028, 4, 4},  {2029, 4, 23}, {2030, 4, 12},
	};
	(void)state;
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
		dlg_day d;
		assert_true(dlg_lunar_to_day((dlg_lunar){known[i][0], 3, 10, false}, &d));
		assert_int_equal(d, ymd(known[i][0], known[i][1], known[i][2]));
	}
}

static void test_from_day(void **state)
{
	(void)state;
	dlg_lunar l = dlg_lunar_from_day(ymd(2026, 2, 16)); /* Tết eve, a 29-day month */
	assert_int_equal(l.year, 2025);
	assert_int_equal(l.month, 12);
	assert_int_equal(l.day, 29);
	assert_false(l.leap);
	assert_int_equal(dlg_lunar_month_length(ymd(2026, 2, 16)), 29);
	l = dlg_lunar_from_day(ymd(2024, 9, 17)); /* Tết Trung thu 2024 */
	assert_int_equal(l.month, 8);
	assert_int_equal(l.day, 15);
	/* 2025 has a leap sixth month from 25 July */
	l = dlg_lunar_from_day(ymd(2025, 7, 25));
	assert_int_equal(l.month, 6);
	assert_int_equal(l.day, 1);
	assert_true(l.leap);
	l = dlg_lunar_from_day(ymd(2025, 7, 24));
	assert_false(l.leap);
	assert_int_equal(l.month, 6);
	/* 2023: leap second month */
	l = dlg_lunar_from_day(ymd(2023, 3, 22));
	assert_true(l.leap);
	assert_int_equal(l.month, 2);
}

/* Every day from 1900 to 2100 maps to a lunar date and back. */
static void test_round_trip(void **state)
{
	(void)state;
	dlg_day end = ymd(2100, 12, 31);
	for (dlg_day d = ymd(1900, 1, 1); d <= end; d += 1) {
		dlg_lunar l = dlg_lunar_from_day(d);
		dlg_day back;
		assert_true(dlg_lunar_to_day(l, &back));
		assert_int_equal(back, d);
	}
}

static void test_invalid(void **state)
{
	(void)state;
	dlg_day d;
	/* 2026 has no leap month */
	assert_false(dlg_lunar_to_day((dlg_lunar){2026, 4, 1, true}, &d));
	/* 2025's leap month is the sixth, not the fifth */
	assert_false(dlg_lunar_to_day((dlg_lunar){2025, 5, 1, true}, &d));
	assert_true(dlg_lunar_to_day((dlg_lunar){2025, 6, 1, true}, &d));
	assert_int_equal(d, ymd(2025, 7, 25));
	/* lunar 12/2025 has 29 days: no 30th */
	assert_false(dlg_lunar_to_day((dlg_lunar){2025, 12, 30, false}, &d));
	assert_false(dlg_lunar_to_day((dlg_lunar){2025, 13, 1, false}, &d));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_tet),        cmocka_unit_test(test_tet_vietnam_zone),
	    cmocka_unit_test(test_hung_kings), cmocka_unit_test(test_from_day),
	    cmocka_unit_test(test_round_trip), cmocka_unit_test(test_invalid),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
