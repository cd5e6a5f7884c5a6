/* Old Vietnamese encodings: names, the VNI table, guessing. */
#include "base/legacy.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "base/diag.h"
#include "base/text.h"

const char *dlg_legacy_iconv_name(const char *from)
{
	static const char *const tcvn[] = {"tcvn3",    "tcvn",       "tcvn-3",    "abc",
	                                   "tcvn5712", "tcvn5712-1", "tcvn-5712", "vn3"};
	static const char *const cp1258[] = {"cp1258", "windows-1258", "win1258", "cp-1258"};
	if (dlg_legacy_is_vni(from))
		return NULL;
	for (size_t i = 0; i < sizeof tcvn / sizeof tcvn[0]; i++)
		if (!strcasecmp(from, tcvn[i]))
			return "TCVN5712-1";
	for (size_t i = 0; i < sizeof cp1258 / sizeof cp1258[0]; i++)
		if (!strcasecmp(from, cp1258[i]))
			return "CP1258";
	return from;
}

bool dlg_legacy_is_vni(const char *from)
{
	return !strcasecmp(from, "vni") || !strcasecmp(from, "vni-win") ||
	       !strcasecmp(from, "vni-windows") || !strcasecmp(from, "vni windows");
}

/* VNI-Windows: ASCII below 0x80; above, the VNI fonts draw a mark (or a
 * mark pair) over the letter before it, a few whole letters (ơ ư đ and the
 * toned i, y), and otherwise the Windows-1252 character of that byte. The
 * upper-case fonts use 0xC0..0xDF for what the lower-case ones draw at
 * 0xE0..0xFF. Each entry: up to two code points. */
#define ACUTE 0x0301
#define GRAVE 0x0300
#define HOOK 0x0309
#define TILDE 0x0303
#define DOT 0x0323
#define CIRC 0x0302
#define BREVE 0x0306

static const uint16_t vni_low[32][2] = {
    /* 0xE0..0xFF, and 0xC0..0xDF for the upper-case fonts */
    [0x00] = {CIRC, GRAVE},  /* à: â + grave */
    [0x01] = {CIRC, ACUTE},  /* á */
    [0x02] = {CIRC, 0},      /* â */
    [0x03] = {CIRC, TILDE},  /* ã */
    [0x04] = {CIRC, DOT},    /* ä */
    [0x05] = {CIRC, HOOK},   /* å */
    [0x06] = {0x1EC9, 0},    /* æ: ỉ (whole letter) */
    [0x08] = {BREVE, GRAVE}, /* è */
    [0x09] = {BREVE, ACUTE}, /* é */
    [0x0A] = {BREVE, 0},     /* ê */
    [0x0B] = {BREVE, DOT},   /* ë */
    [0x0C] = {0x00EC, 0},    /* ì */
    [0x0D] = {0x00ED, 0},    /* í */
    [0x0E] = {0x1EF5, 0},    /* î: ỵ */
    [0x0F] = {DOT, 0},       /* ï */
    [0x11] = {0x0111, 0},    /* ñ: đ */
    [0x12] = {0x1ECB, 0},    /* ò: ị */
    [0x13] = {0x0129, 0},    /* ó: ĩ */
    [0x14] = {0x01A1, 0},    /* ô: ơ */
    [0x15] = {TILDE, 0},     /* õ */
    [0x16] = {0x01B0, 0},    /* ö: ư */
    [0x18] = {GRAVE, 0},     /* ø */
    [0x19] = {ACUTE, 0},     /* ù */
    [0x1A] = {BREVE, HOOK},  /* ú */
    [0x1B] = {HOOK, 0},      /* û */
    [0x1C] = {BREVE, TILDE}, /* ü */
};

