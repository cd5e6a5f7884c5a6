/* Intake of several sources into one stream or into the register. */
#include "step/register.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/atomic.h"
#include "fmt/csv.h"
#include "base/diag.h"
#include "base/hashmap.h"
#include "case/intake.h"
#include "case/sources.h"
#include "base/text.h"

/* Output columns: the register's own, then every other column of the inputs
 * (or of the existing record first) in order of first appearance. The names
 * are indexed by hash, so a header of 100,000 columns stays linear. */
typedef struct {
	char **name;
	size_t n;
	dlg_hashmap idx; /* hash of a name -> its position (first name of that hash) */
} columns;

static uint64_t name_hash(const char *name)
{
	return dlg_hash(DLG_HASH_SEED, name, strlen(name));
}

static long columns_find(const columns *cols, const char *name)
{
	uint64_t at;
	if (!cols->idx.slot || !dlg_hashmap_get(&cols->idx, name_hash(name), &at))
		return -1;
	if (!strcmp(cols->name[at], name))
		return (long)at;
	for (size_t i = 0; i < cols->n; i++) /* two names of one hash */
		if (!strcmp(cols->name[i], name))
			return (long)i;
	return -1;
}

static void columns_add(columns *cols, const char *name)
{
	if (columns_find(cols, name) >= 0)
		return;
	if (!cols->idx.slot)
		dlg_hashmap_init(&cols->idx);
	dlg_hashmap_add(&cols->idx, name_hash(name), cols->n, NULL);
	cols->name = dlg_xrealloc(cols->name, (cols->n + 1) * sizeof *cols->name);
	cols->name[cols->n++] = dlg_xstrdup(name);
}

static void columns_free(columns *cols)
{
	for (size_t i = 0; i < cols->n; i++)
		free(cols->name[i]);
	free(cols->name);
	dlg_hashmap_free(&cols->idx);
}

/* Output column of each column of a source. */
static long *map_source(const dlg_form_source *s, columns *cols)
{
	size_t n = dlg_source_ncols(s);
	long *out_of = dlg_xmalloc((n ? n : 1) * sizeof *out_of);
	for (size_t i = 0; i < n; i++) {
		const char *name = dlg_source_column(s, i);
		columns_add(cols, name);
		out_of[i] = columns_find(cols, name);
	}
	return out_of;
}

/* A stored row of the record or a new form: every output column. */
typedef struct {
	char **cell;
} stored_row;

typedef struct {
	stored_row *row;
	size_t n;
} row_list;

static void list_add(row_list *l, char **cells)
{
	l->row = dlg_xrealloc(l->row, (l->n + 1) * sizeof *l->row);
	l->row[l->n++].cell = cells;
}

static void list_free(row_list *l, size_t ncols)
{
	for (size_t r = 0; r < l->n; r++) {
		for (size_t i = 0; i < ncols; i++)
			free(l->row[r].cell[i]);
		free(l->row[r].cell);
	}
	free(l->row);
}

/* Read the existing record into `old`, its columns into cols. */
static bool load_record(const char *path, columns *cols, row_list *old, dlg_intake *in)
{
	if (access(path, F_OK) != 0)
		return true;
	dlg_csv_reader *r = dlg_csv_open(path, NULL);
	if (!r)
		return false;
	const dlg_row *h = dlg_csv_header(r);
	for (size_t i = 0; i < h->n; i++)
		columns_add(cols, dlg_column_canon(h->field[i]));
	const dlg_row *row;
	int rc;
	while ((rc = dlg_csv_next(r, &row)) > 0) {
		char **cells = calloc(h->n, sizeof(char *));
		for (size_t i = 0; i < h->n; i++)
			cells[i] = dlg_xstrdup(row->field[i]);
		list_add(old, cells);
		char *v[REG_NCOLS];
		for (size_t k = 0; k < REG_NCOLS; k++) {
			long at = columns_find(cols, dlg_reg_columns[k]);
			v[k] = at >= 0 && (size_t)at < h->n ? cells[at] : "";
		}
		dlg_intake_known(in, v);
	}
	dlg_csv_close(r);
	return rc == 0;
}

static bool write_rows(FILE *f, bool excel, const columns *cols, const row_list *rows,
                       size_t *ncells, const char *name)
{
	dlg_csv_writer *w = dlg_csv_writer_new(f, excel);
	dlg_csv_write_row(w, (const char *const *)cols->name, cols->n);
	for (size_t r = 0; r < rows->n; r++) {
		for (size_t i = 0; i < cols->n; i++)
			dlg_csv_write_field(w, i < ncells[r] ? rows->row[r].cell[i] : "");
		dlg_csv_end_row(w);
	}
	return dlg_csv_writer_finish(w, name);
}

