/* dlg-route: registrations (or items) in, items out: one row per question
 * with the field, the body that must answer it and what to do with it. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "atomic.h"
#include "casedir.h"
#include "csvio.h"
#include "date.h"
#include "diag.h"
#include "docrun.h"
#include "route.h"
#include "text.h"

static void usage(void)
{
	printf(_("Usage: %s [OPTION]... [FILE]\n"
	         "Read registrations (or items from an earlier run) and write items: one row\n"
	         "per question of each accepted registration, with the field, the department\n"
	         "that must answer it, its level and the action (answer, escalate, redirect,\n"
	         "review). A department set by hand in items is kept (rule = manual).\n"
	         "With no FILE, or when FILE is -, read standard input.\n"
	         "\n"
	         "  -C DIR             use the case folder DIR\n"
	         "      --routes FILE  read the rules from FILE instead of the case's routes.csv\n"
	         "      --sent DATE    date the questions are forwarded (default: today); a row\n"
	         "                     already stamped keeps its date\n"
	         "      --slips DIR    also write one transfer list per department into DIR\n"
	         "      --from ENC     the input's encoding when not UTF-8 (e.g. cp1258)\n"
	         "      --excel        write CSV for Excel (BOM, CRLF, formula guard)\n"
	         "      --today DATE   take DATE (YYYY-MM-DD) as today\n"
	         "  -h, --help         show this help and exit\n"
	         "      --version      show the version and exit\n"),
	       dlg_progname());
}

enum { OPT_ROUTES = 256, OPT_SENT, OPT_SLIPS, OPT_FROM, OPT_EXCEL, OPT_TODAY, OPT_VERSION };

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

/* Columns of the transfer lists written by --slips. */
static const char *const slip_cols[] = {"item_id", "role",    "kind",    "field",        "action",
                                        "text",    "reg_id",  "name",    "organization", "phone",
                                        "email",   "address", "village", "sent",         "note"};
#define NSLIP (sizeof slip_cols / sizeof slip_cols[0])

struct slip {
	char *dept;
	dlg_atomic a;
	dlg_csv_writer *w;
};

struct state {
	dlg_router *router;
	dlg_csv_reader *in;
	dlg_csv_writer *out;
	dlg_colplan plan;
	const char **vals; /* output row */
	int col[NOWN];     /* input index of each own column, or -1 */
	int c_status, c_reg, c_proc, c_hand;
	int c_slip[NSLIP];
	bool items;
	char sent[11];
	const char *slips_dir;
	struct slip *slip;
	size_t nslip;
	bool failed;
	/* counts of registrations not routed, by status */
	char **st_name;
	size_t *st_count, nst;
	size_t not_routed, empty_regs;
};

static const char *cell(const dlg_row *row, int col)
{
	return col >= 0 && (size_t)col < row->n ? row->field[col] : "";
}

static struct slip *slip_for(struct state *s, const char *dept)
{
	for (size_t i = 0; i < s->nslip; i++)
		if (!strcmp(s->slip[i].dept, dept))
			return s->slip[i].w ? &s->slip[i] : NULL;
	s->slip = dlg_xrealloc(s->slip, (s->nslip + 1) * sizeof *s->slip);
	struct slip *sl = &s->slip[s->nslip++];
	sl->dept = dlg_xstrdup(dept);
	sl->w = NULL;
	/* The code comes from departments.csv: never let it name a path. */
	char *safe = dlg_safe_filename(dept, 100);
	char *name = dlg_xasprintf("%s.csv", *safe ? safe : "_");
	free(safe);
	char *path = dlg_path_join(s->slips_dir, name);
	free(name);
	if (dlg_atomic_begin(&sl->a, path, 0644)) {
		sl->w = dlg_csv_writer_new(sl->a.f, false);
		dlg_csv_write_row(sl->w, slip_cols, NSLIP);
	} else {
		s->failed = true;
	}
	free(path);
	return sl->w ? sl : NULL;
}

static void slip_row(struct state *s, const dlg_row *row, const char *dept, const char *role)
{
	struct slip *sl = slip_for(s, dept);
	if (!sl)
		return;
	for (size_t k = 0; k < NSLIP; k++) {
		const char *v;
		if (!strcmp(slip_cols[k], "role"))
			v = role;
		else if (s->c_slip[k] == -2)
			v = "";
		else if (s->c_slip[k] <= -100)
			v = s->vals[s->plan.own_at[-(s->c_slip[k] + 100)]];
		else
			v = cell(row, s->c_slip[k]);
		dlg_csv_write_field(sl->w, v);
	}
	dlg_csv_end_row(sl->w);
}

