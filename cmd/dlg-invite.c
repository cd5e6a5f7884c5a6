/* dlg-invite: invitation letters (giấy mời) to the registrants of a conference
 * and to the departments that answer their questions. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic.h"
#include "casedir.h"
#include "csvio.h"
#include "diag.h"
#include "docrun.h"
#include "font.h"
#include "mdtemplate.h"
#include "sessions.h"
#include "text.h"

static void usage(void)
{
	printf(_("Usage: %s --session ID [OPTION]... [FILE]\n"
	         "Write the invitation letters (giấy mời) for conference ID: one to every\n"
	         "accepted registrant in FILE (registrations, or items to list each question),\n"
	         "or with --departments one to the head of every department or agency that has\n"
	         "questions to answer in FILE (items). Without FILE, read standard input, or the\n"
	         "case folder's file when standard input is a terminal.\n"
	         "Also writes recipients.csv (for envelopes and e-mail) beside the letters.\n"
	         "\n"
	         "      --session ID     the conference (a row of sessions.csv)\n"
	         "  -o, --output DIR     one PDF per letter in DIR\n"
	         "      --one-file FILE  every letter in one print-ready PDF\n"
	         "      --departments    invite the departments instead of the registrants\n"
	         "      --number N       the invitation's number (default [numbering] invite)\n"
	         "  -t, --template T     another template (default giay-moi, or giay-moi-phong)\n"
	         "  -C DIR               use the case folder DIR\n"
	         "      --from ENC       the input's encoding when not UTF-8 (e.g. cp1258)\n"
	         "      --today DATE     take DATE (YYYY-MM-DD) as today, the letters' date\n"
	         "  -h, --help           show this help and exit\n"
	         "      --version        show the version and exit\n"),
	       dlg_progname());
}

enum { OPT_SESSION = 256, OPT_ONE, OPT_DEPTS, OPT_NUMBER, OPT_FROM, OPT_TODAY, OPT_VERSION };

struct question {
	const char *kind, *text, *name, *village, *reg_id;
};

struct letter {
	size_t row;      /* input row (registrants) or departments row */
	const char *key; /* reg_id or department code */
	struct question *q;
	size_t nq, cap;
	int first_page; /* in the one-file output */
};

struct ctx {
	const dlg_table *in;
	const dlg_table *depts;
	bool departments;
	const dlg_session *s;
	const dlg_tmpl *t;
	dlg_tmpl_data d;
	struct letter *let;
	size_t nlet;
	size_t cur;
	char *addressee;
	char number[64], time_vi[64], weekday[32], date_iso[16], year[8];
};

static const char *kind_label(const char *kind)
{
	if (!strcmp(kind, "procedure"))
		return "Về thủ tục hành chính";
	if (!strcmp(kind, "handling"))
		return "Về giải quyết thủ tục hành chính";
	return kind;
}

static const char *get_field(void *p, const char *name)
{
	struct ctx *c = p;
	struct letter *L = &c->let[c->cur];
	if (!strcmp(name, "addressee"))
		return c->addressee;
	if (!strcmp(name, "number"))
		return c->number;
	if (!strcmp(name, "session_id"))
		return c->s->id;
	if (!strcmp(name, "session_date"))
		return c->date_iso;
	if (!strcmp(name, "session_time_vi"))
		return c->time_vi;
	if (!strcmp(name, "session_weekday"))
		return c->weekday;
	if (!strcmp(name, "session_venue"))
		return c->s->venue;
	if (!strcmp(name, "session_chair"))
		return c->s->chair;
	if (!strcmp(name, "session_year"))
		return c->year;
	return dlg_rows_get(c->departments ? c->depts : c->in, L->row, name);
}

static const char *question_get(void *p, size_t i, const char *col)
{
	struct letter *L = p;
	struct question *q = &L->q[i];
	if (!strcmp(col, "kind"))
		return q->kind;
	if (!strcmp(col, "text"))
		return q->text;
	if (!strcmp(col, "name"))
		return q->name;
	if (!strcmp(col, "village"))
		return q->village;
	if (!strcmp(col, "reg_id"))
		return q->reg_id;
	return NULL;
}

