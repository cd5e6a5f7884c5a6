/* libFuzzer: an e-mail message (GMime) read as a registration form: its
 * headers, text and HTML bodies, CSV and XLSX attachments. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "fmt/mailin.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int init;
	if (!init) {
		dlg_diag_init("fuzz_mail");
		init = 1;
	}
	dlg_mail_forms f;
	memset(&f, 0, sizeof f);
	dlg_mail_read_buffer((const char *)data, size, "fuzz.eml", NULL, &f);
	size_t total = f.forms ? f.forms->nrows : 0;
	for (size_t i = 0; i < f.nattachments; i++)
		total += f.attachments[i]->nrows;
	(void)total;
	dlg_mail_forms_free(&f);
	return 0;
}
