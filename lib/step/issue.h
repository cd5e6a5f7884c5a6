/* Issuing a document: its number from the outgoing register (case/outgoing.h),
 * with the register's columns (summary, recipients) taken from the document's
 * template. */
#ifndef DLG_STEP_ISSUE_H
#define DLG_STEP_ISSUE_H

#include <stdbool.h>

#include "base/date.h"
#include "case/outgoing.h"
#include "doc/batch.h"
#include "doc/font.h"
#include "doc/template.h"
#include "step/confdoc.h"

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

/* Fill in *doc, the identity, type and date of document i, and set up the
 * template data that dlg_issue_many was given for drawing document i. */
typedef void (*dlg_issue_fill_fn)(void *ctx, size_t i, dlg_outgoing_doc *doc);

/* Register n documents drawn from t with d, in one go: fill(ctx, i, &doc)
 * is called for i = 0, 1, ... in order, then the document's summary and
 * recipients, unless fill set them, come from t with d (as dlg_issue_one).
 * number is --number (the first document's) or NULL. out has room for n
 * numbers; after true free them with dlg_outgoing_no_free(out, n). false
 * after a diagnostic, nothing registered and nothing to free in out. */
bool dlg_issue_many(const dlg_case *cs, const dlg_tmpl *t, const dlg_tmpl_data *d, size_t n,
                    dlg_issue_fill_fn fill, void *ctx, const char *number, dlg_outgoing_no *out);

/* One numbered document to issue and write (everything borrowed). */
typedef struct {
	const dlg_tmpl *t;      /* the document's template */
	const dlg_tmpl_data *d; /* its data, reading the field "number" from f */
	dlg_fields *f;          /* receives "number" once the register gave it */
	dlg_outgoing_doc doc;   /* identity, type and date for the register */
	const char *number;     /* --number, or NULL: the register's next */
	const char *out;        /* the PDF ("-": standard output) */
	dlg_day today;          /* the PDF's creation date */
	dlg_fonts *fonts;       /* NULL: made for this document and freed */
	const bool *ok;         /* the document is t rendered with d; it fails when *ok
	                           went false while drawing (a block the step draws
	                           could not be drawn); NULL: only rendering fails */
} dlg_issue_doc;

/* Issue x: reserve its number (dlg_issue_one), set the field "number",
 * then write the PDF x->out with the template's title. When symbol is not
 * NULL it receives the number's symbol (malloc'd, the caller frees it;
 * NULL when the number was not reserved). Returns the exit status: 0, or 2
 * after diagnostics (nothing reserved when the number failed). */
int dlg_issue_write(const dlg_case *cs, const dlg_issue_doc *x, char **symbol);

#endif
