/* The Vietnamese lunar calendar, computed for UTC+7.
 *
 * The method is the one Hồ Ngọc Đức published for the Vietnamese calendar
 * ("Thuật toán tính âm lịch", Hồ Ngọc Đức, 2004; informatik.uni-leipzig.de/
 * ~duc/amlich/), which takes the mean new moon and its periodic corrections
 * and the apparent solar longitude from Jean Meeus, "Astronomical
 * Algorithms" (Willmann-Bell, 1991; ch. 25 and 49 of the 2nd ed.):
 *
 *   - a lunar month begins on the (local, UTC+7) day of a new moon;
 *   - month 11 is the month that contains the winter solstice;
 *   - when there are 13 new moons from one month 11 to the next, the first
 *     month after month 11 that contains no major solar term (trung khí: the
 *     sun's longitude crossing a multiple of 30°) is the leap month, and
 *     repeats the number of the month before it.
 *
 * Vietnam has used UTC+7 since 1968, which is why Tết 1985 fell a day before
 * the Chinese new year (UTC+8). The code is our own, written from the
 * published description; days are Julian day numbers inside this file. */
#include "case/lunar.h"

#include <math.h>

#define TZ 7.0           /* hours east of Greenwich */
#define JD_1970 2440588L /* Julian day number of 1970-01-01 */
#define SYNODIC 29.530588853
#define K0_JD 2415021.076998695 /* new moon of 1900-01-01 (k = 0) */

static long jd_of(dlg_day d)
{
	return (long)d + JD_1970;
}

/* Julian day number of a Gregorian date (Fliegel & Van Flandern). */
static long jd_from_ymd(int y, int m, int d)
{
	long a = (14 - m) / 12;
	long yy = y + 4800 - a;
	long mm = m + 12 * a - 3;
	return d + (153 * mm + 2) / 5 + 365 * yy + yy / 4 - yy / 100 + yy / 400 - 32045;
}

/* Gregorian year of a Julian day number (Fliegel & Van Flandern, inverted). */
static int year_of_jd(long jd)
{
	long a = jd + 32044;
	long b = (4 * a + 3) / 146097;
	long c = a - 146097 * b / 4;
	long d = (4 * c + 3) / 1461;
	long e = c - 1461 * d / 4;
	long m = (5 * e + 2) / 153;
	return (int)(100 * b + d - 4800 + m / 10);
}

/* Julian day (fractional, TT) of the k-th new moon after 1900-01-01, after
 * Meeus with the corrections kept by Hồ Ngọc Đức. */
static double new_moon(long k)
{
	const double dr = M_PI / 180;
	double T = k / 1236.85;
	double T2 = T * T, T3 = T2 * T;
	double jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
	jd1 += 0.00033 * sin((166.56 + 132.87 * T - 0.009173 * T2) * dr);
	double M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;
	double Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;
	double F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;
	double c1 = (0.1734 - 0.000393 * T) * sin(M * dr) + 0.0021 * sin(2 * dr * M);
	c1 = c1 - 0.4068 * sin(Mpr * dr) + 0.0161 * sin(dr * 2 * Mpr);
	c1 = c1 - 0.0004 * sin(dr * 3 * Mpr);
	c1 = c1 + 0.0104 * sin(dr * 2 * F) - 0.0051 * sin(dr * (M + Mpr));
	c1 = c1 - 0.0074 * sin(dr * (M - Mpr)) + 0.0004 * sin(dr * (2 * F + M));
	c1 = c1 - 0.0004 * sin(dr * (2 * F - M)) - 0.0006 * sin(dr * (2 * F + Mpr));
	c1 = c1 + 0.0010 * sin(dr * (2 * F - Mpr)) + 0.0005 * sin(dr * (2 * Mpr + M));
	double deltat; /* TT - UT, in days */
	if (T < -11)
		deltat =
		    0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3;
	else
		deltat = -0.000278 + 0.000265 * T + 0.000262 * T2;
	return jd1 + c1 - deltat;
}

/* Julian day number of the local day on which the k-th new moon falls. */
static long new_moon_day(long k)
{
	return (long)floor(new_moon(k) + 0.5 + TZ / 24);
}

