/* What the documents after a conference share (dlg-minutes, dlg-reply):
 * named fields for the templates, phrases taken from the template's front
 * matter (so the office can reword them) with built-in defaults, and the
 * paragraphs that quote a question and its answers. */
#ifndef DLG_STEP_CONFDOC_H
#define DLG_STEP_CONFDOC_H

#include <stdbool.h>
#include <stddef.h>

#include "doc/layout.h"
#include "doc/template.h"
#include "fmt/notes.h"
#include "case/conference.h"
#include "case/folder.h"
#include "case/sessions.h"

/* A set of named string fields (names and values copied and owned). */
typedef struct dlg_fields {
	char **name, **val;
	size_t n;
	const struct dlg_fields *next; /* looked up when a name is not here */
} dlg_fields;

/* Set name to the printf-formatted value (replacing an earlier value). */
void dlg_fields_set(dlg_fields *f, const char *name, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* The value of name, or NULL. Usable as a dlg_tmpl_get_fn (ctx: the fields). */
const char *dlg_fields_get(void *f, const char *name);
/* Empty the set (keeps nothing). */
void dlg_fields_free(dlg_fields *f);

/* Template data that reads its fields from f, for the case's dlg.conf and
 * today, with the fenced blocks drawn by block(block_ctx, ...) (block may be
 * NULL); no tables and no stamp (the caller sets them). f is borrowed. */
dlg_tmpl_data dlg_fields_data(dlg_fields *f, const dlg_conf *conf, dlg_day today,
                              bool (*block)(void *ctx, dlg_lay *l, const char *name,
                                            const char *arg),
                              void *block_ctx);

/* The fields every document of a session has: session_id, session_date
 * (ISO), session_year, session_round ("lần 1": the session's rank among
 * the year's in sessions.csv), session_weekday, session_time_vi ("08 giờ
 * 00 phút"), session_venue, session_chair, session_secretary, session_note
 * (sessions.csv note, e.g. why it was cancelled), chair_name, chair_title,
 * secretary_name, start_time_vi and end_time_vi (from the notes when they
 * give them, else the planned time and a blank "… giờ … phút"), number.
 * notes may be NULL. */
void dlg_fields_session(dlg_fields *f, const dlg_sessions *ss, const dlg_session *s,
                        const dlg_notes *notes, const char *number);

/* The phrase under key in t's front matter, else def, filled with d's
 * fields (malloc'd). NULL after a diagnostic naming the template line when
 * a placeholder has no value. */
char *dlg_phrase(const dlg_tmpl *t, const char *key, const char *def, const dlg_tmpl_data *d);

/* A paragraph of body text in one style (bold label, italic quote, ...);
 * keep_with_next keeps it on the page of what follows. */
void dlg_doc_para(dlg_lay *l, int style, const char *text, bool keep_with_next, double indent);

/* A paragraph that starts with a bold label followed by plain text. */
void dlg_doc_labelled(dlg_lay *l, const char *label, const char *text, double indent);

/* Fields of one question for phrases, looked up before the document's own
 * (next): stt, item_id, kind (the part of the form), text, asker (name and
 * village), dept, dept_name, note (routing guidance), higher_name (where an
 * escalated question goes), due (ISO), and, per answer, by_name. */
void dlg_fields_item(dlg_fields *f, const dlg_sessdata *sd, const dlg_sd_item *it, size_t stt);

/* "Nguyễn Văn An, Thôn 3" (the organisation too when there is one). malloc'd. */
char *dlg_sd_asker(const dlg_sd_person *p);

#endif
