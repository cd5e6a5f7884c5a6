/* The routing step: router, rows, slips. */
#include "step/route.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "base/diag.h"
#include "case/route_rows.h"
#include "case/router.h"
#include "base/hashmap.h"
#include "base/text.h"
#include "fmt/csv.h"
#include "fmt/record.h"
#include "step/slips.h"

/* Where each routed item goes besides standard output: the slips, for one
 * conference when --session says so. */
struct sinks {
	dlg_slips *pdf;
	dlg_slip_lists *csv;
	const char *session;
};

static bool to_sinks(void *ctx, const dlg_routed *it)
{
	struct sinks *k = ctx;
	if (k->session) {
		const char *of = "";
		for (size_t i = 0; i < it->n; i++)
			if (!strcmp(dlg_column_canon(it->names[i]), "session"))
				of = it->vals[i];
		if (strcmp(of, k->session))
			return true;
	}
	if (k->csv && !dlg_slip_lists_add(k->csv, it))
		return false;
	return !k->pdf || dlg_slips_add(k->pdf, it);
}

/* The items record of --into: what it has, and the rows added to it. */
struct into {
	dlg_record rec;
	int c_reg, c_item;
	dlg_hashmap regs, items; /* hash of a reg_id / item_id -> its row + 1 */
	size_t *col;             /* output column -> record column */
	size_t ncol;
	size_t added;
	dlg_routed_fn next; /* the slips, or NULL */
	void *next_ctx;
};

static uint64_t key_of(const char *s, size_t len)
{
	uint64_t k = dlg_hash(DLG_HASH_SEED, s, len);
	return k ? k : 1;
}

/* The registration an item belongs to: its reg_id, else its item_id
 * without the "-N" the routing added. */
static void reg_of_row(const struct into *t, size_t row, const char **reg, size_t *len)
{
	*reg = dlg_record_get(&t->rec, row, t->c_reg);
	*len = strlen(*reg);
	if (*len)
		return;
	*reg = dlg_record_get(&t->rec, row, t->c_item);
	const char *dash = strrchr(*reg, '-');
	*len = dash ? (size_t)(dash - *reg) : strlen(*reg);
}

static bool map_has(const struct into *t, const dlg_hashmap *m, bool by_reg, const char *s)
{
	size_t len = strlen(s);
	uint64_t v;
	if (!*s || !dlg_hashmap_get(m, key_of(s, len), &v))
		return false;
	/* the hash says yes: make sure with the text (a colliding hash must not
	 * leave a registration unrouted) */
	for (size_t row = v - 1; row < t->rec.nrows; row++) {
		const char *have;
		size_t hl;
		if (by_reg) {
			reg_of_row(t, row, &have, &hl);
		} else {
			have = dlg_record_get(&t->rec, row, t->c_item);
			hl = strlen(have);
		}
		if (hl == len && !memcmp(have, s, len))
			return true;
	}
	return false;
}

static bool into_has(void *ctx, const char *reg_id, const char *item_id)
{
	const struct into *t = ctx;
	if (item_id)
		return map_has(t, &t->items, false, item_id);
	return map_has(t, &t->regs, true, reg_id);
}

static bool into_open(struct into *t, const char *path)
{
	memset(t, 0, sizeof *t);
	if (!dlg_record_open(&t->rec, path, "--into"))
		return false;
	t->c_reg = dlg_record_col(&t->rec, "reg_id");
	t->c_item = dlg_record_col(&t->rec, "item_id");
	if (t->rec.nrows && t->c_item < 0) {
		dlg_warn_at(path, 1, "%s",
		            _("not an items record (no item_id column); give the items file"));
		dlg_record_close(&t->rec);
		return false;
	}
	dlg_hashmap_init(&t->regs);
	dlg_hashmap_init(&t->items);
	for (size_t row = 0; row < t->rec.nrows; row++) {
		const char *reg, *item = dlg_record_get(&t->rec, row, t->c_item);
		size_t len;
		reg_of_row(t, row, &reg, &len);
		if (len)
			dlg_hashmap_add(&t->regs, key_of(reg, len), row + 1, NULL);
		if (*item)
			dlg_hashmap_add(&t->items, key_of(item, strlen(item)), row + 1, NULL);
	}
	return true;
}

/* Every department code staff wrote in the items record (dept, cc) must be
 * one of departments.csv: the guide promises that a code typed wrong is
 * reported with its line, and the documents never print an unknown one.
 * false after a diagnostic for each bad cell. */
static bool into_check_depts(const struct into *t, const dlg_router *router, const char *path)
{
	int c_dept = dlg_record_col(&t->rec, "dept"), c_cc = dlg_record_col(&t->rec, "cc");
	bool ok = true;
	for (size_t row = 0; row < t->rec.nrows; row++) {
		long line = t->rec.line ? t->rec.line[row] : 0;
		const char *dept = c_dept >= 0 ? dlg_record_get(&t->rec, row, c_dept) : "";
		if (*dept && !dlg_router_dept_level(router, dept)) {
			dlg_warn_at(path, line, _("unknown department \"%s\""), dept);
			ok = false;
		}
		const char *cc = c_cc >= 0 ? dlg_record_get(&t->rec, row, c_cc) : "";
		while (*cc) {
			size_t n = strcspn(cc, ";");
			char *code = dlg_xstrdup(cc);
			code[n] = '\0';
			dlg_text_squeeze(code);
			if (*code && !dlg_router_dept_level(router, code)) {
				dlg_warn_at(path, line, _("unknown department \"%s\""), code);
				ok = false;
			}
			free(code);
			cc += n + (cc[n] == ';');
		}
	}
	return ok;
}

