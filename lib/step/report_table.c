/* The results report as CSV tables (dlg-report --table, and the rows the PDF
 * report draws). */
#include "step/report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "base/tally.h"
#include "fmt/csv.h"

static const char *nz(const char *s)
{
	return s ? s : "";
}

const char *const dlg_report_tables[] = {"fields",     "departments", "villages",     "channels",
                                         "timeliness", "coverage",    "participants", NULL};

/* Where table rows go: a CSV writer, or a function. */
typedef struct {
	dlg_csv_writer *w;
	dlg_report_row_fn fn;
	void *ctx;
	char num[16][24];
	int nnum;
} out;

static void emit(out *o, const char *const *cells, size_t n)
{
	if (o->w)
		dlg_csv_write_row(o->w, cells, n);
	else
		o->fn(o->ctx, cells, n);
}

static const char *num(out *o, long v)
{
	char *b = o->num[o->nnum++ & 15];
	snprintf(b, 24, "%ld", v);
	return b;
}

/* part*100/whole with one decimal, "" when whole is 0. */
static const char *pct(out *o, long part, long whole)
{
	char *b = o->num[o->nnum++ & 15];
	if (!whole)
		b[0] = '\0';
	else
		snprintf(b, 24, "%.1f", 100.0 * (double)part / (double)whole);
	return b;
}

static const char *ratio(out *o, long sum, long n)
{
	char *b = o->num[o->nnum++ & 15];
	if (!n)
		b[0] = '\0';
	else
		snprintf(b, 24, "%.1f", (double)sum / (double)n);
	return b;
}

/* More than one commune counted: department rows then start with their
 * commune (a code names a department of its own commune). */
static bool many_communes(const dlg_report *r)
{
	return dlg_tally_size(dlg_report_tally(r, DLG_REPORT_COMMUNES)) > 1;
}

/* Emit a department row: its commune first when there are several. */
static void emit_dept(out *o, bool many, const char *commune, const char *const *cells, size_t n)
{
	if (!many) {
		emit(o, cells, n);
		return;
	}
	const char *row[16];
	row[0] = commune;
	for (size_t i = 0; i < n && i < 15; i++)
		row[i + 1] = cells[i];
	emit(o, row, n + 1);
}

/* commune: NULL for a row without the commune column */
static void question_row(out *o, const char *commune, const char *code, const char *name,
                         const long *q)
{
	const char *row[] = {code,
	                     name,
	                     num(o, q[DLG_Q_TOTAL]),
	                     num(o, q[DLG_Q_PROCEDURE]),
	                     num(o, q[DLG_Q_HANDLING]),
	                     num(o, q[DLG_Q_ANSWER]),
	                     num(o, q[DLG_Q_ESCALATE]),
	                     num(o, q[DLG_Q_REDIRECT]),
	                     num(o, q[DLG_Q_REVIEW])};
	emit_dept(o, commune != NULL, commune, row, 9);
}

static void table_questions(dlg_report *r, out *o, bool by_dept)
{
	static const char *const head_f[] = {"field",     "field_name", "questions",
	                                     "procedure", "handling",   "answer",
	                                     "escalate",  "redirect",   "review"};
	static const char *const head_d[] = {"dept",      "dept_name", "questions",
	                                     "procedure", "handling",  "answer",
	                                     "escalate",  "redirect",  "review"};
	bool many = by_dept && many_communes(r);
	emit_dept(o, many, "commune", by_dept ? head_d : head_f, 9);
	dlg_report_list which = by_dept ? DLG_REPORT_DEPTS : DLG_REPORT_FIELDS;
	const dlg_tally *t = dlg_report_tally(r, which);
	size_t n;
	size_t *ix = dlg_report_sorted(r, which, true, &n);
	for (size_t i = 0; i < n; i++) {
		const char *key = dlg_tally_key(t, ix[i]);
		char commune[256], code[256];
		if (by_dept) {
			dlg_report_key_part(key, 0, commune, sizeof commune);
			dlg_report_key_part(key, 1, code, sizeof code);
		} else {
			snprintf(code, sizeof code, "%s", key);
		}
		const char *name =
		    by_dept ? dlg_report_dept_name(r, key) : dlg_report_field_name(r, key);
		question_row(o, many ? commune : NULL, code, nz(name), dlg_tally_counts(t, ix[i]));
	}
	long q[DLG_Q_N];
	dlg_report_sum(r, which, q);
	question_row(o, many ? "" : NULL, "total", "", q);
	free(ix);
}

