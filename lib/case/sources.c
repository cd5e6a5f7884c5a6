/* Form sources: CSV, Excel, e-mail; their columns matched to the register. */
#include "case/sources.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "base/diag.h"
#include "base/sbuf.h"
#include "base/text.h"
#include "fmt/csv.h"
#include "fmt/mailin.h"
#include "fmt/sheet.h"
#include "fmt/xlsx.h"

struct dlg_form_source {
	char *name;
	dlg_csv_reader *csv; /* a CSV file, streamed ... */
	dlg_sheet *sheet;    /* ... or a table read whole */
	size_t next, end;    /* next row of the sheet, and the row after the last */
	bool borrowed;       /* another source frees the sheet */
	bool empty_ok;       /* no rows is no error (a part of a mail folder) */
	size_t ncols;
	const char **column; /* output name of each column */
	long own[REG_NCOLS]; /* register field -> column, or -1 */
	const char *fallback[REG_NCOLS];
	bool online;
	char phone[32]; /* a numeric phone with its zero back */
};

static long field_index(const char *field)
{
	for (size_t k = 0; k < REG_NCOLS; k++)
		if (!strcmp(field, dlg_reg_columns[k]))
			return (long)k;
	return -1;
}

bool dlg_source_map_field_ok(const char *field, const char *where)
{
	if (!strcmp(field, "-") || !*field || field_index(field) >= 0)
		return true;
	dlg_warn(_("%s: \"%s\" is not a field of a form (name, organization, phone, email, "
	           "address, village, topic_procedure, topic_handling, received, channel, "
	           "session, or - for none)"),
	         where, field);
	return false;
}

/* Columns people add that are no field and need no warning: row numbers. */
static bool row_number_column(const char *header)
{
	char *f = dlg_text_fold(header);
	bool yes = !*f || !strcmp(f, "stt") || !strcmp(f, "tt") || !strcmp(f, "so thu tu") ||
	           !strcmp(f, "no");
	free(f);
	return yes;
}

/* "\"A\", \"B\", ..." of the header, for messages; malloc'd. */
static char *quoted_list(const char *const *names, size_t n, size_t limit)
{
	dlg_sbuf b = {0};
	for (size_t i = 0; i < n && i < limit; i++)
		dlg_sbuf_printf(&b, "%s\"%s\"", i ? ", " : "", names[i]);
	if (n > limit)
		dlg_sbuf_printf(&b, ", … (%zu)", n);
	return dlg_sbuf_take(&b);
}

/* Match the header's columns to the register's fields. Warns about columns
 * that match nothing; false (after naming file and header) when there is no
 * name column or no question column. */
static bool map_columns(dlg_form_source *s, const char *const *header, size_t n, long line,
                        const dlg_header_map *map, bool quiet_unknown)
{
	s->ncols = n;
	s->column = dlg_xmalloc((n ? n : 1) * sizeof *s->column);
	for (size_t k = 0; k < REG_NCOLS; k++)
		s->own[k] = -1;
	const char **unknown = dlg_xmalloc((n ? n : 1) * sizeof *unknown);
	size_t nunknown = 0;
	for (size_t i = 0; i < n; i++) {
		const char *field = NULL;
		bool mapped = map && dlg_header_map_find(map, header[i], &field);
		if (!mapped)
			field = dlg_header_field(header[i]);
		long k = field && *field ? field_index(field) : -1;
		if (k >= 0 && s->own[k] >= 0) {
			dlg_warn_at(
			    s->name, line,
			    _("column \"%s\" would be the %s field too, which column \"%s\" "
			      "fills; it is kept as it is"),
			    header[i], dlg_reg_columns[k], header[s->own[k]]);
			k = -1;
			mapped = true;
		}
		if (k >= 0) {
			s->own[k] = (long)i;
			s->column[i] = dlg_reg_columns[k];
			continue;
		}
		s->column[i] = header[i];
		if (!mapped && !row_number_column(header[i]))
			unknown[nunknown++] = header[i];
	}
	if (nunknown && !quiet_unknown) {
		char *list = quoted_list(unknown, nunknown, 20);
		dlg_warn_at(s->name, line,
		            _("columns that match no field of the form, kept as they are: %s "
		              "(name them with --map 'Header=field')"),
		            list);
		free(list);
	}
	free(unknown);
	const char *missing = s->own[REG_NAME] < 0 ? _("the name (Họ và tên)")
	                      : s->own[REG_TOPIC_PROCEDURE] < 0 && s->own[REG_TOPIC_HANDLING] < 0
	                          ? _("the questions (Về thủ tục hành chính, Về giải quyết "
	                              "thủ tục hành chính)")
	                          : NULL;
	if (missing) {
		char *list = quoted_list(header, n, 30);
		dlg_warn_at(s->name, line,
		            _("the header has no column for %s, so these are not registration "
		              "forms; header: %s (name the columns with --map 'Header=field')"),
		            missing, list);
		free(list);
		return false;
	}
	const long r = s->own[REG_RECEIVED];
	if (r >= 0) {
		char *f = dlg_header_fold(header[r]);
		s->online = !strcmp(f, "dau thoi gian") || !strcmp(f, "timestamp");
		free(f);
	}
	return true;
}

