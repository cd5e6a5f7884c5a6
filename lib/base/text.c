/* UTF-8 validation, NFC (utf8proc), folding for matching, spaces. */
#include "base/text.h"

#include <errno.h>
#include <iconv.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "base/diag.h"

bool dlg_utf8_valid(const char *str, size_t len, size_t *bad_offset)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;
	while (i < len) {
		unsigned c = s[i];
		if (c >= 0x01 && c < 0x80) {
			i++;
			continue;
		}
		size_t need;
		uint32_t cp, min;
		if (c >= 0xC2 && c <= 0xDF)
			need = 1, cp = c & 0x1F, min = 0x80;
		else if (c >= 0xE0 && c <= 0xEF)
			need = 2, cp = c & 0x0F, min = 0x800;
		else if (c >= 0xF0 && c <= 0xF4)
			need = 3, cp = c & 0x07, min = 0x10000;
		else
			goto bad;
		for (size_t k = 1; k <= need; k++) {
			if (i + k >= len || (s[i + k] & 0xC0) != 0x80)
				goto bad;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			goto bad;
		i += need + 1;
	}
	return true;
bad:
	if (bad_offset)
		*bad_offset = i;
	return false;
}

/* Code points that are NFC on their own and never combine with a neighbour:
 * Latin-1, Latin Extended-A/B and IPA (below U+0300) and Latin Extended
 * Additional (U+1E00-U+1EFF, the precomposed Vietnamese letters). A
 * following combining mark (U+0300 and up) sends the text to utf8proc.
 * Never reads past len, even when the text is not valid UTF-8. */
