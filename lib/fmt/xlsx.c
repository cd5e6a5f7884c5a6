/* .xlsx reading: libzip for the archive, expat for its XML parts. */
#include "fmt/xlsx.h"

#include <expat.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "base/date.h"
#include "base/diag.h"
#include "base/sbuf.h"
#include "base/text.h"

/* Parts larger than this are refused (a zip bomb is small on disk). */
#define PART_MAX (256u * 1024 * 1024)
/* Columns and rows beyond these are refused rather than allocated. */
#define COL_MAX 16384
#define ROW_MAX 1048576

typedef struct {
	zip_t *zip;
	const char *name; /* for messages */
	bool failed;
} book;

/* The bytes of part `part` (NUL-terminated, malloc'd), its length in *len;
 * NULL when the archive has no such part (*missing true) or it cannot be
 * read (after a diagnostic). */
static char *read_part(book *b, const char *part, size_t *len, bool *missing)
{
	*missing = false;
	zip_stat_t st;
	zip_stat_init(&st);
	if (zip_stat(b->zip, part, ZIP_FL_ENC_GUESS, &st) != 0) {
		*missing = true;
		return NULL;
	}
	if (!(st.valid & ZIP_STAT_SIZE) || st.size > PART_MAX) {
		dlg_warn(_("%s: part %s of the workbook is too large"), b->name, part);
		return NULL;
	}
	zip_file_t *f = zip_fopen(b->zip, part, ZIP_FL_ENC_GUESS);
	if (!f) {
		dlg_warn(_("%s: cannot read %s in the workbook: %s"), b->name, part,
		         zip_strerror(b->zip));
		return NULL;
	}
	char *buf = dlg_xmalloc((size_t)st.size + 1);
	zip_int64_t got = zip_fread(f, buf, st.size);
	zip_fclose(f);
	if (got < 0 || (zip_uint64_t)got != st.size) {
		dlg_warn(_("%s: cannot read %s in the workbook (damaged file?)"), b->name, part);
		free(buf);
		return NULL;
	}
	buf[st.size] = '\0';
	*len = (size_t)st.size;
	return buf;
}

/* The local name of an XML element ("x:row" → "row"). */
static const char *local(const char *name)
{
	const char *colon = strrchr(name, ':');
	return colon ? colon + 1 : name;
}

static const char *attr(const char **atts, const char *name)
{
	for (size_t i = 0; atts[i]; i += 2)
		if (!strcmp(local(atts[i]), name))
			return atts[i + 1];
	return NULL;
}

/* Parse xml with the handlers and ctx; false after a diagnostic. */
static bool parse(book *b, const char *part, const char *xml, size_t len,
                  XML_StartElementHandler start, XML_EndElementHandler end,
                  XML_CharacterDataHandler text, void *ctx)
{
	XML_Parser p = XML_ParserCreate("UTF-8");
	if (!p)
		dlg_out_of_memory();
	XML_SetUserData(p, ctx);
	XML_SetElementHandler(p, start, end);
	if (text)
		XML_SetCharacterDataHandler(p, text);
	bool ok = XML_Parse(p, xml, (int)len, 1) != XML_STATUS_ERROR;
	if (!ok)
		dlg_warn(_("%s: %s in the workbook is not valid XML (line %lu: %s)"), b->name, part,
		         (unsigned long)XML_GetCurrentLineNumber(p),
		         XML_ErrorString(XML_GetErrorCode(p)));
	XML_ParserFree(p);
	return ok;
}

/* ---- workbook.xml and its relationships: which part is the sheet ---- */

struct sheets {
	char **name, **rid;
	size_t n;
	bool date1904;
};

