/* E-mail intake with GMime: messages, maildirs, attachments. */
#include "fmt/mailin.h"

#include <dirent.h>
#include <errno.h>
#include <gmime/gmime.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "base/diag.h"
#include "base/sbuf.h"
#include "base/text.h"
#include "fmt/csv.h"
#include "fmt/header.h"
#include "fmt/xlsx.h"

/* The columns of the forms read from messages' text. */
enum {
	F_RECEIVED,
	F_CHANNEL,
	F_NAME,
	F_ORG,
	F_PHONE,
	F_EMAIL,
	F_ADDRESS,
	F_VILLAGE,
	F_PROC,
	F_HANDLING,
	F_N
};
static const char *const form_columns[F_N] = {
    "received", "channel", "name",    "organization",    "phone",
    "email",    "address", "village", "topic_procedure", "topic_handling",
};

/* Messages larger than this are left for manual entry. */
#define MESSAGE_MAX (64u * 1024 * 1024)

static void gmime_once(void)
{
	static bool done;
	if (!done) {
		g_mime_init();
		done = true;
	}
}

static long column_of(const char *field)
{
	for (size_t k = 0; k < F_N; k++)
		if (!strcmp(field, form_columns[k]))
			return (long)k;
	return -1;
}

/* ---- the text of a message ---- */

/* Text of an HTML body: tags dropped, block ends as line breaks, the
 * common entities decoded. malloc'd. */
static char *html_text(const char *html)
{
	dlg_sbuf b = {0};
	for (const char *p = html; *p;) {
		if (*p == '<') {
			const char *end = strchr(p, '>');
			if (!end)
				break;
			char tag[8] = "";
			size_t k = 0;
			for (const char *t = p + 1; t < end && k < sizeof tag - 1 && *t != ' '; t++)
				tag[k++] = (char)(*t >= 'A' && *t <= 'Z' ? *t + 32 : *t);
			tag[k] = '\0';
			if (!strcmp(tag, "br") || !strcmp(tag, "br/") || !strcmp(tag, "/p") ||
			    !strcmp(tag, "/div") || !strcmp(tag, "/tr") || !strcmp(tag, "/li") ||
			    !strcmp(tag, "/h1") || !strcmp(tag, "/h2") || !strcmp(tag, "/h3"))
				dlg_sbuf_addc(&b, '\n');
			if (!strcmp(tag, "style") || !strcmp(tag, "script")) {
				const char *close =
				    strcasestr(end, !strcmp(tag, "style") ? "</style" : "</script");
				end = close ? strchr(close, '>') : NULL;
				if (!end)
					break;
			}
			p = end + 1;
			continue;
		}
		if (*p == '&') {
			static const struct {
				const char *name, *text;
			} ent[] = {{"&amp;", "&"},   {"&lt;", "<"},  {"&gt;", ">"},
			           {"&quot;", "\""}, {"&#39;", "'"}, {"&nbsp;", " "},
			           {"&apos;", "'"}};
			bool done = false;
			for (size_t i = 0; i < sizeof ent / sizeof ent[0] && !done; i++)
				if (!strncmp(p, ent[i].name, strlen(ent[i].name))) {
					dlg_sbuf_adds(&b, ent[i].text);
					p += strlen(ent[i].name);
					done = true;
				}
			if (!done && p[1] == '#') {
				char *end;
				long cp = p[2] == 'x' || p[2] == 'X' ? strtol(p + 3, &end, 16)
				                                     : strtol(p + 2, &end, 10);
				if (*end == ';' && cp > 0 && cp < 0x110000 &&
				    !(cp >= 0xD800 && cp < 0xE000)) {
					char u[5];
					int n = g_unichar_to_utf8((gunichar)cp, u);
					dlg_sbuf_add(&b, u, (size_t)n);
					p = end + 1;
					done = true;
				}
			}
			if (done)
				continue;
		}
		dlg_sbuf_addc(&b, *p++);
	}
	return dlg_sbuf_take(&b);
}

