/* sessions.csv: session, date, time, venue, chair, secretary, status. */
#include "case/sessions.h"

#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "fmt/table.h"

bool dlg_sessions_load(dlg_sessions *ss, const dlg_case *c)
{
	memset(ss, 0, sizeof *ss);
	char *path = dlg_case_data(c, "sessions");
	if (!path) {
		char *want = dlg_case_file(c, "sessions");
		dlg_warn(_("%s: no such file; list the conferences there (dlg init makes one)"),
		         want);
		free(want);
		return false;
	}
	static const char *const required[] = {"session", "date", NULL};
	dlg_table *t = dlg_xmalloc(sizeof *t);
	if (!dlg_table_load(t, path, required)) {
		free(t);
		free(path);
		return false;
	}
	ss->path = path;
	ss->table = t;
	ss->s = dlg_xmalloc((t->nrows ? t->nrows : 1) * sizeof *ss->s);
	bool ok = true;
	for (size_t r = 0; r < t->nrows; r++) {
		dlg_session *s = &ss->s[ss->n];
		s->id = dlg_table_val(t, r, "session");
		s->time = dlg_table_val(t, r, "time");
		s->venue = dlg_table_val(t, r, "venue");
		s->chair = dlg_table_val(t, r, "chair");
		s->secretary = dlg_table_val(t, r, "secretary");
		s->status = dlg_table_val(t, r, "status");
		s->line = t->line[r];
		if (!*s->status)
			s->status = dlg_session_status_code(DLG_SESSION_PLANNED);
		const char *date = dlg_table_val(t, r, "date");
		if (!*s->id) {
			dlg_warn_at(path, s->line, "%s", _("a conference without a session id"));
			ok = false;
			continue;
		}
		if (!dlg_date_parse_iso(date, &s->date)) {
			dlg_warn_at(path, s->line, _("\"%s\" is not a date (YYYY-MM-DD)"), date);
			ok = false;
			continue;
		}
		int st = dlg_session_status_parse(s->status);
		if (st < 0) {
			dlg_warn_at(path, s->line,
			            _("status \"%s\" is not one of planned, held, cancelled"),
			            s->status);
			ok = false;
			continue;
		}
		s->st = (dlg_session_status)st;
		if (dlg_sessions_find(ss, s->id)) {
			dlg_warn_at(path, s->line, _("session \"%s\" is listed twice"), s->id);
			ok = false;
			continue;
		}
		ss->n++;
	}
	if (!ok)
		dlg_sessions_free(ss);
	return ok;
}

void dlg_sessions_free(dlg_sessions *ss)
{
	if (ss->table) {
		dlg_table_free(ss->table);
		free(ss->table);
	}
	free(ss->s);
	free(ss->path);
	memset(ss, 0, sizeof *ss);
}

const dlg_session *dlg_sessions_find(const dlg_sessions *ss, const char *id)
{
	for (size_t i = 0; i < ss->n; i++)
		if (!strcmp(ss->s[i].id, id))
			return &ss->s[i];
	return NULL;
}

dlg_day dlg_session_cutoff(const dlg_session *s, const dlg_case *c)
{
	return s->date - dlg_conf_get_long(c->conf, "rules", "register_days_before");
}
