/* libFuzzer: Markdown text (an answer written by a department) through
 * dlg_md_draw, the layout engine and the PDF writer, as dlg-reply and
 * dlg-minutes draw answers. The first byte chooses the indent; the rest is
 * the text, taken as given (NUL ends it, as in a C string). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "doc/font.h"
#include "doc/layout.h"
#include "doc/nd30.h"
#include "doc/template.h"
#include "doc/pdf.h"

static dlg_fonts *fonts;
static FILE *sink;

static void done(void)
{
	dlg_fonts_free(fonts);
	fclose(sink);
}

/* Fonts are slow to load: once, before the first input. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	dlg_diag_init("fuzz_markdown");
	fonts = dlg_fonts_new(NULL);
	for (int s = 0; s < DLG_NSTYLES; s++)
		dlg_fonts_get(fonts, s);
	sink = fopen("/dev/null", "w");
	if (!sink)
		abort();
	atexit(done);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	double indent = (data[0] & 0x3f) * 2.0;
	char *text = malloc(size);
	memcpy(text, data + 1, size - 1);
	text[size - 1] = '\0';

	dlg_pdf *pdf = dlg_pdf_new(fonts);
	dlg_pdf_set_info(pdf, "Trả lời", dlg_date_from_ymd(2026, 7, 16));
	dlg_geom g = dlg_geom_nd30();
	dlg_lay *l = dlg_lay_new(pdf, fonts, &g);
	dlg_pstyle ps = dlg_pstyle_body();
	dlg_lay_text(l, &ps, DLG_BOLD_ITALIC, "Trả lời (ý kiến của Văn phòng):");
	dlg_md_draw(l, text, indent);
	if (data[0] & 0x40) {
		/* a second answer in a narrow column, as on the minutes */
		double w[2] = {dlg_lay_frame_width(l) / 3, dlg_lay_frame_width(l) * 2 / 3};
		dlg_lay_columns(l, 2, w);
		dlg_lay_next_column(l);
		dlg_md_draw(l, text, 0);
		dlg_lay_columns_end(l);
	}
	dlg_lay_finish(l);
	dlg_pdf_write(pdf, sink, "fuzz.pdf");
	dlg_pdf_free(pdf);
	free(text);
	return 0;
}
