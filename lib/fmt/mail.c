/* RFC 5322 / MIME messages built in memory; sendmail hand-off. */
#include "fmt/mail.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/diag.h"
#include "base/hashmap.h"
#include "base/sbuf.h"
#include "base/text.h"

struct addr {
	char *name, *addr;
};

struct part {
	char *filename, *type;
	unsigned char *data;
	size_t len;
};

struct dlg_mail {
	struct addr from;
	struct addr *to;
	size_t nto;
	char **xhdr; /* "Name: value" */
	size_t nxhdr;
	char *subject, *msgid, *body;
	bool has_date;
	time_t date;
	int offset;
	struct part *part;
	size_t npart;
};

dlg_mail *dlg_mail_new(void)
{
	dlg_mail *m = dlg_xmalloc(sizeof *m);
	memset(m, 0, sizeof *m);
	return m;
}

static void free_addrs(struct addr *a, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(a[i].name);
		free(a[i].addr);
	}
	free(a);
}

void dlg_mail_free(dlg_mail *m)
{
	if (!m)
		return;
	free(m->from.name);
	free(m->from.addr);
	free_addrs(m->to, m->nto);
	for (size_t i = 0; i < m->nxhdr; i++)
		free(m->xhdr[i]);
	free(m->xhdr);
	free(m->subject);
	free(m->msgid);
	free(m->body);
	for (size_t i = 0; i < m->npart; i++) {
		free(m->part[i].filename);
		free(m->part[i].type);
		free(m->part[i].data);
	}
	free(m->part);
	free(m);
}

bool dlg_mail_addr_ok(const char *a)
{
	if (!a)
		return false;
	const char *at = strchr(a, '@');
	if (!at || at == a || !at[1] || strchr(at + 1, '@') || !strchr(at + 1, '.'))
		return false;
	for (const unsigned char *p = (const unsigned char *)a; *p; p++)
		if (*p <= ' ' || *p >= 0x7f || strchr("\"<>(),;:\\[]", *p))
			return false;
	return at[strlen(at) - 1] != '.';
}

bool dlg_mail_split_addr(const char *s, char **name, char **addr)
{
	if (!s)
		return false;
	const char *lt = strrchr(s, '<');
	const char *gt = lt ? strchr(lt, '>') : NULL;
	char *a, *n = NULL;
	if (lt && gt) {
		for (const char *p = gt + 1; *p; p++)
			if (*p != ' ' && *p != '\t')
				return false;
		a = dlg_xmalloc((size_t)(gt - lt));
		memcpy(a, lt + 1, (size_t)(gt - lt - 1));
		a[gt - lt - 1] = '\0';
		n = dlg_xmalloc((size_t)(lt - s) + 1);
		memcpy(n, s, (size_t)(lt - s));
		n[lt - s] = '\0';
		dlg_text_squeeze(n);
		size_t len = strlen(n);
		if (len >= 2 && n[0] == '"' && n[len - 1] == '"') {
			memmove(n, n + 1, len - 2);
			n[len - 2] = '\0';
		}
		if (!*n) {
			free(n);
			n = NULL;
		}
	} else {
		a = dlg_xstrdup(s);
	}
	dlg_text_squeeze(a);
	if (!dlg_mail_addr_ok(a)) {
		free(a);
		free(n);
		return false;
	}
	*addr = a;
	*name = n;
	return true;
}

/* One line: control characters and runs of white space become one space. */
static char *one_line(const char *s)
{
	char *out = dlg_xmalloc(strlen(s) + 1), *o = out;
	bool space = false;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p <= ' ' || *p == 0x7f) {
			space = o != out;
			continue;
		}
		if (space)
			*o++ = ' ';
		space = false;
		*o++ = (char)*p;
	}
	*o = '\0';
	return out;
}

static bool set_addr(struct addr *a, const char *name, const char *addr)
{
	if (!dlg_mail_addr_ok(addr))
		return false;
	a->name = name && *name ? one_line(name) : NULL;
	a->addr = dlg_xstrdup(addr);
	return true;
}

bool dlg_mail_set_from(dlg_mail *m, const char *name, const char *addr)
{
	struct addr a;
	if (!set_addr(&a, name, addr))
		return false;
	free(m->from.name);
	free(m->from.addr);
	m->from = a;
	return true;
}

