/* Tables written as Excel workbooks (libxlsxwriter) for clerks who open
 * them in Excel: every cell text, so phone numbers and ids keep their
 * leading zeros and nothing is read as a formula or a date. */
#ifndef DLG_FMT_XLSXOUT_H
#define DLG_FMT_XLSXOUT_H

#include <stdbool.h>
#include <stddef.h>

typedef struct dlg_xlsx_writer dlg_xlsx_writer;

/* Start a workbook of one sheet named sheet (NULL: "dlg") that replaces the
 * file at path atomically when finished (a new file is mode 0600: it may
 * hold personal data). NULL after a diagnostic. */
dlg_xlsx_writer *dlg_xlsx_writer_new(const char *path, const char *sheet);

/* Add a cell to the current row (the first row is the header, in bold and
 * frozen); NULL is empty. */
void dlg_xlsx_write_field(dlg_xlsx_writer *w, const char *s);
void dlg_xlsx_end_row(dlg_xlsx_writer *w);

/* Write the workbook and put it in place; false after a diagnostic naming
 * the file (the old file, if any, is left whole). Frees w. */
bool dlg_xlsx_writer_finish(dlg_xlsx_writer *w);

/* Give up: no file is written (an old one stays). Frees w. */
void dlg_xlsx_writer_abort(dlg_xlsx_writer *w);

#endif
