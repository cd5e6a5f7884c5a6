/* E-mail messages (RFC 5322, MIME): a UTF-8 text body, attachments, and the
 * hand-off to sendmail. Built in memory, written to a file or a pipe. */
#ifndef DLG_FMT_MAIL_H
#define DLG_FMT_MAIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <time.h>

typedef struct dlg_mail dlg_mail;

/* A new empty message. Every setter copies its arguments; the message owns
 * its copies and dlg_mail_free releases them. */
dlg_mail *dlg_mail_new(void);
void dlg_mail_free(dlg_mail *m);

/* True when addr looks like a deliverable ASCII address: local@domain, no
 * spaces, quotes, angle brackets or control characters. */
bool dlg_mail_addr_ok(const char *addr);

/* Split a configured address, "addr" or "Display Name <addr>", into a
 * malloc'd display name (NULL when there is none) and address, both
 * trimmed; the caller frees them. false, storing nothing, when the address
 * fails dlg_mail_addr_ok. */
bool dlg_mail_split_addr(const char *s, char **name, char **addr);

/* From: and To: (may be called again to add recipients) and Cc:. The display
 * name is UTF-8 (RFC 2047-encoded when not plain ASCII) and may be NULL or
 * empty. false, changing nothing, when addr fails dlg_mail_addr_ok. */
bool dlg_mail_set_from(dlg_mail *m, const char *name, const char *addr);
bool dlg_mail_add_to(dlg_mail *m, const char *name, const char *addr);

/* An extra header, e.g. ("Auto-Submitted", "auto-generated"): ASCII name
 * and value, written as given after the standard ones. false, changing
 * nothing, when either holds a line break or a non-ASCII byte. */
bool dlg_mail_add_header(dlg_mail *m, const char *name, const char *value);

/* Subject in UTF-8; white space runs (line breaks too) become one space. */
void dlg_mail_set_subject(dlg_mail *m, const char *utf8);

/* The Date: header: a moment and the offset of local time east of UTC in
 * minutes (Vietnam: 420). Unset: the time of rendering in the local zone. */
void dlg_mail_set_date(dlg_mail *m, time_t t, int utc_offset_min);

/* The text body, UTF-8 with LF line ends (sent quoted-printable). */
void dlg_mail_set_body(dlg_mail *m, const char *utf8);

/* Attach len bytes (copied) under a file name (UTF-8; RFC 2231-encoded when
 * not plain ASCII) and a MIME type such as "text/csv; charset=UTF-8" or
 * "application/pdf". Sent base64-encoded. */
void dlg_mail_attach(dlg_mail *m, const char *filename, const char *mime_type, const void *data,
                     size_t len);

/* Attach the contents of the file at path. false after a diagnostic when it
 * cannot be read. */
bool dlg_mail_attach_file(dlg_mail *m, const char *path, const char *filename,
                          const char *mime_type);

/* The whole message (headers, MIME parts; LF line ends, as local mail
 * programs expect) as a new malloc'd NUL-terminated string; the caller frees
 * it. Its length goes to *len when not NULL. */
char *dlg_mail_render(const dlg_mail *m, size_t *len);

/* Render into f. false when writing failed. */
bool dlg_mail_write(const dlg_mail *m, FILE *f);

/* Hand the message to `sendmail -t -i` (sendmail: the program's path) and
 * wait for it. false after a diagnostic when it cannot be run or exits with
 * a failure. */
bool dlg_mail_sendmail(const dlg_mail *m, const char *sendmail);

/* Encoders, exposed for tests and other documents. Each returns a new
 * malloc'd string the caller frees. */
/* base64 of data, lines of at most 76 characters ending in LF. */
char *dlg_mail_base64(const void *data, size_t len);
/* RFC 2047 encoded-words (UTF-8, "B") for a header value, folded so that no
 * line passes 78 characters; plain ASCII text is returned unchanged. `used`
 * is the length of the header line before the value ("Subject: " = 9). */
char *dlg_mail_encode_header(const char *utf8, size_t used);

#endif