static bool get_table(void *p, const char *name, dlg_tmpl_rows *out)
{
	struct ctx *c = p;
	if (strcmp(name, "questions"))
		return false;
	out->nrows = c->let[c->cur].nq;
	out->get = question_get;
	out->ctx = &c->let[c->cur];
	return true;
}

static void set_addressee(struct ctx *c, struct letter *L)
{
	free(c->addressee);
	if (c->departments) {
		const char *head = dlg_table_val(c->depts, L->row, "head");
		c->addressee = dlg_xstrdup(*head ? head : dlg_table_val(c->depts, L->row, "name"));
		return;
	}
	const char *name = dlg_table_val(c->in, L->row, "name");
	const char *org = dlg_table_val(c->in, L->row, "organization");
	if (*org && *name)
		c->addressee = dlg_xasprintf("Ông/Bà %s, đại diện %s", name, org);
	else if (*org)
		c->addressee = dlg_xstrdup(org);
	else
		c->addressee = dlg_xasprintf("Ông/Bà %s", name);
}

static bool draw(void *p, size_t i, dlg_pdf *pdf, dlg_lay *l)
{
	struct ctx *c = p;
	c->cur = i;
	c->let[i].first_page = dlg_pdf_page_count(pdf) + 1;
	set_addressee(c, &c->let[i]);
	return dlg_tmpl_render(c->t, l, &c->d);
}

static void add_question(struct letter *L, struct question q)
{
	if (!q.text || dlg_text_blank(q.text))
		return;
	if (L->nq == L->cap) {
		L->cap = L->cap ? 2 * L->cap : 4;
		L->q = dlg_xrealloc(L->q, L->cap * sizeof *L->q);
	}
	L->q[L->nq++] = q;
}

static struct letter *find_letter(struct ctx *c, const char *key)
{
	for (size_t i = 0; i < c->nlet; i++)
		if (!strcmp(c->let[i].key, key))
			return &c->let[i];
	return NULL;
}

static struct letter *new_letter(struct ctx *c, size_t row, const char *key)
{
	c->let = dlg_xrealloc(c->let, (c->nlet + 1) * sizeof *c->let);
	struct letter *L = &c->let[c->nlet++];
	memset(L, 0, sizeof *L);
	L->row = row;
	L->key = key;
	return L;
}

static bool need_column(const dlg_table *t, const char *col, const char *why)
{
	if (dlg_table_col(t, col) >= 0)
		return true;
	dlg_warn_at(t->path, 1, _("no column \"%s\"%s"), col, why);
	return false;
}

/* One letter per accepted registrant of the session. */
static bool collect_registrants(struct ctx *c)
{
	const dlg_table *in = c->in;
	if (!need_column(in, "session", "") || !need_column(in, "name", ""))
		return false;
	bool items = dlg_table_col(in, "item_id") >= 0 && dlg_table_col(in, "text") >= 0;
	int key_col = dlg_table_col(in, "reg_id");
	for (size_t r = 0; r < in->nrows; r++) {
		if (strcmp(dlg_table_val(in, r, "session"), c->s->id))
			continue;
		const char *status = dlg_table_val(in, r, "status");
		if (*status && strcmp(status, "accepted"))
			continue;
		const char *key = key_col >= 0 ? dlg_table_get(in, r, key_col) : "";
		struct letter *L = *key ? find_letter(c, key) : NULL;
		if (!L)
			L = new_letter(c, r, key);
		struct question q = {NULL, NULL, dlg_table_val(in, r, "name"),
		                     dlg_table_val(in, r, "village"), key};
		if (items) {
			q.kind = kind_label(dlg_table_val(in, r, "kind"));
			q.text = dlg_table_val(in, r, "text");
			add_question(L, q);
		} else {
			q.kind = kind_label("procedure");
			q.text = dlg_table_val(in, r, "topic_procedure");
			add_question(L, q);
			q.kind = kind_label("handling");
			q.text = dlg_table_val(in, r, "topic_handling");
			add_question(L, q);
		}
	}
	return true;
}

