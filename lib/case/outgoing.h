/* The outgoing register (sổ đăng ký văn bản đi, Decree 30/2020/NĐ-CP art. 15
 * and Appendix IV): the record in the case folder from which every document
 * the office issues takes its number.
 *
 * The record is a CSV file, [files] outgoing of dlg.conf (outgoing.csv), one
 * row per document, with the columns of Appendix IV first:
 *
 *   symbol      số, ký hiệu văn bản: "08/BB-UBND", "12/UBND-VP"
 *   date        ngày tháng văn bản (YYYY-MM-DD)
 *   type_name   tên loại văn bản: "Biên bản", "Công văn"
 *   summary     trích yếu nội dung
 *   signer      người ký
 *   recipients  nơi nhận văn bản
 *   keeper      đơn vị, người nhận bản lưu ("VT, VP")
 *   copies      số lượng bản
 *   note        ghi chú ("số do người dùng chọn (--number)", ...)
 *
 * then the columns that find a document again and keep numbers apart:
 *
 *   year        the calendar year of the number (numbers run from 01 each year)
 *   seq         the number itself: 8
 *   type        the Decree 30 abbreviation of the type: GM, BB, TB, BC, PC;
 *               empty for a letter (công văn), whose symbol is AGENCY-OFFICE
 *   doc         what dlg document it is: invite, invite-departments, minutes,
 *               notice, reply, report, slip, ... (the caller's name)
 *   session     the conference it belongs to (sessions.csv id), or empty
 *   recipient   the one recipient of a document made for each recipient
 *               (reg_id, department code, ...), empty for one document to many
 *
 * A document is (doc, session, recipient): issuing it again (regenerating the
 * PDF) gives back its number and changes nothing in the register. A new
 * document takes the next number of its sequence in the year of its date;
 * no number is ever given twice in a sequence and year, and rows staff add
 * by hand (numbers issued outside dlg) count. The sequence is the type
 * ([numbering] sequence = type, the default) or one for every type
 * ([numbering] sequence = shared). [numbering] year and the per-document keys
 * (invite = 112, ...) or, with a shared sequence, [numbering] first say where
 * the office's register already stood in that year: dlg starts there.
 *
 * Columns staff add, and every edit they make, are kept. The register is
 * changed under a lock (a file ".LOCK" of its own beside it, so callers that
 * hold the folder's lock can still reserve) and replaced atomically; it is
 * created readable by its owner only (it names the recipients). Numbers print
 * with at least two digits: "08".
 *
 * Typical use (a command that issues one document per registrant):
 *
 *     dlg_outgoing_doc d[n];   // fill doc, type, session, recipient, date, ...
 *     dlg_outgoing_no no[n];
 *     if (!dlg_outgoing_reserve(c, d, n, opt_number, no)) return error;
 *     ... print no[i].num ("08") where the template says {{number}} ...
 *     dlg_outgoing_no_free(no, n);
 */
#ifndef DLG_CASE_OUTGOING_H
#define DLG_CASE_OUTGOING_H

#include <stdbool.h>
#include <stddef.h>

#include "base/date.h"
#include "case/folder.h"

/* One document to register. Strings belong to the caller and are copied. */
typedef struct {
	const char *doc;        /* what document: "minutes", "reply", ... (required) */
	const char *type;       /* Decree 30 abbreviation "GM", "BB", ...; "" or NULL: a letter */
	const char *type_name;  /* "Giấy mời", "Công văn", ... (the register's column) */
	const char *session;    /* conference id, or NULL */
	const char *recipient;  /* one recipient's key (reg_id, dept code), or NULL */
	dlg_day date;           /* the document's date; its year is the number's year */
	const char *summary;    /* trích yếu, or NULL */
	const char *recipients; /* nơi nhận as the register shows it, or NULL */
	const char *signer;     /* NULL: [signer] name of dlg.conf */
	const char *keeper;     /* bản lưu; NULL: "VT, " + [office] office_short */
	const char *unit;       /* a unit of the agency that issues it ("VP": symbol
	                           "08/BC-VP", same sequence as the type's); NULL: the agency */
	long copies;            /* số lượng bản (0: left empty) */
} dlg_outgoing_doc;