static dlg_form_source *source_new(const char *name)
{
	dlg_form_source *s = dlg_xcalloc(1, sizeof *s);
	s->name = dlg_xstrdup(name);
	return s;
}

static void push(dlg_form_source ***list, size_t *n, dlg_form_source *s)
{
	*list = dlg_xrealloc(*list, (*n + 1) * sizeof **list);
	(*list)[(*n)++] = s;
}

/* True when cells, read as a header, has a name column and a question
 * column. */
static bool form_header(const char *const *cells, size_t n, const dlg_header_map *map)
{
	bool name = false, question = false;
	for (size_t i = 0; i < n; i++) {
		const char *field = NULL;
		if (!(map && dlg_header_map_find(map, cells[i], &field)))
			field = dlg_header_field(cells[i]);
		if (!field)
			continue;
		name = name || !strcmp(field, "name");
		question = question || !strcmp(field, "topic_procedure") ||
		           !strcmp(field, "topic_handling");
	}
	return name && question;
}

/* Rows of a sheet looked at for its header when the first is a title. */
#define TITLE_ROWS 10

/* A source over a sheet (taken); NULL after a diagnostic. A workbook whose
 * first rows are a title ("PHIẾU ĐĂNG KÝ…", "Danh sách thôn 5") has its
 * header in a later row: the first of the next few that names a name and a
 * question column is taken, and a note says so. */
static void skip_title(dlg_sheet *sh, const dlg_header_map *map)
{
	if (form_header((const char *const *)sh->header, sh->ncols, map))
		return;
	for (size_t r = 0; r < sh->nrows && r < TITLE_ROWS; r++) {
		if (!form_header((const char *const *)sh->cell[r], sh->ncols, map))
			continue;
		long line = sh->line[r];
		dlg_sheet_promote_header(sh, r);
		dlg_warn_at(sh->name, line, "%s",
		            _("the header is this row; the rows above it are taken for a title"));
		return;
	}
}

static dlg_form_source *sheet_source(dlg_sheet *sh, const dlg_source_opts *o)
{
	skip_title(sh, o->map);
	dlg_form_source *s = source_new(sh->name);
	s->sheet = sh;
	if (!map_columns(s, (const char *const *)sh->header, sh->ncols, sh->header_line, o->map,
	                 false)) {
		dlg_source_close(s);
		return NULL;
	}
	for (size_t k = 0; k < REG_NCOLS; k++)
		s->fallback[k] = dlg_sheet_fallback_get(sh, dlg_reg_columns[k]);
	return s;
}

static bool has_suffix(const char *path, const char *suffix)
{
	size_t n = strlen(path), m = strlen(suffix);
	return n > m && !strcasecmp(path + n - m, suffix);
}

