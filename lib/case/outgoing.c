/* The outgoing register (sổ đăng ký văn bản đi): numbers for every document
 * the office issues, kept in a CSV record of the case folder. */
#include "case/outgoing.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/atomic.h"
#include "base/diag.h"
#include "base/hashmap.h"
#include "fmt/csv.h"

/* The register's own columns, in the order a new register has them. */
enum {
	C_SYMBOL,
	C_DATE,
	C_TYPE_NAME,
	C_SUMMARY,
	C_SIGNER,
	C_RECIPIENTS,
	C_KEEPER,
	C_COPIES,
	C_NOTE,
	C_YEAR,
	C_SEQ,
	C_TYPE,
	C_DOC,
	C_SESSION,
	C_RECIPIENT,
	NOWN
};
static const char *const own_name[NOWN] = {
    "symbol", "date", "type_name", "summary", "signer", "recipients", "keeper",   "copies",
    "note",   "year", "seq",       "type",    "doc",    "session",    "recipient"};

/* The [numbering] keys that give a starting number, and the type of the
 * documents each one numbers. */
static const struct {
	const char *key, *type;
} start_keys[] = {
    {"invite", "GM"}, {"minutes", "BB"}, {"notice", "TB"},
    {"reply", ""},    {"report", "BC"},  {"slip", ""},
};

/* The register as read: every column (the file's, then own ones it lacked)
 * and every row as strings, with each row's number worked out. */
struct table {
	char *path;
	char *name; /* for messages */
	size_t ncol;
	char **col;      /* header (owned) */
	size_t at[NOWN]; /* own column k is column at[k] */
	size_t nrow, cap;
	char ***cell;     /* cell[r][c] (owned) */
	long *line;       /* file line of row r; 0 for a new row */
	long *year, *seq; /* the row's number; seq 0: a row without one */
	char **type;      /* the row's type (owned) */
};

static const char *cell(const struct table *t, size_t r, int k)
{
	return t->cell[r][t->at[k]];
}

static void table_free(struct table *t)
{
	for (size_t r = 0; r < t->nrow; r++) {
		for (size_t c = 0; c < t->ncol; c++)
			free(t->cell[r][c]);
		free(t->cell[r]);
		free(t->type[r]);
	}
	for (size_t c = 0; c < t->ncol; c++)
		free(t->col[c]);
	free(t->col);
	free(t->cell);
	free(t->line);
	free(t->year);
	free(t->seq);
	free(t->type);
	free(t->path);
	free(t->name);
	memset(t, 0, sizeof *t);
}

static void grow(struct table *t)
{
	if (t->nrow < t->cap)
		return;
	t->cap = t->cap ? 2 * t->cap : 64;
	t->cell = dlg_xreallocarray(t->cell, t->cap, sizeof *t->cell);
	t->line = dlg_xreallocarray(t->line, t->cap, sizeof *t->line);
	t->year = dlg_xreallocarray(t->year, t->cap, sizeof *t->year);
	t->seq = dlg_xreallocarray(t->seq, t->cap, sizeof *t->seq);
	t->type = dlg_xreallocarray(t->type, t->cap, sizeof *t->type);
}

/* A whole number 1..999999 written in s (leading zeros allowed); 0 if not. */
static long parse_seq(const char *s, const char **end)
{
	long v = 0;
	const char *p = s;
	while (*p >= '0' && *p <= '9' && v < 1000000)
		v = v * 10 + (*p++ - '0');
	if (end)
		*end = p;
	if (p == s || v < 1 || v > 999999)
		return 0;
	return v;
}

/* The type of a symbol "08/BB-UBND" (BB) or of a letter's "12/UBND-VP" (""):
 * malloc'd, NULL when the symbol has no "/X-Y" part. */
static char *type_of_symbol(const char *symbol, const char *agency_short)
{
	const char *slash = strchr(symbol, '/');
	if (!slash)
		return NULL;
	const char *x = slash + 1, *dash = strchr(x, '-');
	if (!dash || dash == x)
		return NULL;
	size_t len = (size_t)(dash - x);
	if (strlen(agency_short) == len && !strncmp(x, agency_short, len))
		return dlg_xstrdup("");
	char *type = dlg_xmalloc(len + 1);
	memcpy(type, x, len);
	type[len] = '\0';
	return type;
}

/* Work out row r's year, number and type from its cells; false after a
 * diagnostic when it has none that make sense. */
