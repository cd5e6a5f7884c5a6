/* The results report as a summary in Vietnamese Markdown (dlg-report
 * --markdown). */
#include "step/report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "base/diag.h"
#include "base/tally.h"
#include "base/vocab.h"

/* Citizens' and files' text, escaped so that it prints as written. */
static void md_text(FILE *f, const char *s)
{
	for (; *s; s++) {
		if (*s == '\n' || *s == '\r' || *s == '\t') {
			fputc(' ', f);
			continue;
		}
		if (strchr("\\`*_[]<>#|~!&", *s))
			fputc('\\', f);
		fputc(*s, f);
	}
}

/* A number the Vietnamese way: decimal comma. */
static void md_dec(FILE *f, double v)
{
	char b[32];
	snprintf(b, sizeof b, "%.1f", v);
	char *p = strchr(b, '.');
	if (p)
		*p = ',';
	fputs(b, f);
}

static void md_pct(FILE *f, long part, long whole)
{
	if (!whole) {
		fputs("-", f);
		return;
	}
	md_dec(f, 100.0 * (double)part / (double)whole);
	fputc('%', f);
}

/* A table head; align has 'l' (text) or 'r' (numbers) for each column, or
 * is NULL: the first column text, the others numbers. */
static void md_head(FILE *f, const char *const *cols, size_t n, const char *align)
{
	fputc('|', f);
	for (size_t i = 0; i < n; i++)
		fprintf(f, " %s |", cols[i]);
	fputs("\n|", f);
	for (size_t i = 0; i < n; i++)
		fputs((align ? align[i] == 'r' : i > 0) ? " --: |" : " --- |", f);
	fputc('\n', f);
}

static void md_nums(FILE *f, const long *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		fprintf(f, " %ld |", v[i]);
	fputc('\n', f);
}

static void md_date(FILE *f, dlg_day d)
{
	char b[16];
	dlg_date_format_dmy(d, b);
	fputs(b, f);
}

static void md_registrations(dlg_report *r, FILE *f, const dlg_report_totals *t)
{
	fputs("## 1. Đăng ký tham gia đối thoại\n\n", f);
	fprintf(f,
	        "Tổng số phiếu đăng ký: %ld, trong đó hợp lệ %ld, quá hạn đăng ký %ld, chưa "
	        "đầy đủ thông tin %ld, trùng lặp %ld; cá nhân %ld, tổ chức, doanh nghiệp %ld.\n\n",
	        t->registrations, t->accepted, t->late, t->incomplete, t->duplicate, t->individuals,
	        t->organizations);
	if (!t->registrations)
		return;
	static const char *const head[] = {
	    "Hình thức đăng ký", "Số phiếu",  "Hợp lệ",  "Quá hạn",
	    "Chưa đầy đủ",       "Trùng lặp", "Cá nhân", "Tổ chức, doanh nghiệp"};
	md_head(f, head, 8, NULL);
	size_t n;
	size_t *ix = dlg_report_sorted(r, DLG_REPORT_CHANNELS, true, &n);
	for (size_t i = 0; i < n; i++) {
		fputs("| ", f);
		md_text(f, dlg_channel_display(
		               dlg_tally_key(dlg_report_tally(r, DLG_REPORT_CHANNELS), ix[i])));
		fputs(" |", f);
		md_nums(f, dlg_tally_counts(dlg_report_tally(r, DLG_REPORT_CHANNELS), ix[i]),
		        DLG_REG_N);
	}
	long c[DLG_REG_N];
	dlg_report_sum(r, DLG_REPORT_CHANNELS, c);
	fputs("| **Tổng cộng** |", f);
	md_nums(f, c, DLG_REG_N);
	fputc('\n', f);
	free(ix);
}

/* A department's cell: its name in its own commune (or its code), with the
 * commune when several are counted. */
static void md_dept(dlg_report *r, FILE *f, const char *key, const char *name)
{
	char commune[256], code[256];
	dlg_report_key_part(key, 0, commune, sizeof commune);
	dlg_report_key_part(key, 1, code, sizeof code);
	if (!*code)
		fputs("(chưa phân công)", f);
	else
		md_text(f, name ? name : code);
	if (dlg_tally_size(dlg_report_tally(r, DLG_REPORT_COMMUNES)) > 1 && *commune) {
		fputs(" (", f);
		md_text(f, commune);
		fputc(')', f);
	}
}

