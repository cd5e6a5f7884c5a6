/* Markdown templates: front matter, the cmark tree, and drawing it with the
 * layout engine while filling placeholders. */
#include "doc/template.h"

#include <cmark.h>
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "doc/nd30.h"
#include "doc/qr.h"
#include "base/sbuf.h"
#include "base/text.h"

struct meta {
	char *key;
	char *val;   /* NULL for a list */
	char **item; /* list items */
	long *line;  /* line of each item */
	size_t n;
	long at;        /* line of the key */
	cmark_node *md; /* "to": the value parsed as Markdown */
};

struct dlg_tmpl {
	char *name;
	struct meta *m;
	size_t nm;
	cmark_node *doc;
	long offset; /* lines before the body */
};

static const int CMARK_OPTS = CMARK_OPT_DEFAULT;

/* ---- loading ---- */

static struct meta *meta_find(const dlg_tmpl *t, const char *key)
{
	for (size_t i = 0; i < t->nm; i++)
		if (!strcmp(t->m[i].key, key))
			return &t->m[i];
	return NULL;
}

const char *dlg_tmpl_meta(const dlg_tmpl *t, const char *key)
{
	struct meta *m = meta_find(t, key);
	return m ? m->val : NULL;
}

static char *unquote(char *v)
{
	dlg_text_squeeze(v);
	size_t n = strlen(v);
	if (n >= 2 && ((v[0] == '"' && v[n - 1] == '"') || (v[0] == '\'' && v[n - 1] == '\''))) {
		v[n - 1] = '\0';
		return v + 1;
	}
	return v;
}

static bool parse_front(dlg_tmpl *t, char **lines, size_t nlines, size_t end)
{
	bool ok = true;
	struct meta *cur = NULL;
	for (size_t i = 1; i < end && i < nlines; i++) {
		char *s = lines[i];
		long lineno = (long)i + 1;
		char *p = s;
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p || *p == '#')
			continue;
		if (*p == '-' && (p[1] == ' ' || !p[1]) && cur && !cur->val) {
			cur->item = dlg_xreallocarray(cur->item, cur->n + 1, sizeof *cur->item);
			cur->line = dlg_xreallocarray(cur->line, cur->n + 1, sizeof *cur->line);
			cur->item[cur->n] = dlg_xstrdup(unquote(p + 1));
			cur->line[cur->n++] = lineno;
			continue;
		}
		char *colon = strchr(s, ':');
		bool good = colon && colon > s;
		for (char *k = s; good && k < colon; k++)
			if (!(islower((unsigned char)*k) || *k == '_' ||
			      isdigit((unsigned char)*k)))
				good = false;
		if (!good) {
			dlg_warn_at(t->name, lineno,
			            _("expected \"key: value\" or \"- item\" in the front matter, "
			              "found \"%s\""),
			            s);
			ok = false;
			continue;
		}
		*colon = '\0';
		if (meta_find(t, s)) {
			dlg_warn_at(t->name, lineno, _("\"%s\" is given twice"), s);
			ok = false;
			continue;
		}
		t->m = dlg_xreallocarray(t->m, t->nm + 1, sizeof *t->m);
		cur = &t->m[t->nm++];
		memset(cur, 0, sizeof *cur);
		cur->key = dlg_xstrdup(s);
		cur->at = lineno;
		char *v = unquote(colon + 1);
		cur->val = *v ? dlg_xstrdup(v) : NULL;
	}
	for (size_t i = 0; i < t->nm; i++)
		if (!t->m[i].val && !t->m[i].n)
			t->m[i].val = dlg_xstrdup("");
	return ok;
}

dlg_tmpl *dlg_tmpl_parse(const char *name, const char *text, size_t len)
{
	size_t bad;
	if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3))
		text += 3, len -= 3;
	if (!dlg_utf8_valid(text, len, &bad)) {
		long line = 1;
		for (size_t i = 0; i < bad; i++)
			line += text[i] == '\n';
		dlg_warn_at(name, line, _("invalid UTF-8 or NUL byte; save the file as UTF-8"));
		return NULL;
	}
	size_t nlen;
	char *nfc = dlg_text_nfc(text, len, &nlen);
	dlg_tmpl *t = dlg_xcalloc(1, sizeof *t);
	t->name = dlg_xstrdup(name);

	/* split into lines to find the front matter */
	char *copy = dlg_xstrdup(nfc);
	size_t nlines = 0, cap = 64;
	char **lines = dlg_xmalloc(cap * sizeof *lines);
	for (char *p = copy;;) {
		if (nlines == cap)
			lines = dlg_xreallocarray(lines, cap *= 2, sizeof *lines);
		lines[nlines++] = p;
		char *nl = strchr(p, '\n');
		if (!nl)
			break;
		*nl = '\0';
		if (nl > p && nl[-1] == '\r')
			nl[-1] = '\0';
		p = nl + 1;
	}
	bool ok = true;
	size_t body = 0;
	if (nlines && !strcmp(lines[0], "---")) {
		size_t end = 1;
		while (end < nlines && strcmp(lines[end], "---") && strcmp(lines[end], "..."))
			end++;
		if (end == nlines) {
			dlg_warn_at(name, 1, _("the front matter has no closing \"---\" line"));
			ok = false;
		} else {
			ok = parse_front(t, lines, nlines, end);
			body = end + 1;
		}
	}
	if (ok) {
		const char *b = nfc;
		for (size_t i = 0; i < body; i++) {
			const char *nl = strchr(b, '\n');
			b = nl ? nl + 1 : b + strlen(b);
		}
		t->offset = (long)body;
		t->doc = cmark_parse_document(b, strlen(b), CMARK_OPTS);
		cmark_consolidate_text_nodes(t->doc);
		struct meta *to = meta_find(t, "to");
		if (to && to->val) {
			to->md = cmark_parse_document(to->val, strlen(to->val), CMARK_OPTS);
			cmark_consolidate_text_nodes(to->md);
		}
	}
	free(lines);
	free(copy);
	free(nfc);
	if (!ok) {
		dlg_tmpl_free(t);
		return NULL;
	}
	return t;
}