static bool row_number(struct table *t, size_t r, const dlg_conf *conf)
{
	const char *symbol = cell(t, r, C_SYMBOL), *seq = cell(t, r, C_SEQ),
	           *year = cell(t, r, C_YEAR), *date = cell(t, r, C_DATE);
	t->seq[r] = 0;
	t->year[r] = 0;
	t->type[r] = NULL;
	const char *end;
	if (*seq) {
		t->seq[r] = parse_seq(seq, &end);
		if (!t->seq[r] || *end) {
			dlg_warn_at(t->name, t->line[r],
			            _("seq \"%s\" is not a document number (1 to 999999)"), seq);
			return false;
		}
	} else if (*symbol) {
		t->seq[r] = parse_seq(symbol, &end);
		if (!t->seq[r] || *end != '/') {
			dlg_warn_at(t->name, t->line[r],
			            _("symbol \"%s\" does not start with a number and \"/\" "
			              "(\"08/BB-UBND\")"),
			            symbol);
			return false;
		}
	} else {
		return true; /* a row without a number (a note): takes no number */
	}
	if (*year) {
		t->year[r] = parse_seq(year, &end);
		if (*end || t->year[r] < 1900 || t->year[r] > 9999) {
			dlg_warn_at(t->name, t->line[r], _("year \"%s\" is not a year"), year);
			return false;
		}
	} else {
		dlg_day d;
		int y, m, dd;
		if (!dlg_date_parse_loose(date, &d)) {
			dlg_warn_at(t->name, t->line[r],
			            _("number %ld has neither a year nor a date (YYYY-MM-DD)"),
			            t->seq[r]);
			return false;
		}
		dlg_date_to_ymd(d, &y, &m, &dd);
		t->year[r] = y;
	}
	if (*cell(t, r, C_TYPE) || !*symbol) {
		t->type[r] = dlg_xstrdup(cell(t, r, C_TYPE));
	} else {
		t->type[r] = type_of_symbol(symbol, dlg_conf_get(conf, "office", "agency_short"));
		if (!t->type[r]) {
			dlg_warn_at(t->name, t->line[r],
			            _("symbol \"%s\" names no type: write it as \"08/BB-UBND\" "
			              "or fill the type column"),
			            symbol);
			return false;
		}
	}
	return true;
}

/* Read the register at path (a missing file is an empty register). */
static bool table_load(struct table *t, const char *path, const dlg_conf *conf)
{
	memset(t, 0, sizeof *t);
	t->path = dlg_xstrdup(path);
	t->name = dlg_xstrdup(path);
	if (access(path, F_OK) != 0) {
		if (errno != ENOENT) {
			dlg_warn("%s: %s", path, strerror(errno));
			return false;
		}
		t->ncol = NOWN;
		t->col = dlg_xmalloc(NOWN * sizeof *t->col);
		for (size_t k = 0; k < NOWN; k++) {
			t->col[k] = dlg_xstrdup(own_name[k]);
			t->at[k] = k;
		}
		return true;
	}
	dlg_csv_reader *rd = dlg_csv_open(path, NULL);
	if (!rd)
		return false;
	dlg_colplan plan;
	dlg_colplan_init(&plan, dlg_csv_header(rd), own_name, NOWN);
	t->ncol = plan.n;
	t->col = dlg_xmalloc(plan.n * sizeof *t->col);
	for (size_t c = 0; c < plan.n; c++)
		t->col[c] = dlg_xstrdup(plan.name[c]);
	for (size_t k = 0; k < NOWN; k++)
		t->at[k] = plan.own_at[k];
	size_t nin = dlg_csv_header(rd)->n;
	const dlg_row *row;
	int got;
	bool ok = true;
	while ((got = dlg_csv_next(rd, &row)) > 0) {
		bool blank = true;
		for (size_t c = 0; c < row->n; c++)
			if (*row->field[c])
				blank = false;
		if (blank)
			continue;
		grow(t);
		size_t r = t->nrow++;
		t->line[r] = row->line;
		t->cell[r] = dlg_xmalloc(t->ncol * sizeof **t->cell);
		/* the file's columns in place (own ones replaced in place keep their
		 * index), own columns it lacked appended empty */
		for (size_t c = 0; c < t->ncol; c++)
			t->cell[r][c] = dlg_xstrdup(c < nin && c < row->n ? row->field[c] : "");
		if (!row_number(t, r, conf))
			ok = false;
	}
	const char *name = dlg_csv_name(rd);
	free(t->name);
	t->name = dlg_xstrdup(name);
	dlg_csv_close(rd);
	dlg_colplan_free(&plan);
	return ok && got == 0;
}

