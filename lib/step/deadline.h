/* dlg-deadline's work (DESIGN §7): due dates and states added to the items,
 * the conference calendar with its due dates, the days off of a year, and
 * the reminders of what is overdue or due soon. */
#ifndef DLG_STEP_DEADLINE_H
#define DLG_STEP_DEADLINE_H

#include <stdbool.h>

#include "case/folder.h"
#include "base/date.h"
#include "case/holidays.h"

typedef struct {
	const char *items;    /* the items file ("-" or NULL: standard input) */
	const char *answers;  /* answers.csv, or NULL */
	const char *from;     /* --from encoding of the inputs, or NULL */
	const char *mail_dir; /* --mail: one message per department here, or NULL */
	bool sendmail;        /* --sendmail: hand the messages to sendmail */
	bool remind;          /* --remind (implied by mail_dir and sendmail) */
	bool sessions;        /* --sessions: the conference calendar instead */
	int holidays_year;    /* --holidays YEAR instead, or 0 */
	bool excel;           /* CSV for Excel */
	const char *xlsx;     /* --xlsx: the view as an Excel workbook there instead */
	long soon;            /* the due_soon window in days; -1: dlg.conf soon_days */
	dlg_day today;
	bool today_fixed; /* today was given (--today, $DLG_TODAY): messages dated that day */
} dlg_deadline_opts;

/* Run what o asks for on the case's holidays (dlg_case_holidays), writing
 * to standard output: one of the views below. Returns the exit status: 0;
 * 1 with remind when something is overdue; 2 after diagnostics. */
int dlg_deadline_run(const dlg_case *c, const dlg_deadline_opts *o);

/* The views, each with the exit status; hol stays the caller's. */
/* CSV of the days off of o->holidays_year and where they come from. */
int dlg_deadline_holidays(const dlg_case *c, dlg_holidays *hol, const dlg_deadline_opts *o);
/* CSV of each conference with its registration cutoff and the dates
 * invitations and results are due, and the days left to each. */
int dlg_deadline_sessions(const dlg_case *c, dlg_holidays *hol, const dlg_deadline_opts *o);
/* The items (o->items) with sent, due, answered, state and days_left; with
 * o->remind the reminders instead (dlg_reminders_print), and the messages
 * (dlg_reminders_send) when o->mail_dir or o->sendmail asks for them. */
int dlg_deadline_items(const dlg_case *c, dlg_holidays *hol, const dlg_deadline_opts *o);

#endif