static void md_question_table(dlg_report *r, FILE *f, bool by_dept)
{
	dlg_report_list which = by_dept ? DLG_REPORT_DEPTS : DLG_REPORT_FIELDS;
	const dlg_tally *t = dlg_report_tally(r, which);
	static const char *const head_f[] = {"Lĩnh vực", "Số nội dung", "Về thủ tục hành chính",
	                                     "Về giải quyết thủ tục hành chính"};
	static const char *const head_d[] = {"Cơ quan, đơn vị",  "Số nội dung", "Xã trả lời",
	                                     "Báo cáo cấp trên", "Hướng dẫn",   "Chờ xem xét"};
	if (by_dept)
		md_head(f, head_d, 6, NULL);
	else
		md_head(f, head_f, 4, NULL);
	size_t n;
	size_t *ix = dlg_report_sorted(r, which, true, &n);
	for (size_t i = 0; i < n; i++) {
		const char *key = dlg_tally_key(t, ix[i]);
		const char *name =
		    by_dept ? dlg_report_dept_name(r, key) : dlg_report_field_name(r, key);
		const long *q = dlg_tally_counts(t, ix[i]);
		fputs("| ", f);
		if (by_dept)
			md_dept(r, f, key, name);
		else if (!*key)
			fputs("(chưa phân loại)", f);
		else
			md_text(f, name ? name : key);
		fputs(" |", f);
		if (by_dept) {
			long v[] = {q[DLG_Q_TOTAL], q[DLG_Q_ANSWER], q[DLG_Q_ESCALATE],
			            q[DLG_Q_REDIRECT], q[DLG_Q_REVIEW]};
			md_nums(f, v, 5);
		} else {
			long v[] = {q[DLG_Q_TOTAL], q[DLG_Q_PROCEDURE], q[DLG_Q_HANDLING]};
			md_nums(f, v, 3);
		}
	}
	long q[DLG_Q_N];
	dlg_report_sum(r, which, q);
	fputs("| **Tổng cộng** |", f);
	if (by_dept) {
		long v[] = {q[DLG_Q_TOTAL], q[DLG_Q_ANSWER], q[DLG_Q_ESCALATE], q[DLG_Q_REDIRECT],
		            q[DLG_Q_REVIEW]};
		md_nums(f, v, 5);
	} else {
		long v[] = {q[DLG_Q_TOTAL], q[DLG_Q_PROCEDURE], q[DLG_Q_HANDLING]};
		md_nums(f, v, 3);
	}
	fputc('\n', f);
	free(ix);
}

static void md_questions(dlg_report *r, FILE *f, const dlg_report_totals *t)
{
	fputs("## 2. Nội dung đăng ký đối thoại\n\n", f);
	fprintf(f,
	        "Tổng số nội dung: %ld, gồm %ld nội dung về thủ tục hành chính và %ld nội dung "
	        "về giải quyết thủ tục hành chính.",
	        t->questions, t->procedure, t->handling);
	if (t->questions) {
		fprintf(f,
		        " Thuộc thẩm quyền của xã, giao cơ quan, đơn vị trả lời: %ld; vượt thẩm "
		        "quyền, tổng hợp báo cáo cấp trên: %ld; ngoài phạm vi đối thoại (khiếu "
		        "nại, tố cáo, tranh chấp), hướng dẫn người dân liên hệ đúng cơ quan có "
		        "thẩm quyền: %ld; chờ Văn phòng xem xét, phân loại: %ld.",
		        t->answer, t->escalate, t->redirect, t->review);
	}
	fputs("\n\n", f);
	if (!t->questions)
		return;
	fputs("### 2.1. Theo lĩnh vực\n\n", f);
	md_question_table(r, f, false);
	fputs("### 2.2. Theo cơ quan, đơn vị\n\n", f);
	md_question_table(r, f, true);
}

