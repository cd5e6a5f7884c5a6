/* Text: UTF-8 validation, NFC normalisation, folding for matching, spaces. */
#ifndef DLG_BASE_TEXT_H
#define DLG_BASE_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* True when s[0..len) is well-formed UTF-8 without NUL bytes. On failure and
 * when bad_offset is not NULL, stores the offset of the first bad byte. */
bool dlg_utf8_valid(const char *s, size_t len, size_t *bad_offset);

/* True when valid UTF-8 s[0..len) is surely NFC already (fast check, no
 * allocation); false means "maybe not": call dlg_text_nfc. Safe, and false,
 * on a sequence cut short by len. */
bool dlg_text_is_nfc_fast(const char *s, size_t len);

/* NFC form of valid UTF-8 s[0..len) as a new malloc'd NUL-terminated string
 * (the caller frees it); its length goes to *out_len when not NULL. Invalid
 * UTF-8 is copied as it is. */
char *dlg_text_nfc(const char *s, size_t len, size_t *out_len);

/* Fold for matching: NFC, lower case, diacritics removed, đ→d, every run of
 * non-alphanumeric characters becomes one space, no leading/trailing space.
 * Returns a new malloc'd string; the caller frees it. */
char *dlg_text_fold(const char *s);

/* Call word(ctx, w, len) for each word of dlg_text_fold(text), in order, with
 * the word's folded bytes (not NUL-terminated, valid only during the call).
 * Folding goes through a table computed once, so it is cheap per text. */
void dlg_text_fold_words(const char *text, void (*word)(void *ctx, const char *w, size_t len),
                         void *ctx);

/* Trim s in place and collapse every run of white space (including tabs and
 * line breaks) into one space; returns s. */
char *dlg_text_squeeze(char *s);

/* Write a person's name the usual way in place: each word capitalised, the
 * rest lower case ("trần thị HOA" → "Trần Thị Hoa"). Valid UTF-8, NFC. */
void dlg_text_name_case(char *s);

/* A copy of valid UTF-8 s as it may be printed in a document or an address
 * list: line breaks, tabs and the Unicode line and paragraph separators
 * become spaces; other control characters and invisible format characters
 * (bidi overrides, zero-width spaces) are dropped, so they neither draw a box
 * nor turn the text around. malloc'd; the caller frees it. */
char *dlg_text_printable(const char *s);

/* Upper-case valid UTF-8 s in place ("xã Liên Minh" → "XÃ LIÊN MINH");
 * letters whose upper case has another encoded length stay as they are. */
void dlg_text_upper(char *s);

/* True when s contains only white space (or is empty). */
bool dlg_text_blank(const char *s);

/* Number of Unicode code points in valid UTF-8 s. */
size_t dlg_utf8_length(const char *s);

/* Convert buf[0..len) from encoding `from` (an iconv name such as "CP1258")
 * to UTF-8. Returns a new malloc'd NUL-terminated string and its length in
 * *out_len, or NULL when the text is not valid in that encoding. */
char *dlg_text_iconv(const char *from, const char *buf, size_t len, size_t *out_len);

/* Decode one code point of valid UTF-8 at *s, advancing *s. */
uint32_t dlg_utf8_next(const char **s);

#endif
