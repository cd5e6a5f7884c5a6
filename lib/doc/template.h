/* Markdown document templates (DESIGN §6).
 *
 * A template is a front-matter block between "---" lines, then a Markdown
 * body parsed once with cmark. Placeholders are filled while the parsed tree
 * is drawn, so a value is always printed literally, never parsed:
 *
 *   {{column}}        the value of a column of the data row
 *   {{date:column}}   an ISO date printed "ngày 05 tháng 02 năm 2026"
 *   {{office.place}}  a dlg.conf value ([office], [signer], [numbering], [rules])
 *   {{today}}         today's date (ISO; {{date:today}} prints it the Vietnamese way)
 *   {{dots}}          a dotted line to write on, to the end of the line
 *
 * Front-matter keys (values may contain placeholders; lists are "- item"
 * lines under the key):
 *   frame: nd30 | form | minutes | none   the header (default nd30)
 *   type, summary          type name and summary under the header
 *   number                 "Số:" (e.g. "{{number}}/GM-UBND")
 *   letter_summary         a letter's "V/v ..." under the number
 *   agency_parent, agency_line1, agency_line2   the issuing body in the
 *                          header, when not dlg.conf's [office] (a unit's
 *                          document: the agency above it, then the unit)
 *   date: none | blank | ISO date or placeholder   (default: today)
 *   to                     "Kính gửi:" value, or a list of addressees
 *   recipients             the "Nơi nhận:" list
 *   signer: conf | none | custom   (custom: signer_lines list, signer_note,
 *                          signer_name); sign_date: none | blank | today;
 *                          sign_year: the year a blank sign_date prints
 *                          (default today's; dlg-pdf gives the field
 *                          next_conference_year for a form)
 *   sign_space             room to sign in points (default 72)
 *   qr, qr_caption         a QR code of this text with a caption, left of the
 *                          signature (where "Nơi nhận" goes on letters)
 *   left_title, left_name, right_title, right_name   (frame: minutes; its
 *                          recipients go under the left block, form 1.9)
 *   footnotes              lines printed small after the signature
 *   title                  the PDF's title (default: the type name)
 *
 * Fenced blocks drawn by the engine (the info string names them):
 *   ```table NAME     a table from the data table NAME: first line the
 *                     header cells separated by "|", second line the row
 *                     template, then optional lines "widths: 1 6 2",
 *                     "intro: text" (a body paragraph drawn just before
 *                     the table, placeholders filled) and "empty: omit" (a
 *                     table with no rows is left out, with its intro);
 *                     {{stt}} is the row number
 *   ```qr [MM]        a QR code of the block's first line (MM millimetres,
 *                     default 28), the following lines printed beside it
 *   ```dots N         N dotted lines to write on
 *   ```NAME ARG       any other name: the caller's dlg_tmpl_data.block, if it
 *                     takes it (e.g. dlg-report's charts)
 *
 * A list item of the form "{{each:NAME}}text" (e.g. in recipients) stands
 * for one entry per row of table NAME, text filled with that row's columns.
 * Other fenced or indented code prints as plain lines. Raw HTML is ignored. */
#ifndef DLG_DOC_TEMPLATE_H
#define DLG_DOC_TEMPLATE_H

#include <stdbool.h>
#include <stddef.h>

#include "fmt/conf.h"
#include "base/date.h"
#include "case/folder.h"
#include "doc/layout.h"
#include "doc/nd30.h"

typedef struct dlg_tmpl dlg_tmpl;

/* The value of a named field, or NULL when there is no such field. The
 * returned string must stay valid while the document is drawn. */
typedef const char *(*dlg_tmpl_get_fn)(void *ctx, const char *name);

/* Rows of a named table for a ```table block. */
typedef struct {
	size_t nrows;
	/* the value of column col in row i, NULL when there is no such column */
	const char *(*get)(void *ctx, size_t i, const char *col);
	void *ctx;
} dlg_tmpl_rows;

/* Look up table name; false when there is no such table. */
typedef bool (*dlg_tmpl_table_fn)(void *ctx, const char *name, dlg_tmpl_rows *out);

