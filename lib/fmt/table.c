/* Small CSV tables read whole, for reference data. */
#include "fmt/table.h"

#include <stdlib.h>
#include <string.h>

#include "fmt/csv.h"
#include "base/diag.h"

/* The one reader behind dlg_table_load and dlg_rows_load. */
static bool table_read(dlg_table *t, const char *path, const char *from,
                       const char *const *required)
{
	memset(t, 0, sizeof *t);
	dlg_csv_opts opts = {.from = from};
	dlg_csv_reader *r = dlg_csv_open(path, from ? &opts : NULL);
	if (!r)
		return false;
	t->path = dlg_xstrdup(dlg_csv_name(r));
	const dlg_row *h = dlg_csv_header(r);
	t->ncols = h->n;
	t->col = dlg_xmalloc((h->n ? h->n : 1) * sizeof(char *));
	for (size_t i = 0; i < h->n; i++)
		t->col[i] = dlg_xstrdup(dlg_column_canon(h->field[i]));
	for (size_t k = 0; required && required[k]; k++) {
		if (dlg_table_col(t, required[k]) < 0) {
			dlg_warn_at(t->path, h->line, _("missing column \"%s\""), required[k]);
			dlg_csv_close(r);
			dlg_table_free(t);
			return false;
		}
	}
	size_t cap = 0;
	const dlg_row *row;
	int rc;
	while ((rc = dlg_csv_next(r, &row)) > 0) {
		if (t->nrows == cap) {
			cap = cap ? cap * 2 : 16;
			t->cell = dlg_xreallocarray(t->cell, cap, sizeof *t->cell);
			t->line = dlg_xreallocarray(t->line, cap, sizeof *t->line);
		}
		char **cells = dlg_xmalloc((t->ncols ? t->ncols : 1) * sizeof(char *));
		for (size_t i = 0; i < t->ncols; i++)
			cells[i] = dlg_xstrdup(row->field[i]);
		t->cell[t->nrows] = cells;
		t->line[t->nrows++] = row->line;
	}
	dlg_csv_close(r);
	if (rc < 0) {
		dlg_table_free(t);
		return false;
	}
	return true;
}

bool dlg_table_load(dlg_table *t, const char *path, const char *const *required)
{
	return table_read(t, path, NULL, required);
}

bool dlg_rows_load(dlg_table *t, const char *path, const char *from)
{
	return table_read(t, path, from, NULL);
}

const char *dlg_rows_get(const dlg_table *t, size_t row, const char *name)
{
	int c = dlg_table_col(t, dlg_column_canon(name));
	return c < 0 ? NULL : dlg_table_get(t, row, c);
}

void dlg_table_free(dlg_table *t)
{
	for (size_t r = 0; r < t->nrows; r++) {
		for (size_t i = 0; i < t->ncols; i++)
			free(t->cell[r][i]);
		free(t->cell[r]);
	}
	for (size_t i = 0; i < t->ncols; i++)
		free(t->col[i]);
	free(t->col);
	free(t->cell);
	free(t->line);
	free(t->path);
	memset(t, 0, sizeof *t);
}

int dlg_table_col(const dlg_table *t, const char *name)
{
	for (size_t i = 0; i < t->ncols; i++)
		if (!strcmp(t->col[i], name))
			return (int)i;
	return -1;
}

const char *dlg_table_get(const dlg_table *t, size_t row, int col)
{
	return col < 0 || row >= t->nrows ? "" : t->cell[row][col];
}

const char *dlg_table_val(const dlg_table *t, size_t row, const char *name)
{
	return dlg_table_get(t, row, dlg_table_col(t, name));
}

long dlg_table_find(const dlg_table *t, int col, const char *value)
{
	if (col < 0)
		return -1;
	for (size_t r = 0; r < t->nrows; r++)
		if (!strcmp(t->cell[r][col], value))
			return (long)r;
	return -1;
}
