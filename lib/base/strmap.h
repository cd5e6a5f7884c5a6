/* A map from strings (any bytes, with their length) to dense indexes 0, 1,
 * 2, ... in the order the keys were first added, each with a 64-bit value. It keeps copies of the
 * keys and compares them itself, so two keys whose hashes collide stay two keys: callers keep their
 * values in arrays indexed by it and never write a collision fallback of their own. */
#ifndef DLG_BASE_STRMAP_H
#define DLG_BASE_STRMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
	struct dlg_strmap_key {
		const char *s; /* NUL-terminated copy, in a block that never moves */
		size_t len;
		uint64_t hash;
		uint64_t value; /* 0 until set */
	} * key;
	size_t n, cap;
	size_t *slot; /* key index + 1; 0: empty */
	size_t nslot;
	char **block; /* where the copies live */
	size_t nblock, block_used, block_size;
} dlg_strmap;

/* An empty map (a zeroed dlg_strmap is one too). */
void dlg_strmap_init(dlg_strmap *m);
void dlg_strmap_free(dlg_strmap *m);

/* The index of key[0..len), adding a copy of it with the next index when it
 * is new (*added, when not NULL, tells which). */
size_t dlg_strmap_intern(dlg_strmap *m, const char *key, size_t len, bool *added);

/* The index of key[0..len), or -1 when it was never added. */
long dlg_strmap_find(const dlg_strmap *m, const char *key, size_t len);

/* Add key[0..len) with value; false, changing nothing, when it is there
 * already (the first value stays). */
bool dlg_strmap_add(dlg_strmap *m, const char *key, size_t len, uint64_t value);

/* The value of key[0..len) into *value (when not NULL); false when absent. */
bool dlg_strmap_get(const dlg_strmap *m, const char *key, size_t len, uint64_t *value);

/* The value of key i, to read or change. */
uint64_t *dlg_strmap_value(dlg_strmap *m, size_t i);

/* Number of keys; key i (NUL-terminated, owned by m, valid until
 * dlg_strmap_free) and its length. */
size_t dlg_strmap_size(const dlg_strmap *m);
const char *dlg_strmap_key(const dlg_strmap *m, size_t i);
size_t dlg_strmap_len(const dlg_strmap *m, size_t i);

#endif