dlg_tmpl *dlg_tmpl_load(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		dlg_warn("%s: %s", path, strerror(errno));
		return NULL;
	}
	dlg_sbuf b = {0};
	bool err = !dlg_sbuf_read(&b, f);
	fclose(f);
	if (err) {
		dlg_warn("%s: %s", path, strerror(EIO));
		dlg_sbuf_free(&b);
		return NULL;
	}
	dlg_tmpl *t = dlg_tmpl_parse(path, b.data ? b.data : "", b.len);
	dlg_sbuf_free(&b);
	return t;
}

void dlg_tmpl_free(dlg_tmpl *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->nm; i++) {
		free(t->m[i].key);
		free(t->m[i].val);
		for (size_t k = 0; k < t->m[i].n; k++)
			free(t->m[i].item[k]);
		free(t->m[i].item);
		free(t->m[i].line);
		if (t->m[i].md)
			cmark_node_free(t->m[i].md);
	}
	free(t->m);
	if (t->doc)
		cmark_node_free(t->doc);
	free(t->name);
	free(t);
}

/* ---- placeholders ---- */

struct rctx {
	const dlg_tmpl *t;
	const dlg_tmpl_data *d;
	dlg_lay *l;
	bool ok;
	long line;
	const dlg_tmpl_rows *rows; /* inside a table row */
	size_t row;
	bool form; /* paragraphs without first-line indent */
	double indent;
	int list_depth;
	bool literal; /* no placeholders, no engine blocks (dlg_md_draw) */
};

enum { PIECE_TEXT, PIECE_DOTS };

typedef void (*piece_fn)(void *ctx, int kind, const char *s, size_t len);

static void trim_name(char *s)
{
	dlg_text_squeeze(s);
}

/* The value of a placeholder name into out; false when there is none. */
static bool lookup(struct rctx *rc, const char *name, dlg_sbuf *out, bool *dots)
{
	*dots = false;
	const char *v = NULL;
	char num[32];
	if (rc->rows) {
		v = rc->rows->get(rc->rows->ctx, rc->row, name);
		if (!v && !strcmp(name, "stt")) {
			snprintf(num, sizeof num, "%zu", rc->row + 1);
			v = num;
		}
	}
	if (!v && rc->d->get)
		v = rc->d->get(rc->d->ctx, name);
	if (!v && !strcmp(name, "today")) {
		dlg_date_format_iso(rc->d->today, num);
		v = num;
	}
	if (!v && !strcmp(name, "dots")) {
		*dots = true;
		return true;
	}
	if (!v) {
		const char *dot = strchr(name, '.');
		static const char *const sections[] = {"office", "signer", "numbering", "rules"};
		for (size_t i = 0; dot && i < sizeof sections / sizeof *sections; i++)
			if ((size_t)(dot - name) == strlen(sections[i]) &&
			    !strncmp(name, sections[i], (size_t)(dot - name))) {
				char sec[16];
				snprintf(sec, sizeof sec, "%s", sections[i]);
				v = dlg_conf_get(rc->d->conf, sec, dot + 1);
			}
	}
	if (!v)
		return false;
	char *clean = dlg_text_printable(v);
	dlg_sbuf_adds(out, clean);
	free(clean);
	return true;
}

/* Split s into literal text and placeholder values, passing each to fn. */
static void expand(struct rctx *rc, const char *s, long line, piece_fn fn, void *ctx)
{
	if (rc->literal) {
		fn(ctx, PIECE_TEXT, s, strlen(s));
		return;
	}
	dlg_sbuf val = {0};
	while (*s) {
		const char *open = strstr(s, "{{");
		const char *close = open ? strstr(open + 2, "}}") : NULL;
		if (!open || !close) {
			fn(ctx, PIECE_TEXT, s, strlen(s));
			break;
		}
		if (open > s)
			fn(ctx, PIECE_TEXT, s, (size_t)(open - s));
		char *name = dlg_xmalloc((size_t)(close - open - 2) + 1);
		memcpy(name, open + 2, (size_t)(close - open - 2));
		name[close - open - 2] = '\0';
		trim_name(name);
		bool date = !strncmp(name, "date:", 5);
		char *key = date ? name + 5 : name;
		trim_name(key);
		bool dots;
		dlg_sbuf_clear(&val);
		if (!lookup(rc, key, &val, &dots)) {
			if (rc->rows)
				dlg_warn_at(rc->t->name, line,
				            _("no column \"%s\" in table rows or data"), key);
			else
				dlg_warn_at(rc->t->name, line, _("no column \"%s\" in the data"),
				            key);
			rc->ok = false;
		} else if (dots) {
			fn(ctx, PIECE_DOTS, NULL, 0);
		} else if (date) {
			dlg_day day;
			char buf[64];
			if (dlg_date_parse_iso(val.data ? val.data : "", &day)) {
				dlg_date_format_vi(day, buf, sizeof buf);
				fn(ctx, PIECE_TEXT, buf, strlen(buf));
			} else if (val.len) {
				fn(ctx, PIECE_TEXT, val.data, val.len);
			} else {
				fn(ctx, PIECE_TEXT, "ngày … tháng … năm …",
				   strlen("ngày … tháng … năm …"));
			}
		} else if (val.len) {
			fn(ctx, PIECE_TEXT, val.data, val.len);
		}
		free(name);
		s = close + 2;
	}
	dlg_sbuf_free(&val);
}

