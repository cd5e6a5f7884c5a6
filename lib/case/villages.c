/* villages.csv: village, kind, head, aliases (separated by ;). */
#include "case/villages.h"

#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "base/strmap.h"
#include "fmt/table.h"
#include "base/text.h"

struct alias {
	char *folded;
	size_t len;
	size_t village;
};

struct dlg_villages {
	dlg_table t;
	struct alias *alias;
	size_t nalias;
	dlg_strmap by_alias;    /* a folded alias -> index into alias (the first given) */
	dlg_strmap first_words; /* the first word of every alias */
	size_t max_words;       /* words in the longest alias */
};

static void add_alias(dlg_villages *v, const char *text, size_t village)
{
	char *f = dlg_text_fold(text);
	if (!*f) {
		free(f);
		return;
	}
	size_t words = 1;
	for (const char *p = f; *p; p++)
		words += *p == ' ';
	if (words > v->max_words)
		v->max_words = words;
	v->alias = dlg_xreallocarray(v->alias, v->nalias + 1, sizeof *v->alias);
	dlg_strmap_add(&v->by_alias, f, strlen(f), v->nalias);
	dlg_strmap_add(&v->first_words, f, strcspn(f, " "), 0);
	v->alias[v->nalias++] = (struct alias){f, strlen(f), village};
}

dlg_villages *dlg_villages_load(const dlg_case *c)
{
	dlg_villages *v = dlg_xcalloc(1, sizeof *v);
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
	dlg_strmap_free(&v->by_alias);
	dlg_strmap_free(&v->first_words);
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

const char *dlg_villages_match(const dlg_villages *v, const char *text)
{
	/* The common case: the village's own name as written in villages.csv. */
	for (size_t r = 0; r < v->t.nrows; r++)
		if (!strcmp(dlg_villages_name(v, r), text))
			return dlg_villages_name(v, r);
	char *f = dlg_text_fold(text);
	const char *found = NULL;
	for (size_t i = 0; i < v->nalias && !found; i++)
		if (!strcmp(v->alias[i].folded, f))
			found = dlg_villages_name(v, v->alias[i].village);
	free(f);
	return found;
}

/* The alias spelled by folded bytes s[0..len), or NULL. */
static const struct alias *lookup(const dlg_villages *v, const char *s, size_t len)
{
	uint64_t at;
	return dlg_strmap_get(&v->by_alias, s, len, &at) ? &v->alias[at] : NULL;
}

const char *dlg_villages_find_in(const dlg_villages *v, const char *address)
{
	if (!v->nalias)
		return NULL;
	char *f = dlg_text_fold(address);
	const struct alias *best = NULL;
	/* Every run of up to max_words words, looked up whole. */
	for (const char *start = f; *start;) {
		const char *end = start;
		size_t first = strcspn(start, " ");
		bool can_start = dlg_strmap_get(&v->first_words, start, first, NULL);
		for (size_t w = 0; can_start && w < v->max_words && *end; w++) {
			end = strchr(end, ' ');
			if (!end)
				end = start + strlen(start);
			const struct alias *a = lookup(v, start, (size_t)(end - start));
			if (a && (!best || a->len > best->len))
				best = a;
			if (*end == ' ')
				end++;
			else
				break;
		}
		const char *next = strchr(start, ' ');
		start = next ? next + 1 : start + strlen(start);
	}
	free(f);
	return best ? dlg_villages_name(v, best->village) : NULL;
}
