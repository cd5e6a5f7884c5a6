/* Public holidays and official days off (Labour Code 2019, arts. 111-112):
 * the case's holidays.csv for the years it lists, computed otherwise. */
#ifndef DLG_CASE_HOLIDAYS_H
#define DLG_CASE_HOLIDAYS_H

#include <stdbool.h>
#include <stddef.h>

#include "base/date.h"

typedef enum { DLG_HOL_FILE, DLG_HOL_COMPUTED } dlg_hol_source;

/* One listed day. `work` marks a Saturday or Sunday the government made a
 * working day when it swapped days (holidays.csv `kind = work`); every
 * other entry is a day off. */
typedef struct {
	dlg_day day;
	const char *name; /* owned by the set (or static for computed days) */
	bool work;
	dlg_hol_source source;
} dlg_holiday;

typedef struct dlg_holidays dlg_holidays;

/* An empty set: every year computed. Free with dlg_holidays_free. */
dlg_holidays *dlg_holidays_new(void);

/* Read holidays.csv (`date, name`, optional `kind` = off | work; other
 * columns are ignored) into h. Each year the file has a row for is then
 * taken from the file alone. false after a diagnostic naming file and line
 * (a bad date or kind, a missing column). */
bool dlg_holidays_load(dlg_holidays *h, const char *path);

/* True when holidays.csv gave days for this year. */
bool dlg_holidays_from_file(const dlg_holidays *h, int year);

/* The days listed for a year, in date order, one entry per day: the file's
 * for a year it covers, else the computed ones. The array belongs to h and
 * stays valid until dlg_holidays_free. Years outside 1800-2199 give 0. */
size_t dlg_holidays_year(dlg_holidays *h, int year, const dlg_holiday **out);

/* True when day d is not a working day: a Saturday or Sunday (unless made a
 * working day), a public holiday, or a compensatory or other official day
 * off. Results are cached per year, hence the non-const h. */
bool dlg_holidays_is_off(dlg_holidays *h, dlg_day d);

/* The Labour Code's days off for a year, computed: 1/1; Tết (the last day of
 * the lunar year and lunar 1/1 to 4/1); the Hùng Kings' day (lunar 10/3);
 * 30/4; 1/5; 2/9 and one adjacent day; then, for each of them that falls on a
 * Saturday or Sunday, the next working day (nghỉ bù). Writes at most cap
 * entries to out in date order and returns how many there are. Names are
 * static strings. */
size_t dlg_holidays_compute(int year, dlg_holiday *out, size_t cap);

void dlg_holidays_free(dlg_holidays *h);

#endif