typedef struct {
	size_t read, already, errors;
	size_t by_status[4];
} tally;

static const char *const statuses[4] = {"accepted", "late", "incomplete", "duplicate"};

static void count_status(tally *t, const char *status)
{
	for (size_t i = 0; i < 4; i++)
		if (!strcmp(status, statuses[i]))
			t->by_status[i]++;
}

/* The header map of dlg.conf's [intake] and then --map; NULL after a
 * diagnostic. */
static dlg_header_map *header_map(const dlg_case *c, const dlg_register_opts *o)
{
	dlg_header_map *m = dlg_header_map_new();
	const char *key, *value;
	char *where;
	bool ok = true;
	for (size_t i = 0; dlg_conf_entry(c->conf, "intake", i, &key, &value, &where); i++) {
		if (dlg_source_map_field_ok(value, where))
			dlg_header_map_add(m, key, value);
		else
			ok = false;
		free(where);
	}
	for (size_t i = 0; i < o->nmaps; i++) {
		const char *eq = strrchr(o->maps[i], '=');
		if (!eq || eq == o->maps[i]) {
			dlg_warn(_("--map: \"%s\" is not 'Header=field'"), o->maps[i]);
			ok = false;
			continue;
		}
		char *header = dlg_xasprintf("%.*s", (int)(eq - o->maps[i]), o->maps[i]);
		char *field = dlg_text_squeeze(dlg_xstrdup(eq + 1));
		if (dlg_source_map_field_ok(field, "--map"))
			dlg_header_map_add(m, header, field);
		else
			ok = false;
		free(header);
		free(field);
	}
	if (!ok) {
		dlg_header_map_free(m);
		return NULL;
	}
	return m;
}

