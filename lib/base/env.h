/* The environment variables dlg reads, all of them and only here. Each
 * function returns the variable's value, or NULL when it is unset or empty
 * (an empty variable counts as unset everywhere).
 *
 *   DLG_DIR       the case folder when -C is not given
 *   DLG_SHARE     the built-in templates and data (default: beside the program)
 *   DLG_TODAY     today (YYYY-MM-DD) when --today is not given: reproducible runs
 *   DLG_SENDMAIL  the sendmail program (before dlg.conf [mail] sendmail)
 *   DLG_JOBS      how many processes write a batch of PDF files (1 to 8)
 *   DLG_THREADS   "0": read CSV without a read-ahead thread
 *   DLG_OFFICE_PIN, DLG_SIGNER_PIN  the PIN of the office's or the signer's
 *                 token (or the password of the certificate file) for signing
 *                 without a terminal to ask on
 *   LANGUAGE      gettext's: the messages' language, even in the C locale (cron)
 */
#ifndef DLG_BASE_ENV_H
#define DLG_BASE_ENV_H

#include <stdbool.h>

const char *dlg_env_dir(void);
const char *dlg_env_share(void);
const char *dlg_env_today(void);
const char *dlg_env_sendmail(void);
const char *dlg_env_jobs(void);

/* DLG_OFFICE_PIN for role "office", DLG_SIGNER_PIN for "signer". */
const char *dlg_env_pin(const char *role);

const char *dlg_env_language(void);

/* False when DLG_THREADS is "0". */
bool dlg_env_threads(void);

#endif