bool dlg_text_is_nfc_fast(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	for (size_t i = 0; i < len;) {
		unsigned c = s[i];
		if (c < 0x80) {
			i++;
		} else if (c < 0xE0) {
			if (len - i < 2)
				return false; /* cut short: not ours to judge */
			uint32_t cp = ((c & 0x1F) << 6) | (s[i + 1] & 0x3F);
			if (cp >= 0x300)
				return false;
			i += 2;
		} else if (c < 0xF0) {
			if (len - i < 3)
				return false;
			uint32_t cp =
			    ((c & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
			if (!(cp >= 0x1E00 && cp <= 0x1EFF) && !(cp >= 0x2010 && cp <= 0x2027))
				return false;
			i += 3;
		} else {
			return false;
		}
	}
	return true;
}

char *dlg_text_nfc(const char *s, size_t len, size_t *out_len)
{
	if (dlg_text_is_nfc_fast(s, len)) {
		char *d = dlg_xmalloc(len + 1);
		memcpy(d, s, len);
		d[len] = '\0';
		if (out_len)
			*out_len = len;
		return d;
	}
	utf8proc_uint8_t *dst = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &dst,
	                                  UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (n < 0) {
		/* Only on invalid input, which callers have rejected already. */
		char *d = dlg_xmalloc(len + 1);
		memcpy(d, s, len);
		d[len] = '\0';
		if (out_len)
			*out_len = len;
		return d;
	}
	if (out_len)
		*out_len = (size_t)n;
	return (char *)dst;
}

static void put_utf8(char **out, utf8proc_int32_t cp)
{
	*out += utf8proc_encode_char(cp, (utf8proc_uint8_t *)*out);
}

static bool alnum_category(utf8proc_int32_t cp)
{
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
	case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO:
		return true;
	default:
		return false;
	}
}

static bool mark_category(utf8proc_int32_t cp)
{
	utf8proc_category_t c = utf8proc_category(cp);
	return c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC || c == UTF8PROC_CATEGORY_ME;
}

/* The folded form of one code point into out (at least FOLD_MAX bytes): "" for a
 * mark, " " for a word boundary, else its folded letters and digits (a
 * compatibility decomposition may hold a boundary, e.g. "½" → "1 2"). */
#define FOLD_MAX 64
static void fold_code_point(utf8proc_int32_t cp, char *out)
{
	char *o = out;
	if (cp == 0x110 || cp == 0x111) {
		strcpy(out, "d");
		return;
	}
	utf8proc_int32_t parts[8];
	int last = 0;
	utf8proc_ssize_t np = utf8proc_decompose_char(
	    cp, parts, 8, UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_COMPAT, &last);
	if (np <= 0 || np > 8) {
		parts[0] = cp;
		np = 1;
	}
	for (utf8proc_ssize_t k = 0; k < np; k++) {
		utf8proc_int32_t p = parts[k];
		if (mark_category(p))
			continue;
		if (p == 0x110 || p == 0x111)
			p = 'd';
		if (alnum_category(p))
			put_utf8(&o, p);
		else if (o == out || o[-1] != ' ')
			*o++ = ' ';
	}
	*o = '\0';
}

/* Folded forms of the code points below FOLD_TABLE, computed once. */
#define FOLD_TABLE 0x3000
static char *fold_table[FOLD_TABLE];
/* Length of fold_table[cp], or 0xFF when it holds a word boundary. */
static unsigned char fold_plain_len[FOLD_TABLE];
static pthread_once_t fold_once = PTHREAD_ONCE_INIT;

static void fold_table_init(void)
{
	char buf[FOLD_MAX];
	for (utf8proc_int32_t cp = 0x80; cp < FOLD_TABLE; cp++) {
		fold_code_point(cp, buf);
		fold_table[cp] = dlg_xstrdup(buf);
		fold_plain_len[cp] = strchr(buf, ' ') ? 0xFF : (unsigned char)strlen(buf);
	}
}

/* A growing word buffer for dlg_text_fold_words: a stack buffer of
 * WORD_SMALL bytes first, then the heap. */
#define WORD_SMALL 256
struct word {
	char *buf;
	size_t len, cap;
};

/* Room for n more bytes and a NUL. */
static void word_reserve(struct word *w, size_t n)
{
	if (w->len + n + 1 > w->cap) {
		size_t cap = (w->len + n + 1) * 2;
		if (w->cap == WORD_SMALL) { /* still the caller's stack buffer */
			char *heap = dlg_xmalloc(cap);
			memcpy(heap, w->buf, w->len);
			w->buf = heap;
		} else {
			w->buf = dlg_xrealloc(w->buf, cap);
		}
		w->cap = cap;
	}
}

static void word_add(struct word *w, const char *bytes, size_t n)
{
	word_reserve(w, n);
	memcpy(w->buf + w->len, bytes, n);
	w->len += n;
}

void dlg_text_fold_words(const char *text, void (*word)(void *ctx, const char *w, size_t len),
                         void *ctx)
{
	pthread_once(&fold_once, fold_table_init);
	char small[WORD_SMALL];
	struct word w = {small, 0, WORD_SMALL};
	const utf8proc_uint8_t *s = (const utf8proc_uint8_t *)text;
	size_t len = strlen(text);
	size_t i = 0;
	while (i < len) {
		unsigned char c = s[i];
		if (c < 0x80) {
			i++;
			if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
				word_reserve(&w, 1);
				w.buf[w.len++] = (char)c;
			} else if (c >= 'A' && c <= 'Z') {
				word_reserve(&w, 1);
				w.buf[w.len++] = (char)(c + 32);
			} else if (w.len) {
				word(ctx, w.buf, w.len);
				w.len = 0;
			}
			continue;
		}
		utf8proc_int32_t cp;
		utf8proc_ssize_t n;
		if (c >= 0xC2 && c < 0xE0 && i + 1 < len && (s[i + 1] & 0xC0) == 0x80) {
			cp = ((c & 0x1F) << 6) | (s[i + 1] & 0x3F);
			n = 2;
		} else if (c >= 0xE0 && c < 0xF0 && i + 2 < len && (s[i + 1] & 0xC0) == 0x80 &&
		           (s[i + 2] & 0xC0) == 0x80) {
			cp = ((c & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
			n = 3;
		} else {
			n = utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i), &cp);
		}
		if (n <= 0) {
			i++;
			continue;
		}
		i += (size_t)n;
		if (cp < FOLD_TABLE && fold_plain_len[cp] != 0xFF) {
			/* The common case: a letter whose folded form has no boundary. */
			size_t fl = fold_plain_len[cp];
			word_reserve(&w, fl);
			memcpy(w.buf + w.len, fold_table[cp], fl);
			w.len += fl;
			continue;
		}
		char buf[FOLD_MAX];
		const char *f = cp < FOLD_TABLE ? fold_table[cp] : (fold_code_point(cp, buf), buf);
		for (; *f; f++) {
			if (*f != ' ') {
				word_add(&w, f, 1);
			} else if (w.len) {
				word(ctx, w.buf, w.len);
				w.len = 0;
			}
		}
	}
	if (w.len)
		word(ctx, w.buf, w.len);
	if (w.cap != WORD_SMALL)
		free(w.buf);
}

struct joined {
	char *out;
	size_t len, cap;
};

static void join_word(void *ctx, const char *w, size_t len)
{
	struct joined *j = ctx;
	if (j->len + len + 2 > j->cap) {
		j->cap = (j->len + len + 2) * 2;
		j->out = dlg_xrealloc(j->out, j->cap);
	}
	if (j->len)
		j->out[j->len++] = ' ';
	memcpy(j->out + j->len, w, len);
	j->len += len;
}

