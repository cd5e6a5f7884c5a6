/* A record of truth (DESIGN §2) opened for update: registrations.csv,
 * items.csv, answers.csv, closures.csv, ... Opening takes the lock of the
 * folder that holds the file (the lock dlg-register takes), so every
 * command that adds to a record of the case folder waits for the others;
 * the rows are read whole, the caller adds rows or columns, and committing
 * writes a temporary file beside the record and renames it over (only when
 * something changed). Every column and cell staff wrote is kept as it is.
 *
 * The name given is checked first: "-" is refused (standard output is not
 * a record), so is an existing file that is not a regular file
 * (/dev/stdout, a pipe, a folder); a symbolic link is followed and the
 * record is locked and replaced at its target, never replaced by a local
 * copy. */
#ifndef DLG_FMT_RECORD_H
#define DLG_FMT_RECORD_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
	char *path;   /* as given, for messages (owned) */
	char *target; /* the file written: the link's target when path is one (owned) */
	int lock;     /* the folder lock, -1 when not held */
	bool exists;  /* the file existed when opened */
	size_t ncols;
	char **col; /* header, canonical names (owned) */
	size_t nrows;
	char ***cell; /* cell[row][0..ncells[row]) (owned) */
	size_t *ncells;
	long *line; /* file line of each row read; 0 for rows added */
	bool changed;
} dlg_record;

/* Open the record at path for update (see above); `option` names what gave
 * the path in messages (e.g. "--into"). A missing file is an empty record
 * with no columns. false after a diagnostic (nothing held then). */
bool dlg_record_open(dlg_record *r, const char *path, const char *option);

/* The file a record named path lives in: path itself, or the target of
 * the symbolic link it is (malloc'd). NULL after the diagnostic
 * dlg_record_open would print ("-", not a regular file, a dangling link). */
char *dlg_record_resolve(const char *path, const char *option);

/* Index of column name, or -1. */
int dlg_record_col(const dlg_record *r, const char *name);

/* Index of column name, appended (empty in every row) when missing. */
size_t dlg_record_need_col(dlg_record *r, const char *name);

/* Cell text of a row; "" for a column the row does not reach or col -1. */
const char *dlg_record_get(const dlg_record *r, size_t row, int col);

/* Set a cell (copied); marks the record changed when the text differs. */
void dlg_record_set(dlg_record *r, size_t row, size_t col, const char *text);

/* Append an empty row and return its index. */
size_t dlg_record_add_row(dlg_record *r);

/* Write the record when it changed (atomically at its target), release the
 * lock and free everything. false after a diagnostic: the old file is then
 * whole. */
bool dlg_record_commit(dlg_record *r);

/* Release the lock and free everything; the file is not touched. */
void dlg_record_close(dlg_record *r);

#endif
