/* The incremental update of a signature. The new and changed objects are
 * collected with their numbers, written after the old file, then the
 * /ByteRange is filled in and the CMS signature of the bytes around the
 * /Contents hole written into the hole. */
#include "doc/pdfsign.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "base/diag.h"
#include "base/text.h"
#include "doc/pdfread.h"

void dlg_vn_iso8601(time_t t, char *buf)
{
	time_t v = t + 7 * 3600;
	struct tm tm;
	gmtime_r(&v, &tm);
	char s[80];
	snprintf(s, sizeof s, "%04d-%02d-%02dT%02d:%02d:%02d+07:00", tm.tm_year + 1900,
	         tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
	memcpy(buf, s, 26); /* 25 characters and the NUL for any year 1000-9999 */
}

/* Objects of the update, in the order they are numbered. */
struct update {
	int next;     /* the next free object number */
	dlg_po **obj; /* by index: the object (NULL: the signature dictionary) */
	int *num;
	size_t n;
	/* copying the appearance's objects from its own PDF */
	const dlg_pdfdoc *from;
	int *map; /* from's numbers to ours, 0: not copied yet */
	bool ok;
};

static int add_obj(struct update *u, int num, dlg_po *o)
{
	u->obj = dlg_xrealloc(u->obj, (u->n + 1) * sizeof *u->obj);
	u->num = dlg_xrealloc(u->num, (u->n + 1) * sizeof *u->num);
	u->obj[u->n] = o;
	u->num[u->n] = num ? num : u->next++;
	return u->num[u->n++];
}

/* A reference of the appearance's PDF, renumbered: its object is copied
 * (with what it refers to) the first time. */
static int map_ref(void *ctx, int num)
{
	struct update *u = ctx;
	if (num <= 0 || num >= u->from->size) {
		u->ok = false;
		return 0;
	}
	if (u->map[num])
		return u->map[num];
	u->map[num] = u->next;
	size_t at = u->n;
	add_obj(u, 0, NULL);
	dlg_po *o = dlg_pdfdoc_get(u->from, num);
	if (!o) {
		u->ok = false;
		return u->map[num];
	}
	dlg_po *copy = dlg_po_copy(o, map_ref, u); /* may grow u->obj: store after */
	u->obj[at] = copy;
	dlg_po_free(o);
	return u->map[num];
}

/* The object r refers to (the caller frees it), NULL when r is not a
 * reference or cannot be read. */
static dlg_po *deref(const dlg_pdfdoc *d, const dlg_po *r)
{
	return r && r->kind == DLG_PO_REF ? dlg_pdfdoc_get(d, r->num) : NULL;
}

/* The form XObject of w x h points drawing the first page of the PDF
 * o->look (nothing when there is none). */
static dlg_po *appearance(struct update *u, const dlg_pdfsign *o, double w, double h)
{
	dlg_po *form = NULL;
	dlg_pdfdoc d;
	if (!o->look) {
		form = dlg_xcalloc(1, sizeof *form);
		form->kind = DLG_PO_STREAM;
		dlg_po_push(form, dlg_po_parse((const unsigned char *)"<< >>", 5));
		form->s = dlg_xstrdup("");
	} else if (dlg_pdfdoc_open(&d, o->look, o->look_len, "appearance")) {
		dlg_po *root = deref(&d, dlg_po_get(d.trailer, "Root"));
		dlg_po *pages = deref(&d, dlg_po_get(root, "Pages"));
		dlg_po *kids = dlg_po_get(pages, "Kids");
		dlg_po *page =
		    kids && kids->kind == DLG_PO_ARRAY && kids->n ? deref(&d, kids->kid[0]) : NULL;
		dlg_po *content = deref(&d, dlg_po_get(page, "Contents"));
		dlg_po *res = page ? dlg_po_get(page, "Resources") : NULL;
		if (content && content->kind == DLG_PO_STREAM && res) {
			u->from = &d;
			u->map = dlg_xcalloc((size_t)d.size, sizeof *u->map);
			form = dlg_po_copy(content, NULL, NULL);
			dlg_po *r = res->kind == DLG_PO_REF ? dlg_pdfdoc_get(&d, res->num) : NULL;
			dlg_po_set(form, "Resources", dlg_po_copy(r ? r : res, map_ref, u));
			dlg_po_free(r);
			free(u->map);
			u->map = NULL;
			u->from = NULL;
		}
		dlg_po_free(root);
		dlg_po_free(pages);
		dlg_po_free(page);
		dlg_po_free(content);
		dlg_pdfdoc_free(&d);
	}
	if (!form) {
		u->ok = false;
		return NULL;
	}
	char box[96];
	snprintf(box, sizeof box, "[0 0 %.2f %.2f]", w, h);
	dlg_po_set(form, "Type", dlg_po_name("XObject"));
	dlg_po_set(form, "Subtype", dlg_po_name("Form"));
	dlg_po_set(form, "BBox", dlg_po_parse((const unsigned char *)box, strlen(box)));
	return form;
}

static dlg_po *utf16_string(const char *s)
{
	dlg_sbuf b = {0};
	dlg_sbuf_add(&b, "\xFE\xFF", 2);
	while (*s) {
		uint32_t cp = dlg_utf8_next(&s);
		if (cp >= 0x10000) {
			cp -= 0x10000;
			uint32_t hi = 0xD800 + (cp >> 10), lo = 0xDC00 + (cp & 0x3FF);
			dlg_sbuf_addc(&b, (char)(hi >> 8));
			dlg_sbuf_addc(&b, (char)(hi & 255));
			cp = lo;
		}
		dlg_sbuf_addc(&b, (char)(cp >> 8));
		dlg_sbuf_addc(&b, (char)(cp & 255));
	}
	dlg_po *o = dlg_po_parse((const unsigned char *)"()", 2);
	free(o->s);
	o->len = b.len;
	o->s = dlg_xmalloc(b.len + 1);
	memcpy(o->s, b.data, b.len);
	o->s[b.len] = '\0';
	dlg_sbuf_free(&b);
	return o;
}

static bool str_is(const dlg_po *o, const char *s)
{
	return o && o->kind == DLG_PO_STR && o->len == strlen(s) && !memcmp(o->s, s, o->len);
}

static bool refuse(const char *name, const char *msg)
{
	dlg_warn("%s: %s", name, msg);
	return false;
}

/* Write the signature dictionary, noting where its holes are. */
static void write_sig(dlg_sbuf *b, const dlg_pdfsign *o, size_t hex, size_t *br_at, size_t *c_from,
                      size_t *c_to)
{
	time_t v = o->when + 7 * 3600;
	struct tm tm;
	gmtime_r(&v, &tm);
	dlg_sbuf_printf(b,
	                "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached "
	                "/M (D:%04d%02d%02d%02d%02d%02d+07'00')",
	                tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
	                tm.tm_sec);
	dlg_po *name = utf16_string(dlg_signkey_name(o->key));
	dlg_sbuf_adds(b, " /Name ");
	dlg_po_write(b, name);
	dlg_po_free(name);
	if (o->location && *o->location) {
		dlg_po *loc = utf16_string(o->location);
		dlg_sbuf_adds(b, " /Location ");
		dlg_po_write(b, loc);
		dlg_po_free(loc);
	}
	dlg_sbuf_adds(b, " /ByteRange ");
	*br_at = b->len;
	dlg_sbuf_adds(b, "[0 0000000000 0000000000 0000000000] /Contents ");
	*c_from = b->len;
	dlg_sbuf_addc(b, '<');
	for (size_t i = 0; i < hex; i++)
		dlg_sbuf_addc(b, '0');
	dlg_sbuf_addc(b, '>');
	*c_to = b->len;
	dlg_sbuf_adds(b, " >>");
}

static int cmp_int(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

bool dlg_pdf_sign(const dlg_pdfsign *o, const unsigned char *in, size_t len, const char *name,
                  dlg_sbuf *out)
{
	dlg_pdfdoc d;
	dlg_sbuf_clear(out);
	if (!dlg_pdfdoc_open(&d, in, len, name))
		return false;
	struct update u = {.next = d.size, .ok = true};
	bool ok = false;
	dlg_po *catalog = NULL, *acro = NULL, *fields = NULL, *field = NULL, *page = NULL,
	       *own = NULL;
	int catalog_num = 0, acro_num = 0, field_num = 0, page_num = 0;

	dlg_po *root = dlg_po_get(d.trailer, "Root");
	if (!root || root->kind != DLG_PO_REF || !(catalog = dlg_pdfdoc_get(&d, root->num)))
		goto done;
	catalog_num = root->num;
	dlg_po *af = dlg_po_get(catalog, "AcroForm");
	if (af && af->kind == DLG_PO_REF) {
		acro_num = af->num;
		acro = dlg_pdfdoc_get(&d, af->num);
		if (!acro)
			goto done;
	} else {
		/* a direct or no AcroForm: made indirect, the catalog rewritten */
		acro = af && af->kind == DLG_PO_DICT
		           ? dlg_po_copy(af, NULL, NULL)
		           : dlg_po_parse((const unsigned char *)"<< >>", 5);
	}
	dlg_po *fl = dlg_pdfdoc_resolve(&d, dlg_po_get(acro, "Fields"), &own);
	fields = fl && fl->kind == DLG_PO_ARRAY ? dlg_po_copy(fl, NULL, NULL)
	                                        : dlg_po_parse((const unsigned char *)"[]", 2);
	dlg_po_free(own);
	own = NULL;

	const char *want = o->field ? o->field : o->new_field;
	for (size_t i = 0; i < fields->n; i++) {
		dlg_po *r = fields->kid[i];
		dlg_po *f = r->kind == DLG_PO_REF ? dlg_pdfdoc_get(&d, r->num) : NULL;
		if (f && str_is(dlg_po_get(f, "T"), want)) {
			field = f;
			field_num = r->num;
			break;
		}
		dlg_po_free(f);
	}
	if (field && (!dlg_po_is_name(dlg_po_get(field, "FT"), "Sig") || dlg_po_get(field, "V"))) {
		dlg_warn(_("%s: the signature \"%s\" is there already"), name, want);
		goto done;
	}
	if (o->field && !field) {
		dlg_warn(
		    _("%s: no empty signature field \"%s\" (make the document with --digital)"),
		    name, want);
		goto done;
	}
	if (!field) { /* a new field on the first page */
		dlg_po *pages = dlg_pdfdoc_resolve(&d, dlg_po_get(catalog, "Pages"), &own);
		dlg_po *kids = pages ? dlg_po_get(pages, "Kids") : NULL;
		if (kids && kids->kind == DLG_PO_ARRAY && kids->n &&
		    kids->kid[0]->kind == DLG_PO_REF) {
			page_num = kids->kid[0]->num;
			page = dlg_pdfdoc_get(&d, page_num);
		}
		dlg_po_free(own);
		own = NULL;
		dlg_po *box = page ? dlg_po_get(page, "MediaBox") : NULL;
		if (!page || !dlg_po_is_name(dlg_po_get(page, "Type"), "Page") || !box ||
		    box->kind != DLG_PO_ARRAY || box->n != 4) {
			refuse(name, _("the first page cannot be read"));
			goto done;
		}
		double W = dlg_po_num(box->kid[2]), H = dlg_po_num(box->kid[3]);
		char *t = dlg_xasprintf("<< /Type /Annot /Subtype /Widget /FT /Sig /T (%s) /F 132 "
		                        "/Rect [%.2f %.2f %.2f %.2f] /P %d 0 R >>",
		                        want, W - o->right - o->w, H - o->top - o->h, W - o->right,
		                        H - o->top, page_num);
		field = dlg_po_parse((const unsigned char *)t, strlen(t));
		free(t);
		field_num = u.next++;
		dlg_po_push(fields, dlg_po_ref(field_num));
		dlg_po *an = dlg_pdfdoc_resolve(&d, dlg_po_get(page, "Annots"), &own);
		dlg_po *annots = an && an->kind == DLG_PO_ARRAY
		                     ? dlg_po_copy(an, NULL, NULL)
		                     : dlg_po_parse((const unsigned char *)"[]", 2);
		dlg_po_free(own);
		own = NULL;
		dlg_po_push(annots, dlg_po_ref(field_num));
		dlg_po_set(page, "Annots", annots);
	}

	/* the objects of the update */
	int sig_num = u.next++;
	add_obj(&u, sig_num, NULL);
	dlg_po *rect = dlg_po_get(field, "Rect");
	double fw = o->w, fh = o->h;
	if (rect && rect->kind == DLG_PO_ARRAY && rect->n == 4) {
		fw = dlg_po_num(rect->kid[2]) - dlg_po_num(rect->kid[0]);
		fh = dlg_po_num(rect->kid[3]) - dlg_po_num(rect->kid[1]);
	}
	dlg_po *look = appearance(&u, o, fw, fh);
	if (!u.ok || !look) {
		dlg_po_free(look);
		refuse(name, _("the signature's appearance cannot be made"));
		goto done;
	}
	int look_num = add_obj(&u, 0, look);
	dlg_po_set(field, "V", dlg_po_ref(sig_num));
	char ap[48];
	snprintf(ap, sizeof ap, "<< /N %d 0 R >>", look_num);
	dlg_po_set(field, "AP", dlg_po_parse((const unsigned char *)ap, strlen(ap)));
	add_obj(&u, field_num, field);
	field = NULL;
	dlg_po_set(acro, "Fields", fields);
	fields = NULL;
	dlg_po_set(acro, "SigFlags", dlg_po_int(3));
	bool catalog_changed = false;
	if (!acro_num) {
		acro_num = u.next++;
		dlg_po_set(catalog, "AcroForm", dlg_po_ref(acro_num));
		catalog_changed = true;
	}
	if (!dlg_po_get(catalog, "Extensions")) {
		/* ETSI.CAdES.detached in a PDF 1.x file: the ESIC extension (ETSI
		 * TS 102 778, EN 319 142-1) and PDF 1.7 as its base */
		static const char esic[] = "<< /ESIC << /BaseVersion /1.7 /ExtensionLevel 2 >> >>";
		dlg_po_set(catalog, "Extensions",
		           dlg_po_parse((const unsigned char *)esic, sizeof esic - 1));
		if (len > 8 && memcmp(in, "%PDF-1.7", 8) < 0)
			dlg_po_set(catalog, "Version", dlg_po_name("1.7"));
		catalog_changed = true;
	}
	if (catalog_changed) {
		add_obj(&u, catalog_num, catalog);
		catalog = NULL;
	}
	add_obj(&u, acro_num, acro);
	acro = NULL;
	if (page) {
		add_obj(&u, page_num, page);
		page = NULL;
	}

	/* write: the old file, the objects, the cross-reference section */
	size_t hex = 2 * dlg_signkey_max_cms(o->key);
	dlg_sbuf_add(out, in, len);
	if (len && in[len - 1] != '\n')
		dlg_sbuf_addc(out, '\n');
	long *off = dlg_xcalloc((size_t)u.next, sizeof *off);
	size_t br_at = 0, c_from = 0, c_to = 0;
	for (size_t i = 0; i < u.n; i++) {
		off[u.num[i]] = (long)out->len;
		dlg_sbuf_printf(out, "%d 0 obj\n", u.num[i]);
		if (u.num[i] == sig_num)
			write_sig(out, o, hex, &br_at, &c_from, &c_to);
		else
			dlg_po_write(out, u.obj[i]);
		dlg_sbuf_adds(out, "\nendobj\n");
	}
	long xref = (long)out->len;
	int *nums = dlg_xmalloc(u.n * sizeof *nums);
	memcpy(nums, u.num, u.n * sizeof *nums);
	qsort(nums, u.n, sizeof *nums, cmp_int);
	dlg_sbuf_adds(out, "xref\n");
	for (size_t i = 0; i < u.n;) {
		size_t j = i + 1;
		while (j < u.n && nums[j] == nums[j - 1] + 1)
			j++;
		dlg_sbuf_printf(out, "%d %zu\n", nums[i], j - i);
		for (size_t k = i; k < j; k++)
			dlg_sbuf_printf(out, "%010ld 00000 n \n", off[nums[k]]);
		i = j;
	}
	free(nums);
	free(off);
	dlg_po *trailer = dlg_po_parse((const unsigned char *)"<< >>", 5);
	dlg_po_set(trailer, "Size", dlg_po_int(u.next > d.size ? u.next : d.size));
	dlg_po_set(trailer, "Root", dlg_po_ref(catalog_num));
	static const char *const keep[] = {"Info", "ID"};
	for (int i = 0; i < 2; i++)
		if (dlg_po_get(d.trailer, keep[i]))
			dlg_po_set(trailer, keep[i],
			           dlg_po_copy(dlg_po_get(d.trailer, keep[i]), NULL, NULL));
	dlg_po_set(trailer, "Prev", dlg_po_int(d.startxref));
	dlg_sbuf_adds(out, "trailer\n");
	dlg_po_write(out, trailer);
	dlg_po_free(trailer);
	dlg_sbuf_printf(out, "\nstartxref\n%ld\n%%%%EOF\n", xref);

	/* fill the byte range, sign around the hole */
	char br[40];
	snprintf(br, sizeof br, "[0 %010zu %010zu %010zu]", c_from, c_to, out->len - c_to);
	memcpy(out->data + br_at, br, strlen(br));
	const void *parts[2] = {out->data, out->data + c_to};
	size_t lens[2] = {c_from, out->len - c_to};
	dlg_sbuf der = {0};
	if (!dlg_signkey_cms(o->key, parts, lens, 2, &der))
		goto done;
	if (2 * der.len > hex) {
		dlg_sbuf_free(&der);
		refuse(name, _("the signature is larger than the room kept for it"));
		goto done;
	}
	static const char hx[] = "0123456789ABCDEF";
	for (size_t i = 0; i < der.len; i++) {
		unsigned char c = (unsigned char)der.data[i];
		out->data[c_from + 1 + 2 * i] = hx[c >> 4];
		out->data[c_from + 2 + 2 * i] = hx[c & 15];
	}
	dlg_sbuf_free(&der);
	ok = true;
done:
	for (size_t i = 0; i < u.n; i++)
		dlg_po_free(u.obj[i]);
	free(u.obj);
	free(u.num);
	dlg_po_free(catalog);
	dlg_po_free(acro);
	dlg_po_free(fields);
	dlg_po_free(field);
	dlg_po_free(page);
	dlg_pdfdoc_free(&d);
	return ok;
}

char *dlg_pdf_read_symbol(const unsigned char *in, size_t len)
{
	dlg_pdfdoc d;
	if (!dlg_pdfdoc_open(&d, in, len, "?"))
		return NULL;
	dlg_po *info = deref(&d, dlg_po_get(d.trailer, "Info"));
	const dlg_po *s = dlg_po_get(info, "dlgSymbol");
	char *out = NULL;
	if (s && s->kind == DLG_PO_STR) {
		dlg_sbuf b = {0};
		const unsigned char *p = (const unsigned char *)s->s;
		size_t n = s->len;
		if (n >= 2 && p[0] == 0xFE && p[1] == 0xFF) { /* UTF-16BE, as dlg_pdf writes it */
			for (size_t i = 2; i + 1 < n; i += 2) {
				uint32_t cp = (uint32_t)p[i] << 8 | p[i + 1];
				if (cp >= 0xD800 && cp < 0xDC00 && i + 3 < n) {
					uint32_t lo = (uint32_t)p[i + 2] << 8 | p[i + 3];
					cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
					i += 2;
				}
				utf8proc_uint8_t u[4];
				utf8proc_ssize_t k = utf8proc_encode_char((utf8proc_int32_t)cp, u);
				dlg_sbuf_add(&b, u, k > 0 ? (size_t)k : 0);
			}
		} else {
			dlg_sbuf_add(&b, s->s, n);
		}
		out = dlg_sbuf_take(&b);
	}
	dlg_po_free(info);
	dlg_pdfdoc_free(&d);
	return out;
}