/* The number a document got. */
typedef struct {
	long seq;     /* 8 */
	long year;    /* 2026 */
	char num[24]; /* "08": what a template's {{number}} prints */
	char *symbol; /* "08/BB-UBND" (owned; dlg_outgoing_no_free) */
	bool existed; /* the document was registered before (regenerated) */
} dlg_outgoing_no;

/* Register the n documents docs[0..n-1] of one command run, all under one
 * lock and in one atomic replacement of the register, and set out[i] to each
 * one's number. A document already registered keeps its number. number is
 * --number: NULL for the register's next numbers, else a positive whole
 * number given to the first new document, the next ones taking the numbers
 * after it; a number that is not a positive whole number, that the register
 * already holds in that sequence and year, or that differs from the number a
 * regenerated document already has, is an error. Bad register rows, a bad
 * [numbering] and a failed write are errors too, reported with file and line:
 * false then, nothing changed, out[] not set. */
bool dlg_outgoing_reserve(const dlg_case *c, const dlg_outgoing_doc *docs, size_t n,
                          const char *number, dlg_outgoing_no *out);

/* Find a registered document without changing anything: 1 and *out set
 * (free it with dlg_outgoing_no_free), 0 when it is not registered, -1 after
 * a diagnostic (an unreadable register). session and recipient may be NULL. */
int dlg_outgoing_lookup(const dlg_case *c, const char *doc, const char *session,
                        const char *recipient, dlg_outgoing_no *out);

/* Record value in column of the registered document (doc, session,
 * recipient), e.g. the time it was signed ("signed"): the column is added
 * to the register when it has none; other columns and rows are kept. Under
 * the register's lock, replaced atomically; nothing changes when the value
 * is already there. false after a diagnostic: the document is not
 * registered, column is one of the register's own, or a write failed. */
bool dlg_outgoing_set(const dlg_case *c, const char *doc, const char *session,
                      const char *recipient, const char *column, const char *value);

/* Free the symbols of out[0..n-1]. */
void dlg_outgoing_no_free(dlg_outgoing_no *out, size_t n);

/* "08/BB-UBND" for type "BB" and seq 8; a letter (type "" or NULL):
 * "08/UBND-VP" from [office] agency_short and office_short. malloc'd. */
char *dlg_outgoing_symbol(const dlg_conf *conf, const char *type, long seq);

/* Record in the register that the document numbered symbol ("08/BB-UBND")
 * in year (0: the latest year that has it) was signed digitally by role
 * ("office": the office's signature, which issues it; "signer": the
 * signer's) at when (ISO 8601 in Vietnam time, "2026-10-26T09:15:30+07:00"),
 * in the column signed_ROLE, added when the register lacks it. Under the
 * register's lock, replaced atomically, every other cell kept; the same
 * time twice changes nothing. 1 when recorded, 0 when the register has no
 * such number (a number given by hand: the caller says so), -1 after a
 * diagnostic. */
int dlg_outgoing_signed(const dlg_case *c, const char *symbol, long year, const char *role,
                        const char *when);

/* One row of the register as read, for listing it (dlg_outgoing_read). */
typedef struct {
	char *symbol, *date, *type_name, *summary, *signer, *recipients, *keeper, *copies, *note,
	    *doc, *session, *recipient, *type;
	long year, seq;
	long line;    /* line in the file */
	char **extra; /* the values of the list's extra columns */
} dlg_outgoing_row;

typedef struct {
	char *path; /* the register's path (owned) */
	dlg_outgoing_row *row;
	size_t n;
	char **extra_name; /* columns staff or other commands added ("signed") */
	size_t nextra;
} dlg_outgoing_list;

/* Read the whole register (sorted by year, then as written), e.g. to print
 * the register book. A missing register is an empty list. false after a
 * diagnostic. Free with dlg_outgoing_list_free. */
bool dlg_outgoing_read(const dlg_case *c, dlg_outgoing_list *list);
void dlg_outgoing_list_free(dlg_outgoing_list *list);

#endif
