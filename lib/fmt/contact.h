/* Phone numbers and e-mail addresses as people write them. */
#ifndef DLG_FMT_CONTACT_H
#define DLG_FMT_CONTACT_H

#include <stdbool.h>
#include <stddef.h>

/* Normalise a Vietnamese phone number into out (size at least 16): spaces,
 * dots, dashes and brackets dropped, +84/84 becomes 0. Returns true for a
 * valid number (mobile 0[35789]xxxxxxxx or landline 02xxxxxxxxx); on false
 * out is empty and the caller keeps what the person wrote. */
bool dlg_phone_normalize(const char *in, char *out, size_t size);

/* Trim and lower-case an e-mail address in place; true when it looks
 * deliverable (one @, a local part, a dotted domain, no spaces). */
bool dlg_email_normalize(char *s);

#endif
