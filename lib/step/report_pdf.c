/* The formal results report (báo cáo kết quả) as a PDF: the template
 * bao-cao.md drawn by the document engine, filled with the report's
 * figures, its tables and two bar charts in grey and black. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "base/safename.h"
#include "doc/batch.h"
#include "doc/template.h"
#include "fmt/table.h"
#include "doc/layout.h"
#include "doc/template.h"
#include "step/report.h"
#include "case/sessions.h"
#include "case/conference.h"
#include "case/figures.h"
#include "step/confdoc.h"
#include "step/issue.h"
#include "base/vocab.h"
#include <unistd.h>

/* A table's rows as strings; row 0 is the header. */
typedef struct {
	size_t ncols, nrows;
	char ***cell;
} grid;

typedef struct {
	dlg_report *r;
	const dlg_case *c;
	const dlg_tmpl *t;
	dlg_tmpl_data d;
	grid g[5]; /* channels, fields, departments, timeliness, villages */
	/* fields of the template, name -> value */
	char **key, **val;
	size_t nf;
} pctx;

static const char *const grid_name[5] = {"channels", "fields", "departments", "timeliness",
                                         "villages"};

static void grid_row(void *ctx, const char *const *cells, size_t n)
{
	grid *g = ctx;
	if (!g->nrows)
		g->ncols = n;
	g->cell = dlg_xreallocarray(g->cell, g->nrows + 1, sizeof *g->cell);
	char **row = dlg_xmalloc(g->ncols * sizeof *row);
	for (size_t i = 0; i < g->ncols; i++)
		row[i] = dlg_xstrdup(i < n && cells[i] ? cells[i] : "");
	g->cell[g->nrows++] = row;
}

static void grid_free(grid *g)
{
	for (size_t r = 0; r < g->nrows; r++) {
		for (size_t i = 0; i < g->ncols; i++)
			free(g->cell[r][i]);
		free(g->cell[r]);
	}
	free(g->cell);
}

static int grid_col(const grid *g, const char *name)
{
	for (size_t i = 0; g->nrows && i < g->ncols; i++)
		if (!strcmp(g->cell[0][i], name))
			return (int)i;
	return -1;
}

static const char *grid_get(const grid *g, size_t row, const char *name)
{
	int c = grid_col(g, name);
	return c >= 0 ? g->cell[row][c] : NULL;
}

static long grid_long(const grid *g, size_t row, const char *name)
{
	const char *s = grid_get(g, row, name);
	return s ? atol(s) : 0;
}

static const char *nz_get(const grid *g, size_t row, const char *name)
{
	const char *s = grid_get(g, row, name);
	return s ? s : "";
}

/* Body rows: all but the header and the total row. */
static size_t body_rows(const grid *g)
{
	return g->nrows >= 2 ? g->nrows - 2 : 0;
}

/* ---- Vietnamese labels ---- */

/* "50,0%" */
static char *pct_vi(long part, long whole)
{
	if (!whole)
		return dlg_xstrdup("-");
	char *s = dlg_xasprintf("%.1f%%", 100.0 * (double)part / (double)whole);
	char *p = strchr(s, '.');
	if (p)
		*p = ',';
	return s;
}

static char *dec_vi(const char *s)
{
	if (!*s)
		return dlg_xstrdup("-");
	char *v = dlg_xstrdup(s);
	char *p = strchr(v, '.');
	if (p)
		*p = ',';
	return v;
}

/* The label of a body row of grid k: a name for the code in column 0. */
static char *row_label(const pctx *x, int k, size_t row)
{
	const grid *g = &x->g[k];
	const char *code = g->cell[row][0];
	if (row == g->nrows - 1)
		return dlg_xstrdup("Tổng cộng");
	if (k == 0)
		return dlg_xstrdup(dlg_channel_display(code));
	if (k == 4) {
		const char *v = grid_get(g, row, "village");
		return dlg_xstrdup(v && *v ? v : "(không rõ)");
	}
	const char *name = g->cell[row][1];
	if (*name)
		return dlg_xstrdup(name);
	if (*code)
		return dlg_xstrdup(code);
	return dlg_xstrdup(k == 1 ? "(chưa phân loại)" : "(chưa phân công)");
}

/* ---- template data ---- */

