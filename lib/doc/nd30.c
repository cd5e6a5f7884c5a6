/* Decree 30 frame. Sizes: agency and national title 13 bold, motto 14 bold,
 * place and date 14 italic, type name and summary 14 bold, signature 14
 * bold, "Nơi nhận:" 12 bold italic with entries 11. */
#include "doc/nd30.h"

#include <stdlib.h>
#include <string.h>

#include "base/diag.h"

#define TITLE "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
#define MOTTO "Độc lập - Tự do - Hạnh phúc"

void dlg_nd30_head_init(dlg_nd30_head *h, const dlg_conf *conf)
{
	memset(h, 0, sizeof *h);
	h->agency_parent = dlg_conf_get(conf, "office", "agency_parent");
	h->agency1 = dlg_conf_get(conf, "office", "agency_line1");
	h->agency2 = dlg_conf_get(conf, "office", "agency_line2");
	h->place = dlg_conf_get(conf, "office", "place");
	h->has_date = true;
}

char *dlg_nd30_place_date(const char *place, dlg_day date, bool blank)
{
	if (blank) {
		int y, m, d;
		dlg_date_to_ymd(date, &y, &m, &d);
		return dlg_xasprintf("%s%sngày ..... tháng ..... năm %d", place ? place : "",
		                     place && *place ? ", " : "", y);
	}
	char buf[64];
	dlg_date_format_vi(date, buf, sizeof buf);
	return dlg_xasprintf("%s%s%s", place ? place : "", place && *place ? ", " : "", buf);
}

static bool has(const char *s)
{
	return s && *s;
}

static double width(dlg_lay *l, dlg_fonts *fs, int style, double size, const char *s)
{
	(void)l;
	return dlg_fonts_width(fs, style, size, s, strlen(s));
}

/* The motto with a rule of its own length under it. */
static void motto(dlg_lay *l, dlg_fonts *fs)
{
	dlg_pstyle c13 = dlg_pstyle_plain(13, DLG_CENTER), c14 = dlg_pstyle_plain(14, DLG_CENTER);
	dlg_lay_text(l, &c13, DLG_BOLD, TITLE);
	dlg_lay_text(l, &c14, DLG_BOLD, MOTTO);
	dlg_lay_rule(l, width(l, fs, DLG_BOLD, 14, MOTTO), DLG_CENTER, 0.6, 3);
}

void dlg_nd30_header(dlg_lay *l, const dlg_nd30_head *h)
{
	dlg_fonts *fs = dlg_lay_fonts(l);
	double W = dlg_lay_frame_width(l);
	double right = width(l, fs, DLG_BOLD, 13, TITLE) + 16;
	if (right > W * 0.62)
		right = W * 0.62;
	double cols[2] = {W - right, right};
	dlg_pstyle c13 = dlg_pstyle_plain(13, DLG_CENTER);

	dlg_lay_columns(l, 2, cols);
	if (has(h->agency_parent))
		dlg_lay_text(l, &c13, DLG_REGULAR, h->agency_parent);
	double rule = 0;
	if (has(h->agency1)) {
		dlg_lay_text(l, &c13, DLG_BOLD, h->agency1);
		rule = width(l, fs, DLG_BOLD, 13, h->agency1);
	}
	if (has(h->agency2)) {
		dlg_lay_text(l, &c13, DLG_BOLD, h->agency2);
		double w2 = width(l, fs, DLG_BOLD, 13, h->agency2);
		if (w2 > rule)
			rule = w2;
	}
	if (rule > cols[0])
		rule = cols[0];
	if (rule > 0)
		dlg_lay_rule(l, rule * 0.4, DLG_CENTER, 0.6, 3);
	dlg_lay_next_column(l);
	motto(l, fs);
	dlg_lay_columns_end(l);

	dlg_lay_columns(l, 2, cols);
	if (h->number) {
		char *s = dlg_xasprintf("Số: %s", h->number);
		dlg_lay_text(l, &c13, DLG_REGULAR, s);
		free(s);
	}
	if (has(h->letter_summary)) {
		dlg_pstyle v = dlg_pstyle_plain(12, DLG_CENTER);
		dlg_lay_text(l, &v, DLG_REGULAR, h->letter_summary);
	}
	dlg_lay_next_column(l);
	if (h->has_date) {
		char *s = dlg_nd30_place_date(h->place, h->date, h->blank_date);
		dlg_pstyle i14 = dlg_pstyle_plain(14, DLG_CENTER);
		dlg_lay_text(l, &i14, DLG_ITALIC, s);
		free(s);
	}
	dlg_lay_columns_end(l);
	dlg_nd30_title(l, h->type_name, h->summary);
}

