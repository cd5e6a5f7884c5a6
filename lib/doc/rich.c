/* Rich text (runs of styled UTF-8) and line breaking: first-fit over words
 * measured with the font, cutting a word longer than the line. */
#include "doc/layout_parts.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "base/sbuf.h"
#include "base/text.h"

/* ---- rich text ---- */

dlg_rich *dlg_rich_new(void)
{
	dlg_rich *r = dlg_xcalloc(1, sizeof *r);
	return r;
}

void dlg_rich_free(dlg_rich *r)
{
	if (!r)
		return;
	dlg_sbuf_free(&r->text);
	free(r->run);
	free(r);
}

struct run *dlg_rich_new_run(dlg_rich *r, int kind, int style)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 8;
		r->run = dlg_xreallocarray(r->run, r->cap, sizeof *r->run);
	}
	struct run *u = &r->run[r->n++];
	u->kind = kind;
	u->style = style;
	u->off = r->text.len;
	u->len = 0;
	return u;
}

void dlg_rich_addn(dlg_rich *r, int style, const char *s, size_t len)
{
	if (!len)
		return;
	size_t nlen;
	char *nfc = dlg_text_is_nfc_fast(s, len) ? NULL : dlg_text_nfc(s, len, &nlen);
	struct run *u = dlg_rich_new_run(r, RUN_TEXT, style);
	dlg_sbuf_add(&r->text, nfc ? nfc : s, nfc ? nlen : len);
	u->len = r->text.len - u->off;
	free(nfc);
}

void dlg_rich_add(dlg_rich *r, int style, const char *s)
{
	dlg_rich_addn(r, style, s, strlen(s));
}

void dlg_rich_break(dlg_rich *r)
{
	dlg_rich_new_run(r, RUN_BREAK, 0);
}

void dlg_rich_dots(dlg_rich *r)
{
	dlg_rich_new_run(r, RUN_DOTS, 0);
}

/* ---- items and lines ---- */

static long text_width(dlg_fonts *fs, int style, double size, const char *s, size_t len)
{
	return lround(dlg_fonts_width(fs, style, size, s, len) * 1000.0);
}

static void push_item(struct breaker *b, struct item it)
{
	if (b->n == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 64;
		b->it = dlg_xreallocarray(b->it, b->cap, sizeof *b->it);
	}
	b->it[b->n++] = it;
}

