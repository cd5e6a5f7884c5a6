/* Phone and e-mail normalisation. */
#include "fmt/contact.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "base/digits.h"
#include "base/text.h"

bool dlg_phone_normalize(const char *in, char *out, size_t size)
{
	char digits[32];
	size_t n = 0, len;
	bool plus = false;
	/* "(+84) 912 668 224", "(0912) 345-678", "０９１２ ３４５ ６７８": digits,
	 * ASCII or full-width, with separators; a plus only before the first. */
	for (const char *p = in; *p;) {
		int d = dlg_digit_at(p, &len);
		if (d >= 0) {
			if (n + 1 >= sizeof digits)
				goto invalid;
			digits[n++] = (char)('0' + d);
		} else if (!n && !plus && dlg_plus_at(p, &len)) {
			plus = true;
		} else if (!dlg_phone_sep_at(p, &len)) {
			goto invalid;
		}
		p += len;
	}
	digits[n] = '\0';
	const char *d = digits;
	char local[32];
	if ((plus || n == 11 || n == 12) && !strncmp(digits, "84", 2)) {
		local[0] = '0';
		/* "+84 0912 345 678": the 0 written after the country code too */
		strcpy(local + 1, digits + 2 + (digits[2] == '0'));
		d = local;
	} else if (plus) {
		goto invalid;
	}
	/* Mobile numbers renumbered in 2018: 11 digits, 01xy... → 0ab... */
	static const struct {
		const char *old, *new;
	} renumbered[] = {
	    {"0162", "032"}, {"0163", "033"}, {"0164", "034"}, {"0165", "035"}, {"0166", "036"},
	    {"0167", "037"}, {"0168", "038"}, {"0169", "039"}, {"0120", "070"}, {"0121", "079"},
	    {"0122", "077"}, {"0126", "076"}, {"0128", "078"}, {"0123", "083"}, {"0124", "084"},
	    {"0125", "085"}, {"0127", "081"}, {"0129", "082"}, {"0186", "056"}, {"0188", "058"},
	    {"0199", "059"},
	};
	char moved[32];
	if (strlen(d) == 11 && !strncmp(d, "01", 2)) {
		for (size_t i = 0; i < sizeof renumbered / sizeof renumbered[0]; i++) {
			if (!strncmp(d, renumbered[i].old, 4)) {
				snprintf(moved, sizeof moved, "%s%s", renumbered[i].new, d + 4);
				d = moved;
				break;
			}
		}
	}
	len = strlen(d);
	bool mobile = len == 10 && d[0] == '0' && strchr("35789", d[1]);
	bool landline = len == 11 && d[0] == '0' && d[1] == '2';
	if (!mobile && !landline)
		goto invalid;
	if (len + 1 > size)
		goto invalid;
	strcpy(out, d);
	return true;
invalid:
	if (size)
		out[0] = '\0';
	return false;
}

bool dlg_email_normalize(char *s)
{
	dlg_text_squeeze(s);
	for (char *p = s; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p + 32);
	const char *at = strchr(s, '@');
	if (!at || at == s || strchr(at + 1, '@') || strchr(s, ' '))
		return false;
	const char *dot = strrchr(at, '.');
	return dot && dot > at + 1 && dot[1] != '\0';
}
