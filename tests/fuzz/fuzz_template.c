/* libFuzzer: the template filler. The first line of the input is the data
 * row, tab-separated "name=value" fields ("*=value" answers any other name;
 * "rows=N" gives every ```table block N rows, at most 40); the rest is the
 * template. It is parsed, filled and drawn into a PDF written to /dev/null. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fmt/conf.h"
#include "base/diag.h"
#include "doc/font.h"
#include "doc/layout.h"
#include "doc/nd30.h"
#include "doc/template.h"
#include "doc/pdf.h"
#include "base/text.h"

#define MAX_FIELDS 64

struct row {
	size_t n;
	const char *name[MAX_FIELDS];
	const char *value[MAX_FIELDS];
	const char *any; /* the value of "*", or NULL */
	size_t nrows;
};

static const char *get(void *ctx, const char *name)
{
	const struct row *r = ctx;
	for (size_t i = 0; i < r->n; i++)
		if (!strcmp(r->name[i], name))
			return r->value[i];
	return r->any;
}

static const char *table_get(void *ctx, size_t i, const char *col)
{
	(void)i;
	return get(ctx, col);
}

static bool table(void *ctx, const char *name, dlg_tmpl_rows *out)
{
	struct row *r = ctx;
	if (!strcmp(name, "none"))
		return false;
	out->nrows = r->nrows;
	out->get = table_get;
	out->ctx = r;
	return true;
}

static dlg_fonts *fonts;
static dlg_conf *conf;
static FILE *sink;

static void done(void)
{
	dlg_fonts_free(fonts);
	dlg_conf_free(conf);
	fclose(sink);
}

/* Fonts are slow to load: once, before the first input. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	dlg_diag_init("fuzz_template");
	fonts = dlg_fonts_new(NULL);
	for (int s = 0; s < DLG_NSTYLES; s++)
		dlg_fonts_get(fonts, s);
	conf = dlg_conf_defaults();
	sink = fopen("/dev/null", "w");
	if (!sink)
		abort();
	atexit(done);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nl = memchr(data, '\n', size);
	if (!nl)
		return 0;
	size_t vlen = (size_t)(nl - data);
	/* values come from CSV rows, which are checked UTF-8 without NUL */
	if (!dlg_utf8_valid((const char *)data, vlen, NULL))
		return 0;
	char *vals = malloc(vlen + 1);
	memcpy(vals, data, vlen);
	vals[vlen] = '\0';
	struct row r = {0};
	for (char *p = vals, *f; (f = strsep(&p, "\t")) && r.n < MAX_FIELDS;) {
		char *eq = strchr(f, '=');
		if (!eq)
			continue;
		*eq = '\0';
		if (!strcmp(f, "*"))
			r.any = eq + 1;
		else if (!strcmp(f, "rows"))
			r.nrows = strtoul(eq + 1, NULL, 10) % 41;
		else {
			r.name[r.n] = f;
			r.value[r.n++] = eq + 1;
		}
	}

	const char *text = (const char *)nl + 1;
	dlg_tmpl *t = dlg_tmpl_parse("fuzz.md", text, size - vlen - 1);
	if (t) {
		dlg_tmpl_data d = {0};
		d.get = get;
		d.ctx = &r;
		d.table = table;
		d.table_ctx = &r;
		d.conf = conf;
		d.today = dlg_date_from_ymd(2026, 7, 16);
		dlg_pdf *pdf = dlg_pdf_new(fonts);
		char *title = dlg_tmpl_title(t, &d);
		dlg_pdf_set_info(pdf, title ? title : "", d.today);
		free(title);
		char *extra = dlg_tmpl_meta_fill(t, "extra", &d);
		free(extra);
		dlg_geom g = dlg_geom_nd30();
		dlg_lay *l = dlg_lay_new(pdf, fonts, &g);
		bool ok = dlg_tmpl_render(t, l, &d);
		dlg_lay_finish(l);
		if (ok)
			dlg_pdf_write(pdf, sink, "fuzz.pdf");
		dlg_pdf_free(pdf);
		dlg_tmpl_free(t);
	}
	free(vals);
	return 0;
}
