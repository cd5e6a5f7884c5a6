/* String-keyed index: open addressing over the keys' hashes, keys compared
 * in full, copies kept in blocks that never move. */
#include "base/strmap.h"

#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "base/hashmap.h"

/* Keys are copied into blocks of this size (a longer key gets its own). */
#define BLOCK_SIZE 65536

void dlg_strmap_init(dlg_strmap *m)
{
	memset(m, 0, sizeof *m);
}

void dlg_strmap_free(dlg_strmap *m)
{
	for (size_t i = 0; i < m->nblock; i++)
		free(m->block[i]);
	free(m->block);
	free(m->key);
	free(m->slot);
	memset(m, 0, sizeof *m);
}

/* The slot holding key, or the empty slot where it would go. */
static size_t lookup(const dlg_strmap *m, const char *key, size_t len, uint64_t h)
{
	size_t mask = m->nslot - 1;
	size_t i = (size_t)h & mask;
	while (m->slot[i]) {
		const struct dlg_strmap_key *k = &m->key[m->slot[i] - 1];
		if (k->hash == h && k->len == len && !memcmp(k->s, key, len))
			return i;
		i = (i + 1) & mask;
	}
	return i;
}

static void grow_slots(dlg_strmap *m)
{
	free(m->slot);
	m->nslot = m->nslot ? 2 * m->nslot : 64;
	m->slot = dlg_xcalloc(m->nslot, sizeof *m->slot);
	for (size_t k = 0; k < m->n; k++) {
		size_t i = (size_t)m->key[k].hash & (m->nslot - 1);
		while (m->slot[i])
			i = (i + 1) & (m->nslot - 1);
		m->slot[i] = k + 1;
	}
}

/* A copy of key[0..len) in a block. */
static const char *copy_key(dlg_strmap *m, const char *key, size_t len)
{
	if (!m->nblock || m->block_used + len + 1 > m->block_size) {
		size_t size = len + 1 > BLOCK_SIZE ? len + 1 : BLOCK_SIZE;
		m->block = dlg_xreallocarray(m->block, m->nblock + 1, sizeof *m->block);
		m->block[m->nblock++] = dlg_xmalloc(size);
		m->block_size = size;
		m->block_used = 0;
	}
	char *s = m->block[m->nblock - 1] + m->block_used;
	memcpy(s, key, len);
	s[len] = '\0';
	m->block_used += len + 1;
	return s;
}

size_t dlg_strmap_intern(dlg_strmap *m, const char *key, size_t len, bool *added)
{
	if (!m->nslot)
		grow_slots(m);
	uint64_t h = dlg_hash(DLG_HASH_SEED, key, len);
	size_t i = lookup(m, key, len, h);
	if (added)
		*added = !m->slot[i];
	if (m->slot[i])
		return m->slot[i] - 1;
	if (m->n == m->cap) {
		m->cap = m->cap ? 2 * m->cap : 16;
		m->key = dlg_xreallocarray(m->key, m->cap, sizeof *m->key);
	}
	m->key[m->n] = (struct dlg_strmap_key){copy_key(m, key, len), len, h, 0};
	m->slot[i] = ++m->n;
	if (m->n * 2 > m->nslot)
		grow_slots(m);
	return m->n - 1;
}

long dlg_strmap_find(const dlg_strmap *m, const char *key, size_t len)
{
	if (!m->nslot)
		return -1;
	size_t i = lookup(m, key, len, dlg_hash(DLG_HASH_SEED, key, len));
	return m->slot[i] ? (long)m->slot[i] - 1 : -1;
}

bool dlg_strmap_add(dlg_strmap *m, const char *key, size_t len, uint64_t value)
{
	bool added;
	size_t i = dlg_strmap_intern(m, key, len, &added);
	if (added)
		m->key[i].value = value;
	return added;
}

bool dlg_strmap_get(const dlg_strmap *m, const char *key, size_t len, uint64_t *value)
{
	long i = dlg_strmap_find(m, key, len);
	if (i < 0)
		return false;
	if (value)
		*value = m->key[i].value;
	return true;
}

uint64_t *dlg_strmap_value(dlg_strmap *m, size_t i)
{
	return &m->key[i].value;
}

size_t dlg_strmap_size(const dlg_strmap *m)
{
	return m->n;
}

const char *dlg_strmap_key(const dlg_strmap *m, size_t i)
{
	return m->key[i].s;
}

size_t dlg_strmap_len(const dlg_strmap *m, size_t i)
{
	return m->key[i].len;
}
