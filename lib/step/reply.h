/* Written answers after a conference (plan II.3, issue 6): one letter
 * (công văn) to each registrant who must be answered in writing, the
 * list of who gets what and how, and the e-mail messages. */
#ifndef DLG_STEP_REPLY_H
#define DLG_STEP_REPLY_H

#include <stdbool.h>
#include <stddef.h>

#include "case/folder.h"
#include "doc/layout.h"
#include "fmt/mail.h"
#include "doc/template.h"
#include "doc/pdf.h"
#include "case/conference.h"
#include "step/confdoc.h"
#include "case/answers.h"
#include "case/sessions.h"
#include "step/confopen.h"

/* One letter. */
typedef struct {
	size_t person; /* index into the session's persons */
	size_t *items; /* the questions it answers (indexes into items) */
	size_t nitems;
	const char *why; /* absent, unanswered, cancelled, or guidance (--guidance) */
	char *number;    /* "1204" or "" (written in by hand) */
	char *symbol;    /* "1204/UBND-VP" from the outgoing register, or NULL */
	char *file;      /* file name in the output folder (set by the caller) */
	int first_page;  /* in the one-file output */
	size_t *copies;  /* departments answering (indexes into sd->d) */
	size_t ncopies;
} dlg_letter;

typedef struct {
	const dlg_case *c;
	const dlg_session *s;
	const dlg_sessdata *sd;
	const dlg_tmpl *t; /* set before drawing */
	bool pending;      /* questions with no answer say they are being considered */
	dlg_fields f;      /* the session's fields */
	dlg_fields lf;     /* the current letter's, then f */
	dlg_tmpl_data d;
	dlg_letter *L;
	size_t n;
	size_t cur;
	bool ok;
	bool guidance;                /* guidance letters only (dlg-reply --guidance) */
	dlg_answers closed_guidance;  /* items a guidance letter closed already */
	dlg_answers closed_escalated; /* items the report to the higher level closed */
	const dlg_nd30_stamp *stamp;  /* images for the letters, or NULL */
	bool stamp_mail_only;         /* only on the letters that go by e-mail */
} dlg_replies;

/* Decide who gets a letter for session s (held or cancelled) and which
 * questions it answers; number letters from number on when it is a number
 * (else every letter carries it as given). Unless pending, a question with
 * no answer (no guidance for a redirected one) is an error, each listed
 * with file and line: false then. A redirected question a guidance letter
 * closed already (the closure record) is not answered again. With
 * guidance, only the redirected questions that have their guidance, in
 * any state of the conference (right after routing): the guidance letters
 * of plan III.2. Free with dlg_replies_free. */
bool dlg_replies_init(dlg_replies *r, const dlg_case *c, const dlg_sessions *ss,
                      const dlg_session *s, const dlg_sessdata *sd, const char *number,
                      bool pending, bool guidance, dlg_day today);
void dlg_replies_free(dlg_replies *r);

/* Draw letter i (a dlg_batch_fn; ctx is the dlg_replies). */
bool dlg_replies_draw(void *ctx, size_t i, dlg_pdf *pdf, dlg_lay *l);

/* True when letter i goes by e-mail (its registrant gave a usable address). */
bool dlg_replies_by_mail(const dlg_replies *r, size_t i);

/* recipients.csv: reg_id, name, organization, address, village, phone,
 * email, delivery (email or post), number, file, page, reason, items. With
 * post_only, only the letters that go by post (the postal list). Written
 * to a temporary file and renamed. false after a diagnostic. */
bool dlg_replies_write_list(const dlg_replies *r, const char *path, const char *one_file,
                            bool post_only, bool excel);

/* The e-mail for letter i with the PDF at pdf_path attached, from the
 * address from (may be NULL), dated today at 07:00 in Vietnam when
 * fixed_date. NULL after a diagnostic. The caller frees it. */
dlg_mail *dlg_replies_mail(const dlg_replies *r, size_t i, const char *pdf_path,
                           const char *from_name, const char *from, bool fixed_date);

/* What dlg-reply was asked for (strings borrowed). */
typedef struct {
	dlg_confopen_opts open; /* the session, today, the records; tmpl NULL: tra-loi */
	const char *out;        /* one PDF per letter in this folder, or NULL */
	const char *one_file;   /* every letter in this one PDF, or NULL */
	const char *mail_dir;   /* an .eml per letter sent by e-mail here, or NULL */
	bool sendmail;          /* hand those messages to sendmail */
	const char *number;     /* the first letter's number, or NULL: [numbering] reply */
	bool pending;           /* an unanswered question is "being considered" */
	bool excel;             /* recipients.csv and postal.csv for Excel (BOM, CRLF,
	                           formula cells guarded) */
	bool acknowledge;       /* the acknowledgements of late and incomplete forms
	                           instead (step/acknowledge.h) */
	bool guidance;          /* only the guidance letters for redirected questions, at
	                           any time after routing; each is recorded in the
	                           closure record (closures.csv) */
	bool digital;           /* to be signed digitally: signature and seal images */
	/* sign each letter that goes by e-mail before it is attached: those
	 * letters get the images (as digital), then the signer's and the
	 * office's signatures with the keys of dlg.conf [sign]; letters by post
	 * stay paper (signed by hand) unless digital */
	bool sign;
} dlg_reply_opts;

/* dlg-reply: open the conference (held or cancelled), write the letters,
 * recipients.csv and postal.csv, and the e-mail. Returns the exit status
 * (DLG_EXIT_OK, or DLG_EXIT_ERROR after diagnostics). */
int dlg_reply_run(const dlg_case *cs, const dlg_reply_opts *o);

#endif
