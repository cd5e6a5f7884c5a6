/* The outbox: where the e-mail a command writes goes. The sender comes from
 * dlg.conf ([mail] from, else [office] email), the program from
 * $DLG_SENDMAIL, else [mail] sendmail; each message is written as NAME.eml
 * into a folder (atomically) and/or handed to sendmail. Used by dlg-reply
 * (letters) and dlg-deadline (reminders). */
#ifndef DLG_STEP_OUTBOX_H
#define DLG_STEP_OUTBOX_H

#include <stdbool.h>

#include "fmt/conf.h"
#include "fmt/mail.h"

typedef struct {
	char *from_name;      /* the sender's display name, or NULL (owned) */
	char *from;           /* the sender's address, NULL when none is usable (owned) */
	const char *sendmail; /* the program (borrowed from the environment or conf) */
	const char *dir;      /* .eml files go here, or NULL (borrowed) */
	bool pipe;            /* hand the messages to sendmail */
} dlg_outbox;

/* Resolve the sender (a warning when dlg.conf gives no usable address) and
 * the sendmail program from cf, and make the folder dir (NULL: no files)
 * when missing. pipe: hand messages to sendmail. false after a diagnostic
 * when dir cannot be made; close ob even then. */
bool dlg_outbox_open(dlg_outbox *ob, const dlg_conf *cf, const char *dir, bool pipe);

/* Write m to the folder as name + ".eml", replacing a file there atomically
 * (nothing when the outbox has no folder). false after a diagnostic. */
bool dlg_outbox_write(const dlg_outbox *ob, const dlg_mail *m, const char *name);

/* Hand m to sendmail when the outbox pipes (else nothing). false after a
 * diagnostic. */
bool dlg_outbox_send(const dlg_outbox *ob, const dlg_mail *m);

/* Free the sender. */
void dlg_outbox_close(dlg_outbox *ob);

#endif
