/* A conference's questions, answers and attendance, linked. */
#include "case/conference.h"
#include "case/attendance.h"
#include "case/participants.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/diag.h"
#include "fmt/table.h"
#include "base/strmap.h"
#include "base/text.h"

static bool file_exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

static bool need_cols(const dlg_table *t, const char *const *cols)
{
	bool ok = true;
	for (; *cols; cols++)
		if (dlg_table_col(t, *cols) < 0) {
			dlg_warn_at(t->path, 1, _("no column \"%s\""), *cols);
			ok = false;
		}
	return ok;
}

/* Index of s in map m (values: indexes), -1 when absent. */
static long find_key(const dlg_strmap *m, const char *s)
{
	uint64_t v;
	return dlg_strmap_get(m, s, strlen(s), &v) ? (long)v : -1;
}

/* Add s with index i (the first index given for s stays). */
static void add_key(dlg_strmap *m, const char *s, size_t i)
{
	dlg_strmap_add(m, s, strlen(s), i);
}

static bool accepted(const char *status)
{
	return dlg_reg_status_parse(status) == DLG_STATUS_ACCEPTED;
}

static dlg_sd_person *new_person(dlg_sessdata *sd, size_t *cap)
{
	if (sd->np == *cap) {
		*cap = *cap ? 2 * *cap : 16;
		sd->p = dlg_xreallocarray(sd->p, *cap, sizeof *sd->p);
	}
	dlg_sd_person *p = &sd->p[sd->np++];
	memset(p, 0, sizeof *p);
	return p;
}

static bool load_items(dlg_sessdata *sd)
{
	const dlg_table *t = &sd->items;
	static const char *const cols[] = {"item_id", "session", "name",   "kind",
	                                   "text",    "dept",    "action", NULL};
	if (!need_cols(t, cols))
		return false;
	bool ok = true;
	dlg_strmap people = {0};
	size_t pcap = 0, icap = 0;
	for (size_t r = 0; r < t->nrows; r++) {
		if (strcmp(dlg_table_val(t, r, "session"), sd->s->id) ||
		    !accepted(dlg_table_val(t, r, "status")))
			continue;
		if (sd->nit == icap) {
			icap = icap ? 2 * icap : 64;
			sd->it = dlg_xreallocarray(sd->it, icap, sizeof *sd->it);
		}
		dlg_sd_item *it = &sd->it[sd->nit];
		memset(it, 0, sizeof *it);
		it->row = r;
		it->line = t->line[r];
		it->item_id = dlg_table_val(t, r, "item_id");
		it->kind = dlg_table_val(t, r, "kind");
		it->text = dlg_table_val(t, r, "text");
		it->dept = dlg_table_val(t, r, "dept");
		it->level = dlg_table_val(t, r, "level");
		it->action = dlg_table_val(t, r, "action");
		it->act = dlg_action_parse(it->action);
		it->note = dlg_table_val(t, r, "note");
		it->floor = dlg_channel_parse(dlg_table_val(t, r, "channel")) == DLG_CH_CONFERENCE;
		const char *sent = dlg_table_val(t, r, "sent");
		it->sent = sd->s->date;
		if (*sent && !dlg_date_parse_iso(sent, &it->sent)) {
			dlg_warn_at(t->path, t->line[r],
			            _("sent date \"%s\" is not a date (YYYY-MM-DD)"), sent);
			ok = false;
		}
		if (!*it->item_id) {
			dlg_warn_at(t->path, t->line[r], _("empty item_id"));
			ok = false;
		}
		/* the registrant: by reg_id, else one per row */
		const char *reg = dlg_table_val(t, r, "reg_id");
		long pi = *reg ? find_key(&people, reg) : -1;
		if (pi < 0) {
			dlg_sd_person *p = new_person(sd, &pcap);
			p->row = r;
			p->reg_id = reg;
			p->name = dlg_table_val(t, r, "name");
			p->organization = dlg_table_val(t, r, "organization");
			p->email = dlg_table_val(t, r, "email");
			p->address = dlg_table_val(t, r, "address");
			p->village = dlg_table_val(t, r, "village");
			p->phone = dlg_table_val(t, r, "phone");
			p->channel = dlg_table_val(t, r, "channel");
			p->reason = "";
			p->att = it->floor ? DLG_ATT_PRESENT : DLG_ATT_UNKNOWN;
			pi = (long)(sd->np - 1);
			if (*reg)
				add_key(&people, reg, (size_t)pi);
		}
		dlg_sd_person *p = &sd->p[pi];
		p->items = dlg_xreallocarray(p->items, p->nitems + 1, sizeof *p->items);
		p->items[p->nitems++] = sd->nit;
		it->person = (size_t)pi;
		sd->nit++;
	}
	dlg_strmap_free(&people);
	return ok;
}

