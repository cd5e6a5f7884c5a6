/* Registration forms that came by e-mail, read with GMime: .eml files and
 * maildir folders. Each message gives a form from its text ("Họ và tên:",
 * "Điện thoại:", "Địa chỉ:", the two question sections) and a table for
 * each CSV or XLSX attachment; a message that cannot be read is kept as a
 * row with a note for manual entry. */
#ifndef DLG_FMT_MAILIN_H
#define DLG_FMT_MAILIN_H

#include <stdbool.h>
#include <stddef.h>

#include "fmt/sheet.h"

typedef struct {
	dlg_sheet *forms;        /* one row per message read from its text, and the
	                            messages that need manual entry; columns named
	                            by the register's fields */
	dlg_sheet **attachments; /* one per CSV or XLSX attachment, with the
	                            message's date, sender and channel as fallbacks */
	size_t nattachments;
	size_t *after;   /* attachment i's forms come after forms' first after[i]
	                    rows (the rows of the messages before it and its own) */
	size_t messages; /* messages found */
	size_t repeated; /* copies of a Message-ID seen before, skipped */
	size_t manual;   /* messages kept for manual entry */
	char **seen;     /* Message-IDs read (private) */
	size_t nseen;
} dlg_mail_forms;

/* Read path: an .eml file, a maildir (cur/ and new/) or a folder of
 * messages, in file-name order. from: the encoding of CSV attachments
 * (NULL: UTF-8). false after a diagnostic naming the path (no message in
 * it, or it cannot be opened). out is filled either way: free it with
 * dlg_mail_forms_free. */
bool dlg_mail_read(const char *path, const char *from, dlg_mail_forms *out);
void dlg_mail_forms_free(dlg_mail_forms *f);

/* Read one message from memory (the fuzz harness; name for messages) into
 * out, which must have been zeroed. */
void dlg_mail_read_buffer(const char *data, size_t len, const char *name, const char *from,
                          dlg_mail_forms *out);

#endif
