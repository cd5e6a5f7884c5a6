/* Streaming CSV on libcsv. libcsv reports no positions, so the input is fed
 * one physical line at a time and lines are counted here. After the header,
 * a second thread reads, parses, validates and normalises rows into batches
 * while the caller works on earlier ones. */
#include "fmt/csv.h"

#include <csv.h>
#include <errno.h>
#include <iconv.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "base/legacy.h"
#include "base/text.h"
#include "base/env.h"
#include "fmt/header.h"
#include "fmt/xlsxout.h"

#define CHUNK (64 * 1024)

/* One row being built or waiting to be returned; buffers are reused. */
struct slot {
	char *buf;
	size_t len, cap;
	size_t *off, *flen;
	char **ptr;
	size_t nf, fcap;
	long line;
};

/* Rows copied out of the parser, handed from the reading thread to the
 * caller. */
struct batch {
	char *buf;
	size_t len, cap;
	size_t *off, *flen; /* all fields of all rows */
	size_t nf, fcap;
	size_t *first, *count; /* per row: first field, number of fields */
	long *line;
	size_t nrows, rcap;
};

#define NBATCH 4
#define BATCH_ROWS 512
#define BATCH_BYTES (256 * 1024)

struct dlg_csv_reader {
	FILE *f;
	bool close_f;
	char *name;
	struct csv_parser parser;
	iconv_t cd;
	bool vni;        /* --from vni: decoded by dlg_vni_decode */
	const char *fed; /* the bytes of the chunk being fed, as read */
	size_t fed_len;
	char *raw, *conv;
	size_t raw_len, conv_cap;
	const char *pend; /* decoded input not yet given to libcsv */
	size_t pend_len;
	size_t max_field;
	size_t chunk;
	struct slot *rows; /* rows[0..nready) complete, rows[nready] being built */
	size_t nready, pos, nslots;
	long line;          /* line of the segment being fed */
	long next_row_line; /* where the next row starts, for errors */
	bool failed, eof, first_chunk;
	bool bom; /* the file starts with a BOM: written for Excel */
	dlg_row header;
	const char **canon;
	dlg_row out;
	char *empty;
	long err_line; /* the first error, reported when the caller reaches it */
	char *err_msg;
	/* reading thread */
	bool threaded, done, stop;
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t changed;
	struct batch batch[NBATCH];
	size_t filled;     /* batches filled and not yet released */
	size_t read_at;    /* caller's batch index (mod NBATCH) */
	size_t row_at;     /* next row in it */
	bool holding;      /* the caller holds batch read_at */
	size_t max_fields; /* fields of the caller's widest row so far */
};

/* libcsv's realloc has no user data: the cap is per process. */
static size_t field_cap = DLG_CSV_MAX_FIELD;

static void *capped_realloc(void *p, size_t size)
{
	if (size > field_cap + CHUNK)
		return NULL;
	return realloc(p, size);
}

static void slot_reset(struct slot *s)
{
	s->len = 0;
	s->nf = 0;
	s->line = 0;
}

static void slot_add(struct slot *s, const char *data, size_t len)
{
	if (s->nf == s->fcap) {
		s->fcap = s->fcap ? s->fcap * 2 : 16;
		s->off = dlg_xreallocarray(s->off, s->fcap, sizeof *s->off);
		s->flen = dlg_xreallocarray(s->flen, s->fcap, sizeof *s->flen);
		s->ptr = dlg_xreallocarray(s->ptr, s->fcap, sizeof *s->ptr);
	}
	if (s->len + len + 1 > s->cap) {
		while (s->len + len + 1 > s->cap)
			s->cap = s->cap ? s->cap * 2 : 1024;
		s->buf = dlg_xrealloc(s->buf, s->cap);
	}
	s->off[s->nf] = s->len;
	s->flen[s->nf] = len;
	memcpy(s->buf + s->len, data, len);
	s->buf[s->len + len] = '\0';
	s->len += len + 1;
	s->nf++;
}

static long count_newlines(const char *s, size_t len)
{
	long n = 0;
	for (const char *p = s; (p = memchr(p, '\n', len - (size_t)(p - s))); p++)
		n++;
	return n;
}

/* Remember the first error; it is printed when the caller reaches it, so
 * messages keep the order of the rows. */
