/* Raster images for documents: PNG files (the signer's signature and the
 * office's seal, Decree 30 Appendix I, II.7) decoded with libpng into 8-bit
 * RGB samples and an 8-bit alpha plane, with the physical size the file
 * declares (its pHYs chunk), if any. */
#ifndef DLG_DOC_IMAGE_H
#define DLG_DOC_IMAGE_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
	int w, h;             /* pixels */
	unsigned char *rgb;   /* w*h*3 samples, row by row from the top */
	unsigned char *alpha; /* w*h opacities (255 opaque), NULL when all opaque */
	double dpi;           /* pixels per inch from pHYs, 0 when not declared */
	char *path;           /* the file it came from (messages) */
} dlg_image;

/* Read the PNG file at path (any colour type and depth; a palette's or a
 * colour key's transparency becomes alpha). NULL after a diagnostic naming
 * the file when it cannot be read or is not a PNG. Free with
 * dlg_image_free. */
dlg_image *dlg_image_load_png(const char *path);
void dlg_image_free(dlg_image *img);

/* Width and height in points at the declared resolution, or, when the file
 * declares none, scaled to width_pt (height kept in proportion). */
void dlg_image_size_pt(const dlg_image *img, double width_pt, double *w, double *h);

#endif
