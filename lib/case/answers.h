/* Answer due dates and the state of each forwarded question (DESIGN §7):
 * the first answer of each item from answers.csv, the due date from the day
 * the question was sent, and pending / due_soon / overdue / answered /
 * answered_late. Shared by dlg-deadline and dlg-report so that both count
 * the same way. */
#ifndef DLG_CASE_ANSWERS_H
#define DLG_CASE_ANSWERS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "case/folder.h"
#include "fmt/csv.h"
#include "base/date.h"
#include "base/strmap.h"
#include "case/holidays.h"
#include "case/period.h"

typedef enum {
	DLG_ST_PENDING,
	DLG_ST_DUE_SOON,
	DLG_ST_OVERDUE,
	DLG_ST_ANSWERED,
	DLG_ST_ANSWERED_LATE
} dlg_item_state;

/* "pending", "due_soon", "overdue", "answered", "answered_late" (static). */
const char *dlg_item_state_name(dlg_item_state st);

/* item_id -> day of its first (earliest) answer. */
typedef struct {
	dlg_strmap map;  /* item_id -> day (as uint64_t) */
	dlg_strmap line; /* item_id -> line of its first row in the file read */
	char *name;      /* that file, for messages (owned; NULL: none read) */
} dlg_answers;

/* An empty map (all zero is empty too). */
void dlg_answers_init(dlg_answers *a);
/* Record an answer to item id[0..len) given on day d; the earliest is kept. */
void dlg_answers_put(dlg_answers *a, const char *id, size_t len, dlg_day d);
/* The first answer's day of item id[0..len); false when it has none. */
bool dlg_answers_get(const dlg_answers *a, const char *id, size_t len, dlg_day *d);
/* Read answers.csv (`item_id`, `date`; rows without item_id are skipped)
 * into a. `from` is the input's encoding or NULL. false after diagnostics
 * naming file and line (a missing column, a bad date). */
bool dlg_answers_load(dlg_answers *a, const char *path, const char *from);
/* The same from a reader already open (not closed here). */
bool dlg_answers_read(dlg_answers *a, dlg_csv_reader *r);
void dlg_answers_free(dlg_answers *a);
/* Report, with the answers file's name and line, every answer read by
 * dlg_answers_read whose item_id is not in items (item_id -> anything):
 * an answer to a question that does not exist. items_name names the items
 * file in the message. Returns how many there were (0: none). */
size_t dlg_answers_check_items(const dlg_answers *a, const dlg_strmap *items,
                               const char *items_name);

/* How due dates are computed: the case's [rules] answer_days and
 * answer_day_kind, its holidays, today and the due_soon window. */
typedef struct {
	dlg_holidays *hol; /* not owned */
	long answer_days;
	dlg_day_kind kind;
	long soon;
	dlg_day today;
	/* due dates repeat for items sent the same day */
	dlg_day cache_sent[256], cache_due[256];
	bool cache_ok[256];
} dlg_duecalc;

/* Set up d from the case's dlg.conf ([rules] answer_days, answer_day_kind,
 * and soon_days unless soon >= 0 overrides it). hol stays the caller's. */
void dlg_duecalc_init(dlg_duecalc *d, const dlg_case *c, dlg_holidays *hol, dlg_day today,
                      long soon);

/* The due date of an item sent on day `sent`. */
dlg_day dlg_due_date(dlg_duecalc *d, dlg_day sent);

/* The state of an item sent on day `sent`, answered first on *answer (NULL:
 * not answered). Stores its due date and the days left (due - today). */
dlg_item_state dlg_item_state_of(dlg_duecalc *d, dlg_day sent, const dlg_day *answer, dlg_day *due,
                                 long *left);

/* Load the case's holidays (its holidays.csv, else share/data's) into a new
 * set; NULL after a diagnostic. The caller frees it. */
dlg_holidays *dlg_case_holidays(const dlg_case *c);

#endif