static void fail_at(dlg_csv_reader *r, long line, const char *msg)
{
	if (!r->failed) {
		r->err_line = line;
		r->err_msg = dlg_xstrdup(msg);
	}
	r->failed = true;
}

static void report_error(dlg_csv_reader *r)
{
	if (r->err_msg) {
		dlg_warn_at(r->name, r->err_line, "%s", r->err_msg);
		free(r->err_msg);
		r->err_msg = NULL;
	}
}

static void on_field(void *data, size_t len, void *ctx)
{
	dlg_csv_reader *r = ctx;
	if (r->failed)
		return;
	struct slot *s = &r->rows[r->nready];
	const char *text = data ? data : "";
	long start = r->line - count_newlines(text, len);
	if (s->nf == 0)
		s->line = start;
	if (len > r->max_field) {
		char msg[200];
		snprintf(msg, sizeof msg,
		         _("field larger than %zu bytes; is a closing quote missing?"),
		         r->max_field);
		fail_at(r, start, msg);
		return;
	}
	size_t bad;
	if (memchr(text, '\0', len)) {
		fail_at(r,
		        start + count_newlines(text, (size_t)((char *)memchr(text, 0, len) - text)),
		        _("NUL byte in a field; the file is not text"));
		return;
	}
	if (!dlg_utf8_valid(text, len, &bad)) {
		const char *guess = dlg_legacy_guess(r->fed, r->fed_len);
		char msg[300];
		if (guess)
			snprintf(
			    msg, sizeof msg,
			    _("invalid UTF-8: the text looks like %s; read it with --from %s, or "
			      "save the file as UTF-8"),
			    dlg_legacy_describe(guess), guess);
		else
			snprintf(
			    msg, sizeof msg, "%s",
			    _("invalid UTF-8; save the file as UTF-8 or give its encoding with "
			      "--from (cp1258, tcvn3 or vni for the old Vietnamese ones)"));
		fail_at(r, start + count_newlines(text, bad), msg);
		return;
	}
	if (dlg_text_is_nfc_fast(text, len)) {
		slot_add(s, text, len);
	} else {
		size_t n;
		char *nfc = dlg_text_nfc(text, len, &n);
		slot_add(s, nfc, n);
		free(nfc);
	}
}

static void on_row(int c, void *ctx)
{
	dlg_csv_reader *r = ctx;
	if (r->failed)
		return;
	r->nready++;
	if (r->nready == r->nslots) {
		r->nslots *= 2;
		r->rows = dlg_xreallocarray(r->rows, r->nslots, sizeof *r->rows);
		memset(r->rows + r->nready, 0, (r->nslots - r->nready) * sizeof *r->rows);
	}
	slot_reset(&r->rows[r->nready]);
	r->next_row_line = r->line + 1;
}

static void report_parse_error(dlg_csv_reader *r)
{
	int e = csv_error(&r->parser);
	if (e == CSV_ENOMEM || e == CSV_ETOOBIG) {
		char msg[200];
		snprintf(msg, sizeof msg,
		         _("field larger than %zu bytes; is a closing quote missing?"),
		         r->max_field);
		fail_at(r, r->next_row_line, msg);
	} else {
		fail_at(
		    r, r->line,
		    _("malformed CSV: a quote inside an unquoted field, or text after a closing "
		      "quote; put the field in double quotes and double the quotes inside it"));
	}
}

/* Feed pending input line by line until a row is complete or it runs out. */
static void feed(dlg_csv_reader *r)
{
	while (r->pend_len && !r->failed && r->pos == r->nready) {
		const char *nl = memchr(r->pend, '\n', r->pend_len);
		size_t n = nl ? (size_t)(nl - r->pend + 1) : r->pend_len;
		if (csv_parse(&r->parser, r->pend, n, on_field, on_row, r) != n)
			report_parse_error(r);
		if (nl)
			r->line++;
		r->pend += n;
		r->pend_len -= n;
	}
}