static void write_slips(struct state *s, const dlg_row *row, const char *dept, const char *cc)
{
	slip_row(s, row, dept, "lead");
	for (const char *p = cc; *p;) {
		size_t n = strcspn(p, ";");
		char code[64];
		if (n && n < sizeof code) {
			memcpy(code, p, n);
			code[n] = '\0';
			if (strcmp(code, dept))
				slip_row(s, row, code, "copy");
		}
		p += n;
		if (*p)
			p++;
	}
}

static void count_status(struct state *s, const char *status)
{
	s->not_routed++;
	const char *name = *status ? status : "-";
	for (size_t i = 0; i < s->nst; i++)
		if (!strcmp(s->st_name[i], name)) {
			s->st_count[i]++;
			return;
		}
	s->st_name = dlg_xrealloc(s->st_name, (s->nst + 1) * sizeof *s->st_name);
	s->st_count = dlg_xrealloc(s->st_count, (s->nst + 1) * sizeof *s->st_count);
	s->st_name[s->nst] = dlg_xstrdup(name);
	s->st_count[s->nst++] = 1;
}

/* Route one question and write its item row. Returns false on an input error
 * (already reported). */
static bool emit(struct state *s, const dlg_row *row, const char *item_id, const char *kind,
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
			if (!strcmp(in_action, "redirect"))
				action = "redirect";
			else if (dlg_route_level_above_commune(dl) ||
			         !strcmp(in_action, "escalate"))
				action = "escalate";
			else
				action = "answer";
		}
	}
	const char *in_sent = cell(row, s->col[C_SENT]);
	dlg_day sent_day;
	if (*in_sent && !dlg_date_parse_iso(in_sent, &sent_day)) {
		dlg_warn_at(dlg_csv_name(s->in), row->line,
		            _("sent date \"%s\" is not a date (YYYY-MM-DD)"), in_sent);
		return false;
	}
	const char *v[NOWN] = {item_id,
	                       kind,
	                       text,
	                       field,
	                       dept,
	                       level,
	                       action,
	                       rule,
	                       cc,
	                       note,
	                       *in_sent ? in_sent : s->sent};
	for (size_t k = 0; k < NOWN; k++)
		s->vals[p->own_at[k]] = v[k];
	dlg_csv_write_row(s->out, s->vals, p->n);
	if (s->slips_dir)
		write_slips(s, row, dept, cc);
	return true;
}