static bool table_write(const struct table *t)
{
	dlg_atomic a;
	if (!dlg_atomic_begin(&a, t->path, DLG_MODE_PERSONAL))
		return false;
	dlg_csv_writer *w = dlg_csv_writer_new(a.f, false);
	dlg_csv_write_row(w, (const char *const *)t->col, t->ncol);
	for (size_t r = 0; r < t->nrow; r++)
		dlg_csv_write_row(w, (const char *const *)t->cell[r], t->ncol);
	if (!dlg_csv_writer_finish(w, t->path)) {
		dlg_atomic_abort(&a);
		return false;
	}
	return dlg_atomic_commit(&a);
}

static const char *nz(const char *s)
{
	return s ? s : "";
}

/* The key that finds a document again. */
static uint64_t doc_key(const char *doc, const char *session, const char *recipient)
{
	uint64_t h = dlg_hash(DLG_HASH_SEED, doc, strlen(doc) + 1);
	h = dlg_hash(h, session, strlen(session) + 1);
	h = dlg_hash(h, recipient, strlen(recipient) + 1);
	return h ? h : 1;
}

/* The key of a number in its sequence and year. */
static uint64_t num_key(long year, const char *seqname, long seq)
{
	long v[2] = {year, seq};
	uint64_t h = dlg_hash(DLG_HASH_SEED, v, sizeof v);
	h = dlg_hash(h, seqname, strlen(seqname) + 1);
	return h ? h : 1;
}

/* Row index of the document (doc, session, recipient), or -1. */
static long find_doc(const struct table *t, const dlg_hashmap *docs, const char *doc,
                     const char *session, const char *recipient)
{
	uint64_t v;
	if (!dlg_hashmap_get(docs, doc_key(doc, session, recipient), &v))
		return -1;
	size_t r0 = (size_t)v;
	if (!strcmp(cell(t, r0, C_DOC), doc) && !strcmp(cell(t, r0, C_SESSION), session) &&
	    !strcmp(cell(t, r0, C_RECIPIENT), recipient))
		return (long)r0;
	for (size_t r = 0; r < t->nrow; r++) /* a hash collision: look at every row */
		if (!strcmp(cell(t, r, C_DOC), doc) && !strcmp(cell(t, r, C_SESSION), session) &&
		    !strcmp(cell(t, r, C_RECIPIENT), recipient) && t->seq[r])
			return (long)r;
	return -1;
}

static void index_docs(const struct table *t, dlg_hashmap *docs)
{
	dlg_hashmap_init(docs);
	for (size_t r = 0; r < t->nrow; r++)
		if (*cell(t, r, C_DOC) && t->seq[r])
			dlg_hashmap_add(docs,
			                doc_key(cell(t, r, C_DOC), cell(t, r, C_SESSION),
			                        cell(t, r, C_RECIPIENT)),
			                r, NULL);
}

static void set_no(dlg_outgoing_no *no, const dlg_conf *conf, long year, long seq, const char *type,
                   const char *symbol, bool existed)
{
	no->seq = seq;
	no->year = year;
	snprintf(no->num, sizeof no->num, "%02ld", seq);
	no->symbol = symbol && *symbol ? dlg_xstrdup(symbol) : dlg_outgoing_symbol(conf, type, seq);
	no->existed = existed;
}

char *dlg_outgoing_symbol(const dlg_conf *conf, const char *type, long seq)
{
	const char *agency = dlg_conf_get(conf, "office", "agency_short");
	if (type && *type)
		return dlg_xasprintf("%02ld/%s-%s", seq, type, agency);
	return dlg_xasprintf("%02ld/%s-%s", seq, agency,
	                     dlg_conf_get(conf, "office", "office_short"));
}

void dlg_outgoing_no_free(dlg_outgoing_no *out, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(out[i].symbol);
		out[i].symbol = NULL;
	}
}

/* Where the office's register stood for the sequence seqname in year: the
 * first number dlg may give (1 when dlg.conf says nothing). -1 after a
 * diagnostic. */