static void md_timely_row(FILE *f, const long *q)
{
	long answered = q[DLG_Q_ON_TIME] + q[DLG_Q_LATE];
	long v[] = {q[DLG_Q_TOTAL], answered,         q[DLG_Q_ON_TIME],
	            q[DLG_Q_LATE],  q[DLG_Q_OVERDUE], q[DLG_Q_NOT_DUE]};
	for (size_t i = 0; i < 6; i++)
		fprintf(f, " %ld |", v[i]);
	fputc(' ', f);
	md_pct(f, q[DLG_Q_ON_TIME], answered + q[DLG_Q_OVERDUE]);
	fputs(" | ", f);
	if (answered)
		md_dec(f, (double)q[DLG_Q_DAYS_SUM] / (double)answered);
	else
		fputc('-', f);
	fputs(" |\n", f);
}

static void md_timeliness(dlg_report *r, FILE *f, const dlg_report_totals *t)
{
	const dlg_report_opts *o = dlg_report_options(r);
	fputs("## 3. Kết quả trả lời\n\n", f);
	if (!t->questions) {
		fputs("Chưa có nội dung chuyển cơ quan, đơn vị trả lời.\n\n", f);
		return;
	}
	char today[16];
	dlg_date_format_dmy(o->today, today);
	fprintf(f,
	        "Đến ngày %s, đã trả lời %ld nội dung (đúng hạn %ld, trễ hạn %ld); %ld nội "
	        "dung quá hạn chưa trả lời; %ld nội dung chưa đến hạn trả lời.",
	        today, t->answered, t->on_time, t->answered_late, t->overdue, t->not_due);
	if (t->answered + t->overdue) {
		fputs(" Tỷ lệ trả lời đúng hạn: ", f);
		md_pct(f, t->on_time, t->answered + t->overdue);
		fputc('.', f);
	}
	if (t->answered) {
		fputs(" Thời gian trả lời trung bình: ", f);
		md_dec(f, (double)t->answer_days_sum / (double)t->answered);
		fputs(" ngày.", f);
	}
	fputs("\n\n", f);
	static const char *const head[] = {
	    "Cơ quan, đơn vị", "Số nội dung",    "Đã trả lời",
	    "Đúng hạn",        "Trễ hạn",        "Quá hạn chưa trả lời",
	    "Chưa đến hạn",    "Tỷ lệ đúng hạn", "Số ngày trung bình"};
	md_head(f, head, 9, NULL);
	size_t n;
	size_t *ix = dlg_report_sorted(r, DLG_REPORT_DEPTS, true, &n);
	for (size_t i = 0; i < n; i++) {
		const char *key = dlg_tally_key(dlg_report_tally(r, DLG_REPORT_DEPTS), ix[i]);
		fputs("| ", f);
		md_dept(r, f, key, dlg_report_dept_name(r, key));
		fputs(" |", f);
		md_timely_row(f, dlg_tally_counts(dlg_report_tally(r, DLG_REPORT_DEPTS), ix[i]));
	}
	long q[DLG_Q_N];
	dlg_report_sum(r, DLG_REPORT_DEPTS, q);
	fputs("| **Tổng cộng** |", f);
	md_timely_row(f, q);
	fputs("\nTỷ lệ đúng hạn: số nội dung trả lời đúng hạn trên tổng số nội dung đã đến hạn "
	      "(đã trả lời hoặc quá hạn chưa trả lời).\n\n",
	      f);
	free(ix);
}

struct md_gap {
	FILE *f;
	const char *commune, *session;
	size_t n;
};

static void md_gap_cb(void *ctx, const char *commune, const char *session, const char *village)
{
	struct md_gap *g = ctx;
	if (strcmp(commune, g->commune) || strcmp(session, g->session))
		return;
	fputs(g->n++ ? ", " : "", g->f);
	md_text(g->f, village);
}

