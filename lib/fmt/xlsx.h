/* Excel workbooks (.xlsx, Office Open XML) read with libzip and expat:
 * one sheet as a table of text. */
#ifndef DLG_FMT_XLSX_H
#define DLG_FMT_XLSX_H

#include <stdbool.h>
#include <stddef.h>

#include "fmt/sheet.h"

/* Read the sheet named `sheet` (NULL: the first) of the workbook at path.
 * Its first non-empty row is the header. Shared and inline strings are text;
 * numbers are written without exponent or trailing zeros (912345678), and
 * marked numeric; cells with a date format become YYYY-MM-DD (with
 * " HH:MM:SS" when they hold a time); booleans TRUE/FALSE; formulas give
 * their cached value. NULL after a diagnostic naming the file. The caller
 * frees the sheet. */
dlg_sheet *dlg_xlsx_read(const char *path, const char *sheet);

/* The same from a workbook in memory (an e-mail attachment); name is used
 * in messages. */
dlg_sheet *dlg_xlsx_read_buffer(const void *data, size_t len, const char *name, const char *sheet);

/* True when data starts like a zip archive (an .xlsx under another name). */
bool dlg_xlsx_sniff(const void *data, size_t len);

#endif