static bool push_addr(struct addr **v, size_t *n, const char *name, const char *addr)
{
	struct addr a;
	if (!set_addr(&a, name, addr))
		return false;
	*v = dlg_xreallocarray(*v, *n + 1, sizeof **v);
	(*v)[(*n)++] = a;
	return true;
}

bool dlg_mail_add_to(dlg_mail *m, const char *name, const char *addr)
{
	return push_addr(&m->to, &m->nto, name, addr);
}

static bool plain_ascii(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < ' ' || *p >= 0x7f)
			return false;
	return true;
}

bool dlg_mail_add_header(dlg_mail *m, const char *name, const char *value)
{
	if (!plain_ascii(name) || !plain_ascii(value) || strchr(name, ':') || strchr(name, ' '))
		return false;
	m->xhdr = dlg_xreallocarray(m->xhdr, m->nxhdr + 1, sizeof *m->xhdr);
	m->xhdr[m->nxhdr++] = dlg_xasprintf("%s: %s", name, value);
	return true;
}

void dlg_mail_set_subject(dlg_mail *m, const char *utf8)
{
	free(m->subject);
	m->subject = one_line(utf8);
}

void dlg_mail_set_date(dlg_mail *m, time_t t, int utc_offset_min)
{
	m->has_date = true;
	m->date = t;
	m->offset = utc_offset_min;
}

void dlg_mail_set_body(dlg_mail *m, const char *utf8)
{
	free(m->body);
	m->body = dlg_xstrdup(utf8);
}

void dlg_mail_attach(dlg_mail *m, const char *filename, const char *mime_type, const void *data,
                     size_t len)
{
	m->part = dlg_xreallocarray(m->part, m->npart + 1, sizeof *m->part);
	struct part *p = &m->part[m->npart++];
	p->filename = one_line(filename);
	p->type = one_line(mime_type);
	p->data = dlg_xmalloc(len ? len : 1);
	if (len)
		memcpy(p->data, data, len);
	p->len = len;
}

bool dlg_mail_attach_file(dlg_mail *m, const char *path, const char *filename,
                          const char *mime_type)
{
	dlg_sbuf b = {0};
	bool ok = dlg_sbuf_load(&b, path);
	if (ok)
		dlg_mail_attach(m, filename, mime_type, b.data, b.len);
	dlg_sbuf_free(&b);
	return ok;
}

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* base64 of data without line breaks, appended to b. */
static void b64_raw(dlg_sbuf *b, const unsigned char *d, size_t len)
{
	for (size_t i = 0; i < len; i += 3) {
		uint32_t v = (uint32_t)d[i] << 16;
		if (i + 1 < len)
			v |= (uint32_t)d[i + 1] << 8;
		if (i + 2 < len)
			v |= d[i + 2];
		char q[4] = {b64[v >> 18 & 63], b64[v >> 12 & 63],
		             i + 1 < len ? b64[v >> 6 & 63] : '=', i + 2 < len ? b64[v & 63] : '='};
		dlg_sbuf_add(b, q, 4);
	}
}

char *dlg_mail_base64(const void *data, size_t len)
{
	dlg_sbuf b = {0};
	const unsigned char *d = data;
	for (size_t i = 0; i < len; i += 57) {
		b64_raw(&b, d + i, len - i < 57 ? len - i : 57);
		dlg_sbuf_addc(&b, '\n');
	}
	return dlg_sbuf_take(&b);
}

/* Length of the UTF-8 sequence that starts with byte c. */
static size_t u8len(unsigned char c)
{
	return c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
}

/* Header lines are folded at 78 characters (RFC 5322 2.1.1; never past
 * 998), and an encoded-word is at most 75 characters (RFC 2047 2):
 * "=?UTF-8?B?" + 60 base64 characters (45 bytes) + "?=" is 72. */
enum { LINE_MAX_SOFT = 78, WORD_BYTES = 45 };

/* s as encoded-words appended to b, starting at column col, each word on
 * the line while it fits and on a folded line otherwise; a character's
 * bytes are never split between words. Returns the column reached. */
