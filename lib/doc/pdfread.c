/* PDF reading: a lexer over the file's bytes, a recursive parser with a
 * depth limit, the cross-reference chain, and the writer of parsed
 * objects. */
#include "doc/pdfread.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"

#define MAX_DEPTH 64

void dlg_po_free(dlg_po *o)
{
	if (!o)
		return;
	for (size_t i = 0; i < o->n; i++)
		dlg_po_free(o->kid[i]);
	free(o->kid);
	free(o->s);
	free(o);
}

static dlg_po *po_new(int kind)
{
	dlg_po *o = dlg_xcalloc(1, sizeof *o);
	o->kind = kind;
	return o;
}

static void set_text(dlg_po *o, const void *s, size_t len)
{
	o->s = dlg_xmalloc(len + 1);
	memcpy(o->s, s, len);
	o->s[len] = '\0';
	o->len = len;
}

dlg_po *dlg_po_name(const char *name)
{
	dlg_po *o = po_new(DLG_PO_NAME);
	set_text(o, name, strlen(name));
	return o;
}

dlg_po *dlg_po_ref(int num)
{
	dlg_po *o = po_new(DLG_PO_REF);
	o->num = num;
	return o;
}

dlg_po *dlg_po_int(long v)
{
	char t[32];
	int n = snprintf(t, sizeof t, "%ld", v);
	dlg_po *o = po_new(DLG_PO_NUM);
	set_text(o, t, (size_t)n);
	return o;
}

void dlg_po_push(dlg_po *a, dlg_po *v)
{
	a->kid = dlg_xrealloc(a->kid, (a->n + 1) * sizeof *a->kid);
	a->kid[a->n++] = v;
}

bool dlg_po_is_name(const dlg_po *o, const char *name)
{
	return o && o->kind == DLG_PO_NAME && !strcmp(o->s, name);
}

double dlg_po_num(const dlg_po *o)
{
	return o && o->kind == DLG_PO_NUM ? strtod(o->s, NULL) : 0;
}

static const dlg_po *dict_of(const dlg_po *d)
{
	return d && d->kind == DLG_PO_STREAM ? d->kid[0] : d;
}

dlg_po *dlg_po_get(const dlg_po *d, const char *key)
{
	d = dict_of(d);
	if (!d || d->kind != DLG_PO_DICT)
		return NULL;
	for (size_t i = 0; i + 1 < d->n; i += 2)
		if (dlg_po_is_name(d->kid[i], key))
			return d->kid[i + 1];
	return NULL;
}

void dlg_po_set(dlg_po *d, const char *key, dlg_po *v)
{
	d = (dlg_po *)dict_of(d);
	for (size_t i = 0; i + 1 < d->n; i += 2)
		if (dlg_po_is_name(d->kid[i], key)) {
			dlg_po_free(d->kid[i + 1]);
			d->kid[i + 1] = v;
			return;
		}
	dlg_po_push(d, dlg_po_name(key));
	dlg_po_push(d, v);
}

dlg_po *dlg_po_copy(const dlg_po *o, int (*map)(void *ctx, int num), void *ctx)
{
	dlg_po *c = po_new(o->kind);
	c->b = o->b;
	c->num = o->kind == DLG_PO_REF && map ? map(ctx, o->num) : o->num;
	c->gen = map && o->kind == DLG_PO_REF ? 0 : o->gen;
	if (o->s)
		set_text(c, o->s, o->len);
	for (size_t i = 0; i < o->n; i++)
		dlg_po_push(c, dlg_po_copy(o->kid[i], map, ctx));
	return c;
}

/* ---- lexer and parser ---- */

struct lex {
	const unsigned char *p, *end;
	const dlg_pdfdoc *doc; /* for a stream's indirect /Length, or NULL */
};

static bool is_ws(int c)
{
	return c == 0 || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';
}

static bool is_delim(int c)
{
	return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' ||
	       c == '}' || c == '/' || c == '%';
}