static void put(pctx *x, const char *key, char *val)
{
	for (size_t i = 0; i < x->nf; i++)
		if (!strcmp(x->key[i], key)) {
			free(x->val[i]);
			x->val[i] = val;
			return;
		}
	x->key = dlg_xreallocarray(x->key, x->nf + 1, sizeof *x->key);
	x->val = dlg_xreallocarray(x->val, x->nf + 1, sizeof *x->val);
	x->key[x->nf] = dlg_xstrdup(key);
	x->val[x->nf++] = val;
}

static void putn(pctx *x, const char *key, long v)
{
	put(x, key, dlg_xasprintf("%ld", v));
}

static const char *get_field(void *ctx, const char *name)
{
	pctx *x = ctx;
	for (size_t i = 0; i < x->nf; i++)
		if (!strcmp(x->key[i], name))
			return x->val[i];
	return NULL;
}

/* A ```table block's rows: a grid's body and total rows, with `label`,
 * `stt`, `rate_vi` and `days_vi` besides its CSV columns. */
typedef struct {
	pctx *x;
	int k;
	char *scratch[4];
} tview;

static tview views[5];

static const char *view_get(void *ctx, size_t i, const char *col)
{
	tview *v = ctx;
	const grid *g = &v->x->g[v->k];
	size_t row = i + 1;
	for (int s = 0; s < 4; s++) {
		free(v->scratch[s]);
		v->scratch[s] = NULL;
	}
	if (!strcmp(col, "label"))
		return v->scratch[0] = row_label(v->x, v->k, row);
	if (!strcmp(col, "stt"))
		return v->scratch[1] =
		           row == g->nrows - 1 ? dlg_xstrdup("") : dlg_xasprintf("%zu", i + 1);
	if (!strcmp(col, "rate_vi")) {
		const char *rate = nz_get(g, row, "on_time_rate");
		if (!*rate)
			return "-";
		char *d = dec_vi(rate);
		v->scratch[2] = dlg_xasprintf("%s%%", d);
		free(d);
		return v->scratch[2];
	}
	if (!strcmp(col, "days_vi"))
		return v->scratch[3] = dec_vi(nz_get(g, row, "average_days"));
	return grid_get(g, row, col);
}

static bool get_table(void *ctx, const char *name, dlg_tmpl_rows *out)
{
	pctx *x = ctx;
	for (int k = 0; k < 5; k++) {
		if (strcmp(name, grid_name[k]))
			continue;
		views[k].x = x;
		views[k].k = k;
		out->nrows = x->g[k].nrows ? x->g[k].nrows - 1 : 0;
		out->get = view_get;
		out->ctx = &views[k];
		return true;
	}
	return false;
}

/* ---- charts ---- */

/* s cut to fit width at size pt, with "…" when cut; malloc'd. */
static char *fit(dlg_canvas *c, const char *s, double size, double width)
{
	char *t = dlg_xstrdup(s);
	if (dlg_canvas_measure(c, DLG_REGULAR, size, t) <= width)
		return t;
	size_t n = strlen(t);
	char *buf = dlg_xmalloc(n + 4);
	while (n > 0) {
		do
			n--;
		while (n > 0 && (t[n] & 0xc0) == 0x80);
		memcpy(buf, t, n);
		strcpy(buf + n, "…");
		if (dlg_canvas_measure(c, DLG_REGULAR, size, buf) <= width)
			break;
	}
	free(t);
	return buf;
}

typedef struct {
	char *label;
	double value; /* bar length in units of max */
	char *text;   /* printed after the bar */
} bar;

/* Horizontal bars, one a line: label, a grey bar with a black outline, its
 * value; a scale line under them. Readable in black and white. */