static void sheets_start(void *ctx, const char *el, const char **atts)
{
	struct sheets *s = ctx;
	el = local(el);
	if (!strcmp(el, "workbookPr")) {
		const char *d = attr(atts, "date1904");
		s->date1904 = d && (!strcmp(d, "1") || !strcmp(d, "true"));
	}
	if (strcmp(el, "sheet"))
		return;
	const char *name = attr(atts, "name"), *rid = attr(atts, "id");
	if (!name || !rid)
		return;
	s->name = dlg_xrealloc(s->name, (s->n + 1) * sizeof *s->name);
	s->rid = dlg_xrealloc(s->rid, (s->n + 1) * sizeof *s->rid);
	s->name[s->n] = dlg_xstrdup(name);
	s->rid[s->n++] = dlg_xstrdup(rid);
}

static void ignore_end(void *ctx, const char *el)
{
	(void)ctx;
	(void)el;
}

struct rels {
	const char *want; /* the Id looked for */
	char *target;
};

static void rels_start(void *ctx, const char *el, const char **atts)
{
	struct rels *r = ctx;
	if (strcmp(local(el), "Relationship") || r->target)
		return;
	const char *id = attr(atts, "Id"), *target = attr(atts, "Target");
	if (id && target && !strcmp(id, r->want))
		r->target = dlg_xstrdup(target);
}

/* ---- sharedStrings.xml ---- */

struct strings {
	char **s;
	size_t n, cap;
	dlg_sbuf cur;
	bool in_si, in_t, in_phonetic;
};

static void strings_start(void *ctx, const char *el, const char **atts)
{
	struct strings *st = ctx;
	(void)atts;
	el = local(el);
	if (!strcmp(el, "si")) {
		st->in_si = true;
		dlg_sbuf_clear(&st->cur);
	} else if (!strcmp(el, "t")) {
		st->in_t = true;
	} else if (!strcmp(el, "rPh")) {
		st->in_phonetic = true;
	}
}

static void strings_end(void *ctx, const char *el)
{
	struct strings *st = ctx;
	el = local(el);
	if (!strcmp(el, "t")) {
		st->in_t = false;
	} else if (!strcmp(el, "rPh")) {
		st->in_phonetic = false;
	} else if (!strcmp(el, "si") && st->in_si) {
		st->in_si = false;
		if (st->n == st->cap) {
			st->cap = st->cap ? st->cap * 2 : 64;
			st->s = dlg_xrealloc(st->s, st->cap * sizeof *st->s);
		}
		st->s[st->n++] = dlg_xstrdup(st->cur.data ? st->cur.data : "");
	}
}

static void strings_text(void *ctx, const char *s, int len)
{
	struct strings *st = ctx;
	if (st->in_si && st->in_t && !st->in_phonetic)
		dlg_sbuf_add(&st->cur, s, (size_t)len);
}

/* ---- styles.xml: which cell styles are dates ---- */

struct styles {
	bool in_xfs;
	size_t n;
	bool *date; /* per cellXfs entry */
	long *custom_id;
	bool *custom_date;
	size_t ncustom;
};

/* True when a number format shows a date or time: d, m, y, h or s outside
 * quoted text, escapes and [colour] brackets. */
static bool date_format(const char *code)
{
	bool quoted = false;
	int bracket = 0;
	for (const char *p = code; *p; p++) {
		if (quoted) {
			quoted = *p != '"';
			continue;
		}
		if (*p == '"')
			quoted = true;
		else if (*p == '\\' && p[1])
			p++;
		else if (*p == '[')
			bracket++;
		else if (*p == ']' && bracket)
			bracket--;
		else if (!bracket && strchr("dDmMyYhHsS", *p))
			return true;
	}
	return false;
}

static bool builtin_date(long id)
{
	return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
	       (id >= 50 && id <= 58);
}

