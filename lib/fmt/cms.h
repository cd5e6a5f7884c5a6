/* Signing keys and CMS signatures for PAdES (ETSI EN 319 142-1, baseline
 * B-B): a private key with its certificate, from a PKCS#12 file (.p12,
 * .pfx) or a PKCS#11 token (a USB token or smart card, through its vendor's
 * PKCS#11 module and libp11), and a detached CMS SignedData over bytes:
 * SHA-256, signed attributes content-type, message-digest and ESS
 * signing-certificate-v2, no signing-time (PAdES takes the time from the
 * signature dictionary's /M), the certificate and its chain included. */
#ifndef DLG_FMT_CMS_H
#define DLG_FMT_CMS_H

#include <stdbool.h>
#include <stddef.h>

#include "base/sbuf.h"

typedef struct dlg_signkey dlg_signkey;

/* The key and certificate of the PKCS#12 file at path, opened with
 * password (may be empty). NULL after a diagnostic (unreadable, wrong
 * password, no key). Free with dlg_signkey_free. */
dlg_signkey *dlg_signkey_pkcs12(const char *path, const char *password);

/* The key on a PKCS#11 token: module is the vendor's library (a path, e.g.
 * /usr/lib/softhsm/libsofthsm2.so); token the token's label (NULL or "":
 * the first token present); label the certificate's and key's label (NULL
 * or "": the first certificate whose private key is on the token); pin the
 * user PIN. NULL after a diagnostic. Free with dlg_signkey_free, which logs
 * out and unloads the module. */
dlg_signkey *dlg_signkey_pkcs11(const char *module, const char *token, const char *label,
                                const char *pin);

void dlg_signkey_free(dlg_signkey *k);

/* The certificate's subject common name (UTF-8), owned by k. */
const char *dlg_signkey_name(const dlg_signkey *k);

/* The most bytes dlg_signkey_cms can write (certificates, signature and
 * the structure around them). */
size_t dlg_signkey_max_cms(const dlg_signkey *k);

/* A detached CMS SignedData (DER, appended to der) signing the
 * concatenation of the n byte ranges parts[i][0..lens[i]). false after a
 * diagnostic (the token refused, the certificate has expired). */
bool dlg_signkey_cms(dlg_signkey *k, const void *const *parts, const size_t *lens, size_t n,
                     dlg_sbuf *der);

#endif
