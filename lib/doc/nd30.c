/* Decree 30 frame. Sizes: agency and national title 13 bold, motto 14 bold,
 * place and date 14 italic, type name and summary 14 bold, signature 14
 * bold, "Nơi nhận:" 12 bold italic with entries 11. */
#include "doc/nd30.h"

#include <stdlib.h>
#include <string.h>

#include "base/diag.h"

const dlg_geom dlg_nd30_page = {
    .page_w = 595.28, /* 210 mm in points, rounded as PDF writers print A4 */
    .page_h = 841.89, /* 297 mm */
    .top = 20 * DLG_MM,
    .bottom = 20 * DLG_MM,
    .left = 30 * DLG_MM,
    .right = 15 * DLG_MM,
    .number_from = 2,
    .number_size = 13,
};

const dlg_pstyle dlg_nd30_body = {
    .size = 14,
    .align = DLG_JUSTIFY,
    .first_indent = 12.7 * DLG_MM,
    .after = 6,
    .leading = DLG_LEADING,
};

dlg_geom dlg_geom_nd30(void)
{
	return dlg_nd30_page;
}

dlg_pstyle dlg_pstyle_body(void)
{
	return dlg_nd30_body;
}

/* The proportions of the frame (Appendix I, II and the forms of Appendix I,
 * III), in one place. */
static const struct {
	double agency_size, title_size, motto_size, type_size, date_size, summary_size; /* pt */
	double letter_summary_size, recipients_head_size, recipients_size, signer_size; /* pt */
	double letter_summary_gap;  /* pt between "Số:" and a letter's "V/v" line */
	double recipients_leading;  /* "Nơi nhận" entries, tighter than body text */
	double title_col_max;       /* the national title's column: at most this share */
	double title_col_pad;       /* pt beside the national title */
	double rule_share;          /* the rule under the agency or summary: share of its text */
	double rule_width;          /* its line width, pt */
	double summary_indent;      /* the summary's side indents: share of the frame */
	double summary_rule_max;    /* the summary's text width counted at most this share */
	double sign_cols[2];        /* "Nơi nhận" | signature: shares of the frame */
	double sign_space;          /* room to sign, pt (when the signer gives none) */
	double signature_fill;      /* a signature image fills at most this share of it */
	double signature_max_width; /* ... and of the signature column's width */
} frame = {
    .agency_size = 13,
    .title_size = 13,
    .motto_size = 14,
    .type_size = 14,
    .date_size = 14,
    .summary_size = 14,
    .letter_summary_size = 12,
    .letter_summary_gap = 6,
    .recipients_head_size = 12,
    .recipients_size = 11,
    .signer_size = 14,
    .recipients_leading = 1.15,
    .title_col_max = 0.62,
    .title_col_pad = 16,
    .rule_share = 0.4,
    .rule_width = 0.6,
    .summary_indent = 0.08,
    .summary_rule_max = 0.75,
    .sign_cols = {0.45, 0.55},
    .sign_space = 72,
    .signature_fill = 0.92,
    .signature_max_width = 0.8,
};

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
	dlg_pstyle t = dlg_pstyle_plain(frame.title_size, DLG_CENTER);
	dlg_pstyle m = dlg_pstyle_plain(frame.motto_size, DLG_CENTER);
	dlg_lay_text(l, &t, DLG_BOLD, TITLE);
	dlg_lay_text(l, &m, DLG_BOLD, MOTTO);
	dlg_lay_rule(l, width(l, fs, DLG_BOLD, frame.motto_size, MOTTO), DLG_CENTER,
	             frame.rule_width, 3);
}