static void timely_row(out *o, const char *commune, const char *code, const char *name,
                       const long *q)
{
	long answered = q[DLG_Q_ON_TIME] + q[DLG_Q_LATE];
	const char *row[] = {code,
	                     name,
	                     num(o, q[DLG_Q_TOTAL]),
	                     num(o, answered),
	                     num(o, q[DLG_Q_ON_TIME]),
	                     num(o, q[DLG_Q_LATE]),
	                     num(o, q[DLG_Q_OVERDUE]),
	                     num(o, q[DLG_Q_NOT_DUE]),
	                     pct(o, q[DLG_Q_ON_TIME], answered + q[DLG_Q_OVERDUE]),
	                     ratio(o, q[DLG_Q_DAYS_SUM], answered)};
	emit_dept(o, commune != NULL, commune, row, 10);
}

static void table_timeliness(dlg_report *r, out *o)
{
	static const char *const head[] = {
	    "dept", "dept_name", "questions",   "answered",     "on_time",
	    "late", "overdue",   "not_yet_due", "on_time_rate", "average_days"};
	bool many = many_communes(r);
	emit_dept(o, many, "commune", head, 10);
	size_t n;
	size_t *ix = dlg_report_sorted(r, DLG_REPORT_DEPTS, true, &n);
	for (size_t i = 0; i < n; i++) {
		const char *key = dlg_tally_key(dlg_report_tally(r, DLG_REPORT_DEPTS), ix[i]);
		char commune[256], code[256];
		dlg_report_key_part(key, 0, commune, sizeof commune);
		dlg_report_key_part(key, 1, code, sizeof code);
		timely_row(o, many ? commune : NULL, code, nz(dlg_report_dept_name(r, key)),
		           dlg_tally_counts(dlg_report_tally(r, DLG_REPORT_DEPTS), ix[i]));
	}
	long q[DLG_Q_N];
	dlg_report_sum(r, DLG_REPORT_DEPTS, q);
	timely_row(o, many ? "" : NULL, "total", "", q);
	free(ix);
}

static void reg_row(out *o, const char *const *lead, size_t nlead, const long *c, const long *extra)
{
	const char *row[12];
	size_t k = 0;
	for (size_t i = 0; i < nlead; i++)
		row[k++] = lead[i];
	row[k++] = num(o, c[DLG_REG_TOTAL]);
	row[k++] = num(o, c[DLG_REG_ACCEPTED]);
	if (!extra) {
		row[k++] = num(o, c[DLG_REG_LATE]);
		row[k++] = num(o, c[DLG_REG_INCOMPLETE]);
		row[k++] = num(o, c[DLG_REG_DUPLICATE]);
	}
	row[k++] = num(o, c[DLG_REG_INDIV]);
	row[k++] = num(o, c[DLG_REG_ORG]);
	if (extra)
		row[k++] = num(o, *extra);
	emit(o, row, k);
}

static void table_channels(dlg_report *r, out *o)
{
	static const char *const head[] = {"channel",     "registrations", "accepted",
	                                   "late",        "incomplete",    "duplicate",
	                                   "individuals", "organizations"};
	emit(o, head, 8);
	size_t n;
	size_t *ix = dlg_report_sorted(r, DLG_REPORT_CHANNELS, true, &n);
	for (size_t i = 0; i < n; i++) {
		const char *lead[] = {
		    dlg_tally_key(dlg_report_tally(r, DLG_REPORT_CHANNELS), ix[i])};
		reg_row(o, lead, 1,
		        dlg_tally_counts(dlg_report_tally(r, DLG_REPORT_CHANNELS), ix[i]), NULL);
	}
	long c[DLG_REG_N];
	dlg_report_sum(r, DLG_REPORT_CHANNELS, c);
	const char *lead[] = {"total"};
	reg_row(o, lead, 1, c, NULL);
	free(ix);
}