/* Windows-1252 0x80..0x9F (0 where it has none). */
static const uint16_t cp1252_c1[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

static size_t put_utf8(char *o, uint32_t cp)
{
	if (cp < 0x80) {
		o[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (char)(0xC0 | cp >> 6);
		o[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	o[0] = (char)(0xE0 | cp >> 12);
	o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
	o[2] = (char)(0x80 | (cp & 0x3F));
	return 3;
}

/* The upper-case form of the whole letters the upper-case fonts draw. */
static uint32_t upper(uint32_t cp)
{
	switch (cp) {
	case 0x1EC9:
		return 0x1EC8;
	case 0x00EC:
		return 0x00CC;
	case 0x00ED:
		return 0x00CD;
	case 0x1EF5:
		return 0x1EF4;
	case 0x0111:
		return 0x0110;
	case 0x1ECB:
		return 0x1ECA;
	case 0x0129:
		return 0x0128;
	case 0x01A1:
		return 0x01A0;
	case 0x01B0:
		return 0x01AF;
	default:
		return cp;
	}
}

size_t dlg_vni_decode(const char *in, size_t len, char *out)
{
	char *o = out;
	for (size_t i = 0; i < len; i++) {
		unsigned char b = (unsigned char)in[i];
		if (b < 0x80) {
			*o++ = (char)b;
			continue;
		}
		if (b >= 0xC0) {
			const uint16_t *e = vni_low[b & 0x1F];
			if (e[0]) {
				uint32_t first = b < 0xE0 ? upper(e[0]) : e[0];
				o += put_utf8(o, first);
				if (e[1])
					o += put_utf8(o, e[1]);
				continue;
			}
		}
		uint32_t cp = b < 0xA0 ? cp1252_c1[b - 0x80] : b; /* Latin-1 above 0xA0 */
		o += put_utf8(o, cp ? cp : 0xFFFD);
	}
	return (size_t)(o - out);
}

/* ---- guessing ---- */

static bool tone(int32_t m)
{
	return m == GRAVE || m == ACUTE || m == HOOK || m == TILDE || m == DOT;
}

/* 1 when cp is a letter of the Vietnamese alphabet with at most its tone
 * (2 when it carries a tone), 0 for an ASCII letter, -1 otherwise. */
static int vietnamese_letter(int32_t cp)
{
	if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'))
		return 0;
	if (cp == 0x0110 || cp == 0x0111)
		return 1;
	utf8proc_int32_t parts[4];
	int last = 0;
	utf8proc_ssize_t n = utf8proc_decompose_char(cp, parts, 4, UTF8PROC_DECOMPOSE, &last);
	if (n < 2 || n > 3)
		return -1;
	int32_t base = parts[0] | 0x20;
	if (base < 'a' || base > 'z')
		return -1;
	int tones = 0, shapes = 0;
	for (utf8proc_ssize_t k = 1; k < n; k++) {
		int32_t m = parts[k];
		if (tone(m) && strchr("aeiouy", (int)base))
			tones++;
		else if (m == CIRC && strchr("aeo", (int)base))
			shapes++;
		else if (m == BREVE && base == 'a')
			shapes++;
		else if (m == 0x031B && (base == 'o' || base == 'u'))
			shapes++;
		else
			return -1;
	}
	if (tones > 1 || shapes > 1)
		return -1;
	return tones ? 2 : 1;
}

/* Words of NFC text that read as Vietnamese minus those that do not. */
static long vietnamese_score(const char *text)
{
	long score = 0;
	const char *p = text;
	while (*p) {
		/* one word: letters and marks */
		bool non_ascii = false, bad = false;
		int tones = 0;
		size_t letters = 0;
		while (*p) {
			utf8proc_int32_t cp;
			utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)p, -1, &cp);
			if (n <= 0) {
				p++;
				bad = true;
				continue;
			}
			utf8proc_category_t c = utf8proc_category(cp);
			bool letter = c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LL ||
			              c == UTF8PROC_CATEGORY_MN;
			if (!letter && !(cp >= 0x80 && c != UTF8PROC_CATEGORY_ZS &&
			                 c != UTF8PROC_CATEGORY_PO && c != UTF8PROC_CATEGORY_PS &&
			                 c != UTF8PROC_CATEGORY_PE && c != UTF8PROC_CATEGORY_PD &&
			                 c != UTF8PROC_CATEGORY_PI && c != UTF8PROC_CATEGORY_PF))
				break;
			p += n;
			letters++;
			if (cp < 0x80)
				continue;
			non_ascii = true;
			int v = letter ? vietnamese_letter(cp) : -1;
			if (v < 0)
				bad = true;
			else if (v == 2)
				tones++;
		}
		if (non_ascii)
			score += bad || tones > 1 ? -2 : 1;
		if (!letters && *p) {
			utf8proc_int32_t cp;
			utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)p, -1, &cp);
			p += n > 0 ? n : 1;
		}
	}
	return score;
}

/* buf decoded with iconv `name` and NFC'd, or NULL when iconv rejects it
 * (cp1258 and TCVN3 are single-byte: a chunk never ends inside a
 * character). */
static char *decode_iconv(const char *name, const char *buf, size_t len)
{
	size_t n;
	char *out = dlg_text_iconv(name, buf, len, &n);
	if (!out)
		return NULL;
	char *nfc = dlg_text_nfc(out, n, NULL);
	free(out);
	return nfc;
}

const char *dlg_legacy_guess(const char *buf, size_t len)
{
	if (len > 256 * 1024)
		len = 256 * 1024;
	static const char *const names[] = {"cp1258", "tcvn3", "vni"};
	long best = 0;
	const char *guess = NULL;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		char *text;
		if (!strcmp(names[i], "vni")) {
			char *raw = dlg_xmalloc(len * 4 + 1);
			size_t n = dlg_vni_decode(buf, len, raw);
			text = dlg_text_nfc(raw, n, NULL);
			free(raw);
		} else {
			text = decode_iconv(dlg_legacy_iconv_name(names[i]), buf, len);
		}
		if (!text)
			continue;
		long score = vietnamese_score(text);
		free(text);
		if (score > best) {
			best = score;
			guess = names[i];
		}
	}
	return guess;
}

const char *dlg_legacy_describe(const char *guess)
{
	if (!guess)
		return "";
	if (!strcmp(guess, "cp1258"))
		return _("Windows-1258 (cp1258)");
	if (!strcmp(guess, "tcvn3"))
		return _("TCVN3 (TCVN5712-1, ABC fonts)");
	if (!strcmp(guess, "vni"))
		return _("VNI (VNI-Windows fonts)");
	return guess;
}
