/* A growable byte buffer for building PDF objects, content streams and text. */
#ifndef DLG_BASE_SBUF_H
#define DLG_BASE_SBUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
	char *data; /* NUL-terminated after every append (owned) */
	size_t len;
	size_t cap;
} dlg_sbuf;

/* Make room for n more bytes; exits with a message when memory runs out. */
void dlg_sbuf_reserve(dlg_sbuf *b, size_t n);
void dlg_sbuf_add(dlg_sbuf *b, const void *p, size_t n);
/* Append all that f has left to read (f stays open, the caller's). false
 * on a read error, with errno as the read left it; no message. */
bool dlg_sbuf_read(dlg_sbuf *b, FILE *f);
/* Append the whole file at path. false after a diagnostic "path: reason"
 * (it cannot be opened or read); b keeps what was read. */
bool dlg_sbuf_load(dlg_sbuf *b, const char *path);
void dlg_sbuf_adds(dlg_sbuf *b, const char *s);
void dlg_sbuf_addc(dlg_sbuf *b, char c);
void dlg_sbuf_printf(dlg_sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A number for a PDF operand: at most two decimals, no trailing zeros, "-0" never. */
void dlg_sbuf_num(dlg_sbuf *b, double v);
/* Big-endian integers, as TrueType tables want them. */
void dlg_sbuf_u16(dlg_sbuf *b, uint16_t v);
/* Empty the buffer, keeping its memory. */
void dlg_sbuf_clear(dlg_sbuf *b);
/* Free the memory; the buffer is empty and usable again. */
void dlg_sbuf_free(dlg_sbuf *b);
/* Hand the data over to the caller (who frees it); the buffer is empty. */
char *dlg_sbuf_take(dlg_sbuf *b);

#endif