static bool is_space(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

static void tokenize(struct breaker *b, dlg_fonts *fs, const dlg_rich *r, double size)
{
	for (size_t k = 0; k < r->n; k++) {
		const struct run *u = &r->run[k];
		if (u->kind != RUN_TEXT) {
			push_item(b, (struct item){u->kind == RUN_BREAK ? IT_BREAK : IT_DOTS, 0,
			                           NULL, 0, 0});
			continue;
		}
		const char *s = r->text.data + u->off, *end = s + u->len;
		while (s < end) {
			const char *at = s;
			uint32_t c = dlg_utf8_next(&s);
			if (c == '\n') {
				push_item(b, (struct item){IT_BREAK, 0, NULL, 0, 0});
			} else if (is_space(c)) {
				if (b->n && b->it[b->n - 1].kind == IT_GLUE)
					continue;
				push_item(b, (struct item){IT_GLUE, u->style, NULL, 0,
				                           text_width(fs, u->style, size, " ", 1)});
			} else {
				const char *word = at;
				while (s < end) {
					const char *nx = s;
					uint32_t d = dlg_utf8_next(&nx);
					if (d == '\n' || is_space(d))
						break;
					s = nx;
				}
				push_item(b,
				          (struct item){IT_BOX, u->style, word, (size_t)(s - word),
				                        text_width(fs, u->style, size, word,
				                                   (size_t)(s - word))});
			}
		}
	}
}

static void push_line(struct breaker *b, struct line ln)
{
	if (b->nl == b->lcap) {
		b->lcap = b->lcap ? 2 * b->lcap : 16;
		b->ln = dlg_xreallocarray(b->ln, b->lcap, sizeof *b->ln);
	}
	b->ln[b->nl++] = ln;
}

/* Split box item i so that its first part is at most room wide (at least one
 * character); returns the first part's width. */
static long cut_item(struct breaker *b, dlg_fonts *fs, double size, size_t i, long room, bool force)
{
	struct item *it = &b->it[i];
	const char *s = it->s, *end = s + it->len, *cut = NULL;
	long w = 0;
	while (s < end) {
		const char *nx = s;
		dlg_utf8_next(&nx);
		long cw = text_width(fs, it->style, size, s, (size_t)(nx - s));
		if ((cut || !force) && w + cw > room)
			break;
		w += cw;
		s = nx;
		cut = s;
	}
	if (cut == end)
		return it->w;
	if (!cut)
		return 0;
	struct item rest = *it;
	rest.s = cut;
	rest.len = (size_t)(end - cut);
	rest.w = it->w - w;
	it->len = (size_t)(cut - it->s);
	it->w = w;
	push_item(b, rest);
	memmove(&b->it[i + 2], &b->it[i + 1], (b->n - i - 2) * sizeof *b->it);
	b->it[i + 1] = rest;
	return w;
}

/* First-fit line breaking of the tokenized items into width (1/1000 pt). */
static void break_lines(struct breaker *b, dlg_fonts *fs, double size, long width, long first)
{
	size_t i = 0;
	bool is_first = true;
	while (i < b->n) {
		long avail = width - (is_first ? first : 0);
		while (i < b->n && b->it[i].kind == IT_GLUE)
			i++;
		struct line ln = {i, i, 0, 0, false, false, is_first ? (double)first / 1000.0 : 0};
		size_t j = i;
		for (;;) {
			if (j >= b->n) {
				ln.last = true;
				break;
			}
			if (b->it[j].kind == IT_BREAK) {
				j++;
				ln.last = true;
				break;
			}
			if (b->it[j].kind == IT_DOTS) {
				if (ln.b > ln.a && avail - ln.w < 20000)
					break;
				ln.b = ++j;
				ln.dots = true;
				ln.last = true;
				ln.w = avail;
				break;
			}
			long g = 0;
			size_t k = j;
			if (b->it[k].kind == IT_GLUE)
				g = b->it[k++].w;
			size_t m = k;
			long ww = 0;
			while (m < b->n && b->it[m].kind == IT_BOX)
				ww += b->it[m++].w;
			if (m == k) {
				j = k;
				continue;
			}
			if (ln.b > ln.a) {
				if (ln.w + g + ww > avail + 10)
					break;
				ln.w += g + ww;
				ln.nglue++;
				ln.b = j = m;
				continue;
			}
			if (ww <= avail + 10) {
				ln.w = ww;
				ln.b = j = m;
				continue;
			}
			/* A word longer than the line: cut it. */
			b->cut = true;
			long used = 0;
			size_t p = k;
			while (p < m && used + b->it[p].w <= avail)
				used += b->it[p++].w;
			if (p < m) {
				long part = cut_item(b, fs, size, p, avail - used, p == k);
				if (part > 0) {
					used += part;
					p++;
				}
			}
			ln.w = used;
			ln.b = j = p;
			break;
		}
		push_line(b, ln);
		i = ln.last && !ln.dots ? j : ln.b;
		if (ln.dots) {
			while (i < b->n && b->it[i].kind == IT_GLUE)
				i++;
			if (i < b->n && b->it[i].kind == IT_BREAK)
				i++;
		}
		is_first = false;
	}
}

void dlg_breaker_run(struct breaker *b, dlg_fonts *fs, const dlg_rich *r, double size, double width,
                     double first_indent)
{
	memset(b, 0, sizeof *b);
	if (!r)
		return;
	dlg_fonts_vmetrics(fs, DLG_REGULAR, &b->ascent, &b->descent);
	tokenize(b, fs, r, size);
	long w = lround(width * 1000.0);
	if (w < 1000)
		w = 1000;
	long f = lround(first_indent * 1000.0);
	if (f > w - 1000)
		f = 0;
	break_lines(b, fs, size, w, f);
}

void dlg_breaker_free(struct breaker *b)
{
	free(b->it);
	free(b->ln);
}

bool dlg_rich_measure_lines(dlg_fonts *fs, const dlg_rich *r, double size, double width,
                            double first_indent, size_t *nlines, double **widths)
{
	struct breaker b;
	dlg_breaker_run(&b, fs, r, size, width, first_indent);
	*nlines = b.nl;
	if (widths) {
		*widths = dlg_xmalloc((b.nl ? b.nl : 1) * sizeof **widths);
		for (size_t i = 0; i < b.nl; i++)
			(*widths)[i] = (double)b.ln[i].w / 1000.0;
	}
	bool cut = b.cut;
	dlg_breaker_free(&b);
	return !cut;
}
