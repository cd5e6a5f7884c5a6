/* dlg-pdf: a Markdown template merged with CSV rows, laid out as Decree 30 documents. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "case/folder.h"
#include "base/cmdline.h"
#include "fmt/csv.h"
#include "base/diag.h"
#include "base/safename.h"
#include "doc/batch.h"
#include "doc/template.h"
#include "fmt/table.h"
#include "doc/font.h"
#include "doc/template.h"

static void usage(void)
{
	printf(_("Usage: %s -t TEMPLATE [OPTION]... [CSV]\n"
	         "Lay out a Markdown template as a Decree 30 document: one document for each\n"
	         "row of CSV (its columns fill the {{column}} placeholders), or one document\n"
	         "when no CSV is given.\n"
	         "\n"
	         "  -t, --template T   a template file, or the name of one in the case folder's\n"
	         "                     templates/ or in the built-in templates\n"
	         "  -o, --output PATH  a folder: one PDF per row; a file: one PDF with all rows\n"
	         "                     (default: standard output)\n"
	         "      --one-file     put every row's document into the one file -o names\n"
	         "      --name-by COL  name each file in the folder after column COL\n"
	         "                     (default reg_id when there is one, else the row number)\n"
	         "      --digital      to be signed digitally (dlg-sign): the signature and seal\n"
	         "                     images of dlg.conf in the signer's block, each with an\n"
	         "                     empty signature field\n"
	         "      --table NAME=CSV  rows of CSV for the template's ```table NAME block\n"
	         "  -C DIR             use the case folder DIR\n"
	         "      --from ENC     the CSV's encoding when not UTF-8 (e.g. cp1258)\n"
	         "      --today DATE   take DATE (YYYY-MM-DD) as today\n"
	         "  -h, --help         show this help and exit\n"
	         "      --version      show the version and exit\n"),
	       dlg_progname());
}

enum { OPT_ONE = 256, OPT_NAME_BY, OPT_TABLE, OPT_DIGITAL };

#define MAX_TABLES 8

struct ctx {
	const dlg_tmpl *t;
	const dlg_table *rows; /* NULL: one document without data */
	dlg_tmpl_data d;
	size_t row;
	const char *tname[MAX_TABLES];
	dlg_table tables[MAX_TABLES];
	size_t ntables;
};

static const char *get_field(void *p, const char *name)
{
	struct ctx *c = p;
	return c->rows ? dlg_rows_get(c->rows, c->row, name) : NULL;
}

static const char *table_get(void *p, size_t i, const char *col)
{
	return dlg_rows_get(p, i, col);
}

static bool get_table(void *p, const char *name, dlg_tmpl_rows *out)
{
	struct ctx *c = p;
	for (size_t i = 0; i < c->ntables; i++)
		if (!strcmp(c->tname[i], name)) {
			out->nrows = c->tables[i].nrows;
			out->get = table_get;
			out->ctx = &c->tables[i];
			return true;
		}
	return false;
}

static bool draw(void *p, size_t i, dlg_pdf *pdf, dlg_lay *l)
{
	struct ctx *c = p;
	c->row = i;
	char *title = dlg_tmpl_title(c->t, &c->d);
	if (*title)
		dlg_pdf_set_info(pdf, title, c->d.today);
	free(title);
	return dlg_tmpl_render(c->t, l, &c->d);
}

/* What the files are named by: a column of the rows, or NULL for numbers. */
struct name_by {
	const dlg_table *rows;
	const char *col;
};

static const char *name_key(void *p, size_t i)
{
	const struct name_by *nb = p;
	return nb->col ? dlg_rows_get(nb->rows, i, nb->col) : "";
}

static bool is_dir(const char *path)
{
	struct stat st;
	size_t n = strlen(path);
	return (n && path[n - 1] == '/') || (stat(path, &st) == 0 && S_ISDIR(st.st_mode));
}

