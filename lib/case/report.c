/* The results report's figures: counting rows under their keys, then the
 * tables (CSV) and the summary (Markdown). Reading case folders is in
 * reportcase.c. */
#include "case/report.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fmt/csv.h"
#include "base/diag.h"
#include "base/privacy.h"
#include "base/tally.h"

/* Counters of registrations (per channel, per village). */
enum { RG_TOTAL, RG_ACCEPTED, RG_LATE, RG_INCOMPLETE, RG_DUPLICATE, RG_INDIV, RG_ORG, RG_N };
/* Per village: the above, then questions and the village's official rank
 * (1-based; 0 for a village not in villages.csv). */
enum { V_QUESTIONS = RG_N, V_RANK, V_N };
/* Counters of questions (per field, per department). */
enum {
	Q_TOTAL,
	Q_PROCEDURE,
	Q_HANDLING,
	Q_ANSWER,
	Q_ESCALATE,
	Q_REDIRECT,
	Q_REVIEW,
	Q_ON_TIME,
	Q_LATE,
	Q_OVERDUE,
	Q_NOT_DUE,
	Q_DAYS_SUM,
	Q_N
};
/* Per commune + session: coverage mode, registrations, date + 1 (0: none),
 * order of the commune. */
enum { S_COVER, S_REGS, S_DATE, S_N };
/* Per commune + session + village: registrations, accepted. */
enum { C_REGS, C_ACCEPTED, C_N };

typedef struct {
	char *commune, *session, *reg_id, *village, *name, *org, *channel, *status, *phone;
} participant;

struct dlg_report {
	dlg_report_opts o;
	char *session;          /* copy of o.session */
	dlg_tally *communes;    /* commune -> (unused) */
	dlg_tally *sessions;    /* commune \x1f session -> S_* */
	dlg_tally *known;       /* session id */
	dlg_tally *villages;    /* commune \x1f village -> V_* */
	dlg_tally *cover;       /* commune \x1f session \x1f village -> C_* */
	dlg_tally *channels;    /* channel -> RG_* */
	dlg_tally *fields;      /* field -> Q_* */
	dlg_tally *depts;       /* dept -> Q_* */
	dlg_tally *dept_names;  /* dept, label = name, in departments.csv order */
	dlg_tally *field_names; /* field, label = name */
	participant *part;
	size_t npart, cappart;
};

#define SEP '\x1f'

dlg_report *dlg_report_new(const dlg_report_opts *opts)
{
	dlg_report *r = dlg_xmalloc(sizeof *r);
	memset(r, 0, sizeof *r);
	r->o = *opts;
	if (opts->session) {
		r->session = dlg_xstrdup(opts->session);
		r->o.session = r->session;
	}
	r->communes = dlg_tally_new(1);
	r->sessions = dlg_tally_new(S_N);
	r->known = dlg_tally_new(1);
	r->villages = dlg_tally_new(V_N);
	r->cover = dlg_tally_new(C_N);
	r->channels = dlg_tally_new(RG_N);
	r->fields = dlg_tally_new(Q_N);
	r->depts = dlg_tally_new(Q_N);
	r->dept_names = dlg_tally_new(1);
	r->field_names = dlg_tally_new(1);
	return r;
}

const dlg_report_opts *dlg_report_options(const dlg_report *r)
{
	return &r->o;
}

void dlg_report_free(dlg_report *r)
{
	if (!r)
		return;
	dlg_tally *t[] = {r->communes, r->sessions, r->known, r->villages,   r->cover,
	                  r->channels, r->fields,   r->depts, r->dept_names, r->field_names};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		dlg_tally_free(t[i]);
	for (size_t i = 0; i < r->npart; i++) {
		participant *p = &r->part[i];
		char *s[] = {p->commune, p->session, p->reg_id, p->village, p->name,
		             p->org,     p->channel, p->status, p->phone};
		for (size_t k = 0; k < sizeof s / sizeof s[0]; k++)
			free(s[k]);
	}
	free(r->part);
	free(r->session);
	free(r);
}

/* ---- keys ---- */

/* A key of up to three parts joined by SEP, in buf (or malloc'd when it
 * does not fit: *heap is set and the caller frees it). */
typedef struct {
	char buf[256];
	char *s;
	size_t len;
	bool heap;
} key;

static void key_make(key *k, const char *a, const char *b, const char *c)
{
	size_t la = strlen(a), lb = b ? strlen(b) : 0, lc = c ? strlen(c) : 0;
	size_t n = la + (b ? 1 + lb : 0) + (c ? 1 + lc : 0);
	k->heap = n + 1 > sizeof k->buf;
	k->s = k->heap ? dlg_xmalloc(n + 1) : k->buf;
	char *p = k->s;
	memcpy(p, a, la);
	p += la;
	if (b) {
		*p++ = SEP;
		memcpy(p, b, lb);
		p += lb;
	}
	if (c) {
		*p++ = SEP;
		memcpy(p, c, lc);
		p += lc;
	}
	*p = '\0';
	k->len = n;
}

static void key_done(key *k)
{
	if (k->heap)
		free(k->s);
}

static long *count_at(dlg_tally *t, const char *a, const char *b, const char *c)
{
	key k;
	key_make(&k, a, b, c);
	long *v = dlg_tally_at(t, k.s, k.len);
	key_done(&k);
	return v;
}

static long find_at(const dlg_tally *t, const char *a, const char *b, const char *c)
{
	key k;
	key_make(&k, a, b, c);
	long i = dlg_tally_find(t, k.s, k.len);
	key_done(&k);
	return i;
}

/* Part n (0-based) of a joined key, into buf. */
static const char *key_part(const char *k, int n, char *buf, size_t size)
{
	while (n-- > 0) {
		const char *p = strchr(k, SEP);
		if (!p)
			return "";
		k = p + 1;
	}
	size_t len = strcspn(k, "\x1f");
	if (len >= size)
		len = size - 1;
	memcpy(buf, k, len);
	buf[len] = '\0';
	return buf;
}

