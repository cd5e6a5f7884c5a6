/* dlg-escalate's work: the report to the higher level (tổng hợp báo cáo cấp
 * trên, plan II.3) listing the questions of a conference that are beyond the
 * commune's competence (items with action escalate) and the commune's
 * proposals, addressed to the body that decides. */
#ifndef DLG_STEP_ESCALATE_H
#define DLG_STEP_ESCALATE_H

#include "base/date.h"
#include "case/conference.h"
#include "case/folder.h"
#include "step/confopen.h"

/* The report: a dlg_confreport_opts whose number defaults to the next BC
 * number, template to bao-cao-cap-tren. */
typedef dlg_confreport_opts dlg_escalate_opts;

/* Write the report o asks for, register it in the outgoing register, and
 * once it is written record its items as closed (closures.csv, how
 * escalated, with the report's date and number): issuing the report closes
 * them. A conference with no escalated question has no report (an error
 * saying so). Returns the exit status: 0, or 2 after diagnostics. */
int dlg_escalate_run(const dlg_case *c, const dlg_escalate_opts *o);

#endif
