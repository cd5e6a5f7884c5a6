/* The figures of the results report (báo cáo kết quả): registrations by
 * channel, status and village; questions by field, department, action and
 * kind; answers on time per department; villages with no accepted
 * participant. Rows are streamed and counted under their keys, so memory
 * grows with the number of fields, departments and villages (and answers),
 * not with the number of rows. Several case folders or files with a
 * `commune` column add up. */
#ifndef DLG_CASE_REPORT_COUNT_H
#define DLG_CASE_REPORT_COUNT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "case/folder.h"
#include "base/date.h"
#include "base/tally.h"
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

/* The display names of department codes (each commune its own: a code
 * names a department of that commune) and field codes (copied; the first
 * name given for a code wins). Departments are listed in the order their
 * names are first given. */
void dlg_report_name_dept(dlg_report *r, const char *commune, const char *dept, const char *name);
void dlg_report_name_field(dlg_report *r, const char *field, const char *name);

/* A conference that was held and whose attendance is recorded: from then
 * on its village coverage counts the registrants who attended (the
 * `attended` of each registration), not the registrations. */
void dlg_report_session_held(dlg_report *r, const char *commune, const char *session);

/* True when dlg_report_session_held was said of this session. */
bool dlg_report_held(const dlg_report *r, const char *commune, const char *session);

/* One registration. Strings are borrowed for the call; NULL means "".
 * attended: the registrant was at the conference (attendance.csv present,
 * or a question raised from the floor). */
typedef struct {
	const char *commune, *session, *village, *channel, *status;
	const char *reg_id, *name, *organization, *phone;
	bool attended;
} dlg_report_reg;

/* Count a registration (skipped when it belongs to another session). */
void dlg_report_registration(dlg_report *r, const dlg_report_reg *g);

/* One question (item). answer_days: days from sending to the first answer,
 * or -1 when not answered. */
typedef struct {
	const char *commune, *session, *village, *field, *dept, *action, *kind;
	dlg_item_state state;
	long answer_days;
	const char *reg_id; /* its registration, or NULL (for the participants list) */
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

/* ---- reading the figures back (the tables, the Markdown and the PDF) ---- */

/* Counters of a registration tally (channels; villages begin with them). */
enum {
	DLG_REG_TOTAL,
	DLG_REG_ACCEPTED,
	DLG_REG_LATE,
	DLG_REG_INCOMPLETE,
	DLG_REG_DUPLICATE,
	DLG_REG_INDIV,
	DLG_REG_ORG,
	DLG_REG_N
};
/* Per village: the registration counters, then its questions and its
 * official rank (1-based; 0 for a village not in villages.csv). */
enum { DLG_VIL_QUESTIONS = DLG_REG_N, DLG_VIL_RANK, DLG_VIL_N };
/* Counters of questions (per field, per department). */
enum {
	DLG_Q_TOTAL,
	DLG_Q_PROCEDURE,
	DLG_Q_HANDLING,
	DLG_Q_ANSWER,
	DLG_Q_ESCALATE,
	DLG_Q_REDIRECT,
	DLG_Q_REVIEW,
	DLG_Q_ON_TIME,
	DLG_Q_LATE,
	DLG_Q_OVERDUE,
	DLG_Q_NOT_DUE,
	DLG_Q_DAYS_SUM,
	DLG_Q_N
};
/* Per commune + session: coverage mode (dlg_cover), registrations, date + 1
 * (0: none). */
enum { DLG_SES_COVER, DLG_SES_REGS, DLG_SES_DATE, DLG_SES_HELD, DLG_SES_N };
/* Per commune + session + village: registrations, accepted, accepted
 * registrants who attended. */
enum { DLG_COV_REGS, DLG_COV_ACCEPTED, DLG_COV_ATTENDED, DLG_COV_N };

/* The report's tallies. Keys of several parts are joined by '\x1f'
 * (dlg_report_key_part splits them): sessions "commune, session", villages
 * "commune, village"; the others are one code. */
typedef enum {
	DLG_REPORT_COMMUNES, /* no counters */
	DLG_REPORT_SESSIONS, /* DLG_SES_* */
	DLG_REPORT_VILLAGES, /* DLG_VIL_* */
	DLG_REPORT_CHANNELS, /* DLG_REG_* */
	DLG_REPORT_FIELDS,   /* DLG_Q_* */
	DLG_REPORT_DEPTS,    /* DLG_Q_*; keys "commune \x1f dept" */
} dlg_report_list;

/* The tally (owned by r). */
const dlg_tally *dlg_report_tally(const dlg_report *r, dlg_report_list which);

/* The tally's indexes in the report's order (communes as first seen;
 * sessions by commune, date, id; villages by commune, official rank, name,
 * the unknown last; channels paper, online, email, post, conference, others;
 * fields by questions, then code; departments in departments.csv order), with
 * the keys whose first counter is 0 left out when skip_empty. malloc'd; the
 * caller frees it; *n set. */
size_t *dlg_report_sorted(const dlg_report *r, dlg_report_list which, bool skip_empty, size_t *n);

/* The counters of every key of the tally added up (DLG_REG_N of them for
 * channels, DLG_Q_N for fields and departments) into sum. */
void dlg_report_sum(const dlg_report *r, dlg_report_list which, long *sum);

/* Part n (0-based) of a joined key, into buf (cut to size); "" when the key
 * has fewer parts. Returns buf (or "" ). */
const char *dlg_report_key_part(const char *k, int n, char *buf, size_t size);

/* The name of a department (key "commune \x1f code" of DLG_REPORT_DEPTS, as
 * dlg_report_name_dept named it in that commune) or of a field code, or
 * NULL. */
const char *dlg_report_dept_name(const dlg_report *r, const char *key);
const char *dlg_report_field_name(const dlg_report *r, const char *code);

/* Whether a village goes in the report's lists (its DLG_VIL_* counters): an
 * official one, or one with registrations or questions. */
bool dlg_report_village_listed(const long *vil);

/* Whether a session's village coverage is checked (its DLG_SES_* counters). */
bool dlg_report_session_checked(const long *ses);

/* One village of a checked session. The plan asks for at least one
 * participant from each village at each conference: before a conference
 * (and when its attendance is not recorded) a village is covered by an
 * accepted registration; after a held one, by a registrant who attended. */
typedef struct {
	const char *commune, *session, *village;
	long regs, accepted, attended;
	bool held;    /* the session was held and its attendance recorded */
	bool covered; /* held ? attended : accepted */
} dlg_report_cover_row;

/* For each checked session and each official village of its commune:
 * fn(ctx, row). Returns the number of villages not covered. */
typedef void (*dlg_report_cover_fn)(void *ctx, const dlg_report_cover_row *row);
size_t dlg_report_walk_coverage(const dlg_report *r, dlg_report_cover_fn fn, void *ctx);

/* A participant kept with opts.names (name and organisation with contacts
 * masked; phone masked, or "" without opts.phones). */
typedef struct {
	char *commune, *session, *reg_id, *village, *name, *org, *channel, *status, *phone;
} dlg_report_participant;

/* The participants a list may name: every one kept, but those whose every
 * question (items with their reg_id) was redirected, a complaint,
 * denunciation or dispute (Luật Tố cáo 2018 art. 47): they are only counted,
 * by dlg_report_nprotected. */
size_t dlg_report_nparticipants(const dlg_report *r);
const dlg_report_participant *dlg_report_participant_at(const dlg_report *r, size_t i);
size_t dlg_report_nprotected(const dlg_report *r);

/* Call fn for each village not covered (dlg_report_cover_row) in a session
 * whose coverage is checked; returns how many there are. fn may be NULL. */
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