static const char *nz(const char *s)
{
	return s ? s : "";
}

/* ---- feeding ---- */

void dlg_report_add_commune(dlg_report *r, const char *commune, const char *const *villages,
                            size_t nvillages)
{
	dlg_tally_at(r->communes, commune, strlen(commune));
	for (size_t i = 0; i < nvillages; i++) {
		long *v = count_at(r->villages, commune, villages[i], NULL);
		if (!v[V_RANK])
			v[V_RANK] = (long)i + 1;
	}
}

void dlg_report_add_session(dlg_report *r, const char *commune, const char *session, dlg_day date,
                            dlg_cover cover)
{
	dlg_tally_at(r->known, session, strlen(session));
	if (r->o.session && strcmp(session, r->o.session))
		return;
	dlg_tally_at(r->communes, commune, strlen(commune));
	long *s = count_at(r->sessions, commune, session, NULL);
	if ((long)cover > s[S_COVER])
		s[S_COVER] = cover;
	if (date)
		s[S_DATE] = date + 1;
}

bool dlg_report_knows_session(const dlg_report *r, const char *session)
{
	return dlg_tally_find(r->known, session, strlen(session)) >= 0;
}

void dlg_report_name_dept(dlg_report *r, const char *dept, const char *name)
{
	size_t before = dlg_tally_size(r->dept_names);
	dlg_tally_at(r->dept_names, dept, strlen(dept));
	if (dlg_tally_size(r->dept_names) > before)
		dlg_tally_set_label(r->dept_names, before, name);
}

void dlg_report_name_field(dlg_report *r, const char *field, const char *name)
{
	size_t before = dlg_tally_size(r->field_names);
	dlg_tally_at(r->field_names, field, strlen(field));
	if (dlg_tally_size(r->field_names) > before)
		dlg_tally_set_label(r->field_names, before, name);
}

static bool other_session(const dlg_report *r, const char *session)
{
	return r->o.session && strcmp(nz(session), r->o.session);
}

static int status_index(const char *status)
{
	static const char *const name[] = {"accepted", "late", "incomplete", "duplicate"};
	for (int i = 0; i < 4; i++)
		if (!strcmp(status, name[i]))
			return RG_ACCEPTED + i;
	return -1;
}

static void count_reg(long *c, int st, bool org)
{
	c[RG_TOTAL]++;
	if (st >= 0)
		c[st]++;
	c[org ? RG_ORG : RG_INDIV]++;
}

static char *masked(const char *s)
{
	return dlg_mask_contacts(nz(s));
}

void dlg_report_registration(dlg_report *r, const dlg_report_reg *g)
{
	if (other_session(r, g->session))
		return;
	const char *commune = nz(g->commune), *session = nz(g->session);
	const char *village = nz(g->village);
	int st = status_index(nz(g->status));
	bool org = g->organization && *g->organization;
	count_reg(dlg_tally_at(r->channels, nz(g->channel), strlen(nz(g->channel))), st, org);
	count_reg(count_at(r->villages, commune, village, NULL), st, org);
	dlg_tally_at(r->communes, commune, strlen(commune));
	count_at(r->sessions, commune, session, NULL)[S_REGS]++;
	long *cv = count_at(r->cover, commune, session, village);
	cv[C_REGS]++;
	if (st == RG_ACCEPTED)
		cv[C_ACCEPTED]++;
	if (r->o.names) {
		if (r->npart == r->cappart) {
			r->cappart = r->cappart ? 2 * r->cappart : 64;
			r->part = dlg_xrealloc(r->part, r->cappart * sizeof *r->part);
		}
		participant *p = &r->part[r->npart++];
		char ph[32];
		p->commune = dlg_xstrdup(commune);
		p->session = dlg_xstrdup(session);
		p->reg_id = dlg_xstrdup(nz(g->reg_id));
		p->village = dlg_xstrdup(village);
		p->name = masked(g->name);
		p->org = masked(g->organization);
		p->channel = dlg_xstrdup(nz(g->channel));
		p->status = dlg_xstrdup(nz(g->status));
		p->phone =
		    dlg_xstrdup(r->o.phones ? dlg_mask_phone(nz(g->phone), ph, sizeof ph) : "");
	}
}

static void count_item(long *c, const dlg_report_item *it)
{
	c[Q_TOTAL]++;
	const char *kind = nz(it->kind), *action = nz(it->action);
	if (!strcmp(kind, "procedure"))
		c[Q_PROCEDURE]++;
	else if (!strcmp(kind, "handling"))
		c[Q_HANDLING]++;
	if (!strcmp(action, "answer"))
		c[Q_ANSWER]++;
	else if (!strcmp(action, "escalate"))
		c[Q_ESCALATE]++;
	else if (!strcmp(action, "redirect"))
		c[Q_REDIRECT]++;
	else if (!strcmp(action, "review"))
		c[Q_REVIEW]++;
	switch (it->state) {
	case DLG_ST_ANSWERED:
		c[Q_ON_TIME]++;
		break;
	case DLG_ST_ANSWERED_LATE:
		c[Q_LATE]++;
		break;
	case DLG_ST_OVERDUE:
		c[Q_OVERDUE]++;
		break;
	default:
		c[Q_NOT_DUE]++;
	}
	if (it->answer_days >= 0 &&
	    (it->state == DLG_ST_ANSWERED || it->state == DLG_ST_ANSWERED_LATE))
		c[Q_DAYS_SUM] += it->answer_days;
}