static size_t encoded_words(dlg_sbuf *b, const char *s, size_t col)
{
	size_t len = strlen(s), i = 0;
	while (i < len) {
		size_t room = col + 12 + 4 < LINE_MAX_SOFT ? (LINE_MAX_SOFT - col - 12) / 4 * 3 : 0;
		if (room > WORD_BYTES)
			room = WORD_BYTES;
		size_t first = u8len((unsigned char)s[i]);
		if (room < first && col > 1) { /* no room left here: fold */
			dlg_sbuf_adds(b, "\n ");
			col = 1;
			continue;
		}
		size_t j = i;
		while (j < len && j + u8len((unsigned char)s[j]) - i <= room)
			j += u8len((unsigned char)s[j]);
		if (j == i)
			j += first;
		if (j > len)
			j = len;
		/* end a word after a space, not inside a word: a reader that keeps
		 * the folding white space between words (against RFC 2047 6.2)
		 * then shows one space more, never a name cut in two */
		if (j < len)
			for (size_t k = j; k > i + 1; k--)
				if (s[k - 1] == ' ') {
					j = k;
					break;
				}
		if (i > 0 && col > 1) { /* words are separated by folding white space */
			dlg_sbuf_adds(b, "\n ");
			col = 1;
			continue;
		}
		size_t at = b->len;
		dlg_sbuf_adds(b, "=?UTF-8?B?");
		b64_raw(b, (const unsigned char *)s + i, j - i);
		dlg_sbuf_adds(b, "?=");
		col += b->len - at;
		i = j;
	}
	return col;
}

char *dlg_mail_encode_header(const char *utf8, size_t used)
{
	char *s = one_line(utf8);
	dlg_sbuf b = {0};
	bool ascii = plain_ascii(s);
	/* plain text folds at its spaces; a word too long for a line of 998
	 * cannot, and goes as encoded-words like non-ASCII text */
	for (const char *w = s; ascii && *w;) {
		size_t n = strcspn(w, " ");
		if (n + 2 > 998 - used)
			ascii = false;
		w += n + (w[n] == ' ');
	}
	if (!ascii) {
		encoded_words(&b, s, used);
		free(s);
		return dlg_sbuf_take(&b);
	}
	size_t col = used;
	for (const char *w = s; *w;) {
		size_t n = strcspn(w, " ");
		if (w != s) {
			if (col + 1 + n > LINE_MAX_SOFT) {
				dlg_sbuf_adds(&b, "\n ");
				col = 1;
			} else {
				dlg_sbuf_addc(&b, ' ');
				col++;
			}
		}
		dlg_sbuf_add(&b, w, n);
		col += n;
		w += n + (w[n] == ' ');
	}
	free(s);
	if (!b.data)
		return dlg_xstrdup("");
	return dlg_sbuf_take(&b);
}

/* Quoted-printable (RFC 2045 6.7) of LF-separated text, appended to b. */
static void qp(dlg_sbuf *b, const char *text)
{
	const unsigned char *p = (const unsigned char *)text;
	size_t col = 0;
	while (*p) {
		if (*p == '\n') {
			dlg_sbuf_addc(b, '\n');
			col = 0;
			p++;
			continue;
		}
		char enc[4];
		size_t n;
		bool at_end = p[1] == '\n' || p[1] == '\0';
		bool from = col == 0 && !strncmp((const char *)p, "From ", 5);
		if ((*p >= 33 && *p <= 126 && *p != '=' && !(from || (col == 0 && *p == '.'))) ||
		    ((*p == ' ' || *p == '\t') && !at_end)) {
			enc[0] = (char)*p;
			n = 1;
		} else {
			snprintf(enc, sizeof enc, "=%02X", *p);
			n = 3;
		}
		/* keep a multibyte character's escapes on one line */
		size_t need = n;
		if (*p >= 0xc0)
			need = 3 * u8len(*p);
		if (col + need > 75) {
			dlg_sbuf_adds(b, "=\n");
			col = 0;
			if (n == 1 && (*p == '.' || !strncmp((const char *)p, "From ", 5))) {
				snprintf(enc, sizeof enc, "=%02X", *p);
				n = 3;
			}
		}
		dlg_sbuf_add(b, enc, n);
		col += n;
		p++;
	}
	if (col > 0)
		dlg_sbuf_addc(b, '\n');
}

/* One address at column col: a plain name as a quoted string, another one
 * (or a plain one too long for the line) as encoded-words, the address on a
 * folded line when it does not fit. */