static void bar_chart(dlg_lay *l, bar *b, size_t n, double max, const char *const *ticks,
                      const double *tick_at, size_t nticks)
{
	const double size = 11, line = 17, top = 4, axis = 16;
	dlg_canvas *c = dlg_lay_canvas(l, top + (double)n * line + axis + 4);
	double W = dlg_canvas_width(c), lw = W * 0.42, x0 = lw + 6, x1 = W - 42;
	for (size_t i = 0; i < n; i++) {
		double y = top + (double)i * line;
		char *lab = fit(c, b[i].label, size, lw);
		dlg_canvas_text(c, lw, y + 12, DLG_REGULAR, size, DLG_RIGHT, lab);
		free(lab);
		double w = max > 0 ? (x1 - x0) * b[i].value / max : 0;
		if (w > 0) {
			dlg_canvas_fill(c, x0, y + 3, w, line - 6, 0x8c8c8c);
			dlg_canvas_stroke(c, x0, y + 3, w, line - 6, 0.5);
		}
		dlg_canvas_text(c, x0 + w + 4, y + 12, DLG_BOLD, size, DLG_LEFT, b[i].text);
	}
	double ya = top + (double)n * line + 2;
	dlg_canvas_line(c, x0, top, x0, ya, 0.8);
	dlg_canvas_line(c, x0, ya, x1, ya, 0.8);
	for (size_t i = 0; i < nticks; i++) {
		double x = x0 + (x1 - x0) * tick_at[i] / (max > 0 ? max : 1);
		dlg_canvas_line(c, x, ya, x, ya + 3, 0.8);
		dlg_canvas_text(c, x, ya + 12, DLG_REGULAR, 9, DLG_CENTER, ticks[i]);
	}
	dlg_canvas_end(c);
}

static void free_bars(bar *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(b[i].label);
		free(b[i].text);
	}
	free(b);
}

/* Questions per field: the 12 largest, the rest together. */
static void chart_fields(pctx *x, dlg_lay *l)
{
	const grid *g = &x->g[1];
	size_t n = body_rows(g), m = n > 12 ? 12 : n;
	if (!n)
		return;
	bar *b = dlg_xmalloc((m + 1) * sizeof *b);
	double max = 0;
	long rest = 0;
	for (size_t i = 0; i < n; i++) {
		long q = grid_long(g, i + 1, "questions");
		if (i >= m) {
			rest += q;
			continue;
		}
		b[i] = (bar){row_label(x, 1, i + 1), (double)q, dlg_xasprintf("%ld", q)};
		if (q > max)
			max = (double)q;
	}
	size_t nb = m;
	if (rest) {
		b[nb++] = (bar){dlg_xstrdup("Các lĩnh vực khác"), (double)rest,
		                dlg_xasprintf("%ld", rest)};
		if (rest > max)
			max = (double)rest;
	}
	/* a round scale: 1, 2 or 5 times a power of ten, 4 or 5 ticks */
	double step = 1;
	while (max / step > 5)
		step *= (long)step % 10 == 2 ? 2.5 : 2;
	double top = step;
	while (top < max)
		top += step;
	char buf[8][16];
	const char *ticks[8];
	double at[8];
	size_t nt = 0;
	for (double v = 0; v <= top + 1e-9 && nt < 8; v += step, nt++) {
		snprintf(buf[nt], sizeof buf[nt], "%.0f", v);
		ticks[nt] = buf[nt];
		at[nt] = v;
	}
	bar_chart(l, b, nb, top, ticks, at, nt);
	free_bars(b, nb);
}

/* On-time rate per department, of the questions whose due date has come. */
static void chart_ontime(pctx *x, dlg_lay *l)
{
	const grid *g = &x->g[3];
	size_t n = body_rows(g), nb = 0;
	bar *b = dlg_xmalloc((n + 1) * sizeof *b);
	for (size_t i = 0; i < n; i++) {
		long on = grid_long(g, i + 1, "on_time");
		long due = grid_long(g, i + 1, "answered") + grid_long(g, i + 1, "overdue");
		if (!due)
			continue;
		b[nb++] = (bar){row_label(x, 3, i + 1), 100.0 * (double)on / (double)due,
		                pct_vi(on, due)};
	}
	static const char *const ticks[] = {"0%", "25%", "50%", "75%", "100%"};
	static const double at[] = {0, 25, 50, 75, 100};
	if (nb)
		bar_chart(l, b, nb, 100, ticks, at, 5);
	free_bars(b, nb);
}

static bool block(void *ctx, dlg_lay *l, const char *name, const char *arg)
{
	if (strcmp(name, "chart"))
		return false;
	if (!strcmp(arg, "fields"))
		chart_fields(ctx, l);
	else if (!strcmp(arg, "ontime"))
		chart_ontime(ctx, l);
	else
		return false;
	return true;
}

/* ---- the narrative's figures ---- */

struct gaps {
	char *buf;
	size_t len;
	FILE *f;
	size_t n;
	const char *session;
};