/* True when the file at path starts like a zip archive. */
static bool zip_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	unsigned char head[4];
	size_t n = fread(head, 1, sizeof head, f);
	fclose(f);
	return dlg_xlsx_sniff(head, n);
}

/* An attachment that is no list of forms: a sheet of one row, with the
 * columns of the message forms, asking the clerk to enter it by hand. */
static dlg_sheet *attachment_to_manual(const dlg_sheet *forms, const dlg_sheet *att)
{
	dlg_sheet *m = dlg_sheet_new(att->name, (const char *const *)forms->header, forms->ncols);
	const char **cells = dlg_xcalloc(forms->ncols ? forms->ncols : 1, sizeof *cells);
	for (size_t i = 0; i < forms->ncols; i++)
		cells[i] = dlg_sheet_fallback_get(att, forms->header[i]);
	size_t r = dlg_sheet_add_row(m, cells, 0);
	free(cells);
	char *note = dlg_xasprintf("Tệp đính kèm %s không có cột họ và tên hoặc cột nội dung "
	                           "đăng ký: cần đọc thư và nhập tay.",
	                           att->name);
	dlg_sheet_set_manual(m, r, note);
	free(note);
	return m;
}

/* A source over rows [from, to) of the message forms; the last one owns
 * the sheet. */
static void push_slice(dlg_form_source ***list, size_t *n, dlg_sheet *forms, size_t from, size_t to,
                       bool owner)
{
	if (from >= to && !owner)
		return;
	dlg_form_source *s = source_new(forms->name);
	s->sheet = forms;
	s->next = from;
	s->end = to;
	s->borrowed = !owner;
	/* the columns are the register's own: they always match */
	map_columns(s, (const char *const *)forms->header, forms->ncols, 0, NULL, true);
	if (from >= to)
		s->empty_ok = true;
	push(list, n, s);
}

static bool open_mail(const char *path, const dlg_source_opts *o, dlg_form_source ***list,
                      size_t *n)
{
	dlg_mail_forms mf = {0};
	if (!dlg_mail_read(path, o->from, &mf)) {
		dlg_mail_forms_free(&mf);
		return false;
	}
	dlg_sheet *forms = mf.forms;
	mf.forms = NULL;
	size_t done = 0; /* rows of forms given to a source */
	for (size_t i = 0; i < mf.nattachments; i++) {
		push_slice(list, n, forms, done, mf.after[i], false);
		if (mf.after[i] > done)
			done = mf.after[i];
		dlg_sheet *a = mf.attachments[i];
		mf.attachments[i] = NULL;
		skip_title(a, o->map);
		dlg_form_source *s = source_new(a->name);
		s->sheet = a;
		/* An attachment's columns are checked like a file's, but one that
		 * is no list of forms is left to the clerk, not refused. */
		if (!map_columns(s, (const char *const *)a->header, a->ncols, a->header_line,
		                 o->map, false)) {
			s->sheet = NULL; /* a is still needed here */
			dlg_source_close(s);
			dlg_sheet *m = attachment_to_manual(forms, a);
			dlg_sheet_free(a);
			s = source_new(m->name);
			s->sheet = m;
			map_columns(s, (const char *const *)m->header, m->ncols, 0, NULL, true);
			mf.manual++;
		} else {
			for (size_t k = 0; k < REG_NCOLS; k++)
				s->fallback[k] = dlg_sheet_fallback_get(a, dlg_reg_columns[k]);
		}
		s->empty_ok = true;
		push(list, n, s);
	}
	push_slice(list, n, forms, done, forms->nrows, true);
	if (mf.manual)
		dlg_warn(_("%s: %zu messages could not be read as forms; they are listed with "
		           "status incomplete and a note for manual entry"),
		         dlg_display_name(path), mf.manual);
	dlg_mail_forms_free(&mf);
	return true;
}

