/* Document batches. */
#include "docrun.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utf8proc.h>

#include "casedir.h"
#include "csvio.h"
#include "diag.h"
#include "font.h"
#include "sbuf.h"
#include "text.h"

bool dlg_rows_load(dlg_table *t, const char *path, const char *from)
{
	memset(t, 0, sizeof *t);
	dlg_csv_opts opts = {.from = from};
	dlg_csv_reader *r = dlg_csv_open(path, &opts);
	if (!r)
		return false;
	t->path = dlg_xstrdup(dlg_csv_name(r));
	const dlg_row *h = dlg_csv_header(r);
	t->ncols = h->n;
	t->col = dlg_xmalloc((h->n ? h->n : 1) * sizeof(char *));
	for (size_t i = 0; i < h->n; i++)
		t->col[i] = dlg_xstrdup(dlg_column_canon(h->field[i]));
	size_t cap = 0;
	const dlg_row *row;
	int rc;
	while ((rc = dlg_csv_next(r, &row)) > 0) {
		if (t->nrows == cap) {
			cap = cap ? cap * 2 : 64;
			t->cell = dlg_xrealloc(t->cell, cap * sizeof *t->cell);
			t->line = dlg_xrealloc(t->line, cap * sizeof *t->line);
		}
		char **cells = dlg_xmalloc((t->ncols ? t->ncols : 1) * sizeof(char *));
		for (size_t i = 0; i < t->ncols; i++)
			cells[i] = dlg_xstrdup(row->field[i]);
		t->cell[t->nrows] = cells;
		t->line[t->nrows++] = row->line;
	}
	dlg_csv_close(r);
	if (rc < 0) {
		dlg_table_free(t);
		return false;
	}
	return true;
}

const char *dlg_rows_get(const dlg_table *t, size_t row, const char *name)
{
	int c = dlg_table_col(t, dlg_column_canon(name));
	return c < 0 ? NULL : dlg_table_get(t, row, c);
}

char *dlg_safe_filename(const char *s, size_t max)
{
	size_t len;
	char *nfc = dlg_text_nfc(s, strlen(s), &len);
	dlg_sbuf b = {0};
	const char *p = nfc;
	while (*p) {
		const char *at = p;
		uint32_t c = dlg_utf8_next(&p);
		char rep = 0;
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
			rep = '_';
		else if (c < 32 || c == 127 ||
		         (c < 128 && strchr("/\\:*?\"<>|'`$&;!(){}[]#~%", (int)c)))
			rep = '-';
		else if (c >= 0x80 && c < 0xA0)
			rep = '-';
		else if (c == 0x2028 || c == 0x2029)
			rep = '_';
		else if (utf8proc_category((utf8proc_int32_t)c) == UTF8PROC_CATEGORY_CF)
			continue; /* invisible: bidi overrides, zero-width spaces */
		if (rep) {
			if (b.len && (b.data[b.len - 1] == '-' || b.data[b.len - 1] == '_'))
				continue;
			if (!b.len)
				continue;
			dlg_sbuf_addc(&b, rep);
			continue;
		}
		if (!b.len && (c == '.' || c == '-'))
			continue;
		if (b.len + (size_t)(p - at) > max)
			break;
		dlg_sbuf_add(&b, at, (size_t)(p - at));
	}
	while (b.len && strchr("._-", b.data[b.len - 1]))
		b.data[--b.len] = '\0';
	free(nfc);
	return dlg_sbuf_take(&b);
}

void dlg_unique_names(char **names, size_t n, const char *ext)
{
	size_t el = strlen(ext);
	for (size_t i = 1; i < n; i++) {
		for (int k = 2;; k++) {
			bool dup = false;
			for (size_t j = 0; j < i && !dup; j++)
				dup = !strcmp(names[i], names[j]);
			if (!dup)
				break;
			size_t bl = strlen(names[i]);
			char *base = dlg_xstrdup(names[i]);
			if (bl >= el && !strcmp(base + bl - el, ext))
				base[bl - el] = '\0';
			/* strip an earlier "-k" we added */
			char *dash = strrchr(base, '-');
			if (k > 2 && dash)
				*dash = '\0';
			char *nn = dlg_xasprintf("%s-%d%s", base, k, ext);
			free(base);
			free(names[i]);
			names[i] = nn;
		}
	}
}

char **dlg_pdf_names(size_t n, const char *(*key)(void *ctx, size_t i), void *ctx)
{
	char **names = dlg_xmalloc((n ? n : 1) * sizeof *names);
	for (size_t i = 0; i < n; i++) {
		const char *k = key(ctx, i);
		char *safe = dlg_safe_filename(k ? k : "", 100);
		names[i] =
		    *safe ? dlg_xasprintf("%s.pdf", safe) : dlg_xasprintf("%04zu.pdf", i + 1);
		free(safe);
	}
	dlg_unique_names(names, n, ".pdf");
	return names;
}

