/* Fields, phrases and paragraphs shared by the session documents. */
#include "step/confdoc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "doc/nd30.h"
#include "base/text.h"

void dlg_fields_set(dlg_fields *f, const char *name, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *v = dlg_xvasprintf(fmt, ap);
	va_end(ap);
	for (size_t i = 0; i < f->n; i++)
		if (!strcmp(f->name[i], name)) {
			free(f->val[i]);
			f->val[i] = v;
			return;
		}
	f->name = dlg_xreallocarray(f->name, f->n + 1, sizeof *f->name);
	f->val = dlg_xreallocarray(f->val, f->n + 1, sizeof *f->val);
	f->name[f->n] = dlg_xstrdup(name);
	f->val[f->n++] = v;
}

const char *dlg_fields_get(void *ctx, const char *name)
{
	for (const dlg_fields *f = ctx; f; f = f->next)
		for (size_t i = 0; i < f->n; i++)
			if (!strcmp(f->name[i], name))
				return f->val[i];
	return NULL;
}

void dlg_fields_free(dlg_fields *f)
{
	for (size_t i = 0; i < f->n; i++) {
		free(f->name[i]);
		free(f->val[i]);
	}
	free(f->name);
	free(f->val);
	f->name = f->val = NULL;
	f->n = 0;
}

static void time_vi(char *buf, size_t size, int h, int m)
{
	if (h < 0)
		snprintf(buf, size, "… giờ … phút");
	else
		snprintf(buf, size, "%02d giờ %02d phút", h, m);
}

void dlg_fields_session(dlg_fields *f, const dlg_sessions *ss, const dlg_session *s,
                        const dlg_notes *notes, const char *number)
{
	int y, mo, d;
	dlg_date_to_ymd(s->date, &y, &mo, &d);
	char iso[16];
	dlg_date_format_iso(s->date, iso);
	dlg_fields_set(f, "session_id", "%s", s->id);
	dlg_fields_set(f, "session_date", "%s", iso);
	dlg_fields_set(f, "session_year", "%d", y);
	int round = 0;
	for (size_t i = 0; i < ss->n; i++) {
		int yy, mm, dd;
		dlg_date_to_ymd(ss->s[i].date, &yy, &mm, &dd);
		if (yy == y)
			round++;
		if (&ss->s[i] == s)
			break;
	}
	dlg_fields_set(f, "session_round", "lần %d", round ? round : 1);
	dlg_fields_set(f, "session_weekday", "%s", dlg_date_weekday_vi(s->date, false));
	int hh = -1, mi = 0;
	if (sscanf(s->time ? s->time : "", "%d:%d", &hh, &mi) != 2)
		hh = -1;
	char buf[64];
	time_vi(buf, sizeof buf, hh, mi);
	dlg_fields_set(f, "session_time_vi", "%s", buf);
	if (notes && notes->start_h >= 0)
		time_vi(buf, sizeof buf, notes->start_h, notes->start_m);
	dlg_fields_set(f, "start_time_vi", "%s", buf);
	time_vi(buf, sizeof buf, notes ? notes->end_h : -1, notes ? notes->end_m : 0);
	dlg_fields_set(f, "end_time_vi", "%s", buf);
	dlg_fields_set(f, "session_venue", "%s", s->venue ? s->venue : "");
	dlg_fields_set(f, "session_chair", "%s", s->chair ? s->chair : "");
	dlg_fields_set(f, "session_secretary", "%s", s->secretary ? s->secretary : "");
	const dlg_table *t = ss->table;
	dlg_fields_set(f, "session_note", "%s", dlg_table_val(t, (size_t)(s - ss->s), "note"));
	char *cn = dlg_sd_name_part(s->chair ? s->chair : "");
	char *ct = dlg_sd_title_part(s->chair ? s->chair : "");
	char *sn = dlg_sd_name_part(s->secretary ? s->secretary : "");
	dlg_fields_set(f, "chair_name", "%s", cn);
	/* "đồng chí Nguyễn Hữu Minh, Phó Chủ tịch UBND xã" */
	if (*ct)
		dlg_fields_set(f, "chair_title", "đồng chí %s, %s", cn, ct);
	else
		dlg_fields_set(f, "chair_title", "đồng chí %s", cn);
	dlg_fields_set(f, "secretary_name", "%s", sn);
	free(cn);
	free(ct);
	free(sn);
	/* no number yet: room to write it by hand (no-break spaces) */
	dlg_fields_set(f, "number", "%s",
	               number && *number ? number
	                                 : "\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0");
}

