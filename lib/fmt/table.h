/* Small reference tables read whole (sessions, departments, villages, ...). */
#ifndef DLG_FMT_TABLE_H
#define DLG_FMT_TABLE_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
	char *path; /* for messages (owned) */
	size_t ncols;
	char **col; /* header names (owned) */
	size_t nrows;
	char ***cell; /* cell[row][col], NUL-terminated NFC (owned) */
	long *line;   /* file line of each row */
} dlg_table;

/* Read a CSV file whole. `required` lists columns that must be present
 * (NULL-terminated, may be NULL). false after a diagnostic on error. */
bool dlg_table_load(dlg_table *t, const char *path, const char *const *required);
void dlg_table_free(dlg_table *t);

/* Column index by name (or alias), or -1. */
int dlg_table_col(const dlg_table *t, const char *name);
/* Cell text, "" when col is -1. */
const char *dlg_table_get(const dlg_table *t, size_t row, int col);
/* Cell by column name, "" when there is no such column. */
const char *dlg_table_val(const dlg_table *t, size_t row, const char *name);
/* First row whose column col equals value, or -1. */
long dlg_table_find(const dlg_table *t, int col, const char *value);

/* Read the CSV at path ("-" or NULL: standard input) whole into t, converting
 * from the iconv encoding `from` when not NULL. Column names are canonical
 * (Vietnamese aliases mapped). false after a diagnostic with file and line.
 * Free with dlg_table_free. */
bool dlg_rows_load(dlg_table *t, const char *path, const char *from);

/* The value of column name in row, or NULL when the table has no such column. */
const char *dlg_rows_get(const dlg_table *t, size_t row, const char *name);

#endif