static void into_free(struct into *t)
{
	dlg_hashmap_free(&t->regs);
	dlg_hashmap_free(&t->items);
	free(t->col);
}

static bool into_add(void *ctx, const dlg_routed *it)
{
	struct into *t = ctx;
	if (!t->col) {
		t->ncol = it->n;
		t->col = dlg_xmalloc((it->n ? it->n : 1) * sizeof *t->col);
		for (size_t i = 0; i < it->n; i++)
			t->col[i] = dlg_record_need_col(&t->rec, dlg_column_canon(it->names[i]));
	}
	size_t row = dlg_record_add_row(&t->rec);
	for (size_t i = 0; i < it->n && i < t->ncol; i++)
		dlg_record_set(&t->rec, row, t->col[i], it->vals[i]);
	t->added++;
	return !t->next || t->next(t->next_ctx, it);
}

static dlg_router *load_router(const dlg_case *cs, const char *routes_opt)
{
	char *deps = dlg_case_data(cs, "departments");
	if (!deps) {
		dlg_warn("%s", _("no departments.csv in the case folder (dlg init makes one)"));
		return NULL;
	}
	char *routes = routes_opt ? dlg_xstrdup(routes_opt) : dlg_case_data(cs, "routes");
	if (!routes) {
		dlg_warn("%s", _("no routes.csv in the case folder or the defaults"));
		free(deps);
		return NULL;
	}
	dlg_router *r = dlg_router_new();
	bool ok = dlg_router_load_departments(r, deps) && dlg_router_load_rules(r, routes) &&
	          dlg_router_finish(r);
	free(deps);
	free(routes);
	if (!ok) {
		dlg_router_free(r);
		return NULL;
	}
	return r;
}

int dlg_route_run(const dlg_case *cs, const dlg_route_opts *o)
{
	int status = DLG_EXIT_ERROR;
	struct sinks k = {NULL, NULL, o->session};
	dlg_router *router = NULL;
	dlg_csv_reader *in = NULL;
	dlg_routing *g = NULL;
	struct into t = {0};
	bool have_into = false;
	dlg_day day;
	char sent_iso[11];
	if (o->sent ? !dlg_date_parse_iso(o->sent, &day) : !dlg_date_today(o->today, &day))
		goto out;
	dlg_date_format_iso(day, sent_iso);
	if (o->slips_csv && !(k.csv = dlg_slip_lists_new(o->slips_csv)))
		goto out;
	if (o->slips && !(k.pdf = dlg_slips_new(cs, o->slips, o->tmpl, o->number)))
		goto out;
	router = load_router(cs, o->routes);
	if (!router)
		goto out;
	dlg_csv_opts copts = {0};
	copts.from = o->from;
	if (o->into && !(have_into = into_open(&t, o->into)))
		goto out;
	if (have_into && !into_check_depts(&t, router, o->into)) {
		dlg_warn(_("%s: not changed, correct the errors above and run again"), o->into);
		goto out;
	}
	in = dlg_csv_open(o->input, &copts);
	if (!in)
		goto out;
	g = dlg_routing_new(router, in, sent_iso);
	if (!g)
		goto out;
	dlg_routed_fn sink = k.csv || k.pdf ? to_sinks : NULL;
	void *sink_ctx = &k;
	dlg_csv_writer *w = NULL;
	if (have_into) {
		dlg_routing_skip(g, into_has, &t);
		t.next = sink;
		t.next_ctx = &k;
		sink = into_add;
		sink_ctx = &t;
	} else {
		w = dlg_csv_writer_new(stdout, o->excel);
	}
	bool ok = dlg_routing_run(g, w, sink, sink_ctx);
	if (w)
		ok = dlg_csv_writer_finish(w, NULL) && ok;
	if (have_into) {
		if (ok && t.added)
			ok = dlg_record_commit(&t.rec);
		else
			dlg_record_close(&t.rec);
		have_into = false;
		if (!ok)
			dlg_warn(_("%s: not changed, correct the errors above and run again"),
			         o->into);
	}
	if (k.csv) {
		ok = dlg_slip_lists_finish(k.csv, ok) && ok;
		k.csv = NULL;
	}
	if (k.pdf && ok)
		ok = dlg_slips_write(k.pdf);
	if (ok) {
		dlg_routing_report(g);
		if (o->into)
			dlg_warn(_("%zu items added to %s; %zu registrations already there, kept "
			           "as they are"),
			         t.added, o->into, dlg_routing_kept(g));
	}
	status = ok ? DLG_EXIT_OK : DLG_EXIT_ERROR;
out:
	if (have_into)
		dlg_record_close(&t.rec);
	if (o->into)
		into_free(&t);
	if (k.csv)
		dlg_slip_lists_finish(k.csv, false);
	dlg_slips_free(k.pdf);
	dlg_routing_free(g);
	dlg_csv_close(in);
	dlg_router_free(router);
	return status;
}
