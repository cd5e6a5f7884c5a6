/* A table read whole from a source that is not CSV (an Excel sheet, the
 * forms found in e-mails), in the shape the CSV reader gives: a header and
 * rows of NFC UTF-8 text. */
#ifndef DLG_FMT_SHEET_H
#define DLG_FMT_SHEET_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
	char *name;       /* for messages: "forms.xlsx", "mail/cur/17..." (owned) */
	size_t ncols;     /* columns of the header; every row has as many cells */
	char **header;    /* owned */
	long header_line; /* the header's row, for messages (1 unless set) */
	size_t nrows;
	char ***cell;     /* cell[row][col] (owned) */
	bool **numeric;   /* numeric[row][col]: stored as a number (xlsx), or NULL */
	long *line;       /* row number for messages (the sheet's row, 1-based) */
	char **where;     /* per row: its own name for messages, or NULL (owned) */
	char **manual;    /* per row: a note for manual entry, or NULL (owned) */
	char **fallback;  /* per column name a default, see dlg_sheet_fallback */
	size_t nfallback; /* pairs in fallback: name, value (owned) */
} dlg_sheet;

/* An empty sheet named name with the given header (copied). */
dlg_sheet *dlg_sheet_new(const char *name, const char *const *header, size_t ncols);
void dlg_sheet_free(dlg_sheet *s);

/* Append a row of ncols cells (copied; NULL is ""); returns its index. */
size_t dlg_sheet_add_row(dlg_sheet *s, const char *const *cells, long line);

/* Mark cell (row, col) as stored as a number. */
void dlg_sheet_set_numeric(dlg_sheet *s, size_t row, size_t col);

/* Set a row's own name for messages, or its note for manual entry
 * (copied). */
void dlg_sheet_set_where(dlg_sheet *s, size_t row, const char *where);
void dlg_sheet_set_manual(dlg_sheet *s, size_t row, const char *note);

/* Make row `row` the header (its cells replace the header, which is dropped
 * with the rows before it): for sheets whose first rows are a title. */
void dlg_sheet_promote_header(dlg_sheet *s, size_t row);

/* A value the rows take for field `name` when the sheet has no such column
 * or the cell is empty (an attachment's rows take the message's date and
 * sender); copied. dlg_sheet_fallback_get returns it or NULL. */
void dlg_sheet_set_fallback(dlg_sheet *s, const char *name, const char *value);
const char *dlg_sheet_fallback_get(const dlg_sheet *s, const char *name);

#endif