static void md_coverage(dlg_report *r, FILE *f)
{
	size_t ns;
	size_t *si = dlg_report_sorted(r, DLG_REPORT_SESSIONS, false, &ns);
	bool many = dlg_tally_size(dlg_report_tally(r, DLG_REPORT_COMMUNES)) > 1;
	for (size_t a = 0; a < ns; a++) {
		const long *s = dlg_tally_counts(dlg_report_tally(r, DLG_REPORT_SESSIONS), si[a]);
		if (!dlg_report_session_checked(s))
			continue;
		char commune[256], session[256];
		const char *k = dlg_tally_key(dlg_report_tally(r, DLG_REPORT_SESSIONS), si[a]);
		dlg_report_key_part(k, 0, commune, sizeof commune);
		dlg_report_key_part(k, 1, session, sizeof session);
		long nv = 0;
		for (size_t i = 0; i < dlg_tally_size(dlg_report_tally(r, DLG_REPORT_VILLAGES));
		     i++) {
			char cb[256];
			if (dlg_tally_counts(dlg_report_tally(r, DLG_REPORT_VILLAGES),
			                     i)[DLG_VIL_RANK] &&
			    !strcmp(dlg_report_key_part(
			                dlg_tally_key(dlg_report_tally(r, DLG_REPORT_VILLAGES), i),
			                0, cb, sizeof cb),
			            commune))
				nv++;
		}
		/* count this session's gaps, then list them */
		char *list = NULL;
		size_t len;
		FILE *m = open_memstream(&list, &len);
		if (!m)
			dlg_out_of_memory();
		struct md_gap g = {m, commune, session, 0};
		dlg_report_coverage_gaps(r, md_gap_cb, &g);
		fclose(m);
		fputs("- ", f);
		if (many) {
			md_text(f, commune);
			fputs(", ", f);
		}
		fputs("Hội nghị ", f);
		md_text(f, session);
		if (s[DLG_SES_DATE]) {
			fputs(" (ngày ", f);
			md_date(f, s[DLG_SES_DATE] - 1);
			fputc(')', f);
		}
		/* after a held conference, who came; before it, who registered */
		const char *who =
		    s[DLG_SES_HELD] ? "người tham dự Hội nghị" : "người đăng ký hợp lệ tham gia";
		if (!g.n)
			fprintf(f, ": cả %ld thôn, cụm dân cư, tổ dân phố đều có %s.\n", nv, who);
		else
			fprintf(f, ": %zu/%ld thôn, cụm dân cư, tổ dân phố chưa có %s: %s.\n", g.n,
			        nv, who, list);
		free(list);
	}
	free(si);
}

static void md_villages(dlg_report *r, FILE *f)
{
	fputs("## 4. Thôn, cụm dân cư, tổ dân phố\n\n", f);
	fputs("Kế hoạch yêu cầu mỗi thôn, cụm dân cư, tổ dân phố có tối thiểu 01 người dân "
	      "hoặc tổ chức, doanh nghiệp đăng ký và tham gia mỗi Hội nghị đối thoại.\n\n",
	      f);
	md_coverage(r, f);
	fputc('\n', f);
	bool many = dlg_tally_size(dlg_report_tally(r, DLG_REPORT_COMMUNES)) > 1;
	static const char *const head[] = {"Xã", "Thôn, cụm dân cư, tổ dân phố", "Số phiếu",
	                                   "Hợp lệ", "Số nội dung"};
	md_head(f, many ? head : head + 1, many ? 5 : 4, many ? "llrrr" : NULL);
	size_t n;
	size_t *ix = dlg_report_sorted(r, DLG_REPORT_VILLAGES, false, &n);
	long tot[3] = {0, 0, 0};
	for (size_t i = 0; i < n; i++) {
		const long *v = dlg_tally_counts(dlg_report_tally(r, DLG_REPORT_VILLAGES), ix[i]);
		if (!dlg_report_village_listed(v))
			continue;
		char cb[256], vb[256];
		const char *k = dlg_tally_key(dlg_report_tally(r, DLG_REPORT_VILLAGES), ix[i]);
		fputs("|", f);
		if (many) {
			fputc(' ', f);
			md_text(f, dlg_report_key_part(k, 0, cb, sizeof cb));
			fputs(" |", f);
		}
		dlg_report_key_part(k, 1, vb, sizeof vb);
		fputc(' ', f);
		if (*vb)
			md_text(f, vb);
		else
			fputs("(không rõ)", f);
		fputs(" |", f);
		long vals[] = {v[DLG_REG_TOTAL], v[DLG_REG_ACCEPTED], v[DLG_VIL_QUESTIONS]};
		md_nums(f, vals, 3);
		for (int j = 0; j < 3; j++)
			tot[j] += vals[j];
	}
	fputs(many ? "| **Tổng cộng** | |" : "| **Tổng cộng** |", f);
	md_nums(f, tot, 3);
	fputc('\n', f);
	free(ix);
}

