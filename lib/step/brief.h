/* dlg-brief's work: the office's briefing to the commune's leaders before a
 * conference (tổng hợp, báo cáo lãnh đạo UBND xã ý kiến trả lời, plan
 * III.1): every registered question with the department's written answer,
 * or "chưa có văn bản trả lời", grouped by department. */
#ifndef DLG_STEP_BRIEF_H
#define DLG_STEP_BRIEF_H

#include "base/date.h"
#include "case/conference.h"
#include "case/folder.h"
#include "step/confopen.h"

/* The briefing: a dlg_confreport_opts whose number defaults to the next BC
 * number with symbol BC-VP (the office issues it), template to
 * bao-cao-lanh-dao; answers dated after today are not counted. */
typedef dlg_confreport_opts dlg_brief_opts;

/* Write the briefing o asks for. A cancelled conference has none. Returns
 * the exit status: 0, or 2 after diagnostics (nothing written). */
int dlg_brief_run(const dlg_case *c, const dlg_brief_opts *o);

#endif
