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
	const char *const *carry; /* --carry-over REG_ID...: late forms to move */
	size_t ncarry;
} dlg_register_opts;

/* Run the intake; returns the exit status (0, 1 with --check when a form is
 * not accepted, 2 on error, in which case no record was changed). With
 * o->ncarry, dlg_register_carry_over instead. */
int dlg_register_run(const dlg_case *c, const dlg_register_opts *o);

/* --carry-over: the office's decision to move late forms of the register
 * o->into (o->carry, by reg_id) to a later conference: o->session, else the
 * next conference after the one they were late for. Each becomes accepted
 * for it, its note saying the cutoff it missed and the day it was carried
 * over. A form carried over already is left as it is (running it twice
 * changes nothing); an unknown reg_id, a form that is not late or no later
 * conference is an error and nothing is changed. The exit status. */
int dlg_register_carry_over(const dlg_case *c, const dlg_register_opts *o);

#endif
