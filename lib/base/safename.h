/* Safe file names made from what people write (names, codes, ids), the one
 * place that decides how any text becomes a file name. */
#ifndef DLG_BASE_SAFENAME_H
#define DLG_BASE_SAFENAME_H

#include <stddef.h>

/* A file name made from s: NFC, no "/", "\", control or shell-special
 * characters, white space as "_", no leading "." or "-", at most max bytes
 * (cut on a character boundary). May be empty. malloc'd; the caller frees it. */
char *dlg_safe_filename(const char *s, size_t max);

/* Make names[0..n) distinct by appending "-2", "-3", ... to repeats (before
 * the extension ext, which each name ends with). Strings are replaced. */
void dlg_unique_names(char **names, size_t n, const char *ext);

/* PDF file names for n documents: key(ctx, i) (NULL taken as "") made safe
 * by dlg_safe_filename (at most 100 bytes) with ".pdf", or "0001.pdf", ...
 * when that leaves nothing; repeats made distinct by dlg_unique_names. A
 * malloc'd array of n malloc'd names; free with dlg_names_free. */
char **dlg_pdf_names(size_t n, const char *(*key)(void *ctx, size_t i), void *ctx);

/* Names given one at a time, distinct for distinct keys: codes such as
 * "K/T", "K:T", "K T" and "K_T", which dlg_safe_filename makes alike, get
 * "K_T", "K_T-2", "K_T-3"...; the same key always gets the same name.
 * Zero-initialise, free with dlg_namer_free. */
typedef struct {
	char **key, **name;
	size_t n;
} dlg_namer;

/* The file name for key: dlg_safe_filename(key, 100) (empty_name when that
 * leaves nothing) and ext, made distinct from the other keys' names. Owned by
 * the namer. */
const char *dlg_namer_get(dlg_namer *nm, const char *key, const char *ext, const char *empty_name);
void dlg_namer_free(dlg_namer *nm);

/* Free names[0..n) and the array (NULL: nothing). */
void dlg_names_free(char **names, size_t n);

#endif