/* One letter per department with questions to answer at the session. */
static bool collect_departments(struct ctx *c)
{
	const dlg_table *in = c->in;
	if (!need_column(in, "dept", _(": --departments reads items (run dlg-route first)")) ||
	    !need_column(in, "text", _(": --departments reads items (run dlg-route first)")) ||
	    !need_column(in, "session", ""))
		return false;
	int dcode = dlg_table_col(c->depts, "dept");
	if (dcode < 0) {
		dlg_warn_at(c->depts->path, 1, _("no column \"%s\""), "dept");
		return false;
	}
	bool ok = true;
	for (size_t r = 0; r < in->nrows; r++) {
		if (strcmp(dlg_table_val(in, r, "session"), c->s->id))
			continue;
		const char *action = dlg_table_val(in, r, "action");
		const char *dept = dlg_table_val(in, r, "dept");
		if ((*action && strcmp(action, "answer")) || !*dept)
			continue;
		long d = dlg_table_find(c->depts, dcode, dept);
		if (d < 0) {
			dlg_warn_at(in->path, in->line[r], _("unknown department \"%s\""), dept);
			ok = false;
			continue;
		}
		struct letter *L = find_letter(c, dept);
		if (!L)
			L = new_letter(c, (size_t)d, dlg_table_get(c->depts, (size_t)d, dcode));
		struct question q = {kind_label(dlg_table_val(in, r, "kind")),
		                     dlg_table_val(in, r, "text"), dlg_table_val(in, r, "name"),
		                     dlg_table_val(in, r, "village"),
		                     dlg_table_val(in, r, "reg_id")};
		add_question(L, q);
	}
	/* in the order of departments.csv */
	for (size_t i = 1; i < c->nlet; i++)
		for (size_t j = i; j > 0 && c->let[j - 1].row > c->let[j].row; j--) {
			struct letter tmp = c->let[j];
			c->let[j] = c->let[j - 1];
			c->let[j - 1] = tmp;
		}
	return ok;
}

static const char *const weekdays[] = {"Chủ nhật", "thứ Hai", "thứ Ba", "thứ Tư",
                                       "thứ Năm",  "thứ Sáu", "thứ Bảy"};

static void session_fields(struct ctx *c)
{
	int y, m, d, hh = 0, mm = 0;
	dlg_date_to_ymd(c->s->date, &y, &m, &d);
	dlg_date_format_iso(c->s->date, c->date_iso);
	snprintf(c->year, sizeof c->year, "%d", y);
	snprintf(c->weekday, sizeof c->weekday, "%s", weekdays[dlg_date_weekday(c->s->date)]);
	if (sscanf(c->s->time ? c->s->time : "", "%d:%d", &hh, &mm) == 2)
		snprintf(c->time_vi, sizeof c->time_vi, "%02d giờ %02d phút", hh, mm);
	else
		snprintf(c->time_vi, sizeof c->time_vi, "%s", c->s->time ? c->s->time : "");
}

