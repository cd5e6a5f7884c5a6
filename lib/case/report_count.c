/* The results report's figures: counting rows under their keys, and reading
 * them back in order. Reading case folders is in report_feed.c; the tables,
 * the Markdown and the PDF are written by step/report_*.c. */
#include "case/report_count.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "base/privacy.h"
#include "base/tally.h"
#include "base/vocab.h"

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
	dlg_tally *depts;       /* commune \x1f dept -> Q_* */
	dlg_tally *dept_names;  /* commune \x1f dept, label = name, in departments.csv order */
	dlg_tally *field_names; /* field, label = name */
	dlg_report_participant *part;
	size_t npart, cappart;
	dlg_tally *protect; /* commune \x1f reg_id -> [redirected, other] questions */
	size_t *shown;      /* the participants a list names (dlg_report_nparticipants) */
	size_t nshown;
	bool shown_ok; /* shown is up to date */
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
	r->protect = dlg_tally_new(2);
	r->sessions = dlg_tally_new(DLG_SES_N);
	r->known = dlg_tally_new(1);
	r->villages = dlg_tally_new(DLG_VIL_N);
	r->cover = dlg_tally_new(DLG_COV_N);
	r->channels = dlg_tally_new(DLG_REG_N);
	r->fields = dlg_tally_new(DLG_Q_N);
	r->depts = dlg_tally_new(DLG_Q_N);
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
	dlg_tally *t[] = {r->communes,   r->sessions,    r->known,  r->villages,
	                  r->cover,      r->channels,    r->fields, r->depts,
	                  r->dept_names, r->field_names, r->protect};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		dlg_tally_free(t[i]);
	for (size_t i = 0; i < r->npart; i++) {
		dlg_report_participant *p = &r->part[i];
		char *s[] = {p->commune, p->session, p->reg_id, p->village, p->name,
		             p->org,     p->channel, p->status, p->phone};
		for (size_t k = 0; k < sizeof s / sizeof s[0]; k++)
			free(s[k]);
	}
	free(r->part);
	free(r->shown);
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

const char *dlg_report_key_part(const char *k, int n, char *buf, size_t size)
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
		if (!v[DLG_VIL_RANK])
			v[DLG_VIL_RANK] = (long)i + 1;
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
	if ((long)cover > s[DLG_SES_COVER])
		s[DLG_SES_COVER] = cover;
	if (date)
		s[DLG_SES_DATE] = date + 1;
}

void dlg_report_session_held(dlg_report *r, const char *commune, const char *session)
{
	if (r->o.session && strcmp(session, r->o.session))
		return;
	count_at(r->sessions, commune, session, NULL)[DLG_SES_HELD] = 1;
}

bool dlg_report_held(const dlg_report *r, const char *commune, const char *session)
{
	long i = find_at(r->sessions, commune, session, NULL);
	return i >= 0 && dlg_tally_counts(r->sessions, (size_t)i)[DLG_SES_HELD];
}

bool dlg_report_knows_session(const dlg_report *r, const char *session)
{
	return dlg_tally_find(r->known, session, strlen(session)) >= 0;
}

