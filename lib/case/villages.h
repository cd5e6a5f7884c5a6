/* Villages, residential clusters and street groups (villages.csv) and
 * finding them in what people write. */
#ifndef DLG_CASE_VILLAGES_H
#define DLG_CASE_VILLAGES_H

#include <stddef.h>

#include "case/folder.h"

typedef struct dlg_villages dlg_villages;

/* Read the case folder's villages.csv (or share/data's); NULL after a
 * diagnostic on error. With no file at all, an empty list. */
dlg_villages *dlg_villages_load(const dlg_case *c);
void dlg_villages_free(dlg_villages *v);

size_t dlg_villages_count(const dlg_villages *v);
/* Name and head of village i (owned by v). */
const char *dlg_villages_name(const dlg_villages *v, size_t i);

/* The village whose name or an alias equals text (accent-, case- and
 * spacing-insensitive), or NULL. Returns v's own name string. */
const char *dlg_villages_match(const dlg_villages *v, const char *text);

/* The village whose name or alias occurs in an address at word boundaries
 * (the longest such), or NULL. */
const char *dlg_villages_find_in(const dlg_villages *v, const char *address);

#endif
