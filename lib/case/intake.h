/* Intake of registration forms: normalising a row of any source into the
 * register's columns, choosing its session and deciding its status. */
#ifndef DLG_CASE_INTAKE_H
#define DLG_CASE_INTAKE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "case/folder.h"
#include "base/date.h"

/* The register's own columns, in order (DESIGN §4). */
enum {
	REG_ID,
	REG_SESSION,
	REG_RECEIVED,
	REG_CHANNEL,
	REG_NAME,
	REG_ORGANIZATION,
	REG_PHONE,
	REG_EMAIL,
	REG_ADDRESS,
	REG_VILLAGE,
	REG_TOPIC_PROCEDURE,
	REG_TOPIC_HANDLING,
	REG_STATUS,
	REG_NOTE,
	REG_NCOLS
};
extern const char *const dlg_reg_columns[REG_NCOLS];

typedef struct dlg_intake dlg_intake;

typedef struct {
	const char *channel; /* --channel, or NULL */
	const char *session; /* --session, or NULL */
	dlg_day today;
	bool assign_ids; /* give new forms the next reg_id (--into); otherwise a
	                    form without one gets a provisional id, "tam-0001",
	                    unique in the output and unlike a register id */
} dlg_intake_opts;

/* Prepare intake for a case folder (reads sessions.csv and villages.csv).
 * NULL after a diagnostic. opts is copied. */
dlg_intake *dlg_intake_new(const dlg_case *c, const dlg_intake_opts *opts);
void dlg_intake_free(dlg_intake *in);

/* The hash of the columns of the next row that the register does not read
 * (the canonical name and text of each non-empty one, in the register's
 * column order; 0 when none), for the next dlg_intake_known or
 * dlg_intake_row: two forms that agree in every column dlg reads but differ
 * there are two forms. */
void dlg_intake_other_columns(dlg_intake *in, uint64_t hash);

/* Remember a row already in the register (values indexed by REG_*), so that
 * later rows are checked against it and new ids follow its reg_id. */
void dlg_intake_known(dlg_intake *in, char *const *values);

typedef enum { INTAKE_NEW, INTAKE_ALREADY, INTAKE_ERROR } dlg_intake_result;

/* Normalise one form: raw[k] is the source's text for column k (NULL or ""
 * when absent; raw[REG_CHANNEL] may be empty when the file has no channel
 * and online_default says the file is an online-form export). Fills
 * values[k] with malloc'd strings (the caller frees them with
 * dlg_intake_clear) including status and a Vietnamese note.
 *
 * The very same source row imported again (every column the same, another
 * run or the same file and line given twice) is INTAKE_ALREADY with assign_ids
 * (nothing to add; each row of the register answers one such row), and
 * otherwise comes out as a duplicate naming the earlier one. A form is for
 * the next conference on or after the day it was received; received after
 * that conference's cutoff, it is late for it (never moved silently to a
 * later one). INTAKE_ERROR: reported with file and line, values untouched. */
dlg_intake_result dlg_intake_row(dlg_intake *in, const char *const *raw, bool online_default,
                                 const char *file, long line, char **values);

/* The register's channel (paper, online, email, post, conference) for what a
 * source wrote ("Trực tuyến", "bưu điện", ...); a static string, or NULL. */
const char *dlg_intake_channel(const char *text);

/* Free and clear values[0..REG_NCOLS). */
void dlg_intake_clear(char **values);

#endif