static long first_number(const dlg_conf *conf, bool shared, const char *seqname, long year)
{
	const char *cy = dlg_conf_get(conf, "numbering", "year");
	long start = 0;
	const char *given = NULL;
	if (shared) {
		if (*dlg_conf_get(conf, "numbering", "first"))
			given = "first";
		start = atol(dlg_conf_get(conf, "numbering", "first"));
	} else {
		for (size_t i = 0; i < sizeof start_keys / sizeof start_keys[0]; i++) {
			const char *v = dlg_conf_get(conf, "numbering", start_keys[i].key);
			if (!*v)
				continue;
			if (!given)
				given = start_keys[i].key;
			if (!strcmp(start_keys[i].type, seqname) && atol(v) > start)
				start = atol(v);
		}
	}
	if (!given)
		return 1;
	if (!*cy) {
		dlg_warn(_("dlg.conf: [numbering] %s gives a starting number but [numbering] year "
		           "does not say which year it belongs to"),
		         given);
		return -1;
	}
	if (atol(cy) != year || start < 1)
		return 1;
	return start;
}

/* The register's path and its lock file's. */
static char *register_path(const dlg_case *c)
{
	return dlg_case_file(c, "outgoing");
}

static char *lock_path(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return dlg_xasprintf(".%s.lock", path);
	return dlg_xasprintf("%.*s/.%s.lock", (int)(slash - path), path, slash + 1);
}

/* A document issued again keeps its number; when this copy bears another
 * date than the one the register has, say so (the paper and the register
 * would disagree) and how to print it as registered. */
static void warn_redated(const struct table *t, size_t r, dlg_day date)
{
	dlg_day was;
	if (!dlg_date_parse_iso(cell(t, r, C_DATE), &was) || was == date)
		return;
	char then[16], now[16], iso[11];
	dlg_date_format_dmy(was, then);
	dlg_date_format_dmy(date, now);
	dlg_date_format_iso(was, iso);
	dlg_warn_at(t->name, t->line[r],
	            _("warning: %s was registered on %s; this copy is dated %s, so paper and "
	              "register disagree (print it again with --today %s to match the register)"),
	            cell(t, r, C_SYMBOL), then, now, iso);
}

