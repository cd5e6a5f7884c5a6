/* CMS signatures with OpenSSL; token keys through libp11. OpenSSL's
 * CMS_final would add a signing-time attribute, which PAdES baseline
 * signatures must not carry, so the signer info is built with CMS_PARTIAL,
 * its message digest set here, and its signature made here over the DER of
 * the signed attributes (RFC 5652 §5.4). */
#include "fmt/cms.h"

#include <errno.h>
#include <libp11.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"

struct dlg_signkey {
	EVP_PKEY *key;
	bool key_owned;
	X509 *cert;
	STACK_OF(X509) * chain; /* other certificates to include, may be NULL */
	char *name;
	PKCS11_CTX *p11;
	PKCS11_SLOT *slots;
	unsigned int nslots;
	PKCS11_SLOT *login; /* the slot logged in, or NULL */
};

/* OpenSSL's last error as text, for a message. */
static const char *ssl_error(void)
{
	static char buf[256];
	unsigned long e = ERR_get_error();
	unsigned long last;
	while ((last = ERR_get_error()))
		e = last;
	if (!e)
		return "?";
	ERR_error_string_n(e, buf, sizeof buf);
	return buf;
}

static void set_name(dlg_signkey *k)
{
	X509_NAME *n = X509_get_subject_name(k->cert);
	int i = X509_NAME_get_index_by_NID(n, NID_commonName, -1);
	unsigned char *u = NULL;
	if (i >= 0 &&
	    ASN1_STRING_to_UTF8(&u, X509_NAME_ENTRY_get_data(X509_NAME_get_entry(n, i))) >= 0) {
		k->name = dlg_xstrdup((char *)u);
		OPENSSL_free(u);
	} else {
		k->name = dlg_xstrdup("?");
	}
}

/* The certificate must be valid now. */
static bool check_dates(const dlg_signkey *k, const char *where)
{
	if (X509_cmp_current_time(X509_get0_notAfter(k->cert)) < 0) {
		dlg_warn(_("%s: the certificate of %s has expired"), where, k->name);
		return false;
	}
	if (X509_cmp_current_time(X509_get0_notBefore(k->cert)) > 0) {
		dlg_warn(_("%s: the certificate of %s is not valid yet"), where, k->name);
		return false;
	}
	return true;
}

void dlg_signkey_free(dlg_signkey *k)
{
	if (!k)
		return;
	if (k->key_owned)
		EVP_PKEY_free(k->key);
	X509_free(k->cert);
	sk_X509_pop_free(k->chain, X509_free);
	free(k->name);
	if (k->p11) {
		if (k->login)
			PKCS11_logout(k->login);
		if (k->slots)
			PKCS11_release_all_slots(k->p11, k->slots, k->nslots);
		PKCS11_CTX_unload(k->p11);
		PKCS11_CTX_free(k->p11);
	}
	free(k);
}

static dlg_signkey *signkey_new(void)
{
	dlg_signkey *k = dlg_xcalloc(1, sizeof *k);
	return k;
}

dlg_signkey *dlg_signkey_pkcs12(const char *path, const char *password)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		dlg_warn("%s: %s", path, strerror(errno));
		return NULL;
	}
	PKCS12 *p12 = d2i_PKCS12_fp(f, NULL);
	fclose(f);
	if (!p12) {
		dlg_warn(_("%s: not a PKCS#12 certificate file (%s)"), path, ssl_error());
		return NULL;
	}
	dlg_signkey *k = signkey_new();
	k->key_owned = true;
	int ok = PKCS12_parse(p12, password ? password : "", &k->key, &k->cert, &k->chain);
	PKCS12_free(p12);
	if (!ok) {
		dlg_warn(_("%s: cannot open the certificate file: wrong password? (%s)"), path,
		         ssl_error());
		dlg_signkey_free(k);
		return NULL;
	}
	if (!k->key || !k->cert) {
		dlg_warn(_("%s: the file holds no private key with its certificate"), path);
		dlg_signkey_free(k);
		return NULL;
	}
	set_name(k);
	if (!check_dates(k, path)) {
		dlg_signkey_free(k);
		return NULL;
	}
	return k;
}