static void piece_to_sbuf(void *ctx, int kind, const char *s, size_t len)
{
	if (kind == PIECE_DOTS)
		dlg_sbuf_adds(ctx, "…");
	else
		dlg_sbuf_add(ctx, s, len);
}

static char *fill(struct rctx *rc, const char *s, long line)
{
	dlg_sbuf b = {0};
	if (s)
		expand(rc, s, line, piece_to_sbuf, &b);
	return dlg_sbuf_take(&b);
}

char *dlg_tmpl_fill(const dlg_tmpl *t, const char *s, long line, const dlg_tmpl_data *d)
{
	struct rctx rc = {t, d, NULL, true, line, NULL, 0, false, 0, 0, false};
	char *r = fill(&rc, s, line);
	if (!rc.ok) {
		free(r);
		return NULL;
	}
	return r;
}

struct rich_sink {
	dlg_rich *r;
	int style;
};

static void piece_to_rich(void *ctx, int kind, const char *s, size_t len)
{
	struct rich_sink *k = ctx;
	if (kind == PIECE_DOTS)
		dlg_rich_dots(k->r);
	else
		dlg_rich_addn(k->r, k->style, s, len);
}

/* ---- inline content ---- */

/* The inline content of n into r. Walked with cmark's iterator, not by
 * recursion: 50 KB of "*" nests emphasis thousands deep. */
static void inlines(struct rctx *rc, cmark_node *n, int style, dlg_rich *r)
{
	cmark_iter *it = cmark_iter_new(n);
	int emph = 0, strong = 0;
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *c = cmark_iter_get_node(it);
		if (c == n)
			continue;
		int st = style | (emph ? DLG_ITALIC : 0) | (strong ? DLG_BOLD : 0);
		switch (cmark_node_get_type(c)) {
		case CMARK_NODE_TEXT: {
			struct rich_sink k = {r, st};
			expand(rc, cmark_node_get_literal(c), rc->line, piece_to_rich, &k);
			break;
		}
		case CMARK_NODE_CODE:
			dlg_rich_add(r, st, cmark_node_get_literal(c));
			break;
		case CMARK_NODE_SOFTBREAK:
			dlg_rich_add(r, st, " ");
			rc->line++;
			break;
		case CMARK_NODE_LINEBREAK:
			dlg_rich_break(r);
			rc->line++;
			break;
		case CMARK_NODE_EMPH:
			emph += ev == CMARK_EVENT_ENTER ? 1 : -1;
			break;
		case CMARK_NODE_STRONG:
			strong += ev == CMARK_EVENT_ENTER ? 1 : -1;
			break;
		case CMARK_NODE_LINK:
		case CMARK_NODE_IMAGE:
			break; /* their text, as it comes */
		default:       /* raw HTML is not printed */
			if (ev == CMARK_EVENT_ENTER)
				cmark_iter_reset(it, c, CMARK_EVENT_EXIT);
			break;
		}
	}
	cmark_iter_free(it);
}

static long node_line(struct rctx *rc, cmark_node *n)
{
	return cmark_node_get_start_line(n) + (rc->t ? rc->t->offset : 0);
}

/* ---- blocks ---- */

static void blocks(struct rctx *rc, cmark_node *parent, const char *prefix);
static void code_block(struct rctx *rc, cmark_node *n);

static void paragraph(struct rctx *rc, cmark_node *n, const char *prefix, dlg_pstyle ps, int style)
{
	dlg_rich *r = dlg_rich_new();
	if (prefix)
		dlg_rich_add(r, style, prefix);
	rc->line = node_line(rc, n);
	inlines(rc, n, style, r);
	dlg_lay_para(rc->l, &ps, r);
	dlg_rich_free(r);
}

static dlg_pstyle body_style(struct rctx *rc)
{
	dlg_pstyle ps = dlg_pstyle_body();
	if (rc->form) {
		ps.first_indent = 0;
		ps.after = 3;
		ps.align = DLG_LEFT;
	}
	ps.left = rc->indent;
	return ps;
}

