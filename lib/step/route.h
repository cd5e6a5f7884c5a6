/* The routing step (dlg-route, issue 4): registrations (or items) in, items
 * out on standard output, and the transfer slips (PDF and CSV) for the
 * departments. */
#ifndef DLG_STEP_ROUTE_H
#define DLG_STEP_ROUTE_H

#include <stdbool.h>

#include "case/folder.h"

/* What dlg-route was asked for (strings borrowed). */
typedef struct {
	const char *input;     /* registrations or items; NULL or "-": standard input */
	const char *from;      /* the input's encoding when not UTF-8, or NULL */
	bool excel;            /* CSV for Excel */
	const char *today;     /* --today, or NULL */
	const char *sent;      /* --sent (checked ISO date), or NULL: today */
	const char *routes;    /* the rules instead of the case's routes.csv, or NULL */
	const char *slips;     /* a transfer slip PDF per department here, or NULL */
	const char *slips_csv; /* a transfer list CSV per department here, or NULL */
	const char *session;   /* only this conference's questions on the slips, or NULL */
	const char *number;    /* the first slip's number, or NULL */
	const char *tmpl;      /* the slips' template, or NULL */
	const char *into;      /* the items record to add to (--into), or NULL */
} dlg_route_opts;

/* dlg-route: load departments.csv and the rules, route every row of the
 * input to standard output, write the slips, then say what was not routed.
 * With o->into, the items are added to that record instead (dlg_record:
 * under its folder's lock, atomically): only for registrations that have
 * no item there yet (items read as input: only item_ids not there yet);
 * every row already in the record stays as staff left it, and the slips
 * list only the items added. Running it again adds nothing.
 * Returns the exit status (DLG_EXIT_OK, or DLG_EXIT_ERROR after diagnostics). */
int dlg_route_run(const dlg_case *cs, const dlg_route_opts *o);

#endif