/* True when a line is only the form's dotted blanks ("....", "……"). */
static bool blank_line(const char *s)
{
	for (; *s; s++) {
		if (*s == '.' || *s == ' ' || *s == '\t' || *s == '_' || *s == '-')
			continue;
		if (!strncmp(s, "\xE2\x80\xA6", 3)) { /* … */
			s += 2;
			continue;
		}
		return false;
	}
	return true;
}

/* Trailing dotted blanks of a value, and spaces, cut off in place. */
static void cut_blanks(char *s)
{
	dlg_text_squeeze(s);
	size_t n = strlen(s);
	while (n) {
		if (s[n - 1] == '.' && n >= 2 && s[n - 2] == '.') {
			while (n && (s[n - 1] == '.' || s[n - 1] == ' '))
				n--;
		} else if (n >= 3 && !strncmp(s + n - 3, "\xE2\x80\xA6", 3) &&
		           (n == 3 || s[n - 4] == '.' || s[n - 4] == ' ' ||
		            (n >= 6 && !strncmp(s + n - 6, "\xE2\x80\xA6", 3)))) {
			n -= 3;
		} else {
			break;
		}
	}
	s[n] = '\0';
	dlg_text_squeeze(s);
	if (blank_line(s))
		*s = '\0';
}

/* The field a line's label names ("Họ và tên : ...", "1. Về thủ tục hành
 * chính (chất lượng…):"), with *value pointing after the colon, or -1.
 * A label is short; a question section may have no colon. */
static long label_of(const char *line, const char **value, bool *section)
{
	*section = false;
	/* the label ends at the first colon outside brackets */
	const char *colon = NULL;
	int depth = 0;
	for (const char *p = line; *p && !colon; p++) {
		if (*p == '(')
			depth++;
		else if (*p == ')' && depth)
			depth--;
		else if (*p == ':' && !depth)
			colon = p;
	}
	size_t len = colon ? (size_t)(colon - line) : strlen(line);
	if (!len || len > 300)
		return -1;
	char *label = dlg_xasprintf("%.*s", (int)len, line);
	char *f = dlg_header_fold(label);
	const char *field = dlg_header_field(label);
	size_t words = 1;
	for (const char *p = f; *p; p++)
		words += *p == ' ';
	free(f);
	free(label);
	long k = field ? column_of(field) : -1;
	if (k < 0 || k == F_RECEIVED || k == F_CHANNEL)
		return -1;
	*section = k == F_PROC || k == F_HANDLING;
	/* "Địa chỉ" and the like are labels only when short; the question
	 * headings may be long but start with their number or "Về". */
	if (!*section && words > 8)
		return -1;
	if (!colon && !*section)
		return -1;
	*value = colon ? colon + 1 : line + len;
	return k;
}

/* True when a line closes the letter ("Trân trọng,", "Xin cảm ơn!"): what
 * follows is the signature, not part of an answer. */
static bool closing_line(const char *line)
{
	static const char *const closings[] = {
	    "tran trong",
	    "kinh thu",
	    "xin cam on",
	    "cam on",
	    "xin chan thanh cam on",
	    "chan thanh cam on",
	    "than ai",
	    "kinh chao",
	    "best regards",
	    "regards",
	    "thanks",
	};
	char *f = dlg_text_fold(line);
	size_t words = *f ? 1 : 0;
	for (const char *p = f; *p; p++)
		words += *p == ' ';
	bool yes = false;
	for (size_t i = 0; i < sizeof closings / sizeof closings[0] && !yes && words <= 8; i++) {
		size_t n = strlen(closings[i]);
		yes = !strncmp(f, closings[i], n) && (f[n] == '\0' || f[n] == ' ');
	}
	free(f);
	return yes;
}

