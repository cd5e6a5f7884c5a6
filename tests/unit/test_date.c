/* Unit tests for lib/base/date.c */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"

static void round_trip(void **state)
{
	assert_int_equal(dlg_date_from_ymd(1970, 1, 1), 0);
	for (dlg_day d = dlg_date_from_ymd(1999, 12, 25); d < dlg_date_from_ymd(2031, 1, 5); d++) {
		int y, m, dd;
		dlg_date_to_ymd(d, &y, &m, &dd);
		assert_true(dlg_date_valid(y, m, dd));
		assert_int_equal(dlg_date_from_ymd(y, m, dd), d);
	}
	assert_int_equal(dlg_date_weekday(dlg_date_from_ymd(2026, 11, 27)), 5); /* Friday */
	assert_int_equal(dlg_date_weekday(dlg_date_from_ymd(2026, 2, 17)), 2);  /* Tuesday */
	assert_string_equal(dlg_date_weekday_vi(dlg_date_from_ymd(2026, 11, 27), true), "Thứ Sáu");
	assert_string_equal(dlg_date_weekday_vi(dlg_date_from_ymd(2026, 11, 27), false), "thứ Sáu");
	assert_string_equal(dlg_date_weekday_vi(dlg_date_from_ymd(2026, 11, 29), false),
	                    "Chủ nhật");
}

static void parsing(void **state)
{
	dlg_day d;
	assert_true(dlg_date_parse_iso("2024-02-29", &d));
	assert_false(dlg_date_parse_iso("2026-02-29", &d));
	assert_false(dlg_date_parse_iso("2026-02-30", &d));
	assert_false(dlg_date_parse_iso("2026-2-3", &d));
	assert_false(dlg_date_parse_iso("2026-13-01", &d));
	assert_true(dlg_date_parse_loose("05/02/2026 08:15:02", &d));
	assert_int_equal(d, dlg_date_from_ymd(2026, 2, 5));
	assert_true(dlg_date_parse_loose("5/2/2026", &d));
	assert_int_equal(d, dlg_date_from_ymd(2026, 2, 5));
	assert_true(dlg_date_parse_loose("2026-07-01 10:00", &d));
	assert_false(dlg_date_parse_loose("31/04/2026", &d));
	assert_false(dlg_date_parse_loose("05/02/2026 25:00", &d));
	assert_false(dlg_date_parse_loose("hôm qua", &d));
}

static void formatting(void **state)
{
	char buf[64];
	dlg_date_format_vi(dlg_date_from_ymd(2026, 2, 5), buf, sizeof buf);
	assert_string_equal(buf, "ngày 05 tháng 02 năm 2026");
	dlg_date_format_vi(dlg_date_from_ymd(2026, 11, 27), buf, sizeof buf);
	assert_string_equal(buf, "ngày 27 tháng 11 năm 2026");
	dlg_date_format_vi(dlg_date_from_ymd(2026, 7, 6), buf, sizeof buf);
	assert_string_equal(buf, "ngày 06 tháng 7 năm 2026");
	dlg_date_format_iso(dlg_date_from_ymd(2026, 7, 6), buf);
	assert_string_equal(buf, "2026-07-06");
	dlg_date_format_dmy(dlg_date_from_ymd(2026, 7, 6), buf);
	assert_string_equal(buf, "06/07/2026");
}

static void today(void **state)
{
	dlg_day d;
	assert_true(dlg_date_today("2026-06-20", &d));
	assert_int_equal(d, dlg_date_from_ymd(2026, 6, 20));
	setenv("DLG_TODAY", "2026-01-02", 1);
	assert_true(dlg_date_today(NULL, &d));
	assert_int_equal(d, dlg_date_from_ymd(2026, 1, 2));
	unsetenv("DLG_TODAY");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(round_trip),
	    cmocka_unit_test(parsing),
	    cmocka_unit_test(formatting),
	    cmocka_unit_test(today),
	};
	return cmocka_run_group_tests_name("date", tests, NULL, NULL);
}
