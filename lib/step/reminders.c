/* Overdue and due-soon questions by department: text, CSV and e-mail. */
#include "step/reminders.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "case/folder.h"
#include "fmt/csv.h"
#include "base/diag.h"
#include "base/safename.h"
#include "step/outbox.h"

void dlg_reminders_init(dlg_reminders *rs, const dlg_table *depts, const dlg_conf *conf,
                        dlg_day today)
{
	memset(rs, 0, sizeof *rs);
	rs->depts = depts;
	rs->conf = conf;
	rs->today = today;
}

void dlg_reminders_free(dlg_reminders *rs)
{
	for (size_t i = 0; i < rs->n; i++) {
		dlg_reminder *m = &rs->r[i];
		free((char *)m->dept);
		free((char *)m->item_id);
		free((char *)m->name);
		free((char *)m->org);
		free((char *)m->phone);
		free((char *)m->village);
		free((char *)m->kind);
		free((char *)m->text);
	}
	free(rs->r);
	rs->r = NULL;
	rs->n = rs->cap = 0;
}

static const char *dept_val(const dlg_reminders *rs, const char *dept, const char *col)
{
	if (!rs->depts || !*dept)
		return "";
	long r = dlg_table_find(rs->depts, dlg_table_col(rs->depts, "dept"), dept);
	return r >= 0 ? dlg_table_val(rs->depts, (size_t)r, col) : "";
}

static long dept_rank(const dlg_reminders *rs, const char *dept)
{
	if (!*dept)
		return 1L << 30;
	long r = rs->depts ? dlg_table_find(rs->depts, dlg_table_col(rs->depts, "dept"), dept) : -1;
	return r >= 0 ? r : (1L << 29);
}

static char *dup(const char *s)
{
	return dlg_xstrdup(s ? s : "");
}

void dlg_reminders_add(dlg_reminders *rs, const dlg_reminder *r)
{
	if (rs->n == rs->cap) {
		rs->cap = rs->cap ? 2 * rs->cap : 64;
		rs->r = dlg_xreallocarray(rs->r, rs->cap, sizeof *rs->r);
	}
	dlg_reminder *m = &rs->r[rs->n];
	*m = *r;
	m->dept = dup(r->dept);
	m->item_id = dup(r->item_id);
	m->name = dup(r->name);
	m->org = dup(r->org);
	m->phone = dup(r->phone);
	m->village = dup(r->village);
	m->kind = dup(r->kind);
	m->text = dup(r->text);
	m->seq = (long)rs->n++;
	m->rank = dept_rank(rs, m->dept);
}

static int cmp_rem(const void *a, const void *b)
{
	const dlg_reminder *x = a, *y = b;
	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	int c = strcmp(x->dept, y->dept);
	if (c)
		return c;
	if ((x->st == DLG_ST_OVERDUE) != (y->st == DLG_ST_OVERDUE))
		return x->st == DLG_ST_OVERDUE ? -1 : 1;
	if (x->due != y->due)
		return x->due < y->due ? -1 : 1;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

void dlg_reminders_sort(dlg_reminders *rs)
{
	if (rs->n)
		qsort(rs->r, rs->n, sizeof *rs->r, cmp_rem);
}

size_t dlg_reminders_group_end(const dlg_reminders *rs, size_t i)
{
	size_t j = i;
	while (j < rs->n && !strcmp(rs->r[j].dept, rs->r[i].dept))
		j++;
	return j;
}

/* At most max code points of s, with "…" when cut. */
static void put_short(FILE *f, const char *s, size_t max)
{
	size_t n = 0;
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		if ((*p & 0xc0) != 0x80 && n++ == max) {
			fputs("…", f);
			return;
		}
		if (*p == '\n' || *p == '\r' || *p == '\t')
			fputc(' ', f);
		else
			fputc(*p, f);
		p++;
	}
}

/* "2 quá hạn, 1 sắp đến hạn"; `what` names the things ("nội dung ") or is "". */
static void counts_text(FILE *f, size_t over, size_t soon, const char *what)
{
	if (over)
		fprintf(f, "%zu %squá hạn", over, what);
	if (over && soon)
		fputs(", ", f);
	if (soon)
		fprintf(f, "%zu %ssắp đến hạn", soon, what);
}

static void group_title(const dlg_reminders *rs, FILE *f, const dlg_reminder *r)
{
	if (!*r->dept) {
		fputs("(Chưa phân công đơn vị)", f);
		return;
	}
	const char *name = dept_val(rs, r->dept, "name");
	fputs(r->dept, f);
	if (*name)
		fprintf(f, " - %s", name);
}