static void styles_start(void *ctx, const char *el, const char **atts)
{
	struct styles *st = ctx;
	el = local(el);
	if (!strcmp(el, "numFmt")) {
		const char *id = attr(atts, "numFmtId"), *code = attr(atts, "formatCode");
		if (!id || !code)
			return;
		st->custom_id = dlg_xrealloc(st->custom_id, (st->ncustom + 1) * sizeof(long));
		st->custom_date = dlg_xrealloc(st->custom_date, (st->ncustom + 1) * sizeof(bool));
		st->custom_id[st->ncustom] = strtol(id, NULL, 10);
		st->custom_date[st->ncustom++] = date_format(code);
	} else if (!strcmp(el, "cellXfs")) {
		st->in_xfs = true;
	} else if (!strcmp(el, "xf") && st->in_xfs && st->n < 65536) {
		const char *id = attr(atts, "numFmtId");
		long n = id ? strtol(id, NULL, 10) : 0;
		bool date = builtin_date(n);
		for (size_t i = 0; i < st->ncustom; i++)
			if (st->custom_id[i] == n)
				date = st->custom_date[i];
		st->date = dlg_xrealloc(st->date, (st->n + 1) * sizeof(bool));
		st->date[st->n++] = date;
	}
}

static void styles_end(void *ctx, const char *el)
{
	struct styles *st = ctx;
	if (!strcmp(local(el), "cellXfs"))
		st->in_xfs = false;
}

/* ---- the sheet ---- */

struct cell {
	size_t col;
	char *text;
	bool numeric;
};

struct grid_row {
	long r;
	struct cell *c;
	size_t n;
};

struct grid {
	const struct strings *strings;
	const struct styles *styles;
	bool date1904;
	struct grid_row *row;
	size_t nrows;
	bool in_row, in_c, in_v, in_is_t, failed;
	long next_r;     /* row number of a row without r= */
	size_t next_col; /* column of a cell without r= */
	char type[16];
	long style;
	size_t col;
	dlg_sbuf value;
	const char *name;
};

/* Column index of a reference "BC12" (0-based), or -1. */
static long ref_col(const char *ref)
{
	long col = 0;
	size_t n = 0;
	for (; *ref >= 'A' && *ref <= 'Z'; ref++, n++) {
		col = col * 26 + (*ref - 'A' + 1);
		if (col > COL_MAX)
			return -1;
	}
	return n ? col - 1 : -1;
}

static void grid_start(void *ctx, const char *el, const char **atts)
{
	struct grid *g = ctx;
	if (g->failed)
		return;
	el = local(el);
	if (!strcmp(el, "row")) {
		const char *r = attr(atts, "r");
		long n = r ? strtol(r, NULL, 10) : g->next_r;
		if (n < 1 || n > ROW_MAX || n < g->next_r) {
			g->failed = true;
			return;
		}
		g->next_r = n + 1;
		g->next_col = 0;
		g->row = dlg_xrealloc(g->row, (g->nrows + 1) * sizeof *g->row);
		g->row[g->nrows++] = (struct grid_row){n, NULL, 0};
		g->in_row = true;
	} else if (!strcmp(el, "c") && g->in_row) {
		const char *r = attr(atts, "r"), *t = attr(atts, "t"), *s = attr(atts, "s");
		long col = r ? ref_col(r) : (long)g->next_col;
		if (col < 0 || col >= COL_MAX) {
			g->failed = true;
			return;
		}
		g->col = (size_t)col;
		g->next_col = g->col + 1;
		snprintf(g->type, sizeof g->type, "%s", t ? t : "n");
		g->style = s ? strtol(s, NULL, 10) : 0;
		dlg_sbuf_clear(&g->value);
		g->in_c = true;
	} else if (g->in_c && !strcmp(el, "v")) {
		g->in_v = true;
	} else if (g->in_c && !strcmp(el, "t")) {
		g->in_is_t = true;
	}
}

/* A number as people write it: 912345678, 1.5 (no exponent for integers). */
static char *number_text(const char *v)
{
	char *end;
	double d = strtod(v, &end);
	if (end == v || !isfinite(d))
		return dlg_xstrdup(v);
	if (d == floor(d) && fabs(d) < 1e15)
		return dlg_xasprintf("%.0f", d);
	return dlg_xasprintf("%.15g", d);
}