static void put_addr(dlg_sbuf *b, const struct addr *a, size_t col)
{
	size_t alen = strlen(a->addr) + 2;
	if (a->name) {
		size_t quoted = strlen(a->name) + 2;
		for (const char *p = a->name; *p; p++)
			quoted += *p == '"' || *p == '\\';
		if (plain_ascii(a->name) && col + quoted <= LINE_MAX_SOFT) {
			dlg_sbuf_addc(b, '"');
			for (const char *p = a->name; *p; p++) {
				if (*p == '"' || *p == '\\')
					dlg_sbuf_addc(b, '\\');
				dlg_sbuf_addc(b, *p);
			}
			dlg_sbuf_addc(b, '"');
			col += quoted;
		} else {
			col = encoded_words(b, a->name, col);
		}
		if (col + 1 + alen > LINE_MAX_SOFT) {
			dlg_sbuf_adds(b, "\n ");
		} else {
			dlg_sbuf_addc(b, ' ');
		}
		dlg_sbuf_addc(b, '<');
		dlg_sbuf_adds(b, a->addr);
		dlg_sbuf_addc(b, '>');
	} else {
		dlg_sbuf_adds(b, a->addr);
	}
}

static void put_addr_list(dlg_sbuf *b, const char *hdr, const struct addr *v, size_t n)
{
	if (!n)
		return;
	dlg_sbuf_adds(b, hdr);
	dlg_sbuf_adds(b, ": ");
	for (size_t i = 0; i < n; i++) {
		if (i)
			dlg_sbuf_adds(b, ",\n ");
		put_addr(b, &v[i], i ? 1 : strlen(hdr) + 2);
	}
	dlg_sbuf_addc(b, '\n');
}

static uint64_t content_hash(const dlg_mail *m)
{
	uint64_t h = DLG_HASH_SEED;
	if (m->subject)
		h = dlg_hash(h, m->subject, strlen(m->subject));
	for (size_t i = 0; i < m->nto; i++)
		h = dlg_hash(h, m->to[i].addr, strlen(m->to[i].addr));
	if (m->body)
		h = dlg_hash(h, m->body, strlen(m->body));
	for (size_t i = 0; i < m->npart; i++)
		h = dlg_hash(h, m->part[i].data, m->part[i].len);
	return h;
}

/* Parameter value for a file name: quoted when plain, RFC 2231 otherwise. */
static void put_filename(dlg_sbuf *b, const char *param, const char *name)
{
	bool plain = plain_ascii(name) && !strpbrk(name, "\"\\");
	if (plain) {
		dlg_sbuf_printf(b, "%s=\"", param);
		dlg_sbuf_adds(b, name);
		dlg_sbuf_addc(b, '"');
		return;
	}
	dlg_sbuf_printf(b, "%s*=UTF-8''", param);
	for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~", *p))
			dlg_sbuf_addc(b, (char)*p);
		else
			dlg_sbuf_printf(b, "%%%02X", *p);
	}
}

