/* Masking phone numbers and e-mail addresses. */
#include "base/privacy.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "base/diag.h"

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

char *dlg_mask_phone(const char *phone, char *buf, size_t size)
{
	char d[64];
	size_t n = 0;
	for (const char *p = phone; *p; p++)
		if (is_digit(*p) && n < sizeof d - 1)
			d[n++] = *p;
	d[n] = '\0';
	/* +84 912 345 678 is 0912 345 678 */
	const char *plus = strchr(phone, '+');
	if (n >= 11 && d[0] == '8' && d[1] == '4' && (plus || n == 11)) {
		memmove(d + 1, d + 2, n - 1);
		d[0] = '0';
		n--;
	}
	if (n == 0)
		snprintf(buf, size, "%s", "");
	else if (n < 8)
		snprintf(buf, size, "%s", "***");
	else
		snprintf(buf, size, "%.4s *** %s", d, d + n - 3);
	return buf;
}

/* Length of a phone number starting at p (digits with single separators
 * between them), or 0 when fewer than 9 digits. */
static size_t phone_len(const char *p)
{
	const char *s = p;
	size_t digits = 0;
	if (*s == '+')
		s++;
	const char *end = s;
	while (*s) {
		if (is_digit(*s)) {
			digits++;
			s++;
			end = s;
		} else if ((*s == ' ' || *s == '.' || *s == '-') && is_digit(s[1]) && digits) {
			s++;
		} else {
			break;
		}
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
		bool start = p == text || !(is_digit(p[-1]) || p[-1] == '+');
		size_t n = start && (is_digit(*p) || *p == '+') ? phone_len(p) : 0;
		if (n) {
			char tmp[64], buf[32];
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
