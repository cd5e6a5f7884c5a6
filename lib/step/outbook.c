/* The outgoing register listed or printed as a book. */
#include "step/outbook.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/atomic.h"
#include "base/date.h"
#include "base/diag.h"
#include "case/outgoing.h"
#include "doc/font.h"
#include "doc/layout.h"
#include "doc/nd30.h"
#include "doc/pdf.h"
#include "fmt/csv.h"

/* The register's columns as dlg-outgoing lists them. */
static const char *const list_head[] = {
    "symbol", "date", "type_name", "summary", "signer", "recipients", "keeper",   "copies",
    "note",   "year", "seq",       "type",    "doc",    "session",    "recipient"};

static int list_csv(const dlg_outgoing_list *L, const dlg_outbook_opts *o)
{
	dlg_csv_writer *w = dlg_csv_writer_new(stdout, o->excel);
	for (size_t k = 0; k < sizeof list_head / sizeof list_head[0]; k++)
		dlg_csv_write_field(w, list_head[k]);
	for (size_t k = 0; k < L->nextra; k++) /* columns staff or other commands added */
		dlg_csv_write_field(w, L->extra_name[k]);
	dlg_csv_end_row(w);
	for (size_t i = 0; i < L->n; i++) {
		const dlg_outgoing_row *r = &L->row[i];
		if (o->year && r->year != o->year)
			continue;
		char year[24] = "", seq[24] = "";
		if (r->year)
			snprintf(year, sizeof year, "%ld", r->year);
		if (r->seq)
			snprintf(seq, sizeof seq, "%ld", r->seq);
		const char *row[] = {r->symbol, r->date,       r->type_name, r->summary,
		                     r->signer, r->recipients, r->keeper,    r->copies,
		                     r->note,   year,          seq,          r->type,
		                     r->doc,    r->session,    r->recipient};
		for (size_t k = 0; k < sizeof row / sizeof row[0]; k++)
			dlg_csv_write_field(w, row[k]);
		for (size_t k = 0; k < L->nextra; k++)
			dlg_csv_write_field(w, r->extra[k]);
		dlg_csv_end_row(w);
	}
	return dlg_csv_writer_finish(w, "<stdout>") ? DLG_EXIT_OK : DLG_EXIT_ERROR;
}

/* "16/07/2026" from the register's ISO date, else the date as written. */
static void dmy(const char *iso, char *buf, size_t size)
{
	dlg_day d;
	if (dlg_date_parse_loose(iso, &d))
		dlg_date_format_dmy(d, buf);
	else
		snprintf(buf, size, "%s", iso);
}

/* The cover (Appendix IV: the agency, the book's name, the year, the first
 * and last dates and numbers). */
static void cover(dlg_lay *l, const dlg_conf *conf, long year, const dlg_outgoing_row *first,
                  const dlg_outgoing_row *last)
{
	dlg_pstyle c13 = dlg_pstyle_plain(13, DLG_CENTER);
	const char *parent = dlg_conf_get(conf, "office", "agency_parent");
	if (*parent)
		dlg_lay_text(l, &c13, DLG_REGULAR, parent);
	dlg_lay_text(l, &c13, DLG_BOLD, dlg_conf_get(conf, "office", "agency_line1"));
	const char *a2 = dlg_conf_get(conf, "office", "agency_line2");
	if (*a2)
		dlg_lay_text(l, &c13, DLG_BOLD, a2);
	dlg_lay_rule(l, dlg_lay_frame_width(l) * 0.12, DLG_CENTER, 0.6, 2);
	dlg_lay_space(l, 110);
	dlg_pstyle big = dlg_pstyle_plain(26, DLG_CENTER);
	dlg_lay_text(l, &big, DLG_BOLD, "SỔ ĐĂNG KÝ VĂN BẢN ĐI");
	dlg_lay_space(l, 18);
	dlg_pstyle c14 = dlg_pstyle_plain(14, DLG_CENTER);
	char *s = year ? dlg_xasprintf("Năm: %ld", year) : dlg_xstrdup("Năm: ..........");
	dlg_lay_text(l, &c14, DLG_BOLD, s);
	free(s);
	dlg_lay_space(l, 12);
	char a[32] = "..........", b[32] = "..........";
	if (first)
		dmy(first->date, a, sizeof a);
	if (last)
		dmy(last->date, b, sizeof b);
	s = dlg_xasprintf("Từ ngày %s đến ngày %s", a, b);
	dlg_lay_text(l, &c14, DLG_REGULAR, s);
	free(s);
	/* first and last numbers mean something for one sequence only */
	bool one = !strcmp(dlg_conf_get(conf, "numbering", "sequence"), "shared");
	s = dlg_xasprintf("Từ số %s đến số %s", one && first ? first->symbol : "..........",
	                  one && last ? last->symbol : "..........");
	dlg_lay_text(l, &c14, DLG_REGULAR, s);
	free(s);
	dlg_lay_text(l, &c14, DLG_REGULAR, "Quyển số: ..........");
}

