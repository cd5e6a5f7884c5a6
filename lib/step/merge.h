/* The mail-merge step (dlg-pdf): a Markdown template filled from the rows of
 * a CSV file (or once, without data) and laid out as Decree 30 documents,
 * into one PDF or one PDF per row in a folder. */
#ifndef DLG_STEP_MERGE_H
#define DLG_STEP_MERGE_H

#include <stdbool.h>
#include <stddef.h>

#include "case/folder.h"

/* At most this many --table NAME=CSV options. */
#define DLG_MERGE_MAX_TABLES 8

/* What dlg-pdf was asked for (strings borrowed). */
typedef struct {
	const char *tmpl;    /* a template file or name */
	const char *out;     /* the PDF or folder, NULL: standard output */
	bool to_dir;         /* out is a folder: one PDF per row */
	const char *csv;     /* the rows, or NULL: one document without data */
	const char *name_by; /* the column naming each file, or NULL: reg_id or the row number */
	const char *from;    /* the CSV files' encoding when not UTF-8, or NULL */
	const char *today;   /* --today, or NULL */
	const char *table[DLG_MERGE_MAX_TABLES]; /* "NAME=CSV" for ```table NAME blocks */
	size_t ntables;
	bool digital; /* to be signed digitally: signature and seal images (dlg.conf) */
} dlg_merge_opts;

/* dlg-pdf: load the template and the CSV files and write the documents.
 * Returns the exit status (DLG_EXIT_OK, or DLG_EXIT_ERROR after diagnostics). */
int dlg_merge_run(const dlg_case *cs, const dlg_merge_opts *o);

#endif