void dlg_report_item_add(dlg_report *r, const dlg_report_item *it)
{
	if (other_session(r, it->session))
		return;
	const char *field = nz(it->field), *dept = nz(it->dept);
	count_item(dlg_tally_at(r->fields, field, strlen(field)), it);
	count_item(dlg_tally_at(r->depts, dept, strlen(dept)), it);
	count_at(r->villages, nz(it->commune), nz(it->village), NULL)[V_QUESTIONS]++;
}

/* ---- ordering ---- */

static const dlg_report *sort_r;
static const dlg_tally *sort_t;

static const char *label_of(const dlg_tally *names, const char *code)
{
	long i = dlg_tally_find(names, code, strlen(code));
	const char *l = i >= 0 ? dlg_tally_label(names, (size_t)i) : NULL;
	return l && *l ? l : NULL;
}

/* Fields: most questions first, then by code; the unclassified last. */
static int cmp_field(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	const char *kx = dlg_tally_key(sort_t, x), *ky = dlg_tally_key(sort_t, y);
	if (!*kx != !*ky)
		return !*kx ? 1 : -1;
	long cx = dlg_tally_counts(sort_t, x)[Q_TOTAL], cy = dlg_tally_counts(sort_t, y)[Q_TOTAL];
	if (cx != cy)
		return cx > cy ? -1 : 1;
	return strcmp(kx, ky);
}

/* Departments: in departments.csv order, then others by code, none last. */
static int cmp_dept(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	const char *kx = dlg_tally_key(sort_t, x), *ky = dlg_tally_key(sort_t, y);
	if (!*kx != !*ky)
		return !*kx ? 1 : -1;
	long rx = dlg_tally_find(sort_r->dept_names, kx, strlen(kx));
	long ry = dlg_tally_find(sort_r->dept_names, ky, strlen(ky));
	if (rx < 0)
		rx = LONG_MAX;
	if (ry < 0)
		ry = LONG_MAX;
	if (rx != ry)
		return rx < ry ? -1 : 1;
	return strcmp(kx, ky);
}

/* Villages: communes in the order first seen; official villages in their
 * order, then others by name, the unknown ("") last. */
static int cmp_village(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	const char *kx = dlg_tally_key(sort_t, x), *ky = dlg_tally_key(sort_t, y);
	char cx[256], cy[256], vx[256], vy[256];
	key_part(kx, 0, cx, sizeof cx);
	key_part(ky, 0, cy, sizeof cy);
	if (strcmp(cx, cy)) {
		long ix = dlg_tally_find(sort_r->communes, cx, strlen(cx));
		long iy = dlg_tally_find(sort_r->communes, cy, strlen(cy));
		return ix < iy ? -1 : 1;
	}
	key_part(kx, 1, vx, sizeof vx);
	key_part(ky, 1, vy, sizeof vy);
	if (!*vx != !*vy)
		return !*vx ? 1 : -1;
	long rx = dlg_tally_counts(sort_t, x)[V_RANK], ry = dlg_tally_counts(sort_t, y)[V_RANK];
	if (!rx != !ry)
		return !rx ? 1 : -1;
	if (rx != ry)
		return rx < ry ? -1 : 1;
	return strcmp(vx, vy);
}

static int channel_rank(const char *c)
{
	static const char *const order[] = {"paper", "online", "email", "post", "conference"};
	for (int i = 0; i < 5; i++)
		if (!strcmp(c, order[i]))
			return i;
	return *c ? 5 : 6;
}

static int cmp_channel(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	const char *kx = dlg_tally_key(sort_t, x), *ky = dlg_tally_key(sort_t, y);
	int rx = channel_rank(kx), ry = channel_rank(ky);
	if (rx != ry)
		return rx < ry ? -1 : 1;
	return strcmp(kx, ky);
}

/* The indexes of t's keys in order, with those whose first counter is 0
 * left out when skip_empty. malloc'd; *n set. */
static size_t *sorted(const dlg_report *r, const dlg_tally *t,
                      int (*cmp)(const void *, const void *), bool skip_empty, int count, size_t *n)
{
	size_t m = dlg_tally_size(t);
	size_t *ix = dlg_xmalloc((m ? m : 1) * sizeof *ix);
	*n = 0;
	for (size_t i = 0; i < m; i++)
		if (!skip_empty || dlg_tally_counts(t, i)[count])
			ix[(*n)++] = i;
	sort_r = r;
	sort_t = t;
	qsort(ix, *n, sizeof *ix, cmp);
	return ix;
}

/* ---- coverage ---- */

/* Sessions whose coverage is checked, in order: communes as first seen,
 * sessions by date then id. */
static int cmp_session(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	const char *kx = dlg_tally_key(sort_t, x), *ky = dlg_tally_key(sort_t, y);
	char cx[256], cy[256];
	key_part(kx, 0, cx, sizeof cx);
	key_part(ky, 0, cy, sizeof cy);
	if (strcmp(cx, cy)) {
		long ix = dlg_tally_find(sort_r->communes, cx, strlen(cx));
		long iy = dlg_tally_find(sort_r->communes, cy, strlen(cy));
		return ix < iy ? -1 : 1;
	}
	long dx = dlg_tally_counts(sort_t, x)[S_DATE], dy = dlg_tally_counts(sort_t, y)[S_DATE];
	if (dx != dy)
		return dx < dy ? -1 : 1;
	return strcmp(kx, ky);
}

static bool checked(const long *s)
{
	return s[S_COVER] == DLG_COVER_ALWAYS || (s[S_COVER] == DLG_COVER_IF_USED && s[S_REGS]);
}

/* For each checked session and each official village of its commune:
 * fn(ctx, commune, session, village, regs, accepted). Returns the number of
 * villages with no accepted participant. */
typedef void (*cover_fn)(void *ctx, const char *commune, const char *session, const char *village,
                         long regs, long accepted);

