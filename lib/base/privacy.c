/* Masking phone numbers and e-mail addresses. */
#include "base/privacy.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "base/diag.h"
#include "base/digits.h"

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

char *dlg_mask_phone(const char *phone, char *buf, size_t size)
{
	char d[64];
	size_t n = 0, len;
	bool plus = false;
	for (const char *p = phone; *p; p += len) {
		int digit = dlg_digit_at(p, &len);
		if (digit >= 0 && n < sizeof d - 1)
			d[n++] = (char)('0' + digit);
		else if (digit < 0 && dlg_plus_at(p, &len))
			plus = true;
		else if (digit < 0)
			len = 1;
	}
	d[n] = '\0';
	/* +84 912 345 678 is 0912 345 678 */
	if (n >= 11 && d[0] == '8' && d[1] == '4' && (plus || n == 11)) {
		memmove(d + 1, d + 2, n - 1);
		d[0] = '0';
		n--;
		if (d[1] == '0') { /* "+84 0912 ..." */
			memmove(d + 1, d + 2, n - 1);
			n--;
		}
	}
	if (n == 0)
		snprintf(buf, size, "%s", "");
	else if (n < 8)
		snprintf(buf, size, "%s", "***");
	else
		snprintf(buf, size, "%.4s *** %s", d, d + n - 3);
	return buf;
}

/* Length of a phone number starting at p, or 0 when fewer than 9 digits:
 * digits (ASCII or full-width) after an optional bracket and plus, with one
 * separator between them, or a closing bracket and one more ("(0912) 345-678",
 * "(+84) 912 668 224"); an opening bracket only before the first. */
static size_t phone_len(const char *p)
{
	const char *s = p, *end = p;
	size_t digits = 0, len, len2;
	bool open = false; /* began with a bracket not closed yet */
	if (dlg_bracket_at(s) == '(' && dlg_phone_sep_at(s, &len)) {
		s += len;
		open = true;
	}
	if (dlg_plus_at(s, &len))
		s += len;
	while (*s) {
		if (dlg_digit_at(s, &len) >= 0) {
			digits++;
			s += len;
			end = s;
			/* the bracket the number opened ends with it: "(+84 912 668 224)" */
			if (open && dlg_bracket_at(s) == ')' && dlg_phone_sep_at(s, &len))
				end = s + len;
			continue;
		}
		if (!digits || dlg_bracket_at(s) == '(' || !dlg_phone_sep_at(s, &len))
			break;
		const char *t = s + len;
		bool closing = dlg_bracket_at(s) == ')';
		if (dlg_digit_at(t, &len2) >= 0) {
			s = t;
			open = open && !closing;
			continue;
		}
		if (closing && dlg_bracket_at(t) != '(' && dlg_phone_sep_at(t, &len2) &&
		    dlg_digit_at(t + len2, &len) >= 0) {
			s = t + len2;
			open = false;
			continue;
		}
		break;
	}
	return digits >= 9 ? (size_t)(end - p) : 0;
}

static bool mail_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) || c == '.' ||
	       c == '_' || c == '-' || c == '+' || c == '%';
}

char *dlg_mask_contacts(const char *text)
{
	size_t len = strlen(text);
	char *out = dlg_xmalloc(len * 2 + 16);
	size_t o = 0;
	const char *p = text;
	while (*p) {
		if (*p == '@' && p > text && mail_char(p[-1]) && mail_char(p[1])) {
			/* take back the local part already copied */
			while (o > 0 && mail_char(out[o - 1]))
				o--;
			memcpy(out + o, "***@", 4);
			o += 4;
			p++;
			continue;
		}
		size_t at_len;
		bool start = p == text || !(is_digit(p[-1]) || p[-1] == '+');
		bool may =
		    dlg_digit_at(p, &at_len) >= 0 || dlg_plus_at(p, &at_len) || dlg_bracket_at(p);
		size_t n = start && may ? phone_len(p) : 0;
		if (n) {
			char tmp[128], buf[32];
			size_t k = n < sizeof tmp - 1 ? n : sizeof tmp - 1;
			memcpy(tmp, p, k);
			tmp[k] = '\0';
			dlg_mask_phone(tmp, buf, sizeof buf);
			size_t bl = strlen(buf);
			memcpy(out + o, buf, bl);
			o += bl;
			p += n;
			continue;
		}
		out[o++] = *p++;
	}
	out[o] = '\0';
	return out;
}