bool dlg_outgoing_reserve(const dlg_case *c, const dlg_outgoing_doc *docs, size_t n,
                          const char *number, dlg_outgoing_no *out)
{
	const dlg_conf *conf = c->conf;
	long given = 0;
	if (number) {
		const char *end;
		given = parse_seq(number, &end);
		if (!given || *end) {
			dlg_warn(
			    _("--number %s: a document number is a whole number from 1 to 999999"),
			    number);
			return false;
		}
		if (given + (long)n - 1 > 999999) {
			dlg_warn(_("--number %s: %zu documents do not fit below 999999"), number,
			         n);
			return false;
		}
	}
	bool shared = !strcmp(dlg_conf_get(conf, "numbering", "sequence"), "shared");
	char *path = register_path(c);
	char *lpath = lock_path(path);
	int lock = dlg_lock_file(lpath);
	free(lpath);
	if (lock < 0) {
		free(path);
		return false;
	}
	struct table t;
	bool ok = table_load(&t, path, conf);
	free(path);
	dlg_hashmap docmap, used;
	dlg_hashmap_init(&used);
	index_docs(&t, &docmap);
	for (size_t r = 0; ok && r < t.nrow; r++)
		if (t.seq[r])
			dlg_hashmap_add(
			    &used, num_key(t.year[r], shared ? "*" : t.type[r], t.seq[r]), r, NULL);
	dlg_hashmap lastmap;
	dlg_hashmap_init(&lastmap);
	size_t nrow0 = t.nrow, nset = 0;
	bool changed = false;
	for (size_t i = 0; ok && i < n; i++) {
		const dlg_outgoing_doc *d = &docs[i];
		const char *type = nz(d->type), *seqname = shared ? "*" : type;
		int y, m, dd;
		dlg_date_to_ymd(d->date, &y, &m, &dd);
		long r = find_doc(&t, &docmap, d->doc, nz(d->session), nz(d->recipient));
		if (r >= 0) {
			if (given && t.seq[r] != given + (long)i) {
				dlg_warn_at(
				    t.name, t.line[r] ? t.line[r] : 0,
				    _("--number %ld: this document is already registered as "
				      "%s; issue it again without --number"),
				    given + (long)i, cell(&t, (size_t)r, C_SYMBOL));
				ok = false;
				break;
			}
			warn_redated(&t, (size_t)r, d->date);
			set_no(&out[i], conf, t.year[r], t.seq[r], t.type[r],
			       cell(&t, (size_t)r, C_SYMBOL), (size_t)r < nrow0);
			nset = i + 1;
			continue;
		}
		long seq;
		if (given) {
			seq = given + (long)i;
			uint64_t v;
			if (dlg_hashmap_get(&used, num_key(y, seqname, seq), &v)) {
				char *sym = dlg_outgoing_symbol(conf, type, seq);
				dlg_warn_at(t.name, t.line[v],
				            _("--number: %s is already in the register"), sym);
				free(sym);
				ok = false;
				break;
			}
		} else {
			long first = first_number(conf, shared, seqname, y);
			if (first < 0) {
				ok = false;
				break;
			}
			/* the highest number of the sequence this year, worked out
			 * once per sequence and kept up to date in `last` */
			bool added;
			uint64_t *last =
			    dlg_hashmap_upsert(&lastmap, num_key(y, seqname, 0), 0, &added);
			if (added) {
				long top = 0;
				for (size_t k = 0; k < t.nrow; k++)
					if (t.seq[k] && t.year[k] == y &&
					    (shared || !strcmp(t.type[k], type)) && t.seq[k] > top)
						top = t.seq[k];
				*last = (uint64_t)top;
			}
			seq = (long)*last >= first ? (long)*last + 1 : first;
			*last = (uint64_t)seq;
			if (seq > 999999) {
				dlg_warn_at(t.name, 0, _("no document number left in %d"), y);
				ok = false;
				break;
			}
		}
		/* a new row */
		grow(&t);
		size_t nr = t.nrow++;
		t.line[nr] = 0;
		t.cell[nr] = dlg_xmalloc(t.ncol * sizeof **t.cell);
		for (size_t k = 0; k < t.ncol; k++)
			t.cell[nr][k] = NULL;
		char *sym = d->unit && *d->unit && *type
		                ? dlg_xasprintf("%02ld/%s-%s", seq, type, d->unit)
		                : dlg_outgoing_symbol(conf, type, seq);
		char iso[11];
		dlg_date_format_iso(d->date, iso);
		const char *signer = d->signer ? d->signer : dlg_conf_get(conf, "signer", "name");
		char *keeper =
		    d->keeper
		        ? dlg_xstrdup(d->keeper)
		        : dlg_xasprintf("VT, %s", dlg_conf_get(conf, "office", "office_short"));
		const char *vals[NOWN] = {
		    [C_SYMBOL] = sym,
		    [C_DATE] = iso,
		    [C_TYPE_NAME] = nz(d->type_name),
		    [C_SUMMARY] = nz(d->summary),
		    [C_SIGNER] = signer,
		    [C_RECIPIENTS] = nz(d->recipients),
		    [C_KEEPER] = keeper,
		    [C_NOTE] =
		        given ? "số do người dùng chọn (--number)" : "", /* a record: Vietnamese */
		    [C_TYPE] = type,
		    [C_DOC] = d->doc,
		    [C_SESSION] = nz(d->session),
		    [C_RECIPIENT] = nz(d->recipient),
		};
		char copies[24] = "", year[24], seqs[24];
		if (d->copies > 0)
			snprintf(copies, sizeof copies, "%ld", d->copies);
		snprintf(year, sizeof year, "%d", y);
		snprintf(seqs, sizeof seqs, "%ld", seq);
		vals[C_COPIES] = copies;
		vals[C_YEAR] = year;
		vals[C_SEQ] = seqs;
		for (size_t k = 0; k < NOWN; k++)
			t.cell[nr][t.at[k]] = dlg_xstrdup(vals[k]);
		for (size_t k = 0; k < t.ncol; k++)
			if (!t.cell[nr][k])
				t.cell[nr][k] = dlg_xstrdup("");
		free(keeper);
		t.year[nr] = y;
		t.seq[nr] = seq;
		t.type[nr] = dlg_xstrdup(type);
		dlg_hashmap_add(&used, num_key(y, seqname, seq), nr, NULL);
		/* a --number above the others: the next numbers follow it (a top
		 * not worked out yet will count this row) */
		uint64_t top;
		if (dlg_hashmap_get(&lastmap, num_key(y, seqname, 0), &top) && (long)top < seq) {
			bool added;
			*dlg_hashmap_upsert(&lastmap, num_key(y, seqname, 0), 0, &added) =
			    (uint64_t)seq;
		}
		dlg_hashmap_add(&docmap, doc_key(d->doc, nz(d->session), nz(d->recipient)), nr,
		                NULL);
		set_no(&out[i], conf, y, seq, type, sym, false);
		nset = i + 1;
		free(sym);
		changed = true;
	}
	if (ok && changed)
		ok = table_write(&t);
	if (!ok)
		dlg_outgoing_no_free(out, nset);
	dlg_hashmap_free(&lastmap);
	dlg_hashmap_free(&docmap);
	dlg_hashmap_free(&used);
	table_free(&t);
	dlg_unlock(lock);
	return ok;
}