/* A date serial as "YYYY-MM-DD" or "YYYY-MM-DD HH:MM:SS". */
static char *date_text(const char *v, bool date1904)
{
	char *end;
	double d = strtod(v, &end);
	if (end == v || !isfinite(d) || d < 0 || d > 2958465)
		return number_text(v);
	long days = (long)floor(d);
	long secs = lround((d - (double)days) * 86400.0);
	if (secs >= 86400)
		days++, secs -= 86400;
	/* Serial 1 is 1900-01-01, and Excel counts a 29 February 1900 that did
	 * not exist: from serial 61 on, day 0 is 1899-12-30. */
	dlg_day base = date1904 ? dlg_date_from_ymd(1904, 1, 1)
	                        : dlg_date_from_ymd(1899, 12, days >= 61 ? 30 : 31);
	char iso[11];
	dlg_date_format_iso(base + days, iso);
	if (!secs)
		return dlg_xstrdup(iso);
	return dlg_xasprintf("%s %02ld:%02ld:%02ld", iso, secs / 3600, secs / 60 % 60, secs % 60);
}

static void grid_end(void *ctx, const char *el)
{
	struct grid *g = ctx;
	if (g->failed)
		return;
	el = local(el);
	if (!strcmp(el, "v")) {
		g->in_v = false;
	} else if (!strcmp(el, "t")) {
		g->in_is_t = false;
	} else if (!strcmp(el, "row")) {
		g->in_row = false;
	} else if (!strcmp(el, "c") && g->in_c) {
		g->in_c = false;
		const char *v = g->value.data ? g->value.data : "";
		char *text;
		bool numeric = false;
		if (!strcmp(g->type, "s")) {
			char *end;
			long i = strtol(v, &end, 10);
			text = dlg_xstrdup(end != v && i >= 0 && (size_t)i < g->strings->n
			                       ? g->strings->s[i]
			                       : "");
		} else if (!strcmp(g->type, "b")) {
			text = dlg_xstrdup(!strcmp(v, "1") ? "TRUE" : "FALSE");
		} else if (!strcmp(g->type, "n") && *v) {
			bool date = g->style >= 0 && (size_t)g->style < g->styles->n &&
			            g->styles->date[g->style];
			text = date ? date_text(v, g->date1904) : number_text(v);
			numeric = !date;
		} else if (!strcmp(g->type, "d")) {
			text = dlg_xstrdup(v); /* ISO 8601 already */
		} else {
			text = dlg_xstrdup(v); /* str, inlineStr, e */
		}
		if (!*text) {
			free(text);
			return;
		}
		struct grid_row *r = &g->row[g->nrows - 1];
		r->c = dlg_xrealloc(r->c, (r->n + 1) * sizeof *r->c);
		r->c[r->n++] = (struct cell){g->col, text, numeric};
	}
}

static void grid_text(void *ctx, const char *s, int len)
{
	struct grid *g = ctx;
	if (g->in_c && (g->in_v || g->in_is_t))
		dlg_sbuf_add(&g->value, s, (size_t)len);
}

/* "A", "B", ... "AA": a column's letters, for a data column with no header. */
static void col_letters(size_t col, char *buf)
{
	char tmp[8];
	size_t n = 0;
	col++;
	while (col && n < sizeof tmp) {
		tmp[n++] = (char)('A' + (col - 1) % 26);
		col = (col - 1) / 26;
	}
	for (size_t i = 0; i < n; i++)
		buf[i] = tmp[n - 1 - i];
	buf[n] = '\0';
}

/* Cell text as the sheet keeps it: NFC, without surrounding space. */
static char *tidy(const char *s)
{
	char *nfc = dlg_text_nfc(s, strlen(s), NULL);
	return nfc;
}

