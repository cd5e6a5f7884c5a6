/* Phone digits and their separators, ASCII and full-width. */
#include "base/digits.h"

#include <string.h>

/* Full-width forms are U+FF01..U+FF5E, EF BC 81..EF BD 9E in UTF-8: the
 * ASCII character 0x21..0x7E plus 0xFEE0. The ASCII character of a
 * full-width form at s, or 0. */
static char fullwidth_at(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	if (u[0] != 0xEF)
		return 0;
	if (u[1] == 0xBC && u[2] >= 0x81 && u[2] <= 0xBF)
		return (char)(u[2] - 0x80 + 0x20);
	if (u[1] == 0xBD && u[2] >= 0x80 && u[2] <= 0x9E)
		return (char)(u[2] - 0x80 + 0x60);
	return 0;
}

int dlg_digit_at(const char *s, size_t *len)
{
	if (*s >= '0' && *s <= '9') {
		*len = 1;
		return *s - '0';
	}
	char c = fullwidth_at(s);
	if (c >= '0' && c <= '9') {
		*len = 3;
		return c - '0';
	}
	return -1;
}

bool dlg_plus_at(const char *s, size_t *len)
{
	if (*s == '+') {
		*len = 1;
		return true;
	}
	if (fullwidth_at(s) == '+') {
		*len = 3;
		return true;
	}
	return false;
}

bool dlg_phone_sep_at(const char *s, size_t *len)
{
	if (*s && strchr(" \t.-/()", *s)) {
		*len = 1;
		return true;
	}
	const unsigned char *u = (const unsigned char *)s;
	if (u[0] == 0xC2 && u[1] == 0xA0) { /* no-break space */
		*len = 2;
		return true;
	}
	if (u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x80) { /* ideographic space */
		*len = 3;
		return true;
	}
	if (u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0x90 || u[2] == 0x91 || u[2] == 0x93)) {
		*len = 3; /* hyphen, non-breaking hyphen, en dash */
		return true;
	}
	char c = fullwidth_at(s);
	if (c && strchr(".-/()", c)) {
		*len = 3;
		return true;
	}
	return false;
}

char dlg_bracket_at(const char *s)
{
	char c = *s == '(' || *s == ')' ? *s : fullwidth_at(s);
	return c == '(' || c == ')' ? c : 0;
}