dlg_signkey *dlg_signkey_pkcs11(const char *module, const char *token, const char *label,
                                const char *pin)
{
	dlg_signkey *k = signkey_new();
	k->p11 = PKCS11_CTX_new();
	if (!k->p11 || PKCS11_CTX_load(k->p11, module) < 0) {
		dlg_warn(_("%s: cannot load the token's PKCS#11 module (%s)"), module, ssl_error());
		if (k->p11) {
			PKCS11_CTX_free(k->p11);
			k->p11 = NULL;
		}
		dlg_signkey_free(k);
		return NULL;
	}
	PKCS11_SLOT *slot = NULL;
	if (PKCS11_enumerate_slots(k->p11, &k->slots, &k->nslots) < 0) {
		dlg_warn(_("%s: cannot list the token slots (%s)"), module, ssl_error());
		dlg_signkey_free(k);
		return NULL;
	}
	for (unsigned int i = 0; i < k->nslots && !slot; i++) {
		PKCS11_SLOT *s = &k->slots[i];
		if (s->token && s->token->initialized &&
		    (!token || !*token || !strcmp(s->token->label, token)))
			slot = s;
	}
	if (!slot) {
		if (token && *token)
			dlg_warn(_("%s: no token labelled \"%s\" is plugged in"), module, token);
		else
			dlg_warn(_("%s: no token is plugged in"), module);
		dlg_signkey_free(k);
		return NULL;
	}
	if (PKCS11_login(slot, 0, pin ? pin : "") < 0) {
		dlg_warn(_("token \"%s\": the PIN was refused"), slot->token->label);
		dlg_signkey_free(k);
		return NULL;
	}
	k->login = slot;
	PKCS11_CERT *certs = NULL;
	unsigned int ncerts = 0;
	if (PKCS11_enumerate_certs(slot->token, &certs, &ncerts) < 0)
		ncerts = 0;
	PKCS11_KEY *key = NULL;
	PKCS11_CERT *mine = NULL;
	for (unsigned int i = 0; i < ncerts && !key; i++) {
		if (label && *label && (!certs[i].label || strcmp(certs[i].label, label)))
			continue;
		key = PKCS11_find_key(&certs[i]);
		if (key)
			mine = &certs[i];
	}
	if (!key) {
		if (label && *label)
			dlg_warn(
			    _("token \"%s\": no certificate labelled \"%s\" with its private key"),
			    slot->token->label, label);
		else
			dlg_warn(_("token \"%s\": no certificate with its private key"),
			         slot->token->label);
		dlg_signkey_free(k);
		return NULL;
	}
	k->key = PKCS11_get_private_key(key); /* libp11 0.4.12: a new key, ours to free */
	k->key_owned = true;
	k->cert = mine->x509 ? X509_dup(mine->x509) : NULL;
	if (!k->key || !k->cert) {
		dlg_warn(_("token \"%s\": cannot use the private key (%s)"), slot->token->label,
		         ssl_error());
		dlg_signkey_free(k);
		return NULL;
	}
	/* the token's other certificates (its issuers) go into the signature */
	k->chain = sk_X509_new_null();
	for (unsigned int i = 0; i < ncerts; i++)
		if (&certs[i] != mine && certs[i].x509 && X509_check_ca(certs[i].x509))
			sk_X509_push(k->chain, X509_dup(certs[i].x509));
	set_name(k);
	if (!check_dates(k, slot->token->label)) {
		dlg_signkey_free(k);
		return NULL;
	}
	return k;
}

const char *dlg_signkey_name(const dlg_signkey *k)
{
	return k->name;
}

size_t dlg_signkey_max_cms(const dlg_signkey *k)
{
	size_t n = (size_t)i2d_X509(k->cert, NULL);
	for (int i = 0; k->chain && i < sk_X509_num(k->chain); i++)
		n += (size_t)i2d_X509(sk_X509_value(k->chain, i), NULL);
	int sig = EVP_PKEY_get_size(k->key);
	return n + 2 * (size_t)(sig > 0 ? sig : 1024) + 2048;
}

struct der {
	unsigned char *p;
	int len;
};

static int der_cmp(const void *a, const void *b)
{
	const struct der *x = a, *y = b;
	int n = x->len < y->len ? x->len : y->len;
	int c = memcmp(x->p, y->p, (size_t)n);
	return c ? c : x->len - y->len;
}

