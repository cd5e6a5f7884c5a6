/* Where registration forms come from: CSV files, Excel workbooks, e-mail
 * messages and maildir folders, each read as rows whose columns are matched
 * to the register's fields (headers as people write them, --map, [intake]). */
#ifndef DLG_CASE_SOURCES_H
#define DLG_CASE_SOURCES_H

#include <stdbool.h>
#include <stddef.h>

#include "case/intake.h"
#include "fmt/header.h"

typedef struct {
	const char *from;          /* --from encoding of CSV input, or NULL */
	const char *sheet;         /* --sheet: the workbook's sheet to read, or NULL */
	const dlg_header_map *map; /* --map and [intake], or NULL */
} dlg_source_opts;

typedef struct dlg_form_source dlg_form_source;

/* One form as its source gave it. */
typedef struct {
	const char *const *cell;    /* every column of the source, cell[0..ncols) */
	const char *raw[REG_NCOLS]; /* the register's fields ("" when absent) */
	const char *file;           /* for messages: the file (or message) ... */
	long line;                  /* ... and its line or row */
	const char *manual;         /* a note asking for manual entry, or NULL */
} dlg_form_row;

/* Open what path holds ("-" or NULL: CSV on standard input): a CSV file, an
 * .xlsx workbook, an .eml message, or a folder of messages (a maildir with
 * cur/ and new/, or .eml files); a message's CSV and XLSX attachments are
 * sources of their own. Appends the sources to *list (*n of them; the caller
 * closes them). A header with no name column or no question column is
 * refused. false after a diagnostic naming the file. */
bool dlg_sources_open(const char *path, const dlg_source_opts *o, dlg_form_source ***list,
                      size_t *n);

/* The source's name for messages. */
const char *dlg_source_name(const dlg_form_source *s);

/* Its columns: how many, and the name of column i in the output (the
 * field's English name when it names one, else the header as written). */
size_t dlg_source_ncols(const dlg_form_source *s);
const char *dlg_source_column(const dlg_form_source *s, size_t i);

/* True for an online-form export (a "Dấu thời gian"/"Timestamp" column):
 * its forms came online unless they say otherwise. */
bool dlg_source_online(const dlg_form_source *s);

/* True for a part of a mail folder, which may hold no forms. */
bool dlg_source_may_be_empty(const dlg_form_source *s);

/* The next form: 1 and *row filled (valid until the next call), 0 at the
 * end, -1 after a diagnostic. A phone stored as a number in a workbook
 * (912345678) gets back its leading zero. */
int dlg_source_next(dlg_form_source *s, dlg_form_row *row);

void dlg_source_close(dlg_form_source *s);

/* Check a --map or [intake] entry's field: true when field names a column of
 * the register or is "-" (no field); else false after a diagnostic naming
 * where (e.g. "--map" or "dlg.conf:12"). */
bool dlg_source_map_field_ok(const char *field, const char *where);

#endif
