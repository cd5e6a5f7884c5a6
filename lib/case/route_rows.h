/* Routing a stream of registrations or items (dlg-route, issue 4): one item
 * row per question of each accepted registration, with the field, the
 * department, its level, the action and the date sent; a department set by
 * hand in items is kept (rule = manual). The decisions come from a
 * dlg_router (case/router.h); this module handles the rows and the columns. */
#ifndef DLG_CASE_ROUTE_ROWS_H
#define DLG_CASE_ROUTE_ROWS_H

#include <stdbool.h>
#include <stddef.h>

#include "fmt/csv.h"
#include "case/router.h"

/* One routed question as written to the output. Everything points into the
 * routing's buffers and the reader's row: valid only during the callback. */
typedef struct {
	const char *file;         /* the input's name, for messages */
	long line;                /* the input line of the row */
	const char *const *names; /* output header (names as in the input) */
	const char *const *vals;  /* output row, n cells */
	size_t n;
	/* the routing's own cells of this row */
	const char *item_id, *kind, *text, *field, *dept, *level, *action, *rule, *cc, *note, *sent;
} dlg_routed;

/* Called for each item row written; false stops the run (after its own
 * diagnostic). */
typedef bool (*dlg_routed_fn)(void *ctx, const dlg_routed *it);

typedef struct dlg_routing dlg_routing;

/* Routing of the rows of in (registrations or items, told apart by their
 * columns) with router r; sent is the ISO date stamped on rows without one.
 * r and in are not owned and must outlive the routing. NULL after a
 * diagnostic naming the file when in is neither. Free with
 * dlg_routing_free. */
dlg_routing *dlg_routing_new(dlg_router *r, dlg_csv_reader *in, const char *sent);
void dlg_routing_free(dlg_routing *g);

/* True when the items record already has the items of registration reg_id
 * (item_id is NULL) or, for items read as input, the item item_id. */
typedef bool (*dlg_routing_has_fn)(void *ctx, const char *reg_id, const char *item_id);

/* Before dlg_routing_run: rows for which has says true are not routed
 * again (counted by dlg_routing_kept). */
void dlg_routing_skip(dlg_routing *g, dlg_routing_has_fn has, void *ctx);
size_t dlg_routing_kept(const dlg_routing *g);

/* Read every row of the input, write the header and the item rows to out
 * (NULL: no CSV) and pass each item row to fn (may be NULL). false after a diagnostic
 * naming file and line (an unknown department, a registration without
 * reg_id, bad CSV); rows before it were written. */
bool dlg_routing_run(dlg_routing *g, dlg_csv_writer *out, dlg_routed_fn fn, void *ctx);

/* Say on stderr how many registrations were not routed (by status) and
 * how many accepted ones had no question; nothing when there are none. */
void dlg_routing_report(const dlg_routing *g);

#endif