static char **split_cells(const char *line, size_t *n)
{
	size_t cap = 4;
	char **cells = dlg_xmalloc(cap * sizeof *cells);
	*n = 0;
	const char *p = line;
	if (*p == '|')
		p++;
	for (;;) {
		const char *bar = strchr(p, '|');
		size_t len = bar ? (size_t)(bar - p) : strlen(p);
		if (!bar && len == 0 && *n)
			break;
		if (*n == cap)
			cells = dlg_xreallocarray(cells, cap *= 2, sizeof *cells);
		char *c = dlg_xmalloc(len + 1);
		memcpy(c, p, len);
		c[len] = '\0';
		dlg_text_squeeze(c);
		cells[(*n)++] = c;
		if (!bar)
			break;
		p = bar + 1;
	}
	return cells;
}

static void free_strings(char **s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(s[i]);
	free(s);
}

static void code_lines(const char *lit, char ***lines, size_t *n)
{
	size_t cap = 4;
	*lines = dlg_xmalloc(cap * sizeof **lines);
	*n = 0;
	const char *p = lit;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		if (*n == cap)
			*lines = dlg_xreallocarray(*lines, cap *= 2, sizeof **lines);
		char *s = dlg_xmalloc(len + 1);
		memcpy(s, p, len);
		s[len] = '\0';
		(*lines)[(*n)++] = s;
		if (!nl)
			break;
		p = nl + 1;
	}
}

static void table_block(struct rctx *rc, const char *tname, char **lines, size_t n, long line)
{
	if (n < 2) {
		dlg_warn_at(rc->t->name, line,
		            _("a table block needs a header line and a row line"));
		rc->ok = false;
		return;
	}
	dlg_tmpl_rows rows = {0};
	if (!rc->d->table || !rc->d->table(rc->d->table_ctx, tname, &rows)) {
		dlg_warn_at(rc->t->name, line, _("no table \"%s\" for this document"), tname);
		rc->ok = false;
		return;
	}
	size_t nh, nr;
	char **head = split_cells(lines[0], &nh);
	char **tpl = split_cells(lines[1], &nr);
	int ncols = (int)(nh > nr ? nh : nr);
	if (ncols > 8)
		ncols = 8;
	double w[8];
	for (int i = 0; i < 8; i++)
		w[i] = 1;
	const char *intro = NULL;
	long intro_line = line;
	bool omit_empty = false;
	for (size_t k = 2; k < n; k++) {
		if (!strncmp(lines[k], "widths:", 7)) {
			char *p = lines[k] + 7;
			for (int i = 0; i < ncols; i++) {
				char *end;
				double v = strtod(p, &end);
				if (end == p)
					break;
				w[i] = v > 0 ? v : 1;
				p = end;
			}
		} else if (!strncmp(lines[k], "intro:", 6)) {
			intro = lines[k] + 6;
			intro_line = line + 1 + (long)k;
		} else if (!strncmp(lines[k], "empty:", 6)) {
			char *v = dlg_text_squeeze(lines[k] + 6);
			omit_empty = !strcmp(v, "omit");
		}
	}
	if (omit_empty && rows.nrows == 0) {
		free_strings(head, nh);
		free_strings(tpl, nr);
		return;
	}
	if (intro) {
		while (*intro == ' ')
			intro++;
		dlg_pstyle ps = body_style(rc);
		ps.keep_with_next = true;
		dlg_rich *r = dlg_rich_new();
		struct rich_sink k = {r, DLG_REGULAR};
		expand(rc, intro, intro_line, piece_to_rich, &k);
		dlg_lay_para(rc->l, &ps, r);
		dlg_rich_free(r);
	}
	dlg_tbl *t = dlg_tbl_new(ncols, w, 13);
	dlg_rich *cells[8];
	for (int i = 0; i < ncols; i++) {
		cells[i] = dlg_rich_new();
		if ((size_t)i < nh)
			dlg_rich_add(cells[i], DLG_BOLD, head[i]);
	}
	dlg_tbl_header(t, (const dlg_rich *const *)cells);
	for (int i = 0; i < ncols; i++) {
		dlg_rich_free(cells[i]);
		if ((size_t)i < nr && !strcmp(tpl[i], "{{stt}}"))
			dlg_tbl_align(t, i, DLG_CENTER);
	}
	rc->rows = &rows;
	for (size_t r = 0; r < rows.nrows; r++) {
		rc->row = r;
		for (int i = 0; i < ncols; i++) {
			cells[i] = dlg_rich_new();
			struct rich_sink k = {cells[i], DLG_REGULAR};
			if ((size_t)i < nr)
				expand(rc, tpl[i], line + 2, piece_to_rich, &k);
		}
		dlg_tbl_row(t, (const dlg_rich *const *)cells);
		for (int i = 0; i < ncols; i++)
			dlg_rich_free(cells[i]);
		if (!rc->ok)
			break;
	}
	rc->rows = NULL;
	dlg_lay_table(rc->l, t);
	dlg_lay_space(rc->l, 6);
	dlg_tbl_free(t);
	free_strings(head, nh);
	free_strings(tpl, nr);
}

