/* The closure record (closures.csv; dlg.conf [files] closures): items that
 * the plan closes with a document of the commune rather than with a
 * department's answer. A redirected item (complaint, denunciation,
 * dispute, other matter) is closed by the guidance letter dlg-reply writes
 * (plan III.2); an escalated item by the report to the higher level (plan
 * II.3, "tổng hợp báo cáo cấp trên"). Columns, in order:
 *
 *   item_id   the item closed (items.csv)
 *   date      the day the document was issued, YYYY-MM-DD
 *   how       guidance | escalated
 *   number    the document's number and symbol as printed ("15/UBND-VP"),
 *             "" when it is numbered by hand
 *   document  the document's file (or a short description)
 *
 * Staff may add columns; they are kept. A closed item counts as handled on
 * its closure date wherever answers count (dlg_answers: dlg-deadline's
 * states and reminders, dlg-report's figures), so it is neither overdue
 * nor reminded. The record is updated like every record: atomically, under
 * the lock of its folder; an item already closed the same way keeps its row
 * (the first closure wins), so issuing the same document again changes
 * nothing.
 *
 * Callers: dlg-reply (guidance letters), the report to the higher level
 * (escalated items). */
#ifndef DLG_CASE_CLOSURES_H
#define DLG_CASE_CLOSURES_H

#include <stdbool.h>
#include <stddef.h>

#include "base/date.h"
#include "case/answers.h"
#include "case/folder.h"

/* How an item was closed (the `how` column). */
#define DLG_CLOSED_GUIDANCE "guidance"
#define DLG_CLOSED_ESCALATED "escalated"

/* One closure to record. Strings are borrowed for the call. */
typedef struct {
	const char *item_id;
	const char *how;      /* DLG_CLOSED_GUIDANCE or DLG_CLOSED_ESCALATED */
	dlg_day date;         /* the day the document was issued */
	const char *number;   /* number and symbol as printed, or "" / NULL */
	const char *document; /* file name or description, or "" / NULL */
} dlg_closure;

/* The path of the case's closure record ([files] closures), malloc'd. */
char *dlg_closures_path(const dlg_case *c);

/* Add the n closures v to the record at path (made when missing; NULL:
 * the case's), under its folder's lock, atomically. An item that already
 * has a row with the same `how` keeps it. *added (may be NULL) gets the
 * number of rows added. false after a diagnostic; the record is then
 * unchanged. */
bool dlg_closures_record(const dlg_case *c, const char *path, const dlg_closure *v, size_t n,
                         size_t *added);

/* Read the closure record at path (NULL: the case's; a missing file has
 * no closures) into a: each closed item counts as answered on its closure
 * date (the earliest of its answers and closures wins). Bad dates, an
 * unknown `how` and rows without item_id are errors naming file and line.
 * false after diagnostics. */
bool dlg_closures_load(dlg_answers *a, const dlg_case *c, const char *path);

/* The same, only the closures made one way (how: DLG_CLOSED_GUIDANCE or
 * DLG_CLOSED_ESCALATED), e.g. to leave out of a letter what a guidance
 * letter answered already. */
bool dlg_closures_load_how(dlg_answers *a, const dlg_case *c, const char *path, const char *how);

#endif
