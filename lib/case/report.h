/* The figures of the results report (báo cáo kết quả): registrations by
 * channel, status and village; questions by field, department, action and
 * kind; answers on time per department; villages with no accepted
 * participant. Rows are streamed and counted under their keys, so memory
 * grows with the number of fields, departments and villages (and answers),
 * not with the number of rows. Several case folders or files with a
 * `commune` column add up. */
#ifndef DLG_CASE_REPORT_H
#define DLG_CASE_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "case/folder.h"
#include "base/date.h"
#include "case/answers.h"

typedef struct {
	const char *session; /* count only this session, or NULL for all */
	dlg_day today;
	bool names;       /* keep the participants' names for a list */
	bool phones;      /* ... with their phone numbers masked (--public) */
	const char *from; /* input encoding, or NULL */
} dlg_report_opts;

typedef struct dlg_report dlg_report;

/* An empty report; opts is copied (its strings must outlive the report). */
dlg_report *dlg_report_new(const dlg_report_opts *opts);
/* The options the report was made with (owned by r). */
const dlg_report_opts *dlg_report_options(const dlg_report *r);
void dlg_report_free(dlg_report *r);

/* ---- feeding the figures (what dlg_report_add_case does for each row) ---- */

/* A commune and its villages, residential clusters and street groups in
 * their official order (copied). Coverage is checked only for communes
 * added here. Adding a commune twice adds its villages once. */
void dlg_report_add_commune(dlg_report *r, const char *commune, const char *const *villages,
                            size_t nvillages);

/* A conference of a commune (from sessions.csv) and whether its village
 * coverage is checked: never (cancelled), only when it has registrations
 * (a session still ahead), or always (given with --session, or already
 * held). date may be 0 when unknown. */
typedef enum { DLG_COVER_NEVER, DLG_COVER_IF_USED, DLG_COVER_ALWAYS } dlg_cover;
void dlg_report_add_session(dlg_report *r, const char *commune, const char *session, dlg_day date,
                            dlg_cover cover);

/* The display names of department codes and field codes (copied; the first
 * name given for a code wins). Departments are listed in the order their
 * names are first given. */
void dlg_report_name_dept(dlg_report *r, const char *dept, const char *name);
void dlg_report_name_field(dlg_report *r, const char *field, const char *name);

/* One registration. Strings are borrowed for the call; NULL means "". */
typedef struct {
	const char *commune, *session, *village, *channel, *status;
	const char *reg_id, *name, *organization, *phone;
} dlg_report_reg;

/* Count a registration (skipped when it belongs to another session). */
void dlg_report_registration(dlg_report *r, const dlg_report_reg *g);

/* One question (item). answer_days: days from sending to the first answer,
 * or -1 when not answered. */
typedef struct {
	const char *commune, *session, *village, *field, *dept, *action, *kind;
	dlg_item_state state;
	long answer_days;
} dlg_report_item;

/* Count an item (skipped when it belongs to another session). */
void dlg_report_item_add(dlg_report *r, const dlg_report_item *it);

/* ---- reading a case folder ---- */

/* Read one case folder into the report: its commune name (dlg.conf
 * [office] commune), villages, sessions, department and field names, and
 * its records: registrations, answers and items, streamed. `files`, when
 * nfiles > 0, are read instead of the folder's records; each is taken for
 * registrations, items or answers by its header (items have `item_id` and
 * `kind`; answers `item_id` without `kind`; registrations `reg_id`).
 * A `commune` column in a row names its commune. Due dates follow the
 * folder's rules and holidays (dlg-deadline's). false after diagnostics
 * naming file and line. */
bool dlg_report_add_case(dlg_report *r, const dlg_case *c, const char *const *files, size_t nfiles);

/* True when the session id was added with dlg_report_add_session. */
bool dlg_report_knows_session(const dlg_report *r, const char *session);

/* ---- results ---- */

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

/* Call fn for each village with no accepted participant in a session whose
 * coverage is checked; returns how many there are. fn may be NULL. */
typedef void (*dlg_report_gap_fn)(void *ctx, const char *commune, const char *session,
                                  const char *village);
size_t dlg_report_coverage_gaps(const dlg_report *r, dlg_report_gap_fn fn, void *ctx);

/* Totals, for documents and tests. */
typedef struct {
	long registrations, accepted, late, incomplete, duplicate, individuals, organizations;
	long questions, procedure, handling, answer, escalate, redirect, review;
	long on_time, answered_late, overdue, not_due, answer_days_sum, answered;
	long communes, villages, villages_missing;
} dlg_report_totals;

void dlg_report_get_totals(const dlg_report *r, dlg_report_totals *t);

#endif
