/* Answer due dates (DESIGN §7): a department answers within [rules]
 * answer_days (calendar or working days, answer_day_kind) of receiving a
 * question, counted under the Civil Code with the case folder's days off.
 * Shared by dlg-deadline, dlg-minutes and dlg-reply. */
#ifndef DLG_DUE_H
#define DLG_DUE_H

#include <stdbool.h>

#include "casedir.h"
#include "date.h"
#include "holidays.h"
#include "period.h"

typedef enum {
	DLG_DUE_PENDING,
	DLG_DUE_SOON,
	DLG_DUE_OVERDUE,
	DLG_DUE_ANSWERED,
	DLG_DUE_LATE
} dlg_due_state;

enum { DLG_DUE_CACHE = 1024 };

typedef struct {
	dlg_holidays *hol; /* owned: the case's holidays.csv, computed years otherwise */
	long days;         /* answer_days */
	dlg_day_kind kind; /* answer_day_kind */
	long soon;         /* soon_days */
	/* due dates repeat for items sent the same day */
	dlg_day cache_sent[DLG_DUE_CACHE], cache_due[DLG_DUE_CACHE];
	bool cache_ok[DLG_DUE_CACHE];
} dlg_due;

/* Read the rules of c's dlg.conf and its holidays.csv (or share/data's).
 * false after a diagnostic naming file and line. Free with dlg_due_close. */
bool dlg_due_open(dlg_due *d, const dlg_case *c);
void dlg_due_close(dlg_due *d);

/* The last day to answer a question received on day sent. */
dlg_day dlg_due_date(dlg_due *d, dlg_day sent);

/* The state of a question due on day due, as of today: answered (on day
 * *answered, when not NULL) in time or late, else overdue, due soon (at
 * most soon days left) or pending. */
dlg_due_state dlg_due_classify(dlg_day due, const dlg_day *answered, dlg_day today, long soon);

/* "pending", "due_soon", "overdue", "answered" or "answered_late". */
const char *dlg_due_state_name(dlg_due_state s);

#endif
