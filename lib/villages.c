/* villages.csv: village, kind, head, aliases (separated by ;). */
#include "villages.h"

#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "table.h"
#include "text.h"

struct alias {
	char *folded;
	size_t len;
	size_t village;
};

struct dlg_villages {
	dlg_table t;
	struct alias *alias;
	size_t nalias;
};

static void add_alias(dlg_villages *v, const char *text, size_t village)
{
	char *f = dlg_text_fold(text);
	if (!*f) {
		free(f);
		return;
	}
	v->alias = dlg_xrealloc(v->alias, (v->nalias + 1) * sizeof *v->alias);
	v->alias[v->nalias++] = (struct alias){f, strlen(f), village};
}

dlg_villages *dlg_villages_load(const dlg_case *c)
{
	dlg_villages *v = calloc(1, sizeof *v);
	if (!v)
		dlg_die(DLG_EXIT_ERROR, "%s", _("out of memory"));
	char *path = dlg_case_data(c, "villages");
	if (!path)
		return v;
	static const char *const required[] = {"village", NULL};
	bool ok = dlg_table_load(&v->t, path, required);
	free(path);
	if (!ok) {
		free(v);
		return NULL;
	}
	int aliases = dlg_table_col(&v->t, "aliases");
	for (size_t r = 0; r < v->t.nrows; r++) {
		add_alias(v, dlg_table_val(&v->t, r, "village"), r);
		char *list = dlg_xstrdup(dlg_table_get(&v->t, r, aliases));
		for (char *save, *a = strtok_r(list, ";", &save); a; a = strtok_r(NULL, ";", &save))
			add_alias(v, a, r);
		free(list);
	}
	return v;
}

void dlg_villages_free(dlg_villages *v)
{
	if (!v)
		return;
	for (size_t i = 0; i < v->nalias; i++)
		free(v->alias[i].folded);
	free(v->alias);
	dlg_table_free(&v->t);
	free(v);
}

size_t dlg_villages_count(const dlg_villages *v)
{
	return v->t.nrows;
}

const char *dlg_villages_name(const dlg_villages *v, size_t i)
{
	return dlg_table_val(&v->t, i, "village");
}

const char *dlg_villages_head(const dlg_villages *v, size_t i)
{
	return dlg_table_val(&v->t, i, "head");
}

const char *dlg_villages_match(const dlg_villages *v, const char *text)
{
	char *f = dlg_text_fold(text);
	const char *found = NULL;
	for (size_t i = 0; i < v->nalias && !found; i++)
		if (!strcmp(v->alias[i].folded, f))
			found = dlg_villages_name(v, v->alias[i].village);
	free(f);
	return found;
}

static bool occurs_as_words(const char *hay, const char *needle, size_t len)
{
	for (const char *p = hay; (p = strstr(p, needle)); p++) {
		bool start = p == hay || p[-1] == ' ';
		bool end = p[len] == '\0' || p[len] == ' ';
		if (start && end)
			return true;
	}
	return false;
}

const char *dlg_villages_find_in(const dlg_villages *v, const char *address)
{
	if (!v->nalias)
		return NULL;
	char *f = dlg_text_fold(address);
	const struct alias *best = NULL;
	for (size_t i = 0; i < v->nalias; i++) {
		const struct alias *a = &v->alias[i];
		if ((!best || a->len > best->len) && occurs_as_words(f, a->folded, a->len))
			best = a;
	}
	free(f);
	return best ? dlg_villages_name(v, best->village) : NULL;
}