/* recipients.csv beside the letters. */
static bool write_recipients(struct ctx *c, const char *path, char **names, const char *one)
{
	dlg_atomic a;
	if (!dlg_atomic_begin(&a, path, 0644))
		return false;
	dlg_csv_writer *w = dlg_csv_writer_new(a.f, false);
	const char *head[] = {c->departments ? "dept" : "reg_id",
	                      "name",
	                      "organization",
	                      "address",
	                      "email",
	                      "file",
	                      "page"};
	dlg_csv_write_row(w, head, 7);
	for (size_t i = 0; i < c->nlet; i++) {
		struct letter *L = &c->let[i];
		const dlg_table *t = c->departments ? c->depts : c->in;
		char page[16];
		snprintf(page, sizeof page, "%d", one ? L->first_page : 1);
		c->cur = i;
		set_addressee(c, L);
		/* For envelopes and e-mail: one line each, no control characters. */
		char *clean[4] = {
		    dlg_text_printable(c->departments ? c->addressee
		                                      : dlg_table_val(t, L->row, "name")),
		    dlg_text_printable(c->departments ? dlg_table_val(t, L->row, "name")
		                                      : dlg_table_val(t, L->row, "organization")),
		    dlg_text_printable(dlg_table_val(t, L->row, "address")),
		    dlg_text_printable(dlg_table_val(t, L->row, "email"))};
		for (int k = 0; k < 4; k++)
			dlg_text_squeeze(clean[k]);
		const char *row[] = {
		    L->key, clean[0], clean[1], clean[2], clean[3], one ? one : names[i], page};
		dlg_csv_write_row(w, row, 7);
		for (int k = 0; k < 4; k++)
			free(clean[k]);
	}
	if (!dlg_csv_writer_finish(w, path)) {
		dlg_atomic_abort(&a);
		return false;
	}
	return dlg_atomic_commit(&a);
}

static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return dlg_xstrdup(".");
	if (slash == path)
		return dlg_xstrdup("/");
	char *d = dlg_xstrdup(path);
	d[slash - path] = '\0';
	return d;
}

static const char *base_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