/* The register's pages: one table with the columns of Appendix IV. */
static void pages(dlg_lay *l, const dlg_outgoing_list *L, long year)
{
	static const double w[] = {3.2, 2.6, 6.0, 2.4, 5.0, 2.2, 1.4, 2.0};
	static const char *const head[] = {"Số, ký hiệu văn bản",
	                                   "Ngày tháng văn bản",
	                                   "Tên loại và trích yếu nội dung văn bản",
	                                   "Người ký",
	                                   "Nơi nhận văn bản",
	                                   "Đơn vị, người nhận bản lưu",
	                                   "Số lượng bản",
	                                   "Ghi chú"};
	enum { NCOL = 8 };
	dlg_pstyle c14 = dlg_pstyle_plain(14, DLG_CENTER);
	char *title = year ? dlg_xasprintf("SỔ ĐĂNG KÝ VĂN BẢN ĐI NĂM %ld", year)
	                   : dlg_xstrdup("SỔ ĐĂNG KÝ VĂN BẢN ĐI");
	dlg_lay_text(l, &c14, DLG_BOLD, title);
	free(title);
	dlg_lay_space(l, 6);
	dlg_tbl *t = dlg_tbl_new(NCOL, w, 11);
	dlg_tbl_header_text(t, head);
	for (int i = 0; i < NCOL; i++)
		dlg_tbl_align(t, i, i == 2 || i == 4 ? DLG_LEFT : DLG_CENTER);
	for (size_t i = 0; i < L->n; i++) {
		const dlg_outgoing_row *r = &L->row[i];
		if (year && r->year != year)
			continue;
		char date[32];
		dmy(r->date, date, sizeof date);
		dlg_rich *row[NCOL];
		for (int k = 0; k < NCOL; k++)
			row[k] = dlg_rich_new();
		dlg_rich_add(row[0], DLG_REGULAR, r->symbol);
		dlg_rich_add(row[1], DLG_REGULAR, date);
		dlg_rich_add(row[2], DLG_BOLD, r->type_name);
		if (*r->type_name && *r->summary)
			dlg_rich_break(row[2]);
		dlg_rich_add(row[2], DLG_REGULAR, r->summary);
		dlg_rich_add(row[3], DLG_REGULAR, r->signer);
		dlg_rich_add(row[4], DLG_REGULAR, r->recipients);
		dlg_rich_add(row[5], DLG_REGULAR, r->keeper);
		dlg_rich_add(row[6], DLG_REGULAR, r->copies);
		dlg_rich_add(row[7], DLG_REGULAR, r->note);
		dlg_tbl_row(t, (const dlg_rich *const *)row);
		for (int k = 0; k < NCOL; k++)
			dlg_rich_free(row[k]);
	}
	dlg_lay_table(l, t);
	dlg_tbl_free(t);
}

static int print_book(const dlg_case *cs, const dlg_outgoing_list *L, const dlg_outbook_opts *o)
{
	dlg_day today;
	if (!dlg_date_today(o->today, &today))
		return DLG_EXIT_ERROR;
	const dlg_outgoing_row *first = NULL, *last = NULL;
	for (size_t i = 0; i < L->n; i++)
		if (!o->year || L->row[i].year == o->year) {
			if (!first)
				first = &L->row[i];
			last = &L->row[i];
		}
	dlg_fonts *fonts = dlg_fonts_new(NULL);
	dlg_pdf *pdf = dlg_pdf_new(fonts);
	dlg_pdf_set_info(pdf, "Sổ đăng ký văn bản đi", today);
	/* A4 landscape, the margins of Decree 30 turned with the page */
	dlg_geom g = dlg_geom_nd30();
	double pw = g.page_w;
	g.page_w = g.page_h;
	g.page_h = pw;
	g.number_from = 0;
	dlg_lay *l = dlg_lay_new(pdf, fonts, &g);
	cover(l, cs->conf, o->year, first, last);
	dlg_lay_finish(l);
	g.number_from = 2;
	l = dlg_lay_new(pdf, fonts, &g);
	pages(l, L, o->year);
	dlg_lay_finish(l);
	bool ok;
	if (!strcmp(o->pdf, "-")) {
		ok = dlg_pdf_write(pdf, stdout, "<stdout>") && fflush(stdout) == 0;
	} else {
		dlg_atomic a;
		ok = dlg_atomic_begin(&a, o->pdf, DLG_MODE_PERSONAL);
		if (ok && dlg_pdf_write(pdf, a.f, o->pdf))
			ok = dlg_atomic_commit(&a);
		else if (ok) {
			dlg_atomic_abort(&a);
			ok = false;
		}
	}
	dlg_pdf_free(pdf);
	dlg_fonts_free(fonts);
	return ok ? DLG_EXIT_OK : DLG_EXIT_ERROR;
}

int dlg_outbook_run(const dlg_case *cs, const dlg_outbook_opts *o)
{
	dlg_outgoing_list L;
	if (!dlg_outgoing_read(cs, &L)) {
		dlg_outgoing_list_free(&L);
		return DLG_EXIT_ERROR;
	}
	int status = o->pdf ? print_book(cs, &L, o) : list_csv(&L, o);
	dlg_outgoing_list_free(&L);
	return status;
}