static void qr_block(struct rctx *rc, const char *arg, char **lines, size_t n, long line)
{
	double mm = arg && *arg ? strtod(arg, NULL) : 28;
	if (!(mm >= 10 && mm <= 80))
		mm = 28;
	double size = mm * DLG_MM;
	if (n < 1) {
		dlg_warn_at(rc->t->name, line, _("a qr block needs the text to encode"));
		rc->ok = false;
		return;
	}
	char *text = fill(rc, lines[0], line + 1);
	double W = dlg_lay_frame_width(rc->l);
	double cols[2] = {W - size, size};
	dlg_lay_columns(rc->l, 2, cols);
	dlg_pstyle cap = dlg_pstyle_plain(13, DLG_LEFT);
	cap.right = 8;
	cap.after = 2;
	dlg_lay_space(rc->l, size / 3);
	for (size_t i = 1; i < n; i++) {
		char *s = fill(rc, lines[i], line + 1 + (long)i);
		dlg_lay_text(rc->l, &cap, DLG_ITALIC, s);
		free(s);
	}
	dlg_lay_next_column(rc->l);
	dlg_canvas *c = dlg_lay_canvas(rc->l, size);
	if (*text && !dlg_qr_draw(c, 0, 0, size, text))
		rc->ok = false;
	dlg_canvas_end(c);
	dlg_lay_columns_end(rc->l);
	free(text);
}

static void code_block(struct rctx *rc, cmark_node *n)
{
	long line = node_line(rc, n);
	const char *info = cmark_node_get_fence_info(n);
	char word[32] = "", arg[256] = "";
	if (info)
		sscanf(info, "%31s %255[^\n]", word, arg);
	dlg_text_squeeze(arg);
	char **lines;
	size_t nl;
	code_lines(cmark_node_get_literal(n), &lines, &nl);
	if (rc->literal) {
		word[0] = '\0';
	}
	if (!strcmp(word, "table")) {
		table_block(rc, arg, lines, nl, line);
	} else if (!strcmp(word, "qr")) {
		qr_block(rc, arg, lines, nl, line);
	} else if (!strcmp(word, "dots")) {
		int k = atoi(arg);
		dlg_lay_dotted_lines(rc->l, k > 0 && k < 100 ? k : 1, 18);
		dlg_lay_space(rc->l, 3);
	} else if (*word && rc->d->block && rc->d->block(rc->d->block_ctx, rc->l, word, arg)) {
		/* drawn by the caller */
	} else {
		dlg_pstyle ps = dlg_pstyle_plain(12, DLG_LEFT);
		ps.left = rc->indent;
		for (size_t i = 0; i < nl; i++)
			dlg_lay_text(rc->l, &ps, DLG_REGULAR, lines[i]);
		dlg_lay_space(rc->l, 6);
	}
	free_strings(lines, nl);
}

/* Lists and quotes indent their text 10 mm a level up to this many levels;
 * deeper ones are drawn at the last level, so that text keeps a usable width
 * on the page and nothing is lost. */
enum { MAX_NEST = 6 };

/* A list or quote open while blocks() walks the document. */
struct open_block {
	bool list, indented;
	bool ordered, paren;
	int num; /* the next item's number */
};

/* The blocks under parent, the first paragraph opening with prefix (a list
 * item's "1. "). Walked with cmark's iterator, not by recursion, so that
 * 50 KB of ">" (50,000 nested quotes) takes no stack. */
static void blocks(struct rctx *rc, cmark_node *parent, const char *prefix)
{
	char item_prefix[32];
	struct open_block *open = NULL;
	size_t nopen = 0, cap = 0;
	int nest = 0;           /* indenting levels open */
	bool flattened = false; /* some text drawn at MAX_NEST */
	cmark_iter *it = cmark_iter_new(parent);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (n == parent)
			continue;
		cmark_node_type type = cmark_node_get_type(n);
		if (ev == CMARK_EVENT_EXIT) {
			if ((type == CMARK_NODE_LIST || type == CMARK_NODE_BLOCK_QUOTE) && nopen) {
				struct open_block *o = &open[--nopen];
				if (o->indented) {
					rc->indent -= 10 * DLG_MM;
					nest--;
				}
				if (o->list)
					rc->list_depth--;
			}
			continue;
		}
		switch (type) {
		case CMARK_NODE_PARAGRAPH: {
			dlg_pstyle ps = body_style(rc);
			/* The closing paragraph goes with the signature: Decree 30
			 * letters do not leave the signature alone on a page. */
			ps.keep_with_next = rc->t && parent == rc->t->doc &&
			                    cmark_node_parent(n) == parent && !cmark_node_next(n);
			paragraph(rc, n, prefix, ps, DLG_REGULAR);
			prefix = NULL;
			cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
			break;
		}
		case CMARK_NODE_HEADING: {
			int lv = cmark_node_get_heading_level(n);
			dlg_pstyle ps = body_style(rc);
			ps.keep_with_next = true;
			ps.before = 6;
			ps.align = lv == 1 ? DLG_CENTER : DLG_JUSTIFY;
			if (lv == 1)
				ps.first_indent = 0;
			paragraph(rc, n, prefix, ps, lv <= 2 ? DLG_BOLD : DLG_BOLD_ITALIC);
			prefix = NULL;
			cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
			break;
		}
		case CMARK_NODE_LIST:
		case CMARK_NODE_BLOCK_QUOTE: {
			bool is_list = type == CMARK_NODE_LIST;
			if (nopen == cap) {
				cap = cap ? 2 * cap : 16;
				open = dlg_xreallocarray(open, cap, sizeof *open);
			}
			struct open_block *o = &open[nopen++];
			memset(o, 0, sizeof *o);
			o->list = is_list;
			/* a list at the top is not indented; one in a list is */
			bool indents = !is_list || rc->list_depth > 0;
			if (is_list) {
				rc->list_depth++;
				o->ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
				o->num = cmark_node_get_list_start(n);
				o->paren = cmark_node_get_list_delim(n) == CMARK_PAREN_DELIM;
			}
			if (indents && nest < MAX_NEST) {
				o->indented = true;
				rc->indent += 10 * DLG_MM;
				nest++;
			} else if (indents) {
				flattened = true;
			}
			break;
		}
		case CMARK_NODE_ITEM: {
			struct open_block *o = nopen ? &open[nopen - 1] : NULL;
			if (o && o->list && o->ordered)
				snprintf(item_prefix, sizeof item_prefix, "%d%c ", o->num++,
				         o->paren ? ')' : '.');
			else
				snprintf(item_prefix, sizeof item_prefix, "- ");
			prefix = item_prefix;
			break;
		}
		case CMARK_NODE_THEMATIC_BREAK:
			dlg_lay_rule(rc->l, dlg_lay_frame_width(rc->l) / 3, DLG_CENTER, 0.6, 6);
			break;
		case CMARK_NODE_CODE_BLOCK:
			code_block(rc, n);
			break;
		default: /* raw HTML blocks are not printed */
			cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
			break;
		}
	}
	cmark_iter_free(it);
	while (nopen) { /* (the walk closes every block; this is only a guard) */
		struct open_block *o = &open[--nopen];
		if (o->indented)
			rc->indent -= 10 * DLG_MM;
		if (o->list)
			rc->list_depth--;
	}
	free(open);
	if (flattened && rc->t)
		dlg_warn(_("%s: lists or quotes nested more than %d levels deep are drawn at level "
		           "%d"),
		         rc->t->name, MAX_NEST, MAX_NEST);
	else if (flattened)
		dlg_warn(_("lists or quotes nested more than %d levels deep are drawn at level %d"),
		         MAX_NEST, MAX_NEST);
}

