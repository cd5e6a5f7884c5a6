/* Reading a case folder's records into the report, streamed row by row. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fmt/csv.h"
#include "base/diag.h"
#include "base/hashmap.h"
#include "case/attendance.h"
#include "case/closures.h"
#include "case/report_count.h"
#include "case/sessions.h"
#include "fmt/table.h"
#include "base/tally.h"
#include "case/villages.h"

typedef struct {
	dlg_report *r;
	const dlg_report_opts *o;
	const char *commune;
	dlg_villages *vil;
	dlg_tally *vcache; /* what a row wrote -> label = the official name */
	dlg_answers answers;
	dlg_strmap item_ids; /* every item_id read, of any session */
	const char *items_name;
	dlg_duecalc dc;
	dlg_holidays *hol;
	dlg_hashmap present;     /* hash of session \x1f who -> 1 present, 2 absent */
	dlg_tally *att_sessions; /* sessions attendance.csv has a row for */
} reader;

static uint64_t att_key(const char *session, const char *who)
{
	uint64_t k = dlg_hash(DLG_HASH_SEED, session, strlen(session) + 1);
	k = dlg_hash(k, who, strlen(who));
	return k ? k : 1;
}

/* The case's attendance.csv (if any) into rd->present. Only a hash of each
 * session and who is kept; two colliding among a conference's few hundred
 * rows has a chance below 1e-14. */
static bool load_attendance(reader *rd, const dlg_case *c)
{
	char *path = dlg_case_file(c, "attendance");
	if (access(path, F_OK) != 0) {
		free(path);
		return true;
	}
	dlg_csv_reader *in = dlg_csv_open(path, NULL);
	free(path);
	if (!in)
		return false;
	int cs = dlg_csv_col(in, "session"), cw = dlg_csv_col(in, "who");
	int cp = dlg_csv_col(in, "present");
	if (cs < 0 || cw < 0 || cp < 0) {
		dlg_warn_at(dlg_csv_name(in), 1, _("no \"%s\" column"),
		            cs < 0   ? "session"
		            : cw < 0 ? "who"
		                     : "present");
		dlg_csv_close(in);
		return false;
	}
	const dlg_row *row;
	int got;
	bool ok = true;
	while ((got = dlg_csv_next(in, &row)) != 0) {
		if (got < 0) {
			ok = false;
			if (got == DLG_CSV_BAD_ROW)
				continue;
			break;
		}
		int mark = dlg_attendance_mark(row->field[cp]);
		if (mark < 0) {
			dlg_warn_at(dlg_csv_name(in), row->line,
			            _("present \"%s\" is neither yes nor no"), row->field[cp]);
			ok = false;
			continue;
		}
		const char *ses = row->field[cs];
		dlg_hashmap_add(&rd->present, att_key(ses, row->field[cw]), mark ? 1 : 2, NULL);
		dlg_tally_at(rd->att_sessions, ses, strlen(ses));
	}
	dlg_csv_close(in);
	return ok;
}

/* The official name of the village a row wrote, when it is the case's
 * commune and the text names one of its villages; else the text. */
static const char *village_of(reader *rd, const char *commune, const char *text)
{
	if (!*text || strcmp(commune, rd->commune))
		return text;
	size_t len = strlen(text);
	long i = dlg_tally_find(rd->vcache, text, len);
	if (i < 0) {
		dlg_tally_at(rd->vcache, text, len);
		i = (long)dlg_tally_size(rd->vcache) - 1;
		const char *m = dlg_villages_match(rd->vil, text);
		dlg_tally_set_label(rd->vcache, (size_t)i, m ? m : text);
	}
	return dlg_tally_label(rd->vcache, (size_t)i);
}

static const char *cell(const dlg_row *row, int col)
{
	return col >= 0 ? row->field[col] : "";
}

static const char *commune_of(reader *rd, const dlg_row *row, int col)
{
	const char *c = cell(row, col);
	return *c ? c : rd->commune;
}

static bool read_registrations(reader *rd, dlg_csv_reader *in)
{
	int ccom = dlg_csv_col(in, "commune"), cses = dlg_csv_col(in, "session");
	int cvil = dlg_csv_col(in, "village"), cch = dlg_csv_col(in, "channel");
	int cst = dlg_csv_col(in, "status"), cid = dlg_csv_col(in, "reg_id");
	int cname = dlg_csv_col(in, "name"), corg = dlg_csv_col(in, "organization");
	int cph = dlg_csv_col(in, "phone"), clate = dlg_csv_col(in, "late_for");
	const dlg_row *row;
	int got;
	while ((got = dlg_csv_next(in, &row)) > 0) {
		const char *commune = commune_of(rd, row, ccom);
		/* at the conference: marked present, or raised a question from the
		 * floor there */
		uint64_t mark = 0;
		dlg_hashmap_get(&rd->present, att_key(cell(row, cses), cell(row, cid)), &mark);
		bool attended = mark == 1 || !strcmp(cell(row, cch), "conference");
		dlg_report_reg g = {
		    commune,          cell(row, cses), village_of(rd, commune, cell(row, cvil)),
		    cell(row, cch),   cell(row, cst),  cell(row, cid),
		    cell(row, cname), cell(row, corg), cell(row, cph),
		    attended};
		dlg_report_registration(rd->r, &g);
		/* a late form the office carried over to a later conference
		 * (dlg-register --carry-over) is still a late form of the one it
		 * missed: that conference's report counts it so */
		const char *late_for = cell(row, clate);
		if (*late_for && rd->o->session && !strcmp(rd->o->session, late_for) &&
		    strcmp(late_for, g.session)) {
			g.session = late_for;
			g.status = "late";
			g.attended = false;
			dlg_report_registration(rd->r, &g);
		}
	}
	return got == 0;
}

