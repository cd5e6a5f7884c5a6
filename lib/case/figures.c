/* The figures of one conference, counted once. */
#include "case/figures.h"
#include "base/vocab.h"

#include <string.h>

bool dlg_sd_item_protected(const dlg_sd_item *it)
{
	return it->act == DLG_ACT_REDIRECT;
}

bool dlg_sd_person_protected(const dlg_sessdata *sd, const dlg_sd_person *p)
{
	for (size_t k = 0; k < p->nitems; k++)
		if (!dlg_sd_item_protected(&sd->it[p->items[k]]))
			return false;
	return p->nitems > 0;
}

bool dlg_sd_person_counted(const dlg_sessdata *sd, const dlg_sd_person *p)
{
	return !dlg_sd_person_protected(sd, p) || !dlg_sd_person_away(sd, p);
}

void dlg_figures_count(dlg_figures *f, const dlg_sessdata *sd)
{
	memset(f, 0, sizeof *f);
	for (size_t i = 0; i < sd->np; i++) {
		const dlg_sd_person *p = &sd->p[i];
		if (!dlg_sd_person_counted(sd, p))
			continue;
		if (dlg_sd_person_away(sd, p)) {
			f->people_absent++;
			continue;
		}
		f->people_present++;
		if (dlg_channel_parse(p->channel) == DLG_CH_CONFERENCE)
			f->people_floor++;
		else
			f->people_registered_present++;
	}
	for (size_t i = 0; i < sd->np; i++)
		f->askers += sd->p[i].nitems > 0;
	for (size_t i = 0; i < sd->nit; i++) {
		const dlg_sd_item *it = &sd->it[i];
		f->questions++;
		if (it->floor)
			f->floor_questions++;
		else
			f->registered_questions++;
		if (!dlg_sd_item_in_writing(sd, it)) {
			f->answered_live++;
			continue;
		}
		f->in_writing++;
		if (it->act == DLG_ACT_ESCALATE)
			f->escalated++;
		else if (dlg_sd_item_protected(it))
			f->redirected++;
		else
			f->in_writing_answers++;
	}
	for (size_t d = 0; d < sd->nd; d++) {
		f->depts_present += sd->d[d].att == DLG_ATT_PRESENT;
		f->depts_absent += sd->d[d].att == DLG_ATT_ABSENT;
	}
}
