/* Calendar arithmetic on day numbers (days since 1970-01-01). */
#include "base/date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/diag.h"
#include "base/env.h"

/* Days from civil, after H. Hinnant's public-domain derivation. */
dlg_day dlg_date_from_ymd(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void dlg_date_to_ymd(dlg_day z, int *y, int *m, int *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

int dlg_date_days_in_month(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return days[m - 1];
}

bool dlg_date_valid(int y, int m, int d)
{
	return y >= 1900 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 &&
	       d <= dlg_date_days_in_month(y, m);
}

int dlg_date_weekday(dlg_day day)
{
	/* 1970-01-01 was a Thursday. */
	long w = (day + 4) % 7;
	return (int)(w < 0 ? w + 7 : w);
}

const char *dlg_date_weekday_vi(dlg_day day, bool capital)
{
	static const char *const name[2][7] = {
	    {"Chủ nhật", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy"},
	    {"Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"},
	};
	return name[capital][dlg_date_weekday(day)];
}

static bool digits(const char *s, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

bool dlg_date_parse_iso(const char *s, dlg_day *out)
{
	int y, m, d;
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' || !digits(s, 4, &y) ||
	    !digits(s + 5, 2, &m) || !digits(s + 8, 2, &d) || !dlg_date_valid(y, m, d))
		return false;
	*out = dlg_date_from_ymd(y, m, d);
	return true;
}

/* Reads 1 to max digits; returns the number of characters read. */
static int number(const char *s, int max, int *out)
{
	int n = 0, v = 0;
	while (n < max && s[n] >= '0' && s[n] <= '9')
		v = v * 10 + (s[n++] - '0');
	*out = v;
	return n;
}

static bool time_tail(const char *s)
{
	int h, mi, sec, n;
	while (*s == ' ')
		s++;
	if (!*s)
		return true;
	if (!(n = number(s, 2, &h)) || s[n] != ':' || h > 23)
		return false;
	s += n + 1;
	if (!(n = number(s, 2, &mi)) || mi > 59)
		return false;
	s += n;
	if (*s == ':') {
		if (!(n = number(s + 1, 2, &sec)) || sec > 60)
			return false;
		s += n + 1;
	}
	while (*s == ' ')
		s++;
	return *s == '\0';
}

bool dlg_date_parse_loose(const char *s, dlg_day *out)
{
	while (*s == ' ')
		s++;
	int y, m, d, n;
	if (strlen(s) >= 10 && s[4] == '-' && s[7] == '-') {
		char iso[11];
		memcpy(iso, s, 10);
		iso[10] = '\0';
		const char *tail = s + 10;
		if (*tail == 'T')
			tail++;
		return dlg_date_parse_iso(iso, out) && time_tail(tail);
	}
	if (!(n = number(s, 2, &d)) || (s[n] != '/' && s[n] != '-' && s[n] != '.'))
		return false;
	char sep = s[n];
	s += n + 1;
	if (!(n = number(s, 2, &m)) || s[n] != sep)
		return false;
	s += n + 1;
	if (number(s, 4, &y) != 4 || !dlg_date_valid(y, m, d) || !time_tail(s + 4))
		return false;
	*out = dlg_date_from_ymd(y, m, d);
	return true;
}

static char *put_digits(char *p, int v, int n)
{
	for (int i = n - 1; i >= 0; i--, v /= 10)
		p[i] = (char)('0' + v % 10);
	return p + n;
}

void dlg_date_format_iso(dlg_day day, char *buf)
{
	int y, m, d;
	dlg_date_to_ymd(day, &y, &m, &d);
	char *p = put_digits(buf, y, 4);
	*p++ = '-';
	p = put_digits(p, m, 2);
	*p++ = '-';
	p = put_digits(p, d, 2);
	*p = '\0';
}

void dlg_date_format_dmy(dlg_day day, char *buf)
{
	int y, m, d;
	dlg_date_to_ymd(day, &y, &m, &d);
	char *p = put_digits(buf, d, 2);
	*p++ = '/';
	p = put_digits(p, m, 2);
	*p++ = '/';
	p = put_digits(p, y, 4);
	*p = '\0';
}

void dlg_date_format_vi(dlg_day day, char *buf, size_t size)
{
	int y, m, d;
	dlg_date_to_ymd(day, &y, &m, &d);
	/* Decree 30: a leading zero for days below 10 and months 1 and 2. */
	if (m <= 2)
		snprintf(buf, size, "ngày %02d tháng %02d năm %d", d, m, y);
	else
		snprintf(buf, size, "ngày %02d tháng %d năm %d", d, m, y);
}

bool dlg_date_today(const char *opt, dlg_day *out)
{
	const char *given = opt ? opt : dlg_env_today();
	if (given && *given) {
		if (!dlg_date_parse_iso(given, out)) {
			dlg_warn(opt ? _("--today: \"%s\" is not a date (YYYY-MM-DD)")
			             : _("DLG_TODAY: \"%s\" is not a date (YYYY-MM-DD)"),
			         given);
			return false;
		}
		return true;
	}
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	*out = dlg_date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	return true;
}
