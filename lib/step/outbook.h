/* dlg-outgoing: the outgoing register (sổ đăng ký văn bản đi, Decree 30
 * Appendix IV) listed as CSV or printed as a book: a cover page, then the
 * register's columns as a table, on A4 landscape. */
#ifndef DLG_STEP_OUTBOOK_H
#define DLG_STEP_OUTBOOK_H

#include <stdbool.h>

#include "case/folder.h"

typedef struct {
	long year;         /* only this year's numbers; 0: every year */
	const char *pdf;   /* print the book into this PDF ("-": standard output), or NULL */
	bool excel;        /* CSV for Excel (BOM, CRLF, formulas guarded) */
	const char *today; /* --today (the PDF's date), or NULL */
} dlg_outbook_opts;

/* List the register of cs (sorted by year, then in the order written) on
 * standard output as CSV, or print it as a book into o->pdf. Returns the
 * exit status: 0, or 2 after diagnostics (a bad register row with file and
 * line, a failed write). */
int dlg_outbook_run(const dlg_case *cs, const dlg_outbook_opts *o);

#endif
