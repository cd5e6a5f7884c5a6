/* The standing participants: participants.csv and the village heads. */
#include "case/participants.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "base/diag.h"
#include "base/text.h"

char *dlg_village_head_title(const char *village)
{
	if (!*village)
		return dlg_xstrdup("");
	char *fold = dlg_text_fold(village);
	bool street = !strncmp(fold, "to dan pho", 10);
	free(fold);
	/* the kind in lower case: its first letter ("Thôn", "Cụm", "Tổ") */
	const char *rest = village;
	uint32_t c = dlg_utf8_next(&rest);
	char first[8];
	utf8proc_ssize_t n =
	    utf8proc_encode_char(utf8proc_tolower((utf8proc_int32_t)c), (utf8proc_uint8_t *)first);
	first[n > 0 ? n : 0] = '\0';
	return dlg_xasprintf(street ? "Tổ trưởng %s%s" : "Trưởng %s%s", first, rest);
}

static char *keep(dlg_participants *l, char *s)
{
	l->own = dlg_xrealloc(l->own, (l->nown + 1) * sizeof *l->own);
	l->own[l->nown++] = s;
	return s;
}

static void add(dlg_participants *l, dlg_participant p)
{
	l->p = dlg_xrealloc(l->p, (l->n + 1) * sizeof *l->p);
	l->p[l->n++] = p;
}

bool dlg_participants_load(dlg_participants *l, const dlg_case *c, const char *path)
{
	memset(l, 0, sizeof *l);
	l->path = path ? dlg_xstrdup(path) : dlg_case_data(c, "participants");
	bool ok = true;
	if (l->path) {
		if (!dlg_rows_load(&l->parts, l->path, NULL))
			return false;
		const dlg_table *t = &l->parts;
		if (dlg_table_col(t, "who") < 0) {
			dlg_warn_at(t->path, 1, _("no column \"%s\""), "who");
			return false;
		}
		for (size_t r = 0; r < t->nrows; r++) {
			const char *who = dlg_table_val(t, r, "who");
			if (!*who) {
				dlg_warn_at(t->path, t->line[r],
				            _("no \"who\": give each participant "
				              "a code (MTTQ, HND, PV...)"));
				ok = false;
				continue;
			}
			for (size_t k = 0; k < l->n; k++)
				if (!strcmp(l->p[k].who, who)) {
					dlg_warn_at(t->path, t->line[r],
					            _("\"%s\" is listed twice (first on line %ld)"),
					            who, l->p[k].line);
					ok = false;
				}
			add(l, (dlg_participant){
			           who, dlg_table_val(t, r, "group"), dlg_table_val(t, r, "title"),
			           dlg_table_val(t, r, "name"), dlg_table_val(t, r, "organization"),
			           dlg_table_val(t, r, "email"), dlg_table_val(t, r, "address"),
			           t->line[r]});
		}
	}
	char *vpath = dlg_case_data(c, "villages");
	if (vpath && dlg_rows_load(&l->villages, vpath, NULL)) {
		const dlg_table *v = &l->villages;
		const char *commune = dlg_conf_get(c->conf, "office", "commune");
		for (size_t r = 0; r < v->nrows; r++) {
			const char *name = dlg_table_val(v, r, "village");
			if (!*name)
				continue;
			add(l, (dlg_participant){
			           name, "village", keep(l, dlg_village_head_title(name)),
			           dlg_table_val(v, r, "head"), name, dlg_table_val(v, r, "email"),
			           keep(l, dlg_xasprintf("%s, %s", name, commune)), 0});
		}
	} else if (vpath) {
		ok = false;
	}
	free(vpath);
	return ok;
}

void dlg_participants_free(dlg_participants *l)
{
	for (size_t i = 0; i < l->nown; i++)
		free(l->own[i]);
	free(l->own);
	free(l->p);
	free(l->path);
	if (l->parts.path)
		dlg_table_free(&l->parts);
	if (l->villages.path)
		dlg_table_free(&l->villages);
	memset(l, 0, sizeof *l);
}
