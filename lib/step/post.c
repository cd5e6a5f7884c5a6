/* Envelopes and address labels. */
#include "step/post.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "base/text.h"
#include "case/postal.h"
#include "doc/font.h"
#include "doc/layout.h"
#include "doc/pdf.h"
#include "fmt/table.h"

/* One addressee: the lines printed, the first in bold. */
struct addr {
	char *line[3]; /* addressee, organisation ("" when none), address */
};

/* How the envelope names a person: "Ông/Bà Name" for a registrant (the
 * list has reg_id), the name as written otherwise (it is the addressee
 * dlg-invite made: "Trưởng phòng Kinh tế", "Ông/Bà X, Trưởng thôn 1"). */
static char *addressee(const dlg_table *t, size_t r)
{
	const char *name = dlg_table_val(t, r, "name");
	const char *org = dlg_table_val(t, r, "organization");
	if (!*name)
		return dlg_xstrdup(org);
	bool person = dlg_table_col(t, "reg_id") >= 0;
	char *f = dlg_text_fold(name);
	bool titled = !strncmp(f, "ong", 3) || !strncmp(f, "ba ", 3);
	free(f);
	return person && !titled ? dlg_xasprintf("Ông/Bà %s", name) : dlg_xstrdup(name);
}

/* Greedy line breaking of s at spaces into lines no wider than w points;
 * calls line(ctx, text, len) for each. */
static void wrap(dlg_fonts *fs, int style, double pt, double w, const char *s,
                 void (*line)(void *, const char *, size_t), void *ctx)
{
	while (*s == ' ')
		s++;
	while (*s) {
		size_t best = 0, i = 0, n = strlen(s);
		while (i <= n) {
			if (i == n || s[i] == ' ') {
				if (best && dlg_fonts_width(fs, style, pt, s, i) > w)
					break;
				best = i;
			}
			i++;
		}
		if (!best)
			best = n; /* one word wider than the line: printed whole */
		line(ctx, s, best);
		s += best;
		while (*s == ' ')
			s++;
	}
}

struct pen {
	dlg_pdf *pdf;
	int style;
	double size, x, y, lead;
};

static void pen_line(void *p, const char *s, size_t n)
{
	struct pen *pen = p;
	dlg_pdf_text(pen->pdf, pen->style, pen->size, pen->x, pen->y, s, n, 0);
	pen->y -= pen->lead;
}

/* Count the lines s takes. */
static void count_line(void *p, const char *s, size_t n)
{
	(void)s;
	(void)n;
	++*(int *)p;
}

static int lines_of(dlg_fonts *fs, int style, double pt, double w, const char *s)
{
	int n = 0;
	wrap(fs, style, pt, w, s, count_line, &n);
	return n;
}

/* Draw text from (x, y) (the first baseline, PDF points from the bottom)
 * wrapped to width w; returns the next baseline. */
static double text(dlg_pdf *pdf, dlg_fonts *fs, int style, double pt, double x, double y, double w,
                   const char *s)
{
	struct pen pen = {pdf, style, pt, x, y, pt * 1.25};
	wrap(fs, style, pt, w, s, pen_line, &pen);
	return pen.y;
}

/* The sender: the agency, the office, its address. */
static void sender(dlg_pdf *pdf, dlg_fonts *fs, const dlg_conf *cf, double x, double y, double w)
{
	char *agency = dlg_xasprintf("%s %s", dlg_conf_get(cf, "office", "agency_line1"),
	                             dlg_conf_get(cf, "office", "agency_line2"));
	char *addr = dlg_postal_complete(cf, dlg_conf_get(cf, "office", "address"), NULL);
	y = text(pdf, fs, DLG_BOLD, 11, x, y, w, agency);
	y = text(pdf, fs, DLG_REGULAR, 10.5, x, y, w, dlg_conf_get(cf, "office", "office_name"));
	y = text(pdf, fs, DLG_REGULAR, 10.5, x, y, w, addr);
	const char *email = dlg_conf_get(cf, "office", "email");
	if (*email && !dlg_conf_is_placeholder(email)) {
		char *e = dlg_xasprintf("Thư điện tử: %s", email);
		text(pdf, fs, DLG_ITALIC, 10, x, y, w, e);
		free(e);
	}
	free(agency);
	free(addr);
}

static void envelope(dlg_pdf *pdf, dlg_fonts *fs, const dlg_conf *cf, const struct addr *a, bool c5)
{
	double W = (c5 ? 229 : 220) * DLG_MM, H = (c5 ? 162 : 110) * DLG_MM;
	dlg_pdf_begin_page(pdf, W, H);
	sender(pdf, fs, cf, 12 * DLG_MM, H - 14 * DLG_MM, 85 * DLG_MM);
	/* the addressee in the lower right half, as the post reads it */
	double x = W * (c5 ? 0.42 : 0.43), w = W - x - 14 * DLG_MM;
	double y = H * (c5 ? 0.50 : 0.52);
	char *to = dlg_xasprintf("Kính gửi: %s", a->line[0]);
	y = text(pdf, fs, DLG_BOLD, 13, x, y, w, to);
	free(to);
	if (*a->line[1])
		y = text(pdf, fs, DLG_REGULAR, 13, x, y, w, a->line[1]);
	char *at = dlg_xasprintf("Địa chỉ: %s", a->line[2]);
	text(pdf, fs, DLG_REGULAR, 13, x, y, w, at);
	free(at);
	dlg_pdf_end_page(pdf);
}