static void md_participants(dlg_report *r, FILE *f)
{
	const dlg_report_opts *o = dlg_report_options(r);
	fputs("## 5. Danh sách người đăng ký\n\n", f);
	if (!dlg_report_nparticipants(r)) {
		fputs("Không có người đăng ký.\n", f);
		return;
	}
	static const char *const head[] = {"STT",
	                                   "Họ và tên",
	                                   "Tổ chức, doanh nghiệp",
	                                   "Thôn, cụm dân cư, tổ dân phố",
	                                   "Hình thức",
	                                   "Tình trạng",
	                                   "Hội nghị",
	                                   "Điện thoại"};
	bool all = !o->session;
	const char *cols[8];
	size_t nc = 0;
	for (size_t i = 0; i < 8; i++)
		if ((i != 6 || all) && (i != 7 || o->phones))
			cols[nc++] = head[i];
	md_head(f, cols, nc, "rlllllll");
	for (size_t i = 0; i < dlg_report_nparticipants(r); i++) {
		const dlg_report_participant *p = dlg_report_participant_at(r, i);
		fprintf(f, "| %zu | ", i + 1);
		md_text(f, p->name);
		fputs(" | ", f);
		md_text(f, p->org);
		fputs(" | ", f);
		md_text(f, p->village);
		fputs(" | ", f);
		md_text(f, dlg_channel_display(p->channel));
		fputs(" | ", f);
		md_text(f, dlg_reg_status_display(p->status));
		if (all) {
			fputs(" | ", f);
			md_text(f, p->session);
		}
		if (o->phones) {
			fputs(" | ", f);
			md_text(f, p->phone);
		}
		fputs(" |\n", f);
	}
	size_t hidden = dlg_report_nprotected(r);
	if (hidden)
		fprintf(
		    f,
		    "\nKhông ghi tên %02zu người đăng ký chỉ có nội dung khiếu nại, tố cáo, tranh "
		    "chấp (đã được hướng dẫn theo quy định; Luật Tố cáo năm 2018, Điều 47).\n",
		    hidden);
}

void dlg_report_write_markdown(dlg_report *r, FILE *f)
{
	const dlg_report_opts *o = dlg_report_options(r);
	dlg_report_totals t;
	dlg_report_get_totals(r, &t);
	fputs("# Kết quả tổ chức Hội nghị đối thoại với người dân, tổ chức và doanh nghiệp về "
	      "thủ tục hành chính và giải quyết thủ tục hành chính\n\n",
	      f);
	size_t nc = dlg_tally_size(dlg_report_tally(r, DLG_REPORT_COMMUNES));
	fputs("- Đơn vị: ", f);
	if (nc != 1)
		fprintf(f, "%zu xã (", nc);
	for (size_t i = 0; i < nc; i++) {
		fputs(i ? ", " : "", f);
		md_text(f, dlg_tally_key(dlg_report_tally(r, DLG_REPORT_COMMUNES), i));
	}
	fputs(nc != 1 ? ")\n" : "\n", f);
	if (o->session) {
		fputs("- Hội nghị: ", f);
		md_text(f, o->session);
		for (size_t i = 0; i < dlg_tally_size(dlg_report_tally(r, DLG_REPORT_SESSIONS));
		     i++) {
			const long *s =
			    dlg_tally_counts(dlg_report_tally(r, DLG_REPORT_SESSIONS), i);
			if (s[DLG_SES_DATE]) {
				fputs(", ngày ", f);
				md_date(f, s[DLG_SES_DATE] - 1);
				break;
			}
		}
		fputc('\n', f);
	} else {
		fputs("- Hội nghị: tất cả các Hội nghị trong năm\n", f);
	}
	fputs("- Số liệu tính đến ngày: ", f);
	md_date(f, o->today);
	fputs("\n\n", f);
	md_registrations(r, f, &t);
	md_questions(r, f, &t);
	md_timeliness(r, f, &t);
	md_villages(r, f);
	if (o->names)
		md_participants(r, f);
}
