/* Find a conference, check its status, load its records, template and fonts. */
#include "step/confopen.h"

#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "base/env.h"

bool dlg_confdocs_find(dlg_confdocs *d, const dlg_case *cs, const dlg_confopen_opts *o)
{
	memset(d, 0, sizeof *d);
	d->cs = cs;
	if (o->day)
		d->today = *o->day;
	else if (!dlg_date_today(o->today, &d->today))
		return false;
	if (!dlg_sessions_load(&d->ss, cs))
		return false;
	d->today_fixed = o->today || dlg_env_today();
	const dlg_session *s = dlg_sessions_find(&d->ss, o->session);
	if (!s) {
		dlg_warn(_("%s: no conference \"%s\""), d->ss.path, o->session);
		return false;
	}
	d->s = s;
	d->cancelled = s->st == DLG_SESSION_CANCELLED;
	switch (o->need) {
	case DLG_CONF_HELD:
		if (d->cancelled) {
			dlg_warn_at(d->ss.path, s->line,
			            _("conference %s was cancelled: it has no minutes or "
			              "conclusions; answer its registrants in writing with "
			              "dlg-reply --session %s"),
			            s->id, s->id);
			return false;
		}
		if (s->st != DLG_SESSION_HELD) {
			/* the same states dlg-reply accepts: a conference not held yet
			 * has no minutes (set its status once it was held) */
			dlg_warn_at(
			    d->ss.path, s->line,
			    _("conference %s is %s: minutes and the conclusion notice follow "
			      "a conference that was held (set its status in sessions.csv)"),
			    s->id, s->status);
			return false;
		}
		break;
	case DLG_CONF_ANY:
		break;
	case DLG_CONF_HELD_OR_CANCELLED:
		if (!d->cancelled && s->st != DLG_SESSION_HELD) {
			dlg_warn_at(
			    d->ss.path, s->line,
			    _("conference %s is %s: written answers follow a conference "
			      "that was held or cancelled (set its status in sessions.csv)"),
			    s->id, s->status);
			return false;
		}
		break;
	}
	return true;
}

bool dlg_confdocs_load(dlg_confdocs *d, const dlg_confopen_opts *o)
{
	return dlg_confdocs_records(d, o) && dlg_confdocs_template(d, o);
}

bool dlg_confdocs_records(dlg_confdocs *d, const dlg_confopen_opts *o)
{
	return dlg_sessdata_load(&d->sd, d->cs, d->s, &o->files, !d->cancelled && !o->before);
}

bool dlg_confdocs_template(dlg_confdocs *d, const dlg_confopen_opts *o)
{
	d->t = dlg_case_tmpl_load(d->cs, o->tmpl);
	if (!d->t)
		return false;
	d->fonts = dlg_fonts_new(NULL);
	return true;
}

void dlg_confdocs_close(dlg_confdocs *d)
{
	dlg_tmpl_free(d->t);
	dlg_fonts_free(d->fonts);
	dlg_sessdata_free(&d->sd);
	dlg_sessions_free(&d->ss);
	memset(d, 0, sizeof *d);
}
