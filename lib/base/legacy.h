/* The old Vietnamese encodings files still come in: Windows-1258 (cp1258),
 * TCVN3 (TCVN 5712:1993, the ABC fonts) and VNI (the VNI-Windows fonts):
 * their names, a decoder for VNI (which iconv lacks), and a guess of which
 * one a text that is not UTF-8 is written in. */
#ifndef DLG_BASE_LEGACY_H
#define DLG_BASE_LEGACY_H

#include <stdbool.h>
#include <stddef.h>

/* The iconv name for what a user wrote with --from ("tcvn3", "abc" →
 * "TCVN5712-1"; "cp1258" → "CP1258"; anything else as it is), or NULL for
 * VNI, which dlg_vni_decode reads. Static string or from. */
const char *dlg_legacy_iconv_name(const char *from);

/* True when from names VNI ("vni", "vni-win", "vni windows"). */
bool dlg_legacy_is_vni(const char *from);

/* Decode VNI-Windows bytes in[0..len) into UTF-8 at out, which must have
 * room for 4 * len bytes; returns the bytes written (not NUL-terminated).
 * Letters come out decomposed (a base letter and combining marks): NFC them
 * afterwards. Stateless: a text may be decoded in pieces. */
size_t dlg_vni_decode(const char *in, size_t len, char *out);

/* Which legacy encoding buf[0..len) (not valid UTF-8) looks written in:
 * "cp1258", "tcvn3" or "vni" (the --from value that reads it), or NULL when
 * it looks like none of them. Decodes with each and keeps the one whose
 * words are Vietnamese syllables (letters of the Vietnamese alphabet, one
 * tone mark a word). */
const char *dlg_legacy_guess(const char *buf, size_t len);

/* How a guess is named for people: "Windows-1258 (cp1258)", "TCVN3
 * (TCVN5712-1, ABC fonts)", "VNI (VNI-Windows fonts)". Static string. */
const char *dlg_legacy_describe(const char *guess);

#endif