void dlg_nd30_header(dlg_lay *l, const dlg_nd30_head *h)
{
	dlg_fonts *fs = dlg_lay_fonts(l);
	double W = dlg_lay_frame_width(l);
	double right = width(l, fs, DLG_BOLD, frame.title_size, TITLE) + frame.title_col_pad;
	if (right > W * frame.title_col_max)
		right = W * frame.title_col_max;
	double cols[2] = {W - right, right};
	dlg_pstyle c13 = dlg_pstyle_plain(frame.agency_size, DLG_CENTER);

	dlg_lay_columns(l, 2, cols);
	if (has(h->agency_parent))
		dlg_lay_text(l, &c13, DLG_REGULAR, h->agency_parent);
	double rule = 0;
	if (has(h->agency1)) {
		dlg_lay_text(l, &c13, DLG_BOLD, h->agency1);
		rule = width(l, fs, DLG_BOLD, frame.agency_size, h->agency1);
	}
	if (has(h->agency2)) {
		dlg_lay_text(l, &c13, DLG_BOLD, h->agency2);
		double w2 = width(l, fs, DLG_BOLD, frame.agency_size, h->agency2);
		if (w2 > rule)
			rule = w2;
	}
	if (rule > cols[0])
		rule = cols[0];
	if (rule > 0)
		dlg_lay_rule(l, rule * frame.rule_share, DLG_CENTER, frame.rule_width, 3);
	dlg_lay_next_column(l);
	motto(l, fs);
	dlg_lay_columns_end(l);

	dlg_lay_columns(l, 2, cols);
	if (h->number) {
		dlg_pdf_set_symbol(dlg_lay_pdf(l), h->number);
		char *s = dlg_xasprintf("Số: %s", h->number);
		dlg_lay_text(l, &c13, DLG_REGULAR, s);
		free(s);
	}
	if (has(h->letter_summary)) {
		/* Appendix I, II.5.b: the V/v line 6 pt below the number */
		dlg_pstyle v = dlg_pstyle_plain(frame.letter_summary_size, DLG_CENTER);
		v.before = h->number ? frame.letter_summary_gap : 0;
		dlg_lay_text(l, &v, DLG_REGULAR, h->letter_summary);
	}
	dlg_lay_next_column(l);
	if (h->has_date) {
		char *s = dlg_nd30_place_date(h->place, h->date, h->blank_date);
		dlg_pstyle i14 = dlg_pstyle_plain(frame.date_size, DLG_CENTER);
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
	dlg_pstyle c = dlg_pstyle_plain(frame.type_size, DLG_CENTER);
	c.keep_with_next = true;
	dlg_lay_space(l, 18);
	if (has(type_name))
		dlg_lay_text(l, &c, DLG_BOLD, type_name);
	double rule = has(type_name) ? width(l, fs, DLG_BOLD, frame.type_size, type_name) : 0;
	if (has(summary)) {
		c.left = c.right = dlg_lay_frame_width(l) * frame.summary_indent;
		dlg_lay_text(l, &c, DLG_BOLD, summary);
		double ws = width(l, fs, DLG_BOLD, frame.summary_size, summary);
		if (ws > rule)
			rule = ws;
	}
	if (rule > dlg_lay_frame_width(l) * frame.summary_rule_max)
		rule = dlg_lay_frame_width(l) * frame.summary_rule_max;
	if (has(summary))
		dlg_lay_rule(l, rule * frame.rule_share, DLG_CENTER, frame.rule_width, 3.5);
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
	                     0,
	                     NULL};
	return s;
}

void dlg_nd30_stamp_free(dlg_nd30_stamp *st)
{
	dlg_image_free(st->signature);
	dlg_image_free(st->seal);
	memset(st, 0, sizeof *st);
}

/* The image named by section.key, its path relative to dir. */
static dlg_image *conf_image(const dlg_conf *conf, const char *dir, const char *section,
                             const char *key)
{
	const char *v = dlg_conf_get(conf, section, key);
	if (!*v) {
		dlg_warn(_("dlg.conf: [%s] %s is not set: the image a digitally signed document "
		           "shows (Decree 30, Appendix I)"),
		         section, key);
		return NULL;
	}
	char *path = *v == '/' || !dir ? dlg_xstrdup(v) : dlg_xasprintf("%s/%s", dir, v);
	dlg_image *img = dlg_image_load_png(path);
	free(path);
	return img;
}

/* A size in millimetres from section.key, 0 when not set. */
static double conf_mm(const dlg_conf *conf, const char *section, const char *key)
{
	const char *v = dlg_conf_get(conf, section, key);
	return *v ? strtod(v, NULL) * DLG_MM : 0;
}

