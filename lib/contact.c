/* Phone and e-mail normalisation. */
#include "contact.h"

#include <ctype.h>
#include <string.h>

#include "text.h"


bool dlg_phone_normalize(const char *in, char *out, size_t size)
{
	char digits[32];
	size_t n = 0;
	bool plus = false;
	const char *p = in;
	while (*p == ' ')
		p++;
	if (*p == '+')
		plus = true, p++;
	for (; *p; p++) {
		if (isdigit((unsigned char)*p)) {
			if (n + 1 >= sizeof digits)
				goto invalid;
			digits[n++] = *p;
		} else if (!strchr(" .-()", *p)) {
			goto invalid;
		}
	}
	digits[n] = '\0';
	const char *d = digits;
	char local[32];
	if ((plus || n == 11 || n == 12) && !strncmp(digits, "84", 2)) {
		local[0] = '0';
		strcpy(local + 1, digits + 2);
		d = local;
	} else if (plus) {
		goto invalid;
	}
	size_t len = strlen(d);
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
