/* The closure record: items closed by a guidance letter or by the report to
 * the higher level. */
#include "case/closures.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/diag.h"
#include "fmt/csv.h"
#include "fmt/record.h"

static const char *const columns[] = {"item_id", "date", "how", "number", "document"};
enum { K_ID, K_DATE, K_HOW, K_NUMBER, K_DOCUMENT, NK };

char *dlg_closures_path(const dlg_case *c)
{
	return dlg_case_file(c, "closures");
}

static bool how_ok(const char *how)
{
	return !strcmp(how, DLG_CLOSED_GUIDANCE) || !strcmp(how, DLG_CLOSED_ESCALATED);
}

bool dlg_closures_record(const dlg_case *c, const char *path, const dlg_closure *v, size_t n,
                         size_t *added)
{
	if (added)
		*added = 0;
	for (size_t i = 0; i < n; i++)
		if (!v[i].item_id || !*v[i].item_id || !v[i].how || !how_ok(v[i].how)) {
			dlg_warn(_("closure %zu: no item_id, or how is not guidance or escalated"),
			         i);
			return false;
		}
	char *own = path ? NULL : dlg_closures_path(c);
	dlg_record r;
	bool ok = dlg_record_open(&r, path ? path : own, "closures");
	free(own);
	if (!ok)
		return false;
	size_t at[NK];
	for (size_t k = 0; k < NK; k++)
		at[k] = dlg_record_need_col(&r, columns[k]);
	size_t count = 0;
	for (size_t i = 0; i < n; i++) {
		bool there = false;
		for (size_t row = 0; row < r.nrows && !there; row++)
			there = !strcmp(dlg_record_get(&r, row, (int)at[K_ID]), v[i].item_id) &&
			        !strcmp(dlg_record_get(&r, row, (int)at[K_HOW]), v[i].how);
		if (there)
			continue;
		char date[11];
		dlg_date_format_iso(v[i].date, date);
		size_t row = dlg_record_add_row(&r);
		dlg_record_set(&r, row, at[K_ID], v[i].item_id);
		dlg_record_set(&r, row, at[K_DATE], date);
		dlg_record_set(&r, row, at[K_HOW], v[i].how);
		dlg_record_set(&r, row, at[K_NUMBER], v[i].number ? v[i].number : "");
		dlg_record_set(&r, row, at[K_DOCUMENT], v[i].document ? v[i].document : "");
		count++;
	}
	if (!count) {
		/* nothing new: the file is not rewritten, not even to add columns */
		dlg_record_close(&r);
		return true;
	}
	if (!dlg_record_commit(&r))
		return false;
	if (added)
		*added = count;
	return true;
}

bool dlg_closures_load(dlg_answers *a, const dlg_case *c, const char *path)
{
	return dlg_closures_load_how(a, c, path, NULL);
}

bool dlg_closures_load_how(dlg_answers *a, const dlg_case *c, const char *path,
                           const char *how_only)
{
	char *own = path ? NULL : dlg_closures_path(c);
	const char *p = path ? path : own;
	if (access(p, F_OK) != 0) {
		free(own);
		return true;
	}
	dlg_csv_reader *r = dlg_csv_open(p, NULL);
	free(own);
	if (!r)
		return false;
	int col[NK];
	for (size_t k = 0; k < NK; k++)
		col[k] = dlg_csv_col(r, columns[k]);
	for (size_t k = 0; k <= K_HOW; k++)
		if (col[k] < 0) {
			dlg_warn_at(dlg_csv_name(r), 1, _("no \"%s\" column"), columns[k]);
			dlg_csv_close(r);
			return false;
		}
	const dlg_row *row;
	int rc;
	bool ok = true;
	while ((rc = dlg_csv_next(r, &row)) > 0) {
		const char *id = row->field[col[K_ID]], *ds = row->field[col[K_DATE]],
		           *how = row->field[col[K_HOW]];
		dlg_day d;
		if (!*id) {
			dlg_warn_at(dlg_csv_name(r), row->line, "%s",
			            _("closure without an item_id"));
			ok = false;
		} else if (!dlg_date_parse_iso(ds, &d)) {
			dlg_warn_at(dlg_csv_name(r), row->line,
			            _("closure date \"%s\" is not a date (YYYY-MM-DD)"), ds);
			ok = false;
		} else if (!how_ok(how)) {
			dlg_warn_at(dlg_csv_name(r), row->line,
			            _("closed \"%s\": not one of guidance, escalated"), how);
			ok = false;
		} else if (!how_only || !strcmp(how, how_only)) {
			dlg_answers_put(a, id, row->len[col[K_ID]], d);
		}
	}
	dlg_csv_close(r);
	return ok && rc == 0;
}
