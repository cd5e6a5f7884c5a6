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
#include "base/strmap.h"
#include "case/intake.h"
#include "case/sources.h"
#include "base/text.h"
#include "case/sessions.h"
#include "fmt/record.h"
#include "base/vocab.h"

/* Output columns: the register's own, then every other column of the inputs
 * (or of the existing record first) in order of first appearance, indexed
 * by a dlg_strmap, so a header of 100,000 columns stays linear. */
typedef struct {
	const char **name; /* the map's keys, in order */
	size_t n;
	dlg_strmap idx;
} columns;

static long columns_find(const columns *cols, const char *name)
{
	return dlg_strmap_find(&cols->idx, name, strlen(name));
}

static void columns_add(columns *cols, const char *name)
{
	bool added;
	size_t i = dlg_strmap_intern(&cols->idx, name, strlen(name), &added);
	if (!added)
		return;
	cols->name = dlg_xreallocarray(cols->name, cols->n + 1, sizeof *cols->name);
	cols->name[cols->n++] = dlg_strmap_key(&cols->idx, i);
}

static void columns_free(columns *cols)
{
	free(cols->name);
	dlg_strmap_free(&cols->idx);
}

/* Where a source's columns go: out_of[i] is the output column of input
 * column i; order lists the input columns by output column, order_at their
 * output columns (for the hash of the other columns). */
typedef struct {
	long *out_of;
	size_t *order, *order_at;
} source_map;

struct col_pair {
	size_t out, in;
};

static int cmp_pair(const void *a, const void *b)
{
	const struct col_pair *x = a, *y = b;
	return (x->out > y->out) - (x->out < y->out);
}

