/* libFuzzer: the dlg.conf reader. */
#include <stdint.h>

#include "fmt/conf.h"
#include "base/diag.h"
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int init;
	if (!init) {
		dlg_diag_init("fuzz_conf");
		init = 1;
	}
	char path[64];
	int fd = fuzz_file(data, size, path, sizeof path);
	if (fd < 0)
		return 0;
	dlg_conf *c = dlg_conf_load(path);
	if (c) {
		(void)dlg_conf_get(c, "office", "place");
		(void)dlg_conf_get_long(c, "rules", "answer_days");
		dlg_conf_free(c);
	}
	close(fd);
	return 0;
}
