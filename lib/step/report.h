/* The results report written out (dlg-report): CSV tables, the Markdown
 * summary, the formal report as a PDF, and the command's run function. The
 * figures themselves are counted by case/report_count. */
#ifndef DLG_STEP_REPORT_H
#define DLG_STEP_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "case/folder.h"
#include "case/report_count.h"

/* The tables --table knows, NULL-terminated: fields, departments, villages,
 * channels, timeliness, coverage, participants. */
extern const char *const dlg_report_tables[];

/* Write table `name` as CSV to f (excel: BOM, CRLF, formulas guarded).
 * false when there is no such table, or on a write error (reported). */
bool dlg_report_write_table(dlg_report *r, const char *name, FILE *f, bool excel);

/* The rows of table `name`, header first, as --table writes them: fn(ctx,
 * cells, n) for each (cells are valid during the call only). false when
 * there is no such table. */
typedef void (*dlg_report_row_fn)(void *ctx, const char *const *cells, size_t n);
bool dlg_report_rows(dlg_report *r, const char *name, dlg_report_row_fn fn, void *ctx);

/* The summary in Vietnamese Markdown: headings, sentences and tables; the
 * list of participants with opts.names. Citizens' text is escaped. */
void dlg_report_write_markdown(dlg_report *r, FILE *f);

/* The formal report as a PDF at path ("-": standard output): the template
 * bao-cao.md (case folder's templates/, else share/templates/) filled with
 * the figures, tables and two bar charts (questions per field; on-time
 * rate per department). number: "Số" (NULL or "": [numbering] report, else
 * left blank to write by hand). c gives dlg.conf and sessions.csv. Returns
 * the exit status (0, or 2 after diagnostics). */
int dlg_report_write_pdf(dlg_report *r, const dlg_case *c, const char *path, const char *number);

/* What dlg-report was asked for (strings borrowed). */
typedef struct {
	const char *const *dirs; /* case folders to add up (ndirs 0: the one found) */
	size_t ndirs;
	const char *const *files; /* records read instead of the folder's (one folder) */
	size_t nfiles;
	const char *session, *table, *today, *from, *pdf, *number;
	bool excel, markdown, check, names, public_;
} dlg_report_cmd;

/* dlg-report: count every case folder (or the files), then write the table,
 * the summary and the PDF asked for, and with check list the villages with no
 * accepted participant. Returns the exit status: DLG_EXIT_OK, DLG_EXIT_FOUND
 * (check found a village), DLG_EXIT_ERROR after diagnostics. */
int dlg_report_run(const dlg_report_cmd *o);

#endif