char *dlg_text_fold(const char *str)
{
	struct joined j = {dlg_xmalloc(strlen(str) + 2), 0, strlen(str) + 2};
	dlg_text_fold_words(str, join_word, &j);
	j.out[j.len] = '\0';
	return j.out;
}

static bool is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

char *dlg_text_squeeze(char *s)
{
	/* Fast path: nothing to do for text without odd spaces. */
	size_t plain = strcspn(s, "\t\n\r\v\f\xC2");
	if (!s[plain] && s[0] != ' ' && (!plain || s[plain - 1] != ' ') && !strstr(s, "  "))
		return s;
	char *w = s;
	bool pending = false;
	for (char *r = s; *r; r++) {
		/* U+00A0 NO-BREAK SPACE counts as a space too. */
		if ((unsigned char)r[0] == 0xC2 && (unsigned char)r[1] == 0xA0) {
			r++;
			pending = w != s;
			continue;
		}
		if (is_space((unsigned char)*r)) {
			pending = w != s;
			continue;
		}
		if (pending)
			*w++ = ' ';
		pending = false;
		*w++ = *r;
	}
	*w = '\0';
	return s;
}

void dlg_text_name_case(char *s)
{
	size_t len = strlen(s);
	bool start = true;
	size_t i = 0;
	while (i < len) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n =
		    utf8proc_iterate((utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &cp);
		if (n <= 0)
			return;
		utf8proc_int32_t to = start ? utf8proc_toupper(cp) : utf8proc_tolower(cp);
		utf8proc_uint8_t enc[4];
		/* Vietnamese letters keep their encoded length across cases. */
		if (to != cp && utf8proc_encode_char(to, enc) == n)
			memcpy(s + i, enc, (size_t)n);
		start = !alnum_category(cp);
		i += (size_t)n;
	}
}

void dlg_text_upper(char *s)
{
	size_t len = strlen(s);
	size_t i = 0;
	while (i < len) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n =
		    utf8proc_iterate((utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &cp);
		if (n <= 0)
			return;
		utf8proc_int32_t to = utf8proc_toupper(cp);
		utf8proc_uint8_t enc[4];
		if (to != cp && utf8proc_encode_char(to, enc) == n)
			memcpy(s + i, enc, (size_t)n);
		i += (size_t)n;
	}
}

bool dlg_text_blank(const char *s)
{
	for (; *s; s++)
		if (!is_space((unsigned char)*s))
			return false;
	return true;
}

size_t dlg_utf8_length(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

char *dlg_text_iconv(const char *from, const char *buf, size_t len, size_t *out_len)
{
	iconv_t cd = iconv_open("UTF-8", from);
	if (cd == (iconv_t)-1)
		return NULL;
	size_t cap = len * 4 + 16;
	char *out = dlg_xmalloc(cap);
	char *in = (char *)buf, *o = out;
	size_t inleft = len, outleft = cap - 1;
	size_t r = iconv(cd, &in, &inleft, &o, &outleft);
	if (r != (size_t)-1)
		r = iconv(cd, NULL, NULL, &o, &outleft);
	iconv_close(cd);
	if (r == (size_t)-1) {
		free(out);
		return NULL;
	}
	*o = '\0';
	if (out_len)
		*out_len = (size_t)(o - out);
	return out;
}

char *dlg_text_printable(const char *s)
{
	size_t len = strlen(s);
	char *out = dlg_xmalloc(len + 1), *w = out;
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	while (*p) {
		utf8proc_int32_t c;
		utf8proc_ssize_t n = utf8proc_iterate(p, -1, &c);
		if (n <= 0) { /* not UTF-8: cannot happen after csvio; drop the byte */
			p++;
			continue;
		}
		utf8proc_category_t cat = utf8proc_category(c);
		if (c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == 0x85 ||
		    c == 0x2028 || c == 0x2029) {
			*w++ = ' ';
		} else if (cat != UTF8PROC_CATEGORY_CC && cat != UTF8PROC_CATEGORY_CF) {
			memcpy(w, p, (size_t)n);
			w += n;
		}
		p += n;
	}
	*w = '\0';
	return out;
}

uint32_t dlg_utf8_next(const char **sp)
{
	const unsigned char *s = (const unsigned char *)*sp;
	uint32_t c = s[0];
	int n = 0;
	if (c >= 0xF0)
		c &= 0x07, n = 3;
	else if (c >= 0xE0)
		c &= 0x0F, n = 2;
	else if (c >= 0xC0)
		c &= 0x1F, n = 1;
	s++;
	for (int i = 0; i < n && (*s & 0xC0) == 0x80; i++)
		c = c << 6 | (*s++ & 0x3F);
	*sp = (const char *)s;
	return c;
}
