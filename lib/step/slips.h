/* Transfer slips (phiếu chuyển): what dlg-route forwards to each department.
 *
 * The slip proper is a Decree 30 letter (công văn) of the commune to one
 * department, drawn from the template phieu-chuyen (share/templates/, or the
 * case folder's templates/): the questions it must answer, with who asked
 * and the due date (DESIGN §7), and the questions it is copied on. The
 * transfer list is the same content as CSV, one file per department, for a
 * spreadsheet. Both are written atomically, one file per department. */
#ifndef DLG_STEP_SLIPS_H
#define DLG_STEP_SLIPS_H

#include <stdbool.h>

#include "case/folder.h"
#include "case/route_rows.h"

/* ---- transfer lists (CSV) ---- */

typedef struct dlg_slip_lists dlg_slip_lists;

/* Lists written into dir (made when missing): DEPT.csv with the columns
 * item_id, role (lead or copy), kind, field, action, text, reg_id, name,
 * organization, phone, email, address, village, sent, note. NULL after a
 * diagnostic when dir cannot be made. Finish with dlg_slip_lists_finish. */
dlg_slip_lists *dlg_slip_lists_new(const char *dir);

/* Add a routed item to its department's list and to the lists of the
 * departments in its cc (a dlg_routed_fn; ctx is the dlg_slip_lists). */
bool dlg_slip_lists_add(void *ctx, const dlg_routed *it);

/* Put the lists in place when commit is true and nothing failed, else
 * remove the temporary files; frees s. false when a list was not written
 * (after a diagnostic) or commit was false. */
bool dlg_slip_lists_finish(dlg_slip_lists *s, bool commit);

/* ---- slips (PDF) ---- */

typedef struct dlg_slips dlg_slips;

/* Slips of case folder cs (not owned; it must outlive the slips) into dir:
 * the departments from its departments.csv, the template `tmpl` (NULL:
 * phieu-chuyen), the due dates from [rules] and holidays.csv, and the
 * letters' numbers from `number` (NULL: [numbering] slip; a number is
 * counted up from one department to the next, anything else is printed as
 * it is, empty leaves room to write it by hand). NULL after a diagnostic.
 * Free with dlg_slips_free. */
dlg_slips *dlg_slips_new(const dlg_case *cs, const char *dir, const char *tmpl, const char *number);

/* Take a routed item for the slips (a dlg_routed_fn; ctx is the
 * dlg_slips): items to answer, escalate or review go on the slip of their
 * department and, as copies, on the slips of the departments in cc;
 * redirected items (complaints, denunciations) are not forwarded. The
 * item's strings are copied. false after a diagnostic naming file and line
 * (a department not in departments.csv, a sent date that is not a date). */
bool dlg_slips_add(void *ctx, const dlg_routed *it);

/* Draw one slip per department that has items, in the order of
 * departments.csv, into dir/DEPT.pdf (dlg_safe_filename of the code), each
 * through a temporary file renamed into place. false after a diagnostic;
 * slips already written stay. */
bool dlg_slips_write(dlg_slips *s);

void dlg_slips_free(dlg_slips *s);

#endif