void dlg_nd30_national(dlg_lay *l)
{
	motto(l, dlg_lay_fonts(l));
}

void dlg_nd30_title(dlg_lay *l, const char *type_name, const char *summary)
{
	if (!has(type_name) && !has(summary)) {
		dlg_lay_space(l, 12);
		return;
	}
	dlg_fonts *fs = dlg_lay_fonts(l);
	dlg_pstyle c = dlg_pstyle_plain(14, DLG_CENTER);
	c.keep_with_next = true;
	dlg_lay_space(l, 18);
	if (has(type_name))
		dlg_lay_text(l, &c, DLG_BOLD, type_name);
	double rule = has(type_name) ? width(l, fs, DLG_BOLD, 14, type_name) : 0;
	if (has(summary)) {
		c.left = c.right = dlg_lay_frame_width(l) * 0.08;
		dlg_lay_text(l, &c, DLG_BOLD, summary);
		double ws = width(l, fs, DLG_BOLD, 14, summary);
		if (ws > rule)
			rule = ws;
	}
	if (rule > dlg_lay_frame_width(l) * 0.75)
		rule = dlg_lay_frame_width(l) * 0.75;
	if (has(summary))
		dlg_lay_rule(l, rule * 0.4, DLG_CENTER, 0.6, 3.5);
	dlg_lay_space(l, 10);
}

dlg_nd30_signer dlg_nd30_signer_conf(const dlg_conf *conf)
{
	dlg_nd30_signer s = {NULL,
	                     {dlg_conf_get(conf, "signer", "authority"),
	                      dlg_conf_get(conf, "signer", "deputy"),
	                      dlg_conf_get(conf, "signer", "title"), NULL},
	                     NULL,
	                     dlg_conf_get(conf, "signer", "name"),
	                     0};
	return s;
}

static void signer_block(dlg_lay *l, const dlg_nd30_signer *s)
{
	dlg_pstyle c = dlg_pstyle_plain(14, DLG_CENTER);
	if (has(s->date_line)) {
		dlg_lay_text(l, &c, DLG_ITALIC, s->date_line);
		dlg_lay_space(l, 2);
	}
	for (int i = 0; i < 4; i++)
		if (has(s->lines[i]))
			dlg_lay_text(l, &c, DLG_BOLD, s->lines[i]);
	if (has(s->note))
		dlg_lay_text(l, &c, DLG_ITALIC, s->note);
	dlg_lay_space(l, s->sign_space > 0 ? s->sign_space : 72);
	if (has(s->name))
		dlg_lay_text(l, &c, DLG_BOLD, s->name);
}

void dlg_nd30_recipients(dlg_lay *l, const char *const *recipients, size_t n)
{
	dlg_pstyle h = dlg_pstyle_plain(12, DLG_LEFT);
	h.before = 2;
	dlg_lay_text(l, &h, DLG_BOLD_ITALIC, "Nơi nhận:");
	dlg_pstyle e = dlg_pstyle_plain(11, DLG_LEFT);
	e.leading = 1.15;
	for (size_t i = 0; i < n; i++) {
		char *t = dlg_xasprintf("- %s", recipients[i]);
		dlg_lay_text(l, &e, DLG_REGULAR, t);
		free(t);
	}
}

void dlg_nd30_sign_with(dlg_lay *l, const dlg_nd30_signer *s, void (*left)(dlg_lay *, void *),
                        void *ctx)
{
	double W = dlg_lay_frame_width(l);
	double cols[2] = {W * 0.45, W * 0.55};
	dlg_lay_space(l, 6);
	dlg_lay_columns(l, 2, cols);
	if (left)
		left(l, ctx);
	dlg_lay_next_column(l);
	signer_block(l, s);
	dlg_lay_columns_end(l);
}

struct rec_list {
	const char *const *v;
	size_t n;
};

static void rec_left(dlg_lay *l, void *ctx)
{
	struct rec_list *r = ctx;
	dlg_nd30_recipients(l, r->v, r->n);
}

void dlg_nd30_sign(dlg_lay *l, const dlg_nd30_signer *s, const char *const *recipients,
                   size_t nrecipients)
{
	struct rec_list r = {recipients, nrecipients};
	dlg_nd30_sign_with(l, s, recipients ? rec_left : NULL, &r);
}

void dlg_nd30_sign2(dlg_lay *l, const dlg_nd30_signer *left, const dlg_nd30_signer *right)
{
	dlg_lay_space(l, 6);
	dlg_lay_columns(l, 2, NULL);
	signer_block(l, left);
	dlg_lay_next_column(l);
	signer_block(l, right);
	dlg_lay_columns_end(l);
}
