/* QR codes. Each run of dark modules in a row becomes one rectangle, which
 * keeps the content stream short. */
#include "doc/qr.h"

#include <errno.h>
#include <qrencode.h>
#include <string.h>

#include "base/diag.h"

bool dlg_qr_draw(dlg_canvas *c, double x, double y, double size, const char *text)
{
	QRcode *q = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M);
	if (!q) {
		dlg_warn(_("cannot make a QR code of \"%s\": %s"), text, strerror(errno));
		return false;
	}
	int n = q->width;
	double m = size / (n + 8);
	for (int r = 0; r < n; r++) {
		int col = 0;
		while (col < n) {
			if (!(q->data[r * n + col] & 1)) {
				col++;
				continue;
			}
			int start = col;
			while (col < n && (q->data[r * n + col] & 1))
				col++;
			dlg_canvas_fill(c, x + (start + 4) * m, y + (r + 4) * m,
			                (col - start) * m + 0.01, m + 0.01, 0);
		}
	}
	QRcode_free(q);
	return true;
}
