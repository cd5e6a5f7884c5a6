/* Opening the documents of one conference (dlg-announce, dlg-attend,
 * dlg-brief, dlg-escalate, dlg-minutes, dlg-reply): find the session in
 * sessions.csv, refuse one whose status does not allow the document, then
 * load its records (items, answers, attendance, departments), the template
 * and the fonts. */
#ifndef DLG_STEP_CONFOPEN_H
#define DLG_STEP_CONFOPEN_H

#include <stdbool.h>

#include "base/date.h"
#include "case/conference.h"
#include "case/folder.h"
#include "case/sessions.h"
#include "doc/font.h"
#include "doc/template.h"

/* Which conferences a document may follow. */
typedef enum {
	DLG_CONF_HELD,              /* minutes and notice: only of a conference held */
	DLG_CONF_HELD_OR_CANCELLED, /* written answers: after a held or cancelled one */
	DLG_CONF_ANY,               /* guidance letters: any time after routing */
} dlg_conf_need;

/* What a command asks of a one-document report on a conference (dlg-brief,
 * dlg-escalate; strings borrowed). */
typedef struct {
	const char *session; /* the conference: an id of sessions.csv */
	const char *out;     /* the PDF ("-": standard output) */
	const char *number;  /* --number; NULL: the outgoing register's next */
	const char *tmpl;    /* the template; NULL: the report's own */
	dlg_sd_files files;  /* items, answers (NULL: the case folder's) */
	dlg_day today;       /* the report's date */
} dlg_confreport_opts;

/* What to open (strings borrowed from the caller). */
typedef struct {
	const char *session; /* the conference's id (sessions.csv) */
	const char *today;   /* --today, or NULL */
	const dlg_day *day;  /* today as the caller already set it, or NULL: from today */
	const char *tmpl;    /* the template's name or file */
	dlg_sd_files files;  /* where the records come from */
	dlg_conf_need need;  /* the statuses the document accepts */
	bool before;         /* the document prepares the conference: attendance.csv
	                        is not needed even when it was held */
} dlg_confopen_opts;

/* One conference's documents, opened. */
typedef struct {
	const dlg_case *cs; /* borrowed */
	dlg_day today;
	bool today_fixed; /* today came from --today or DLG_TODAY (unknown with o->day) */
	dlg_sessions ss;
	const dlg_session *s; /* in ss */
	bool cancelled;       /* s was cancelled */
	dlg_sessdata sd;
	dlg_tmpl *t;
	dlg_fonts *fonts;
} dlg_confdocs;

/* First half of the opening: today (o->day, else from o->today), sessions.csv, the session
 * o->session and its status as o->need wants it. false after a diagnostic (file and line for a
 * refused status). Close d with dlg_confdocs_close even then. */
bool dlg_confdocs_find(dlg_confdocs *d, const dlg_case *cs, const dlg_confopen_opts *o);

/* Second half: dlg_confdocs_records, then dlg_confdocs_template. false
 * after diagnostics. */
bool dlg_confdocs_load(dlg_confdocs *d, const dlg_confopen_opts *o);

/* The session's records into d->sd (attendance needed unless it was
 * cancelled or o->before). false after diagnostics. */
bool dlg_confdocs_records(dlg_confdocs *d, const dlg_confopen_opts *o);

/* The template o->tmpl into d->t and the fonts into d->fonts (owned by d).
 * false after diagnostics. */
bool dlg_confdocs_template(dlg_confdocs *d, const dlg_confopen_opts *o);

/* Free what the opening loaded (d may be partly opened). */
void dlg_confdocs_close(dlg_confdocs *d);

#endif