static dlg_sheet *grid_to_sheet(struct grid *g, const char *name)
{
	size_t h = 0;
	while (h < g->nrows && !g->row[h].n)
		h++;
	if (h == g->nrows) {
		dlg_warn(_("%s: the sheet is empty: a header row naming the columns is needed"),
		         name);
		return NULL;
	}
	size_t ncols = 0;
	for (size_t r = h; r < g->nrows; r++)
		for (size_t i = 0; i < g->row[r].n; i++)
			if (g->row[r].c[i].col + 1 > ncols)
				ncols = g->row[r].c[i].col + 1;
	char **header = dlg_xcalloc(ncols, sizeof *header);
	for (size_t i = 0; i < g->row[h].n; i++)
		header[g->row[h].c[i].col] = tidy(g->row[h].c[i].text);
	for (size_t c = 0; c < ncols; c++)
		if (!header[c] || dlg_text_blank(header[c])) {
			char letters[8];
			col_letters(c, letters);
			free(header[c]);
			header[c] = dlg_xasprintf(_("column %s"), letters);
		} else {
			dlg_text_squeeze(header[c]);
		}
	dlg_sheet *s = dlg_sheet_new(name, (const char *const *)header, ncols);
	s->header_line = g->row[h].r;
	char **cells = dlg_xcalloc(ncols, sizeof *cells);
	for (size_t r = h + 1; r < g->nrows; r++) {
		bool any = false;
		for (size_t i = 0; i < g->row[r].n; i++)
			any = any || !dlg_text_blank(g->row[r].c[i].text);
		if (!any)
			continue;
		for (size_t c = 0; c < ncols; c++)
			cells[c] = NULL;
		for (size_t i = 0; i < g->row[r].n; i++) {
			free(cells[g->row[r].c[i].col]);
			cells[g->row[r].c[i].col] = tidy(g->row[r].c[i].text);
		}
		size_t at = dlg_sheet_add_row(s, (const char *const *)cells, g->row[r].r);
		for (size_t i = 0; i < g->row[r].n; i++)
			if (g->row[r].c[i].numeric)
				dlg_sheet_set_numeric(s, at, g->row[r].c[i].col);
		for (size_t c = 0; c < ncols; c++) {
			free(cells[c]);
			cells[c] = NULL;
		}
	}
	free(cells);
	for (size_t c = 0; c < ncols; c++)
		free(header[c]);
	free(header);
	return s;
}

/* The part a relationship target names: "worksheets/sheet1.xml" is under
 * xl/, "/xl/worksheets/sheet1.xml" is absolute. malloc'd. */
static char *part_of_target(const char *target)
{
	if (*target == '/')
		return dlg_xstrdup(target + 1);
	return dlg_xasprintf("xl/%s", target);
}