static bool read_items(reader *rd, dlg_csv_reader *in)
{
	int ccom = dlg_csv_col(in, "commune"), cses = dlg_csv_col(in, "session");
	int cvil = dlg_csv_col(in, "village"), cid = dlg_csv_col(in, "item_id");
	int cfield = dlg_csv_col(in, "field"), cdept = dlg_csv_col(in, "dept");
	int cact = dlg_csv_col(in, "action"), ckind = dlg_csv_col(in, "kind");
	int csent = dlg_csv_col(in, "sent"), creg = dlg_csv_col(in, "reg_id");
	const char *only = rd->o->session;
	const dlg_row *row;
	int got;
	bool ok = true;
	rd->items_name = dlg_csv_name(in);
	while ((got = dlg_csv_next(in, &row)) > 0) {
		if (cid >= 0 && row->len[cid])
			dlg_strmap_add(&rd->item_ids, row->field[cid], row->len[cid], 0);
		const char *session = cell(row, cses);
		if (only && strcmp(session, only))
			continue;
		/* dlg-deadline's rule: an item without a sent date counts from today */
		const char *sent_s = cell(row, csent);
		dlg_day sent = rd->o->today;
		if (*sent_s && !dlg_date_parse_iso(sent_s, &sent)) {
			dlg_warn_at(dlg_csv_name(in), row->line,
			            _("sent date \"%s\" is not a date (YYYY-MM-DD)"), sent_s);
			ok = false;
			continue;
		}
		dlg_day ad;
		bool has =
		    cid >= 0 && dlg_answers_get(&rd->answers, row->field[cid], row->len[cid], &ad);
		const char *commune = commune_of(rd, row, ccom);
		dlg_report_item it = {
		    commune,
		    session,
		    village_of(rd, commune, cell(row, cvil)),
		    cell(row, cfield),
		    cell(row, cdept),
		    cell(row, cact),
		    cell(row, ckind),
		    dlg_item_state_of(&rd->dc, sent, has ? &ad : NULL, NULL, NULL),
		    has ? (long)(ad - sent) : -1,
		    cell(row, creg)};
		dlg_report_item_add(rd->r, &it);
	}
	return ok && got == 0;
}

enum kind { K_REGS, K_ITEMS, K_ANSWERS, K_UNKNOWN };

static enum kind kind_of(dlg_csv_reader *in)
{
	bool item = dlg_csv_col(in, "item_id") >= 0;
	if (item && dlg_csv_col(in, "kind") >= 0)
		return K_ITEMS;
	if (item)
		return K_ANSWERS;
	if (dlg_csv_col(in, "reg_id") >= 0)
		return K_REGS;
	return K_UNKNOWN;
}

static void load_reference(reader *rd, const dlg_case *c, bool *ok)
{
	dlg_report *r = rd->r;
	size_t nv = dlg_villages_count(rd->vil);
	const char **names = dlg_xmalloc((nv ? nv : 1) * sizeof *names);
	for (size_t i = 0; i < nv; i++)
		names[i] = dlg_villages_name(rd->vil, i);
	dlg_report_add_commune(r, rd->commune, names, nv);
	free(names);

	dlg_sessions ss;
	if (dlg_sessions_load(&ss, c)) {
		for (size_t i = 0; i < ss.n; i++) {
			const dlg_session *s = &ss.s[i];
			dlg_cover cv = DLG_COVER_IF_USED;
			if (s->st == DLG_SESSION_CANCELLED)
				cv = DLG_COVER_NEVER;
			else if (s->st == DLG_SESSION_HELD || s->date <= rd->o->today ||
			         (rd->o->session && !strcmp(s->id, rd->o->session)))
				cv = DLG_COVER_ALWAYS;
			dlg_report_add_session(r, rd->commune, s->id, s->date, cv);
			if (s->st == DLG_SESSION_HELD) {
				if (dlg_tally_find(rd->att_sessions, s->id, strlen(s->id)) >= 0)
					dlg_report_session_held(r, rd->commune, s->id);
				else if (!rd->o->session || !strcmp(rd->o->session, s->id))
					dlg_warn_at(
					    ss.path, s->line,
					    _("conference %s was held but attendance.csv has no "
					      "row for it: its village coverage counts "
					      "registrations"),
					    s->id);
			}
		}
		dlg_sessions_free(&ss);
	} else {
		*ok = false;
	}

	static const struct {
		const char *file, *code, *name;
	} ref[] = {{"departments", "dept", "name"}, {"routes", "field", "field_name"}};
	for (size_t k = 0; k < 2; k++) {
		char *path = dlg_case_data(c, ref[k].file);
		if (!path)
			continue;
		dlg_table t;
		const char *req[] = {ref[k].code, NULL};
		if (dlg_table_load(&t, path, req)) {
			for (size_t i = 0; i < t.nrows; i++) {
				const char *code = dlg_table_val(&t, i, ref[k].code);
				const char *name = dlg_table_val(&t, i, ref[k].name);
				if (k == 0) /* this commune's own departments */
					dlg_report_name_dept(r, rd->commune, code, name);
				else
					dlg_report_name_field(r, code, name);
			}
			dlg_table_free(&t);
		} else {
			*ok = false;
		}
		free(path);
	}
}