int dlg_register_run(const dlg_case *c, const dlg_register_opts *o)
{
	dlg_header_map *map = header_map(c, o);
	if (!map)
		return DLG_EXIT_ERROR;
	dlg_intake_opts io = {o->channel ? dlg_intake_channel(o->channel) : NULL, o->session,
	                      o->today, o->into != NULL};
	dlg_intake *in = dlg_intake_new(c, &io);
	if (!in) {
		dlg_header_map_free(map);
		return DLG_EXIT_ERROR;
	}

	size_t nin = o->nfiles ? o->nfiles : 1, nsrc = 0;
	dlg_form_source **src = NULL;
	long **out_of = NULL;
	columns cols = {0};
	for (size_t k = 0; k < REG_NCOLS; k++)
		columns_add(&cols, dlg_reg_columns[k]);
	row_list old = {0}, added = {0};
	int lock = -1;
	int status = DLG_EXIT_OK;
	size_t old_ncols = 0;
	tally t = {0};
	dlg_csv_writer *out = NULL;

	if (o->into) {
		if ((lock = dlg_lock_folder_of(o->into)) < 0) {
			status = DLG_EXIT_ERROR;
			goto done;
		}
		columns record_cols = {0};
		if (!load_record(o->into, &record_cols, &old, in)) {
			columns_free(&record_cols);
			status = DLG_EXIT_ERROR;
			goto done;
		}
		old_ncols = record_cols.n;
		if (record_cols.n) {
			/* The record's own order wins; missing columns are appended. */
			for (size_t i = 0; i < cols.n; i++)
				columns_add(&record_cols, cols.name[i]);
			columns_free(&cols);
			cols = record_cols;
		} else {
			columns_free(&record_cols);
		}
	}
	dlg_source_opts so = {o->from, o->sheet, map};
	for (size_t i = 0; i < nin; i++)
		if (!dlg_sources_open(o->nfiles ? o->files[i] : NULL, &so, &src, &nsrc)) {
			status = DLG_EXIT_ERROR;
			goto done;
		}
	out_of = dlg_xmalloc((nsrc ? nsrc : 1) * sizeof *out_of);
	for (size_t i = 0; i < nsrc; i++)
		out_of[i] = map_source(src[i], &cols);
	if (!o->into) {
		out = dlg_csv_writer_new(stdout, o->excel);
		dlg_csv_write_row(out, (const char *const *)cols.name, cols.n);
	}

	const char **line = dlg_xmalloc(cols.n * sizeof *line);
	long reg_at[REG_NCOLS];
	for (size_t k = 0; k < REG_NCOLS; k++)
		reg_at[k] = columns_find(&cols, dlg_reg_columns[k]);
	for (size_t i = 0; i < nsrc; i++) {
		dlg_form_row row;
		int rc;
		size_t rows_here = 0;
		while ((rc = dlg_source_next(src[i], &row)) > 0) {
			t.read++;
			rows_here++;
			char *v[REG_NCOLS] = {0};
			dlg_intake_result res = dlg_intake_row(
			    in, row.raw, dlg_source_online(src[i]), row.file, row.line, v);
			if (res == INTAKE_ERROR) {
				t.errors++;
				continue;
			}
			if (res == INTAKE_ALREADY) {
				t.already++;
				dlg_intake_clear(v);
				continue;
			}
			if (row.manual) {
				/* a message that could not be read: the clerk enters it */
				free(v[REG_NOTE]);
				v[REG_NOTE] = dlg_xstrdup(row.manual);
			}
			count_status(&t, v[REG_STATUS]);
			for (size_t j = 0; j < cols.n; j++)
				line[j] = "";
			for (size_t j = 0; j < dlg_source_ncols(src[i]); j++)
				line[out_of[i][j]] = row.cell[j];
			for (size_t k = 0; k < REG_NCOLS; k++)
				line[reg_at[k]] = v[k];
			if (out) {
				dlg_csv_write_row(out, line, cols.n);
			} else {
				char **cells = dlg_xmalloc(cols.n * sizeof(char *));
				for (size_t j = 0; j < cols.n; j++)
					cells[j] = dlg_xstrdup(line[j]);
				list_add(&added, cells);
			}
			dlg_intake_clear(v);
		}
		if (rc == 0 && rows_here == 0 && !dlg_source_may_be_empty(src[i])) {
			dlg_warn_at(dlg_source_name(src[i]), 1, "%s",
			            _("no forms after the header row; is this the right file or "
			              "sheet?"));
			rc = -1;
		}
		if (rc < 0) {
			t.errors++;
			break;
		}
	}
	free(line);

	if (out && !dlg_csv_writer_finish(out, NULL))
		t.errors++;
	if (t.errors) {
		if (o->into)
			dlg_warn(_("%s: not changed, correct the errors above and run again"),
			         o->into);
		status = DLG_EXIT_ERROR;
		goto done;
	}
	if (o->into && added.n) {
		dlg_atomic a;
		if (!dlg_atomic_begin(&a, o->into, S_IRUSR | S_IWUSR)) {
			status = DLG_EXIT_ERROR;
			goto done;
		}
		row_list all = old;
		size_t total = old.n + added.n;
		size_t *ncells = dlg_xmalloc(total * sizeof *ncells);
		all.row = dlg_xmalloc(total * sizeof *all.row);
		if (old.n)
			memcpy(all.row, old.row, old.n * sizeof *all.row);
		memcpy(all.row + old.n, added.row, added.n * sizeof *all.row);
		all.n = total;
		for (size_t r = 0; r < total; r++)
			ncells[r] = r < old.n ? old_ncols : cols.n;
		bool ok = write_rows(a.f, false, &cols, &all, ncells, o->into);
		free(all.row);
		free(ncells);
		if (!ok) {
			dlg_atomic_abort(&a);
			status = DLG_EXIT_ERROR;
			goto done;
		}
		if (!dlg_atomic_commit(&a)) {
			status = DLG_EXIT_ERROR;
			goto done;
		}
	}
	if (!o->quiet) {
		fprintf(stderr,
		        _("%s: %zu forms read: %zu accepted, %zu late, %zu incomplete, %zu "
		          "duplicate"),
		        dlg_progname(), t.read, t.by_status[0], t.by_status[1], t.by_status[2],
		        t.by_status[3]);
		if (o->into)
			fprintf(stderr, _("; %zu added to %s, %zu already there"), added.n, o->into,
			        t.already);
		fputc('\n', stderr);
	}
	if (o->check && t.by_status[1] + t.by_status[2] + t.by_status[3] > 0)
		status = DLG_EXIT_FOUND;
done:
	for (size_t i = 0; i < nsrc; i++) {
		dlg_source_close(src[i]);
		if (out_of)
			free(out_of[i]);
	}
	free(src);
	free(out_of);
	list_free(&old, old_ncols);
	list_free(&added, cols.n);
	columns_free(&cols);
	dlg_unlock(lock);
	dlg_intake_free(in);
	dlg_header_map_free(map);
	return status;
}
