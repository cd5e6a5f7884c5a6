/* Marks of the attendance list into attendance.csv. */
#include "case/attendance.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/atomic.h"
#include "base/diag.h"
#include "base/text.h"
#include "fmt/csv.h"
#include "fmt/table.h"

int dlg_attendance_mark(const char *s)
{
	/* a tick, which folding would drop */
	char *t = dlg_text_squeeze(dlg_xstrdup(s));
	bool tick = !strcmp(t, "\u2713") || !strcmp(t, "\u2714");
	free(t);
	if (tick)
		return 1;
	char *f = dlg_text_fold(s);
	dlg_text_squeeze(f);
	static const char *const yes[] = {"yes", "y", "x", "1", "true", "co", "co mat", "v", NULL};
	static const char *const no[] = {"no",    "n",    "0",        "false",
	                                 "khong", "vang", "vang mat", NULL};
	int r = -1;
	for (size_t i = 0; yes[i] && r < 0; i++)
		if (!strcmp(f, yes[i]))
			r = 1;
	for (size_t i = 0; no[i] && r < 0; i++)
		if (!strcmp(f, no[i]))
			r = 0;
	free(f);
	return r;
}

/* Row of the record for (session, who), or -1. */
static long find(const dlg_table *t, const char *session, const char *who)
{
	int cs = dlg_table_col(t, "session"), cw = dlg_table_col(t, "who");
	for (size_t r = 0; r < t->nrows; r++)
		if (!strcmp(dlg_table_get(t, r, cs), session) &&
		    !strcmp(dlg_table_get(t, r, cw), who))
			return (long)r;
	return -1;
}

/* Which marks are new; false after a diagnostic for each contradiction. */
static bool check(const dlg_table *t, const char *src, const dlg_att_mark *m, size_t n,
                  bool *is_new)
{
	bool ok = true;
	for (size_t i = 0; i < n; i++) {
		is_new[i] = false;
		for (size_t j = 0; j < i; j++)
			if (!strcmp(m[j].session, m[i].session) && !strcmp(m[j].who, m[i].who)) {
				dlg_warn_at(src, m[i].line,
				            _("\"%s\" is marked again (first on line %ld)"),
				            m[i].who, m[j].line);
				ok = false;
			}
		long r = t ? find(t, m[i].session, m[i].who) : -1;
		if (r < 0) {
			is_new[i] = true;
			continue;
		}
		int was = dlg_attendance_mark(dlg_table_val(t, (size_t)r, "present"));
		if (was != (m[i].present ? 1 : 0)) {
			dlg_warn_at(
			    src, m[i].line,
			    _("\"%s\" is marked %s, but %s:%ld says present = \"%s\": correct the "
			      "one that is wrong"),
			    m[i].who, m[i].present ? _("present") : _("absent"), t->path,
			    t->line[r], dlg_table_val(t, (size_t)r, "present"));
			ok = false;
		}
	}
	return ok;
}

static bool write_record(FILE *f, const char *path, const dlg_table *t, const dlg_att_mark *m,
                         size_t n, const bool *is_new)
{
	dlg_csv_writer *w = dlg_csv_writer_new(f, false);
	static const char *const base[] = {"session", "who", "present", "reason"};
	/* a record without a reason column gets one when a new mark has a
	 * reason, so that no reason given is lost */
	bool add_reason = false;
	for (size_t i = 0; t && i < n && !add_reason; i++)
		add_reason =
		    is_new[i] && m[i].reason && *m[i].reason && dlg_table_col(t, "reason") < 0;
	size_t nold = t ? t->ncols : 4, nc = nold + add_reason;
	const char **head = dlg_xmalloc(nc * sizeof *head);
	for (size_t c = 0; c < nold; c++)
		head[c] = t ? t->col[c] : base[c];
	if (add_reason)
		head[nold] = "reason";
	dlg_csv_write_row(w, head, nc);
	const char **row = dlg_xmalloc(nc * sizeof *row);
	for (size_t r = 0; t && r < t->nrows; r++) {
		for (size_t c = 0; c < nold; c++)
			row[c] = t->cell[r][c];
		if (add_reason)
			row[nold] = "";
		dlg_csv_write_row(w, row, nc);
	}
	for (size_t i = 0; i < n; i++) {
		if (!is_new[i])
			continue;
		for (size_t c = 0; c < nc; c++) {
			const char *name = head[c];
			row[c] = !strcmp(name, "session")   ? m[i].session
			         : !strcmp(name, "who")     ? m[i].who
			         : !strcmp(name, "present") ? (m[i].present ? "yes" : "no")
			         : !strcmp(name, "reason")  ? m[i].reason
			                                    : "";
		}
		dlg_csv_write_row(w, row, nc);
	}
	free(row);
	free(head);
	return dlg_csv_writer_finish(w, path);
}

bool dlg_attendance_add(const char *path, const char *src, const dlg_att_mark *m, size_t n,
                        size_t *added)
{
	*added = 0;
	int lock = dlg_lock_folder_of(path);
	if (lock < 0)
		return false;
	bool ok = false, have = access(path, F_OK) == 0;
	dlg_table t = {0};
	bool *is_new = dlg_xmalloc((n ? n : 1) * sizeof *is_new);
	static const char *const req[] = {"session", "who", "present", NULL};
	if (have && !dlg_table_load(&t, path, req))
		goto done;
	if (!check(have ? &t : NULL, src, m, n, is_new)) {
		dlg_warn(_("%s: not changed, correct the errors above and run again"), path);
		goto done;
	}
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += is_new[i];
	if (!k) {
		ok = true;
		goto done;
	}
	dlg_atomic a;
	if (!dlg_atomic_begin(&a, path, DLG_MODE_PERSONAL))
		goto done;
	if (!write_record(a.f, path, have ? &t : NULL, m, n, is_new)) {
		dlg_atomic_abort(&a);
		goto done;
	}
	ok = dlg_atomic_commit(&a);
	if (ok)
		*added = k;
done:
	free(is_new);
	if (have)
		dlg_table_free(&t);
	dlg_unlock(lock);
	return ok;
}