static void skip_ws(struct lex *x)
{
	while (x->p < x->end) {
		if (is_ws(*x->p)) {
			x->p++;
		} else if (*x->p == '%') {
			while (x->p < x->end && *x->p != '\n' && *x->p != '\r')
				x->p++;
		} else {
			break;
		}
	}
}

/* The regular characters at p (a name, a number, a keyword). */
static size_t token_len(const struct lex *x)
{
	const unsigned char *q = x->p;
	while (q < x->end && !is_ws(*q) && !is_delim(*q))
		q++;
	return (size_t)(q - x->p);
}

static bool keyword(struct lex *x, const char *kw)
{
	size_t n = strlen(kw);
	if (token_len(x) != n || memcmp(x->p, kw, n))
		return false;
	x->p += n;
	return true;
}

/* A non-negative integer token at p, not consumed; -1 when there is none. */
static long peek_uint(const struct lex *x, const unsigned char **after)
{
	const unsigned char *q = x->p;
	long v = 0;
	while (q < x->end && *q >= '0' && *q <= '9' && v < 100000000)
		v = v * 10 + (*q++ - '0');
	if (q == x->p || (q < x->end && !is_ws(*q) && !is_delim(*q)))
		return -1;
	*after = q;
	return v;
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static dlg_po *parse(struct lex *x, int depth);

static dlg_po *parse_literal(struct lex *x)
{
	dlg_sbuf b = {0};
	int nest = 1;
	x->p++;
	while (x->p < x->end) {
		int c = *x->p++;
		if (c == '(') {
			nest++;
		} else if (c == ')') {
			if (!--nest)
				break;
		} else if (c == '\\' && x->p < x->end) {
			c = *x->p++;
			switch (c) {
			case 'n':
				c = '\n';
				break;
			case 'r':
				c = '\r';
				break;
			case 't':
				c = '\t';
				break;
			case 'b':
				c = '\b';
				break;
			case 'f':
				c = '\f';
				break;
			case '\r':
				if (x->p < x->end && *x->p == '\n')
					x->p++;
				continue;
			case '\n':
				continue;
			default:
				if (c >= '0' && c <= '7') {
					int v = c - '0';
					for (int k = 0;
					     k < 2 && x->p < x->end && *x->p >= '0' && *x->p <= '7';
					     k++)
						v = v * 8 + (*x->p++ - '0');
					c = v & 255;
				}
			}
		}
		dlg_sbuf_addc(&b, (char)c);
	}
	if (nest) {
		dlg_sbuf_free(&b);
		return NULL;
	}
	dlg_po *o = po_new(DLG_PO_STR);
	set_text(o, b.data ? b.data : "", b.len);
	dlg_sbuf_free(&b);
	return o;
}

static dlg_po *parse_hex(struct lex *x)
{
	dlg_sbuf b = {0};
	int hi = -1;
	x->p++;
	while (x->p < x->end && *x->p != '>') {
		int v = hexval(*x->p++);
		if (v < 0)
			continue; /* white space */
		if (hi < 0) {
			hi = v;
		} else {
			dlg_sbuf_addc(&b, (char)(hi * 16 + v));
			hi = -1;
		}
	}
	if (x->p >= x->end) {
		dlg_sbuf_free(&b);
		return NULL;
	}
	x->p++;
	if (hi >= 0)
		dlg_sbuf_addc(&b, (char)(hi * 16));
	dlg_po *o = po_new(DLG_PO_STR);
	set_text(o, b.data ? b.data : "", b.len);
	dlg_sbuf_free(&b);
	return o;
}

static dlg_po *parse_seq(struct lex *x, int kind, int close, int depth)
{
	dlg_po *o = po_new(kind);
	for (;;) {
		skip_ws(x);
		if (x->p >= x->end) {
			dlg_po_free(o);
			return NULL;
		}
		if (*x->p == close && (close == ']' || (x->p + 1 < x->end && x->p[1] == '>'))) {
			x->p += close == ']' ? 1 : 2;
			break;
		}
		dlg_po *k = parse(x, depth + 1);
		if (!k || (kind == DLG_PO_DICT && o->n % 2 == 0 && k->kind != DLG_PO_NAME)) {
			dlg_po_free(k);
			dlg_po_free(o);
			return NULL;
		}
		dlg_po_push(o, k);
	}
	if (kind == DLG_PO_DICT && o->n % 2) {
		dlg_po_free(o);
		return NULL;
	}
	return o;
}

static dlg_po *parse(struct lex *x, int depth)
{
	skip_ws(x);
	if (x->p >= x->end || depth > MAX_DEPTH)
		return NULL;
	int c = *x->p;
	if (c == '/') {
		x->p++;
		size_t n = token_len(x);
		dlg_po *o = po_new(DLG_PO_NAME);
		set_text(o, x->p, n);
		x->p += n;
		return o;
	}
	if (c == '(')
		return parse_literal(x);
	if (c == '<')
		return x->p + 1 < x->end && x->p[1] == '<'
		           ? (x->p += 2, parse_seq(x, DLG_PO_DICT, '>', depth))
		           : parse_hex(x);
	if (c == '[') {
		x->p++;
		return parse_seq(x, DLG_PO_ARRAY, ']', depth);
	}
	if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
		const unsigned char *a1, *a2;
		long num = peek_uint(x, &a1);
		if (num >= 0) { /* "N G R"? */
			struct lex y = {a1, x->end, NULL};
			skip_ws(&y);
			long gen = peek_uint(&y, &a2);
			if (gen >= 0) {
				y.p = a2;
				skip_ws(&y);
				if (keyword(&y, "R")) {
					x->p = y.p;
					dlg_po *o = dlg_po_ref((int)num);
					o->gen = (int)gen;
					return o;
				}
			}
		}
		size_t n = token_len(x);
		dlg_po *o = po_new(DLG_PO_NUM);
		set_text(o, x->p, n);
		x->p += n;
		return o;
	}
	if (keyword(x, "true") || keyword(x, "false")) {
		dlg_po *o = po_new(DLG_PO_BOOL);
		o->b = x->p[-1] == 'e' && x->p[-2] == 'u';
		return o;
	}
	if (keyword(x, "null"))
		return po_new(DLG_PO_NULL);
	return NULL;
}

