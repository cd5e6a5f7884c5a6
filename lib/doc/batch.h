/* Running a batch of documents: writing them either into one print-ready PDF
 * or one file each, spread over the machine's cores by forked workers. */
#ifndef DLG_DOC_BATCH_H
#define DLG_DOC_BATCH_H

#include <stdbool.h>
#include <stddef.h>

#include "base/date.h"
#include "doc/layout.h"
#include "doc/pdf.h"

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
