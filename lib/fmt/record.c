/* Records opened for update under their folder's lock. */
#include "fmt/record.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/atomic.h"
#include "base/diag.h"
#include "fmt/csv.h"

char *dlg_record_resolve(const char *path, const char *option)
{
	if (!strcmp(path, "-")) {
		dlg_warn(_("%s -: a record must be a file in the case folder, not standard "
		           "output; leave out %s to write to standard output"),
		         option, option);
		return NULL;
	}
	struct stat st, lst;
	bool exists = stat(path, &st) == 0;
	if (exists && !S_ISREG(st.st_mode)) {
		dlg_warn(_("%s %s: not a regular file; a record must be a file (leave out %s "
		           "to write to standard output)"),
		         option, path, option);
		return NULL;
	}
	if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode)) {
		if (!exists) {
			dlg_warn(_("%s %s: a symbolic link to a file that does not exist; make the "
			           "file or remove the link"),
			         option, path);
			return NULL;
		}
		char *real = realpath(path, NULL);
		if (!real) {
			dlg_warn("%s: %s", path, strerror(errno));
			return NULL;
		}
		return real;
	}
	return dlg_xstrdup(path);
}

static void free_all(dlg_record *r)
{
	for (size_t i = 0; i < r->nrows; i++) {
		for (size_t k = 0; k < r->ncells[i]; k++)
			free(r->cell[i][k]);
		free(r->cell[i]);
	}
	free(r->cell);
	free(r->ncells);
	free(r->line);
	for (size_t k = 0; k < r->ncols; k++)
		free(r->col[k]);
	free(r->col);
	free(r->path);
	free(r->target);
	dlg_unlock(r->lock);
	memset(r, 0, sizeof *r);
	r->lock = -1;
}

static size_t push_row(dlg_record *r, size_t ncells, long line)
{
	r->cell = dlg_xreallocarray(r->cell, r->nrows + 1, sizeof *r->cell);
	r->ncells = dlg_xreallocarray(r->ncells, r->nrows + 1, sizeof *r->ncells);
	r->line = dlg_xreallocarray(r->line, r->nrows + 1, sizeof *r->line);
	r->cell[r->nrows] = dlg_xmalloc((ncells ? ncells : 1) * sizeof(char *));
	r->ncells[r->nrows] = ncells;
	r->line[r->nrows] = line;
	return r->nrows++;
}

bool dlg_record_open(dlg_record *r, const char *path, const char *option)
{
	memset(r, 0, sizeof *r);
	r->lock = -1;
	r->target = dlg_record_resolve(path, option);
	if (!r->target)
		return false;
	r->path = dlg_xstrdup(path);
	if ((r->lock = dlg_lock_folder_of(r->target)) < 0) {
		free_all(r);
		return false;
	}
	/* checked again under the lock: another run may have made it meanwhile */
	r->exists = access(r->target, F_OK) == 0;
	if (!r->exists)
		return true;
	dlg_csv_reader *in = dlg_csv_open(r->target, NULL);
	if (!in) {
		free_all(r);
		return false;
	}
	const dlg_row *h = dlg_csv_header(in);
	r->ncols = h->n;
	r->col = dlg_xmalloc((h->n ? h->n : 1) * sizeof *r->col);
	for (size_t k = 0; k < h->n; k++)
		r->col[k] = dlg_xstrdup(dlg_column_canon(h->field[k]));
	const dlg_row *row;
	int rc;
	while ((rc = dlg_csv_next(in, &row)) > 0) {
		size_t i = push_row(r, row->n, row->line);
		for (size_t k = 0; k < row->n; k++)
			r->cell[i][k] = dlg_xstrdup(row->field[k]);
	}
	dlg_csv_close(in);
	if (rc < 0) {
		dlg_warn(_("%s: not changed, correct the errors above and run again"), r->path);
		free_all(r);
		return false;
	}
	return true;
}

int dlg_record_col(const dlg_record *r, const char *name)
{
	for (size_t k = 0; k < r->ncols; k++)
		if (!strcmp(r->col[k], name))
			return (int)k;
	return -1;
}

size_t dlg_record_need_col(dlg_record *r, const char *name)
{
	int at = dlg_record_col(r, name);
	if (at >= 0)
		return (size_t)at;
	r->col = dlg_xreallocarray(r->col, r->ncols + 1, sizeof *r->col);
	r->col[r->ncols] = dlg_xstrdup(name);
	r->changed = true;
	return r->ncols++;
}

const char *dlg_record_get(const dlg_record *r, size_t row, int col)
{
	if (col < 0 || row >= r->nrows || (size_t)col >= r->ncells[row])
		return "";
	return r->cell[row][col];
}

void dlg_record_set(dlg_record *r, size_t row, size_t col, const char *text)
{
	if (row >= r->nrows)
		return;
	if (col >= r->ncells[row]) {
		r->cell[row] = dlg_xreallocarray(r->cell[row], col + 1, sizeof(char *));
		for (size_t k = r->ncells[row]; k <= col; k++)
			r->cell[row][k] = dlg_xstrdup("");
		r->ncells[row] = col + 1;
	}
	if (!strcmp(r->cell[row][col], text ? text : ""))
		return;
	free(r->cell[row][col]);
	r->cell[row][col] = dlg_xstrdup(text ? text : "");
	r->changed = true;
}

size_t dlg_record_add_row(dlg_record *r)
{
	size_t i = push_row(r, r->ncols, 0);
	for (size_t k = 0; k < r->ncols; k++)
		r->cell[i][k] = dlg_xstrdup("");
	r->changed = true;
	return i;
}

bool dlg_record_commit(dlg_record *r)
{
	if (!r->changed) {
		free_all(r);
		return true;
	}
	dlg_atomic a;
	if (!dlg_atomic_begin(&a, r->target, DLG_MODE_PERSONAL)) {
		free_all(r);
		return false;
	}
	dlg_csv_writer *w = dlg_csv_writer_new(a.f, false);
	dlg_csv_write_row(w, (const char *const *)r->col, r->ncols);
	for (size_t i = 0; i < r->nrows; i++) {
		for (size_t k = 0; k < r->ncols; k++)
			dlg_csv_write_field(w, k < r->ncells[i] ? r->cell[i][k] : "");
		dlg_csv_end_row(w);
	}
	bool ok = dlg_csv_writer_finish(w, r->path);
	if (!ok)
		dlg_atomic_abort(&a);
	else
		ok = dlg_atomic_commit(&a);
	free_all(r);
	return ok;
}

void dlg_record_close(dlg_record *r)
{
	free_all(r);
}
