/* A main for a libFuzzer harness without libFuzzer: runs each file named on
 * the command line through LLVMFuzzerTestOneInput once. make check builds
 * every harness this way with ASan and UBSan and replays tests/fuzz/crashes/
 * (tests/fuzz/replay.sh), so an input that once crashed stays fixed. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
/* defined by the harnesses that need to set up first */
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

int main(int argc, char **argv)
{
	if (LLVMFuzzerInitialize)
		LLVMFuzzerInitialize(&argc, &argv);
	for (int i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		if (!f) {
			perror(argv[i]);
			return 2;
		}
		size_t cap = 1 << 16, n = 0, got;
		uint8_t *data = malloc(cap);
		while (data && (got = fread(data + n, 1, cap - n, f)) > 0) {
			n += got;
			if (n == cap)
				data = realloc(data, cap *= 2);
		}
		fclose(f);
		if (!data) {
			fputs("out of memory\n", stderr);
			return 2;
		}
		LLVMFuzzerTestOneInput(data, n);
		free(data);
	}
	return 0;
}
