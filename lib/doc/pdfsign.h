/* PAdES signatures on a PDF dlg made: an incremental update appended to the
 * file (the signed bytes stay as they were, so earlier signatures stay
 * valid) holding the signature dictionary (/Filter /Adobe.PPKLite,
 * /SubFilter /ETSI.CAdES.detached, /ByteRange over the whole file but the
 * /Contents hole, /M the signing time), the signature field filled with it,
 * the AcroForm with /SigFlags 3, and a new cross-reference section. */
#ifndef DLG_DOC_PDFSIGN_H
#define DLG_DOC_PDFSIGN_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "base/sbuf.h"
#include "fmt/cms.h"

typedef struct {
	dlg_signkey *key;
	/* an empty signature field of the document to fill (dlg_pdf_sig_field:
	 * "signer", "office"); NULL: a new field named new_field on the first
	 * page, w x h points, right and top points from the page's right and
	 * top edges */
	const char *field;
	const char *new_field;
	double w, h, right, top;
	/* the new field's appearance: a one-page PDF (dlg_pdf) of w x h points
	 * whose page is drawn in the widget; NULL: nothing drawn */
	const unsigned char *look;
	size_t look_len;
	time_t when;          /* the signing time, written in Vietnam time (UTC+7) */
	const char *location; /* UTF-8 place of signing, or NULL */
} dlg_pdfsign;

/* Append to out the PDF in[0..len) signed as o says (out receives the whole
 * file). name is used in messages. false after a diagnostic: not a PDF this
 * reads, no such empty field (or it is signed already), the key failed. */
bool dlg_pdf_sign(const dlg_pdfsign *o, const unsigned char *in, size_t len, const char *name,
                  dlg_sbuf *out);

/* The number and symbol dlg_pdf wrote into the PDF in[0..len)
 * (dlg_pdf_set_symbol), malloc'd UTF-8; NULL when it has none. */
char *dlg_pdf_read_symbol(const unsigned char *in, size_t len);

/* "2026-10-26T09:15:30+07:00": t in Vietnam time, ISO 8601, into buf (at
 * least 26 bytes). */
void dlg_vn_iso8601(time_t t, char *buf);

#endif
