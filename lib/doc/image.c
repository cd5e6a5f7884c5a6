/* PNG decoding with libpng's classic interface (the simplified one does not
 * give the pHYs resolution). Every format is turned into RGBA 8-bit first,
 * then split into the samples and the alpha plane a PDF image and its SMask
 * take. */
#include "doc/image.h"

#include <errno.h>
#include <png.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"

void dlg_image_free(dlg_image *img)
{
	if (!img)
		return;
	free(img->rgb);
	free(img->alpha);
	free(img->path);
	free(img);
}

static void png_error_fn(png_structp png, png_const_charp msg)
{
	const char *path = png_get_error_ptr(png);
	dlg_warn(_("%s: not a readable PNG image (%s)"), path, msg);
	png_longjmp(png, 1);
}

static void png_warning_fn(png_structp png, png_const_charp msg)
{
	(void)png;
	(void)msg; /* e.g. an unknown ancillary chunk: the image is still good */
}

/* Limits: a signature or seal scanned at 600 dpi fits well inside. */
#define MAX_SIDE 8000

dlg_image *dlg_image_load_png(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		dlg_warn("%s: %s", path, strerror(errno));
		return NULL;
	}
	unsigned char sig[8];
	if (fread(sig, 1, 8, f) != 8 || png_sig_cmp(sig, 0, 8)) {
		dlg_warn(_("%s: not a PNG image"), path);
		fclose(f);
		return NULL;
	}
	png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, (void *)path, png_error_fn,
	                                         png_warning_fn);
	png_infop info = png ? png_create_info_struct(png) : NULL;
	if (!info) {
		png_destroy_read_struct(&png, NULL, NULL);
		fclose(f);
		dlg_out_of_memory();
	}
	/* volatile: changed between setjmp and a possible longjmp */
	unsigned char *volatile rgba = NULL;
	png_bytep *volatile rows = NULL;
	dlg_image *volatile img = NULL;
	if (setjmp(png_jmpbuf(png))) {
		free(rgba);
		free(rows);
		dlg_image_free(img);
		png_destroy_read_struct(&png, &info, NULL);
		fclose(f);
		return NULL;
	}
	png_init_io(png, f);
	png_set_sig_bytes(png, 8);
	png_set_user_limits(png, MAX_SIDE, MAX_SIDE);
	png_read_info(png, info);
	png_uint_32 w, h;
	int depth, ctype;
	png_get_IHDR(png, info, &w, &h, &depth, &ctype, NULL, NULL, NULL);
	if (depth == 16)
		png_set_strip_16(png);
	if (ctype == PNG_COLOR_TYPE_PALETTE)
		png_set_palette_to_rgb(png);
	if (ctype == PNG_COLOR_TYPE_GRAY && depth < 8)
		png_set_expand_gray_1_2_4_to_8(png);
	if (png_get_valid(png, info, PNG_INFO_tRNS))
		png_set_tRNS_to_alpha(png);
	if (ctype == PNG_COLOR_TYPE_GRAY || ctype == PNG_COLOR_TYPE_GRAY_ALPHA)
		png_set_gray_to_rgb(png);
	png_set_filler(png, 0xFF, PNG_FILLER_AFTER); /* RGB -> RGBA */
	png_set_interlace_handling(png);
	png_read_update_info(png, info);
	if (png_get_rowbytes(png, info) != (size_t)w * 4)
		png_error(png, "unexpected row size");
	img = calloc(1, sizeof *img);
	rgba = malloc((size_t)w * h * 4);
	rows = malloc(h * sizeof *rows);
	if (!img || !rgba || !rows)
		png_error(png, "out of memory");
	for (png_uint_32 y = 0; y < h; y++)
		rows[y] = rgba + (size_t)y * w * 4;
	png_read_image(png, rows);
	png_read_end(png, NULL);
	png_uint_32 rx, ry;
	int unit;
	if (png_get_pHYs(png, info, &rx, &ry, &unit) && unit == PNG_RESOLUTION_METER && rx > 0)
		img->dpi = rx * 0.0254;
	png_destroy_read_struct(&png, &info, NULL);
	fclose(f);

	img->w = (int)w;
	img->h = (int)h;
	img->path = dlg_xstrdup(path);
	size_t n = (size_t)w * h;
	img->rgb = dlg_xmalloc(n * 3);
	bool opaque = true;
	for (size_t i = 0; i < n; i++) {
		memcpy(img->rgb + 3 * i, rgba + 4 * i, 3);
		opaque = opaque && rgba[4 * i + 3] == 255;
	}
	if (!opaque) {
		img->alpha = dlg_xmalloc(n);
		for (size_t i = 0; i < n; i++)
			img->alpha[i] = rgba[4 * i + 3];
	}
	free(rgba);
	free(rows);
	return img;
}

void dlg_image_size_pt(const dlg_image *img, double width_pt, double *w, double *h)
{
	if (img->dpi > 0) {
		*w = img->w * 72.0 / img->dpi;
		*h = img->h * 72.0 / img->dpi;
	} else {
		*w = width_pt;
		*h = width_pt * img->h / img->w;
	}
}