static void map_source(source_map *m, const dlg_form_source *s, columns *cols)
{
	size_t n = dlg_source_ncols(s);
	m->out_of = dlg_xmalloc((n ? n : 1) * sizeof *m->out_of);
	for (size_t i = 0; i < n; i++) {
		const char *name = dlg_source_column(s, i);
		columns_add(cols, name);
		m->out_of[i] = columns_find(cols, name);
	}
	/* input columns in output order */
	struct col_pair *p = dlg_xmalloc((n ? n : 1) * sizeof *p);
	for (size_t i = 0; i < n; i++)
		p[i] = (struct col_pair){(size_t)m->out_of[i], i};
	qsort(p, n, sizeof *p, cmp_pair);
	m->order = dlg_xmalloc((n ? n : 1) * sizeof *m->order);
	m->order_at = dlg_xmalloc((n ? n : 1) * sizeof *m->order_at);
	for (size_t i = 0; i < n; i++) {
		m->order[i] = p[i].in;
		m->order_at[i] = p[i].out;
	}
	free(p);
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
	l->row = dlg_xreallocarray(l->row, l->n + 1, sizeof *l->row);
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

/* The hash of the columns the register does not read, for
 * dlg_intake_other_columns: the name and text of each non-empty one, in
 * column order. at[i] is the column of cell i (ascending), is_reg[column]
 * tells the register's own. 0 when there is none. */
static uint64_t other_hash(const columns *cols, const bool *is_reg, const size_t *at,
                           const char *const *cell, size_t n)
{
	uint64_t h = DLG_HASH_SEED;
	bool any = false;
	for (size_t i = 0; i < n; i++) {
		if (is_reg[at[i]] || !*cell[i])
			continue;
		const char *name = cols->name[at[i]];
		h = dlg_hash(h, name, strlen(name) + 1);
		h = dlg_hash(h, cell[i], strlen(cell[i]) + 1);
		any = true;
	}
	return any ? h : 0;
}

/* is_reg[i] for the first n columns of cols: one of the register's own. */
static bool *reg_flags(const columns *cols)
{
	bool *f = dlg_xmalloc((cols->n ? cols->n : 1) * sizeof *f);
	for (size_t i = 0; i < cols->n; i++) {
		f[i] = false;
		for (size_t k = 0; k < REG_NCOLS && !f[i]; k++)
			f[i] = !strcmp(cols->name[i], dlg_reg_columns[k]);
	}
	return f;
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
	bool *is_reg = reg_flags(cols);
	size_t *col_of = dlg_xmalloc((h->n ? h->n : 1) * sizeof *col_of);
	for (size_t i = 0; i < h->n; i++)
		col_of[i] = (size_t)columns_find(cols, dlg_column_canon(h->field[i]));
	const dlg_row *row;
	int rc;
	while ((rc = dlg_csv_next(r, &row)) > 0) {
		char **cells = dlg_xcalloc(h->n, sizeof(char *));
		for (size_t i = 0; i < h->n; i++)
			cells[i] = dlg_xstrdup(row->field[i]);
		list_add(old, cells);
		dlg_intake_other_columns(
		    in, other_hash(cols, is_reg, col_of, (const char *const *)cells, h->n));
		char *v[REG_NCOLS];
		for (size_t k = 0; k < REG_NCOLS; k++) {
			long at = columns_find(cols, dlg_reg_columns[k]);
			v[k] = at >= 0 && (size_t)at < h->n ? cells[at] : "";
		}
		dlg_intake_known(in, v);
	}
	free(is_reg);
	free(col_of);
	dlg_csv_close(r);
	return rc == 0;
}

/* Write the header and rows with w, which is finished (freed). */
static bool write_table(dlg_csv_writer *w, const columns *cols, const row_list *rows,
                        size_t *ncells, const char *name)
{
	dlg_csv_write_row(w, cols->name, cols->n);
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

int dlg_register_carry_over(const dlg_case *c, const dlg_register_opts *o)
{
	dlg_sessions ss;
	if (!dlg_sessions_load(&ss, c))
		return DLG_EXIT_ERROR;
	const dlg_session *want = NULL;
	if (o->session && !(want = dlg_sessions_find(&ss, o->session))) {
		dlg_warn(_("--session: no session \"%s\" in %s"), o->session, ss.path);
		dlg_sessions_free(&ss);
		return DLG_EXIT_ERROR;
	}
	dlg_record r;
	if (!dlg_record_open(&r, o->into, "--into")) {
		dlg_sessions_free(&ss);
		return DLG_EXIT_ERROR;
	}
	int c_id = dlg_record_col(&r, "reg_id"), c_ses = dlg_record_col(&r, "session");
	int c_st = dlg_record_col(&r, "status"), c_rec = dlg_record_col(&r, "received");
	size_t c_note = dlg_record_need_col(&r, "note");
	/* the conference it was late for, so that conference's report still
	 * counts it as a late form */
	size_t c_late = dlg_record_need_col(&r, "late_for");
	bool ok = c_id >= 0 && c_ses >= 0 && c_st >= 0;
	if (!ok)
		dlg_warn_at(o->into, 1, "%s",
		            _("not a register (reg_id, session and status columns)"));
	size_t moved = 0;
	long register_days = dlg_conf_get_long(c->conf, "rules", "register_days_before");
	for (size_t k = 0; ok && k < o->ncarry; k++) {
		const char *id = o->carry[k];
		size_t row = 0;
		while (row < r.nrows && strcmp(dlg_record_get(&r, row, c_id), id))
			row++;
		if (row == r.nrows) {
			dlg_warn(_("%s: no registration %s"), o->into, id);
			ok = false;
			break;
		}
		long line = r.line[row];
		const char *status = dlg_record_get(&r, row, c_st);
		const dlg_session *from = dlg_sessions_find(&ss, dlg_record_get(&r, row, c_ses));
		const dlg_session *to = want;
		if (!to && from)
			for (size_t i = 0; i < ss.n; i++)
				if (ss.s[i].date > from->date && (!to || ss.s[i].date < to->date))
					to = &ss.s[i];
		if (dlg_reg_status_parse(status) == DLG_STATUS_ACCEPTED) {
			/* carried over already (its note says so): nothing to do */
			char *mark = dlg_xasprintf("Văn phòng chuyển sang hội nghị %s ",
			                           dlg_record_get(&r, row, c_ses));
			bool done = strstr(dlg_record_get(&r, row, (int)c_note), mark) &&
			            (!want || !strcmp(want->id, dlg_record_get(&r, row, c_ses)));
			free(mark);
			if (done)
				continue;
		}
		if (strcmp(status, "late")) {
			dlg_warn_at(o->into, line, _("%s is %s, not late: nothing to carry over"),
			            id, *status ? status : "-");
			ok = false;
		} else if (!from) {
			dlg_warn_at(o->into, line, _("%s: no session \"%s\" in %s"), id,
			            dlg_record_get(&r, row, c_ses), ss.path);
			ok = false;
		} else if (!to || to->date <= from->date) {
			dlg_warn_at(o->into, line,
			            _("%s: no conference after %s to carry it over to (add it to "
			              "%s or give --session)"),
			            id, from->id, ss.path);
			ok = false;
		}
		if (!ok)
			break;
		char got[11] = "", cutoff[11], on[11], today[11];
		dlg_day rd;
		if (dlg_date_parse_iso(dlg_record_get(&r, row, c_rec), &rd))
			dlg_date_format_dmy(rd, got);
		dlg_date_format_dmy(from->date - register_days, cutoff);
		dlg_date_format_dmy(to->date, on);
		dlg_date_format_dmy(o->today, today);
		char *note = dlg_xasprintf(
		    "Phiếu nhận%s%s, sau hạn đăng ký %s của hội nghị %s; Văn phòng chuyển sang hội "
		    "nghị %s (ngày %s) ngày %s.",
		    *got ? " ngày " : "", got, cutoff, from->id, to->id, on, today);
		dlg_record_set(&r, row, (size_t)c_ses, to->id);
		dlg_record_set(&r, row, (size_t)c_st, "accepted");
		dlg_record_set(&r, row, c_note, note);
		dlg_record_set(&r, row, c_late, from->id);
		free(note);
		moved++;
		if (!o->quiet)
			fprintf(stderr, _("%s: %s carried over to conference %s\n"), dlg_progname(),
			        id, to->id);
	}
	if (!ok) {
		dlg_record_close(&r);
		dlg_warn(_("%s: not changed, correct the errors above and run again"), o->into);
	} else if (!moved) {
		dlg_record_close(&r);
	} else {
		ok = dlg_record_commit(&r);
	}
	dlg_sessions_free(&ss);
	return ok ? DLG_EXIT_OK : DLG_EXIT_ERROR;
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
	if (o->ncarry)
		return dlg_register_carry_over(c, o);
	struct stat xs, is;
	if (o->xlsx && o->into && stat(o->xlsx, &xs) == 0 && stat(o->into, &is) == 0 &&
	    xs.st_dev == is.st_dev && xs.st_ino == is.st_ino) {
		dlg_warn(_("--xlsx %s would overwrite the register --into names"), o->xlsx);
		return DLG_EXIT_ERROR;
	}
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
	source_map *maps = NULL;
	columns cols = {0};
	for (size_t k = 0; k < REG_NCOLS; k++)
		columns_add(&cols, dlg_reg_columns[k]);
	row_list old = {0}, added = {0};
	int lock = -1;
	char *target = NULL; /* the file --into names, a link followed */
	int status = DLG_EXIT_OK;
	size_t old_ncols = 0;
	tally t = {0};
	dlg_csv_writer *out = NULL;

	if (o->into) {
		/* a symbolic link is updated at its target, locked there */
		if (!(target = dlg_record_resolve(o->into, "--into")) ||
		    (lock = dlg_lock_folder_of(target)) < 0) {
			status = DLG_EXIT_ERROR;
			goto done;
		}
		columns record_cols = {0};
		if (!load_record(target, &record_cols, &old, in)) {
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
	maps = dlg_xcalloc(nsrc, sizeof *maps);
	for (size_t i = 0; i < nsrc; i++)
		map_source(&maps[i], src[i], &cols);
	if (!o->into) {
		out = o->xlsx ? dlg_csv_writer_xlsx(o->xlsx, "phiếu đăng ký")
		              : dlg_csv_writer_new(stdout, o->excel);
		if (!out) {
			status = DLG_EXIT_ERROR;
			goto done;
		}
		dlg_csv_write_row(out, cols.name, cols.n);
	}

	const char **line = dlg_xmalloc(cols.n * sizeof *line);
	size_t widest = cols.n; /* two columns of a source may share an output name */
	for (size_t i = 0; i < nsrc; i++)
		if (dlg_source_ncols(src[i]) > widest)
			widest = dlg_source_ncols(src[i]);
	const char **other = dlg_xmalloc(widest * sizeof *other);
	bool *is_reg = reg_flags(&cols);
	long reg_at[REG_NCOLS];
	for (size_t k = 0; k < REG_NCOLS; k++)
		reg_at[k] = columns_find(&cols, dlg_reg_columns[k]);
	for (size_t i = 0; i < nsrc; i++) {
		dlg_form_row row;
		int rc;
		size_t rows_here = 0;
		size_t ncells = dlg_source_ncols(src[i]);
		while ((rc = dlg_source_next(src[i], &row)) > 0) {
			t.read++;
			rows_here++;
			char *v[REG_NCOLS] = {0};
			for (size_t j = 0; j < ncells; j++)
				other[j] = row.cell[maps[i].order[j]];
			dlg_intake_other_columns(
			    in, other_hash(&cols, is_reg, maps[i].order_at, other, ncells));
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
				/* a message that could not be read: the clerk enters it
				 * (the intake's own note stays after it) */
				char *note = dlg_xasprintf("%s%s%s", row.manual,
				                           *v[REG_NOTE] ? " " : "", v[REG_NOTE]);
				free(v[REG_NOTE]);
				v[REG_NOTE] = note;
			}
			count_status(&t, v[REG_STATUS]);
			for (size_t j = 0; j < cols.n; j++)
				line[j] = "";
			for (size_t j = 0; j < ncells; j++)
				line[maps[i].out_of[j]] = row.cell[j];
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
	free(other);
	free(is_reg);

	if (out && t.errors)
		dlg_csv_writer_discard(out); /* no workbook of half the forms */
	else if (out && !dlg_csv_writer_finish(out, NULL))
		t.errors++;
	if (t.errors) {
		if (o->into)
			dlg_warn(_("%s: not changed, correct the errors above and run again"),
			         o->into);
		status = DLG_EXIT_ERROR;
		goto done;
	}
	if (o->into && (added.n || o->xlsx)) {
		row_list all = old;
		size_t total = old.n + added.n;
		size_t *ncells = dlg_xmalloc((total ? total : 1) * sizeof *ncells);
		all.row = dlg_xmalloc((total ? total : 1) * sizeof *all.row);
		if (old.n)
			memcpy(all.row, old.row, old.n * sizeof *all.row);
		if (added.n)
			memcpy(all.row + old.n, added.row, added.n * sizeof *all.row);
		all.n = total;
		for (size_t r = 0; r < total; r++)
			ncells[r] = r < old.n ? old_ncols : cols.n;
		bool ok = true;
		if (added.n) {
			dlg_atomic a;
			ok = dlg_atomic_begin(&a, target, DLG_MODE_PERSONAL);
			if (ok && !write_table(dlg_csv_writer_new(a.f, false), &cols, &all, ncells,
			                       o->into)) {
				dlg_atomic_abort(&a);
				ok = false;
			} else if (ok) {
				ok = dlg_atomic_commit(&a);
			}
		}
		/* --xlsx: the register as it now stands, for Excel */
		if (ok && o->xlsx) {
			dlg_csv_writer *x = dlg_csv_writer_xlsx(o->xlsx, "sổ đăng ký");
			ok = x && write_table(x, &cols, &all, ncells, o->xlsx);
		}
		free(all.row);
		free(ncells);
		if (!ok) {
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
		if (maps) {
			free(maps[i].out_of);
			free(maps[i].order);
			free(maps[i].order_at);
		}
	}
	free(src);
	free(maps);
	list_free(&old, old_ncols);
	list_free(&added, cols.n);
	columns_free(&cols);
	dlg_unlock(lock);
	free(target);
	dlg_intake_free(in);
	dlg_header_map_free(map);
	return status;
}