/* Open path for reading; a record the folder does not have yet (no such
 * file) is empty, not an error. */
static dlg_csv_reader *open_record(const char *path, bool optional, const char *from)
{
	if (optional && access(path, F_OK) != 0)
		return NULL;
	dlg_csv_opts co = {.from = from};
	return dlg_csv_open(path, &co);
}

bool dlg_report_add_case(dlg_report *r, const dlg_case *c, const char *const *files, size_t nfiles)
{
	const dlg_report_opts *o = dlg_report_options(r);
	reader rd = {.r = r, .o = o};
	rd.commune = dlg_conf_get(c->conf, "office", "commune");
	rd.vil = dlg_villages_load(c);
	if (!rd.vil)
		return false;
	rd.hol = dlg_case_holidays(c);
	if (!rd.hol) {
		dlg_villages_free(rd.vil);
		return false;
	}
	rd.vcache = dlg_tally_new(1);
	rd.att_sessions = dlg_tally_new(1);
	dlg_hashmap_init(&rd.present);
	dlg_answers_init(&rd.answers);
	dlg_duecalc_init(&rd.dc, c, rd.hol, o->today, -1);
	bool ok = load_attendance(&rd, c);
	load_reference(&rd, c, &ok);

	/* the inputs, by kind: answers first, as items need them */
	size_t n = nfiles ? nfiles : 3;
	dlg_csv_reader **in = dlg_xmalloc(n * sizeof *in);
	enum kind *kind = dlg_xmalloc(n * sizeof *kind);
	if (nfiles) {
		for (size_t i = 0; i < n; i++) {
			in[i] = open_record(files[i], false, o->from);
			kind[i] = in[i] ? kind_of(in[i]) : K_UNKNOWN;
			if (!in[i]) {
				ok = false;
			} else if (kind[i] == K_UNKNOWN) {
				dlg_warn_at(
				    dlg_csv_name(in[i]), 1,
				    _("neither registrations (reg_id), items (item_id, kind) "
				      "nor answers (item_id, date)"));
				ok = false;
			}
		}
	} else {
		static const char *const key[] = {"registrations", "items", "answers"};
		for (size_t i = 0; i < 3; i++) {
			char *path = dlg_case_file(c, key[i]);
			in[i] = open_record(path, true, o->from);
			kind[i] = (enum kind)i;
			if (!in[i] && access(path, F_OK) == 0)
				ok = false;
			free(path);
		}
	}
	/* items closed by a guidance letter or the report to the higher level
	 * count as handled on that day */
	if (ok && !nfiles && !dlg_closures_load(&rd.answers, c, NULL))
		ok = false;
	if (ok) {
		static const enum kind order[] = {K_ANSWERS, K_REGS, K_ITEMS};
		for (size_t k = 0; k < 3; k++) {
			for (size_t i = 0; i < n; i++) {
				if (!in[i] || kind[i] != order[k])
					continue;
				bool good;
				if (kind[i] == K_ANSWERS) {
					good = dlg_answers_read(&rd.answers, in[i]);
				} else if (kind[i] == K_REGS) {
					good = read_registrations(&rd, in[i]);
				} else {
					good = read_items(&rd, in[i]);
				}
				if (!good)
					ok = false;
			}
		}
	}
	/* an answer to a question that is not in the case's items.csv is a
	 * mistake in answers.csv, as dlg-minutes and dlg-reply say (files given
	 * on the command line may be a selection, e.g. one department's) */
	if (ok && !nfiles && rd.items_name &&
	    dlg_answers_check_items(&rd.answers, &rd.item_ids, rd.items_name) > 0)
		ok = false;
	for (size_t i = 0; i < n; i++)
		if (in[i])
			dlg_csv_close(in[i]);
	free(in);
	free(kind);
	dlg_answers_free(&rd.answers);
	dlg_strmap_free(&rd.item_ids);
	dlg_tally_free(rd.vcache);
	dlg_tally_free(rd.att_sessions);
	dlg_hashmap_free(&rd.present);
	dlg_holidays_free(rd.hol);
	dlg_villages_free(rd.vil);
	return ok;
}
