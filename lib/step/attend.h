/* dlg-attend's work: the attendance list of a conference (danh sách đại
 * biểu: the standing participants and the village heads, then the
 * registrants by village, each with a column to sign), the same list as a
 * CSV to mark, and the marked list turned into attendance.csv. */
#ifndef DLG_STEP_ATTEND_H
#define DLG_STEP_ATTEND_H

#include <stdbool.h>

#include "base/date.h"
#include "case/conference.h"
#include "case/folder.h"

typedef struct {
	const char *session; /* the conference: an id of sessions.csv */
	const char *out;     /* the PDF; the list to mark goes beside it as .csv */
	const char *tmpl;    /* the template; NULL: danh-sach-dai-bieu */
	dlg_sd_files files;  /* items (NULL: the case folder's) */
	dlg_day today;
} dlg_attend_sheet_opts;

/* Write the attendance list o asks for and the CSV to mark beside it
 * (the PDF's name with .csv; none for standard output). Registrants whose
 * every question is redirected (complaints, denunciations) are not on it:
 * they get written guidance, not a seat. Returns the exit status. */
int dlg_attend_sheet_run(const dlg_case *c, const dlg_attend_sheet_opts *o);

typedef struct {
	const char *into;     /* the attendance record (attendance.csv) */
	const char *input;    /* the marked list ("-": standard input) */
	const char *from;     /* its encoding, or NULL for UTF-8 */
	bool unmarked_absent; /* a row with no mark means absent (else an error) */
} dlg_attend_record_opts;

/* Add the marks of the list to the record (case/attendance.h). A mark
 * that is neither present nor absent, a row without a mark (unless
 * unmarked_absent) or a conference that sessions.csv does not have is an
 * error with file and line, and nothing changes. Returns the exit status. */
int dlg_attend_record_run(const dlg_case *c, const dlg_attend_record_opts *o);

#endif