/* The list of the reminders [a, b). */
static void group_items(const dlg_reminders *rs, FILE *f, size_t a, size_t b)
{
	for (const dlg_reminder *r = rs->r + a; r < rs->r + b; r++) {
		char due[11], sent[11];
		dlg_date_format_dmy(r->due, due);
		dlg_date_format_dmy(r->sent, sent);
		if (r->left < 0)
			fprintf(f, "- [Quá hạn %ld ngày]", -r->left);
		else if (r->left == 0)
			fputs("- [Đến hạn hôm nay]", f);
		else
			fprintf(f, "- [Còn %ld ngày]", r->left);
		fprintf(f, " %s, hạn %s (chuyển ngày %s)\n", r->item_id, due, sent);
		if (*r->name || *r->org) {
			fputs("  Người đăng ký: ", f);
			fputs(*r->name ? r->name : r->org, f);
			if (*r->name && *r->org)
				fprintf(f, " (%s)", r->org);
			if (*r->village)
				fprintf(f, ", %s", r->village);
			if (*r->phone)
				fprintf(f, ", ĐT %s", r->phone);
			fputc('\n', f);
		}
		if (*r->text) {
			fputs("  Nội dung: ", f);
			put_short(f, r->text, 160);
			fputc('\n', f);
		}
	}
}

static void count_group(const dlg_reminders *rs, size_t a, size_t b, size_t *over, size_t *soon)
{
	*over = *soon = 0;
	for (size_t i = a; i < b; i++)
		*(rs->r[i].st == DLG_ST_OVERDUE ? over : soon) += 1;
}

void dlg_reminders_print(const dlg_reminders *rs, FILE *f)
{
	size_t over, soon;
	count_group(rs, 0, rs->n, &over, &soon);
	char day[11];
	dlg_date_format_dmy(rs->today, day);
	fputs("NHẮC HẠN TRẢ LỜI NỘI DUNG ĐĂNG KÝ ĐỐI THOẠI\n", f);
	fprintf(f, "Ngày %s: ", day);
	counts_text(f, over, soon, "nội dung ");
	fputs(".\n", f);
	for (size_t a = 0; a < rs->n;) {
		size_t b = dlg_reminders_group_end(rs, a);
		size_t o, s;
		count_group(rs, a, b, &o, &s);
		fputc('\n', f);
		group_title(rs, f, &rs->r[a]);
		fputs(": ", f);
		counts_text(f, o, s, "");
		fputc('\n', f);
		group_items(rs, f, a, b);
		a = b;
	}
}

char *dlg_reminders_csv(const dlg_reminders *rs, size_t a, size_t b, size_t *len)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);
	if (!f)
		dlg_out_of_memory();
	dlg_csv_writer *w = dlg_csv_writer_new(f, true);
	static const char *const head[] = {"item_id", "dept",    "name",  "organization",
	                                   "phone",   "village", "kind",  "text",
	                                   "sent",    "due",     "state", "days_left"};
	dlg_csv_write_row(w, head, 12);
	for (const dlg_reminder *r = rs->r + a; r < rs->r + b; r++) {
		char sent[11], due[11], left[24];
		dlg_date_format_iso(r->sent, sent);
		dlg_date_format_iso(r->due, due);
		snprintf(left, sizeof left, "%ld", r->left);
		const char *row[] = {r->item_id,
		                     r->dept,
		                     r->name,
		                     r->org,
		                     r->phone,
		                     r->village,
		                     r->kind,
		                     r->text,
		                     sent,
		                     due,
		                     dlg_item_state_name(r->st),
		                     left};
		dlg_csv_write_row(w, row, 12);
	}
	if (!dlg_csv_writer_finish(w, "memory")) /* a memory stream fails only for memory */
		dlg_out_of_memory();
	fclose(f);
	return buf;
}

/* A file name from a department code (dlg_safe_filename), or
 * "chua-phan-cong" for questions not yet given to a department. */
static char *safe_name(const char *dept)
{
	char *s = dlg_safe_filename(dept, 100);
	if (!*s) {
		free(s);
		s = dlg_xstrdup("chua-phan-cong");
	}
	return s;
}

