/* libFuzzer: the CSV reader, fed in chunks of a size the input chooses. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "fmt/csv.h"
#include "base/diag.h"
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int init;
	if (!init) {
		dlg_diag_init("fuzz_csv");
		init = 1;
	}
	if (size < 1)
		return 0;
	char path[64];
	int fd = fuzz_file(data + 1, size - 1, path, sizeof path);
	if (fd < 0)
		return 0;
	dlg_csv_opts opts = {.chunk = 1 + data[0] % 97, .max_field = 4096};
	if (data[0] & 0x80)
		opts.from = "CP1258";
	dlg_csv_reader *r = dlg_csv_open(path, &opts);
	if (r) {
		const dlg_row *row;
		size_t total = 0;
		while (dlg_csv_next(r, &row) > 0)
			for (size_t i = 0; i < row->n; i++)
				total += row->len[i] + (row->field[i][row->len[i]] == '\0');
		(void)total;
		dlg_csv_close(r);
	}
	close(fd);
	return 0;
}
