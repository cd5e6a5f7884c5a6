/* Reading a PDF back: the objects of a file with classic cross-reference
 * tables (what dlg_pdf writes, and the incremental updates dlg-sign appends
 * to it), parsed into a small tree that can be changed and written again.
 * Cross-reference streams and object streams (PDF 1.5 compression) are not
 * read: such a file is refused with a message. */
#ifndef DLG_DOC_PDFREAD_H
#define DLG_DOC_PDFREAD_H

#include <stdbool.h>
#include <stddef.h>

#include "base/sbuf.h"

enum {
	DLG_PO_NULL,
	DLG_PO_BOOL,
	DLG_PO_NUM,
	DLG_PO_NAME,
	DLG_PO_STR,
	DLG_PO_ARRAY,
	DLG_PO_DICT,
	DLG_PO_REF,
	DLG_PO_STREAM,
};

/* A PDF object. Arrays hold their elements in kid; dictionaries hold keys
 * (DLG_PO_NAME) and values alternately; a stream holds its dictionary in
 * kid[0] and its bytes, still encoded, in s. Numbers and names keep their
 * text in s, strings their bytes. */
typedef struct dlg_po {
	int kind;
	bool b;
	char *s;
	size_t len;
	struct dlg_po **kid;
	size_t n;
	int num, gen; /* a reference */
} dlg_po;

void dlg_po_free(dlg_po *o);
/* New objects (owned by the caller or by the array or dictionary they are
 * put into). */
dlg_po *dlg_po_name(const char *name);
dlg_po *dlg_po_ref(int num);
dlg_po *dlg_po_int(long v);
/* The value of key in dictionary d (a stream's dictionary for a stream), or
 * NULL. Owned by d. */
dlg_po *dlg_po_get(const dlg_po *d, const char *key);
/* Set key of dictionary d to v (taking it), replacing an old value. */
void dlg_po_set(dlg_po *d, const char *key, dlg_po *v);
/* Append v (taken) to array a. */
void dlg_po_push(dlg_po *a, dlg_po *v);
/* A copy of o, every reference renumbered by map(ctx, num) (NULL: kept). */
dlg_po *dlg_po_copy(const dlg_po *o, int (*map)(void *ctx, int num), void *ctx);
/* True when o is the name name. */
bool dlg_po_is_name(const dlg_po *o, const char *name);
/* o's value as a number (0 unless DLG_PO_NUM). */
double dlg_po_num(const dlg_po *o);

/* Append o in PDF syntax to b (a stream with its "stream ... endstream"). */
void dlg_po_write(dlg_sbuf *b, const dlg_po *o);

typedef struct {
	const unsigned char *buf; /* the file's bytes (borrowed) */
	size_t len;
	long *off;        /* per object number: offset of its newest version, 0: none */
	int size;         /* object numbers below this */
	dlg_po *trailer;  /* the newest trailer dictionary */
	long startxref;   /* offset of the newest cross-reference table */
	const char *name; /* for messages */
} dlg_pdfdoc;

/* Read the cross-reference tables of the PDF in buf[0..len) (newest first,
 * following /Prev). false after a diagnostic naming name when it is not a
 * PDF this module reads. Free with dlg_pdfdoc_free; buf must outlive d. */
bool dlg_pdfdoc_open(dlg_pdfdoc *d, const unsigned char *buf, size_t len, const char *name);
void dlg_pdfdoc_free(dlg_pdfdoc *d);

/* Object num, parsed (the caller frees it), or NULL after a diagnostic. */
dlg_po *dlg_pdfdoc_get(const dlg_pdfdoc *d, int num);

/* o itself, or the object it refers to when it is a reference: *owned is
 * set to what the caller must free (NULL when nothing). NULL after a
 * diagnostic when the reference cannot be read. */
dlg_po *dlg_pdfdoc_resolve(const dlg_pdfdoc *d, dlg_po *o, dlg_po **owned);

/* Parse one object from s[0..len) (no "N 0 obj" around it); NULL when it is
 * not one. Exposed for tests. */
dlg_po *dlg_po_parse(const unsigned char *s, size_t len);

#endif