/* ---- the frame ---- */

static char *meta_fill(struct rctx *rc, const char *key)
{
	struct meta *m = meta_find(rc->t, key);
	if (!m || !m->val)
		return NULL;
	return fill(rc, m->val, m->at);
}

static char **list_fill(struct rctx *rc, const char *key, size_t *n)
{
	struct meta *m = meta_find(rc->t, key);
	*n = 0;
	if (!m)
		return NULL;
	if (m->val && !m->n) {
		if (!*m->val)
			return NULL;
		char **v = dlg_xmalloc(sizeof *v);
		v[0] = fill(rc, m->val, m->at);
		*n = 1;
		return v;
	}
	size_t cap = m->n ? m->n : 1, k = 0;
	char **v = dlg_xmalloc(cap * sizeof *v);
	for (size_t i = 0; i < m->n; i++) {
		const char *it = m->item[i];
		const char *close = strstr(it, "}}");
		if (strncmp(it, "{{each:", 7) || !close) {
			if (k == cap)
				v = dlg_xreallocarray(v, cap *= 2, sizeof *v);
			v[k++] = fill(rc, it, m->line[i]);
			continue;
		}
		/* "{{each:NAME}}rest": one entry per row of table NAME */
		char *tname = dlg_xmalloc((size_t)(close - it - 7) + 1);
		memcpy(tname, it + 7, (size_t)(close - it - 7));
		tname[close - it - 7] = '\0';
		trim_name(tname);
		dlg_tmpl_rows rows = {0};
		if (!rc->d->table || !rc->d->table(rc->d->table_ctx, tname, &rows)) {
			dlg_warn_at(rc->t->name, m->line[i], _("no table \"%s\" for this document"),
			            tname);
			rc->ok = false;
		} else {
			rc->rows = &rows;
			for (size_t r = 0; r < rows.nrows; r++) {
				rc->row = r;
				if (k == cap)
					v = dlg_xreallocarray(v, cap *= 2, sizeof *v);
				v[k++] = fill(rc, close + 2, m->line[i]);
			}
			rc->rows = NULL;
		}
		free(tname);
	}
	*n = k;
	return v;
}

static bool is(const char *s, const char *v)
{
	return s && !strcmp(s, v);
}

char *dlg_tmpl_title(const dlg_tmpl *t, const dlg_tmpl_data *d)
{
	struct rctx rc = {t, d, NULL, true, 0, NULL, 0, false, 0, 0, false};
	char *s = meta_fill(&rc, "title");
	if (!s)
		s = meta_fill(&rc, "type");
	return s ? s : dlg_xstrdup("");
}

static void addressee(struct rctx *rc)
{
	struct meta *m = meta_find(rc->t, "to");
	if (!m)
		return;
	dlg_pstyle c = dlg_pstyle_plain(14, DLG_CENTER);
	c.after = 6;
	if (m->md) {
		cmark_node *p = cmark_node_first_child(m->md);
		dlg_rich *r = dlg_rich_new();
		bool bold = p && cmark_node_first_child(p) &&
		            cmark_node_get_type(cmark_node_first_child(p)) == CMARK_NODE_STRONG;
		dlg_rich_add(r, bold ? DLG_BOLD : DLG_REGULAR, "Kính gửi: ");
		rc->line = m->at;
		if (p)
			inlines(rc, p, DLG_REGULAR, r);
		dlg_lay_para(rc->l, &c, r);
		dlg_rich_free(r);
		return;
	}
	dlg_pstyle left = dlg_pstyle_plain(14, DLG_LEFT);
	left.left = dlg_lay_frame_width(rc->l) * 0.25;
	dlg_lay_text(rc->l, &c, DLG_REGULAR, "Kính gửi:");
	for (size_t i = 0; i < m->n; i++) {
		char *s = fill(rc, m->item[i], m->line[i]);
		char *t = dlg_xasprintf("- %s", s);
		dlg_lay_text(rc->l, &left, DLG_REGULAR, t);
		free(t);
		free(s);
	}
	dlg_lay_space(rc->l, 6);
}