static dlg_po *get_object(const dlg_pdfdoc *d, int num, bool streams);

/* After a dictionary: "stream", EOL, /Length bytes, "endstream". */
static dlg_po *maybe_stream(struct lex *x, dlg_po *dict)
{
	struct lex y = *x;
	skip_ws(&y);
	if (!dict || dict->kind != DLG_PO_DICT || !keyword(&y, "stream"))
		return dict;
	if (y.p < y.end && *y.p == '\r')
		y.p++;
	if (y.p < y.end && *y.p == '\n')
		y.p++;
	dlg_po *lo = dlg_po_get(dict, "Length"), *owned = NULL;
	if (lo && lo->kind == DLG_PO_REF && x->doc)
		lo = owned = get_object(x->doc, lo->num, false);
	double len = lo && lo->kind == DLG_PO_NUM ? dlg_po_num(lo) : -1;
	dlg_po_free(owned);
	if (!(len >= 0 && len <= (double)(y.end - y.p))) { /* NaN too */
		dlg_po_free(dict);
		return NULL;
	}
	dlg_po *s = po_new(DLG_PO_STREAM);
	dlg_po_push(s, dict);
	set_text(s, y.p, (size_t)len);
	x->p = y.p + (size_t)len;
	return s;
}

dlg_po *dlg_po_parse(const unsigned char *s, size_t len)
{
	struct lex x = {s, s + len, NULL};
	return maybe_stream(&x, parse(&x, 0));
}

/* ---- writing ---- */