static bool load_answers(dlg_sessdata *sd)
{
	const dlg_table *t = &sd->answers;
	static const char *const cols[] = {"item_id", "answer", NULL};
	if (!need_cols(t, cols))
		return false;
	/* every item of the file, of any session, by item_id */
	dlg_strmap all = {0}, mine = {0};
	for (size_t r = 0; r < sd->items.nrows; r++) {
		const char *id = dlg_table_val(&sd->items, r, "item_id");
		if (*id)
			add_key(&all, id, r);
	}
	for (size_t i = 0; i < sd->nit; i++)
		add_key(&mine, sd->it[i].item_id, i);
	bool ok = true;
	sd->ans = dlg_xmalloc((t->nrows ? t->nrows : 1) * sizeof *sd->ans);
	for (size_t r = 0; r < t->nrows; r++) {
		const char *id = dlg_table_val(t, r, "item_id");
		long line = t->line[r];
		if (find_key(&all, id) < 0) {
			dlg_warn_at(t->path, line, _("answer to \"%s\", which is not in %s"), id,
			            sd->items.path);
			ok = false;
			continue;
		}
		long v = find_key(&mine, id);
		if (v < 0)
			continue; /* another session's question */
		dlg_sd_answer *a = &sd->ans[sd->nans];
		a->item_id = id;
		a->by = dlg_table_val(t, r, "by");
		if (*a->by && !dlg_sessdata_dept(sd, a->by)) {
			/* never printed into a signed document as it is */
			dlg_warn_at(t->path, line, _("answer by \"%s\", which is not in %s"), a->by,
			            sd->depts.path);
			ok = false;
		}
		a->channel = dlg_table_val(t, r, "channel");
		a->text = dlg_table_val(t, r, "answer");
		a->line = line;
		a->day = -1;
		const char *date = dlg_table_val(t, r, "date");
		if (*date && !dlg_date_parse_iso(date, &a->day)) {
			dlg_warn_at(t->path, line, _("date \"%s\" is not a date (YYYY-MM-DD)"),
			            date);
			ok = false;
		}
		if (*a->channel && strcmp(a->channel, "conference") &&
		    strcmp(a->channel, "written")) {
			dlg_warn_at(t->path, line,
			            _("channel \"%s\" is neither conference nor written"),
			            a->channel);
			ok = false;
		}
		a->conference = !strcmp(a->channel, "conference");
		if (dlg_text_blank(a->text)) {
			dlg_warn_at(t->path, line, _("the answer to %s is empty"), id);
			ok = false;
		}
		dlg_sd_item *it = &sd->it[v];
		it->ans = dlg_xreallocarray(it->ans, it->nans + 1, sizeof *it->ans);
		it->ans[it->nans++] = sd->nans++;
	}
	dlg_strmap_free(&all);
	dlg_strmap_free(&mine);
	return ok;
}