static size_t walk_coverage(const dlg_report *r, cover_fn fn, void *ctx)
{
	size_t ns, nv, gaps = 0;
	size_t *si = sorted(r, r->sessions, cmp_session, false, 0, &ns);
	size_t *vi = sorted(r, r->villages, cmp_village, false, 0, &nv);
	for (size_t a = 0; a < ns; a++) {
		const long *s = dlg_tally_counts(r->sessions, si[a]);
		if (!checked(s))
			continue;
		char commune[256], session[256], cv[256], village[256];
		const char *k = dlg_tally_key(r->sessions, si[a]);
		key_part(k, 0, commune, sizeof commune);
		key_part(k, 1, session, sizeof session);
		for (size_t b = 0; b < nv; b++) {
			const long *v = dlg_tally_counts(r->villages, vi[b]);
			const char *vk = dlg_tally_key(r->villages, vi[b]);
			if (!v[V_RANK] || strcmp(key_part(vk, 0, cv, sizeof cv), commune))
				continue;
			key_part(vk, 1, village, sizeof village);
			long i = find_at(r->cover, commune, session, village);
			long regs = 0, acc = 0;
			if (i >= 0) {
				regs = dlg_tally_counts(r->cover, (size_t)i)[C_REGS];
				acc = dlg_tally_counts(r->cover, (size_t)i)[C_ACCEPTED];
			}
			if (!acc)
				gaps++;
			if (fn)
				fn(ctx, commune, session, village, regs, acc);
		}
	}
	free(si);
	free(vi);
	return gaps;
}

struct gap_ctx {
	dlg_report_gap_fn fn;
	void *ctx;
};

static void gap_cb(void *ctx, const char *commune, const char *session, const char *village,
                   long regs, long accepted)
{
	struct gap_ctx *g = ctx;
	if (!accepted && g->fn)
		g->fn(g->ctx, commune, session, village);
}

size_t dlg_report_coverage_gaps(const dlg_report *r, dlg_report_gap_fn fn, void *ctx)
{
	struct gap_ctx g = {fn, ctx};
	return walk_coverage(r, gap_cb, &g);
}

/* ---- totals ---- */

static void sum_q(const dlg_tally *t, long *q)
{
	memset(q, 0, Q_N * sizeof *q);
	for (size_t i = 0; i < dlg_tally_size(t); i++)
		for (int k = 0; k < Q_N; k++)
			q[k] += dlg_tally_counts(t, i)[k];
}

static void sum_rg(const dlg_tally *t, long *c)
{
	memset(c, 0, RG_N * sizeof *c);
	for (size_t i = 0; i < dlg_tally_size(t); i++)
		for (int k = 0; k < RG_N; k++)
			c[k] += dlg_tally_counts(t, i)[k];
}

void dlg_report_get_totals(const dlg_report *r, dlg_report_totals *t)
{
	memset(t, 0, sizeof *t);
	long c[RG_N], q[Q_N];
	sum_rg(r->channels, c);
	t->registrations = c[RG_TOTAL];
	t->accepted = c[RG_ACCEPTED];
	t->late = c[RG_LATE];
	t->incomplete = c[RG_INCOMPLETE];
	t->duplicate = c[RG_DUPLICATE];
	t->individuals = c[RG_INDIV];
	t->organizations = c[RG_ORG];
	sum_q(r->depts, q);
	t->questions = q[Q_TOTAL];
	t->procedure = q[Q_PROCEDURE];
	t->handling = q[Q_HANDLING];
	t->answer = q[Q_ANSWER];
	t->escalate = q[Q_ESCALATE];
	t->redirect = q[Q_REDIRECT];
	t->review = q[Q_REVIEW];
	t->on_time = q[Q_ON_TIME];
	t->answered_late = q[Q_LATE];
	t->overdue = q[Q_OVERDUE];
	t->not_due = q[Q_NOT_DUE];
	t->answer_days_sum = q[Q_DAYS_SUM];
	t->answered = q[Q_ON_TIME] + q[Q_LATE];
	t->communes = (long)dlg_tally_size(r->communes);
	for (size_t i = 0; i < dlg_tally_size(r->villages); i++)
		if (dlg_tally_counts(r->villages, i)[V_RANK])
			t->villages++;
	t->villages_missing = (long)dlg_report_coverage_gaps(r, NULL, NULL);
}

/* ---- CSV tables ---- */

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

static void question_row(out *o, const char *code, const char *name, const long *q)
{
	const char *row[] = {code,
	                     name,
	                     num(o, q[Q_TOTAL]),
	                     num(o, q[Q_PROCEDURE]),
	                     num(o, q[Q_HANDLING]),
	                     num(o, q[Q_ANSWER]),
	                     num(o, q[Q_ESCALATE]),
	                     num(o, q[Q_REDIRECT]),
	                     num(o, q[Q_REVIEW])};
	emit(o, row, 9);
}

static void table_questions(dlg_report *r, out *o, bool by_dept)
{
	static const char *const head_f[] = {"field",     "field_name", "questions",
	                                     "procedure", "handling",   "answer",
	                                     "escalate",  "redirect",   "review"};
	static const char *const head_d[] = {"dept",      "dept_name", "questions",
	                                     "procedure", "handling",  "answer",
	                                     "escalate",  "redirect",  "review"};
	emit(o, by_dept ? head_d : head_f, 9);
	dlg_tally *t = by_dept ? r->depts : r->fields;
	size_t n;
	size_t *ix = sorted(r, t, by_dept ? cmp_dept : cmp_field, true, Q_TOTAL, &n);
	for (size_t i = 0; i < n; i++) {
		const char *code = dlg_tally_key(t, ix[i]);
		const char *name = label_of(by_dept ? r->dept_names : r->field_names, code);
		question_row(o, code, nz(name), dlg_tally_counts(t, ix[i]));
	}
	long q[Q_N];
	sum_q(t, q);
	question_row(o, "total", "", q);
	free(ix);
}