/* Apparent longitude of the sun (radians, 0..2π) at Julian day jdn (UT). */
static double sun_longitude(double jdn)
{
	const double dr = M_PI / 180;
	double T = (jdn - 2451545.0) / 36525;
	double T2 = T * T;
	double M = 357.52910 + 35999.05030 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
	double L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
	double DL = (1.914600 - 0.004817 * T - 0.000014 * T2) * sin(dr * M);
	DL += (0.019993 - 0.000101 * T) * sin(dr * 2 * M) + 0.000290 * sin(dr * 3 * M);
	double L = (L0 + DL) * dr;
	return L - 2 * M_PI * floor(L / (2 * M_PI));
}

/* The major solar term (0..11, in 30° steps from the vernal equinox) at the
 * start of local day jd. */
static int solar_term(long jd)
{
	return (int)floor(sun_longitude(jd - 0.5 - TZ / 24) / M_PI * 6);
}

/* First day of lunar month 11 (the month of the winter solstice) that
 * begins in solar year y. */
static long month11(int y)
{
	double off = jd_from_ymd(y, 12, 31) - 2415021;
	long k = (long)floor(off / SYNODIC);
	long nm = new_moon_day(k);
	if (solar_term(nm) >= 9) /* the solstice is not yet reached: month before */
		nm = new_moon_day(k - 1);
	return nm;
}

/* Index (1..13) of the leap month counted from the month 11 beginning at
 * a11, in a lunar year with 13 months: the first month without a major term. */
static int leap_offset(long a11)
{
	long k = (long)floor((a11 - K0_JD) / SYNODIC + 0.5);
	int i = 1;
	int arc = solar_term(new_moon_day(k + i));
	int last;
	do {
		last = arc;
		i++;
		arc = solar_term(new_moon_day(k + i));
	} while (arc != last && i < 14);
	return i - 1;
}

dlg_lunar dlg_lunar_from_day(dlg_day day)
{
	long jd = jd_of(day);
	long k = (long)floor((jd - K0_JD) / SYNODIC) + 1;
	long start = new_moon_day(k);
	while (start > jd) /* the mean month can be a day or two off */
		start = new_moon_day(--k);
	while (new_moon_day(k + 1) <= jd)
		start = new_moon_day(++k);
	int sy = year_of_jd(jd);
	long a11 = month11(sy), b11;
	int lyear;
	if (a11 >= start) {
		lyear = sy;
		b11 = a11;
		a11 = month11(sy - 1);
	} else {
		lyear = sy + 1;
		b11 = month11(sy + 1);
	}
	dlg_lunar l = {0};
	l.day = (int)(jd - start + 1);
	int diff = (int)floor((start - a11) / 29.0);
	l.month = diff + 11;
	if (b11 - a11 > 365) {
		int leap = leap_offset(a11);
		if (diff >= leap) {
			l.month = diff + 10;
			l.leap = diff == leap;
		}
	}
	if (l.month > 12)
		l.month -= 12;
	if (l.month >= 11 && diff < 4)
		lyear--;
	l.year = lyear;
	return l;
}

bool dlg_lunar_to_day(dlg_lunar l, dlg_day *out)
{
	if (l.month < 1 || l.month > 12 || l.day < 1 || l.day > 30)
		return false;
	long a11, b11;
	if (l.month < 11) {
		a11 = month11(l.year - 1);
		b11 = month11(l.year);
	} else {
		a11 = month11(l.year);
		b11 = month11(l.year + 1);
	}
	long k = (long)floor(0.5 + (a11 - K0_JD) / SYNODIC);
	int off = l.month - 11;
	if (off < 0)
		off += 12;
	if (b11 - a11 > 365) {
		int leap_off = leap_offset(a11);
		int leap_month = (9 + leap_off) % 12 + 1; /* repeats month leap_off - 1 */
		if (l.leap && l.month != leap_month)
			return false;
		if (l.leap || off >= leap_off)
			off++;
	} else if (l.leap) {
		return false;
	}
	long start = new_moon_day(k + off);
	if (l.day == 30 && new_moon_day(k + off + 1) - start < 30)
		return false;
	*out = (dlg_day)(start + l.day - 1 - JD_1970);
	return true;
}

dlg_day dlg_lunar_tet(int year)
{
	dlg_lunar l = {year, 1, 1, false};
	dlg_day d = 0;
	dlg_lunar_to_day(l, &d); /* month 1 day 1 always exists */
	return d;
}

int dlg_lunar_month_length(dlg_day day)
{
	long jd = jd_of(day);
	long k = (long)floor((jd - K0_JD) / SYNODIC) + 1;
	while (new_moon_day(k) > jd)
		k--;
	while (new_moon_day(k + 1) <= jd)
		k++;
	return (int)(new_moon_day(k + 1) - new_moon_day(k));
}
