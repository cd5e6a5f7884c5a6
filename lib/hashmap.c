/* Open-addressing hash map of 64-bit keys. */
#include "hashmap.h"

#include <stdlib.h>

#include "diag.h"

uint64_t dlg_hash(uint64_t seed, const void *data, size_t len)
{
	const unsigned char *p = data;
	uint64_t h = seed;
	for (size_t i = 0; i < len; i++) {
		h ^= p[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

void dlg_hashmap_init(dlg_hashmap *m)
{
	m->cap = 1024;
	m->n = 0;
	m->key = calloc(m->cap, sizeof *m->key);
	m->value = dlg_xmalloc(m->cap * sizeof *m->value);
	if (!m->key)
		dlg_die(DLG_EXIT_ERROR, "%s", _("out of memory"));
}

void dlg_hashmap_free(dlg_hashmap *m)
{
	free(m->key);
	free(m->value);
	m->key = m->value = NULL;
}

static uint64_t mix(uint64_t k)
{
	k ^= k >> 33;
	k *= 0xff51afd7ed558ccdULL;
	k ^= k >> 33;
	return k;
}

static void grow(dlg_hashmap *m)
{
	dlg_hashmap bigger = {calloc(m->cap * 2, sizeof(uint64_t)),
			      dlg_xmalloc(m->cap * 2 * sizeof(uint64_t)), m->cap * 2, 0};
	if (!bigger.key)
		dlg_die(DLG_EXIT_ERROR, "%s", _("out of memory"));
	for (size_t i = 0; i < m->cap; i++)
		if (m->key[i])
			dlg_hashmap_add(&bigger, m->key[i], m->value[i], NULL);
	dlg_hashmap_free(m);
	*m = bigger;
}

bool dlg_hashmap_add(dlg_hashmap *m, uint64_t key, uint64_t value, uint64_t *old)
{
	if (!key)
		key = 1;
	if ((m->n + 1) * 4 > m->cap * 3)
		grow(m);
	size_t i = mix(key) & (m->cap - 1);
	while (m->key[i]) {
		if (m->key[i] == key) {
			if (old)
				*old = m->value[i];
			return false;
		}
		i = (i + 1) & (m->cap - 1);
	}
	m->key[i] = key;
	m->value[i] = value;
	m->n++;
	return true;
}

bool dlg_hashmap_get(const dlg_hashmap *m, uint64_t key, uint64_t *value)
{
	if (!key)
		key = 1;
	size_t i = mix(key) & (m->cap - 1);
	while (m->key[i]) {
		if (m->key[i] == key) {
			if (value)
				*value = m->value[i];
			return true;
		}
		i = (i + 1) & (m->cap - 1);
	}
	return false;
}