static void timely_row(out *o, const char *code, const char *name, const long *q)
{
	long answered = q[Q_ON_TIME] + q[Q_LATE];
	const char *row[] = {code,
	                     name,
	                     num(o, q[Q_TOTAL]),
	                     num(o, answered),
	                     num(o, q[Q_ON_TIME]),
	                     num(o, q[Q_LATE]),
	                     num(o, q[Q_OVERDUE]),
	                     num(o, q[Q_NOT_DUE]),
	                     pct(o, q[Q_ON_TIME], answered + q[Q_OVERDUE]),
	                     ratio(o, q[Q_DAYS_SUM], answered)};
	emit(o, row, 10);
}

static void table_timeliness(dlg_report *r, out *o)
{
	static const char *const head[] = {
	    "dept", "dept_name", "questions",   "answered",     "on_time",
	    "late", "overdue",   "not_yet_due", "on_time_rate", "average_days"};
	emit(o, head, 10);
	size_t n;
	size_t *ix = sorted(r, r->depts, cmp_dept, true, Q_TOTAL, &n);
	for (size_t i = 0; i < n; i++) {
		const char *code = dlg_tally_key(r->depts, ix[i]);
		timely_row(o, code, nz(label_of(r->dept_names, code)),
		           dlg_tally_counts(r->depts, ix[i]));
	}
	long q[Q_N];
	sum_q(r->depts, q);
	timely_row(o, "total", "", q);
	free(ix);
}

static void reg_row(out *o, const char *const *lead, size_t nlead, const long *c, const long *extra)
{
	const char *row[12];
	size_t k = 0;
	for (size_t i = 0; i < nlead; i++)
		row[k++] = lead[i];
	row[k++] = num(o, c[RG_TOTAL]);
	row[k++] = num(o, c[RG_ACCEPTED]);
	if (!extra) {
		row[k++] = num(o, c[RG_LATE]);
		row[k++] = num(o, c[RG_INCOMPLETE]);
		row[k++] = num(o, c[RG_DUPLICATE]);
	}
	row[k++] = num(o, c[RG_INDIV]);
	row[k++] = num(o, c[RG_ORG]);
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
	size_t *ix = sorted(r, r->channels, cmp_channel, true, RG_TOTAL, &n);
	for (size_t i = 0; i < n; i++) {
		const char *lead[] = {dlg_tally_key(r->channels, ix[i])};
		reg_row(o, lead, 1, dlg_tally_counts(r->channels, ix[i]), NULL);
	}
	long c[RG_N];
	sum_rg(r->channels, c);
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
	size_t *ix = sorted(r, r->villages, cmp_village, false, 0, &n);
	long c[RG_N] = {0}, q = 0;
	for (size_t i = 0; i < n; i++) {
		const long *v = dlg_tally_counts(r->villages, ix[i]);
		if (!v[V_RANK] && !v[RG_TOTAL] && !v[V_QUESTIONS])
			continue;
		char cb[256], vb[256];
		const char *k = dlg_tally_key(r->villages, ix[i]);
		const char *lead[] = {key_part(k, 0, cb, sizeof cb), key_part(k, 1, vb, sizeof vb)};
		reg_row(o, lead, 2, v, &v[V_QUESTIONS]);
		for (int j = 0; j < RG_N; j++)
			c[j] += v[j];
		q += v[V_QUESTIONS];
	}
	const char *lead[] = {"total", ""};
	reg_row(o, lead, 2, c, &q);
	free(ix);
}

static void cover_row(void *ctx, const char *commune, const char *session, const char *village,
                      long regs, long accepted)
{
	out *o = ctx;
	const char *row[] = {commune,      session,          village,
	                     num(o, regs), num(o, accepted), accepted ? "yes" : "no"};
	emit(o, row, 6);
}

static void table_coverage(dlg_report *r, out *o)
{
	static const char *const head[] = {"commune",       "session",  "village",
	                                   "registrations", "accepted", "covered"};
	emit(o, head, 6);
	walk_coverage(r, cover_row, o);
}

