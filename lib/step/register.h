/* dlg-register's work: reading forms from several files and writing them to
 * standard output or into the register of record. */
#ifndef DLG_STEP_REGISTER_H
#define DLG_STEP_REGISTER_H

#include <stdbool.h>
#include <stddef.h>

#include "case/folder.h"
#include "base/date.h"

typedef struct {
	const char *const *files; /* inputs; none means standard input */
	size_t nfiles;
	const char *into;        /* register of record to add to, or NULL */
	const char *channel;     /* --channel */
	const char *session;     /* --session */
	const char *from;        /* --from encoding */
	const char *sheet;       /* --sheet: the workbook's sheet, or NULL for the first */
	const char *const *maps; /* --map 'Header=field', after dlg.conf's [intake] */
	size_t nmaps;
	const char *xlsx; /* --xlsx: also write what is shown (or the register) there */
	bool check, excel, quiet;
	dlg_day today;
} dlg_register_opts;

/* Run the intake; returns the exit status (0, 1 with --check when a form is
 * not accepted, 2 on error, in which case no record was changed). */
int dlg_register_run(const dlg_case *c, const dlg_register_opts *o);

#endif
