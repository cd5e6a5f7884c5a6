/* Issuing a document: its number from the outgoing register (case/outgoing.h),
 * with the register's columns (summary, recipients) taken from the document's
 * template. */
#ifndef DLG_STEP_ISSUE_H
#define DLG_STEP_ISSUE_H

#include <stdbool.h>

#include "case/outgoing.h"
#include "doc/template.h"

/* The summary (trích yếu) of the document t draws with d: its letter_summary
 * ("V/v ..."), else its summary, else its title. malloc'd; NULL after a
 * diagnostic naming the template line. */
char *dlg_issue_summary(const dlg_tmpl *t, const dlg_tmpl_data *d);

/* The document's "Nơi nhận" for the register: its recipients list
 * (dlg_tmpl_recipients) with "Như trên" (the addressee) replaced by the
 * addressee itself ("to"). malloc'd; NULL after a diagnostic. */
char *dlg_issue_recipients(const dlg_tmpl *t, const dlg_tmpl_data *d);

/* The abbreviation of a document type name (Decree 30, Appendix III):
 * "THÔNG BÁO" or "Thông báo" gives "TB", "GIẤY MỜI" "GM", ...; NULL for a
 * name the list does not have. Static. */
const char *dlg_issue_type_abbrev(const char *type_name);

/* The same type's name as the register writes it ("Thông báo"); NULL for a
 * name the list does not have. Static. */
const char *dlg_issue_type_display(const char *type_name);

/* Register one document drawn from t with d and set *out to its number.
 * doc gives the document's identity, type and date (its summary and
 * recipients, when NULL, come from t). number is --number or NULL. false
 * after a diagnostic; free out with dlg_outgoing_no_free. */
bool dlg_issue_one(const dlg_case *cs, const dlg_tmpl *t, const dlg_tmpl_data *d,
                   const dlg_outgoing_doc *doc, const char *number, dlg_outgoing_no *out);

#endif