char *dlg_mail_render(const dlg_mail *m, size_t *len)
{
	static const char *const wday[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
	static const char *const mon[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
	                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	dlg_sbuf b = {0};
	time_t t = m->date;
	long off = m->offset;
	if (!m->has_date) {
		t = time(NULL);
		struct tm lt;
		localtime_r(&t, &lt);
		off = lt.tm_gmtoff / 60;
	}
	time_t shifted = t + off * 60;
	struct tm tm;
	gmtime_r(&shifted, &tm);
	long aoff = off < 0 ? -off : off;
	dlg_sbuf_printf(&b, "Date: %s, %02d %s %d %02d:%02d:%02d %c%02ld%02ld\n", wday[tm.tm_wday],
	                tm.tm_mday, mon[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
	                tm.tm_sec, off < 0 ? '-' : '+', aoff / 60, aoff % 60);
	if (m->from.addr)
		put_addr_list(&b, "From", &m->from, 1);
	put_addr_list(&b, "To", m->to, m->nto);
	char *subj = dlg_mail_encode_header(m->subject ? m->subject : "", 9);
	dlg_sbuf_printf(&b, "Subject: ");
	dlg_sbuf_adds(&b, subj);
	dlg_sbuf_addc(&b, '\n');
	free(subj);
	uint64_t h = content_hash(m);
	if (m->msgid) {
		dlg_sbuf_adds(&b, "Message-ID: <");
		dlg_sbuf_adds(&b, m->msgid);
		dlg_sbuf_adds(&b, ">\n");
	} else {
		const char *dom = m->from.addr ? strchr(m->from.addr, '@') + 1 : "localhost";
		dlg_sbuf_printf(&b, "Message-ID: <dlg.%04d%02d%02d%02d%02d%02d.%016llx@",
		                tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
		                tm.tm_sec, (unsigned long long)h);
		dlg_sbuf_adds(&b, dom);
		dlg_sbuf_adds(&b, ">\n");
	}
	for (size_t i = 0; i < m->nxhdr; i++) {
		dlg_sbuf_adds(&b, m->xhdr[i]);
		dlg_sbuf_addc(&b, '\n');
	}
	dlg_sbuf_adds(&b, "MIME-Version: 1.0\n");
	char boundary[40];
	snprintf(boundary, sizeof boundary, "=_dlg_%016llx", (unsigned long long)h);
	const char *text_hdr = "Content-Type: text/plain; charset=UTF-8\n"
	                       "Content-Transfer-Encoding: quoted-printable\n\n";
	if (!m->npart) {
		dlg_sbuf_adds(&b, text_hdr);
		qp(&b, m->body ? m->body : "");
	} else {
		dlg_sbuf_printf(&b, "Content-Type: multipart/mixed; boundary=\"%s\"\n\n", boundary);
		dlg_sbuf_adds(&b, "This is a message in MIME format.\n");
		dlg_sbuf_printf(&b, "\n--%s\n", boundary);
		dlg_sbuf_adds(&b, text_hdr);
		qp(&b, m->body ? m->body : "");
		for (size_t i = 0; i < m->npart; i++) {
			const struct part *p = &m->part[i];
			dlg_sbuf_printf(&b, "\n--%s\n", boundary);
			dlg_sbuf_adds(&b, "Content-Type: ");
			dlg_sbuf_adds(&b, p->type);
			dlg_sbuf_adds(&b, ";\n ");
			put_filename(&b, "name", p->filename);
			dlg_sbuf_adds(&b, "\nContent-Disposition: attachment;\n ");
			put_filename(&b, "filename", p->filename);
			dlg_sbuf_adds(&b, "\nContent-Transfer-Encoding: base64\n\n");
			char *enc = dlg_mail_base64(p->data, p->len);
			dlg_sbuf_adds(&b, enc);
			free(enc);
		}
		dlg_sbuf_printf(&b, "\n--%s--\n", boundary);
	}
	if (len)
		*len = b.len;
	return dlg_sbuf_take(&b);
}

bool dlg_mail_write(const dlg_mail *m, FILE *f)
{
	size_t len;
	char *s = dlg_mail_render(m, &len);
	bool ok = fwrite(s, 1, len, f) == len;
	free(s);
	return ok;
}

bool dlg_mail_sendmail(const dlg_mail *m, const char *sendmail)
{
	int fd[2];
	if (pipe(fd) < 0) {
		dlg_warn("pipe: %s", strerror(errno));
		return false;
	}
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0) {
		dlg_warn("fork: %s", strerror(errno));
		close(fd[0]);
		close(fd[1]);
		return false;
	}
	if (pid == 0) {
		dup2(fd[0], 0);
		close(fd[0]);
		close(fd[1]);
		execl(sendmail, sendmail, "-t", "-i", (char *)NULL);
		fprintf(stderr, "%s: %s: %s\n", dlg_progname(), sendmail, strerror(errno));
		_exit(127);
	}
	close(fd[0]);
	size_t len;
	char *s = dlg_mail_render(m, &len);
	void (*old)(int) = signal(SIGPIPE, SIG_IGN);
	bool ok = true;
	for (size_t off = 0; off < len;) {
		ssize_t w = write(fd[1], s + off, len - off);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			ok = false;
			break;
		}
		off += (size_t)w;
	}
	close(fd[1]);
	signal(SIGPIPE, old);
	free(s);
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) {
			dlg_warn("%s: %s", sendmail, strerror(errno));
			return false;
		}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		dlg_warn(_("%s failed (exit status %d)"), sendmail,
		         WIFEXITED(status) ? WEXITSTATUS(status) : -1);
		return false;
	}
	if (!ok) {
		dlg_warn(_("%s did not read the whole message"), sendmail);
		return false;
	}
	return true;
}
