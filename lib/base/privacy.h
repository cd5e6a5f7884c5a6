/* Personal data in what is printed or posted (Law on Personal Data
 * Protection 91/2025/QH15): masking phone numbers and e-mail addresses. */
#ifndef DLG_BASE_PRIVACY_H
#define DLG_BASE_PRIVACY_H

#include <stddef.h>

/* A phone number masked for a list meant to be posted: its first four and
 * last three digits, "0912 *** 678" (the digits only, so "0912.345.678" and
 * "+84 912 345 678" mask alike as
 * "0912 *** 678"); "***" when it has fewer than eight digits;
 * "" when it has none. Writes at most size bytes into buf; returns buf. */
char *dlg_mask_phone(const char *phone, char *buf, size_t size);

/* A copy of free text with every phone number in it (a run of at least 9
 * digits, possibly split by spaces, dots or dashes, optionally after '+')
 * masked as dlg_mask_phone does and every e-mail address replaced by
 * "***@domain". malloc'd; the caller frees it. */
char *dlg_mask_contacts(const char *text);

#endif
