/* The minutes (biên bản, Decree 30 form 1.9) and the chair's conclusion
 * notice (thông báo kết luận) of a held conference: the fields, tables and
 * parts that the templates bien-ban.md and thong-bao-ket-luan.md draw. */
#ifndef DLG_STEP_MINUTES_H
#define DLG_STEP_MINUTES_H

#include <stdbool.h>

#include "case/folder.h"
#include "case/holidays.h"
#include "doc/template.h"
#include "fmt/notes.h"
#include "case/conference.h"
#include "step/confdoc.h"
#include "case/sessions.h"
#include "fmt/table.h"
#include "case/answers.h"
#include "step/confopen.h"

typedef struct {
	const dlg_case *c;
	const dlg_sessions *ss;
	const dlg_session *s;
	const dlg_sessdata *sd;
	const dlg_notes *notes;
	dlg_duecalc *due;
	dlg_holidays *hol;
	const dlg_tmpl *t; /* set before drawing */
	dlg_fields f;      /* the document's fields */
	dlg_tmpl_data d;   /* f, the tables below, the case's dlg.conf */
	dlg_table villages;
	size_t *depts; /* departments.csv rows concerned: present, absent or with questions */
	size_t ndepts;
	size_t *open; /* items to be answered in writing, in department order */
	size_t nopen;
	bool ok;       /* false once a phrase or part failed */
	char *scratch; /* a value handed to the template engine */
} dlg_minutes;

/* Gather counts and fields for session s (data in sd, notes, due dates
 * from due; none of them copied, all must outlive m). number is the
 * document's number or "" (to fill in by hand); hol the case's days off. false after a diagnostic
 * (villages.csv unreadable). Free with dlg_minutes_free. */
bool dlg_minutes_init(dlg_minutes *m, const dlg_case *c, const dlg_sessions *ss,
                      const dlg_session *s, const dlg_sessdata *sd, const dlg_notes *notes,
                      dlg_duecalc *due, dlg_holidays *hol, const char *number, dlg_day today);
void dlg_minutes_free(dlg_minutes *m);

/* The parts the templates name in "```part NAME" blocks: attendance,
 * content (minutes); conclusions, tasks, open (notice). The engine's
 * dlg_tmpl_data.block (set by dlg_minutes_init); an unknown part is an
 * error that clears m->ok. */
bool dlg_minutes_block(void *ctx, dlg_lay *l, const char *block, const char *name);

/* What dlg-minutes was asked for (strings borrowed). */
typedef struct {
	dlg_confopen_opts open; /* the session, today, the records; tmpl NULL: the default */
	const char *out;        /* the PDF to write ("-": standard output) */
	const char *number;     /* the document's number, or NULL: [numbering] */
	const char *notes;      /* the secretary's notes, or NULL: notes/ID.md */
	bool notice;            /* the conclusion notice instead of the minutes */
} dlg_minutes_opts;

/* dlg-minutes: open the conference (a cancelled one has no minutes), read
 * the secretary's notes and write the minutes or the notice. Returns the
 * exit status (DLG_EXIT_OK, or DLG_EXIT_ERROR after diagnostics). */
int dlg_minutes_run(const dlg_case *cs, const dlg_minutes_opts *o);

#endif
