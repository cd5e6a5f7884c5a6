/* dlg-escalate's work: the report to the higher level (tổng hợp báo cáo cấp
 * trên, plan II.3) listing the questions of a conference that are beyond the
 * commune's competence (items with action escalate) and the commune's
 * proposals, addressed to the body that decides. */
#ifndef DLG_STEP_ESCALATE_H
#define DLG_STEP_ESCALATE_H

#include "base/date.h"
#include "case/conference.h"
#include "case/folder.h"

typedef struct {
	const char *session; /* the conference: an id of sessions.csv */
	const char *out;     /* the PDF ("-": standard output) */
	const char *number;  /* --number; NULL: the outgoing register's next BC number */
	const char *tmpl;    /* the template; NULL: bao-cao-cap-tren */
	dlg_sd_files files;  /* items, answers (NULL: the case folder's) */
	dlg_day today;       /* the report's date */
} dlg_escalate_opts;

/* Write the report o asks for, register it in the outgoing register, and
 * once it is written record its items as closed (closures.csv, how
 * escalated, with the report's date and number): issuing the report closes
 * them. A conference with no escalated question has no report (an error
 * saying so). Returns the exit status: 0, or 2 after diagnostics. */
int dlg_escalate_run(const dlg_case *c, const dlg_escalate_opts *o);

#endif