typedef struct {
	dlg_tmpl_get_fn get; /* fields of the data row (may be NULL) */
	void *ctx;
	dlg_tmpl_table_fn table; /* named tables (may be NULL) */
	void *table_ctx;
	const dlg_conf *conf;
	dlg_day today;
	/* other fenced blocks "```NAME ARG": drawn by block(block_ctx, l, NAME,
	 * ARG) when it returns true, else printed as plain lines (may be NULL) */
	bool (*block)(void *ctx, dlg_lay *l, const char *name, const char *arg);
	void *block_ctx;
	/* the signature and seal images for the signer of dlg.conf ("signer:
	 * conf"), for a document to be signed digitally; NULL: paper */
	const dlg_nd30_stamp *stamp;
} dlg_tmpl_data;

/* Read and parse the template at path. NULL after a diagnostic naming the
 * file and line (bad front matter, invalid UTF-8). Free with dlg_tmpl_free. */
dlg_tmpl *dlg_tmpl_load(const char *path);
/* Parse a template held in memory; name is used in messages. */
dlg_tmpl *dlg_tmpl_parse(const char *name, const char *text, size_t len);
void dlg_tmpl_free(dlg_tmpl *t);

/* The raw front-matter value of key (placeholders not filled), or NULL.
 * Owned by t. */
const char *dlg_tmpl_meta(const dlg_tmpl *t, const char *key);

/* Fill a string that may contain placeholders (no Markdown) with d's values;
 * malloc'd, the caller frees it. NULL after a diagnostic naming the template
 * and line when a placeholder has no value. */
char *dlg_tmpl_fill(const dlg_tmpl *t, const char *s, long line, const dlg_tmpl_data *d);

/* Draw the whole document (frame, body, signature) onto l. false after
 * diagnostics naming template and line for every placeholder with no value
 * or unknown table; the layout may then hold a partial document. */
bool dlg_tmpl_render(const dlg_tmpl *t, dlg_lay *l, const dlg_tmpl_data *d);

/* The front-matter value of key filled with d's values (malloc'd; the
 * caller frees it); NULL when the key is absent, or after a diagnostic
 * naming the template line when a placeholder has no value. Templates use
 * extra keys for phrases the command puts together. */
char *dlg_tmpl_meta_fill(const dlg_tmpl *t, const char *key, const dlg_tmpl_data *d);

/* The front-matter list under key (a single value counts as a list of one),
 * each item filled with d's values and "{{each:NAME}}" items expanded;
 * the count goes to *n. A malloc'd array of malloc'd strings the caller
 * frees; NULL with *n = 0 when the key is absent or empty, or after a
 * diagnostic naming the template line when a placeholder has no value. */
char **dlg_tmpl_meta_list(const dlg_tmpl *t, const char *key, const dlg_tmpl_data *d, size_t *n);

/* Draw Markdown text (e.g. an answer written by a department) as body
 * paragraphs and lists indented by indent points. The text prints
 * literally: no placeholders, no engine blocks; raw HTML is dropped. */
void dlg_md_draw(dlg_lay *l, const char *markdown, double indent);

/* The "Nơi nhận" entries of the front matter ("recipients"), filled and
 * joined by spaces ("Như trên; Lưu: VT, VP."), for the outgoing register;
 * "" when there are none. malloc'd; NULL after a diagnostic. */
char *dlg_tmpl_recipients(const dlg_tmpl *t, const dlg_tmpl_data *d);

/* The document title for the PDF Info (front matter "title" or "type"),
 * filled; malloc'd. */
char *dlg_tmpl_title(const dlg_tmpl *t, const dlg_tmpl_data *d);

/* The case's template `name` (its templates/ folder, else share's) read
 * and parsed. NULL after a diagnostic: none found, or what dlg_tmpl_load
 * says. Free with dlg_tmpl_free. */
dlg_tmpl *dlg_case_tmpl_load(const dlg_case *c, const char *name);

#endif
