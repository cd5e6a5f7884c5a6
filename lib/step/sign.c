/* Signing documents: the key from the options or dlg.conf, the PIN from a
 * file, the environment or the terminal, the attachment's visible text
 * drawn as a one-page PDF that becomes the signature's appearance. */
#include "step/sign.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "base/atomic.h"
#include "base/diag.h"
#include "base/env.h"
#include "base/sbuf.h"
#include "case/outgoing.h"
#include "doc/layout.h"
#include "doc/pdf.h"
#include "doc/pdfsign.h"

/* The first line of path, malloc'd; NULL after a diagnostic. */
static char *first_line(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		dlg_warn("%s: %s", path, strerror(errno));
		return NULL;
	}
	char buf[256];
	char *s = fgets(buf, sizeof buf, f) ? buf : NULL;
	fclose(f);
	if (!s) {
		dlg_warn(_("%s: empty: the PIN goes on its first line"), path);
		return NULL;
	}
	buf[strcspn(buf, "\r\n")] = '\0';
	return dlg_xstrdup(buf);
}

/* Ask on the terminal without echo; NULL when there is no terminal. */
static char *ask(const char *prompt)
{
	int fd = open("/dev/tty", O_RDWR | O_NOCTTY);
	if (fd < 0)
		return NULL;
	struct termios old, quiet;
	bool tty = tcgetattr(fd, &old) == 0;
	if (tty) {
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(fd, TCSAFLUSH, &quiet);
	}
	if (write(fd, prompt, strlen(prompt)) < 0) {
		/* nothing to do: the answer is read all the same */
	}
	char buf[256];
	size_t n = 0;
	char c;
	while (n + 1 < sizeof buf && read(fd, &c, 1) == 1 && c != '\n')
		buf[n++] = c;
	buf[n] = '\0';
	if (tty)
		tcsetattr(fd, TCSAFLUSH, &old);
	if (write(fd, "\n", 1) < 0) {
		/* as above */
	}
	close(fd);
	return dlg_xstrdup(buf);
}

static const char *conf_or(const dlg_case *cs, const char *given, const char *role,
                           const char *what)
{
	if (given)
		return given;
	char key[32];
	snprintf(key, sizeof key, "%s_%s", role, what);
	return dlg_conf_get(cs->conf, "sign", key);
}

dlg_signkey *dlg_sign_key_open(const dlg_case *cs, const dlg_sign_keyopts *k)
{
	const char *role = k->role ? k->role : "office";
	const char *pkcs11 = conf_or(cs, k->pkcs11, role, "pkcs11");
	const char *pkcs12 = conf_or(cs, k->pkcs12, role, "pkcs12");
	if (k->pkcs11 && k->pkcs12) {
		dlg_warn(_("give a token (--pkcs11) or a certificate file (--pkcs12), not both"));
		return NULL;
	}
	if (k->pkcs12)
		pkcs11 = "";
	if (k->pkcs11)
		pkcs12 = "";
	if (!*pkcs11 && !*pkcs12) {
		if (!strcmp(role, "signer"))
			dlg_warn(
			    _("no key for the signer's signature: give --pkcs11 MODULE or --pkcs12 "
			      "FILE, or set [sign] signer_pkcs11 (or signer_pkcs12) in dlg.conf"));
		else
			dlg_warn(
			    _("no key for the office's signature: give --pkcs11 MODULE or --pkcs12 "
			      "FILE, or set [sign] office_pkcs11 (or office_pkcs12) in dlg.conf"));
		return NULL;
	}
	if (*pkcs11 && *pkcs12) {
		dlg_warn(_("dlg.conf: [sign] sets both %s_pkcs11 and %s_pkcs12: keep one"), role,
		         role);
		return NULL;
	}
	char *pin = NULL;
	if (k->pin_file) {
		pin = first_line(k->pin_file);
		if (!pin)
			return NULL;
	} else if (dlg_env_pin(role)) {
		pin = dlg_xstrdup(dlg_env_pin(role));
	} else {
		const char *token = conf_or(cs, k->token, role, "token");
		char *prompt =
		    *pkcs11 ? dlg_xasprintf(_("PIN of the token %s: "), *token ? token : pkcs11)
		            : dlg_xasprintf(_("Password of %s: "), pkcs12);
		pin = ask(prompt);
		free(prompt);
		if (!pin) {
			dlg_warn(
			    _("no PIN: give --pin-file FILE or set %s (no terminal to ask on)"),
			    !strcmp(role, "signer") ? "DLG_SIGNER_PIN" : "DLG_OFFICE_PIN");
			return NULL;
		}
	}
	dlg_signkey *key;
	if (*pkcs11)
		key = dlg_signkey_pkcs11(pkcs11, conf_or(cs, k->token, role, "token"),
		                         conf_or(cs, k->key, role, "key"), pin);
	else
		key = dlg_signkey_pkcs12(pkcs12, pin);
	memset(pin, 0, strlen(pin));
	free(pin);
	return key;
}