static void table_villages(dlg_report *r, out *o)
{
	static const char *const head[] = {"commune",  "village",     "registrations",
	                                   "accepted", "individuals", "organizations",
	                                   "questions"};
	emit(o, head, 7);
	size_t n;
	size_t *ix = dlg_report_sorted(r, DLG_REPORT_VILLAGES, false, &n);
	long c[DLG_REG_N] = {0}, q = 0;
	for (size_t i = 0; i < n; i++) {
		const long *v = dlg_tally_counts(dlg_report_tally(r, DLG_REPORT_VILLAGES), ix[i]);
		if (!dlg_report_village_listed(v))
			continue;
		char cb[256], vb[256];
		const char *k = dlg_tally_key(dlg_report_tally(r, DLG_REPORT_VILLAGES), ix[i]);
		const char *lead[] = {dlg_report_key_part(k, 0, cb, sizeof cb),
		                      dlg_report_key_part(k, 1, vb, sizeof vb)};
		reg_row(o, lead, 2, v, &v[DLG_VIL_QUESTIONS]);
		for (int j = 0; j < DLG_REG_N; j++)
			c[j] += v[j];
		q += v[DLG_VIL_QUESTIONS];
	}
	const char *lead[] = {"total", ""};
	reg_row(o, lead, 2, c, &q);
	free(ix);
}

static void cover_row(void *ctx, const dlg_report_cover_row *c)
{
	out *o = ctx;
	const char *row[] = {c->commune,
	                     c->session,
	                     c->village,
	                     num(o, c->regs),
	                     num(o, c->accepted),
	                     c->held ? num(o, c->attended) : "",
	                     c->covered ? "yes" : "no"};
	emit(o, row, 7);
}

/* attended is empty for a conference not held yet (or whose attendance is
 * not recorded): covered then counts accepted registrations */
static void table_coverage(dlg_report *r, out *o)
{
	static const char *const head[] = {"commune",  "session",  "village", "registrations",
	                                   "accepted", "attended", "covered"};
	emit(o, head, 7);
	dlg_report_walk_coverage(r, cover_row, o);
}

static void table_participants(dlg_report *r, out *o)
{
	static const char *const head[] = {"commune",      "session", "reg_id", "village", "name",
	                                   "organization", "channel", "status", "phone"};
	size_t nh = dlg_report_options(r)->phones ? 9 : 8;
	emit(o, head, nh);
	for (size_t i = 0; i < dlg_report_nparticipants(r); i++) {
		const dlg_report_participant *p = dlg_report_participant_at(r, i);
		const char *row[] = {p->commune, p->session, p->reg_id, p->village, p->name,
		                     p->org,     p->channel, p->status, p->phone};
		emit(o, row, nh);
	}
}

static int table_index(const char *name)
{
	for (int i = 0; dlg_report_tables[i]; i++)
		if (!strcmp(name, dlg_report_tables[i]))
			return i;
	return -1;
}

static void run_table(dlg_report *r, int which, out *o)
{
	switch (which) {
	case 0:
		table_questions(r, o, false);
		break;
	case 1:
		table_questions(r, o, true);
		break;
	case 2:
		table_villages(r, o);
		break;
	case 3:
		table_channels(r, o);
		break;
	case 4:
		table_timeliness(r, o);
		break;
	case 5:
		table_coverage(r, o);
		break;
	default:
		table_participants(r, o);
	}
}

bool dlg_report_write_table(dlg_report *r, const char *name, FILE *f, bool excel)
{
	int which = table_index(name);
	if (which < 0)
		return false;
	out o = {.w = dlg_csv_writer_new(f, excel)};
	run_table(r, which, &o);
	return dlg_csv_writer_finish(o.w, _("standard output"));
}

bool dlg_report_rows(dlg_report *r, const char *name, dlg_report_row_fn fn, void *ctx)
{
	int which = table_index(name);
	if (which < 0)
		return false;
	out o = {.fn = fn, .ctx = ctx};
	run_table(r, which, &o);
	return true;
}