/* Read, convert and feed one chunk; sets eof at the end of input. */
static void read_chunk(dlg_csv_reader *r)
{
	size_t n = fread(r->raw + r->raw_len, 1, r->chunk, r->f);
	if (n == 0) {
		if (ferror(r->f)) {
			fail_at(r, 0, strerror(errno));
			return;
		}
		if (r->raw_len && r->cd != (iconv_t)-1) {
			fail_at(r, r->line, _("the file ends inside a character of its encoding"));
			return;
		}
		r->eof = true;
		if (csv_fini(&r->parser, on_field, on_row, r) != 0 && !r->failed) {
			long line =
			    r->rows[r->nready].nf ? r->rows[r->nready].line : r->next_row_line;
			fail_at(r, line,
			        _("unterminated quoted field: a closing double quote is missing"));
		}
		return;
	}
	char *data = r->raw;
	size_t len = n + r->raw_len;
	r->fed = r->raw;
	r->fed_len = len;
	if (r->vni) {
		data = r->conv;
		len = dlg_vni_decode(r->raw, len, r->conv);
	} else if (r->cd != (iconv_t)-1) {
		char *in = r->raw, *out = r->conv;
		size_t inleft = len, outleft = r->conv_cap;
		size_t rc = iconv(r->cd, &in, &inleft, &out, &outleft);
		if (rc == (size_t)-1 && errno != EINVAL) {
			fail_at(r, r->line + count_newlines(r->conv, (size_t)(out - r->conv)),
			        _("the text is not valid in the encoding given with --from"));
			return;
		}
		data = r->conv;
		len = (size_t)(out - r->conv);
		memmove(r->raw, in, inleft);
		r->raw_len = inleft;
	}
	if (r->first_chunk) {
		r->first_chunk = false;
		if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3)) {
			data += 3, len -= 3;
			r->bom = true;
		}
	}
	r->pend = data;
	r->pend_len = len;
}

/* Next complete row from libcsv, or NULL at the end or on error. */
static struct slot *next_slot(dlg_csv_reader *r)
{
	if (r->pos == r->nready && r->nready > 0) {
		struct slot building = r->rows[r->nready];
		r->rows[r->nready] = r->rows[0];
		r->rows[0] = building;
		r->nready = r->pos = 0;
	}
	while (r->pos == r->nready && !r->failed && (r->pend_len || !r->eof)) {
		if (r->pend_len)
			feed(r);
		else
			read_chunk(r);
	}
	if (r->failed || r->pos == r->nready)
		return NULL;
	struct slot *s = &r->rows[r->pos++];
	for (size_t i = 0; i < s->nf; i++)
		s->ptr[i] = s->buf + s->off[i];
	return s;
}

static void batch_add(struct batch *b, const struct slot *s)
{
	if (b->nrows == b->rcap) {
		b->rcap = b->rcap ? b->rcap * 2 : BATCH_ROWS;
		b->first = dlg_xreallocarray(b->first, b->rcap, sizeof *b->first);
		b->count = dlg_xreallocarray(b->count, b->rcap, sizeof *b->count);
		b->line = dlg_xreallocarray(b->line, b->rcap, sizeof *b->line);
	}
	if (b->nf + s->nf > b->fcap) {
		while (b->nf + s->nf > b->fcap)
			b->fcap = b->fcap ? b->fcap * 2 : 4096;
		b->off = dlg_xreallocarray(b->off, b->fcap, sizeof *b->off);
		b->flen = dlg_xreallocarray(b->flen, b->fcap, sizeof *b->flen);
	}
	if (b->len + s->len > b->cap) {
		while (b->len + s->len > b->cap)
			b->cap = b->cap ? b->cap * 2 : 2 * BATCH_BYTES;
		b->buf = dlg_xrealloc(b->buf, b->cap);
	}
	b->first[b->nrows] = b->nf;
	b->count[b->nrows] = s->nf;
	b->line[b->nrows] = s->line;
	b->nrows++;
	memcpy(b->buf + b->len, s->buf, s->len);
	for (size_t i = 0; i < s->nf; i++) {
		b->off[b->nf + i] = b->len + s->off[i];
		b->flen[b->nf + i] = s->flen[i];
	}
	b->nf += s->nf;
	b->len += s->len;
}

/* The reading thread: fill batches until the input ends, fails, or the
 * caller stops. */
