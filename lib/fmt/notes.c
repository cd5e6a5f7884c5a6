/* The secretary's notes, cut into sections. */
#include "fmt/notes.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "base/sbuf.h"
#include "base/text.h"

static bool has_words(const char *folded, const char *words)
{
	size_t n = strlen(words);
	for (const char *p = folded; (p = strstr(p, words)); p++)
		if ((p == folded || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' '))
			return true;
	return false;
}

static dlg_note_kind classify(const char *title)
{
	char *f = dlg_text_fold(title);
	dlg_note_kind k = DLG_NOTE_OTHER;
	if (has_words(f, "khai mac"))
		k = DLG_NOTE_OPENING;
	else if (has_words(f, "ket luan"))
		k = DLG_NOTE_CONCLUSIONS;
	else if (has_words(f, "nhiem vu") || has_words(f, "giao viec"))
		k = DLG_NOTE_TASKS;
	else if (has_words(f, "be mac") || has_words(f, "ket thuc"))
		k = DLG_NOTE_CLOSING;
	free(f);
	return k;
}

/* The heading level of an ATX heading line (1-6), or 0. */
static int heading_level(const char *s, const char **text)
{
	const char *p = s;
	while (*p == ' ' && p - s < 3)
		p++;
	int lv = 0;
	while (*p == '#' && lv < 7)
		p++, lv++;
	if (lv < 1 || lv > 6 || (*p && *p != ' ' && *p != '\t'))
		return 0;
	while (*p == ' ' || *p == '\t')
		p++;
	*text = p;
	return lv;
}

static bool is_fence(const char *s)
{
	while (*s == ' ')
		s++;
	return !strncmp(s, "```", 3) || !strncmp(s, "~~~", 3);
}

static void add_section(dlg_notes *n, dlg_note_kind kind, const char *title, long line)
{
	n->sec = dlg_xreallocarray(n->sec, n->n + 1, sizeof *n->sec);
	dlg_note_section *s = &n->sec[n->n++];
	s->kind = kind;
	s->title = dlg_xstrdup(title);
	dlg_text_squeeze(s->title);
	/* "Kết luận của chủ trì:" prints without trailing '#'s or colon */
	size_t len = strlen(s->title);
	while (len && (s->title[len - 1] == '#' || s->title[len - 1] == ':'))
		s->title[--len] = '\0';
	dlg_text_squeeze(s->title);
	s->body = NULL;
	s->line = line;
}

bool dlg_notes_parse(dlg_notes *n, const char *name, const char *text, size_t len)
{
	memset(n, 0, sizeof *n);
	n->path = dlg_xstrdup(name);
	n->title = dlg_xstrdup("");
	n->start_h = n->start_m = n->end_h = n->end_m = -1;
	if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3))
		text += 3, len -= 3;
	size_t bad;
	if (!dlg_utf8_valid(text, len, &bad)) {
		long line = 1;
		for (size_t i = 0; i < bad; i++)
			line += text[i] == '\n';
		dlg_warn_at(name, line, _("invalid UTF-8 or NUL byte; save the file as UTF-8"));
		return false;
	}
	char *nfc = dlg_text_nfc(text, len, NULL);
	dlg_sbuf body = {0};
	bool fence = false, any = false;
	long lineno = 0;
	for (char *p = nfc; *p;) {
		char *nl = strchr(p, '\n');
		size_t l = nl ? (size_t)(nl - p) : strlen(p);
		char *line = dlg_xmalloc(l + 1);
		memcpy(line, p, l);
		line[l] = '\0';
		if (l && line[l - 1] == '\r')
			line[l - 1] = '\0';
		lineno++;
		p = nl ? nl + 1 : p + l;
		const char *h = NULL;
		int lv = fence ? 0 : heading_level(line, &h);
		if (is_fence(line))
			fence = !fence;
		if (lv == 1 && !any && !n->n && !*n->title) {
			free(n->title);
			n->title = dlg_xstrdup(h);
			dlg_text_squeeze(n->title);
		} else if (lv == 1 || lv == 2) {
			if (n->n)
				n->sec[n->n - 1].body = dlg_sbuf_take(&body);
			else if (any) {
				add_section(n, DLG_NOTE_OPENING, "", 1);
				n->sec[0].body = dlg_sbuf_take(&body);
			}
			dlg_sbuf_clear(&body);
			add_section(n, classify(h), h, lineno);
		} else {
			if (!dlg_text_blank(line))
				any = true;
			dlg_sbuf_adds(&body, line);
			dlg_sbuf_adds(&body, "\n");
		}
		free(line);
	}
	if (n->n)
		n->sec[n->n - 1].body = dlg_sbuf_take(&body);
	else if (any) {
		add_section(n, DLG_NOTE_OPENING, "", 1);
		n->sec[0].body = dlg_sbuf_take(&body);
	}
	dlg_sbuf_free(&body);
	for (size_t i = 0; i < n->n; i++)
		if (!n->sec[i].body)
			n->sec[i].body = dlg_xstrdup("");
	free(nfc);
	const dlg_note_section *o = dlg_notes_find(n, DLG_NOTE_OPENING);
	if (o && !dlg_time_find(o->body, &n->start_h, &n->start_m))
		n->start_h = n->start_m = -1;
	const dlg_note_section *c = dlg_notes_find(n, DLG_NOTE_CLOSING);
	if (c && !dlg_time_find(c->body, &n->end_h, &n->end_m))
		n->end_h = n->end_m = -1;
	return true;
}

