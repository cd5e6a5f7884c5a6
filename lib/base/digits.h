/* Digits as people type them in phone numbers: ASCII or full-width, with
 * spaces, dots, dashes, slashes and brackets between them. */
#ifndef DLG_BASE_DIGITS_H
#define DLG_BASE_DIGITS_H

#include <stdbool.h>
#include <stddef.h>

/* The decimal digit at s ('0'..'9', or the full-width U+FF10..U+FF19) as
 * 0..9, its length in bytes in *len; -1 when s starts with something else. */
int dlg_digit_at(const char *s, size_t *len);

/* True when s starts with a plus sign (ASCII or full-width U+FF0B); its
 * length in bytes goes to *len. */
bool dlg_plus_at(const char *s, size_t *len);

/* True when s starts with a character people put between the digits of a
 * phone number: space, no-break or ideographic space, tab, '.', '-', '/',
 * '(', ')', or their full-width forms; its length in bytes goes to *len. */
bool dlg_phone_sep_at(const char *s, size_t *len);

/* '(' or ')' when s starts with that bracket, ASCII or full-width; else 0. */
char dlg_bracket_at(const char *s);

#endif
