/* Excel output with libxlsxwriter, replaced atomically. */
#include "fmt/xlsxout.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <xlsxwriter.h>

#include "base/atomic.h"
#include "base/diag.h"
#include "base/text.h"

/* Excel keeps at most this many characters in a cell. */
#define CELL_MAX 32767

struct dlg_xlsx_writer {
	dlg_atomic a;
	lxw_workbook *book;
	lxw_worksheet *sheet;
	lxw_format *text, *head;
	lxw_row_t row;
	lxw_col_t col, ncols;
	double *width; /* widest cell of each column so far, in characters */
	bool failed;
	char *name;
};

dlg_xlsx_writer *dlg_xlsx_writer_new(const char *path, const char *sheet)
{
	dlg_xlsx_writer *w = dlg_xcalloc(1, sizeof *w);
	if (!dlg_atomic_begin(&w->a, path, DLG_MODE_PERSONAL)) {
		free(w);
		return NULL;
	}
	w->name = dlg_xstrdup(path);
	/* libxlsxwriter writes the temporary file by its name; the atomic
	 * replacement's own stream stays empty and only fsyncs and renames */
	lxw_workbook_options opt = {.constant_memory = LXW_TRUE};
	w->book = workbook_new_opt(w->a.tmp, &opt);
	if (w->book)
		w->sheet = workbook_add_worksheet(w->book, sheet ? sheet : "dlg");
	if (!w->book || !w->sheet) {
		dlg_warn(_("%s: cannot start the Excel workbook"), path);
		dlg_atomic_abort(&w->a);
		free(w->name);
		free(w);
		return NULL;
	}
	w->text = workbook_add_format(w->book);
	format_set_num_format(w->text, "@"); /* text: typed values stay text too */
	format_set_text_wrap(w->text);
	w->head = workbook_add_format(w->book);
	format_set_num_format(w->head, "@");
	format_set_bold(w->head);
	worksheet_freeze_panes(w->sheet, 1, 0);
	return w;
}

void dlg_xlsx_write_field(dlg_xlsx_writer *w, const char *s)
{
	if (w->failed)
		return;
	if (w->col >= LXW_COL_MAX) {
		dlg_warn(_("%s: more than %d columns do not fit in an Excel sheet"), w->name,
		         LXW_COL_MAX);
		w->failed = true;
		return;
	}
	if (w->col >= w->ncols) {
		w->width = dlg_xrealloc(w->width, (w->col + 1) * sizeof *w->width);
		for (lxw_col_t c = w->ncols; c <= w->col; c++)
			w->width[c] = 8;
		w->ncols = w->col + 1;
	}
	if (s && *s) {
		size_t chars = dlg_utf8_length(s);
		char *cut = NULL;
		if (chars > CELL_MAX) {
			/* cut at a character boundary; the CSV keeps it whole */
			const char *p = s;
			for (size_t i = 0; i < CELL_MAX; i++)
				dlg_utf8_next(&p);
			cut = dlg_xasprintf("%.*s", (int)(p - s), s);
			chars = CELL_MAX;
		}
		lxw_error e = worksheet_write_string(w->sheet, w->row, w->col, cut ? cut : s,
		                                     w->row ? w->text : w->head);
		free(cut);
		if (e != LXW_NO_ERROR) {
			dlg_warn(_("%s: cannot write a cell: %s"), w->name, lxw_strerror(e));
			w->failed = true;
			return;
		}
		double width = chars < 60 ? (double)chars + 2 : 60;
		if (width > w->width[w->col])
			w->width[w->col] = width;
	}
	w->col++;
}

void dlg_xlsx_end_row(dlg_xlsx_writer *w)
{
	if (w->failed)
		return;
	if (w->row + 1 >= LXW_ROW_MAX) {
		dlg_warn(_("%s: more than %d rows do not fit in an Excel sheet; write CSV instead"),
		         w->name, LXW_ROW_MAX);
		w->failed = true;
		return;
	}
	w->row++;
	w->col = 0;
}

void dlg_xlsx_writer_abort(dlg_xlsx_writer *w)
{
	w->failed = true;
	workbook_close(w->book);
	dlg_atomic_abort(&w->a);
	free(w->width);
	free(w->name);
	free(w);
}

bool dlg_xlsx_writer_finish(dlg_xlsx_writer *w)
{
	if (w->failed) {
		dlg_xlsx_writer_abort(w);
		return false;
	}
	bool ok = true;
	for (lxw_col_t c = 0; c < w->ncols; c++)
		worksheet_set_column(w->sheet, c, c, w->width[c], NULL);
	if (ok && w->ncols)
		worksheet_autofilter(w->sheet, 0, 0, w->row ? w->row - 1 : 0, w->ncols - 1);
	lxw_error e = workbook_close(w->book);
	if (ok && e != LXW_NO_ERROR) {
		dlg_warn(_("%s: cannot write the Excel workbook: %s"), w->name, lxw_strerror(e));
		ok = false;
	}
	if (ok)
		ok = dlg_atomic_commit(&w->a);
	else
		dlg_atomic_abort(&w->a);
	free(w->width);
	free(w->name);
	free(w);
	return ok;
}