/* The attachment's visible text as a one-page PDF in look; its size in w, h. */
static bool attachment_look(dlg_fonts *fonts, const char *symbol, time_t when, dlg_sbuf *look,
                            double *w, double *h)
{
	char iso[26];
	dlg_vn_iso8601(when, iso);
	char *l1 = dlg_xasprintf("Số: %s", symbol);
	char *l2 = dlg_xasprintf("Thời gian ký: %s", iso);
	double w1 = dlg_fonts_width(fonts, DLG_REGULAR, 10, l1, strlen(l1));
	double w2 = dlg_fonts_width(fonts, DLG_REGULAR, 10, l2, strlen(l2));
	*w = (w1 > w2 ? w1 : w2) + 4;
	*h = 2 * 12 + 4;
	dlg_pdf *p = dlg_pdf_new(fonts);
	dlg_pdf_begin_page(p, *w, *h);
	/* right-aligned in the box, the box at the page's top right */
	dlg_pdf_text(p, DLG_REGULAR, 10, *w - 2 - w1, *h - 2 - 9, l1, strlen(l1), 0);
	dlg_pdf_text(p, DLG_REGULAR, 10, *w - 2 - w2, *h - 2 - 9 - 12, l2, strlen(l2), 0);
	dlg_pdf_end_page(p);
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	bool ok = f && dlg_pdf_write(p, f, "appearance");
	if (f)
		fclose(f);
	if (ok)
		dlg_sbuf_add(look, buf, len);
	free(buf);
	dlg_pdf_free(p);
	free(l1);
	free(l2);
	return ok;
}

static bool read_file(const char *path, dlg_sbuf *b, mode_t *mode)
{
	FILE *f = fopen(path, "rb");
	struct stat st;
	if (!f || fstat(fileno(f), &st) < 0) {
		dlg_warn("%s: %s", path, strerror(errno));
		if (f)
			fclose(f);
		return false;
	}
	*mode = st.st_mode & 0777;
	bool ok = dlg_sbuf_read(b, f);
	if (!ok)
		dlg_warn("%s: %s", path, strerror(errno));
	fclose(f);
	return ok;
}

bool dlg_sign_pdf(const dlg_case *cs, dlg_signkey *key, const char *role, bool attachment,
                  const char *symbol, dlg_fonts *fonts, const char *path, const char *out)
{
	dlg_sbuf in = {0}, look = {0}, signed_pdf = {0};
	mode_t mode;
	bool ok = read_file(path, &in, &mode);
	dlg_pdfsign o = {0};
	o.key = key;
	o.when = time(NULL);
	o.location = dlg_conf_get(cs->conf, "office", "place");
	if (attachment) {
		o.new_field = "office-attachment";
		o.right = 15 * DLG_MM;
		ok = ok && attachment_look(fonts, symbol, o.when, &look, &o.w, &o.h);
		o.top = 20 * DLG_MM - o.h - 3; /* in the top margin, clear of the header */
		o.look = (const unsigned char *)look.data;
		o.look_len = look.len;
	} else {
		o.field = role;
	}
	char *own_symbol = NULL;
	if (ok && !symbol) /* the number dlg wrote into the document */
		symbol = own_symbol = dlg_pdf_read_symbol((const unsigned char *)in.data, in.len);
	ok = ok && dlg_pdf_sign(&o, (const unsigned char *)in.data, in.len, path, &signed_pdf);
	dlg_atomic a;
	if (ok && (ok = dlg_atomic_begin(&a, out ? out : path, mode))) {
		if (fwrite(signed_pdf.data, 1, signed_pdf.len, a.f) != signed_pdf.len) {
			dlg_warn("%s: %s", out ? out : path, strerror(errno));
			dlg_atomic_abort(&a);
			ok = false;
		} else {
			ok = dlg_atomic_commit(&a);
		}
	}
	if (ok && !symbol && strcmp(role, "signer"))
		dlg_warn(
		    _("%s: the document carries no number: its signing time is not recorded in "
		      "the outgoing register (give --number)"),
		    path);
	if (ok && symbol && *symbol) {
		char iso[26];
		dlg_vn_iso8601(o.when, iso);
		int r = dlg_outgoing_signed(cs, symbol, 0, attachment ? "attachment" : role, iso);
		if (r == 0 && strcmp(role, "signer")) /* said once, for the issuing signature */
			dlg_warn(
			    _("%s: %s is not in the outgoing register: its signing time (%s) is "
			      "not recorded there"),
			    path, symbol, iso);
		ok = r >= 0;
	}
	free(own_symbol);
	dlg_sbuf_free(&in);
	dlg_sbuf_free(&look);
	dlg_sbuf_free(&signed_pdf);
	return ok;
}

bool dlg_sign_both(const dlg_case *cs, char *const *paths, size_t n)
{
	static const char *const roles[] = {"signer", "office"};
	bool ok = true;
	for (int k = 0; ok && n && k < 2; k++) {
		dlg_sign_keyopts ko = {.role = roles[k]};
		dlg_signkey *key = dlg_sign_key_open(cs, &ko);
		ok = key != NULL;
		for (size_t i = 0; ok && i < n; i++)
			ok = dlg_sign_pdf(cs, key, roles[k], false, NULL, NULL, paths[i], NULL);
		dlg_signkey_free(key);
	}
	return ok;
}

int dlg_sign_run(const dlg_case *cs, const dlg_sign_opts *o)
{
	const char *role = o->key.role ? o->key.role : "office";
	dlg_signkey *key = dlg_sign_key_open(cs, &o->key);
	if (!key)
		return DLG_EXIT_ERROR;
	dlg_fonts *fonts = o->attachment ? dlg_fonts_new(NULL) : NULL;
	int status = DLG_EXIT_OK;
	for (size_t i = 0; i < o->nfiles; i++)
		if (!dlg_sign_pdf(cs, key, role, o->attachment, o->number, fonts, o->files[i],
		                  o->output))
			status = DLG_EXIT_ERROR;
	dlg_fonts_free(fonts);
	dlg_signkey_free(key);
	return status;
}
