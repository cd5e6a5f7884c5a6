/* One conference as the documents after it need it (issue 6): its
 * registrants and their questions (items.csv), the answers (answers.csv),
 * who came (attendance.csv) and the departments (departments.csv), read,
 * checked and linked together. Used by dlg-minutes and dlg-reply. */
#ifndef DLG_CASE_CONFERENCE_H
#define DLG_CASE_CONFERENCE_H

#include <stdbool.h>
#include <stddef.h>

#include "case/folder.h"
#include "base/date.h"
#include "case/sessions.h"
#include "fmt/table.h"
#include "base/vocab.h"

typedef enum { DLG_ATT_UNKNOWN, DLG_ATT_PRESENT, DLG_ATT_ABSENT } dlg_att;

/* An answer (a row of answers.csv). Strings point into the answers table. */
typedef struct {
	const char *item_id, *by, *channel, *text;
	dlg_day day;     /* -1 when the date column is empty */
	bool conference; /* given at the conference (channel conference) */
	long line;
} dlg_sd_answer;

/* A question of the session (a row of items.csv). */
typedef struct {
	size_t row; /* in the items table */
	const char *item_id, *kind, *text, *dept, *level, *action, *note;
	int act;       /* action parsed: a dlg_action, or -1 when empty or unknown */
	dlg_day sent;  /* the sent column, or the conference day when empty */
	size_t person; /* index into persons */
	size_t *ans;   /* indexes into answers, in file order */
	size_t nans;
	bool floor; /* raised from the floor (channel conference) */
	long line;
} dlg_sd_item;

/* A registrant of the session, with the questions in file order. */
typedef struct {
	size_t row; /* items row of the first question (name, address, ...) */
	const char *reg_id, *name, *organization, *email, *address, *village, *phone, *channel;
	dlg_att att;
	const char *reason; /* reported reason for an absence, or "" */
	size_t *items;      /* indexes into items */
	size_t nitems;
} dlg_sd_person;

/* A row of departments.csv with its attendance. */
typedef struct {
	const char *code, *name, *head, *email, *address, *level;
	dlg_att att;
	const char *reason;
	size_t nitems; /* questions of the session routed to it */
} dlg_sd_dept;

/* A department's column for templates: "name", "dept" (its code) or "head";
 * NULL for any other column. */
const char *dlg_sd_dept_field(const dlg_sd_dept *d, const char *col);

typedef struct {
	const dlg_session *s;
	dlg_table items, answers, attendance, depts;
	bool has_answers, has_attendance; /* the files existed */
	dlg_sd_item *it;
	size_t nit;
	dlg_sd_person *p;
	size_t np;
	dlg_sd_answer *ans;
	size_t nans;
	dlg_sd_dept *d; /* every row of departments.csv, in order */
	size_t nd;
} dlg_sessdata;

/* Where to read from: NULL members mean the case folder's files ([files]
 * items, answers, attendance; departments from the case or share/data). */
typedef struct {
	const char *items, *answers, *attendance;
	const char *from; /* iconv encoding of the items file, or NULL */
} dlg_sd_files;

/* Read and link everything for session s. Only accepted registrations
 * (status accepted or empty) of s count. Errors name file and line: a
 * missing column, an answer to an unknown item, a bad date or channel, an
 * attendance row for someone who is neither a registrant of s nor a
 * department, a present value other than yes/no. A missing answers.csv
 * means no answers; a missing attendance.csv is an error for a held session
 * when need_attendance is true. false after diagnostics. Free with
 * dlg_sessdata_free (also after a failure). */
bool dlg_sessdata_load(dlg_sessdata *sd, const dlg_case *c, const dlg_session *s,
                       const dlg_sd_files *f, bool need_attendance);
void dlg_sessdata_free(dlg_sessdata *sd);

/* The department with this code, or NULL. */
const dlg_sd_dept *dlg_sessdata_dept(const dlg_sessdata *sd, const char *code);

/* A department's name for documents: its name in departments.csv, else the
 * code itself. */
const char *dlg_sessdata_dept_name(const dlg_sessdata *sd, const char *code);

/* The body an escalated question goes up to: its department when that is
 * beyond the commune, else the first department whose level is the item's
 * level (city, national); NULL when departments.csv has none. */
const dlg_sd_dept *dlg_sessdata_higher(const dlg_sessdata *sd, const dlg_sd_item *it);

/* True when the item has an answer given at the conference. */
bool dlg_sd_item_answered_live(const dlg_sessdata *sd, const dlg_sd_item *it);

/* True when the registrant of it was not at the conference: absent, not
 * on the attendance list of a held conference, or the conference was
 * cancelled. Questions from the floor count as present. */
bool dlg_sd_person_away(const dlg_sessdata *sd, const dlg_sd_person *p);

/* True when the item must be answered in writing (plan II.3): the
 * conference was cancelled, its registrant was away, it was redirected
 * (written guidance to the proper channel, plan III.2) or escalated, or it
 * got no answer at the conference. */
bool dlg_sd_item_in_writing(const dlg_sessdata *sd, const dlg_sd_item *it);

/* "Về thủ tục hành chính" / "Về giải quyết thủ tục hành chính" for the
 * kinds procedure / handling (the two parts of the form); other kinds as
 * given. Static or kind itself. */
const char *dlg_sd_kind_label(const char *kind);

/* How a document names a registrant: "Ông/Bà Nguyễn Văn An", "Ông/Bà Lê
 * Minh Tuấn, đại diện Công ty ..." or the organisation alone. malloc'd. */
char *dlg_sd_person_label(const dlg_sd_person *p);

/* The name before " - " in a sessions.csv chair or secretary value
 * ("Nguyễn Hữu Minh - Phó Chủ tịch UBND xã" gives "Nguyễn Hữu Minh"), and
 * the title after it ("" when none). malloc'd. */
char *dlg_sd_name_part(const char *who);
char *dlg_sd_title_part(const char *who);

#endif
