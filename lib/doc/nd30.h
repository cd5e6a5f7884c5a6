/* The Decree 30/2020/NĐ-CP frame (Appendix I) on top of the layout engine:
 * the header block, the type name and summary, signature blocks and the
 * "Nơi nhận" list (DESIGN §6). */
#ifndef DLG_DOC_ND30_H
#define DLG_DOC_ND30_H

#include <stdbool.h>
#include <stddef.h>

#include "fmt/conf.h"
#include "base/date.h"
#include "doc/image.h"
#include "doc/layout.h"

/* The page (Appendix I, I.5): A4 portrait (210 x 297 mm), margins top
 * 20 mm, bottom 20 mm, left 30 mm, right 15 mm; page numbers from page 2,
 * 13 pt, centred in the top margin. */
extern const dlg_geom dlg_nd30_page;

/* Body text (Appendix I, I.6): 14 pt, justified, first line indented
 * 1.27 cm, 6 pt after each paragraph, single line spacing (1.2). */
extern const dlg_pstyle dlg_nd30_body;

/* The page and the body style as values (copies of the two above). */
dlg_geom dlg_geom_nd30(void);
dlg_pstyle dlg_pstyle_body(void);

typedef struct {
	const char *agency_parent;  /* optional line above the agency, regular caps */
	const char *agency1;        /* agency name, bold caps: "ỦY BAN NHÂN DÂN" */
	const char *agency2;        /* its second line: "XÃ LIÊN MINH" (may be NULL) */
	const char *number;         /* "05/GM-UBND" printed as "Số: 05/GM-UBND"; NULL: no line */
	const char *letter_summary; /* a letter's "V/v ..." under the number, or NULL */
	const char *place;          /* "Liên Minh" */
	bool has_date;              /* false: no place-and-date line (minutes) */
	bool blank_date;            /* "ngày ... tháng ... năm YYYY" left blank to fill in */
	dlg_day date;
	const char *type_name; /* "GIẤY MỜI", NULL for a letter */
	const char *summary;   /* bold, centred under the type name, or NULL */
} dlg_nd30_head;

/* Fill agency, place and number-less defaults from [office] of conf. The
 * strings belong to conf. */
void dlg_nd30_head_init(dlg_nd30_head *h, const dlg_conf *conf);

/* Draw the header: agency and number on the left, national title, motto
 * and the italic place-and-date line on the right; then the type name and
 * summary centred with a short rule. */
void dlg_nd30_header(dlg_lay *l, const dlg_nd30_head *h);

/* The national title and motto centred across the page, with the motto's
 * rule (forms that have no agency header, such as the registration form). */
void dlg_nd30_national(dlg_lay *l);

/* The type name and summary alone (used by dlg_nd30_header). */
void dlg_nd30_title(dlg_lay *l, const char *type_name, const char *summary);

/* The images of a digitally signed document (Decree 30 Appendix I, II.7):
 * the signer's signature (blue, transparent PNG) centred between the
 * signer's title and name, and the office's seal (red, transparent PNG) at
 * its real size over about the left third of the signature. Each has an
 * empty signature field over it ("signer", "office") that dlg-sign fills. */
typedef struct {
	dlg_image *signature;
	double signature_w, signature_h; /* points; scaled down to fit the space */
	dlg_image *seal;
	double seal_w, seal_h; /* points, the seal's real size */
} dlg_nd30_stamp;

/* Load [signer] signature_image and [office] seal_image of conf (paths
 * relative to the folder dir) with their sizes: the seal's from [office]
 * seal_mm, else from the PNG's declared resolution; the signature's from
 * [signer] signature_mm (its width), else the PNG's resolution, else the
 * width that fills the signing space. false after a diagnostic naming the
 * key or file when one is missing, unreadable, or the seal's real size is
 * unknown. Free with dlg_nd30_stamp_free. */
bool dlg_nd30_stamp_load(dlg_nd30_stamp *st, const dlg_conf *conf, const char *dir);
void dlg_nd30_stamp_free(dlg_nd30_stamp *st);

typedef struct {
	const char *date_line; /* an italic place-and-date line above the block, or NULL */
	const char *lines[4]; /* capital lines: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", ... */
	const char *note;  /* an italic line under them, e.g. "(Ký, ghi rõ họ tên)", or NULL */
	const char *name;  /* the signer's name, bold; NULL: left blank */
	double sign_space; /* room to sign, pt; 0 means 72 */
	const dlg_nd30_stamp *stamp; /* images in the room to sign, or NULL (paper) */
} dlg_nd30_signer;

/* The [signer] of conf (strings belong to conf). */
dlg_nd30_signer dlg_nd30_signer_conf(const dlg_conf *conf);

/* The signature block on the right and, on its left, what left(l, ctx) draws
 * (a "Nơi nhận" list, a QR code on a form; NULL: nothing), kept together on
 * one page. */
void dlg_nd30_sign_with(dlg_lay *l, const dlg_nd30_signer *s, void (*left)(dlg_lay *, void *),
                        void *ctx);

/* The "Nơi nhận:" list alone, in the current frame. */
void dlg_nd30_recipients(dlg_lay *l, const char *const *recipients, size_t n);

/* The minutes' variant: two signature blocks, left (THƯ KÝ) and right
 * (CHỦ TỌA), side by side. */
void dlg_nd30_sign2(dlg_lay *l, const dlg_nd30_signer *left, const dlg_nd30_signer *right);

/* The minutes' signatures (Decree 30 form 1.9): the secretary (left_title,
 * NULL: "THƯ KÝ") and the chair (right_title, NULL: "CHỦ TỌA"); names may be
 * NULL (left blank to write by hand). */
void dlg_nd30_sign_minutes(dlg_lay *l, const char *left_title, const char *left_name,
                           const char *right_title, const char *right_name);

/* "Liên Minh, ngày 05 tháng 02 năm 2026" (or with blanks when blank is
 * true), malloc'd; the caller frees it. */
char *dlg_nd30_place_date(const char *place, dlg_day date, bool blank);

#endif
