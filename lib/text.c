/* UTF-8 validation, NFC (utf8proc), folding for matching, spaces. */
#include "text.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "diag.h"

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
 * following combining mark (U+0300 and up) sends the text to utf8proc. */
bool dlg_text_is_nfc_fast(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	for (size_t i = 0; i < len;) {
		unsigned c = s[i];
		if (c < 0x80) {
			i++;
		} else if (c < 0xE0) {
			uint32_t cp = ((c & 0x1F) << 6) | (s[i + 1] & 0x3F);
			if (cp >= 0x300)
				return false;
			i += 2;
		} else if (c < 0xF0) {
			uint32_t cp = ((c & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
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
	return c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC ||
	       c == UTF8PROC_CATEGORY_ME;
}

char *dlg_text_fold(const char *str)
{
	size_t len = strlen(str);
	/* Folding never grows a code point beyond 3 decomposed ones of 4 bytes. */
	char *out = dlg_xmalloc(len * 3 + 2), *o = out;
	bool space = true; /* suppress a leading space */
	const utf8proc_uint8_t *s = (const utf8proc_uint8_t *)str;
	utf8proc_ssize_t i = 0;
	while ((size_t)i < len) {
		utf8proc_int32_t cp;
		if (s[i] < 0x80) {
			unsigned char c = s[i++];
			if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
				*o++ = (char)c;
				space = false;
			} else if (c >= 'A' && c <= 'Z') {
				*o++ = (char)(c + 32);
				space = false;
			} else if (!space) {
				*o++ = ' ';
				space = true;
			}
			continue;
		}
		utf8proc_ssize_t n = utf8proc_iterate(s + i, (utf8proc_ssize_t)len - i, &cp);
		if (n <= 0) {
			i++;
			continue;
		}
		i += n;
		if (cp == 0x110 || cp == 0x111) {
			*o++ = 'd';
			space = false;
			continue;
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
			if (alnum_category(p)) {
				put_utf8(&o, p);
				space = false;
			} else if (!space) {
				*o++ = ' ';
				space = true;
			}
		}
	}
	if (o > out && o[-1] == ' ')
		o--;
	*o = '\0';
	return out;
}

static bool is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

char *dlg_text_squeeze(char *s)
{
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