static bool load_attendance(dlg_sessdata *sd, const dlg_case *c)
{
	const dlg_table *t = &sd->attendance;
	static const char *const cols[] = {"session", "who", "present", NULL};
	if (!need_cols(t, cols))
		return false;
	dlg_strmap people = {0};
	for (size_t i = 0; i < sd->np; i++)
		if (*sd->p[i].reg_id)
			add_key(&people, sd->p[i].reg_id, i);
	/* the standing participants (codes of participants.csv) and the village
	 * heads (names of villages.csv) sign the attendance list too: read once,
	 * when a row is someone else */
	dlg_participants others = {0};
	bool others_read = false;
	bool ok = true;
	for (size_t r = 0; ok && r < t->nrows; r++) {
		if (strcmp(dlg_table_val(t, r, "session"), sd->s->id))
			continue;
		const char *who = dlg_table_val(t, r, "who");
		const char *pres = dlg_table_val(t, r, "present");
		long line = t->line[r];
		int yn = dlg_attendance_mark(pres);
		if (yn < 0) {
			dlg_warn_at(t->path, line, _("present must be yes or no, not \"%s\""),
			            pres);
			ok = false;
			continue;
		}
		dlg_att att = yn ? DLG_ATT_PRESENT : DLG_ATT_ABSENT;
		const char *reason = dlg_table_val(t, r, "reason");
		long pi = *who ? find_key(&people, who) : -1;
		if (pi >= 0) {
			sd->p[pi].att = att;
			sd->p[pi].reason = reason;
			continue;
		}
		bool dept = false;
		for (size_t d = 0; d < sd->nd; d++)
			if (!strcmp(sd->d[d].code, who)) {
				sd->d[d].att = att;
				sd->d[d].reason = reason;
				dept = true;
			}
		if (dept)
			continue;
		if (!others_read) {
			others_read = true;
			if (!dlg_participants_load(&others, c, NULL)) {
				ok = false;
				break;
			}
		}
		bool other = false;
		for (size_t k = 0; k < others.n && !other; k++)
			other = !strcmp(others.p[k].who, who);
		if (!other) {
			dlg_warn_at(
			    t->path, line,
			    _("\"%s\" is neither a registrant of conference %s in %s, a "
			      "department, a participant of participants.csv nor a village"),
			    who, sd->s->id, sd->items.path);
			ok = false;
		}
	}
	if (others_read)
		dlg_participants_free(&others);
	dlg_strmap_free(&people);
	return ok;
}

static bool load_depts(dlg_sessdata *sd)
{
	const dlg_table *t = &sd->depts;
	static const char *const cols[] = {"dept", "name", NULL};
	if (!need_cols(t, cols))
		return false;
	sd->d = dlg_xmalloc((t->nrows ? t->nrows : 1) * sizeof *sd->d);
	sd->nd = t->nrows;
	for (size_t r = 0; r < t->nrows; r++) {
		dlg_sd_dept *d = &sd->d[r];
		memset(d, 0, sizeof *d);
		d->code = dlg_table_val(t, r, "dept");
		d->name = dlg_table_val(t, r, "name");
		d->head = dlg_table_val(t, r, "head");
		d->email = dlg_table_val(t, r, "email");
		d->address = dlg_table_val(t, r, "address");
		d->level = dlg_table_val(t, r, "level");
		d->reason = "";
	}
	return true;
}

bool dlg_sessdata_load(dlg_sessdata *sd, const dlg_case *c, const dlg_session *s,
                       const dlg_sd_files *f, bool need_attendance)
{
	memset(sd, 0, sizeof *sd);
	sd->s = s;
	bool ok = false;
	char *items = f && f->items ? dlg_xstrdup(f->items) : dlg_case_file(c, "items");
	char *answers = f && f->answers ? dlg_xstrdup(f->answers) : dlg_case_file(c, "answers");
	char *att =
	    f && f->attendance ? dlg_xstrdup(f->attendance) : dlg_case_file(c, "attendance");
	char *depts = dlg_case_data(c, "departments");
	if (!depts) {
		dlg_warn("%s", _("no departments.csv in the case folder (dlg init makes one)"));
		goto done;
	}
	if (!dlg_rows_load(&sd->depts, depts, NULL) || !load_depts(sd))
		goto done;
	if (!dlg_rows_load(&sd->items, items, f ? f->from : NULL))
		goto done;
	bool good = load_items(sd);
	for (size_t i = 0; i < sd->nit; i++)
		for (size_t d = 0; d < sd->nd; d++)
			if (!strcmp(sd->d[d].code, sd->it[i].dept))
				sd->d[d].nitems++;
	if ((f && f->answers) || file_exists(answers)) {
		if (!dlg_rows_load(&sd->answers, answers, NULL))
			goto done;
		sd->has_answers = true;
		good = load_answers(sd) && good;
	}
	if ((f && f->attendance) || file_exists(att)) {
		if (!dlg_rows_load(&sd->attendance, att, NULL))
			goto done;
		sd->has_attendance = true;
		good = load_attendance(sd, c) && good;
	} else if (need_attendance) {
		dlg_warn(_("%s: %s (who came to conference %s?)"), att, strerror(ENOENT), s->id);
		good = false;
	}
	ok = good;
done:
	free(items);
	free(answers);
	free(att);
	free(depts);
	return ok;
}