struct qr_left {
	struct rctx *rc;
	char *text, *caption;
	const char *const *rec;
	size_t nrec;
};

/* The left column of the signature row: the recipients, and a QR code with
 * its caption. */
static void qr_left(dlg_lay *l, void *ctx)
{
	struct qr_left *q = ctx;
	if (q->rec)
		dlg_nd30_recipients(l, q->rec, q->nrec);
	if (!q->text || !*q->text)
		return;
	double size = 22 * DLG_MM;
	dlg_lay_space(l, 4);
	dlg_canvas *c = dlg_lay_canvas(l, size);
	if (!dlg_qr_draw(c, 0, 0, size, q->text))
		q->rc->ok = false;
	dlg_canvas_end(c);
	if (q->caption && *q->caption) {
		dlg_pstyle ps = dlg_pstyle_plain(11, DLG_LEFT);
		ps.right = 6;
		dlg_lay_text(l, &ps, DLG_ITALIC, q->caption);
	}
}

static void signature(struct rctx *rc, const char *frame)
{
	size_t nrec = 0;
	char **rec = list_fill(rc, "recipients", &nrec);
	const char *kind = dlg_tmpl_meta(rc->t, "signer");
	if (!kind)
		kind = is(frame, "form") ? "none" : "conf";
	if (is(frame, "minutes")) {
		char *lt = meta_fill(rc, "left_title"), *ln = meta_fill(rc, "left_name"),
		     *rt = meta_fill(rc, "right_title"), *rn = meta_fill(rc, "right_name");
		dlg_nd30_sign_minutes(rc->l, lt, ln, rt, rn);
		/* Form 1.9: "Nơi nhận:" under THƯ KÝ, on the left */
		if (rec) {
			dlg_lay_space(rc->l, 12);
			dlg_nd30_recipients(rc->l, (const char *const *)rec, nrec);
		}
		free(lt);
		free(ln);
		free(rt);
		free(rn);
	} else if (!is(kind, "none") || rec) {
		dlg_nd30_signer s = {0};
		size_t nlines = 0;
		char **lines = NULL;
		char *note = NULL, *name = NULL, *date_line = NULL;
		if (is(kind, "conf")) {
			s = dlg_nd30_signer_conf(rc->d->conf);
			s.stamp = rc->d->stamp;
		} else if (!is(kind, "none")) {
			lines = list_fill(rc, "signer_lines", &nlines);
			for (size_t i = 0; i < nlines && i < 4; i++)
				s.lines[i] = lines[i];
			note = meta_fill(rc, "signer_note");
			name = meta_fill(rc, "signer_name");
			s.note = note;
			s.name = name;
		}
		char *space = meta_fill(rc, "sign_space");
		if (space)
			s.sign_space = strtod(space, NULL);
		free(space);
		const char *sd = dlg_tmpl_meta(rc->t, "sign_date");
		if (sd && !is(sd, "none")) {
			/* sign_year: the year a blank date line prints (a form for
			 * the next conference), else today's */
			dlg_day day = rc->d->today;
			char *sy = meta_fill(rc, "sign_year");
			long year = sy ? strtol(sy, NULL, 10) : 0;
			if (sy && *sy && (year < 1900 || year > 9999)) {
				dlg_warn_at(rc->t->name, meta_find(rc->t, "sign_year")->at,
				            _("sign_year \"%s\" is not a year"), sy);
				rc->ok = false;
			} else if (sy && *sy) {
				day = dlg_date_from_ymd((int)year, 1, 1);
			}
			free(sy);
			date_line = dlg_nd30_place_date(
			    dlg_conf_get(rc->d->conf, "office", "place"), day, is(sd, "blank"));
			s.date_line = date_line;
		}
		struct qr_left q = {rc, meta_fill(rc, "qr"), meta_fill(rc, "qr_caption"),
		                    (const char *const *)rec, nrec};
		dlg_nd30_sign_with(rc->l, &s, qr_left, &q);
		free(q.text);
		free(q.caption);
		free_strings(lines, nlines);
		free(note);
		free(name);
		free(date_line);
	}
	free_strings(rec, nrec);
}

static void footnotes(struct rctx *rc)
{
	size_t n;
	char **v = list_fill(rc, "footnotes", &n);
	if (!n) {
		free(v);
		return;
	}
	dlg_lay_keep_begin(rc->l);
	dlg_lay_space(rc->l, 10);
	dlg_lay_rule(rc->l, dlg_lay_frame_width(rc->l) / 4, DLG_LEFT, 0.5, 3);
	dlg_pstyle ps = dlg_pstyle_plain(11, DLG_LEFT);
	for (size_t i = 0; i < n; i++)
		dlg_lay_text(rc->l, &ps, DLG_REGULAR, v[i]);
	dlg_lay_keep_end(rc->l);
	free_strings(v, n);
}

