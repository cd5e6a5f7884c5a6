/* dlg-brief's work: the office's briefing to the commune's leaders before a
 * conference (tổng hợp, báo cáo lãnh đạo UBND xã ý kiến trả lời, plan
 * III.1): every registered question with the department's written answer,
 * or "chưa có văn bản trả lời", grouped by department. */
#ifndef DLG_STEP_BRIEF_H
#define DLG_STEP_BRIEF_H

#include "base/date.h"
#include "case/conference.h"
#include "case/folder.h"

typedef struct {
	const char *session; /* the conference: an id of sessions.csv */
	const char *out;     /* the PDF ("-": standard output) */
	const char *number;  /* --number; NULL: the outgoing register's next BC number
	                        (symbol BC-VP: the office issues it) */
	const char *tmpl;    /* the template; NULL: bao-cao-lanh-dao */
	dlg_sd_files files;  /* items, answers (NULL: the case folder's) */
	dlg_day today;       /* the briefing's date: answers dated later are not counted */
} dlg_brief_opts;

/* Write the briefing o asks for. A cancelled conference has none. Returns
 * the exit status: 0, or 2 after diagnostics (nothing written). */
int dlg_brief_run(const dlg_case *c, const dlg_brief_opts *o);

#endif
