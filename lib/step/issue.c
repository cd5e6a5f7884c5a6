/* A document's number from the outgoing register. */
#include "step/issue.h"

#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "base/text.h"

/* Decree 30, Appendix III: type names and their abbreviations. */
static const char *const types[][3] = {
    {"nghi quyet", "NQ", "Nghị quyết"},
    {"quyet dinh", "QĐ", "Quyết định"},
    {"chi thi", "CT", "Chỉ thị"},
    {"quy che", "QC", "Quy chế"},
    {"quy dinh", "QyĐ", "Quy định"},
    {"thong cao", "TC", "Thông cáo"},
    {"thong bao", "TB", "Thông báo"},
    {"huong dan", "HD", "Hướng dẫn"},
    {"chuong trinh", "CTr", "Chương trình"},
    {"ke hoach", "KH", "Kế hoạch"},
    {"phuong an", "PA", "Phương án"},
    {"de an", "ĐA", "Đề án"},
    {"du an", "DA", "Dự án"},
    {"bao cao", "BC", "Báo cáo"},
    {"bien ban", "BB", "Biên bản"},
    {"to trinh", "TTr", "Tờ trình"},
    {"hop dong", "HĐ", "Hợp đồng"},
    {"cong dien", "CĐ", "Công điện"},
    {"ban ghi nho", "GN", "Bản ghi nhớ"},
    {"ban thoa thuan", "TTh", "Bản thỏa thuận"},
    {"giay uy quyen", "GUQ", "Giấy ủy quyền"},
    {"giay moi", "GM", "Giấy mời"},
    {"giay gioi thieu", "GGT", "Giấy giới thiệu"},
    {"giay nghi phep", "GNP", "Giấy nghỉ phép"},
    {"phieu gui", "PG", "Phiếu gửi"},
    {"phieu chuyen", "PC", "Phiếu chuyển"},
    {"phieu bao", "PB", "Phiếu báo"},
};

static long type_index(const char *type_name)
{
	char *f = dlg_text_fold(type_name);
	long k = -1;
	for (size_t i = 0; i < sizeof types / sizeof types[0] && k < 0; i++)
		if (!strcmp(f, types[i][0]))
			k = (long)i;
	free(f);
	return k;
}

const char *dlg_issue_type_abbrev(const char *type_name)
{
	long k = type_index(type_name);
	return k < 0 ? NULL : types[k][1];
}

const char *dlg_issue_type_display(const char *type_name)
{
	long k = type_index(type_name);
	return k < 0 ? NULL : types[k][2];
}

char *dlg_issue_summary(const dlg_tmpl *t, const dlg_tmpl_data *d)
{
	if (dlg_tmpl_meta(t, "letter_summary"))
		return dlg_tmpl_meta_fill(t, "letter_summary", d);
	if (dlg_tmpl_meta(t, "summary"))
		return dlg_tmpl_meta_fill(t, "summary", d);
	return dlg_tmpl_title(t, d);
}

char *dlg_issue_recipients(const dlg_tmpl *t, const dlg_tmpl_data *d)
{
	char *rec = dlg_tmpl_recipients(t, d);
	static const char same[] = "Như trên";
	if (!rec || strncmp(rec, same, sizeof same - 1) || !dlg_tmpl_meta(t, "to"))
		return rec;
	char *to = dlg_tmpl_meta_fill(t, "to", d);
	if (!to || !*to) {
		free(to);
		return rec;
	}
	char *out = dlg_xasprintf("%s%s", to, rec + sizeof same - 1);
	free(to);
	free(rec);
	return out;
}

bool dlg_issue_one(const dlg_case *cs, const dlg_tmpl *t, const dlg_tmpl_data *d,
                   const dlg_outgoing_doc *doc, const char *number, dlg_outgoing_no *out)
{
	dlg_outgoing_doc x = *doc;
	char *summary = NULL, *recipients = NULL;
	if (!x.summary && !(x.summary = summary = dlg_issue_summary(t, d)))
		return false;
	if (!x.recipients && !(x.recipients = recipients = dlg_issue_recipients(t, d))) {
		free(summary);
		return false;
	}
	bool ok = dlg_outgoing_reserve(cs, &x, 1, number, out);
	free(summary);
	free(recipients);
	return ok;
}

bool dlg_issue_many(const dlg_case *cs, const dlg_tmpl *t, const dlg_tmpl_data *d, size_t n,
                    dlg_issue_fill_fn fill, void *ctx, const char *number, dlg_outgoing_no *out)
{
	if (!n)
		return true;
	dlg_outgoing_doc *docs = dlg_xcalloc(n, sizeof *docs);
	char **own = dlg_xcalloc(2 * n, sizeof *own);
	bool ok = true;
	for (size_t i = 0; i < n && ok; i++) {
		dlg_outgoing_doc *doc = &docs[i];
		fill(ctx, i, doc);
		/* both, so that the template's every fault is told at once */
		if (!doc->summary)
			ok &= (doc->summary = own[2 * i] = dlg_issue_summary(t, d)) != NULL;
		if (!doc->recipients)
			ok &=
			    (doc->recipients = own[2 * i + 1] = dlg_issue_recipients(t, d)) != NULL;
	}
	if (ok)
		ok = dlg_outgoing_reserve(cs, docs, n, number, out);
	for (size_t k = 0; k < 2 * n; k++)
		free(own[k]);
	free(own);
	free(docs);
	return ok;
}

/* The batch's drawing function for a dlg_issue_doc. */
static bool render(void *ctx, size_t i, dlg_pdf *pdf, dlg_lay *l)
{
	(void)i;
	(void)pdf;
	const dlg_issue_doc *x = ctx;
	return dlg_tmpl_render(x->t, l, x->d) && (!x->ok || *x->ok);
}

int dlg_issue_write(const dlg_case *cs, const dlg_issue_doc *x, char **symbol)
{
	if (symbol)
		*symbol = NULL;
	dlg_outgoing_no no;
	if (!dlg_issue_one(cs, x->t, x->d, &x->doc, x->number, &no))
		return DLG_EXIT_ERROR;
	dlg_fields_set(x->f, "number", "%s", no.num);
	if (symbol)
		*symbol = dlg_xstrdup(no.symbol);
	dlg_outgoing_no_free(&no, 1);
	char *title = dlg_tmpl_title(x->t, x->d);
	dlg_fonts *fonts = x->fonts ? x->fonts : dlg_fonts_new(NULL);
	dlg_batch b = {x->out, NULL, NULL, title, x->today, fonts};
	int status = dlg_batch_run(&b, 1, render, (void *)x);
	if (!x->fonts)
		dlg_fonts_free(fonts);
	free(title);
	return status;
}
