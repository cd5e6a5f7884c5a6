/* The Vietnamese lunar calendar (âm lịch), computed for UTC+7. */
#ifndef DLG_CASE_LUNAR_H
#define DLG_CASE_LUNAR_H

#include <stdbool.h>

#include "base/date.h"

/* A lunar date. `leap` is true in the intercalary (nhuận) month that repeats
 * the number `month`. `year` is the lunar year, which begins at Tết. */
typedef struct {
	int year;
	int month; /* 1..12 */
	int day;   /* 1..30 */
	bool leap;
} dlg_lunar;

/* The lunar date of a solar day, for Vietnam's time zone (UTC+7). Valid for
 * the years 1800 to 2199. */
dlg_lunar dlg_lunar_from_day(dlg_day day);

/* The solar day of a lunar date (UTC+7). false when there is no such day:
 * `leap` set for a month that is not intercalary that year, or day 30 in a
 * 29-day month. */
bool dlg_lunar_to_day(dlg_lunar l, dlg_day *out);

/* Tết Nguyên đán: the solar day of lunar 1/1 of the lunar year that begins in
 * solar year `year`. */
dlg_day dlg_lunar_tet(int year);

/* Number of days (29 or 30) of the lunar month that contains `day`. */
int dlg_lunar_month_length(dlg_day day);

#endif
