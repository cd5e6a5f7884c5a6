/* dlg-invite's work: invitation letters (giấy mời) to the registrants of a
 * conference, or to the departments that answer their questions, and the
 * recipients.csv beside them (for envelopes and e-mail). */
#ifndef DLG_STEP_INVITE_H
#define DLG_STEP_INVITE_H

#include <stdbool.h>

#include "case/folder.h"
#include "base/date.h"

typedef struct {
	const char *session;  /* the conference: an id of sessions.csv */
	const char *input;    /* registrations or items; NULL: standard input, or the
	                         case folder's file when standard input is a terminal */
	const char *out_dir;  /* one PDF per letter in this folder, or NULL */
	const char *one_file; /* every letter in this PDF ("-": standard output), or NULL */
	bool departments;     /* invite the departments (input: items) */
	bool participants;    /* invite the standing participants (input: participants.csv,
	                         default the case folder's) and the village heads */
	const char *mail_dir; /* an e-mail (.eml) with its letter for every addressee with
	                         an e-mail address into this folder, or NULL */
	bool sendmail;        /* hand those messages to sendmail */
	bool digital;         /* every letter to be signed digitally: signature and seal images */
	bool sign;            /* the letters that go by e-mail get the images and are signed
	                       * by the signer and the office (dlg.conf [sign]) before they
	                       * are attached; the others stay paper */
	bool today_fixed;     /* today was given (--today, DLG_TODAY): dated messages */
	const char *number;   /* the invitation's number; NULL: dlg.conf [numbering] invite */
	const char *tmpl;     /* the template; NULL: giay-moi, or giay-moi-phong */
	const char *from;     /* the input's encoding, or NULL for UTF-8 */
	bool excel;           /* recipients.csv and postal.csv for Excel (BOM, CRLF,
	                         formula cells guarded) */
	dlg_day today;        /* the letters' date */
} dlg_invite_opts;

/* Write the letters o asks for (one of out_dir and one_file at least) and
 * recipients.csv in out_dir, else beside one_file. Warns when the letters go
 * out later than [rules] announce_days_before. With mail_dir or sendmail
 * (out_dir needed), the e-mail messages, each with its letter attached,
 * through the outbox, and postal.csv in out_dir: the letters that have no
 * e-mail address and go by post. Returns the exit status: 0, or 2 after
 * diagnostics. */
int dlg_invite_run(const dlg_case *c, const dlg_invite_opts *o);

#endif