bool dlg_notes_load(dlg_notes *n, const char *path)
{
	memset(n, 0, sizeof *n);
	FILE *f = fopen(path, "rb");
	if (!f) {
		dlg_warn("%s: %s", path, strerror(errno));
		return false;
	}
	dlg_sbuf b = {0};
	bool err = !dlg_sbuf_read(&b, f);
	fclose(f);
	if (err) {
		dlg_warn("%s: %s", path, strerror(EIO));
		dlg_sbuf_free(&b);
		return false;
	}
	bool ok = dlg_notes_parse(n, path, b.data ? b.data : "", b.len);
	dlg_sbuf_free(&b);
	return ok;
}

void dlg_notes_free(dlg_notes *n)
{
	for (size_t i = 0; i < n->n; i++) {
		free(n->sec[i].title);
		free(n->sec[i].body);
	}
	free(n->sec);
	free(n->path);
	free(n->title);
	memset(n, 0, sizeof *n);
}

const dlg_note_section *dlg_notes_find(const dlg_notes *n, dlg_note_kind kind)
{
	for (size_t i = 0; i < n->n; i++)
		if (n->sec[i].kind == kind)
			return &n->sec[i];
	return NULL;
}

bool dlg_time_find(const char *text, int *h, int *m)
{
	for (const char *p = text; *p; p++) {
		if (!isdigit((unsigned char)*p) ||
		    (p > text && (isdigit((unsigned char)p[-1]) || p[-1] == '/' || p[-1] == '.')))
			continue;
		const char *q = p;
		int hh = 0, nd = 0;
		while (isdigit((unsigned char)*q) && nd < 3)
			hh = hh * 10 + (*q++ - '0'), nd++;
		if (nd > 2 || hh > 23)
			continue;
		const char *r = q;
		if (*r == ' ')
			r++;
		size_t sep;
		if (*q == ':' || *q == 'h' || *q == 'H')
			r = q, sep = 1;
		else if (!strncmp(r, "giờ", strlen("giờ")))
			sep = strlen("giờ");
		else
			continue;
		if (*q == ':' && !isdigit((unsigned char)q[1]))
			continue;
		/* "8h" must not be the start of a word ("8 ha") */
		const char *s = r + sep;
		if ((*r == 'h' || *r == 'H') && isalpha((unsigned char)*s))
			continue;
		while (*s == ' ')
			s++;
		int mm = 0;
		nd = 0;
		while (isdigit((unsigned char)*s) && nd < 3)
			mm = mm * 10 + (*s++ - '0'), nd++;
		if (nd > 2 || mm > 59 || (*q == ':' && nd != 2))
			continue;
		*h = hh;
		*m = mm;
		return true;
	}
	return false;
}
