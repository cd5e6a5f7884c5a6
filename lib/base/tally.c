/* String-keyed counters: a dlg_strmap of the keys, counters and labels by index. */
#include "base/tally.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "base/strmap.h"

struct dlg_tally {
	size_t ncounts;
	dlg_strmap keys;
	char **label; /* per key, or NULL */
	long *counts; /* n * ncounts */
	size_t cap;
};

dlg_tally *dlg_tally_new(size_t ncounts)
{
	dlg_tally *t = dlg_xcalloc(1, sizeof *t);
	t->ncounts = ncounts;
	dlg_strmap_init(&t->keys);
	return t;
}

void dlg_tally_free(dlg_tally *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < dlg_strmap_size(&t->keys); i++)
		free(t->label[i]);
	free(t->label);
	free(t->counts);
	dlg_strmap_free(&t->keys);
	free(t);
}

long *dlg_tally_at(dlg_tally *t, const char *key, size_t len)
{
	bool added;
	size_t i = dlg_strmap_intern(&t->keys, key, len, &added);
	if (added) {
		if (i == t->cap) {
			t->cap = t->cap ? 2 * t->cap : 16;
			t->label = dlg_xreallocarray(t->label, t->cap, sizeof *t->label);
			t->counts =
			    dlg_xreallocarray(t->counts, t->cap * t->ncounts, sizeof *t->counts);
		}
		t->label[i] = NULL;
		memset(t->counts + i * t->ncounts, 0, t->ncounts * sizeof *t->counts);
	}
	return t->counts + i * t->ncounts;
}

long dlg_tally_find(const dlg_tally *t, const char *key, size_t len)
{
	return dlg_strmap_find(&t->keys, key, len);
}

size_t dlg_tally_size(const dlg_tally *t)
{
	return dlg_strmap_size(&t->keys);
}

const char *dlg_tally_key(const dlg_tally *t, size_t i)
{
	return dlg_strmap_key(&t->keys, i);
}

long *dlg_tally_counts(const dlg_tally *t, size_t i)
{
	return t->counts + i * t->ncounts;
}

void dlg_tally_set_label(dlg_tally *t, size_t i, const char *label)
{
	free(t->label[i]);
	t->label[i] = label ? dlg_xstrdup(label) : NULL;
}

const char *dlg_tally_label(const dlg_tally *t, size_t i)
{
	return t->label[i];
}
