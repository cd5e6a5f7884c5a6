/* Header matching: folding, known wordings, key words, user maps. */
#include "fmt/header.h"

#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "base/text.h"

/* Known wordings, folded (dlg_header_fold), and the field each names. */
static const struct {
	const char *wording, *field;
	bool everywhere; /* also for every command's CSV (dlg_header_known); the
	                    others are for forms only, where "Tên" is a person's */
} wordings[] = {
    {"dau thoi gian", "received", true},
    {"timestamp", "received", true},
    {"thoi gian", "received", false},
    {"ngay nhan", "received", true},
    {"ngay tiep nhan", "received", true},
    {"ngay gui", "received", false},
    {"ngay dang ky", "received", false},
    {"ho va ten", "name", true},
    {"ho ten", "name", true},
    {"ho va ten nguoi dang ky", "name", false},
    {"nguoi dang ky", "name", true},
    {"ten", "name", false},
    {"fullname", "name", false},
    {"full name", "name", false},
    {"your name", "name", false},
    {"dien thoai", "phone", true},
    {"so dien thoai", "phone", true},
    {"dien thoai lien he", "phone", false},
    {"so dien thoai lien he", "phone", false},
    {"sdt", "phone", true},
    {"dt", "phone", false},
    {"phone number", "phone", false},
    {"telephone", "phone", false},
    {"mobile", "phone", false},
    {"dia chi", "address", true},
    {"dia chi lien he", "address", false},
    {"dia chi noi o", "address", false},
    {"email", "email", true},
    {"e mail", "email", true},
    {"dia chi email", "email", true},
    {"dia chi e mail", "email", false},
    {"thu dien tu", "email", true},
    {"dia chi thu dien tu", "email", false},
    {"email address", "email", false},
    {"ten doanh nghiep", "organization", true},
    {"ten to chuc", "organization", true},
    {"ten doanh nghiep to chuc", "organization", false},
    {"ten to chuc doanh nghiep", "organization", false},
    {"to chuc doanh nghiep", "organization", true},
    {"doanh nghiep", "organization", false},
    {"to chuc", "organization", false},
    {"co quan don vi", "organization", false},
    {"don vi", "organization", true},
    {"company", "organization", false},
    {"thon to dan pho", "village", true},
    {"thon to dan pho cum dan cu", "village", true},
    {"thon cum dan cu to dan pho", "village", false},
    {"thon", "village", true},
    {"to dan pho", "village", false},
    {"ve thu tuc hanh chinh", "topic_procedure", true},
    {"thu tuc hanh chinh", "topic_procedure", false},
    {"ve giai quyet thu tuc hanh chinh", "topic_handling", true},
    {"giai quyet thu tuc hanh chinh", "topic_handling", false},
    {"kenh", "channel", true},
    {"hinh thuc", "channel", true},
    {"hinh thuc gui", "channel", false},
    {"hoi nghi", "session", true},
    {"ky hoi nghi", "session", true},
    {"trang thai", "status", true},
    {"tinh trang", "status", false},
    {"ghi chu", "note", true},
    {"ma dang ky", "reg_id", true},
    {"ma phieu", "reg_id", false},
};

/* Key words, folded, looked for as whole words in order when no wording
 * matches exactly: the first rule whose words the header holds wins, so
 * "địa chỉ email" is an e-mail and "giải quyết thủ tục hành chính" is
 * handling before "thủ tục hành chính" is procedure. */
static const struct {
	const char *words, *field;
} keywords[] = {
    {"email", "email"},
    {"e mail", "email"},
    {"thu dien tu", "email"},
    {"dien thoai", "phone"},
    {"sdt", "phone"},
    {"phone", "phone"},
    {"ho va ten", "name"},
    {"ho ten", "name"},
    {"doanh nghiep", "organization"},
    {"giai quyet thu tuc hanh chinh", "topic_handling"},
    {"thu tuc hanh chinh", "topic_procedure"},
    {"to dan pho", "village"},
    {"dia chi", "address"},
    {"dau thoi gian", "received"},
};

/* The English names of the fields: matched as they are. */
static const char *const fields[] = {
    "reg_id", "session", "received", "channel",         "name",           "organization", "phone",
    "email",  "address", "village",  "topic_procedure", "topic_handling", "status",       "note",
};