static void *read_ahead(void *arg)
{
	dlg_csv_reader *r = arg;
	size_t write_at = 0;
	for (;;) {
		pthread_mutex_lock(&r->lock);
		while (r->filled == NBATCH && !r->stop)
			pthread_cond_wait(&r->changed, &r->lock);
		bool stop = r->stop;
		pthread_mutex_unlock(&r->lock);
		if (stop)
			break;
		struct batch *b = &r->batch[write_at % NBATCH];
		b->len = b->nf = b->nrows = 0;
		struct slot *s = NULL;
		while (b->nrows < BATCH_ROWS && b->len < BATCH_BYTES && (s = next_slot(r)))
			batch_add(b, s);
		pthread_mutex_lock(&r->lock);
		if (b->nrows) {
			r->filled++;
			write_at++;
		}
		if (!s)
			r->done = true;
		pthread_cond_broadcast(&r->changed);
		pthread_mutex_unlock(&r->lock);
		if (!s)
			break;
	}
	return NULL;
}

/* The caller's next row from the batches, as a slot-like view. */
static bool next_batched(dlg_csv_reader *r, char ***fields, size_t **lens, size_t *nf, long *line)
{
	pthread_mutex_lock(&r->lock);
	if (r->holding && r->row_at == r->batch[r->read_at % NBATCH].nrows) {
		r->holding = false;
		r->filled--;
		r->read_at++;
		pthread_cond_broadcast(&r->changed);
	}
	while (!r->holding) {
		if (r->filled) {
			r->holding = true;
			r->row_at = 0;
		} else if (r->done) {
			pthread_mutex_unlock(&r->lock);
			return false;
		} else {
			pthread_cond_wait(&r->changed, &r->lock);
		}
	}
	pthread_mutex_unlock(&r->lock);
	struct batch *b = &r->batch[r->read_at % NBATCH];
	size_t row = r->row_at++;
	*nf = b->count[row];
	*line = b->line[row];
	if (*nf > r->max_fields) {
		r->max_fields = *nf;
		r->out.field = dlg_xreallocarray(r->out.field, *nf + 1, sizeof(char *));
		r->out.len = dlg_xreallocarray(r->out.len, *nf + 1, sizeof(size_t));
	}
	for (size_t i = 0; i < *nf; i++) {
		r->out.field[i] = b->buf + b->off[b->first[row] + i];
		r->out.len[i] = b->flen[b->first[row] + i];
	}
	*fields = r->out.field;
	*lens = r->out.len;
	return true;
}

static void stop_thread(dlg_csv_reader *r)
{
	if (!r->threaded)
		return;
	pthread_mutex_lock(&r->lock);
	r->stop = true;
	pthread_cond_broadcast(&r->changed);
	pthread_mutex_unlock(&r->lock);
	pthread_join(r->thread, NULL);
	pthread_mutex_destroy(&r->lock);
	pthread_cond_destroy(&r->changed);
	r->threaded = false;
}

/* Column names sorted by name, then by position. */
struct named_col {
	const char *name;
	size_t at;
};

static int named_col_cmp(const void *a, const void *b)
{
	const struct named_col *x = a, *y = b;
	int c = strcmp(x->name, y->name);
	if (c)
		return c;
	return x->at < y->at ? -1 : x->at > y->at;
}

/* The first column (by position) whose non-empty name appeared before, and
 * the first column of that name: *second and *first. Sorting keeps a header
 * of 100,000 columns from taking n² comparisons. */
static bool find_duplicate(const char *const *canon, size_t n, size_t *first, size_t *second)
{
	struct named_col *v = dlg_xmalloc((n ? n : 1) * sizeof *v);
	for (size_t i = 0; i < n; i++)
		v[i] = (struct named_col){canon[i], i};
	qsort(v, n, sizeof *v, named_col_cmp);
	bool found = false;
	for (size_t i = 1; i < n; i++) {
		if (!*v[i].name || strcmp(v[i].name, v[i - 1].name))
			continue;
		/* v[i - 1] is the first of its name only when the one before differs. */
		if (i >= 2 && !strcmp(v[i - 2].name, v[i].name))
			continue;
		if (!found || v[i].at < *second) {
			*first = v[i - 1].at;
			*second = v[i].at;
			found = true;
		}
	}
	free(v);
	return found;
}

