/* Open-addressing hash map of 64-bit keys. */
#include "base/hashmap.h"

#include <stdlib.h>
#include <string.h>

#include "base/diag.h"

/* Eight bytes at a time: multiply-xorshift mixing of each word. */
uint64_t dlg_hash(uint64_t seed, const void *data, size_t len)
{
	const unsigned char *p = data;
	uint64_t h = seed ^ (len * 0x9E3779B97F4A7C15ULL);
	while (len >= 8) {
		uint64_t w;
		memcpy(&w, p, 8);
		w *= 0xBF58476D1CE4E5B9ULL;
		w ^= w >> 31;
		h = (h ^ w) * 0x94D049BB133111EBULL;
		p += 8;
		len -= 8;
	}
	if (len) {
		uint64_t w = 0;
		memcpy(&w, p, len);
		w *= 0xBF58476D1CE4E5B9ULL;
		w ^= w >> 31;
		h = (h ^ w) * 0x94D049BB133111EBULL;
	}
	return h ^ (h >> 29);
}

void dlg_hashmap_init(dlg_hashmap *m)
{
	m->cap = 1024;
	m->n = 0;
	m->slot = dlg_xcalloc(m->cap, sizeof *m->slot);
}

void dlg_hashmap_free(dlg_hashmap *m)
{
	free(m->slot);
	m->slot = NULL;
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
	dlg_hashmap bigger = {dlg_xcalloc(m->cap * 2, sizeof *m->slot), m->cap * 2, 0};
	for (size_t i = 0; i < m->cap; i++)
		if (m->slot[i].key)
			dlg_hashmap_add(&bigger, m->slot[i].key, m->slot[i].value, NULL);
	dlg_hashmap_free(m);
	*m = bigger;
}

uint64_t *dlg_hashmap_upsert(dlg_hashmap *m, uint64_t key, uint64_t value, bool *added)
{
	if (!key)
		key = 1;
	if ((m->n + 1) * 4 > m->cap * 3)
		grow(m);
	size_t i = mix(key) & (m->cap - 1);
	while (m->slot[i].key) {
		if (m->slot[i].key == key) {
			*added = false;
			return &m->slot[i].value;
		}
		i = (i + 1) & (m->cap - 1);
	}
	m->slot[i].key = key;
	m->slot[i].value = value;
	m->n++;
	*added = true;
	return &m->slot[i].value;
}

bool dlg_hashmap_add(dlg_hashmap *m, uint64_t key, uint64_t value, uint64_t *old)
{
	bool added;
	uint64_t *v = dlg_hashmap_upsert(m, key, value, &added);
	if (!added && old)
		*old = *v;
	return added;
}

void dlg_hashmap_prefetch(const dlg_hashmap *m, uint64_t key)
{
	__builtin_prefetch(&m->slot[mix(key ? key : 1) & (m->cap - 1)]);
}

bool dlg_hashmap_get(const dlg_hashmap *m, uint64_t key, uint64_t *value)
{
	if (!key)
		key = 1;
	size_t i = mix(key) & (m->cap - 1);
	while (m->slot[i].key) {
		if (m->slot[i].key == key) {
			if (value)
				*value = m->slot[i].value;
			return true;
		}
		i = (i + 1) & (m->cap - 1);
	}
	return false;
}