/* Fill cells[F_*] from a body's text; true when it had any label. */
static bool read_body(const char *text, char **cells)
{
	dlg_sbuf field[F_N] = {{0}};
	long in = -1;       /* the field being read */
	bool multi = false; /* ... over several lines (a question section) */
	bool any = false;
	char *copy = dlg_xstrdup(text);
	char *save = NULL;
	for (char *line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		size_t n = strlen(line);
		if (n && line[n - 1] == '\r')
			line[--n] = '\0';
		if (!strcmp(line, "-- ") || !strcmp(line, "--"))
			break; /* signature */
		if (*line == '>')
			continue; /* quoted reply */
		if (closing_line(line))
			break; /* the signature follows */
		const char *value;
		bool section;
		long k = label_of(line, &value, &section);
		if (k >= 0) {
			any = true;
			in = k;
			multi = section;
			if (field[k].len)
				dlg_sbuf_addc(&field[k], '\n');
			char *v = dlg_xstrdup(value);
			bool dotted = !dlg_text_blank(v) && blank_line(v);
			cut_blanks(v);
			dlg_sbuf_adds(&field[k], v);
			free(v);
			if (dotted && !multi)
				in = -1; /* the form's dotted blank, left empty */
			continue;
		}
		n = strlen(line);
		if (in >= 0 && !multi && !field[in].len && n && line[n - 1] == ':') {
			in = -1; /* a heading, not the value of the empty field above */
			continue;
		}
		if (dlg_text_blank(line) || blank_line(line)) {
			if (in >= 0 && !multi && field[in].len)
				in = -1; /* a one-line field ends at a blank line */
			continue;
		}
		if (in < 0)
			continue;
		if (!multi && field[in].len) {
			in = -1; /* a one-line field takes one line of text */
			continue;
		}
		char *v = dlg_xstrdup(line);
		cut_blanks(v);
		if (*v) {
			if (field[in].len)
				dlg_sbuf_addc(&field[in], multi ? '\n' : ' ');
			dlg_sbuf_adds(&field[in], v);
		}
		free(v);
	}
	free(copy);
	for (size_t k = 0; k < F_N; k++) {
		if (!field[k].len) {
			dlg_sbuf_free(&field[k]);
			continue;
		}
		char *v = dlg_sbuf_take(&field[k]);
		if (k == F_PROC || k == F_HANDLING) {
			/* paragraphs of a question joined into one cell, as a form's */
			for (char *p = v; *p; p++)
				if (*p == '\n')
					*p = ' ';
		}
		dlg_text_squeeze(v);
		free(cells[k]);
		cells[k] = v;
	}
	return any;
}

/* ---- attachments ---- */

/* A CSV attachment as a sheet; NULL after a diagnostic. */
static dlg_sheet *csv_sheet(const void *data, size_t len, const char *name, const char *from)
{
	FILE *f = fmemopen((void *)data, len, "rb");
	if (!f)
		return NULL;
	dlg_csv_opts o = {.from = from, .keep_names = true, .stream = f};
	dlg_csv_reader *r = dlg_csv_open(name, &o);
	if (!r) {
		fclose(f);
		return NULL;
	}
	const dlg_row *h = dlg_csv_header(r);
	dlg_sheet *s = dlg_sheet_new(name, (const char *const *)h->field, h->n);
	const dlg_row *row;
	int rc;
	while ((rc = dlg_csv_next(r, &row)) > 0)
		dlg_sheet_add_row(s, (const char *const *)row->field, row->line);
	dlg_csv_close(r);
	fclose(f);
	if (rc < 0) {
		dlg_sheet_free(s);
		return NULL;
	}
	return s;
}

struct message {
	dlg_mail_forms *out;
	const char *name; /* the message's file, for messages */
	const char *from; /* encoding of CSV attachments */
	char *body;       /* the first text/plain part (UTF-8), else NULL */
	char *html;       /* the first text/html part, else NULL */
	char *received, *sender;
	size_t forms;    /* attachments read as forms */
	dlg_sbuf others; /* attachments that are not forms: their names */
};