static void gap_list(void *ctx, const char *commune, const char *session, const char *village)
{
	struct gaps *g = ctx;
	if (g->session && strcmp(session, g->session))
		return;
	fprintf(g->f, "%s%s", g->n++ ? ", " : "", village);
}

/* The figures of the conference s, from the one count the minutes and the
 * notice print too (case/figures.h): conference_text, a sentence with them,
 * "" when s was not held or its attendance is not recorded. */
static void conference_figures(pctx *x, const dlg_session *s)
{
	static const char *const names[] = {"people_present", "answered_live", "in_writing",
	                                    "escalated",      "redirected",    "depts_present"};
	dlg_sessdata sd = {0};
	dlg_sd_files files = {0};
	char *att = dlg_case_file(x->c, "attendance");
	bool held = s->st == DLG_SESSION_HELD && access(att, F_OK) == 0;
	free(att);
	dlg_figures f = {0};
	if (held && !dlg_sessdata_load(&sd, x->c, s, &files, true)) {
		dlg_warn(_("the conference's figures are left out of the report"));
		held = false;
	}
	if (held)
		dlg_figures_count(&f, &sd);
	dlg_sessdata_free(&sd);
	size_t v[] = {f.people_present, f.answered_live, f.in_writing,
	              f.escalated,      f.redirected,    f.depts_present};
	for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
		putn(x, names[k], (long)v[k]);
	if (!held) {
		put(x, "conference_text", dlg_xstrdup(""));
		return;
	}
	put(x, "conference_text",
	    /* counts as the notice and the minutes write them: "05", "12" */
	    dlg_xasprintf("Tham dự Hội nghị có đại diện lãnh đạo %02zu phòng, ban, ngành, cơ quan, "
	                  "đơn vị và %02zu người dân, đại diện tổ chức, doanh nghiệp. Các cơ quan, "
	                  "đơn vị đã trả lời trực tiếp tại Hội nghị %02zu nội dung; %02zu nội dung "
	                  "được trả lời bằng văn bản, gồm %02zu nội dung các cơ quan, đơn vị trả "
	                  "lời, %02zu nội dung vượt thẩm quyền được báo cáo cấp trên và %02zu nội "
	                  "dung khiếu nại, tố cáo, tranh chấp đã được hướng dẫn theo quy định.",
	                  f.depts_present, f.people_present, f.answered_live, f.in_writing,
	                  f.in_writing_answers, f.escalated, f.redirected));
}