static void table_participants(dlg_report *r, out *o)
{
	static const char *const head[] = {"commune",      "session", "reg_id", "village", "name",
	                                   "organization", "channel", "status", "phone"};
	size_t nh = r->o.phones ? 9 : 8;
	emit(o, head, nh);
	for (size_t i = 0; i < r->npart; i++) {
		const participant *p = &r->part[i];
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

/* ---- Markdown ---- */

/* Citizens' and files' text, escaped so that it prints as written. */
static void md_text(FILE *f, const char *s)
{
	for (; *s; s++) {
		if (*s == '\n' || *s == '\r' || *s == '\t') {
			fputc(' ', f);
			continue;
		}
		if (strchr("\\`*_[]<>#|~!&", *s))
			fputc('\\', f);
		fputc(*s, f);
	}
}

/* A number the Vietnamese way: decimal comma. */
static void md_dec(FILE *f, double v)
{
	char b[32];
	snprintf(b, sizeof b, "%.1f", v);
	char *p = strchr(b, '.');
	if (p)
		*p = ',';
	fputs(b, f);
}

static void md_pct(FILE *f, long part, long whole)
{
	if (!whole) {
		fputs("-", f);
		return;
	}
	md_dec(f, 100.0 * (double)part / (double)whole);
	fputc('%', f);
}

/* A table head; align has 'l' (text) or 'r' (numbers) for each column, or
 * is NULL: the first column text, the others numbers. */
static void md_head(FILE *f, const char *const *cols, size_t n, const char *align)
{
	fputc('|', f);
	for (size_t i = 0; i < n; i++)
		fprintf(f, " %s |", cols[i]);
	fputs("\n|", f);
	for (size_t i = 0; i < n; i++)
		fputs((align ? align[i] == 'r' : i > 0) ? " --: |" : " --- |", f);
	fputc('\n', f);
}

static void md_nums(FILE *f, const long *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		fprintf(f, " %ld |", v[i]);
	fputc('\n', f);
}

static const char *channel_vi(const char *c)
{
	static const char *const code[] = {"paper", "online", "email", "post", "conference"};
	static const char *const vi[] = {"Phiếu giấy", "Trực tuyến", "Thư điện tử", "Bưu điện",
	                                 "Tại Hội nghị"};
	for (int i = 0; i < 5; i++)
		if (!strcmp(c, code[i]))
			return vi[i];
	return *c ? c : "(không rõ)";
}

static const char *status_vi(const char *s)
{
	static const char *const code[] = {"accepted", "late", "incomplete", "duplicate"};
	static const char *const vi[] = {"Hợp lệ", "Quá hạn đăng ký", "Chưa đầy đủ thông tin",
	                                 "Trùng lặp"};
	for (int i = 0; i < 4; i++)
		if (!strcmp(s, code[i]))
			return vi[i];
	return s;
}

static void md_date(FILE *f, dlg_day d)
{
	char b[16];
	dlg_date_format_dmy(d, b);
	fputs(b, f);
}

static void md_registrations(dlg_report *r, FILE *f, const dlg_report_totals *t)
{
	fputs("## 1. Đăng ký tham gia đối thoại\n\n", f);
	fprintf(f,
	        "Tổng số phiếu đăng ký: %ld, trong đó hợp lệ %ld, quá hạn đăng ký %ld, chưa "
	        "đầy đủ thông tin %ld, trùng lặp %ld; cá nhân %ld, tổ chức, doanh nghiệp %ld.\n\n",
	        t->registrations, t->accepted, t->late, t->incomplete, t->duplicate, t->individuals,
	        t->organizations);
	if (!t->registrations)
		return;
	static const char *const head[] = {
	    "Hình thức đăng ký", "Số phiếu",  "Hợp lệ",  "Quá hạn",
	    "Chưa đầy đủ",       "Trùng lặp", "Cá nhân", "Tổ chức, doanh nghiệp"};
	md_head(f, head, 8, NULL);
	size_t n;
	size_t *ix = sorted(r, r->channels, cmp_channel, true, RG_TOTAL, &n);
	for (size_t i = 0; i < n; i++) {
		fputs("| ", f);
		md_text(f, channel_vi(dlg_tally_key(r->channels, ix[i])));
		fputs(" |", f);
		md_nums(f, dlg_tally_counts(r->channels, ix[i]), RG_N);
	}
	long c[RG_N];
	sum_rg(r->channels, c);
	fputs("| **Tổng cộng** |", f);
	md_nums(f, c, RG_N);
	fputc('\n', f);
	free(ix);
}

static void md_question_table(dlg_report *r, FILE *f, bool by_dept)
{
	dlg_tally *t = by_dept ? r->depts : r->fields;
	static const char *const head_f[] = {"Lĩnh vực", "Số nội dung", "Về thủ tục hành chính",
	                                     "Về giải quyết thủ tục hành chính"};
	static const char *const head_d[] = {"Cơ quan, đơn vị",  "Số nội dung", "Xã trả lời",
	                                     "Báo cáo cấp trên", "Hướng dẫn",   "Chờ xem xét"};
	if (by_dept)
		md_head(f, head_d, 6, NULL);
	else
		md_head(f, head_f, 4, NULL);
	size_t n;
	size_t *ix = sorted(r, t, by_dept ? cmp_dept : cmp_field, true, Q_TOTAL, &n);
	for (size_t i = 0; i < n; i++) {
		const char *code = dlg_tally_key(t, ix[i]);
		const char *name = label_of(by_dept ? r->dept_names : r->field_names, code);
		const long *q = dlg_tally_counts(t, ix[i]);
		fputs("| ", f);
		if (!*code)
			fputs(by_dept ? "(chưa phân công)" : "(chưa phân loại)", f);
		else
			md_text(f, name ? name : code);
		fputs(" |", f);
		if (by_dept) {
			long v[] = {q[Q_TOTAL], q[Q_ANSWER], q[Q_ESCALATE], q[Q_REDIRECT],
			            q[Q_REVIEW]};
			md_nums(f, v, 5);
		} else {
			long v[] = {q[Q_TOTAL], q[Q_PROCEDURE], q[Q_HANDLING]};
			md_nums(f, v, 3);
		}
	}
	long q[Q_N];
	sum_q(t, q);
	fputs("| **Tổng cộng** |", f);
	if (by_dept) {
		long v[] = {q[Q_TOTAL], q[Q_ANSWER], q[Q_ESCALATE], q[Q_REDIRECT], q[Q_REVIEW]};
		md_nums(f, v, 5);
	} else {
		long v[] = {q[Q_TOTAL], q[Q_PROCEDURE], q[Q_HANDLING]};
		md_nums(f, v, 3);
	}
	fputc('\n', f);
	free(ix);
}

static void md_questions(dlg_report *r, FILE *f, const dlg_report_totals *t)
{
	fputs("## 2. Nội dung đăng ký đối thoại\n\n", f);
	fprintf(f,
	        "Tổng số nội dung: %ld, gồm %ld nội dung về thủ tục hành chính và %ld nội dung "
	        "về giải quyết thủ tục hành chính.",
	        t->questions, t->procedure, t->handling);
	if (t->questions) {
		fprintf(f,
		        " Thuộc thẩm quyền của xã, giao cơ quan, đơn vị trả lời: %ld; vượt thẩm "
		        "quyền, tổng hợp báo cáo cấp trên: %ld; ngoài phạm vi đối thoại (khiếu "
		        "nại, tố cáo, tranh chấp), hướng dẫn người dân liên hệ đúng cơ quan có "
		        "thẩm quyền: %ld; chờ Văn phòng xem xét, phân loại: %ld.",
		        t->answer, t->escalate, t->redirect, t->review);
	}
	fputs("\n\n", f);
	if (!t->questions)
		return;
	fputs("### 2.1. Theo lĩnh vực\n\n", f);
	md_question_table(r, f, false);
	fputs("### 2.2. Theo cơ quan, đơn vị\n\n", f);
	md_question_table(r, f, true);
}

static void md_timely_row(FILE *f, const long *q)
{
	long answered = q[Q_ON_TIME] + q[Q_LATE];
	long v[] = {q[Q_TOTAL], answered, q[Q_ON_TIME], q[Q_LATE], q[Q_OVERDUE], q[Q_NOT_DUE]};
	for (size_t i = 0; i < 6; i++)
		fprintf(f, " %ld |", v[i]);
	fputc(' ', f);
	md_pct(f, q[Q_ON_TIME], answered + q[Q_OVERDUE]);
	fputs(" | ", f);
	if (answered)
		md_dec(f, (double)q[Q_DAYS_SUM] / (double)answered);
	else
		fputc('-', f);
	fputs(" |\n", f);
}

static void md_timeliness(dlg_report *r, FILE *f, const dlg_report_totals *t)
{
	fputs("## 3. Kết quả trả lời\n\n", f);
	if (!t->questions) {
		fputs("Chưa có nội dung chuyển cơ quan, đơn vị trả lời.\n\n", f);
		return;
	}
	char today[16];
	dlg_date_format_dmy(r->o.today, today);
	fprintf(f,
	        "Đến ngày %s, đã trả lời %ld nội dung (đúng hạn %ld, trễ hạn %ld); %ld nội "
	        "dung quá hạn chưa trả lời; %ld nội dung chưa đến hạn trả lời.",
	        today, t->answered, t->on_time, t->answered_late, t->overdue, t->not_due);
	if (t->answered + t->overdue) {
		fputs(" Tỷ lệ trả lời đúng hạn: ", f);
		md_pct(f, t->on_time, t->answered + t->overdue);
		fputc('.', f);
	}
	if (t->answered) {
		fputs(" Thời gian trả lời trung bình: ", f);
		md_dec(f, (double)t->answer_days_sum / (double)t->answered);
		fputs(" ngày.", f);
	}
	fputs("\n\n", f);
	static const char *const head[] = {
	    "Cơ quan, đơn vị", "Số nội dung",    "Đã trả lời",
	    "Đúng hạn",        "Trễ hạn",        "Quá hạn chưa trả lời",
	    "Chưa đến hạn",    "Tỷ lệ đúng hạn", "Số ngày trung bình"};
	md_head(f, head, 9, NULL);
	size_t n;
	size_t *ix = sorted(r, r->depts, cmp_dept, true, Q_TOTAL, &n);
	for (size_t i = 0; i < n; i++) {
		const char *code = dlg_tally_key(r->depts, ix[i]);
		const char *name = label_of(r->dept_names, code);
		fputs("| ", f);
		if (!*code)
			fputs("(chưa phân công)", f);
		else
			md_text(f, name ? name : code);
		fputs(" |", f);
		md_timely_row(f, dlg_tally_counts(r->depts, ix[i]));
	}
	long q[Q_N];
	sum_q(r->depts, q);
	fputs("| **Tổng cộng** |", f);
	md_timely_row(f, q);
	fputs("\nTỷ lệ đúng hạn: số nội dung trả lời đúng hạn trên tổng số nội dung đã đến hạn "
	      "(đã trả lời hoặc quá hạn chưa trả lời).\n\n",
	      f);
	free(ix);
}

struct md_gap {
	FILE *f;
	const char *commune, *session;
	size_t n;
};

static void md_gap_cb(void *ctx, const char *commune, const char *session, const char *village)
{
	struct md_gap *g = ctx;
	if (strcmp(commune, g->commune) || strcmp(session, g->session))
		return;
	fputs(g->n++ ? ", " : "", g->f);
	md_text(g->f, village);
}

static void md_coverage(dlg_report *r, FILE *f)
{
	size_t ns;
	size_t *si = sorted(r, r->sessions, cmp_session, false, 0, &ns);
	bool many = dlg_tally_size(r->communes) > 1;
	for (size_t a = 0; a < ns; a++) {
		const long *s = dlg_tally_counts(r->sessions, si[a]);
		if (!checked(s))
			continue;
		char commune[256], session[256];
		const char *k = dlg_tally_key(r->sessions, si[a]);
		key_part(k, 0, commune, sizeof commune);
		key_part(k, 1, session, sizeof session);
		long nv = 0;
		for (size_t i = 0; i < dlg_tally_size(r->villages); i++) {
			char cb[256];
			if (dlg_tally_counts(r->villages, i)[V_RANK] &&
			    !strcmp(key_part(dlg_tally_key(r->villages, i), 0, cb, sizeof cb),
			            commune))
				nv++;
		}
		/* count this session's gaps, then list them */
		char *list = NULL;
		size_t len;
		FILE *m = open_memstream(&list, &len);
		if (!m)
			dlg_die(DLG_EXIT_ERROR, "%s", _("out of memory"));
		struct md_gap g = {m, commune, session, 0};
		dlg_report_coverage_gaps(r, md_gap_cb, &g);
		fclose(m);
		fputs("- ", f);
		if (many) {
			md_text(f, commune);
			fputs(", ", f);
		}
		fputs("Hội nghị ", f);
		md_text(f, session);
		if (s[S_DATE]) {
			fputs(" (ngày ", f);
			md_date(f, s[S_DATE] - 1);
			fputc(')', f);
		}
		if (!g.n)
			fprintf(f,
			        ": cả %ld thôn, cụm dân cư, tổ dân phố đều có người đăng ký hợp lệ "
			        "tham gia.\n",
			        nv);
		else
			fprintf(
			    f,
			    ": %zu/%ld thôn, cụm dân cư, tổ dân phố chưa có người đăng ký hợp lệ "
			    "tham gia: %s.\n",
			    g.n, nv, list);
		free(list);
	}
	free(si);
}

static void md_villages(dlg_report *r, FILE *f)
{
	fputs("## 4. Thôn, cụm dân cư, tổ dân phố\n\n", f);
	fputs("Kế hoạch yêu cầu mỗi thôn, cụm dân cư, tổ dân phố có tối thiểu 01 người dân "
	      "hoặc tổ chức, doanh nghiệp đăng ký và tham gia mỗi Hội nghị đối thoại.\n\n",
	      f);
	md_coverage(r, f);
	fputc('\n', f);
	bool many = dlg_tally_size(r->communes) > 1;
	static const char *const head[] = {"Xã", "Thôn, cụm dân cư, tổ dân phố", "Số phiếu",
	                                   "Hợp lệ", "Số nội dung"};
	md_head(f, many ? head : head + 1, many ? 5 : 4, many ? "llrrr" : NULL);
	size_t n;
	size_t *ix = sorted(r, r->villages, cmp_village, false, 0, &n);
	long tot[3] = {0, 0, 0};
	for (size_t i = 0; i < n; i++) {
		const long *v = dlg_tally_counts(r->villages, ix[i]);
		if (!v[V_RANK] && !v[RG_TOTAL] && !v[V_QUESTIONS])
			continue;
		char cb[256], vb[256];
		const char *k = dlg_tally_key(r->villages, ix[i]);
		fputs("|", f);
		if (many) {
			fputc(' ', f);
			md_text(f, key_part(k, 0, cb, sizeof cb));
			fputs(" |", f);
		}
		key_part(k, 1, vb, sizeof vb);
		fputc(' ', f);
		if (*vb)
			md_text(f, vb);
		else
			fputs("(không rõ)", f);
		fputs(" |", f);
		long vals[] = {v[RG_TOTAL], v[RG_ACCEPTED], v[V_QUESTIONS]};
		md_nums(f, vals, 3);
		for (int j = 0; j < 3; j++)
			tot[j] += vals[j];
	}
	fputs(many ? "| **Tổng cộng** | |" : "| **Tổng cộng** |", f);
	md_nums(f, tot, 3);
	fputc('\n', f);
	free(ix);
}

static void md_participants(dlg_report *r, FILE *f)
{
	fputs("## 5. Danh sách người đăng ký\n\n", f);
	if (!r->npart) {
		fputs("Không có người đăng ký.\n", f);
		return;
	}
	static const char *const head[] = {"STT",
	                                   "Họ và tên",
	                                   "Tổ chức, doanh nghiệp",
	                                   "Thôn, cụm dân cư, tổ dân phố",
	                                   "Hình thức",
	                                   "Tình trạng",
	                                   "Hội nghị",
	                                   "Điện thoại"};
	bool all = !r->o.session;
	const char *cols[8];
	size_t nc = 0;
	for (size_t i = 0; i < 8; i++)
		if ((i != 6 || all) && (i != 7 || r->o.phones))
			cols[nc++] = head[i];
	md_head(f, cols, nc, "rlllllll");
	for (size_t i = 0; i < r->npart; i++) {
		const participant *p = &r->part[i];
		fprintf(f, "| %zu | ", i + 1);
		md_text(f, p->name);
		fputs(" | ", f);
		md_text(f, p->org);
		fputs(" | ", f);
		md_text(f, p->village);
		fputs(" | ", f);
		md_text(f, channel_vi(p->channel));
		fputs(" | ", f);
		md_text(f, status_vi(p->status));
		if (all) {
			fputs(" | ", f);
			md_text(f, p->session);
		}
		if (r->o.phones) {
			fputs(" | ", f);
			md_text(f, p->phone);
		}
		fputs(" |\n", f);
	}
}

void dlg_report_write_markdown(dlg_report *r, FILE *f)
{
	dlg_report_totals t;
	dlg_report_get_totals(r, &t);
	fputs("# Kết quả tổ chức Hội nghị đối thoại với người dân, tổ chức và doanh nghiệp về "
	      "thủ tục hành chính và giải quyết thủ tục hành chính\n\n",
	      f);
	size_t nc = dlg_tally_size(r->communes);
	fputs("- Đơn vị: ", f);
	if (nc != 1)
		fprintf(f, "%zu xã (", nc);
	for (size_t i = 0; i < nc; i++) {
		fputs(i ? ", " : "", f);
		md_text(f, dlg_tally_key(r->communes, i));
	}
	fputs(nc != 1 ? ")\n" : "\n", f);
	if (r->o.session) {
		fputs("- Hội nghị: ", f);
		md_text(f, r->o.session);
		for (size_t i = 0; i < dlg_tally_size(r->sessions); i++) {
			const long *s = dlg_tally_counts(r->sessions, i);
			if (s[S_DATE]) {
				fputs(", ngày ", f);
				md_date(f, s[S_DATE] - 1);
				break;
			}
		}
		fputc('\n', f);
	} else {
		fputs("- Hội nghị: tất cả các Hội nghị trong năm\n", f);
	}
	fputs("- Số liệu tính đến ngày: ", f);
	md_date(f, r->o.today);
	fputs("\n\n", f);
	md_registrations(r, f, &t);
	md_questions(r, f, &t);
	md_timeliness(r, f, &t);
	md_villages(r, f);
	if (r->o.names)
		md_participants(r, f);
}