static char *part_bytes(GMimePart *part, size_t *len)
{
	GMimeDataWrapper *w = g_mime_part_get_content(part);
	if (!w)
		return NULL;
	GMimeStream *mem = g_mime_stream_mem_new();
	g_mime_data_wrapper_write_to_stream(w, mem);
	GByteArray *a = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(mem));
	char *buf = NULL;
	if (a) {
		buf = dlg_xmalloc(a->len + 1);
		if (a->len)
			memcpy(buf, a->data, a->len);
		buf[a->len] = '\0';
		*len = a->len;
	}
	g_object_unref(mem);
	return buf;
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && !strcasecmp(s + n - m, suffix);
}

static void add_attachment(struct message *m, dlg_sheet *s)
{
	dlg_sheet_set_fallback(s, "channel", "email");
	if (m->received)
		dlg_sheet_set_fallback(s, "received", m->received);
	dlg_mail_forms *o = m->out;
	o->attachments =
	    dlg_xrealloc(o->attachments, (o->nattachments + 1) * sizeof *o->attachments);
	o->after = dlg_xrealloc(o->after, (o->nattachments + 1) * sizeof *o->after);
	o->after[o->nattachments] = o->forms->nrows; /* set again when the message is read */
	o->attachments[o->nattachments++] = s;
	m->forms++;
}