static void fill_fields(pctx *x, const char *number)
{
	const dlg_report_opts *o = dlg_report_options(x->r);
	dlg_report_totals t;
	dlg_report_get_totals(x->r, &t);
	int y, m, d;
	dlg_date_to_ymd(o->today, &y, &m, &d);
	put(x, "number", dlg_xstrdup(number));
	put(x, "year", dlg_xasprintf("%d", y));
	put(x, "today", dlg_xasprintf("%04d-%02d-%02d", y, m, d));
	/* the conference: "Hội nghị ngày 16/07/2026 tại ..." */
	char *line;
	dlg_sessions ss;
	const dlg_session *s = NULL;
	bool have = o->session && dlg_sessions_load(&ss, x->c);
	if (have)
		s = dlg_sessions_find(&ss, o->session);
	if (s) {
		/* the conference as the plan names it: "lần 1", never its id */
		dlg_fields sf = {0};
		dlg_fields_session(&sf, &ss, s, NULL, "");
		const char *round = dlg_fields_get(&sf, "session_round");
		char when[16];
		dlg_date_format_dmy(s->date, when);
		dlg_date_to_ymd(s->date, &y, &m, &d);
		if (s->st == DLG_SESSION_CANCELLED)
			line =
			    dlg_xasprintf("Hội nghị đối thoại năm %d (%s) dự kiến tổ chức ngày %s "
			                  "không tổ chức được.",
			                  y, round, when);
		else
			line = dlg_xasprintf(
			    "Hội nghị đối thoại năm %d (%s) được tổ chức ngày %s%s%s.", y, round,
			    when, *s->venue ? " tại " : "", s->venue);
		put(x, "session_title", dlg_xasprintf("năm %d (%s)", y, round));
		put(x, "session_chair", dlg_xstrdup(s->chair));
		conference_figures(x, s);
		dlg_fields_free(&sf);
	} else {
		put(x, "conference_text", dlg_xstrdup(""));
		line = dlg_xasprintf("Số liệu tổng hợp các Hội nghị đối thoại trong năm %d.", y);
		put(x, "session_title", dlg_xasprintf("năm %d", y));
		put(x, "session_chair", dlg_xstrdup(""));
	}
	put(x, "session_line", line);
	if (have)
		dlg_sessions_free(&ss);

	putn(x, "registrations", t.registrations);
	putn(x, "accepted", t.accepted);
	putn(x, "late", t.late);
	putn(x, "incomplete", t.incomplete);
	putn(x, "duplicate", t.duplicate);
	putn(x, "individuals", t.individuals);
	putn(x, "organizations", t.organizations);
	putn(x, "questions", t.questions);
	putn(x, "procedure", t.procedure);
	putn(x, "handling", t.handling);
	putn(x, "answer", t.answer);
	putn(x, "escalate", t.escalate);
	putn(x, "redirect", t.redirect);
	putn(x, "review", t.review);
	putn(x, "answered", t.answered);
	putn(x, "on_time", t.on_time);
	putn(x, "answered_late", t.answered_late);
	putn(x, "overdue", t.overdue);
	putn(x, "not_due", t.not_due);
	put(x, "on_time_rate", pct_vi(t.on_time, t.answered + t.overdue));
	if (t.answered) {
		char b[32];
		snprintf(b, sizeof b, "%.1f", (double)t.answer_days_sum / (double)t.answered);
		put(x, "average_days", dec_vi(b));
	} else {
		put(x, "average_days", dlg_xstrdup("-"));
	}
	putn(x, "villages", t.villages);
	putn(x, "villages_missing", t.villages_missing);

	struct gaps g = {.session = o->session};
	/* after a held conference (attendance recorded) the villages count who
	 * came; the coverage walk decides, the sentence says which */
	bool held =
	    o->session &&
	    dlg_report_held(x->r, dlg_conf_get(x->c->conf, "office", "commune"), o->session);
	g.f = open_memstream(&g.buf, &g.len);
	if (!g.f)
		dlg_out_of_memory();
	dlg_report_coverage_gaps(x->r, gap_list, &g);
	fclose(g.f);
	if (!t.villages)
		put(x, "coverage_text",
		    dlg_xstrdup("Chưa có danh sách thôn, cụm dân cư, tổ dân "
		                "phố (villages.csv) để đối chiếu."));
	else if (!g.n)
		put(x, "coverage_text",
		    dlg_xasprintf("Tất cả %ld thôn, cụm dân cư, tổ dân phố đều có người dân, tổ "
		                  "chức, doanh nghiệp %s, đạt yêu cầu của Kế hoạch (tối thiểu 01 "
		                  "người mỗi thôn, cụm dân cư, tổ dân phố).",
		                  t.villages,
		                  held ? "tham dự Hội nghị" : "đăng ký hợp lệ tham gia"));
	else
		put(x, "coverage_text",
		    dlg_xasprintf(
		        "Còn %zu/%ld thôn, cụm dân cư, tổ dân phố chưa có %s: %s.", g.n, t.villages,
		        held ? "người tham dự Hội nghị" : "người đăng ký hợp lệ tham gia", g.buf));
	put(x, "missing_villages", dlg_xstrdup(g.n ? g.buf : ""));
	free(g.buf);

	/* assessment and proposals follow from the figures */
	char *a = NULL, *p = NULL;
	size_t al, pl;
	FILE *af = open_memstream(&a, &al), *pf = open_memstream(&p, &pl);
	if (!af || !pf)
		dlg_out_of_memory();
	if (t.answered + t.overdue) {
		char *rate = pct_vi(t.on_time, t.answered + t.overdue);
		fprintf(af, "Tỷ lệ nội dung được trả lời đúng hạn đạt %s. ", rate);
		free(rate);
	}
	if (t.overdue)
		fprintf(af, "Còn %ld nội dung quá hạn chưa có văn bản trả lời. ", t.overdue);
	else if (t.questions)
		fputs("Không có nội dung quá hạn chưa trả lời. ", af);
	if (g.n)
		fputs("Việc vận động người dân tham gia đối thoại chưa đồng đều giữa các thôn, "
		      "cụm dân cư, tổ dân phố.",
		      af);
	else if (t.villages)
		fputs("Công tác tuyên truyền, vận động người dân tham gia đối thoại được thực "
		      "hiện đồng đều ở các thôn, cụm dân cư, tổ dân phố.",
		      af);
	if (t.overdue)
		fputs("Đề nghị các cơ quan, đơn vị còn nội dung quá hạn khẩn trương có văn bản "
		      "trả lời, gửi về Văn phòng HĐND - UBND xã. ",
		      pf);
	if (t.escalate)
		fprintf(pf,
		        "Đối với %ld nội dung vượt thẩm quyền của xã, Văn phòng HĐND - UBND xã "
		        "tổng hợp, báo cáo cấp trên xem xét, giải quyết. ",
		        t.escalate);
	if (g.n)
		fputs("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam xã và các thôn, cụm dân cư, tổ "
		      "dân phố tăng cường tuyên truyền, vận động người dân, tổ chức, doanh nghiệp "
		      "tham gia các Hội nghị đối thoại tiếp theo.",
		      pf);
	if (!t.overdue && !t.escalate && !g.n)
		fputs("Tiếp tục duy trì tổ chức Hội nghị đối thoại định kỳ theo Kế hoạch.", pf);
	fclose(af);
	fclose(pf);
	put(x, "assessment_text", a);
	put(x, "proposal_text", p);
}

