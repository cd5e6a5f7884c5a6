/* QR codes (libqrencode) drawn as vector squares on a layout canvas. */
#ifndef DLG_DOC_QR_H
#define DLG_DOC_QR_H

#include <stdbool.h>

#include "doc/layout.h"

/* Draw a QR code of text (UTF-8, error correction level M) as a square of
 * side `size` points with its top-left corner at (x, y) of the canvas. The
 * quiet zone (four modules) is inside the square. false after a diagnostic
 * when the text cannot be encoded (too long). */
bool dlg_qr_draw(dlg_canvas *c, double x, double y, double size, const char *text);

#endif
