/* String-keyed counters: entries in insertion order, an open-addressing index. */
#include "base/tally.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "base/hashmap.h"

struct entry {
	char *key;
	size_t len;
	uint64_t hash;
	char *label;
};

struct dlg_tally {
	size_t ncounts;
	struct entry *e;
	long *counts; /* n * ncounts */
	size_t n, cap;
	size_t *slot; /* entry index + 1, 0 = empty */
	size_t nslot;
};

dlg_tally *dlg_tally_new(size_t ncounts)
{
	dlg_tally *t = dlg_xmalloc(sizeof *t);
	memset(t, 0, sizeof *t);
	t->ncounts = ncounts ? ncounts : 1;
	t->nslot = 64;
	t->slot = dlg_xcalloc(t->nslot, sizeof *t->slot);
	return t;
}

void dlg_tally_free(dlg_tally *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->n; i++) {
		free(t->e[i].key);
		free(t->e[i].label);
	}
	free(t->e);
	free(t->counts);
	free(t->slot);
	free(t);
}

static size_t lookup(const dlg_tally *t, const char *key, size_t len, uint64_t h)
{
	size_t i = (size_t)h & (t->nslot - 1);
	while (t->slot[i]) {
		const struct entry *e = &t->e[t->slot[i] - 1];
		if (e->hash == h && e->len == len && !memcmp(e->key, key, len))
			return i;
		i = (i + 1) & (t->nslot - 1);
	}
	return i;
}

static void rehash(dlg_tally *t)
{
	free(t->slot);
	t->nslot *= 2;
	t->slot = dlg_xcalloc(t->nslot, sizeof *t->slot);
	for (size_t k = 0; k < t->n; k++) {
		size_t i = (size_t)t->e[k].hash & (t->nslot - 1);
		while (t->slot[i])
			i = (i + 1) & (t->nslot - 1);
		t->slot[i] = k + 1;
	}
}

long *dlg_tally_at(dlg_tally *t, const char *key, size_t len)
{
	uint64_t h = dlg_hash(DLG_HASH_SEED, key, len);
	size_t i = lookup(t, key, len, h);
	if (t->slot[i])
		return t->counts + (t->slot[i] - 1) * t->ncounts;
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 16;
		t->e = dlg_xreallocarray(t->e, t->cap, sizeof *t->e);
		t->counts = dlg_xreallocarray(t->counts, t->cap * t->ncounts, sizeof *t->counts);
	}
	struct entry *e = &t->e[t->n];
	e->key = dlg_xmalloc(len + 1);
	memcpy(e->key, key, len);
	e->key[len] = '\0';
	e->len = len;
	e->hash = h;
	e->label = NULL;
	long *c = t->counts + t->n * t->ncounts;
	memset(c, 0, t->ncounts * sizeof *c);
	t->slot[i] = ++t->n;
	if (t->n * 2 > t->nslot)
		rehash(t);
	return c;
}

long dlg_tally_find(const dlg_tally *t, const char *key, size_t len)
{
	size_t i = lookup(t, key, len, dlg_hash(DLG_HASH_SEED, key, len));
	return t->slot[i] ? (long)t->slot[i] - 1 : -1;
}

size_t dlg_tally_size(const dlg_tally *t)
{
	return t->n;
}

const char *dlg_tally_key(const dlg_tally *t, size_t i)
{
	return t->e[i].key;
}

long *dlg_tally_counts(const dlg_tally *t, size_t i)
{
	return t->counts + i * t->ncounts;
}

void dlg_tally_set_label(dlg_tally *t, size_t i, const char *label)
{
	free(t->e[i].label);
	t->e[i].label = label ? dlg_xstrdup(label) : NULL;
}

const char *dlg_tally_label(const dlg_tally *t, size_t i)
{
	return t->e[i].label;
}