dlg_mail *dlg_reminders_mail(const dlg_reminders *rs, size_t a, size_t b, const char *from,
                             const char *to)
{
	const dlg_conf *cf = rs->conf;
	const dlg_reminder *first = &rs->r[a];
	const char *office = dlg_conf_get(cf, "office", "office_name");
	size_t over, soon;
	count_group(rs, a, b, &over, &soon);
	char day[11];
	dlg_date_format_dmy(rs->today, day);
	const char *dname = *first->dept ? dept_val(rs, first->dept, "name") : "";
	if (!*dname)
		dname = *first->dept ? first->dept : "Văn phòng (nội dung chưa phân công đơn vị)";

	char *body = NULL;
	size_t blen;
	FILE *f = open_memstream(&body, &blen);
	if (!f)
		dlg_out_of_memory();
	fprintf(f, "Kính gửi: %s.\n\n", dname);
	long days = dlg_conf_get_long(cf, "rules", "answer_days");
	bool working = !strcmp(dlg_conf_get(cf, "rules", "answer_day_kind"), "working");
	fprintf(f,
	        "%s nhắc hạn trả lời các nội dung đăng ký đối thoại về thủ tục hành chính đã "
	        "chuyển đến đơn vị (văn bản trả lời gửi về chậm nhất sau %ld ngày%s kể từ "
	        "ngày nhận). Đến ngày %s, đơn vị có ",
	        office, days, working ? " làm việc" : "", day);
	if (over)
		fprintf(f, "%zu nội dung quá hạn", over);
	if (over && soon)
		fputs(" và ", f);
	if (soon)
		fprintf(f, "%zu nội dung sắp đến hạn", soon);
	fputs(":\n\n", f);
	group_items(rs, f, a, b);
	fprintf(f,
	        "\nĐề nghị đơn vị gửi văn bản trả lời về %s. Danh sách chi tiết trong "
	        "tệp đính kèm.\n\n-- \nThư nhắc tự động (dlg-deadline).\n",
	        office);
	fclose(f);

	dlg_mail *m = dlg_mail_new();
	if (from)
		dlg_mail_set_from(m, office, from);
	if (to)
		dlg_mail_add_to(m, dname, to);
	char *subj = NULL;
	size_t slen;
	FILE *sf = open_memstream(&subj, &slen);
	if (!sf)
		dlg_out_of_memory();
	fputs("Nhắc hạn trả lời đối thoại: ", sf);
	counts_text(sf, over, soon, "");
	fprintf(sf, " (%s)", dname);
	fclose(sf);
	dlg_mail_set_subject(m, subj);
	free(subj);
	dlg_mail_set_body(m, body);
	free(body);
	if (rs->today_fixed) /* reproducible runs: 07:00 in Vietnam that day */
		dlg_mail_set_date(m, (time_t)rs->today * 86400, 420);
	dlg_mail_add_header(m, "Auto-Submitted", "auto-generated");
	size_t clen;
	char *csv = dlg_reminders_csv(rs, a, b, &clen);
	char iso[11];
	dlg_date_format_iso(rs->today, iso);
	char *code = safe_name(first->dept);
	char *fname = dlg_xasprintf("nhac-han-%s-%s.csv", code, iso);
	dlg_mail_attach(m, fname, "text/csv; charset=UTF-8", csv, clen);
	free(fname);
	free(code);
	free(csv);
	return m;
}

/* Warn that group [a, b) has no address of its own and goes to the office. */
static void warn_no_address(const dlg_reminders *rs, size_t a, size_t b)
{
	size_t n = b - a;
	const char *dept = rs->r[a].dept;
	if (*dept)
		dlg_warn(ngettext("department %s has no e-mail address in "
		                  "departments.csv; its %zu reminder goes to the "
		                  "office",
		                  "department %s has no e-mail address in "
		                  "departments.csv; its %zu reminders go to the office",
		                  n),
		         dept, n);
	else
		dlg_warn(ngettext("%zu reminder has no department; it goes to the "
		                  "office",
		                  "%zu reminders have no department; they go to the "
		                  "office",
		                  n),
		         n);
}

bool dlg_reminders_send(const dlg_reminders *rs, const char *mail_dir, bool sendmail)
{
	dlg_outbox ob;
	if (!dlg_outbox_open(&ob, rs->conf, mail_dir, sendmail)) {
		dlg_outbox_close(&ob);
		return false;
	}
	bool ok = true;
	dlg_namer names = {0};
	for (size_t a = 0; a < rs->n;) {
		size_t b = dlg_reminders_group_end(rs, a);
		const char *dept = rs->r[a].dept;
		const char *to = dept_val(rs, dept, "email");
		if (!dlg_mail_addr_ok(to)) {
			warn_no_address(rs, a, b);
			to = ob.from;
		}
		dlg_mail *m = dlg_reminders_mail(rs, a, b, ob.from, to);
		/* one message file per department, even for codes alike once
		 * made safe ("K/T", "K_T") */
		if (!dlg_outbox_write(&ob, m, dlg_namer_get(&names, dept, "", "chua-phan-cong")))
			ok = false;
		if (sendmail) {
			if (!to)
				dlg_warn(_("%s: no recipient; not sent"), *dept ? dept : "-");
			else if (!dlg_outbox_send(&ob, m))
				ok = false;
		}
		dlg_mail_free(m);
		a = b;
	}
	dlg_namer_free(&names);
	dlg_outbox_close(&ob);
	return ok;
}