void dlg_sessdata_free(dlg_sessdata *sd)
{
	for (size_t i = 0; i < sd->nit; i++)
		free(sd->it[i].ans);
	for (size_t i = 0; i < sd->np; i++)
		free(sd->p[i].items);
	free(sd->it);
	free(sd->p);
	free(sd->ans);
	free(sd->d);
	if (sd->items.path)
		dlg_table_free(&sd->items);
	if (sd->answers.path)
		dlg_table_free(&sd->answers);
	if (sd->attendance.path)
		dlg_table_free(&sd->attendance);
	if (sd->depts.path)
		dlg_table_free(&sd->depts);
	memset(sd, 0, sizeof *sd);
}

const dlg_sd_dept *dlg_sessdata_dept(const dlg_sessdata *sd, const char *code)
{
	for (size_t i = 0; i < sd->nd; i++)
		if (!strcmp(sd->d[i].code, code))
			return &sd->d[i];
	return NULL;
}

const char *dlg_sessdata_dept_name(const dlg_sessdata *sd, const char *code)
{
	const dlg_sd_dept *d = dlg_sessdata_dept(sd, code);
	return d && *d->name ? d->name : code;
}

static bool above_commune(const char *level)
{
	return !strcmp(level, "city") || !strcmp(level, "national");
}

const dlg_sd_dept *dlg_sessdata_higher(const dlg_sessdata *sd, const dlg_sd_item *it)
{
	const dlg_sd_dept *d = dlg_sessdata_dept(sd, it->dept);
	if (d && above_commune(d->level))
		return d;
	const char *level = above_commune(it->level) ? it->level : "city";
	for (size_t i = 0; i < sd->nd; i++)
		if (!strcmp(sd->d[i].level, level))
			return &sd->d[i];
	return NULL;
}

bool dlg_sd_item_answered_live(const dlg_sessdata *sd, const dlg_sd_item *it)
{
	for (size_t k = 0; k < it->nans; k++)
		if (sd->ans[it->ans[k]].conference)
			return true;
	return false;
}

bool dlg_sd_person_away(const dlg_sessdata *sd, const dlg_sd_person *p)
{
	if (sd->s->st == DLG_SESSION_CANCELLED)
		return true;
	return p->att != DLG_ATT_PRESENT;
}

bool dlg_sd_item_in_writing(const dlg_sessdata *sd, const dlg_sd_item *it)
{
	if (dlg_sd_person_away(sd, &sd->p[it->person]))
		return true;
	/* guidance to the proper channel goes in writing (plan III.2), and what
	 * went up comes back down in writing */
	if (it->act == DLG_ACT_REDIRECT || it->act == DLG_ACT_ESCALATE)
		return true;
	return !dlg_sd_item_answered_live(sd, it);
}

const char *dlg_sd_kind_label(const char *kind)
{
	if (!strcmp(kind, "procedure"))
		return "Về thủ tục hành chính";
	if (!strcmp(kind, "handling"))
		return "Về giải quyết thủ tục hành chính";
	return kind;
}

char *dlg_sd_person_label(const dlg_sd_person *p)
{
	if (*p->organization && *p->name)
		return dlg_xasprintf("Ông/Bà %s, đại diện %s", p->name, p->organization);
	if (*p->organization)
		return dlg_xstrdup(p->organization);
	return dlg_xasprintf("Ông/Bà %s", p->name);
}

char *dlg_sd_name_part(const char *who)
{
	const char *dash = strstr(who, " - ");
	char *s = dlg_xstrdup(who);
	if (dash)
		s[dash - who] = '\0';
	return dlg_text_squeeze(s);
}

char *dlg_sd_title_part(const char *who)
{
	const char *dash = strstr(who, " - ");
	char *s = dlg_xstrdup(dash ? dash + 3 : "");
	return dlg_text_squeeze(s);
}

const char *dlg_sd_dept_field(const dlg_sd_dept *d, const char *col)
{
	if (!strcmp(col, "name"))
		return d->name;
	if (!strcmp(col, "dept"))
		return d->code;
	if (!strcmp(col, "head"))
		return d->head;
	return NULL;
}