/* A4 labels, 2 x 7, 99.1 x 38.1 mm, the sheet's margins 15.15 mm at the
 * top and 4.65 mm at the sides, 2.5 mm between the columns. */
static void labels(dlg_pdf *pdf, dlg_fonts *fs, const struct addr *a, size_t n)
{
	const double W = 210 * DLG_MM, H = 297 * DLG_MM, lw = 99.1 * DLG_MM, lh = 38.1 * DLG_MM;
	const double top = 15.15 * DLG_MM, left = 4.65 * DLG_MM, gap = 2.5 * DLG_MM;
	const double pad = 5 * DLG_MM;
	for (size_t i = 0; i < n; i++) {
		size_t k = i % 14;
		if (!k)
			dlg_pdf_begin_page(pdf, W, H);
		double x0 = left + (double)(k % 2) * (lw + gap),
		       y0 = H - top - (double)(k / 2) * lh;
		double w = lw - 2 * pad;
		/* the size that fits the label's height */
		double pt = 11;
		for (; pt > 7; pt -= 0.5) {
			int lines = lines_of(fs, DLG_BOLD, pt, w, a[i].line[0]) +
			            lines_of(fs, DLG_REGULAR, pt, w, a[i].line[1]) +
			            lines_of(fs, DLG_REGULAR, pt, w, a[i].line[2]);
			if (lines * pt * 1.25 <= lh - 2 * pad + pt * 0.25)
				break;
		}
		double y = y0 - pad - pt;
		y = text(pdf, fs, DLG_BOLD, pt, x0 + pad, y, w, a[i].line[0]);
		if (*a[i].line[1])
			y = text(pdf, fs, DLG_REGULAR, pt, x0 + pad, y, w, a[i].line[1]);
		text(pdf, fs, DLG_REGULAR, pt, x0 + pad, y, w, a[i].line[2]);
		if (k == 13 || i + 1 == n)
			dlg_pdf_end_page(pdf);
	}
}

int dlg_post_run(const dlg_case *cs, const dlg_post_opts *o)
{
	int status = DLG_EXIT_ERROR;
	dlg_table t = {0};
	struct addr *a = NULL;
	size_t n = 0;
	if (!dlg_rows_load(&t, o->input, o->from))
		goto done;
	if (dlg_table_col(&t, "address") < 0 && dlg_table_col(&t, "village") < 0) {
		dlg_warn_at(t.path, 1,
		            _("no column \"address\" or \"village\": give the list "
		              "dlg-invite or dlg-reply writes (recipients.csv, postal.csv)"));
		goto done;
	}
	a = dlg_xmalloc((t.nrows ? t.nrows : 1) * sizeof *a);
	bool ok = true;
	for (size_t r = 0; r < t.nrows; r++) {
		struct addr x;
		x.line[0] = addressee(&t, r);
		const char *org = dlg_table_val(&t, r, "organization");
		x.line[2] = dlg_postal_complete(cs->conf, dlg_table_val(&t, r, "address"),
		                                dlg_table_val(&t, r, "village"));
		/* the organisation once: not when the addressee or the address names it
		 * already ("Trưởng thôn 1", "Thôn 1, xã ...") */
		bool said = !*dlg_table_val(&t, r, "name") || strstr(x.line[0], org) ||
		            !strncmp(x.line[2], org, strlen(org));
		x.line[1] = dlg_xstrdup(said ? "" : org);
		for (int k = 0; k < 3; k++) {
			char *p = dlg_text_printable(x.line[k]);
			free(x.line[k]);
			x.line[k] = dlg_text_squeeze(p);
		}
		if (!*x.line[0] || !*x.line[2]) {
			dlg_warn_at(t.path, t.line[r],
			            *x.line[0]
			                ? _("no address and no village: the letter cannot be "
			                    "posted")
			                : _("no name and no organization to address it to"));
			ok = false;
		}
		a[n++] = x;
	}
	if (!ok)
		goto done;
	if (!n) {
		dlg_warn(_("%s: no letter to post: nothing written"), t.path);
		status = DLG_EXIT_OK;
		goto done;
	}
	dlg_fonts *fs = dlg_fonts_new(NULL);
	dlg_pdf *pdf = dlg_pdf_new(fs);
	bool lab = !strcmp(o->format, "labels");
	dlg_pdf_set_info(pdf, lab ? "Nhãn địa chỉ" : "Phong bì", o->today);
	if (lab)
		labels(pdf, fs, a, n);
	else
		for (size_t i = 0; i < n; i++)
			envelope(pdf, fs, cs->conf, &a[i], !strcmp(o->format, "c5"));
	bool written;
	if (!strcmp(o->out, "-")) {
		written = dlg_pdf_write(pdf, stdout, _("standard output")) && fflush(stdout) == 0;
	} else {
		written = dlg_pdf_save(pdf, o->out);
	}
	dlg_pdf_free(pdf);
	dlg_fonts_free(fs);
	if (written)
		status = DLG_EXIT_OK;
done:
	for (size_t i = 0; i < n; i++)
		for (int k = 0; k < 3; k++)
			free(a[i].line[k]);
	free(a);
	if (t.path)
		dlg_table_free(&t);
	return status;
}
