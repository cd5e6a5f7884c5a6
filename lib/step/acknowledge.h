/* Acknowledgement letters (dlg-reply --acknowledge): every registrant whose
 * form for a conference came late or incomplete gets a letter (công văn,
 * template bao-nhan) saying what happens to the question (late: not on the
 * conference's agenda; the floor of the conference and the next conference
 * are open to it) or what the form still lacks and until when it can be
 * completed. Read from the case folder's registrations.csv; numbered from
 * the outgoing register (doc "acknowledge", one per registration). A form
 * without an address or a usable e-mail address cannot be answered: it is
 * named on standard error. */
#ifndef DLG_STEP_ACKNOWLEDGE_H
#define DLG_STEP_ACKNOWLEDGE_H

#include "case/folder.h"
#include "step/reply.h"

/* Write the letters of conference o->open.session into o->out (one PDF per
 * letter, with recipients.csv) and/or o->one_file. Any state of the
 * conference. Returns the exit status (0, or 2 after diagnostics). */
int dlg_acknowledge_run(const dlg_case *cs, const dlg_reply_opts *o);

#endif
