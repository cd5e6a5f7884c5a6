/* libFuzzer: reading a font file (a damaged "Times New Roman.ttf" from the
 * web) and making the subset a PDF embeds. Seeded with a small subset of
 * Liberation Serif (tests/fuzz/corpus/fuzz_font/). */
#include <stdint.h>
#include <stdlib.h>

#include "base/diag.h"
#include "base/sbuf.h"
#include "doc/ttf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int init;
	if (!init) {
		dlg_diag_init("fuzz_font");
		init = 1;
	}
	dlg_ttf *f = dlg_ttf_load_data("fuzz.ttf", data, size, 0);
	if (!f)
		return 0;
	const dlg_ttf_info *info = dlg_ttf_get_info(f);
	if (info->units_per_em <= 0 || info->num_glyphs <= 0 || !info->ps_name)
		abort(); /* a font that loads has usable metrics */
	static const uint32_t cps[] = {'A', 'a', 0x103, 0x1EC7, 0xFFFD, '?', 0x1F600, 0x10FFFF};
	uint16_t glyphs[16];
	size_t n = 0;
	glyphs[n++] = 0;
	for (size_t i = 0; i < sizeof cps / sizeof cps[0]; i++) {
		uint16_t g = dlg_ttf_glyph(f, cps[i]);
		if ((int)g >= info->num_glyphs)
			abort(); /* glyph ids stay inside the font */
		(void)dlg_ttf_advance(f, g);
		glyphs[n++] = g;
	}
	glyphs[n++] = (uint16_t)(info->num_glyphs - 1);
	uint16_t new_gid[16];
	dlg_sbuf out = {0};
	if (dlg_ttf_subset(f, glyphs, n, &out, new_gid)) {
		dlg_ttf *sub = dlg_ttf_load_data("subset.ttf", out.data, out.len, 0);
		dlg_ttf_free(sub);
	}
	dlg_sbuf_free(&out);
	dlg_ttf_free(f);
	return 0;
}
