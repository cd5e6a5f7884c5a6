/* `dlg init`: a new case folder with the office's defaults. */
#ifndef DLG_CASE_INIT_H
#define DLG_CASE_INIT_H

#include <stdbool.h>

/* Make dir (which must not exist, or be empty) with dlg.conf, the reference
 * tables from share/data, templates/, notes/ and empty answers.csv and
 * attendance.csv. false after a diagnostic. */
bool dlg_init_case(const char *dir);

#endif