void dlg_po_write(dlg_sbuf *b, const dlg_po *o)
{
	static const char hex[] = "0123456789ABCDEF";
	switch (o->kind) {
	case DLG_PO_NULL:
		dlg_sbuf_adds(b, "null");
		break;
	case DLG_PO_BOOL:
		dlg_sbuf_adds(b, o->b ? "true" : "false");
		break;
	case DLG_PO_NUM:
		dlg_sbuf_add(b, o->s, o->len);
		break;
	case DLG_PO_NAME:
		dlg_sbuf_addc(b, '/');
		dlg_sbuf_add(b, o->s, o->len);
		break;
	case DLG_PO_STR:
		dlg_sbuf_addc(b, '<');
		for (size_t i = 0; i < o->len; i++) {
			unsigned char c = (unsigned char)o->s[i];
			dlg_sbuf_addc(b, hex[c >> 4]);
			dlg_sbuf_addc(b, hex[c & 15]);
		}
		dlg_sbuf_addc(b, '>');
		break;
	case DLG_PO_ARRAY:
		dlg_sbuf_addc(b, '[');
		for (size_t i = 0; i < o->n; i++) {
			if (i)
				dlg_sbuf_addc(b, ' ');
			dlg_po_write(b, o->kid[i]);
		}
		dlg_sbuf_addc(b, ']');
		break;
	case DLG_PO_DICT:
		dlg_sbuf_adds(b, "<<");
		for (size_t i = 0; i < o->n; i++) {
			dlg_sbuf_addc(b, ' ');
			dlg_po_write(b, o->kid[i]);
		}
		dlg_sbuf_adds(b, " >>");
		break;
	case DLG_PO_REF:
		dlg_sbuf_printf(b, "%d %d R", o->num, o->gen);
		break;
	case DLG_PO_STREAM: {
		dlg_po *d = dlg_po_copy(o->kid[0], NULL, NULL);
		dlg_po_set(d, "Length", dlg_po_int((long)o->len));
		dlg_po_write(b, d);
		dlg_po_free(d);
		dlg_sbuf_adds(b, "\nstream\n");
		dlg_sbuf_add(b, o->s, o->len);
		dlg_sbuf_adds(b, "\nendstream");
		break;
	}
	}
}

/* ---- the file ---- */

static bool bad(const dlg_pdfdoc *d, const char *what)
{
	dlg_warn(_("%s: cannot read this PDF (%s); dlg-sign signs the PDFs dlg makes"), d->name,
	         what);
	return false;
}

/* One cross-reference section at off and its trailer; *prev set from it. */
static bool read_xref(dlg_pdfdoc *d, long off, long *prev)
{
	struct lex x = {d->buf + off, d->buf + d->len, NULL};
	if (!keyword(&x, "xref"))
		return bad(d, "cross-reference streams are not supported");
	for (;;) {
		skip_ws(&x);
		const unsigned char *a;
		long first = peek_uint(&x, &a);
		if (first < 0)
			break;
		x.p = a;
		skip_ws(&x);
		long count = peek_uint(&x, &a);
		if (count < 0)
			return bad(d, "bad cross-reference table");
		x.p = a;
		for (long i = 0; i < count; i++) {
			skip_ws(&x);
			long o = peek_uint(&x, &a);
			if (o < 0)
				return bad(d, "bad cross-reference entry");
			x.p = a;
			skip_ws(&x);
			if (peek_uint(&x, &a) < 0)
				return bad(d, "bad cross-reference entry");
			x.p = a;
			skip_ws(&x);
			bool used = keyword(&x, "n");
			if (!used && !keyword(&x, "f"))
				return bad(d, "bad cross-reference entry");
			long num = first + i;
			if (num < 0 || num >= 8000000)
				return bad(d, "bad cross-reference table");
			if (num >= d->size) { /* grow the table, new entries unknown (0) */
				int size = d->size ? d->size : 64;
				while (size <= num)
					size *= 2;
				d->off = dlg_xrealloc(d->off, (size_t)size * sizeof *d->off);
				memset(d->off + d->size, 0,
				       (size_t)(size - d->size) * sizeof *d->off);
				d->size = size;
			}
			if (!d->off[num]) /* -1: free in the newest section that lists it */
				d->off[num] = used && o > 0 && (size_t)o < d->len ? o : -1;
		}
	}
	if (!keyword(&x, "trailer"))
		return bad(d, "no trailer");
	dlg_po *t = parse(&x, 0);
	if (!t || t->kind != DLG_PO_DICT) {
		dlg_po_free(t);
		return bad(d, "bad trailer");
	}
	dlg_po *p = dlg_po_get(t, "Prev");
	double pv = p ? dlg_po_num(p) : -1;
	*prev = pv >= 0 && pv <= (double)d->len ? (long)pv : -1; /* NaN, 1e300: none */
	if (!d->trailer)
		d->trailer = t;
	else
		dlg_po_free(t);
	return true;
}

