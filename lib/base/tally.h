/* Counters keyed by short strings (a field code, a department, a village):
 * memory grows with the number of distinct keys, never with the rows
 * counted. */
#ifndef DLG_BASE_TALLY_H
#define DLG_BASE_TALLY_H

#include <stddef.h>

typedef struct dlg_tally dlg_tally;

/* A tally whose rows hold ncounts counters each (all starting at 0). */
dlg_tally *dlg_tally_new(size_t ncounts);
void dlg_tally_free(dlg_tally *t);

/* The counters of key[0..len), made (zeroed, at the next index) when the
 * key is new. The array belongs to t and stays valid until the next new key
 * is added. */
long *dlg_tally_at(dlg_tally *t, const char *key, size_t len);

/* Index of key[0..len), or -1 when it was never added. */
long dlg_tally_find(const dlg_tally *t, const char *key, size_t len);

/* Number of keys, and key i (NUL-terminated, owned by t) with its counters;
 * keys keep the order in which they were first added. */
size_t dlg_tally_size(const dlg_tally *t);
const char *dlg_tally_key(const dlg_tally *t, size_t i);
long *dlg_tally_counts(const dlg_tally *t, size_t i);

/* A label for key i (e.g. a department's name): copied; NULL clears it.
 * dlg_tally_label returns it, or NULL when it has none. */
void dlg_tally_set_label(dlg_tally *t, size_t i, const char *label);
const char *dlg_tally_label(const dlg_tally *t, size_t i);

#endif
