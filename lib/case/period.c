/* Civil Code 2015 periods (arts. 144-148) over the holiday calendar. */
#include "case/period.h"

#include <string.h>

bool dlg_day_kind_parse(const char *s, dlg_day_kind *out)
{
	if (!strcmp(s, "calendar"))
		*out = DLG_DAYS_CALENDAR;
	else if (!strcmp(s, "working"))
		*out = DLG_DAYS_WORKING;
	else
		return false;
	return true;
}

bool dlg_is_working_day(dlg_holidays *h, dlg_day d)
{
	return !dlg_holidays_is_off(h, d);
}

dlg_day dlg_next_working_day(dlg_holidays *h, dlg_day d)
{
	while (dlg_holidays_is_off(h, d))
		d++;
	return d;
}

dlg_day dlg_prev_working_day(dlg_holidays *h, dlg_day d)
{
	while (dlg_holidays_is_off(h, d))
		d--;
	return d;
}

dlg_day dlg_period_end(dlg_holidays *h, dlg_day event, long n, dlg_day_kind kind)
{
	if (kind == DLG_DAYS_CALENDAR || n <= 0)
		return dlg_next_working_day(h, event + (n > 0 ? n : 0));
	dlg_day d = event;
	while (n > 0) {
		d++;
		if (!dlg_holidays_is_off(h, d))
			n--;
	}
	return d;
}