int main(int argc, char **argv)
{
	dlg_diag_init(argv[0]);
	static const struct option longopts[] = {
	    {"session", required_argument, NULL, OPT_SESSION},
	    {"output", required_argument, NULL, 'o'},
	    {"one-file", required_argument, NULL, OPT_ONE},
	    {"departments", no_argument, NULL, OPT_DEPTS},
	    {"number", required_argument, NULL, OPT_NUMBER},
	    {"template", required_argument, NULL, 't'},
	    {"from", required_argument, NULL, OPT_FROM},
	    {"today", required_argument, NULL, OPT_TODAY},
	    {"help", no_argument, NULL, 'h'},
	    {"version", no_argument, NULL, OPT_VERSION},
	    {NULL, 0, NULL, 0},
	};
	const char *session = NULL, *out = NULL, *one = NULL, *number = NULL, *tmpl = NULL,
	           *from = NULL, *today = NULL, *dir = NULL;
	struct ctx x = {0};
	int c;
	while ((c = getopt_long(argc, argv, "o:t:C:h", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_SESSION:
			session = optarg;
			break;
		case 'o':
			out = optarg;
			break;
		case OPT_ONE:
			one = optarg;
			break;
		case OPT_DEPTS:
			x.departments = true;
			break;
		case OPT_NUMBER:
			number = optarg;
			break;
		case 't':
			tmpl = optarg;
			break;
		case 'C':
			dir = optarg;
			break;
		case OPT_FROM:
			from = optarg;
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
	if (!session)
		dlg_usage_error(_("which conference? give --session ID"));
	if (!out && !one)
		dlg_usage_error(_("where to? give -o DIR or --one-file FILE"));
	if (argc - optind > 1)
		dlg_usage_error(_("one input file at most"));

	dlg_case cs;
	if (!dlg_case_open(&cs, dir))
		return DLG_EXIT_ERROR;
	int status = DLG_EXIT_ERROR;
	dlg_sessions ss = {0};
	dlg_table in = {0}, depts = {0};
	dlg_tmpl *t = NULL;
	dlg_fonts *fonts = NULL;
	char **names = NULL;
	char *input = NULL, *dpath = NULL, *tpath = NULL;
	if (!dlg_date_today(today, &x.d.today) || !dlg_sessions_load(&ss, &cs))
		goto done;
	x.s = dlg_sessions_find(&ss, session);
	if (!x.s) {
		dlg_warn(_("%s: no conference \"%s\""), ss.path, session);
		goto done;
	}
	if (optind < argc)
		input = dlg_xstrdup(argv[optind]);
	else if (isatty(0))
		input = dlg_case_file(&cs, x.departments ? "items" : "registrations");
	else
		input = dlg_xstrdup("-");
	dpath = dlg_case_data(&cs, "departments");
	if (!dpath) {
		dlg_warn(_("no departments.csv in the case folder or in %s"), dlg_share_dir());
		goto done;
	}
	if (!dlg_rows_load(&in, input, from) || !dlg_rows_load(&depts, dpath, NULL))
		goto done;
	x.in = &in;
	x.depts = &depts;
	if (!(x.departments ? collect_departments(&x) : collect_registrants(&x)))
		goto done;

	const char *tname = tmpl ? tmpl : x.departments ? "giay-moi-phong" : "giay-moi";
	tpath = dlg_case_template(&cs, tname);
	if (!tpath) {
		dlg_warn(_("no template \"%s\" (looked in the case folder's templates/ and in %s)"),
		         tname, dlg_share_dir());
		goto done;
	}
	t = dlg_tmpl_load(tpath);
	if (!t)
		goto done;
	x.t = t;
	if (!number)
		number = dlg_conf_get(cs.conf, "numbering", "invite");
	/* no number yet: room to write it by hand (no-break spaces) */
	snprintf(x.number, sizeof x.number, "%s",
	         *number ? number : "\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0");
	session_fields(&x);
	x.d.get = get_field;
	x.d.ctx = &x;
	x.d.table = get_table;
	x.d.table_ctx = &x;
	x.d.conf = cs.conf;

	long ahead = dlg_conf_get_long(cs.conf, "rules", "announce_days_before");
	long days = x.s->date - x.d.today;
	if (days < ahead) {
		char when[16], now[16];
		dlg_date_format_iso(x.s->date, when);
		dlg_date_format_iso(x.d.today, now);
		dlg_warn(_("invitations dated %s go out %ld days before the conference of %s; "
		           "the plan wants at least %ld (announce_days_before)"),
		         now, days, when, ahead);
	}

	names = dlg_xmalloc((x.nlet ? x.nlet : 1) * sizeof *names);
	for (size_t i = 0; i < x.nlet; i++) {
		char *safe = dlg_safe_filename(x.let[i].key, 100);
		names[i] =
		    *safe ? dlg_xasprintf("%s.pdf", safe) : dlg_xasprintf("%04zu.pdf", i + 1);
		free(safe);
	}
	dlg_unique_names(names, x.nlet, ".pdf");
	fonts = dlg_fonts_new(NULL);
	dlg_batch b = {one, out, (const char *const *)names, "Giấy mời", x.d.today, fonts};
	status = dlg_batch_run(&b, x.nlet, draw, &x);
	if (status == DLG_EXIT_OK && one && strcmp(one, "-")) {
		char *d = dir_of(one);
		char *rp = dlg_path_join(d, "recipients.csv");
		if (!out && !write_recipients(&x, rp, names, base_of(one)))
			status = DLG_EXIT_ERROR;
		free(rp);
		free(d);
	}
	if (status == DLG_EXIT_OK && out) {
		char *rp = dlg_path_join(out, "recipients.csv");
		if (!write_recipients(&x, rp, names, NULL))
			status = DLG_EXIT_ERROR;
		free(rp);
	}
done:
	if (names)
		for (size_t i = 0; i < x.nlet; i++)
			free(names[i]);
	free(names);
	for (size_t i = 0; i < x.nlet; i++)
		free(x.let[i].q);
	free(x.let);
	free(x.addressee);
	dlg_tmpl_free(t);
	dlg_fonts_free(fonts);
	if (x.in)
		dlg_table_free(&in);
	if (x.depts)
		dlg_table_free(&depts);
	free(input);
	free(dpath);
	free(tpath);
	dlg_sessions_free(&ss);
	dlg_case_close(&cs);
	return status;
}
