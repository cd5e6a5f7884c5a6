/* dlg-announce's work: the announcement of a conference (thông báo tổ chức
 * hội nghị: time, place, content, how to register, with the QR code of the
 * online form) issued at least [rules] announce_days_before days before it,
 * and the short plain-text script read on the commune radio. */
#ifndef DLG_STEP_ANNOUNCE_H
#define DLG_STEP_ANNOUNCE_H

#include <stdbool.h>

#include "base/date.h"
#include "case/folder.h"

typedef struct {
	const char *session; /* the conference: an id of sessions.csv */
	const char *out;     /* the PDF ("-": standard output), or NULL */
	const char *radio;   /* the radio script (plain text, "-": standard output), or NULL */
	const char *number;  /* --number; NULL: the outgoing register's next TB number */
	const char *tmpl;    /* the template; NULL: thong-bao-hoi-nghi */
	bool late;           /* issue it although fewer than announce_days_before days remain */
	dlg_day today;       /* the announcement's date */
} dlg_announce_opts;

/* Write what o asks for (out and/or radio). A cancelled conference,
 * or one fewer than announce_days_before days away unless o->late
 * (then a warning), is refused. Returns the exit status: 0, or 2 after
 * diagnostics; nothing is written then. */
int dlg_announce_run(const dlg_case *c, const dlg_announce_opts *o);

#endif
