/* Routing rows of registrations or items into item rows. */
#include "case/route_rows.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "base/diag.h"
#include "base/text.h"
#include "base/vocab.h"

/* Own columns, in the order they are appended. */
enum {
	C_ITEM_ID,
	C_KIND,
	C_TEXT,
	C_FIELD,
	C_DEPT,
	C_LEVEL,
	C_ACTION,
	C_RULE,
	C_CC,
	C_NOTE,
	C_SENT,
	NOWN
};
static const char *const own_names[NOWN] = {"item_id", "kind", "text", "field", "dept", "level",
                                            "action",  "rule", "cc",   "note",  "sent"};

struct dlg_routing {
	dlg_router *router;
	dlg_csv_reader *in;
	dlg_csv_writer *out;
	dlg_routed_fn fn;
	void *fn_ctx;
	dlg_colplan plan;
	const char **vals; /* output row */
	int col[NOWN];     /* input index of each own column, or -1 */
	int c_status, c_reg, c_proc, c_hand, c_received;
	bool items;
	char sent[11];
	/* counts of registrations not routed, by status */
	char **st_name;
	size_t *st_count, nst;
	size_t not_routed, empty_regs;
	dlg_routing_has_fn has; /* rows the record has already (dlg-route --into) */
	void *has_ctx;
	size_t kept;
};

static const char *cell(const dlg_row *row, int col)
{
	return col >= 0 && (size_t)col < row->n ? row->field[col] : "";
}

static void count_status(dlg_routing *s, const char *status)
{
	s->not_routed++;
	const char *name = *status ? status : "-";
	for (size_t i = 0; i < s->nst; i++)
		if (!strcmp(s->st_name[i], name)) {
			s->st_count[i]++;
			return;
		}
	s->st_name = dlg_xreallocarray(s->st_name, s->nst + 1, sizeof *s->st_name);
	s->st_count = dlg_xreallocarray(s->st_count, s->nst + 1, sizeof *s->st_count);
	s->st_name[s->nst] = dlg_xstrdup(name);
	s->st_count[s->nst++] = 1;
}

/* Route one question and write its item row. Returns false on an input error
 * (already reported). */
static bool emit(dlg_routing *s, const dlg_row *row, const char *item_id, const char *kind,
                 const char *text)
{
	const dlg_colplan *p = &s->plan;
	for (size_t i = 0; i < row->n && i < p->n; i++)
		s->vals[i] = row->field[i];
	for (size_t i = row->n; i < p->n; i++)
		s->vals[i] = "";
	dlg_route_result res;
	dlg_router_route(s->router, text, &res);
	const char *in_dept = cell(row, s->col[C_DEPT]);
	const char *in_rule = cell(row, s->col[C_RULE]);
	const char *field = res.field, *dept = res.dept, *level = res.level;
	const char *action = res.action, *rule = res.rule, *cc = res.cc, *note = res.note;
	if (s->items && *in_dept) {
		const char *dl = dlg_router_dept_level(s->router, in_dept);
		if (!dl) {
			dlg_warn_at(dlg_csv_name(s->in), row->line, _("unknown department \"%s\""),
			            in_dept);
			return false;
		}
		bool manual = !strcmp(in_rule, "manual") ||
		              (strcmp(in_dept, res.dept) &&
		               !dlg_router_rule_gives(s->router, in_rule, in_dept));
		if (manual) {
			const char *in_action = cell(row, s->col[C_ACTION]);
			dept = in_dept;
			level = dl;
			rule = "manual";
			if (s->col[C_FIELD] >= 0)
				field = cell(row, s->col[C_FIELD]);
			if (s->col[C_CC] >= 0)
				cc = cell(row, s->col[C_CC]);
			if (s->col[C_NOTE] >= 0)
				note = cell(row, s->col[C_NOTE]);
			int act = dlg_action_parse(in_action);
			if (act == DLG_ACT_REDIRECT)
				action = dlg_action_code(DLG_ACT_REDIRECT);
			else if (dlg_route_level_above_commune(dl) || act == DLG_ACT_ESCALATE)
				action = dlg_action_code(DLG_ACT_ESCALATE);
			else
				action = dlg_action_code(DLG_ACT_ANSWER);
		}
	}
	/* A question is not forwarded before it arrived: one raised at the
	 * conference is sent on that day, whatever --sent says. ISO dates
	 * compare as strings. */
	const char *in_sent = cell(row, s->col[C_SENT]);
	dlg_day sent_day;
	if (*in_sent && !dlg_date_parse_iso(in_sent, &sent_day)) {
		dlg_warn_at(dlg_csv_name(s->in), row->line,
		            _("sent date \"%s\" is not a date (YYYY-MM-DD)"), in_sent);
		return false;
	}
	const char *received = cell(row, s->c_received);
	const char *sent = *in_sent                                                    ? in_sent
	                   : (strlen(received) == 10 && strcmp(received, s->sent) > 0) ? received
	                                                                               : s->sent;
	const char *v[NOWN] = {item_id, kind, text, field, dept, level,
	                       action,  rule, cc,   note,  sent};
	for (size_t k = 0; k < NOWN; k++)
		s->vals[p->own_at[k]] = v[k];
	if (s->out)
		dlg_csv_write_row(s->out, s->vals, p->n);
	if (!s->fn)
		return true;
	dlg_routed it = {dlg_csv_name(s->in),
	                 row->line,
	                 p->name,
	                 s->vals,
	                 p->n,
	                 item_id,
	                 kind,
	                 text,
	                 field,
	                 dept,
	                 level,
	                 action,
	                 rule,
	                 cc,
	                 note,
	                 sent};
	return s->fn(s->fn_ctx, &it);
}