bool dlg_nd30_stamp_load(dlg_nd30_stamp *st, const dlg_conf *conf, const char *dir)
{
	memset(st, 0, sizeof *st);
	st->signature = conf_image(conf, dir, "signer", "signature_image");
	st->seal = st->signature ? conf_image(conf, dir, "office", "seal_image") : NULL;
	if (!st->seal) {
		dlg_nd30_stamp_free(st);
		return false;
	}
	double seal = conf_mm(conf, "office", "seal_mm");
	if (seal <= 0 && st->seal->dpi <= 0) {
		dlg_warn(_("%s: the seal's real size is unknown: set [office] seal_mm in dlg.conf "
		           "(the seal's width in millimetres)"),
		         st->seal->path);
		dlg_nd30_stamp_free(st);
		return false;
	}
	dlg_image_size_pt(st->seal, seal, &st->seal_w, &st->seal_h);
	if (seal > 0) {
		st->seal_w = seal;
		st->seal_h = seal * st->seal->h / st->seal->w;
	}
	double sig = conf_mm(conf, "signer", "signature_mm");
	if (sig > 0) {
		st->signature_w = sig;
		st->signature_h = sig * st->signature->h / st->signature->w;
	} else {
		dlg_image_size_pt(st->signature, 0, &st->signature_w, &st->signature_h);
	}
	return true;
}

/* The room to sign with the images in it: the signature centred, scaled
 * down when it is taller than the room (or has no size of its own); the
 * seal at its real size, centred on the signature's height, its right edge
 * a third of the way into the signature. */
static void stamp_space(dlg_lay *l, const dlg_nd30_stamp *st, double space)
{
	double W = dlg_lay_frame_width(l);
	double sw = st->signature_w, sh = st->signature_h;
	double room = space * frame.signature_fill;
	if (sh <= 0 || sh > room) {
		sw = st->signature->w * room / st->signature->h;
		sh = room;
	}
	if (sw > W * frame.signature_max_width) {
		sh *= W * frame.signature_max_width / sw;
		sw = W * frame.signature_max_width;
	}
	double sx = (W - sw) / 2, sy = (space - sh) / 2;
	double kx = sx + sw / 3 - st->seal_w, ky = space / 2 - st->seal_h / 2;
	dlg_canvas *c = dlg_lay_canvas(l, space);
	dlg_canvas_image(c, st->signature, sx, sy, sw, sh);
	dlg_canvas_image(c, st->seal, kx, ky, st->seal_w, st->seal_h);
	dlg_canvas_sig_field(c, "signer", sx, sy, sw, sh);
	dlg_canvas_sig_field(c, "office", kx, ky, st->seal_w, st->seal_h);
	dlg_canvas_end(c);
}

static void signer_block(dlg_lay *l, const dlg_nd30_signer *s)
{
	dlg_pstyle c = dlg_pstyle_plain(frame.signer_size, DLG_CENTER);
	if (has(s->date_line)) {
		dlg_lay_text(l, &c, DLG_ITALIC, s->date_line);
		dlg_lay_space(l, 2);
	}
	for (int i = 0; i < 4; i++)
		if (has(s->lines[i]))
			dlg_lay_text(l, &c, DLG_BOLD, s->lines[i]);
	if (has(s->note))
		dlg_lay_text(l, &c, DLG_ITALIC, s->note);
	double space = s->sign_space > 0 ? s->sign_space : frame.sign_space;
	if (s->stamp)
		stamp_space(l, s->stamp, space);
	else
		dlg_lay_space(l, space);
	if (has(s->name))
		dlg_lay_text(l, &c, DLG_BOLD, s->name);
}

void dlg_nd30_recipients(dlg_lay *l, const char *const *recipients, size_t n)
{
	dlg_pstyle h = dlg_pstyle_plain(frame.recipients_head_size, DLG_LEFT);
	h.before = 2;
	dlg_lay_text(l, &h, DLG_BOLD_ITALIC, "Nơi nhận:");
	dlg_pstyle e = dlg_pstyle_plain(frame.recipients_size, DLG_LEFT);
	e.leading = frame.recipients_leading;
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
	double cols[2] = {W * frame.sign_cols[0], W * frame.sign_cols[1]};
	dlg_lay_space(l, 6);
	dlg_lay_columns(l, 2, cols);
	if (left)
		left(l, ctx);
	dlg_lay_next_column(l);
	signer_block(l, s);
	dlg_lay_columns_end(l);
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

void dlg_nd30_sign_minutes(dlg_lay *l, const char *left_title, const char *left_name,
                           const char *right_title, const char *right_name)
{
	dlg_nd30_signer a = {.lines = {left_title ? left_title : "THƯ KÝ"}, .name = left_name};
	dlg_nd30_signer b = {.lines = {right_title ? right_title : "CHỦ TỌA"}, .name = right_name};
	dlg_nd30_sign2(l, &a, &b);
}
