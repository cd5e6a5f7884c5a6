/* libFuzzer: date parsing and formatting, and text folding. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "base/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	memcpy(s, data, size);
	s[size] = '\0';
	dlg_day d;
	char buf[64];
	if (dlg_date_parse_iso(s, &d)) {
		dlg_date_format_iso(d, buf);
		if (strcmp(buf, s))
			abort(); /* ISO dates must round-trip */
	}
	if (dlg_date_parse_loose(s, &d))
		dlg_date_format_vi(d, buf, sizeof buf);
	if (dlg_utf8_valid(s, strlen(s), NULL)) {
		char *n = dlg_text_nfc(s, strlen(s), NULL);
		char *f = dlg_text_fold(n);
		free(f);
		free(n);
	}
	free(s);
	return 0;
}
