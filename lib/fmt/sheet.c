/* In-memory tables of the non-CSV sources. */
#include "fmt/sheet.h"

#include <stdlib.h>
#include <string.h>

#include "base/diag.h"

dlg_sheet *dlg_sheet_new(const char *name, const char *const *header, size_t ncols)
{
	dlg_sheet *s = dlg_xcalloc(1, sizeof *s);
	s->name = dlg_xstrdup(name);
	s->ncols = ncols;
	s->header_line = 1;
	s->header = dlg_xmalloc((ncols ? ncols : 1) * sizeof *s->header);
	for (size_t i = 0; i < ncols; i++)
		s->header[i] = dlg_xstrdup(header[i] ? header[i] : "");
	return s;
}

static void free_row(dlg_sheet *s, size_t r)
{
	for (size_t c = 0; c < s->ncols; c++)
		free(s->cell[r][c]);
	free(s->cell[r]);
	if (s->numeric)
		free(s->numeric[r]);
	free(s->where[r]);
	free(s->manual[r]);
}

void dlg_sheet_free(dlg_sheet *s)
{
	if (!s)
		return;
	for (size_t r = 0; r < s->nrows; r++)
		free_row(s, r);
	for (size_t i = 0; i < s->ncols; i++)
		free(s->header[i]);
	for (size_t i = 0; i < 2 * s->nfallback; i++)
		free(s->fallback[i]);
	free(s->fallback);
	free(s->header);
	free(s->cell);
	free(s->numeric);
	free(s->line);
	free(s->where);
	free(s->manual);
	free(s->name);
	free(s);
}

size_t dlg_sheet_add_row(dlg_sheet *s, const char *const *cells, long line)
{
	size_t r = s->nrows++;
	s->cell = dlg_xrealloc(s->cell, s->nrows * sizeof *s->cell);
	s->line = dlg_xrealloc(s->line, s->nrows * sizeof *s->line);
	s->where = dlg_xrealloc(s->where, s->nrows * sizeof *s->where);
	s->manual = dlg_xrealloc(s->manual, s->nrows * sizeof *s->manual);
	if (s->numeric) {
		s->numeric = dlg_xrealloc(s->numeric, s->nrows * sizeof *s->numeric);
		s->numeric[r] = NULL;
	}
	s->cell[r] = dlg_xmalloc((s->ncols ? s->ncols : 1) * sizeof **s->cell);
	for (size_t c = 0; c < s->ncols; c++)
		s->cell[r][c] = dlg_xstrdup(cells && cells[c] ? cells[c] : "");
	s->line[r] = line;
	s->where[r] = NULL;
	s->manual[r] = NULL;
	return r;
}

void dlg_sheet_set_numeric(dlg_sheet *s, size_t row, size_t col)
{
	if (!s->numeric)
		s->numeric = dlg_xcalloc(s->nrows, sizeof *s->numeric);
	if (!s->numeric[row]) {
		s->numeric[row] = dlg_xcalloc(s->ncols ? s->ncols : 1, sizeof **s->numeric);
	}
	s->numeric[row][col] = true;
}

void dlg_sheet_set_where(dlg_sheet *s, size_t row, const char *where)
{
	free(s->where[row]);
	s->where[row] = dlg_xstrdup(where);
}

void dlg_sheet_set_manual(dlg_sheet *s, size_t row, const char *note)
{
	free(s->manual[row]);
	s->manual[row] = dlg_xstrdup(note);
}

void dlg_sheet_promote_header(dlg_sheet *s, size_t row)
{
	if (row >= s->nrows)
		return;
	s->header_line = s->line[row];
	for (size_t c = 0; c < s->ncols; c++) {
		free(s->header[c]);
		s->header[c] = s->cell[row][c];
		s->cell[row][c] = dlg_xstrdup("");
	}
	for (size_t r = 0; r <= row; r++)
		free_row(s, r);
	size_t rest = s->nrows - row - 1;
	memmove(s->cell, s->cell + row + 1, rest * sizeof *s->cell);
	memmove(s->line, s->line + row + 1, rest * sizeof *s->line);
	memmove(s->where, s->where + row + 1, rest * sizeof *s->where);
	memmove(s->manual, s->manual + row + 1, rest * sizeof *s->manual);
	if (s->numeric)
		memmove(s->numeric, s->numeric + row + 1, rest * sizeof *s->numeric);
	s->nrows = rest;
}

void dlg_sheet_set_fallback(dlg_sheet *s, const char *name, const char *value)
{
	s->fallback = dlg_xrealloc(s->fallback, 2 * (s->nfallback + 1) * sizeof *s->fallback);
	s->fallback[2 * s->nfallback] = dlg_xstrdup(name);
	s->fallback[2 * s->nfallback + 1] = dlg_xstrdup(value);
	s->nfallback++;
}

const char *dlg_sheet_fallback_get(const dlg_sheet *s, const char *name)
{
	for (size_t i = 0; i < s->nfallback; i++)
		if (!strcmp(s->fallback[2 * i], name))
			return s->fallback[2 * i + 1];
	return NULL;
}