static bool draw(void *ctx, size_t i, dlg_pdf *pdf, dlg_lay *l)
{
	pctx *x = ctx;
	return dlg_tmpl_render(x->t, l, &x->d);
}

int dlg_report_write_pdf(dlg_report *r, const dlg_case *c, const char *path, const char *number)
{
	dlg_tmpl *t = dlg_case_tmpl_load(c, "bao-cao");
	if (!t)
		return DLG_EXIT_ERROR;
	pctx x = {.r = r, .c = c, .t = t};
	for (int k = 0; k < 5; k++)
		dlg_report_rows(r, grid_name[k], grid_row, &x.g[k]);
	fill_fields(&x, "");
	x.d.get = get_field;
	x.d.ctx = &x;
	x.d.table = get_table;
	x.d.table_ctx = &x;
	x.d.conf = c->conf;
	x.d.today = dlg_report_options(r)->today;
	x.d.block = block;
	x.d.block_ctx = &x;
	/* the number from the outgoing register: one report per conference (or
	 * per year when it covers them all) */
	const dlg_report_opts *ro = dlg_report_options(r);
	char yearkey[16];
	int yy, mm, dd;
	dlg_date_to_ymd(ro->today, &yy, &mm, &dd);
	snprintf(yearkey, sizeof yearkey, "%d", yy);
	dlg_outgoing_doc doc = {
	    .doc = "report",
	    .type = "BC",
	    .type_name = "Báo cáo",
	    .session = ro->session ? ro->session : yearkey,
	    .date = ro->today,
	    .copies = 1,
	};
	dlg_outgoing_no no;
	if (!dlg_issue_one(c, t, &x.d, &doc, (number && *number) ? number : NULL, &no)) {
		for (int k = 0; k < 5; k++)
			grid_free(&x.g[k]);
		for (size_t i = 0; i < x.nf; i++) {
			free(x.key[i]);
			free(x.val[i]);
		}
		free(x.key);
		free(x.val);
		dlg_tmpl_free(t);
		return DLG_EXIT_ERROR;
	}
	put(&x, "number", dlg_xstrdup(no.num));
	dlg_outgoing_no_free(&no, 1);
	dlg_fonts *fonts = dlg_fonts_new(NULL);
	char *title = dlg_tmpl_title(t, &x.d);
	dlg_batch b = {.one_file = path,
	               .title = title ? title : "Báo cáo",
	               .today = x.d.today,
	               .fonts = fonts};
	int status = dlg_batch_run(&b, 1, draw, &x);
	free(title);
	dlg_fonts_free(fonts);
	for (int k = 0; k < 5; k++)
		grid_free(&x.g[k]);
	for (int k = 0; k < 5; k++)
		for (int s = 0; s < 4; s++) {
			free(views[k].scratch[s]);
			views[k].scratch[s] = NULL;
		}
	for (size_t i = 0; i < x.nf; i++) {
		free(x.key[i]);
		free(x.val[i]);
	}
	free(x.key);
	free(x.val);
	dlg_tmpl_free(t);
	return status;
}
