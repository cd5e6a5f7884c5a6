/* Signing issued documents digitally (Decree 30/2020 Appendix I, II.7-8;
 * issue 17): the signer's signature and the office's signature, which the
 * records clerk (Văn thư) applies with the office's token, each filling the
 * empty signature field a document made with --digital has over the
 * signature image or the seal image; or, for an attachment sent as a
 * separate file, the office's signature at the top right of its first page
 * with no image, showing the number and symbol and the signing time (Times
 * New Roman 10, upright, black). The signing time is recorded in the
 * outgoing register with the number. */
#ifndef DLG_STEP_SIGN_H
#define DLG_STEP_SIGN_H

#include <stdbool.h>
#include <stddef.h>

#include "case/folder.h"
#include "doc/font.h"
#include "fmt/cms.h"

/* Whose key and where it is. Strings borrowed; NULL takes dlg.conf [sign]
 * ROLE_pkcs11, ROLE_token, ROLE_key, ROLE_pkcs12. */
typedef struct {
	const char *role; /* "office" (the default) or "signer" */
	const char *pkcs11, *token, *key, *pkcs12;
	/* the PIN (or the certificate file's password) in the first line of
	 * this file; NULL: $DLG_OFFICE_PIN or $DLG_SIGNER_PIN, else asked on
	 * the terminal */
	const char *pin_file;
} dlg_sign_keyopts;

/* Open the key k describes (a token: loaded and logged in once for many
 * documents). NULL after a diagnostic. Free with dlg_signkey_free. */
dlg_signkey *dlg_sign_key_open(const dlg_case *cs, const dlg_sign_keyopts *k);

/* Sign the PDF at path with key as role ("office", "signer"): the empty
 * field of that name, or, when attachment, a new office signature at the
 * top right of page 1 showing symbol and the time (fonts draw it). The
 * signed file replaces path atomically, or goes to out (same permissions).
 * symbol ("1204/UBND-VP", may be NULL unless attachment): the signing time
 * is recorded in the outgoing register for it. false after a diagnostic;
 * path is then unchanged. */
bool dlg_sign_pdf(const dlg_case *cs, dlg_signkey *key, const char *role, bool attachment,
                  const char *symbol, dlg_fonts *fonts, const char *path, const char *out);

/* The signer's, then the office's signature, with the keys of dlg.conf
 * [sign] (PINs as dlg_sign_key_open gets them), on each of the n PDFs made
 * with the images and their empty fields; each key is opened once, and only
 * when n > 0. The signing times go into the outgoing register with the
 * numbers the PDFs carry. false after a diagnostic. */
bool dlg_sign_both(const dlg_case *cs, char *const *paths, size_t n);

/* What dlg-sign was asked for. */
typedef struct {
	dlg_sign_keyopts key;
	bool attachment;    /* sign as an attachment (needs number) */
	const char *number; /* the number and symbol, "05/BC-UBND", or NULL */
	const char *output; /* with one file: the signed copy goes here */
	char *const *files; /* the PDFs */
	size_t nfiles;
} dlg_sign_opts;

/* dlg-sign: open the key once, sign every file. Returns the exit status. */
int dlg_sign_run(const dlg_case *cs, const dlg_sign_opts *o);

#endif