static bool route_row(dlg_routing *s, const dlg_row *row)
{
	if (s->c_status >= 0 &&
	    dlg_reg_status_parse(cell(row, s->c_status)) != DLG_STATUS_ACCEPTED) {
		count_status(s, cell(row, s->c_status));
		return true;
	}
	if (s->has && s->has(s->has_ctx, cell(row, s->c_reg),
	                     s->items ? cell(row, s->col[C_ITEM_ID]) : NULL)) {
		s->kept++;
		return true;
	}
	if (s->items)
		return emit(s, row, cell(row, s->col[C_ITEM_ID]), cell(row, s->col[C_KIND]),
		            cell(row, s->col[C_TEXT]));
	const char *reg = cell(row, s->c_reg);
	if (!*reg) {
		dlg_warn_at(dlg_csv_name(s->in), row->line, "%s",
		            _("registration without a reg_id"));
		return false;
	}
	const int cols[2] = {s->c_proc, s->c_hand};
	static const char *const kinds[2] = {"procedure", "handling"};
	bool any = false;
	for (int k = 0; k < 2; k++) {
		const char *t = cell(row, cols[k]);
		if (dlg_text_blank(t))
			continue;
		any = true;
		char id[256];
		snprintf(id, sizeof id, "%s-%d", reg, k + 1);
		if (!emit(s, row, id, kinds[k], t))
			return false;
	}
	if (!any)
		s->empty_regs++;
	return true;
}

dlg_routing *dlg_routing_new(dlg_router *r, dlg_csv_reader *in, const char *sent)
{
	dlg_routing *s = dlg_xmalloc(sizeof *s);
	memset(s, 0, sizeof *s);
	s->router = r;
	s->in = in;
	s->c_received = dlg_csv_col(in, "received");
	snprintf(s->sent, sizeof s->sent, "%s", sent);
	const dlg_row *h = dlg_csv_header(in);
	for (int k = 0; k < NOWN; k++)
		s->col[k] = dlg_csv_col(in, own_names[k]);
	s->c_status = dlg_csv_col(in, "status");
	s->c_reg = dlg_csv_col(in, "reg_id");
	s->c_proc = dlg_csv_col(in, "topic_procedure");
	s->c_hand = dlg_csv_col(in, "topic_handling");
	s->items = s->col[C_ITEM_ID] >= 0 && s->col[C_TEXT] >= 0;
	if (!s->items && (s->c_reg < 0 || (s->c_proc < 0 && s->c_hand < 0))) {
		dlg_warn_at(dlg_csv_name(in), h->line, "%s",
		            _("neither registrations (reg_id, topic_procedure, topic_handling) "
		              "nor items (item_id, text)"));
		free(s);
		return NULL;
	}
	if (!s->items) {
		/* the registration's own note is not the item's routing note */
		s->col[C_NOTE] = -1;
	}
	dlg_colplan_init(&s->plan, h, own_names, NOWN);
	s->vals = dlg_xmalloc(s->plan.n * sizeof *s->vals);
	return s;
}

bool dlg_routing_run(dlg_routing *g, dlg_csv_writer *out, dlg_routed_fn fn, void *ctx)
{
	g->out = out;
	g->fn = fn;
	g->fn_ctx = ctx;
	if (out)
		dlg_csv_write_row(out, g->plan.name, g->plan.n);
	const dlg_row *row;
	int rc;
	bool ok = true;
	while (ok && (rc = dlg_csv_next(g->in, &row)) > 0)
		ok = route_row(g, row);
	if (rc < 0)
		ok = false;
	return ok;
}

void dlg_routing_skip(dlg_routing *g, dlg_routing_has_fn has, void *ctx)
{
	g->has = has;
	g->has_ctx = ctx;
}

size_t dlg_routing_kept(const dlg_routing *g)
{
	return g->kept;
}

void dlg_routing_report(const dlg_routing *s)
{
	if (s->not_routed) {
		char list[512] = "";
		size_t len = 0;
		for (size_t i = 0; i < s->nst && len < sizeof list - 64; i++)
			len += (size_t)snprintf(list + len, sizeof list - len, "%s%s %zu",
			                        i ? ", " : "", s->st_name[i], s->st_count[i]);
		dlg_warn(_("%zu registrations not accepted, not routed (%s)"), s->not_routed, list);
	}
	if (s->empty_regs)
		dlg_warn(_("%zu accepted registrations have no question"), s->empty_regs);
}

void dlg_routing_free(dlg_routing *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->nst; i++)
		free(s->st_name[i]);
	free(s->st_name);
	free(s->st_count);
	free(s->vals);
	dlg_colplan_free(&s->plan);
	free(s);
}