/* Copy of s without text in brackets, (), [] or {}, nested or not. */
static char *without_brackets(const char *s)
{
	char *out = dlg_xstrdup(s);
	char *w = out;
	int depth = 0;
	for (const char *p = s; *p; p++) {
		if (*p == '(' || *p == '[' || *p == '{') {
			depth++;
			continue;
		}
		if ((*p == ')' || *p == ']' || *p == '}') && depth > 0) {
			depth--;
			*w++ = ' ';
			continue;
		}
		if (!depth)
			*w++ = *p;
	}
	*w = '\0';
	return out;
}

/* True when w (one folded word) is numbering: digits, a roman numeral, or
 * one letter. */
static bool numbering(const char *w, size_t len)
{
	if (len == 1)
		return true;
	if (strspn(w, "0123456789") >= len)
		return true;
	if (strspn(w, "ivx") >= len && len <= 4)
		return true;
	return false;
}

char *dlg_header_fold(const char *header)
{
	char *bare = without_brackets(header);
	char *f = dlg_text_fold(bare);
	free(bare);
	if (!*f) { /* all in brackets: fold it whole */
		free(f);
		return dlg_text_fold(header);
	}
	/* Leading numbering: "1", "ii", "a", "cau 3", "muc 2". */
	char *p = f;
	for (;;) {
		size_t len = strcspn(p, " ");
		if (!p[len])
			break; /* keep the last word */
		if ((len == 3 && !strncmp(p, "cau", 3)) || (len == 3 && !strncmp(p, "muc", 3))) {
			char *next = p + len + 1;
			size_t nlen = strcspn(next, " ");
			if (next[nlen] && numbering(next, nlen) && nlen > 0 &&
			    strspn(next, "0123456789") == nlen) {
				p = next + nlen + 1;
				continue;
			}
		}
		/* "e" starts "e mail": not numbering */
		if (numbering(p, len) && !(len == 1 && *p == 'e')) {
			p += len + 1;
			continue;
		}
		break;
	}
	if (p != f)
		memmove(f, p, strlen(p) + 1);
	return f;
}

/* True when words (folded, single spaces) occur in f as whole words. */
static bool has_words(const char *f, const char *words)
{
	size_t n = strlen(words);
	for (const char *p = f; (p = strstr(p, words)); p++)
		if ((p == f || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' '))
			return true;
	return false;
}

const char *dlg_header_known(const char *header)
{
	char *f = dlg_header_fold(header);
	const char *found = NULL;
	for (size_t i = 0; i < sizeof wordings / sizeof wordings[0] && !found; i++)
		if (wordings[i].everywhere && !strcmp(f, wordings[i].wording))
			found = wordings[i].field;
	free(f);
	return found;
}

const char *dlg_header_field(const char *header)
{
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
		if (!strcmp(header, fields[i]))
			return fields[i];
	char *f = dlg_header_fold(header);
	const char *found = NULL;
	for (size_t i = 0; i < sizeof wordings / sizeof wordings[0] && !found; i++)
		if (!strcmp(f, wordings[i].wording))
			found = wordings[i].field;
	for (size_t i = 0; i < sizeof keywords / sizeof keywords[0] && !found && *f; i++)
		if (has_words(f, keywords[i].words))
			found = keywords[i].field;
	free(f);
	return found;
}

struct dlg_header_map {
	char **header; /* folded */
	char **field;
	size_t n;
};

dlg_header_map *dlg_header_map_new(void)
{
	dlg_header_map *m = dlg_xcalloc(1, sizeof *m);
	return m;
}

void dlg_header_map_free(dlg_header_map *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->n; i++) {
		free(m->header[i]);
		free(m->field[i]);
	}
	free(m->header);
	free(m->field);
	free(m);
}

void dlg_header_map_add(dlg_header_map *m, const char *header, const char *field)
{
	char *f = dlg_text_fold(header);
	const char *value = !strcmp(field, "-") ? "" : field;
	for (size_t i = 0; i < m->n; i++)
		if (!strcmp(m->header[i], f)) {
			free(f);
			free(m->field[i]);
			m->field[i] = dlg_xstrdup(value);
			return;
		}
	m->header = dlg_xrealloc(m->header, (m->n + 1) * sizeof *m->header);
	m->field = dlg_xrealloc(m->field, (m->n + 1) * sizeof *m->field);
	m->header[m->n] = f;
	m->field[m->n++] = dlg_xstrdup(value);
}

bool dlg_header_map_find(const dlg_header_map *m, const char *header, const char **field)
{
	if (!m || !m->n)
		return false;
	char *f = dlg_text_fold(header);
	bool found = false;
	for (size_t i = 0; i < m->n && !found; i++)
		if (!strcmp(m->header[i], f)) {
			*field = m->field[i];
			found = true;
		}
	free(f);
	return found;
}
