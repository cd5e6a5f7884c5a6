/* libFuzzer: the .xlsx reader (libzip, expat) on a workbook in memory, the
 * first sheet or the one named by the first byte's choice. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/diag.h"
#include "fmt/sheet.h"
#include "fmt/xlsx.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int init;
	if (!init) {
		dlg_diag_init("fuzz_xlsx");
		init = 1;
	}
	if (size < 1)
		return 0;
	const char *sheet = data[0] & 1 ? "Sheet1" : NULL;
	dlg_sheet *s = dlg_xlsx_read_buffer(data + 1, size - 1, "fuzz.xlsx", sheet);
	if (s) {
		size_t total = 0;
		for (size_t r = 0; r < s->nrows; r++)
			for (size_t c = 0; c < s->ncols; c++)
				total += s->cell[r][c][0] != '\0';
		(void)total;
		dlg_sheet_free(s);
	}
	return 0;
}
