/* A map from 64-bit hashes to 64-bit values (open addressing), for keys that
 * are strings hashed with dlg_hash. */
#ifndef DLG_BASE_HASHMAP_H
#define DLG_BASE_HASHMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A fast non-cryptographic hash of len bytes, continuing from seed (use
 * DLG_HASH_SEED first). */
#define DLG_HASH_SEED 0xcbf29ce484222325ULL
uint64_t dlg_hash(uint64_t seed, const void *data, size_t len);

typedef struct {
	struct dlg_hashmap_slot {
		uint64_t key; /* 0 marks an empty slot; keys are never 0 */
		uint64_t value;
	} * slot;
	size_t cap, n;
} dlg_hashmap;

void dlg_hashmap_init(dlg_hashmap *m);
void dlg_hashmap_free(dlg_hashmap *m);
/* Set key to value; returns false if key was already there (left unchanged,
 * its value in *old when old is not NULL). */
bool dlg_hashmap_add(dlg_hashmap *m, uint64_t key, uint64_t value, uint64_t *old);
/* The value stored under key, adding key with `value` first when absent
 * (*added tells which). The pointer is valid until the next add. */
uint64_t *dlg_hashmap_upsert(dlg_hashmap *m, uint64_t key, uint64_t value, bool *added);
/* Start fetching key's slot from memory, for a lookup a little later. */
void dlg_hashmap_prefetch(const dlg_hashmap *m, uint64_t key);
/* Look key up; true and *value when present. */
bool dlg_hashmap_get(const dlg_hashmap *m, uint64_t key, uint64_t *value);

#endif