bool dlg_pdfdoc_open(dlg_pdfdoc *d, const unsigned char *buf, size_t len, const char *name)
{
	memset(d, 0, sizeof *d);
	d->buf = buf;
	d->len = len;
	d->name = name;
	if (len < 32 || memcmp(buf, "%PDF-", 5))
		return bad(d, "no %PDF- header");
	/* "startxref N" near the end */
	size_t from = len > 1024 ? len - 1024 : 0;
	const unsigned char *sx = NULL;
	for (size_t i = len - 9; i + 1 > from && i < len; i--)
		if (!memcmp(buf + i, "startxref", 9)) {
			sx = buf + i + 9;
			break;
		}
	if (!sx)
		return bad(d, "no startxref");
	struct lex x = {sx, buf + len, NULL};
	skip_ws(&x);
	const unsigned char *a;
	long off = peek_uint(&x, &a);
	if (off <= 0 || (size_t)off >= len)
		return bad(d, "bad startxref");
	d->startxref = off;
	for (int hops = 0; off > 0; hops++) {
		if (hops > 1000 || (size_t)off >= len)
			return bad(d, "bad /Prev chain");
		long prev;
		if (!read_xref(d, off, &prev))
			return false;
		off = prev;
	}
	double size = dlg_po_num(dlg_po_get(d->trailer, "Size"));
	if (size < 1 || size > 8000000)
		return bad(d, "bad /Size");
	if (size < d->size)
		d->size = (int)size; /* numbers past /Size do not exist */
	for (int i = 0; i < d->size; i++)
		if (d->off[i] < 0)
			d->off[i] = 0;
	return true;
}

void dlg_pdfdoc_free(dlg_pdfdoc *d)
{
	free(d->off);
	dlg_po_free(d->trailer);
	memset(d, 0, sizeof *d);
}

/* Object num of d; with streams false a stream's dictionary is not followed
 * by its data (what a /Length reference needs: a plain number, so that a
 * length referring to a stream, itself or another, cannot recurse). */
static dlg_po *get_object(const dlg_pdfdoc *d, int num, bool streams)
{
	if (num <= 0 || num >= d->size || !d->off[num]) {
		dlg_warn(_("%s: object %d is missing"), d->name, num);
		return NULL;
	}
	struct lex x = {d->buf + d->off[num], d->buf + d->len, d};
	const unsigned char *a = NULL;
	bool ok = peek_uint(&x, &a) == num;
	if (ok) {
		x.p = a;
		skip_ws(&x);
		ok = peek_uint(&x, &a) >= 0;
	}
	dlg_po *o = NULL;
	if (ok) {
		x.p = a;
		skip_ws(&x);
		if (keyword(&x, "obj")) {
			o = parse(&x, 0);
			if (streams)
				o = maybe_stream(&x, o);
		}
	}
	if (!o)
		dlg_warn(_("%s: object %d cannot be read"), d->name, num);
	return o;
}

dlg_po *dlg_pdfdoc_get(const dlg_pdfdoc *d, int num)
{
	return get_object(d, num, true);
}

dlg_po *dlg_pdfdoc_resolve(const dlg_pdfdoc *d, dlg_po *o, dlg_po **owned)
{
	*owned = NULL;
	if (!o || o->kind != DLG_PO_REF)
		return o;
	*owned = dlg_pdfdoc_get(d, o->num);
	return *owned;
}