bool dlg_outgoing_set(const dlg_case *c, const char *doc, const char *session,
                      const char *recipient, const char *column, const char *value)
{
	for (size_t k = 0; k < NOWN; k++)
		if (!strcmp(column, own_name[k])) {
			dlg_warn(_("the register's column \"%s\" is written by dlg only"), column);
			return false;
		}
	char *path = register_path(c);
	char *lpath = lock_path(path);
	int lock = dlg_lock_file(lpath);
	free(lpath);
	if (lock < 0) {
		free(path);
		return false;
	}
	struct table t;
	bool ok = table_load(&t, path, c->conf);
	free(path);
	long r = -1;
	if (ok) {
		dlg_hashmap docmap;
		index_docs(&t, &docmap);
		r = find_doc(&t, &docmap, doc, nz(session), nz(recipient));
		dlg_hashmap_free(&docmap);
		if (r < 0) {
			dlg_warn_at(
			    t.name, 0,
			    _("no document %s of conference \"%s\" for \"%s\" in the register"),
			    doc, nz(session), nz(recipient));
			ok = false;
		}
	}
	size_t col = t.ncol;
	for (size_t k = 0; ok && k < t.ncol; k++)
		if (!strcmp(t.col[k], column))
			col = k;
	if (ok && col == t.ncol) { /* a new column, empty in every other row */
		t.col = dlg_xrealloc(t.col, (t.ncol + 1) * sizeof *t.col);
		t.col[t.ncol] = dlg_xstrdup(column);
		for (size_t k = 0; k < t.nrow; k++) {
			t.cell[k] = dlg_xrealloc(t.cell[k], (t.ncol + 1) * sizeof **t.cell);
			t.cell[k][t.ncol] = dlg_xstrdup("");
		}
		t.ncol++;
	}
	if (ok && strcmp(t.cell[r][col], value)) {
		free(t.cell[r][col]);
		t.cell[r][col] = dlg_xstrdup(value);
		ok = table_write(&t);
	}
	table_free(&t);
	dlg_unlock(lock);
	return ok;
}

int dlg_outgoing_lookup(const dlg_case *c, const char *doc, const char *session,
                        const char *recipient, dlg_outgoing_no *out)
{
	char *path = register_path(c);
	struct table t;
	bool ok = table_load(&t, path, c->conf);
	free(path);
	int found = ok ? 0 : -1;
	if (ok) {
		dlg_hashmap docmap;
		index_docs(&t, &docmap);
		long r = find_doc(&t, &docmap, doc, nz(session), nz(recipient));
		if (r >= 0) {
			set_no(out, c->conf, t.year[r], t.seq[r], t.type[r],
			       cell(&t, (size_t)r, C_SYMBOL), true);
			found = 1;
		}
		dlg_hashmap_free(&docmap);
	}
	table_free(&t);
	return found;
}

