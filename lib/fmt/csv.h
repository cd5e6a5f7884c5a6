/* Streaming CSV reading and writing on libcsv (DESIGN §4). */
#ifndef DLG_FMT_CSV_H
#define DLG_FMT_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define DLG_CSV_MAX_FIELD (1024 * 1024)

typedef struct {
	const char *from; /* iconv encoding of the input (--from), NULL for UTF-8 */
	size_t max_field; /* bytes; 0 means DLG_CSV_MAX_FIELD */
	size_t chunk;     /* bytes read at a time; 0 means 64 KiB (tests vary it) */
	bool keep_names;  /* header names as written: no aliases (the caller maps them) */
	FILE *stream;     /* read this open stream (not closed) instead of the path, which
	                     then only names it in messages */
} dlg_csv_opts;

/* One row. Fields are NUL-terminated, valid UTF-8, NFC, without NUL bytes;
 * they belong to the reader and stay valid until the next dlg_csv_next. */
typedef struct {
	char **field;
	size_t *len;
	size_t n;
	long line; /* line of the file where the row starts (1-based) */
} dlg_row;

typedef struct dlg_csv_reader dlg_csv_reader;

/* Open path ("-" or NULL: standard input) and read its header row. A BOM is
 * skipped and CRLF accepted. On failure prints "prog: file:line: ..." and
 * returns NULL. opts may be NULL. */
dlg_csv_reader *dlg_csv_open(const char *path, const dlg_csv_opts *opts);

/* The header row (owned by the reader, valid until dlg_csv_close). */
const dlg_row *dlg_csv_header(const dlg_csv_reader *r);

/* Index of the column whose header is name or one of its aliases
 * (dlg_column_canon), or -1. */
int dlg_csv_col(const dlg_csv_reader *r, const char *name);

/* Next data row: 1 and *row set, 0 at the end, -1 on an error already
 * reported with file and line. A row with more or fewer fields than the
 * header is DLG_CSV_BAD_ROW (below 0 too), reported with file and line; the
 * reader can go on with the next row (dlg-deadline --remind does, to remind
 * of every good row). */
#define DLG_CSV_BAD_ROW (-2)
int dlg_csv_next(dlg_csv_reader *r, const dlg_row **row);

/* The name used in messages for this input. */
const char *dlg_csv_name(const dlg_csv_reader *r);

void dlg_csv_close(dlg_csv_reader *r);

/* The canonical English name of a header (NFC): Vietnamese aliases of the
 * online form ("Họ và tên" → "name") are mapped, matching accent- and
 * case-insensitively; other names are returned as they are. The result is
 * static or name itself. */
const char *dlg_column_canon(const char *name);

typedef struct dlg_csv_writer dlg_csv_writer;

/* A writer on f (not closed by the writer). excel: BOM, CRLF and formula
 * guard (a cell starting with = + - @ tab or CR, not a plain number, gets a
 * leading '). A reader of a file with a BOM takes the guard off again. */
dlg_csv_writer *dlg_csv_writer_new(FILE *f, bool excel);

/* True when cell s is a guarded formula cell ("'=..."): what
 * dlg_csv_writer_new(f, true) writes for "=...". */
bool dlg_csv_guarded(const char *s);
/* A writer whose table goes to an Excel workbook at path instead, every
 * cell text (dlg_xlsx_writer_new); finish puts the file in place. NULL after
 * a diagnostic. */
dlg_csv_writer *dlg_csv_writer_xlsx(const char *path, const char *sheet);
void dlg_csv_write_field(dlg_csv_writer *w, const char *s);
void dlg_csv_end_row(dlg_csv_writer *w);
/* Write n fields and end the row; NULL fields are written empty. */
void dlg_csv_write_row(dlg_csv_writer *w, const char *const *fields, size_t n);
/* Flush and free; returns false (after a diagnostic naming `name`) when a
 * write failed, e.g. a full disk. */
bool dlg_csv_writer_finish(dlg_csv_writer *w, const char *name);

/* Finish a writer after an error in its input: the CSV is flushed, a
 * workbook is not written (an old file stays). Frees w. */
void dlg_csv_writer_discard(dlg_csv_writer *w);

/* Output columns for a command that adds its own columns to its input's:
 * the input's columns in order, each own column replaced in place when the
 * input has it, else appended (DESIGN §4). */
typedef struct {
	size_t n;          /* number of output columns */
	const char **name; /* output header; names point into the header/own */
	size_t n_own;
	size_t *own_at; /* own column k sits at output index own_at[k] */
	long *own_in;   /* ... and at input index own_in[k], or -1 */
} dlg_colplan;

void dlg_colplan_init(dlg_colplan *p, const dlg_row *header, const char *const *own, size_t n_own);
void dlg_colplan_free(dlg_colplan *p);

#endif