static dlg_sheet *read_book(book *b, const char *want)
{
	dlg_sheet *result = NULL;
	struct sheets sh = {0};
	struct rels rl = {0};
	struct strings st = {0};
	struct styles sy = {0};
	struct grid g = {0};
	char *part = NULL;
	size_t len;
	bool missing;
	char *xml = read_part(b, "xl/workbook.xml", &len, &missing);
	if (!xml) {
		if (missing)
			dlg_warn(_("%s: not an Excel workbook (.xlsx): it has no xl/workbook.xml"),
			         b->name);
		goto out;
	}
	bool ok = parse(b, "xl/workbook.xml", xml, len, sheets_start, ignore_end, NULL, &sh);
	free(xml);
	if (!ok)
		goto out;
	if (!sh.n) {
		dlg_warn(_("%s: the workbook has no sheet"), b->name);
		goto out;
	}
	size_t which = 0;
	if (want) {
		for (which = 0; which < sh.n && strcmp(sh.name[which], want); which++)
			;
		if (which == sh.n) {
			char *list = NULL;
			dlg_sbuf lb = {0};
			for (size_t i = 0; i < sh.n; i++)
				dlg_sbuf_printf(&lb, "%s\"%s\"", i ? ", " : "", sh.name[i]);
			list = dlg_sbuf_take(&lb);
			dlg_warn(_("%s: no sheet \"%s\" in the workbook; its sheets: %s"), b->name,
			         want, list);
			free(list);
			goto out;
		}
	}
	rl.want = sh.rid[which];
	xml = read_part(b, "xl/_rels/workbook.xml.rels", &len, &missing);
	if (!xml) {
		if (missing)
			dlg_warn(_("%s: damaged workbook: no xl/_rels/workbook.xml.rels"), b->name);
		goto out;
	}
	ok = parse(b, "xl/_rels/workbook.xml.rels", xml, len, rels_start, ignore_end, NULL, &rl);
	free(xml);
	if (!ok)
		goto out;
	if (!rl.target) {
		dlg_warn(_("%s: damaged workbook: sheet \"%s\" has no part"), b->name,
		         sh.name[which]);
		goto out;
	}
	xml = read_part(b, "xl/sharedStrings.xml", &len, &missing);
	if (!xml && !missing)
		goto out;
	if (xml) {
		ok = parse(b, "xl/sharedStrings.xml", xml, len, strings_start, strings_end,
		           strings_text, &st);
		free(xml);
		if (!ok)
			goto out;
	}
	xml = read_part(b, "xl/styles.xml", &len, &missing);
	if (!xml && !missing)
		goto out;
	if (xml) {
		ok = parse(b, "xl/styles.xml", xml, len, styles_start, styles_end, NULL, &sy);
		free(xml);
		if (!ok)
			goto out;
	}
	part = part_of_target(rl.target);
	xml = read_part(b, part, &len, &missing);
	if (!xml) {
		if (missing)
			dlg_warn(_("%s: damaged workbook: no %s"), b->name, part);
		goto out;
	}
	g.strings = &st;
	g.styles = &sy;
	g.date1904 = sh.date1904;
	g.next_r = 1;
	g.name = b->name;
	ok = parse(b, part, xml, len, grid_start, grid_end, grid_text, &g);
	free(xml);
	if (!ok)
		goto out;
	if (g.failed) {
		dlg_warn(_("%s: damaged workbook: a row or cell reference is out of order or out "
		           "of range"),
		         b->name);
		goto out;
	}
	result = grid_to_sheet(&g, b->name);
out:
	for (size_t i = 0; i < sh.n; i++) {
		free(sh.name[i]);
		free(sh.rid[i]);
	}
	free(sh.name);
	free(sh.rid);
	free(rl.target);
	for (size_t i = 0; i < st.n; i++)
		free(st.s[i]);
	free(st.s);
	dlg_sbuf_free(&st.cur);
	free(sy.date);
	free(sy.custom_id);
	free(sy.custom_date);
	for (size_t r = 0; r < g.nrows; r++) {
		for (size_t i = 0; i < g.row[r].n; i++)
			free(g.row[r].c[i].text);
		free(g.row[r].c);
	}
	free(g.row);
	dlg_sbuf_free(&g.value);
	free(part);
	return result;
}

dlg_sheet *dlg_xlsx_read(const char *path, const char *sheet)
{
	int err = 0;
	zip_t *z = zip_open(path, ZIP_RDONLY, &err);
	if (!z) {
		zip_error_t ze;
		zip_error_init_with_code(&ze, err);
		dlg_warn(_("%s: cannot open the workbook: %s"), path, zip_error_strerror(&ze));
		zip_error_fini(&ze);
		return NULL;
	}
	book b = {z, dlg_display_name(path), false};
	dlg_sheet *s = read_book(&b, sheet);
	zip_discard(z);
	return s;
}

dlg_sheet *dlg_xlsx_read_buffer(const void *data, size_t len, const char *name, const char *sheet)
{
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(data, len, 0, &ze);
	zip_t *z = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
	if (!z) {
		dlg_warn(_("%s: cannot open the workbook: %s"), name, zip_error_strerror(&ze));
		if (src)
			zip_source_free(src);
		zip_error_fini(&ze);
		return NULL;
	}
	zip_error_fini(&ze);
	book b = {z, name, false};
	dlg_sheet *s = read_book(&b, sheet);
	zip_discard(z);
	return s;
}

bool dlg_xlsx_sniff(const void *data, size_t len)
{
	return len >= 4 && !memcmp(data, "PK\x03\x04", 4);
}
