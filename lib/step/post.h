/* dlg-post's work: envelopes (DL 110 x 220 mm, C5 162 x 229 mm) and A4
 * sheets of address labels for the letters that go by post, from a list
 * dlg-invite or dlg-reply writes (recipients.csv, postal.csv), with the
 * addresses completed with the commune and province of dlg.conf. */
#ifndef DLG_STEP_POST_H
#define DLG_STEP_POST_H

#include "base/date.h"
#include "case/folder.h"

typedef struct {
	const char *input;  /* the list ("-": standard input) */
	const char *out;    /* the PDF ("-": standard output) */
	const char *format; /* "dl", "c5" or "labels" */
	const char *from;   /* the list's encoding, or NULL for UTF-8 */
	dlg_day today;      /* the PDF's date */
} dlg_post_opts;

/* Write one envelope per row of the list, or its labels, 14 to an A4 sheet
 * (2 x 7, 99.1 x 38.1 mm). The list needs a name or organization and an
 * address or village on each row: a row without is an error with file and
 * line, and nothing is written; an empty list writes nothing and says so.
 * Returns the exit status. */
int dlg_post_run(const dlg_case *c, const dlg_post_opts *o);

#endif