dlg_csv_reader *dlg_csv_open(const char *path, const dlg_csv_opts *opts)
{
	dlg_csv_reader *r = dlg_xcalloc(1, sizeof *r);
	r->name = dlg_xstrdup(dlg_display_name(path));
	r->cd = (iconv_t)-1;
	r->max_field = opts && opts->max_field ? opts->max_field : DLG_CSV_MAX_FIELD;
	r->chunk = opts && opts->chunk && opts->chunk < CHUNK ? opts->chunk : CHUNK;
	if (r->max_field > field_cap)
		field_cap = r->max_field;
	if (opts && opts->stream) {
		r->f = opts->stream;
	} else if (!path || !strcmp(path, "-")) {
		r->f = stdin;
	} else if (!(r->f = fopen(path, "rb"))) {
		dlg_warn("%s: %s", path, strerror(errno));
		free(r->name);
		free(r);
		return NULL;
	} else {
		r->close_f = true;
	}
	if (opts && opts->from && *opts->from) {
		const char *name = dlg_legacy_iconv_name(opts->from);
		r->vni = !name;
		if (name && (r->cd = iconv_open("UTF-8", name)) == (iconv_t)-1) {
			dlg_warn(
			    _("--from: unknown encoding \"%s\" (try cp1258, tcvn3, vni, latin1, "
			      "utf-16)"),
			    opts->from);
			dlg_csv_close(r);
			return NULL;
		}
		r->conv_cap = CHUNK * 8 + 64;
		r->conv = dlg_xmalloc(r->conv_cap);
	}
	r->raw = dlg_xmalloc(CHUNK * 2);
	csv_init(&r->parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
	csv_set_realloc_func(&r->parser, capped_realloc);
	csv_set_blk_size(&r->parser, CHUNK);
	r->nslots = 4;
	r->rows = dlg_xcalloc(r->nslots, sizeof *r->rows);
	r->line = 1;
	r->next_row_line = 1;
	r->first_chunk = true;
	r->empty = dlg_xstrdup("");

	struct slot *h = next_slot(r);
	if (!h) {
		if (r->failed)
			report_error(r);
		else
			dlg_warn_at(r->name, 0, "%s",
			            _("empty file: a header row naming the columns is needed"));
		dlg_csv_close(r);
		return NULL;
	}
	r->header.n = h->nf;
	r->header.line = h->line;
	r->header.field = dlg_xmalloc(h->nf * sizeof(char *));
	r->header.len = dlg_xmalloc(h->nf * sizeof(size_t));
	r->canon = dlg_xmalloc(h->nf * sizeof(char *));
	for (size_t i = 0; i < h->nf; i++) {
		char *name = dlg_xstrdup(h->ptr[i]);
		dlg_text_squeeze(name);
		r->header.field[i] = name;
		r->header.len[i] = strlen(name);
		r->canon[i] = opts && opts->keep_names ? name : dlg_column_canon(name);
	}
	size_t dup_first = 0, dup_second = 0;
	if (find_duplicate(r->canon, h->nf, &dup_first, &dup_second)) {
		dlg_warn_at(r->name, h->line,
		            _("column \"%s\" appears twice in the header (columns %zu "
		              "and %zu)"),
		            r->header.field[dup_second], dup_first + 1, dup_second + 1);
		dlg_csv_close(r);
		return NULL;
	}
	r->max_fields = h->nf;
	r->out.field = dlg_xmalloc((h->nf + 1) * sizeof(char *));
	r->out.len = dlg_xmalloc((h->nf + 1) * sizeof(size_t));
	if (dlg_env_threads()) {
		pthread_mutex_init(&r->lock, NULL);
		pthread_cond_init(&r->changed, NULL);
		r->threaded = pthread_create(&r->thread, NULL, read_ahead, r) == 0;
		if (!r->threaded) {
			pthread_mutex_destroy(&r->lock);
			pthread_cond_destroy(&r->changed);
		}
	}
	return r;
}

const dlg_row *dlg_csv_header(const dlg_csv_reader *r)
{
	return &r->header;
}

int dlg_csv_col(const dlg_csv_reader *r, const char *name)
{
	for (size_t i = 0; i < r->header.n; i++)
		if (!strcmp(r->canon[i], name))
			return (int)i;
	return -1;
}

int dlg_csv_next(dlg_csv_reader *r, const dlg_row **row)
{
	char **fields;
	size_t *lens, nf;
	long line;
	if (r->threaded) {
		if (!next_batched(r, &fields, &lens, &nf, &line)) {
			report_error(r);
			return r->failed ? -1 : 0;
		}
	} else {
		struct slot *s = next_slot(r);
		if (!s) {
			report_error(r);
			return r->failed ? -1 : 0;
		}
		fields = s->ptr;
		lens = s->flen;
		nf = s->nf;
		line = s->line;
		for (size_t i = 0; i < nf && i <= r->header.n; i++) {
			r->out.field[i] = fields[i];
			r->out.len[i] = lens[i];
		}
	}
	if (nf > r->header.n) {
		dlg_warn_at(r->name, line,
		            _("row has %zu fields but the header has %zu; is a comma missing "
		              "quotes?"),
		            nf, r->header.n);
		return DLG_CSV_BAD_ROW;
	}
	if (nf < r->header.n) {
		/* a short row is as wrong as a long one: padding it would make up
		 * empty cells (an item with no id) */
		dlg_warn_at(r->name, line,
		            _("row has %zu fields but the header has %zu; is a line cut short "
		              "or a quote missing?"),
		            nf, r->header.n);
		return DLG_CSV_BAD_ROW;
	}
	/* a CSV written for Excel (--excel, BOM) has formula cells guarded with a
	 * "'": the guard is not part of the text and never flows back into
	 * records or letters */
	if (r->bom)
		for (size_t i = 0; i < r->header.n; i++)
			if (dlg_csv_guarded(r->out.field[i])) {
				r->out.field[i]++;
				r->out.len[i]--;
			}
	r->out.n = r->header.n;
	r->out.line = line;
	*row = &r->out;
	return 1;
}

const char *dlg_csv_name(const dlg_csv_reader *r)
{
	return r->name;
}

void dlg_csv_close(dlg_csv_reader *r)
{
	if (!r)
		return;
	stop_thread(r);
	for (size_t i = 0; i < NBATCH; i++) {
		struct batch *b = &r->batch[i];
		free(b->buf);
		free(b->off);
		free(b->flen);
		free(b->first);
		free(b->count);
		free(b->line);
	}
	free(r->err_msg);
	if (r->close_f)
		fclose(r->f);
	if (r->cd != (iconv_t)-1)
		iconv_close(r->cd);
	csv_free(&r->parser);
	for (size_t i = 0; i < r->nslots && r->rows; i++) {
		free(r->rows[i].buf);
		free(r->rows[i].off);
		free(r->rows[i].flen);
		free(r->rows[i].ptr);
	}
	free(r->rows);
	for (size_t i = 0; i < r->header.n; i++)
		free(r->header.field[i]);
	free(r->header.field);
	free(r->header.len);
	free(r->canon);
	free(r->out.field);
	free(r->out.len);
	free(r->raw);
	free(r->conv);
	free(r->empty);
	free(r->name);
	free(r);
}

/* ---- header aliases ---- */

const char *dlg_column_canon(const char *name)
{
	/* Our own snake_case names are the common case: no folding needed. */
	bool plain = true;
	for (const char *p = name; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_'))
			plain = false;
	if (plain)
		return name;
	const char *found = dlg_header_known(name);
	return found ? found : name;
}

/* ---- writing ---- */

struct dlg_csv_writer {
	FILE *f;
	bool excel; /* BOM and CRLF */
	bool guard; /* formula cells get a leading ' */
	bool first_in_row;
	dlg_xlsx_writer *xlsx; /* the table goes to an Excel workbook instead */
};

dlg_csv_writer *dlg_csv_writer_xlsx(const char *path, const char *sheet)
{
	dlg_xlsx_writer *x = dlg_xlsx_writer_new(path, sheet);
	if (!x)
		return NULL;
	dlg_csv_writer *w = dlg_xmalloc(sizeof *w);
	*w = (dlg_csv_writer){
	    .f = NULL, .excel = false, .guard = false, .first_in_row = true, .xlsx = x};
	return w;
}

dlg_csv_writer *dlg_csv_writer_new(FILE *f, bool excel)
{
	dlg_csv_writer *w = dlg_xmalloc(sizeof *w);
	w->f = f;
	w->excel = excel;
	w->guard = excel;
	w->first_in_row = true;
	w->xlsx = NULL;
	if (excel)
		fputs("\xEF\xBB\xBF", f);
	return w;
}

static bool plain_number(const char *s);

/* A cell Excel would take for a formula: = + - @ tab or CR first, not a
 * plain number. */
static bool formula_like(const char *s)
{
	return (*s == '=' || *s == '+' || *s == '-' || *s == '@' || *s == '\t' || *s == '\r') &&
	       !plain_number(s);
}

bool dlg_csv_guarded(const char *s)
{
	return s[0] == '\'' && formula_like(s + 1);
}

/* "-12" or "-1.5": Excel reads these as numbers, not formulas. */
static bool plain_number(const char *s)
{
	if (*s == '-' || *s == '+')
		s++;
	if (*s < '0' || *s > '9')
		return false;
	while (*s >= '0' && *s <= '9')
		s++;
	if (*s == '.' && s[1] >= '0' && s[1] <= '9')
		for (s++; *s >= '0' && *s <= '9'; s++)
			;
	return *s == '\0';
}

void dlg_csv_write_field(dlg_csv_writer *w, const char *s)
{
	if (w->xlsx) {
		dlg_xlsx_write_field(w->xlsx, s);
		return;
	}
	if (!s)
		s = "";
	if (!w->first_in_row)
		putc_unlocked(',', w->f);
	w->first_in_row = false;
	bool guard = w->guard && formula_like(s);
	size_t len = strcspn(s, ",\"\r\n");
	if (!s[len]) {
		if (guard)
			putc_unlocked('\'', w->f);
		fwrite_unlocked(s, 1, len, w->f);
		return;
	}
	putc_unlocked('"', w->f);
	if (guard)
		putc_unlocked('\'', w->f);
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			putc_unlocked('"', w->f);
		if (w->excel && *p == '\n' && (p == s || p[-1] != '\r'))
			putc_unlocked('\r', w->f);
		putc_unlocked(*p, w->f);
	}
	putc_unlocked('"', w->f);
}

void dlg_csv_end_row(dlg_csv_writer *w)
{
	if (w->xlsx) {
		dlg_xlsx_end_row(w->xlsx);
		return;
	}
	if (w->excel)
		putc_unlocked('\r', w->f);
	putc_unlocked('\n', w->f);
	w->first_in_row = true;
}

void dlg_csv_write_row(dlg_csv_writer *w, const char *const *fields, size_t n)
{
	for (size_t i = 0; i < n; i++)
		dlg_csv_write_field(w, fields[i]);
	dlg_csv_end_row(w);
}

bool dlg_csv_writer_finish(dlg_csv_writer *w, const char *name)
{
	if (w->xlsx) {
		bool done = dlg_xlsx_writer_finish(w->xlsx);
		free(w);
		return done;
	}
	bool ok = fflush(w->f) == 0 && !ferror(w->f);
	if (!ok)
		dlg_warn(_("%s: write error: %s"), name ? name : _("<stdout>"), strerror(errno));
	free(w);
	return ok;
}

void dlg_csv_writer_discard(dlg_csv_writer *w)
{
	if (w->xlsx) {
		dlg_xlsx_writer_abort(w->xlsx);
		free(w);
		return;
	}
	dlg_csv_writer_finish(w, NULL);
}

/* ---- column plan ---- */

void dlg_colplan_init(dlg_colplan *p, const dlg_row *header, const char *const *own, size_t n_own)
{
	p->n_own = n_own;
	p->name = dlg_xmalloc((header->n + n_own) * sizeof(char *));
	p->own_at = dlg_xmalloc((n_own ? n_own : 1) * sizeof(size_t));
	p->own_in = dlg_xmalloc((n_own ? n_own : 1) * sizeof(long));
	for (size_t i = 0; i < header->n; i++)
		p->name[i] = header->field[i];
	p->n = header->n;
	for (size_t k = 0; k < n_own; k++) {
		p->own_in[k] = -1;
		for (size_t i = 0; i < header->n; i++)
			if (!strcmp(dlg_column_canon(header->field[i]), own[k])) {
				p->own_in[k] = (long)i;
				break;
			}
		if (p->own_in[k] >= 0) {
			p->own_at[k] = (size_t)p->own_in[k];
			p->name[p->own_at[k]] = own[k];
		} else {
			p->own_at[k] = p->n;
			p->name[p->n++] = own[k];
		}
	}
}

void dlg_colplan_free(dlg_colplan *p)
{
	free(p->name);
	free(p->own_at);
	free(p->own_in);
}
