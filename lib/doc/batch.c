/* Document batches: one PDF for all, or one file each by forked workers. */
#include "doc/batch.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "case/folder.h"
#include "base/diag.h"
#include "doc/nd30.h"
#include "doc/font.h"
#include "base/env.h"

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
	const char *e = dlg_env_jobs();
	long j = e ? strtol(e, NULL, 10) : sysconf(_SC_NPROCESSORS_ONLN);
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
	int started = 0; /* workers running; the others' share is made here */
	for (int w = 0; w < nj; w++) {
		pid[w] = fork();
		if (pid[w] < 0) {
			dlg_warn("fork: %s", strerror(errno));
			break;
		}
		started++;
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
	int status = DLG_EXIT_OK;
	/* a worker that could not be started: its documents in this process */
	for (int w = started; w < nj && status == DLG_EXIT_OK; w++)
		for (size_t i = 1 + (size_t)w; i < n; i += (size_t)nj)
			if (!file_doc(b, i, fn, ctx)) {
				status = DLG_EXIT_ERROR;
				break;
			}
	for (int w = 0; w < started; w++) {
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
	if (!dlg_fonts_load(b->fonts))
		return DLG_EXIT_ERROR;
	int status = DLG_EXIT_OK;
	if (b->one_file)
		status = run_one_file(b, n, fn, ctx);
	if (status == DLG_EXIT_OK && b->dir)
		status = run_files(b, n, fn, ctx);
	return status;
}