bool dlg_tmpl_render(const dlg_tmpl *t, dlg_lay *l, const dlg_tmpl_data *d)
{
	struct rctx rc = {t, d, l, true, 0, NULL, 0, false, 0, 0, false};
	const char *frame = dlg_tmpl_meta(t, "frame");
	if (!frame || !*frame)
		frame = "nd30";
	if (!is(frame, "nd30") && !is(frame, "form") && !is(frame, "minutes") &&
	    !is(frame, "none")) {
		dlg_warn_at(t->name, meta_find(t, "frame")->at,
		            _("frame must be nd30, form, minutes or none, not \"%s\""), frame);
		return false;
	}
	rc.form = is(frame, "form");
	char *type = meta_fill(&rc, "type"), *summary = meta_fill(&rc, "summary");
	if (is(frame, "nd30") || is(frame, "minutes")) {
		dlg_nd30_head h;
		dlg_nd30_head_init(&h, d->conf);
		char *number = meta_fill(&rc, "number");
		char *vv = meta_fill(&rc, "letter_summary");
		char *date = meta_fill(&rc, "date");
		/* a document of a unit under the agency names both */
		char *parent = meta_fill(&rc, "agency_parent");
		char *a1 = meta_fill(&rc, "agency_line1");
		char *a2 = meta_fill(&rc, "agency_line2");
		if (parent)
			h.agency_parent = parent;
		if (a1)
			h.agency1 = a1;
		if (a2)
			h.agency2 = a2;
		h.number = number;
		h.letter_summary = vv;
		h.date = d->today;
		h.has_date = !is(frame, "minutes") && !is(date, "none");
		h.blank_date = is(date, "blank");
		if (date && *date && !is(date, "none") && !is(date, "blank") &&
		    !dlg_date_parse_iso(date, &h.date)) {
			dlg_warn_at(t->name, meta_find(t, "date")->at,
			            _("date \"%s\" is not a YYYY-MM-DD date"), date);
			rc.ok = false;
		}
		h.type_name = type;
		h.summary = summary;
		dlg_nd30_header(l, &h);
		free(number);
		free(vv);
		free(date);
		free(parent);
		free(a1);
		free(a2);
	} else if (rc.form) {
		dlg_nd30_national(l);
		dlg_nd30_title(l, type, summary);
	} else if (type || summary) {
		dlg_nd30_title(l, type, summary);
	}
	free(type);
	free(summary);
	addressee(&rc);
	if (t->doc)
		blocks(&rc, t->doc, NULL);
	signature(&rc, frame);
	footnotes(&rc);
	return rc.ok;
}

char *dlg_tmpl_recipients(const dlg_tmpl *t, const dlg_tmpl_data *d)
{
	struct rctx rc = {t, d, NULL, true, 0, NULL, 0, false, 0, 0, false};
	size_t n;
	char **v = list_fill(&rc, "recipients", &n);
	dlg_sbuf b = {0};
	for (size_t i = 0; i < n; i++) {
		if (b.len)
			dlg_sbuf_adds(&b, " ");
		dlg_sbuf_adds(&b, v[i]);
	}
	free_strings(v, n);
	if (!rc.ok) {
		dlg_sbuf_free(&b);
		return NULL;
	}
	return b.data ? dlg_sbuf_take(&b) : dlg_xstrdup("");
}

char *dlg_tmpl_meta_fill(const dlg_tmpl *t, const char *key, const dlg_tmpl_data *d)
{
	struct meta *m = meta_find(t, key);
	if (!m || !m->val)
		return NULL;
	return dlg_tmpl_fill(t, m->val, m->at, d);
}

void dlg_md_draw(dlg_lay *l, const char *markdown, double indent)
{
	size_t len;
	char *nfc = dlg_text_nfc(markdown, strlen(markdown), &len);
	cmark_node *doc = cmark_parse_document(nfc, len, CMARK_OPTS);
	cmark_consolidate_text_nodes(doc);
	dlg_tmpl_data d = {0};
	struct rctx rc = {NULL, &d, l, true, 0, NULL, 0, false, indent, 0, true};
	blocks(&rc, doc, NULL);
	cmark_node_free(doc);
	free(nfc);
}

dlg_tmpl *dlg_case_tmpl_load(const dlg_case *c, const char *name)
{
	char *path = dlg_case_template(c, name);
	if (!path) {
		dlg_warn(_("no template \"%s\" (looked in the case folder's templates/ and in %s)"),
		         name, dlg_share_dir());
		return NULL;
	}
	dlg_tmpl *t = dlg_tmpl_load(path);
	free(path);
	return t;
}

char **dlg_tmpl_meta_list(const dlg_tmpl *t, const char *key, const dlg_tmpl_data *d, size_t *n)
{
	struct rctx rc = {t, d, NULL, true, 0, NULL, 0, false, 0, 0, false};
	char **v = list_fill(&rc, key, n);
	for (size_t i = 0; i < *n; i++)
		if (!v[i])
			rc.ok = false;
	if (rc.ok)
		return v;
	for (size_t i = 0; i < *n; i++)
		free(v[i]);
	free(v);
	*n = 0;
	return NULL;
}
