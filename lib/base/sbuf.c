/* Growable byte buffer. */
#include "base/sbuf.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <errno.h>

#include "base/diag.h"

void dlg_sbuf_reserve(dlg_sbuf *b, size_t n)
{
	if (b->len + n + 1 <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 256;
	while (cap < b->len + n + 1)
		cap *= 2;
	b->data = dlg_xrealloc(b->data, cap);
	b->cap = cap;
}

void dlg_sbuf_add(dlg_sbuf *b, const void *p, size_t n)
{
	dlg_sbuf_reserve(b, n);
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void dlg_sbuf_adds(dlg_sbuf *b, const char *s)
{
	dlg_sbuf_add(b, s, strlen(s));
}

void dlg_sbuf_addc(dlg_sbuf *b, char c)
{
	dlg_sbuf_add(b, &c, 1);
}

void dlg_sbuf_printf(dlg_sbuf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n <= 0)
		return;
	dlg_sbuf_reserve(b, (size_t)n);
	char *at = b->data + b->len;
	va_start(ap, fmt);
	vsnprintf(at, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void dlg_sbuf_num(dlg_sbuf *b, double v)
{
	long c = lround(v * 100.0);
	if (c < 0) {
		dlg_sbuf_addc(b, '-');
		c = -c;
	}
	if (c % 100 == 0)
		dlg_sbuf_printf(b, "%ld", c / 100);
	else if (c % 10 == 0)
		dlg_sbuf_printf(b, "%ld.%ld", c / 100, (c % 100) / 10);
	else
		dlg_sbuf_printf(b, "%ld.%02ld", c / 100, c % 100);
}

void dlg_sbuf_u16(dlg_sbuf *b, uint16_t v)
{
	unsigned char x[2] = {(unsigned char)(v >> 8), (unsigned char)v};
	dlg_sbuf_add(b, x, 2);
}

void dlg_sbuf_clear(dlg_sbuf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

void dlg_sbuf_free(dlg_sbuf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

char *dlg_sbuf_take(dlg_sbuf *b)
{
	char *d = b->data ? b->data : dlg_xstrdup("");
	b->data = NULL;
	b->len = b->cap = 0;
	return d;
}

bool dlg_sbuf_read(dlg_sbuf *b, FILE *f)
{
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		dlg_sbuf_add(b, chunk, n);
	return !ferror(f);
}

bool dlg_sbuf_load(dlg_sbuf *b, const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		dlg_warn("%s: %s", path, strerror(errno));
		return false;
	}
	bool ok = dlg_sbuf_read(b, f);
	if (!ok)
		dlg_warn("%s: %s", path, strerror(errno));
	fclose(f);
	return ok;
}