/* The signed attributes as a DER SET OF (sorted), the bytes signed. */
static bool signed_attrs_der(CMS_SignerInfo *si, dlg_sbuf *out)
{
	int n = CMS_signed_get_attr_count(si);
	if (n <= 0)
		return false;
	struct der *v = dlg_xmalloc((size_t)n * sizeof *v);
	size_t total = 0;
	bool ok = true;
	for (int i = 0; i < n; i++) {
		v[i].p = NULL;
		v[i].len = i2d_X509_ATTRIBUTE(CMS_signed_get_attr(si, i), &v[i].p);
		ok = ok && v[i].len > 0;
		total += v[i].len > 0 ? (size_t)v[i].len : 0;
	}
	if (ok) {
		qsort(v, (size_t)n, sizeof *v, der_cmp);
		dlg_sbuf_addc(out, 0x31);
		if (total < 128) {
			dlg_sbuf_addc(out, (char)total);
		} else {
			unsigned char lb[8];
			int nl = 0;
			for (size_t t = total; t; t >>= 8)
				lb[nl++] = (unsigned char)(t & 255);
			dlg_sbuf_addc(out, (char)(0x80 | nl));
			while (nl)
				dlg_sbuf_addc(out, (char)lb[--nl]);
		}
		for (int i = 0; i < n; i++)
			dlg_sbuf_add(out, v[i].p, (size_t)v[i].len);
	}
	for (int i = 0; i < n; i++)
		OPENSSL_free(v[i].p);
	free(v);
	return ok;
}

bool dlg_signkey_cms(dlg_signkey *k, const void *const *parts, const size_t *lens, size_t n,
                     dlg_sbuf *der)
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0;
	EVP_MD_CTX *mctx = EVP_MD_CTX_new();
	bool ok = mctx && EVP_DigestInit_ex(mctx, EVP_sha256(), NULL);
	for (size_t i = 0; ok && i < n; i++)
		ok = EVP_DigestUpdate(mctx, parts[i], lens[i]);
	ok = ok && EVP_DigestFinal_ex(mctx, md, &mdlen);
	EVP_MD_CTX_free(mctx);

	CMS_ContentInfo *cms =
	    ok ? CMS_sign(NULL, NULL, NULL, NULL, CMS_PARTIAL | CMS_DETACHED | CMS_BINARY) : NULL;
	CMS_SignerInfo *si =
	    cms ? CMS_add1_signer(cms, k->cert, k->key, EVP_sha256(),
	                          CMS_PARTIAL | CMS_BINARY | CMS_NOSMIMECAP | CMS_CADES)
	        : NULL;
	ok = si != NULL;
	for (int i = 0; ok && k->chain && i < sk_X509_num(k->chain); i++)
		ok = CMS_add1_cert(cms, sk_X509_value(k->chain, i));
	ok = ok &&
	     CMS_signed_add1_attr_by_NID(si, NID_pkcs9_contentType, V_ASN1_OBJECT,
	                                 OBJ_nid2obj(NID_pkcs7_data), -1) &&
	     CMS_signed_add1_attr_by_NID(si, NID_pkcs9_messageDigest, V_ASN1_OCTET_STRING, md,
	                                 (int)mdlen);
	dlg_sbuf attrs = {0};
	ok = ok && signed_attrs_der(si, &attrs);
	unsigned char *sig = NULL;
	size_t siglen = 0;
	if (ok) {
		EVP_MD_CTX *sctx = EVP_MD_CTX_new();
		ok =
		    sctx && EVP_DigestSignInit(sctx, NULL, EVP_sha256(), NULL, k->key) > 0 &&
		    EVP_DigestSign(sctx, NULL, &siglen, (unsigned char *)attrs.data, attrs.len) > 0;
		sig = ok ? dlg_xmalloc(siglen) : NULL;
		ok = ok &&
		     EVP_DigestSign(sctx, sig, &siglen, (unsigned char *)attrs.data, attrs.len) > 0;
		EVP_MD_CTX_free(sctx);
	}
	ok = ok && ASN1_STRING_set(CMS_SignerInfo_get0_signature(si), sig, (int)siglen);
	unsigned char *out = NULL;
	int outlen = ok ? i2d_CMS_ContentInfo(cms, &out) : -1;
	if (outlen > 0)
		dlg_sbuf_add(der, out, (size_t)outlen);
	else
		dlg_warn(_("cannot make the signature with the key of %s (%s)"), k->name,
		         ssl_error());
	OPENSSL_free(out);
	free(sig);
	dlg_sbuf_free(&attrs);
	CMS_ContentInfo_free(cms);
	return outlen > 0;
}