void dlg_report_name_dept(dlg_report *r, const char *commune, const char *dept, const char *name)
{
	size_t before = dlg_tally_size(r->dept_names);
	count_at(r->dept_names, nz(commune), nz(dept), NULL);
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

/* The registration counter of a status (empty: accepted); -1 for an
 * unknown one. */
static int status_index(const char *status)
{
	int st = dlg_reg_status_parse(status);
	return st < 0 ? -1 : DLG_REG_ACCEPTED + st;
}

static void count_reg(long *c, int st, bool org)
{
	c[DLG_REG_TOTAL]++;
	if (st >= 0)
		c[st]++;
	c[org ? DLG_REG_ORG : DLG_REG_INDIV]++;
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
	count_at(r->sessions, commune, session, NULL)[DLG_SES_REGS]++;
	long *cv = count_at(r->cover, commune, session, village);
	cv[DLG_COV_REGS]++;
	if (st == DLG_REG_ACCEPTED)
		cv[DLG_COV_ACCEPTED]++;
	if (st == DLG_REG_ACCEPTED && g->attended)
		cv[DLG_COV_ATTENDED]++;
	if (r->o.names) {
		r->shown_ok = false;
		if (r->npart == r->cappart) {
			r->cappart = r->cappart ? 2 * r->cappart : 64;
			r->part = dlg_xreallocarray(r->part, r->cappart, sizeof *r->part);
		}
		dlg_report_participant *p = &r->part[r->npart++];
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
	c[DLG_Q_TOTAL]++;
	const char *kind = nz(it->kind), *action = nz(it->action);
	if (!strcmp(kind, "procedure"))
		c[DLG_Q_PROCEDURE]++;
	else if (!strcmp(kind, "handling"))
		c[DLG_Q_HANDLING]++;
	static const int counter[DLG_ACT_N] = {[DLG_ACT_ANSWER] = DLG_Q_ANSWER,
	                                       [DLG_ACT_ESCALATE] = DLG_Q_ESCALATE,
	                                       [DLG_ACT_REDIRECT] = DLG_Q_REDIRECT,
	                                       [DLG_ACT_REVIEW] = DLG_Q_REVIEW};
	int act = dlg_action_parse(action);
	if (act >= 0)
		c[counter[act]]++;
	switch (it->state) {
	case DLG_ST_ANSWERED:
		c[DLG_Q_ON_TIME]++;
		break;
	case DLG_ST_ANSWERED_LATE:
		c[DLG_Q_LATE]++;
		break;
	case DLG_ST_OVERDUE:
		c[DLG_Q_OVERDUE]++;
		break;
	default:
		c[DLG_Q_NOT_DUE]++;
	}
	if (it->answer_days >= 0 &&
	    (it->state == DLG_ST_ANSWERED || it->state == DLG_ST_ANSWERED_LATE))
		c[DLG_Q_DAYS_SUM] += it->answer_days;
}

void dlg_report_item_add(dlg_report *r, const dlg_report_item *it)
{
	if (other_session(r, it->session))
		return;
	const char *field = nz(it->field), *dept = nz(it->dept);
	count_item(dlg_tally_at(r->fields, field, strlen(field)), it);
	/* a code names a department within its commune: "KT" of two communes
	 * are two departments */
	count_item(count_at(r->depts, nz(it->commune), dept, NULL), it);
	count_at(r->villages, nz(it->commune), nz(it->village), NULL)[DLG_VIL_QUESTIONS]++;
	if (r->o.names && it->reg_id && *it->reg_id) {
		long *p = count_at(r->protect, nz(it->commune), it->reg_id, NULL);
		p[strcmp(nz(it->action), "redirect") ? 1 : 0]++;
		r->shown_ok = false;
	}
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
	long cx = dlg_tally_counts(sort_t, x)[DLG_Q_TOTAL],
	     cy = dlg_tally_counts(sort_t, y)[DLG_Q_TOTAL];
	if (cx != cy)
		return cx > cy ? -1 : 1;
	return strcmp(kx, ky);
}

/* Departments: in departments.csv order, then others by code, none last. */
static int cmp_dept(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	const char *kx = dlg_tally_key(sort_t, x), *ky = dlg_tally_key(sort_t, y);
	char cx[256], cy[256];
	bool nx = !*dlg_report_key_part(kx, 1, cx, sizeof cx),
	     ny = !*dlg_report_key_part(ky, 1, cy, sizeof cy);
	if (nx != ny)
		return nx ? 1 : -1;
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

/* Two joined keys by their first part, a commune: in the order the communes
 * were first seen; 0 for the same commune. */
static int cmp_commune(const char *kx, const char *ky)
{
	char cx[256], cy[256];
	dlg_report_key_part(kx, 0, cx, sizeof cx);
	dlg_report_key_part(ky, 0, cy, sizeof cy);
	if (!strcmp(cx, cy))
		return 0;
	long ix = dlg_tally_find(sort_r->communes, cx, strlen(cx));
	long iy = dlg_tally_find(sort_r->communes, cy, strlen(cy));
	return ix < iy ? -1 : 1;
}

/* Villages: communes in the order first seen; official villages in their
 * order, then others by name, the unknown ("") last. */
static int cmp_village(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	const char *kx = dlg_tally_key(sort_t, x), *ky = dlg_tally_key(sort_t, y);
	int c = cmp_commune(kx, ky);
	if (c)
		return c;
	char vx[256], vy[256];
	dlg_report_key_part(kx, 1, vx, sizeof vx);
	dlg_report_key_part(ky, 1, vy, sizeof vy);
	if (!*vx != !*vy)
		return !*vx ? 1 : -1;
	long rx = dlg_tally_counts(sort_t, x)[DLG_VIL_RANK],
	     ry = dlg_tally_counts(sort_t, y)[DLG_VIL_RANK];
	if (!rx != !ry)
		return !rx ? 1 : -1;
	if (rx != ry)
		return rx < ry ? -1 : 1;
	return strcmp(vx, vy);
}

/* Channels in dlg_channel order, then unknown ones, then none. */
static int channel_rank(const char *c)
{
	int ch = dlg_channel_parse(c);
	if (ch >= 0)
		return ch;
	return *c ? DLG_CH_N : DLG_CH_N + 1;
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
	int c = cmp_commune(kx, ky);
	if (c)
		return c;
	long dx = dlg_tally_counts(sort_t, x)[DLG_SES_DATE],
	     dy = dlg_tally_counts(sort_t, y)[DLG_SES_DATE];
	if (dx != dy)
		return dx < dy ? -1 : 1;
	return strcmp(kx, ky);
}

bool dlg_report_village_listed(const long *v)
{
	return v[DLG_VIL_RANK] || v[DLG_REG_TOTAL] || v[DLG_VIL_QUESTIONS];
}

bool dlg_report_session_checked(const long *s)
{
	return s[DLG_SES_COVER] == DLG_COVER_ALWAYS ||
	       (s[DLG_SES_COVER] == DLG_COVER_IF_USED && s[DLG_SES_REGS]);
}

size_t dlg_report_walk_coverage(const dlg_report *r, dlg_report_cover_fn fn, void *ctx)
{
	size_t ns, nv, gaps = 0;
	size_t *si = sorted(r, r->sessions, cmp_session, false, 0, &ns);
	size_t *vi = sorted(r, r->villages, cmp_village, false, 0, &nv);
	for (size_t a = 0; a < ns; a++) {
		const long *s = dlg_tally_counts(r->sessions, si[a]);
		if (!dlg_report_session_checked(s))
			continue;
		char commune[256], session[256], cv[256], village[256];
		const char *k = dlg_tally_key(r->sessions, si[a]);
		dlg_report_key_part(k, 0, commune, sizeof commune);
		dlg_report_key_part(k, 1, session, sizeof session);
		bool held = s[DLG_SES_HELD] != 0;
		for (size_t b = 0; b < nv; b++) {
			const long *v = dlg_tally_counts(r->villages, vi[b]);
			const char *vk = dlg_tally_key(r->villages, vi[b]);
			if (!v[DLG_VIL_RANK] ||
			    strcmp(dlg_report_key_part(vk, 0, cv, sizeof cv), commune))
				continue;
			dlg_report_key_part(vk, 1, village, sizeof village);
			long i = find_at(r->cover, commune, session, village);
			dlg_report_cover_row row = {commune, session, village, 0,
			                            0,       0,       held,    false};
			if (i >= 0) {
				const long *c = dlg_tally_counts(r->cover, (size_t)i);
				row.regs = c[DLG_COV_REGS];
				row.accepted = c[DLG_COV_ACCEPTED];
				row.attended = c[DLG_COV_ATTENDED];
			}
			row.covered = held ? row.attended > 0 : row.accepted > 0;
			if (!row.covered)
				gaps++;
			if (fn)
				fn(ctx, &row);
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

static void gap_cb(void *ctx, const dlg_report_cover_row *row)
{
	struct gap_ctx *g = ctx;
	if (!row->covered && g->fn)
		g->fn(g->ctx, row->commune, row->session, row->village);
}

size_t dlg_report_coverage_gaps(const dlg_report *r, dlg_report_gap_fn fn, void *ctx)
{
	struct gap_ctx g = {fn, ctx};
	return dlg_report_walk_coverage(r, gap_cb, &g);
}

const dlg_tally *dlg_report_tally(const dlg_report *r, dlg_report_list which)
{
	switch (which) {
	case DLG_REPORT_COMMUNES:
		return r->communes;
	case DLG_REPORT_SESSIONS:
		return r->sessions;
	case DLG_REPORT_VILLAGES:
		return r->villages;
	case DLG_REPORT_CHANNELS:
		return r->channels;
	case DLG_REPORT_FIELDS:
		return r->fields;
	case DLG_REPORT_DEPTS:
		break;
	}
	return r->depts;
}

size_t *dlg_report_sorted(const dlg_report *r, dlg_report_list which, bool skip_empty, size_t *n)
{
	static int (*const cmp[])(const void *,
	                          const void *) = {[DLG_REPORT_SESSIONS] = cmp_session,
	                                           [DLG_REPORT_VILLAGES] = cmp_village,
	                                           [DLG_REPORT_CHANNELS] = cmp_channel,
	                                           [DLG_REPORT_FIELDS] = cmp_field,
	                                           [DLG_REPORT_DEPTS] = cmp_dept};
	if (which == DLG_REPORT_COMMUNES) { /* in the order first seen */
		size_t m = dlg_tally_size(r->communes);
		size_t *ix = dlg_xmalloc((m ? m : 1) * sizeof *ix);
		for (size_t i = 0; i < m; i++)
			ix[i] = i;
		*n = m;
		return ix;
	}
	return sorted(r, dlg_report_tally(r, which), cmp[which], skip_empty, 0, n);
}

const char *dlg_report_dept_name(const dlg_report *r, const char *code)
{
	return label_of(r->dept_names, code);
}

const char *dlg_report_field_name(const dlg_report *r, const char *code)
{
	return label_of(r->field_names, code);
}

/* Work out which participants a list may name (after all rows are in). */
static void update_shown(const dlg_report *cr)
{
	dlg_report *r = (dlg_report *)cr; /* a cache, not the figures */
	if (r->shown_ok)
		return;
	r->shown = dlg_xrealloc(r->shown, (r->npart ? r->npart : 1) * sizeof *r->shown);
	r->nshown = 0;
	for (size_t i = 0; i < r->npart; i++) {
		const dlg_report_participant *p = &r->part[i];
		long k = *p->reg_id ? find_at(r->protect, p->commune, p->reg_id, NULL) : -1;
		const long *c = k >= 0 ? dlg_tally_counts(r->protect, (size_t)k) : NULL;
		if (c && c[0] && !c[1])
			continue; /* every question redirected: counted, not named */
		r->shown[r->nshown++] = i;
	}
	r->shown_ok = true;
}

size_t dlg_report_nparticipants(const dlg_report *r)
{
	update_shown(r);
	return r->nshown;
}

const dlg_report_participant *dlg_report_participant_at(const dlg_report *r, size_t i)
{
	update_shown(r);
	return &r->part[r->shown[i]];
}

size_t dlg_report_nprotected(const dlg_report *r)
{
	update_shown(r);
	return r->npart - r->nshown;
}

/* ---- totals ---- */

void dlg_report_sum(const dlg_report *r, dlg_report_list which, long *sum)
{
	const dlg_tally *t = dlg_report_tally(r, which);
	int n = which == DLG_REPORT_CHANNELS ? DLG_REG_N : DLG_Q_N;
	memset(sum, 0, (size_t)n * sizeof *sum);
	for (size_t i = 0; i < dlg_tally_size(t); i++)
		for (int k = 0; k < n; k++)
			sum[k] += dlg_tally_counts(t, i)[k];
}

void dlg_report_get_totals(const dlg_report *r, dlg_report_totals *t)
{
	memset(t, 0, sizeof *t);
	long c[DLG_REG_N], q[DLG_Q_N];
	dlg_report_sum(r, DLG_REPORT_CHANNELS, c);
	t->registrations = c[DLG_REG_TOTAL];
	t->accepted = c[DLG_REG_ACCEPTED];
	t->late = c[DLG_REG_LATE];
	t->incomplete = c[DLG_REG_INCOMPLETE];
	t->duplicate = c[DLG_REG_DUPLICATE];
	t->individuals = c[DLG_REG_INDIV];
	t->organizations = c[DLG_REG_ORG];
	dlg_report_sum(r, DLG_REPORT_DEPTS, q);
	t->questions = q[DLG_Q_TOTAL];
	t->procedure = q[DLG_Q_PROCEDURE];
	t->handling = q[DLG_Q_HANDLING];
	t->answer = q[DLG_Q_ANSWER];
	t->escalate = q[DLG_Q_ESCALATE];
	t->redirect = q[DLG_Q_REDIRECT];
	t->review = q[DLG_Q_REVIEW];
	t->on_time = q[DLG_Q_ON_TIME];
	t->answered_late = q[DLG_Q_LATE];
	t->overdue = q[DLG_Q_OVERDUE];
	t->not_due = q[DLG_Q_NOT_DUE];
	t->answer_days_sum = q[DLG_Q_DAYS_SUM];
	t->answered = q[DLG_Q_ON_TIME] + q[DLG_Q_LATE];
	t->communes = (long)dlg_tally_size(r->communes);
	for (size_t i = 0; i < dlg_tally_size(r->villages); i++)
		if (dlg_tally_counts(r->villages, i)[DLG_VIL_RANK])
			t->villages++;
	t->villages_missing = (long)dlg_report_coverage_gaps(r, NULL, NULL);
}
