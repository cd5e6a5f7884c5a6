/* Dates: a day number, ISO and Vietnamese formatting, form timestamps, today. */
#ifndef DLG_BASE_DATE_H
#define DLG_BASE_DATE_H

#include <stdbool.h>
#include <stddef.h>

/* Days since 1970-01-01 (proleptic Gregorian); negative before. */
typedef long dlg_day;

/* Day number of a valid calendar date; -1 style errors are the caller's: use
 * dlg_date_valid first for untrusted input. */
dlg_day dlg_date_from_ymd(int y, int m, int d);
void dlg_date_to_ymd(dlg_day day, int *y, int *m, int *d);
bool dlg_date_valid(int y, int m, int d);
int dlg_date_days_in_month(int y, int m);

/* 0 = Sunday ... 6 = Saturday. */
int dlg_date_weekday(dlg_day day);

/* The weekday's Vietnamese name (static): "Thứ Hai" ... "Thứ Bảy", "Chủ nhật";
 * with capital false "thứ Hai" as inside a sentence ("Chủ nhật" either way). */
const char *dlg_date_weekday_vi(dlg_day day, bool capital);

/* Parse "YYYY-MM-DD" exactly (a real date); false otherwise. */
bool dlg_date_parse_iso(const char *s, dlg_day *out);

/* Parse the dates people and exports write: ISO, "dd/mm/yyyy", "d/m/yyyy",
 * optionally followed by " hh:mm[:ss]". false when not a real date. */
bool dlg_date_parse_loose(const char *s, dlg_day *out);

/* "YYYY-MM-DD" into buf (at least 11 bytes). */
void dlg_date_format_iso(dlg_day day, char *buf);

/* "ngày 05 tháng 02 năm 2026" into buf (at least 40 bytes): days below 10 and
 * months 1 and 2 take a leading zero (Decree 30). */
void dlg_date_format_vi(dlg_day day, char *buf, size_t size);

/* "05/02/2026" into buf (at least 11 bytes). */
void dlg_date_format_dmy(dlg_day day, char *buf);

/* Today: `opt` (from --today) if not NULL, else $DLG_TODAY, else the local
 * clock. Returns false (after a diagnostic) when the given date is invalid. */
bool dlg_date_today(const char *opt, dlg_day *out);

#endif