char *dlg_phrase(const dlg_tmpl *t, const char *key, const char *def, const dlg_tmpl_data *d)
{
	if (dlg_tmpl_meta(t, key))
		return dlg_tmpl_meta_fill(t, key, d);
	return dlg_tmpl_fill(t, def, 0, d);
}

void dlg_doc_para(dlg_lay *l, int style, const char *text, bool keep_with_next, double indent)
{
	dlg_pstyle ps = dlg_pstyle_body();
	ps.keep_with_next = keep_with_next;
	ps.left = indent;
	dlg_lay_text(l, &ps, style, text);
}

void dlg_doc_labelled(dlg_lay *l, const char *label, const char *text, double indent)
{
	dlg_pstyle ps = dlg_pstyle_body();
	ps.left = indent;
	dlg_rich *r = dlg_rich_new();
	dlg_rich_add(r, DLG_BOLD, label);
	dlg_rich_add(r, DLG_REGULAR, " ");
	dlg_rich_add(r, DLG_REGULAR, text);
	dlg_lay_para(l, &ps, r);
	dlg_rich_free(r);
}

char *dlg_sd_asker(const dlg_sd_person *p)
{
	dlg_sbuf b = {0};
	dlg_sbuf_adds(&b, *p->name ? p->name : p->organization);
	if (*p->name && *p->organization) {
		dlg_sbuf_adds(&b, ", ");
		dlg_sbuf_adds(&b, p->organization);
	}
	if (*p->village) {
		dlg_sbuf_adds(&b, ", ");
		dlg_sbuf_adds(&b, p->village);
	}
	return dlg_sbuf_take(&b);
}

void dlg_fields_item(dlg_fields *f, const dlg_sessdata *sd, const dlg_sd_item *it, size_t stt)
{
	dlg_fields_set(f, "stt", "%zu", stt);
	dlg_fields_set(f, "item_id", "%s", it->item_id);
	dlg_fields_set(f, "kind", "%s", dlg_sd_kind_label(it->kind));
	dlg_fields_set(f, "text", "%s", it->text);
	char *asker = dlg_sd_asker(&sd->p[it->person]);
	dlg_fields_set(f, "asker", "%s", asker);
	free(asker);
	dlg_fields_set(f, "dept", "%s", it->dept);
	dlg_fields_set(f, "dept_name", "%s", dlg_sessdata_dept_name(sd, it->dept));
	dlg_fields_set(f, "note", "%s", it->note);
	const dlg_sd_dept *h = dlg_sessdata_higher(sd, it);
	if (h)
		dlg_fields_set(f, "higher_name", "%s", h->name);
	else if (!strcmp(it->level, "national"))
		dlg_fields_set(f, "higher_name", "%s", "cơ quan có thẩm quyền ở Trung ương");
	else
		dlg_fields_set(f, "higher_name", "%s", "Ủy ban nhân dân Thành phố");
}

dlg_tmpl_data dlg_fields_data(dlg_fields *f, const dlg_conf *conf, dlg_day today,
                              bool (*block)(void *ctx, dlg_lay *l, const char *name,
                                            const char *arg),
                              void *block_ctx)
{
	return (dlg_tmpl_data){.get = dlg_fields_get,
	                       .ctx = f,
	                       .conf = conf,
	                       .today = today,
	                       .block = block,
	                       .block_ctx = block_ctx};
}