static void each_part(GMimeObject *parent, GMimeObject *obj, gpointer data)
{
	(void)parent;
	struct message *m = data;
	if (!GMIME_IS_PART(obj))
		return;
	GMimePart *part = GMIME_PART(obj);
	GMimeContentType *ct = g_mime_object_get_content_type(obj);
	const char *filename = g_mime_part_get_filename(part);
	bool text = ct && g_mime_content_type_is_type(ct, "text", "plain");
	bool html = ct && g_mime_content_type_is_type(ct, "text", "html");
	bool csv = (filename && ends_with(filename, ".csv")) ||
	           (ct && g_mime_content_type_is_type(ct, "text", "csv"));
	bool xlsx =
	    (filename && ends_with(filename, ".xlsx")) ||
	    (ct && g_mime_content_type_is_type(
	               ct, "application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
	bool attachment = g_mime_part_is_attachment(part) || filename;
	if (!attachment && (text || html) && GMIME_IS_TEXT_PART(obj)) {
		char **slot = text ? &m->body : &m->html;
		if (!*slot) {
			char *t = g_mime_text_part_get_text(GMIME_TEXT_PART(obj));
			if (t && g_utf8_validate(t, -1, NULL))
				*slot = dlg_text_nfc(t, strlen(t), NULL);
			g_free(t);
		}
		return;
	}
	if (!attachment)
		return;
	const char *label = filename ? filename : _("attachment");
	char *name = dlg_xasprintf("%s (%s)", m->name, label);
	if (csv || xlsx) {
		size_t len = 0;
		char *bytes = part_bytes(part, &len);
		dlg_sheet *s = NULL;
		if (bytes && xlsx)
			s = dlg_xlsx_read_buffer(bytes, len, name, NULL);
		else if (bytes)
			s = csv_sheet(bytes, len, name, m->from);
		free(bytes);
		if (s) {
			add_attachment(m, s);
			free(name);
			return;
		}
	}
	dlg_sbuf_printf(&m->others, "%s%s", m->others.len ? ", " : "", label);
	free(name);
}

/* Add a row for the clerk: the message could not be read as a form. */
static void manual_row(dlg_mail_forms *o, const char *name, const char *received,
                       const char *sender, const char *why)
{
	const char *cells[F_N] = {0};
	cells[F_RECEIVED] = received;
	cells[F_CHANNEL] = "email";
	cells[F_EMAIL] = sender;
	size_t r = dlg_sheet_add_row(o->forms, cells, 0);
	dlg_sheet_set_where(o->forms, r, name);
	char *note = dlg_xasprintf("Thư %s %s: cần đọc thư và nhập tay phiếu này.", name, why);
	dlg_sheet_set_manual(o->forms, r, note);
	free(note);
	o->manual++;
}

/* True when a message with this Message-ID was read before in this run;
 * remembers it. */
static bool seen_before(dlg_mail_forms *o, const char *id)
{
	for (size_t i = 0; i < o->nseen; i++)
		if (!strcmp(o->seen[i], id))
			return true;
	o->seen = dlg_xrealloc(o->seen, (o->nseen + 1) * sizeof *o->seen);
	o->seen[o->nseen++] = dlg_xstrdup(id);
	return false;
}

static void read_message(GMimeStream *stream, const char *name, const char *from, dlg_mail_forms *o)
{
	gmime_once();
	o->messages++;
	GMimeParser *parser = g_mime_parser_new_with_stream(stream);
	GMimeMessage *msg = g_mime_parser_construct_message(parser, NULL);
	g_object_unref(parser);
	if (!msg) {
		manual_row(o, name, NULL, NULL, "không đọc được (không phải thư điện tử)");
		return;
	}
	struct message m = {.out = o, .name = name, .from = from};
	size_t first_attachment = o->nattachments;
	const char *id = g_mime_message_get_message_id(msg);
	if (id && *id && seen_before(o, id)) {
		o->repeated++;
		g_object_unref(msg);
		return;
	}
	GDateTime *date = g_mime_message_get_date(msg);
	if (date) {
		int y, mo, d;
		g_date_time_get_ymd(date, &y, &mo, &d);
		if (y >= 1900 && y <= 9999)
			m.received = dlg_xasprintf("%04d-%02d-%02d", y, mo, d);
	}
	InternetAddressList *senders = g_mime_message_get_from(msg);
	if (senders && internet_address_list_length(senders) > 0) {
		InternetAddress *a = internet_address_list_get_address(senders, 0);
		if (INTERNET_ADDRESS_IS_MAILBOX(a)) {
			const char *addr =
			    internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(a));
			if (addr && g_utf8_validate(addr, -1, NULL))
				m.sender = dlg_xstrdup(addr);
		}
	}
	g_mime_message_foreach(msg, each_part, &m);
	const char *text = m.body;
	char *from_html = NULL;
	if (!text && m.html)
		text = from_html = html_text(m.html);
	char *cells[F_N] = {0};
	bool labelled = text && read_body(text, cells);
	bool form = labelled && (cells[F_NAME] || cells[F_PROC] || cells[F_HANDLING]);
	if (form) {
		if (!cells[F_EMAIL] && m.sender)
			cells[F_EMAIL] = dlg_xstrdup(m.sender);
		free(cells[F_RECEIVED]);
		cells[F_RECEIVED] = m.received ? dlg_xstrdup(m.received) : NULL;
		free(cells[F_CHANNEL]);
		cells[F_CHANNEL] = dlg_xstrdup("email");
		size_t r = dlg_sheet_add_row(o->forms, (const char *const *)cells, 0);
		dlg_sheet_set_where(o->forms, r, name);
	} else if (!m.forms) {
		char *why;
		if (m.others.len)
			why = dlg_xasprintf("chỉ có tệp đính kèm %s, không có phiếu ghi trong thư",
			                    m.others.data);
		else if (!text)
			why = dlg_xstrdup("không có nội dung dạng chữ");
		else
			why =
			    dlg_xstrdup("không viết theo mẫu phiếu (không có dòng \"Họ và tên:\", "
			                "\"1. Về thủ tục hành chính\"...)");
		manual_row(o, name, m.received, m.sender, why);
		free(why);
	}
	for (size_t i = first_attachment; i < o->nattachments; i++)
		o->after[i] = o->forms->nrows; /* after the message's own row, if any */
	for (size_t k = 0; k < F_N; k++)
		free(cells[k]);
	free(from_html);
	free(m.body);
	free(m.html);
	free(m.received);
	free(m.sender);
	dlg_sbuf_free(&m.others);
	g_object_unref(msg);
}

static void read_file(const char *path, const char *from, dlg_mail_forms *o)
{
	struct stat st;
	if (stat(path, &st) != 0 || st.st_size > (off_t)MESSAGE_MAX) {
		o->messages++;
		manual_row(o, path, NULL, NULL,
		           stat(path, &st) != 0 ? "không mở được" : "quá lớn để đọc");
		return;
	}
	FILE *f = fopen(path, "rb");
	if (!f) {
		o->messages++;
		manual_row(o, path, NULL, NULL, "không mở được");
		return;
	}
	GMimeStream *s = g_mime_stream_file_new(f); /* owns f */
	read_message(s, path, from, o);
	g_object_unref(s);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The message files of a folder: regular files not starting with '.' (in
 * a folder that is no maildir, those ending in .eml only: a CSV or a
 * workbook beside them is no message); appended to *files. */
static bool list_folder(const char *dir, bool eml_only, char ***files, size_t *n)
{
	DIR *d = opendir(dir);
	if (!d)
		return false;
	struct dirent *e;
	size_t first = *n;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.' || (eml_only && !ends_with(e->d_name, ".eml")))
			continue;
		char *p = dlg_xasprintf("%s/%s", dir, e->d_name);
		struct stat st;
		if (stat(p, &st) == 0 && S_ISREG(st.st_mode)) {
			*files = dlg_xrealloc(*files, (*n + 1) * sizeof **files);
			(*files)[(*n)++] = p;
		} else {
			free(p);
		}
	}
	closedir(d);
	if (*n > first) /* an empty folder leaves *files NULL */
		qsort(*files + first, *n - first, sizeof **files, by_name);
	return true;
}

static void forms_init(dlg_mail_forms *out, const char *name)
{
	memset(out, 0, sizeof *out);
	out->forms = dlg_sheet_new(name, form_columns, F_N);
}

bool dlg_mail_read(const char *path, const char *from, dlg_mail_forms *out)
{
	forms_init(out, path);
	struct stat st;
	if (stat(path, &st) != 0) {
		dlg_warn("%s: %s", path, strerror(errno));
		return false;
	}
	char **files = NULL;
	size_t n = 0;
	if (S_ISDIR(st.st_mode)) {
		char *cur = dlg_xasprintf("%s/cur", path), *nw = dlg_xasprintf("%s/new", path);
		struct stat cs, ns;
		bool maildir = (stat(cur, &cs) == 0 && S_ISDIR(cs.st_mode)) ||
		               (stat(nw, &ns) == 0 && S_ISDIR(ns.st_mode));
		if (maildir) {
			list_folder(cur, false, &files, &n);
			list_folder(nw, false, &files, &n);
			qsort(files, n, sizeof *files, by_name);
		} else {
			list_folder(path, true, &files, &n);
		}
		free(cur);
		free(nw);
		if (!n) {
			dlg_warn(_("%s: no messages in this folder (a maildir has them in cur/ and "
			           "new/, another folder as .eml files; CSV and .xlsx files are "
			           "imported one by one)"),
			         path);
			free(files);
			return false;
		}
	} else {
		files = dlg_xmalloc(sizeof *files);
		files[n++] = dlg_xstrdup(path);
	}
	for (size_t i = 0; i < n; i++) {
		read_file(files[i], from, out);
		free(files[i]);
	}
	free(files);
	return true;
}

void dlg_mail_read_buffer(const char *data, size_t len, const char *name, const char *from,
                          dlg_mail_forms *out)
{
	if (!out->forms)
		forms_init(out, name);
	GMimeStream *s = g_mime_stream_mem_new_with_buffer(data, len);
	read_message(s, name, from, out);
	g_object_unref(s);
}

void dlg_mail_forms_free(dlg_mail_forms *f)
{
	dlg_sheet_free(f->forms);
	for (size_t i = 0; i < f->nattachments; i++)
		dlg_sheet_free(f->attachments[i]);
	for (size_t i = 0; i < f->nseen; i++)
		free(f->seen[i]);
	free(f->seen);
	free(f->attachments);
	free(f->after);
	memset(f, 0, sizeof *f);
}
