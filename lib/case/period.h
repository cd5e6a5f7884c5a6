/* Periods of time under the Civil Code 2015 (arts. 144-148). */
#ifndef DLG_CASE_PERIOD_H
#define DLG_CASE_PERIOD_H

#include <stdbool.h>

#include "base/date.h"
#include "case/holidays.h"

typedef enum { DLG_DAYS_CALENDAR, DLG_DAYS_WORKING } dlg_day_kind;

/* "calendar" or "working" (dlg.conf answer_day_kind); false otherwise. */
bool dlg_day_kind_parse(const char *s, dlg_day_kind *out);

/* True when d is a working day (not a weekend day, holiday or day off). */
bool dlg_is_working_day(dlg_holidays *h, dlg_day d);

/* The first working day on or after d. */
dlg_day dlg_next_working_day(dlg_holidays *h, dlg_day d);

/* The last working day on or before d. */
dlg_day dlg_prev_working_day(dlg_holidays *h, dlg_day d);

/* Last day of a period of n days that starts with the event on day `event`:
 * the day of the event is not counted (art. 147); in calendar mode the
 * period ends at the end of day event + n, moved to the next working day
 * when that day is a weekend day or a day off (art. 148); in working mode
 * the n working days after the event are counted. n = 0 gives the event's
 * day, or the next working day. */
dlg_day dlg_period_end(dlg_holidays *h, dlg_day event, long n, dlg_day_kind kind);

#endif