static bool route_row(struct state *s, const dlg_row *row)
{
	if (s->c_status >= 0 && strcmp(cell(row, s->c_status), "accepted")) {
		count_status(s, cell(row, s->c_status));
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

static bool setup_columns(struct state *s)
{
	const dlg_row *h = dlg_csv_header(s->in);
	for (int k = 0; k < NOWN; k++)
		s->col[k] = dlg_csv_col(s->in, own_names[k]);
	s->c_status = dlg_csv_col(s->in, "status");
	s->c_reg = dlg_csv_col(s->in, "reg_id");
	s->c_proc = dlg_csv_col(s->in, "topic_procedure");
	s->c_hand = dlg_csv_col(s->in, "topic_handling");
	s->items = s->col[C_ITEM_ID] >= 0 && s->col[C_TEXT] >= 0;
	if (!s->items && (s->c_reg < 0 || (s->c_proc < 0 && s->c_hand < 0))) {
		dlg_warn_at(dlg_csv_name(s->in), h->line, "%s",
		            _("neither registrations (reg_id, topic_procedure, topic_handling) "
		              "nor items (item_id, text)"));
		return false;
	}
	if (!s->items) {
		/* the registration's own note is not the item's routing note */
		s->col[C_NOTE] = -1;
	}
	dlg_colplan_init(&s->plan, h, own_names, NOWN);
	s->vals = dlg_xmalloc(s->plan.n * sizeof *s->vals);
	for (size_t k = 0; k < NSLIP; k++) {
		int own = -1;
		for (int j = 0; j < NOWN; j++)
			if (!strcmp(slip_cols[k], own_names[j]))
				own = j;
		s->c_slip[k] = own >= 0 ? -100 - own : dlg_csv_col(s->in, slip_cols[k]);
		if (s->c_slip[k] == -1)
			s->c_slip[k] = -2;
	}
	return true;
}

static bool finish_slips(struct state *s)
{
	bool ok = !s->failed;
	for (size_t i = 0; i < s->nslip; i++) {
		struct slip *sl = &s->slip[i];
		if (sl->w) {
			bool wok = dlg_csv_writer_finish(sl->w, sl->a.path);
			if (ok && wok)
				ok = dlg_atomic_commit(&sl->a);
			else
				dlg_atomic_abort(&sl->a);
		}
		free(sl->dept);
	}
	free(s->slip);
	return ok;
}

static void report_counts(struct state *s, bool print)
{
	if (print && s->not_routed) {
		char list[512] = "";
		size_t len = 0;
		for (size_t i = 0; i < s->nst && len < sizeof list - 64; i++)
			len += (size_t)snprintf(list + len, sizeof list - len, "%s%s %zu",
			                        i ? ", " : "", s->st_name[i], s->st_count[i]);
		dlg_warn(_("%zu registrations not accepted, not routed (%s)"), s->not_routed, list);
	}
	if (print && s->empty_regs)
		dlg_warn(_("%zu accepted registrations have no question"), s->empty_regs);
	for (size_t i = 0; i < s->nst; i++)
		free(s->st_name[i]);
	free(s->st_name);
	free(s->st_count);
}

static dlg_router *load_router(const dlg_case *cs, const char *routes_opt)
{
	char *deps = dlg_case_data(cs, "departments");
	if (!deps) {
		dlg_warn("%s", _("no departments.csv in the case folder or the defaults"));
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

int main(int argc, char **argv)
{
	dlg_diag_init(argv[0]);
	static const struct option longopts[] = {
	    {"routes", required_argument, NULL, OPT_ROUTES},
	    {"sent", required_argument, NULL, OPT_SENT},
	    {"slips", required_argument, NULL, OPT_SLIPS},
	    {"from", required_argument, NULL, OPT_FROM},
	    {"excel", no_argument, NULL, OPT_EXCEL},
	    {"today", required_argument, NULL, OPT_TODAY},
	    {"help", no_argument, NULL, 'h'},
	    {"version", no_argument, NULL, OPT_VERSION},
	    {NULL, 0, NULL, 0},
	};
	const char *dir = NULL, *today = NULL, *sent = NULL, *routes = NULL;
	struct state s = {0};
	dlg_csv_opts copts = {0};
	bool excel = false;
	int c;
	while ((c = getopt_long(argc, argv, "C:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'C':
			dir = optarg;
			break;
		case OPT_ROUTES:
			routes = optarg;
			break;
		case OPT_SENT:
			sent = optarg;
			break;
		case OPT_SLIPS:
			s.slips_dir = optarg;
			break;
		case OPT_FROM:
			copts.from = optarg;
			break;
		case OPT_EXCEL:
			excel = true;
			break;
		case OPT_TODAY:
			today = optarg;
			break;
		case 'h':
			usage();
			return DLG_EXIT_OK;
		case OPT_VERSION:
			dlg_print_version();
			return DLG_EXIT_OK;
		default:
			dlg_usage_error(_("unknown option"));
		}
	}
	if (argc - optind > 1)
		dlg_usage_error(_("one input file at most"));
	dlg_day day;
	if (sent && !dlg_date_parse_iso(sent, &day))
		dlg_usage_error(_("--sent: \"%s\" is not a date YYYY-MM-DD"), sent);
	dlg_case cs;
	if (!dlg_case_open(&cs, dir))
		return DLG_EXIT_ERROR;
	int status = DLG_EXIT_ERROR;
	if (!sent && !dlg_date_today(today, &day))
		goto out_case;
	dlg_date_format_iso(day, s.sent);
	if (s.slips_dir && mkdir(s.slips_dir, 0777)) {
		struct stat st;
		if (stat(s.slips_dir, &st) || !S_ISDIR(st.st_mode)) {
			dlg_warn(_("%s: cannot make the folder"), s.slips_dir);
			goto out_case;
		}
	}
	s.router = load_router(&cs, routes);
	if (!s.router)
		goto out_case;
	s.in = dlg_csv_open(optind < argc ? argv[optind] : NULL, &copts);
	if (!s.in)
		goto out_router;
	if (!setup_columns(&s))
		goto out_in;
	s.out = dlg_csv_writer_new(stdout, excel);
	dlg_csv_write_row(s.out, s.plan.name, s.plan.n);
	const dlg_row *row;
	int rc;
	bool ok = true;
	while (ok && (rc = dlg_csv_next(s.in, &row)) > 0)
		ok = route_row(&s, row);
	if (rc < 0)
		ok = false;
	ok = dlg_csv_writer_finish(s.out, NULL) && ok;
	if (s.slips_dir) {
		if (ok)
			ok = finish_slips(&s);
		else {
			for (size_t i = 0; i < s.nslip; i++) {
				if (s.slip[i].w) {
					dlg_csv_writer_finish(s.slip[i].w, NULL);
					dlg_atomic_abort(&s.slip[i].a);
				}
				free(s.slip[i].dept);
			}
			free(s.slip);
		}
	}
	report_counts(&s, ok);
	status = ok ? DLG_EXIT_OK : DLG_EXIT_ERROR;
	free(s.vals);
	dlg_colplan_free(&s.plan);
out_in:
	dlg_csv_close(s.in);
out_router:
	dlg_router_free(s.router);
out_case:
	dlg_case_close(&cs);
	return status;
}