void dlg_names_free(char **names, size_t n)
{
	if (!names)
		return;
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
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

static bool one_doc(const dlg_batch *b, dlg_pdf *pdf, size_t i, dlg_batch_fn fn, void *ctx)
{
	dlg_geom g = dlg_geom_nd30();
	dlg_lay *l = dlg_lay_new(pdf, b->fonts, &g);
	bool ok = fn(ctx, i, pdf, l);
	dlg_lay_finish(l);
	return ok;
}

static void progress(size_t done, size_t n)
{
	if (n >= 50 && isatty(2) && (done % 25 == 0 || done == n))
		fprintf(stderr, "\r%s: %zu/%zu%s", dlg_progname(), done, n, done == n ? "\n" : "");
}

static bool file_doc(const dlg_batch *b, size_t i, dlg_batch_fn fn, void *ctx)
{
	dlg_pdf *pdf = dlg_pdf_new(b->fonts);
	dlg_pdf_set_info(pdf, b->title, b->today);
	bool ok = one_doc(b, pdf, i, fn, ctx);
	if (ok) {
		char *path = dlg_path_join(b->dir, b->names[i]);
		ok = dlg_pdf_save(pdf, path);
		free(path);
	}
	dlg_pdf_free(pdf);
	return ok;
}

static int jobs(size_t n)
{
	const char *e = getenv("DLG_JOBS");
	long j = e && *e ? strtol(e, NULL, 10) : sysconf(_SC_NPROCESSORS_ONLN);
	if (j < 1)
		j = 1;
	if (j > 8)
		j = 8;
	if (n < 16)
		j = 1;
	return (int)j;
}

static int run_files(const dlg_batch *b, size_t n, dlg_batch_fn fn, void *ctx)
{
	/* the folders on the way too ("tra-loi/2026-1/") */
	char *up = dlg_xstrdup(b->dir);
	for (char *p = up + 1; *p; p++)
		if (*p == '/') {
			*p = '\0';
			mkdir(up, 0777);
			*p = '/';
		}
	free(up);
	if (mkdir(b->dir, 0777) != 0 && errno != EEXIST) {
		dlg_warn("%s: %s", b->dir, strerror(errno));
		return DLG_EXIT_ERROR;
	}
	struct stat st;
	if (stat(b->dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		dlg_warn(_("%s: not a folder"), b->dir);
		return DLG_EXIT_ERROR;
	}
	if (!n)
		return DLG_EXIT_OK;
	/* the first document in this process: errors in the template show once */
	if (!file_doc(b, 0, fn, ctx))
		return DLG_EXIT_ERROR;
	int nj = jobs(n);
	if (nj == 1) {
		for (size_t i = 1; i < n; i++) {
			if (!file_doc(b, i, fn, ctx))
				return DLG_EXIT_ERROR;
			progress(i + 1, n);
		}
		return DLG_EXIT_OK;
	}
	fflush(NULL);
	pid_t pid[8];
	for (int w = 0; w < nj; w++) {
		pid[w] = fork();
		if (pid[w] < 0) {
			dlg_warn("fork: %s", strerror(errno));
			nj = w;
			break;
		}
		if (pid[w] == 0) {
			for (size_t i = 1 + (size_t)w; i < n; i += (size_t)nj) {
				if (!file_doc(b, i, fn, ctx))
					_exit(DLG_EXIT_ERROR);
				if (w == 0)
					progress(i + 1 < n ? i + 1 : n, n);
			}
			fflush(NULL);
			_exit(DLG_EXIT_OK);
		}
	}
	int status = nj ? DLG_EXIT_OK : DLG_EXIT_ERROR;
	for (int w = 0; w < nj; w++) {
		int st2;
		while (waitpid(pid[w], &st2, 0) < 0 && errno == EINTR)
			;
		if (!WIFEXITED(st2) || WEXITSTATUS(st2) != 0)
			status = DLG_EXIT_ERROR;
	}
	if (isatty(2) && n >= 50)
		fputc('\n', stderr);
	return status;
}

static int run_one_file(const dlg_batch *b, size_t n, dlg_batch_fn fn, void *ctx)
{
	bool out_stdout = !strcmp(b->one_file, "-");
	if (out_stdout && isatty(1)) {
		dlg_warn(_("not writing a PDF to a terminal; use -o FILE"));
		return DLG_EXIT_ERROR;
	}
	dlg_pdf *pdf = dlg_pdf_new(b->fonts);
	dlg_pdf_set_info(pdf, b->title, b->today);
	bool ok = true;
	for (size_t i = 0; i < n && ok; i++) {
		ok = one_doc(b, pdf, i, fn, ctx);
		progress(i + 1, n);
	}
	if (ok)
		ok = out_stdout ? dlg_pdf_write(pdf, stdout, "<stdout>")
		                : dlg_pdf_save(pdf, b->one_file);
	dlg_pdf_free(pdf);
	return ok ? DLG_EXIT_OK : DLG_EXIT_ERROR;
}

int dlg_batch_run(const dlg_batch *b, size_t n, dlg_batch_fn fn, void *ctx)
{
	for (int s = 0; s < DLG_NSTYLES; s++)
		dlg_fonts_get(b->fonts, s);
	int status = DLG_EXIT_OK;
	if (b->one_file)
		status = run_one_file(b, n, fn, ctx);
	if (status == DLG_EXIT_OK && b->dir)
		status = run_files(b, n, fn, ctx);
	return status;
}
