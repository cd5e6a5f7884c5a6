/* Reminders for cron (DESIGN §7): the forwarded questions that are overdue
 * or due soon, grouped by department in departments.csv order, told in
 * Vietnamese, and one e-mail per department with the group as a CSV
 * attachment. */
#ifndef DLG_STEP_REMINDERS_H
#define DLG_STEP_REMINDERS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "fmt/conf.h"
#include "base/date.h"
#include "fmt/mail.h"
#include "fmt/table.h"
#include "case/answers.h"

/* One overdue or due-soon item. In a set, the strings are the set's. */
typedef struct {
	const char *dept, *item_id, *name, *org, *phone, *village, *kind, *text;
	dlg_day sent, due;
	dlg_item_state st;
	long left; /* due - today */
	long seq;  /* order of adding */
	long rank; /* the department's row in departments.csv */
} dlg_reminder;

typedef struct {
	dlg_reminder *r; /* grouped by department once sorted */
	size_t n, cap;
	const dlg_table *depts; /* departments.csv (not owned), or NULL */
	const dlg_conf *conf;   /* the case's dlg.conf (not owned) */
	dlg_day today;
	bool today_fixed; /* today was given: messages dated 07:00 that day */
} dlg_reminders;

/* An empty set counting from today; depts (may be NULL) and conf stay the
 * caller's and must outlive the set. Free with dlg_reminders_free. */
void dlg_reminders_init(dlg_reminders *rs, const dlg_table *depts, const dlg_conf *conf,
                        dlg_day today);
/* Free the reminders and their strings; rs is empty again. */
void dlg_reminders_free(dlg_reminders *rs);

/* Add a copy of r: its strings are copied (NULL is taken as ""), seq and
 * rank are set here. */
void dlg_reminders_add(dlg_reminders *rs, const dlg_reminder *r);

/* Sort into groups: departments in departments.csv order, unknown ones
 * after, items without a department last; in a group the overdue first,
 * then by due date, then in the order added. */
void dlg_reminders_sort(dlg_reminders *rs);

/* The end of the group (one department) that starts at index i of a sorted
 * set. */
size_t dlg_reminders_group_end(const dlg_reminders *rs, size_t i);

/* The Vietnamese text of the whole sorted set: a title, the counts, then
 * each group with its items. */
void dlg_reminders_print(const dlg_reminders *rs, FILE *f);

/* Group [a, b) as CSV for Excel (BOM, CRLF): a new malloc'd buffer of *len
 * bytes; the caller frees it. */
char *dlg_reminders_csv(const dlg_reminders *rs, size_t a, size_t b, size_t *len);

/* The message for group [a, b): from the office (from: its address, or
 * NULL for none) to `to` (NULL: no recipient), with the group's CSV
 * attached. The caller frees it with dlg_mail_free. */
dlg_mail *dlg_reminders_mail(const dlg_reminders *rs, size_t a, size_t b, const char *from,
                             const char *to);

/* One message per group of the sorted set: written to mail_dir/DEPT.eml
 * when mail_dir is not NULL (the folder made if missing), handed to
 * sendmail when `sendmail` is true ($DLG_SENDMAIL, else dlg.conf [mail]
 * sendmail). A department without an address in departments.csv is named
 * on standard error and its message goes to the office. false after
 * diagnostics when any message could not be written or sent. */
bool dlg_reminders_send(const dlg_reminders *rs, const char *mail_dir, bool sendmail);

#endif
