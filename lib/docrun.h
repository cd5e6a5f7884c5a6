/* Running a batch of documents: CSV rows read whole, safe file names, and
 * writing the documents either into one print-ready PDF or one file each,
 * spread over the machine's cores by forked workers. */
#ifndef DLG_DOCRUN_H
#define DLG_DOCRUN_H

#include <stdbool.h>
#include <stddef.h>

#include "casedir.h"
#include "date.h"
#include "layout.h"
#include "mdtemplate.h"
#include "pdf.h"
#include "table.h"

/* Read the CSV at path ("-" or NULL: standard input) whole into t, converting
 * from the iconv encoding `from` when not NULL. Column names are canonical
 * (Vietnamese aliases mapped). false after a diagnostic with file and line.
 * Free with dlg_table_free. */
bool dlg_rows_load(dlg_table *t, const char *path, const char *from);

/* The value of column name in row, or NULL when the table has no such column. */
const char *dlg_rows_get(const dlg_table *t, size_t row, const char *name);

/* A file name made from s: NFC, no "/", "\", control or shell-special
 * characters, white space as "_", no leading "." or "-", at most max bytes
 * (cut on a character boundary). May be empty. malloc'd; the caller frees it. */
char *dlg_safe_filename(const char *s, size_t max);

/* Make names[0..n) distinct by appending "-2", "-3", ... to repeats (before
 * the extension ext, which each name ends with). Strings are replaced. */
void dlg_unique_names(char **names, size_t n, const char *ext);

/* PDF file names for n documents: key(ctx, i) (NULL taken as "") made safe
 * by dlg_safe_filename (at most 100 bytes) with ".pdf", or "0001.pdf", ...
 * when that leaves nothing; repeats made distinct by dlg_unique_names. A
 * malloc'd array of n malloc'd names; free with dlg_names_free. */
char **dlg_pdf_names(size_t n, const char *(*key)(void *ctx, size_t i), void *ctx);

/* Free names[0..n) and the array (NULL: nothing). */
void dlg_names_free(char **names, size_t n);

/* The case's template `name` (its templates/ folder, else share's) read
 * and parsed. NULL after a diagnostic: none found, or what dlg_tmpl_load
 * says. Free with dlg_tmpl_free. */
dlg_tmpl *dlg_case_tmpl_load(const dlg_case *c, const char *name);

/* Draw document i onto l (whose pages go to pdf, already titled and dated
 * by the batch; the function may change the title). false after a
 * diagnostic: the batch stops with status 2. */
typedef bool (*dlg_batch_fn)(void *ctx, size_t i, dlg_pdf *pdf, dlg_lay *l);

typedef struct {
	const char *one_file;     /* all documents into this file ("-": stdout), or NULL */
	const char *dir;          /* one file per document in this folder, or NULL */
	const char *const *names; /* file names in dir, one per document */
	const char *title;        /* PDF title */
	dlg_day today;            /* creation date written into the PDF */
	dlg_fonts *fonts;
} dlg_batch;

/* Make n documents as b says. Workers: $DLG_JOBS, else the number of
 * cores (at most 8); used only for one-file-each output of many documents.
 * Returns the exit status (0, or 2 after diagnostics). */
int dlg_batch_run(const dlg_batch *b, size_t n, dlg_batch_fn fn, void *ctx);

#endif