bool dlg_sources_open(const char *path, const dlg_source_opts *o, dlg_form_source ***list,
                      size_t *n)
{
	struct stat st;
	bool file = path && strcmp(path, "-") && stat(path, &st) == 0;
	if (file && S_ISDIR(st.st_mode))
		return open_mail(path, o, list, n);
	if (file && has_suffix(path, ".eml"))
		return open_mail(path, o, list, n);
	if (file && (has_suffix(path, ".xls") || has_suffix(path, ".ods"))) {
		dlg_warn(_("%s: only .xlsx workbooks and CSV are read; open it and save it as "
		           "Excel Workbook (.xlsx) or CSV UTF-8"),
		         path);
		return false;
	}
	if (file && (has_suffix(path, ".xlsx") || zip_file(path))) {
		dlg_sheet *sh = dlg_xlsx_read(path, o->sheet);
		if (!sh)
			return false;
		dlg_form_source *s = sheet_source(sh, o);
		if (!s)
			return false;
		push(list, n, s);
		return true;
	}
	dlg_csv_opts co = {.from = o->from, .keep_names = true};
	dlg_csv_reader *r = dlg_csv_open(path, &co);
	if (!r)
		return false;
	dlg_form_source *s = source_new(dlg_csv_name(r));
	s->csv = r;
	const dlg_row *h = dlg_csv_header(r);
	if (!map_columns(s, (const char *const *)h->field, h->n, h->line, o->map, false)) {
		dlg_source_close(s);
		return false;
	}
	push(list, n, s);
	return true;
}

const char *dlg_source_name(const dlg_form_source *s)
{
	return s->name;
}

size_t dlg_source_ncols(const dlg_form_source *s)
{
	return s->ncols;
}

const char *dlg_source_column(const dlg_form_source *s, size_t i)
{
	return s->column[i];
}

bool dlg_source_online(const dlg_form_source *s)
{
	return s->online;
}

bool dlg_source_may_be_empty(const dlg_form_source *s)
{
	return s->empty_ok;
}

/* A phone Excel stored as a number lost its leading zero: 912345678 is
 * 0912345678 (a mobile number), 2438861234 is 02438861234 (a landline). */
static const char *phone_with_zero(dlg_form_source *s, const char *cell)
{
	size_t n = strlen(cell);
	if (strspn(cell, "0123456789") != n)
		return cell;
	bool mobile = n == 9 && strchr("35789", cell[0]);
	bool landline = n == 10 && cell[0] == '2';
	if (!mobile && !landline)
		return cell;
	snprintf(s->phone, sizeof s->phone, "0%s", cell);
	return s->phone;
}

int dlg_source_next(dlg_form_source *s, dlg_form_row *row)
{
	const char *const *cell;
	bool *numeric = NULL;
	if (s->csv) {
		const dlg_row *r;
		int rc = dlg_csv_next(s->csv, &r);
		if (rc <= 0)
			return rc;
		cell = (const char *const *)r->field;
		row->file = s->name;
		row->line = r->line;
		row->manual = NULL;
	} else {
		if (s->next >= (s->end ? s->end : s->sheet->nrows))
			return 0;
		size_t i = s->next++;
		cell = (const char *const *)s->sheet->cell[i];
		numeric = s->sheet->numeric ? s->sheet->numeric[i] : NULL;
		row->file = s->sheet->where[i] ? s->sheet->where[i] : s->name;
		row->line = s->sheet->line[i];
		row->manual = s->sheet->manual[i];
	}
	row->cell = cell;
	for (size_t k = 0; k < REG_NCOLS; k++) {
		const char *v = s->own[k] >= 0 ? cell[s->own[k]] : "";
		if (!*v && s->fallback[k])
			v = s->fallback[k];
		row->raw[k] = v;
	}
	if (numeric && s->own[REG_PHONE] >= 0 && numeric[s->own[REG_PHONE]])
		row->raw[REG_PHONE] = phone_with_zero(s, row->raw[REG_PHONE]);
	return 1;
}

void dlg_source_close(dlg_form_source *s)
{
	if (!s)
		return;
	dlg_csv_close(s->csv);
	if (!s->borrowed)
		dlg_sheet_free(s->sheet);
	free(s->column);
	free(s->name);
	free(s);
}