static int by_year(const void *a, const void *b)
{
	const dlg_outgoing_row *x = a, *y = b;
	if (x->year != y->year)
		return x->year < y->year ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

bool dlg_outgoing_read(const dlg_case *c, dlg_outgoing_list *list)
{
	memset(list, 0, sizeof *list);
	list->path = register_path(c);
	struct table t;
	if (!table_load(&t, list->path, c->conf)) {
		table_free(&t);
		return false;
	}
	/* the columns that are not the register's own, in file order */
	list->extra_name = dlg_xmalloc((t.ncol ? t.ncol : 1) * sizeof *list->extra_name);
	size_t *extra_at = dlg_xmalloc((t.ncol ? t.ncol : 1) * sizeof *extra_at);
	for (size_t col = 0; col < t.ncol; col++) {
		bool own = false;
		for (size_t k = 0; k < NOWN; k++)
			own |= t.at[k] == col;
		if (!own) {
			extra_at[list->nextra] = col;
			list->extra_name[list->nextra++] = dlg_xstrdup(t.col[col]);
		}
	}
	list->row = dlg_xmalloc((t.nrow ? t.nrow : 1) * sizeof *list->row);
	for (size_t r = 0; r < t.nrow; r++) {
		dlg_outgoing_row *o = &list->row[list->n++];
		char **f[] = {&o->symbol, &o->date,       &o->type_name, &o->summary,
		              &o->signer, &o->recipients, &o->keeper,    &o->copies,
		              &o->note,   NULL,           NULL,          NULL,
		              &o->doc,    &o->session,    &o->recipient};
		for (size_t k = 0; k < NOWN; k++)
			if (f[k])
				*f[k] = dlg_xstrdup(cell(&t, r, (int)k));
		o->type = dlg_xstrdup(t.type[r] ? t.type[r] : "");
		o->year = t.year[r];
		o->seq = t.seq[r];
		o->line = t.line[r];
		o->extra = dlg_xmalloc((list->nextra ? list->nextra : 1) * sizeof *o->extra);
		for (size_t k = 0; k < list->nextra; k++)
			o->extra[k] = dlg_xstrdup(t.cell[r][extra_at[k]]);
		if (!*o->symbol && o->seq)
			o->symbol =
			    (free(o->symbol), dlg_outgoing_symbol(c->conf, o->type, o->seq));
	}
	qsort(list->row, list->n, sizeof *list->row, by_year);
	free(extra_at);
	table_free(&t);
	return true;
}

void dlg_outgoing_list_free(dlg_outgoing_list *list)
{
	for (size_t i = 0; i < list->n; i++) {
		dlg_outgoing_row *o = &list->row[i];
		char *f[] = {o->symbol,     o->date,      o->type_name, o->summary, o->signer,
		             o->recipients, o->keeper,    o->copies,    o->note,    o->doc,
		             o->session,    o->recipient, o->type};
		for (size_t k = 0; k < sizeof f / sizeof f[0]; k++)
			free(f[k]);
		for (size_t k = 0; k < list->nextra; k++)
			free(o->extra[k]);
		free(o->extra);
	}
	for (size_t k = 0; k < list->nextra; k++)
		free(list->extra_name[k]);
	free(list->extra_name);
	free(list->row);
	free(list->path);
	memset(list, 0, sizeof *list);
}

int dlg_outgoing_signed(const dlg_case *c, const char *symbol, long year, const char *role,
                        const char *when)
{
	char *path = register_path(c);
	char *lpath = lock_path(path);
	int lock = dlg_lock_file(lpath);
	free(lpath);
	if (lock < 0) {
		free(path);
		return -1;
	}
	struct table t;
	bool ok = table_load(&t, path, c->conf);
	free(path);
	long found = -1;
	for (size_t r = 0; ok && r < t.nrow; r++)
		if (!strcmp(cell(&t, r, C_SYMBOL), symbol) &&
		    (year ? t.year[r] == year : found < 0 || t.year[r] >= t.year[found]))
			found = (long)r;
	if (ok && found >= 0) {
		char *name = dlg_xasprintf("signed_%s", role);
		size_t k = 0;
		while (k < t.ncol && strcmp(t.col[k], name))
			k++;
		if (k == t.ncol) { /* a new column, empty in every row */
			t.col = dlg_xrealloc(t.col, (t.ncol + 1) * sizeof *t.col);
			t.col[t.ncol] = name;
			name = NULL;
			for (size_t r = 0; r < t.nrow; r++) {
				t.cell[r] = dlg_xrealloc(t.cell[r], (t.ncol + 1) * sizeof **t.cell);
				t.cell[r][t.ncol] = dlg_xstrdup("");
			}
			t.ncol++;
		}
		free(name);
		if (strcmp(t.cell[found][k], when)) {
			free(t.cell[found][k]);
			t.cell[found][k] = dlg_xstrdup(when);
			ok = table_write(&t);
		}
	}
	table_free(&t);
	dlg_unlock(lock);
	return !ok ? -1 : found >= 0;
}
