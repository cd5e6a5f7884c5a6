/* The conferences of a case folder (sessions.csv). */
#ifndef DLG_CASE_SESSIONS_H
#define DLG_CASE_SESSIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "case/folder.h"
#include "base/date.h"
#include "base/vocab.h"

typedef struct {
	const char *id, *time, *venue, *chair, *secretary, *status; /* point into the table */
	dlg_session_status st;                                      /* status, parsed */
	dlg_day date;
	long line; /* line in sessions.csv */
} dlg_session;

typedef struct {
	dlg_session *s; /* in file order */
	size_t n;
	char *path;  /* owned */
	void *table; /* the dlg_table holding the strings */
} dlg_sessions;

/* Read the case folder's sessions.csv (or share/data's). Bad dates, unknown
 * statuses (planned, held, cancelled) and repeated ids are errors with file
 * and line. false after a diagnostic. */
bool dlg_sessions_load(dlg_sessions *ss, const dlg_case *c);
void dlg_sessions_free(dlg_sessions *ss);

/* The session with this id, or NULL. */
const dlg_session *dlg_sessions_find(const dlg_sessions *ss, const char *id);

/* Last day a form may arrive for s: its date minus register_days_before. */
dlg_day dlg_session_cutoff(const dlg_session *s, const dlg_case *c);

#endif