int main(int argc, char **argv)
{
	dlg_diag_init(argv[0]);
	static const struct option longopts[] = {
	    {"template", required_argument, NULL, 't'},
	    {"output", required_argument, NULL, 'o'},
	    {"one-file", no_argument, NULL, OPT_ONE},
	    {"name-by", required_argument, NULL, OPT_NAME_BY},
	    {"table", required_argument, NULL, OPT_TABLE},
	    {"digital", no_argument, NULL, OPT_DIGITAL},
	    DLG_OPTION_FROM,
	    DLG_OPTION_TODAY,
	    DLG_OPTION_HELP,
	    DLG_OPTION_VERSION,
	    {NULL, 0, NULL, 0},
	};
	const char *tmpl = NULL, *out = NULL, *name_by = NULL, *from = NULL, *today = NULL,
	           *dir = NULL;
	const char *table_arg[MAX_TABLES];
	size_t ntable_arg = 0;
	bool one = false, digital = false;
	dlg_common_opts common = {0};
	int c;
	while ((c = getopt_long(argc, argv, "t:o:C:h", longopts, NULL)) != -1) {
		switch (c) {
		case 't':
			tmpl = optarg;
			break;
		case 'o':
			out = optarg;
			break;
		case OPT_ONE:
			one = true;
			break;
		case OPT_NAME_BY:
			name_by = optarg;
			break;
		case OPT_DIGITAL:
			digital = true;
			break;
		case OPT_TABLE:
			if (ntable_arg == MAX_TABLES)
				dlg_usage_error(_("at most %d --table options"), MAX_TABLES);
			if (!strchr(optarg, '=') || *optarg == '=')
				dlg_usage_error(_("--table wants NAME=CSV, not \"%s\""), optarg);
			table_arg[ntable_arg++] = optarg;
			break;
		default:
			dlg_common_option(c, &common, usage);
		}
	}
	dir = common.dir;
	today = common.today;
	from = common.from;
	if (!tmpl)
		dlg_usage_error(_("no template; give one with -t"));
	if (argc - optind > 1)
		dlg_usage_error(_("one CSV file at most"));
	const char *csv = optind < argc ? argv[optind] : NULL;
	bool to_dir = out && is_dir(out);
	if (one && to_dir)
		dlg_usage_error(_("--one-file needs -o FILE, and %s is a folder"), out);
	if (to_dir && !csv)
		dlg_usage_error(_("-o %s is a folder: give a CSV file with one row per document"),
		                out);

	dlg_case cs;
	if (!dlg_case_open(&cs, dir))
		return DLG_EXIT_ERROR;
	struct ctx x = {0};
	int status = DLG_EXIT_ERROR;
	dlg_table rows = {0};
	dlg_nd30_stamp stamp = {0};
	dlg_tmpl *t = NULL;
	char **names = NULL;
	dlg_fonts *fonts = NULL;
	if (!dlg_date_today(today, &x.d.today))
		goto done;
	t = dlg_case_tmpl_load(&cs, tmpl);
	if (!t)
		goto done;
	for (size_t i = 0; i < ntable_arg; i++) {
		char *eq = strchr(table_arg[i], '=');
		*eq = '\0';
		x.tname[i] = table_arg[i];
		if (!dlg_rows_load(&x.tables[i], eq + 1, from))
			goto done;
		x.ntables++;
	}
	size_t n = 1;
	if (csv) {
		if (!dlg_rows_load(&rows, csv, from))
			goto done;
		x.rows = &rows;
		n = rows.nrows;
	}
	x.t = t;
	x.d.get = get_field;
	x.d.ctx = &x;
	x.d.table = get_table;
	x.d.table_ctx = &x;
	x.d.conf = cs.conf;
	if (digital) {
		if (!dlg_nd30_stamp_load(&stamp, cs.conf, cs.dir))
			goto done;
		x.d.stamp = &stamp;
	}

	dlg_batch b = {0};
	fonts = dlg_fonts_new(NULL);
	b.fonts = fonts;
	b.today = x.d.today;
	b.title = dlg_tmpl_meta(t, "type") ? dlg_tmpl_meta(t, "type") : "";
	if (to_dir) {
		const char *col = name_by;
		if (!col)
			col = dlg_table_col(&rows, "reg_id") >= 0 ? "reg_id" : NULL;
		if (col && dlg_table_col(&rows, dlg_column_canon(col)) < 0) {
			dlg_warn(_("%s: no column \"%s\" to name the files by"), rows.path, col);
			goto done;
		}
		struct name_by nb = {&rows, col};
		names = dlg_pdf_names(n, name_key, &nb);
		b.dir = out;
		b.names = (const char *const *)names;
	} else {
		b.one_file = out ? out : "-";
	}
	status = dlg_batch_run(&b, n, draw, &x);
done:
	dlg_names_free(names, rows.nrows);
	for (size_t i = 0; i < x.ntables; i++)
		dlg_table_free(&x.tables[i]);
	if (x.rows)
		dlg_table_free(&rows);
	dlg_tmpl_free(t);
	dlg_nd30_stamp_free(&stamp);
	dlg_fonts_free(fonts);
	dlg_case_close(&cs);
	return status;
}
