/* `dlg init`: a new case folder with the office's defaults. */
#ifndef DLG_CASE_INIT_H
#define DLG_CASE_INIT_H

#include <stdbool.h>

/* Make dir (which must not exist, or be empty) for commune ("xã Liên Minh")
 * with dlg.conf (the keys naming the commune filled in, the office's address,
 * e-mail and signer as placeholders to fill), the reference tables from
 * share/data (generic: no other commune's addresses, villages or
 * conferences), templates/, notes/ and empty answers.csv and attendance.csv.
 * false after a diagnostic. */
bool dlg_init_case(const char *dir, const char *commune);

#endif
