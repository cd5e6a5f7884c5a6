/* dlg-deadline: due dates of the questions forwarded to departments, the
 * conference calendar, the days off, and reminders for cron (DESIGN §7). */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "atomic.h"
#include "casedir.h"
#include "csvio.h"
#include "date.h"
#include "diag.h"
#include "hashmap.h"
#include "holidays.h"
#include "mail.h"
#include "period.h"
#include "sessions.h"
#include "table.h"
#include "timeliness.h"

static struct {
	const char *dir, *answers, *today, *mail_dir, *from;
	bool sessions, remind, sendmail, excel, today_fixed;
	int hol_year;
	long soon;
	bool has_soon;
} opt;

static dlg_case kase;
static dlg_holidays *hol;
static dlg_day today;

static void usage(void)
{
	printf(
	    _("Usage: %s [OPTION]... [ITEMS.csv]\n"
	      "Add due dates and states to the items (questions forwarded to departments),\n"
	      "or list the conference calendar, the days off, or reminders.\n"
	      "\n"
	      "  -a, --answers FILE   answers.csv: an item's first answer marks it answered\n"
	      "      --soon N         due_soon when at most N days are left (default: dlg.conf\n"
	      "                       soon_days, 2)\n"
	      "      --remind         print what is overdue or due soon, by department, in\n"
	      "                       Vietnamese; nothing when nothing is; exit 1 when anything\n"
	      "                       is overdue\n"
	      "      --mail DIR       also write one e-mail per department into DIR\n"
	      "      --sendmail       also hand those e-mails to sendmail -t ($DLG_SENDMAIL,\n"
	      "                       else dlg.conf [mail] sendmail)\n"
	      "      --sessions       each conference with its registration cutoff and the\n"
	      "                       dates invitations and results are due\n"
	      "      --holidays YEAR  the days off used for YEAR and where they come from\n"
	      "      --today DATE     count from DATE (YYYY-MM-DD) instead of today\n"
	      "      --from ENC       the input's encoding when it is not UTF-8 (e.g. CP1258)\n"
	      "      --excel          CSV for Excel: BOM, CRLF, formulas guarded\n"
	      "  -C DIR               the case folder\n"
	      "  -h, --help           show this help\n"
	      "      --version        show the version\n"
	      "\n"
	      "Exit status: 0 done, 1 something is overdue (--remind), 2 error.\n"),
	    dlg_progname());
}

static long parse_count(const char *what, const char *s)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < 0 || v > 3650)
		dlg_usage_error(_("%s: \"%s\" is not a number of days (0 to 3650)"), what, s);
	return v;
}

static void parse_args(int argc, char **argv)
{
	enum {
		O_SOON = 256,
		O_REMIND,
		O_MAIL,
		O_SENDMAIL,
		O_SESSIONS,
		O_HOLIDAYS,
		O_TODAY,
		O_FROM,
		O_EXCEL,
		O_VERSION
	};
	static const struct option longopts[] = {
	    {"answers", required_argument, NULL, 'a'},
	    {"soon", required_argument, NULL, O_SOON},
	    {"remind", no_argument, NULL, O_REMIND},
	    {"mail", required_argument, NULL, O_MAIL},
	    {"sendmail", no_argument, NULL, O_SENDMAIL},
	    {"sessions", no_argument, NULL, O_SESSIONS},
	    {"holidays", required_argument, NULL, O_HOLIDAYS},
	    {"today", required_argument, NULL, O_TODAY},
	    {"from", required_argument, NULL, O_FROM},
	    {"excel", no_argument, NULL, O_EXCEL},
	    {"help", no_argument, NULL, 'h'},
	    {"version", no_argument, NULL, O_VERSION},
	    {NULL, 0, NULL, 0},
	};
	int c;
	while ((c = getopt_long(argc, argv, "a:C:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'a':
			opt.answers = optarg;
			break;
		case 'C':
			opt.dir = optarg;
			break;
		case O_SOON:
			opt.soon = parse_count("--soon", optarg);
			opt.has_soon = true;
			break;
		case O_REMIND:
			opt.remind = true;
			break;
		case O_MAIL:
			opt.mail_dir = optarg;
			opt.remind = true;
			break;
		case O_SENDMAIL:
			opt.sendmail = true;
			opt.remind = true;
			break;
		case O_SESSIONS:
			opt.sessions = true;
			break;
		case O_HOLIDAYS: {
			char *end;
			long y = strtol(optarg, &end, 10);
			if (end == optarg || *end || y < 1800 || y > 2199)
				dlg_usage_error(
				    _("--holidays: \"%s\" is not a year (1800 to 2199)"), optarg);
			opt.hol_year = (int)y;
			break;
		}
		case O_TODAY:
			opt.today = optarg;
			break;
		case O_FROM:
			opt.from = optarg;
			break;
		case O_EXCEL:
			opt.excel = true;
			break;
		case 'h':
			usage();
			exit(DLG_EXIT_OK);
		case O_VERSION:
			dlg_print_version();
			exit(DLG_EXIT_OK);
		default:
			fprintf(stderr, _("Try '%s --help' for more information.\n"),
			        dlg_progname());
			exit(DLG_EXIT_ERROR);
		}
	}
	int modes = opt.sessions + (opt.hol_year != 0) + opt.remind;
	if (modes > 1)
		dlg_usage_error("%s", _("--sessions, --holidays and --remind (--mail, --sendmail) "
		                        "go one at a time"));
	if ((opt.sessions || opt.hol_year) && argc - optind > 0)
		dlg_usage_error(_("unexpected argument \"%s\""), argv[optind]);
	if (argc - optind > 1)
		dlg_usage_error(_("one items file at most, not \"%s\" too"), argv[optind + 1]);
}

static void write_failed(dlg_csv_writer *w)
{
	if (!dlg_csv_writer_finish(w, _("standard output")))
		exit(DLG_EXIT_ERROR);
}

/* ---- --holidays YEAR ---- */

static const char *weekday_vi(dlg_day d)
{
	static const char *const name[] = {"Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư",
	                                   "Thứ Năm",  "Thứ Sáu", "Thứ Bảy"};
	return name[dlg_date_weekday(d)];
}

static int list_holidays(void)
{
	const dlg_holiday *v;
	size_t n = dlg_holidays_year(hol, opt.hol_year, &v);
	dlg_csv_writer *w = dlg_csv_writer_new(stdout, opt.excel);
	static const char *const head[] = {"date", "weekday", "name", "kind", "source"};
	dlg_csv_write_row(w, head, 5);
	for (size_t i = 0; i < n; i++) {
		char date[11];
		dlg_date_format_iso(v[i].day, date);
		const char *row[] = {date, weekday_vi(v[i].day), v[i].name,
		                     v[i].work ? "work" : "off",
		                     v[i].source == DLG_HOL_FILE ? "file" : "computed"};
		dlg_csv_write_row(w, row, 5);
	}
	write_failed(w);
	return DLG_EXIT_OK;
}

/* ---- --sessions ---- */

static int list_sessions(void)
{
	dlg_sessions ss;
	if (!dlg_sessions_load(&ss, &kase))
		return DLG_EXIT_ERROR;
	const dlg_conf *cf = kase.conf;
	long reg = dlg_conf_get_long(cf, "rules", "register_days_before");
	long ann = dlg_conf_get_long(cf, "rules", "announce_days_before");
	long pub = dlg_conf_get_long(cf, "rules", "publish_days_after");
	dlg_csv_writer *w = dlg_csv_writer_new(stdout, opt.excel);
	static const char *const head[] = {"session",
	                                   "date",
	                                   "status",
	                                   "register_by",
	                                   "register_days_left",
	                                   "announce_by",
	                                   "announce_days_left",
	                                   "publish_by",
	                                   "publish_days_left"};
	dlg_csv_write_row(w, head, 9);
	for (size_t i = 0; i < ss.n; i++) {
		const dlg_session *s = &ss.s[i];
		dlg_day day[3] = {
		    s->date - reg,
		    /* announced at least N days before: the office must act on a
		     * working day, so an off day moves the date earlier */
		    dlg_prev_working_day(hol, s->date - ann),
		    dlg_period_end(hol, s->date, pub, DLG_DAYS_CALENDAR),
		};
		char date[11], d[3][11], left[3][24];
		dlg_date_format_iso(s->date, date);
		for (int k = 0; k < 3; k++) {
			dlg_date_format_iso(day[k], d[k]);
			snprintf(left[k], sizeof left[k], "%ld", (long)(day[k] - today));
		}
		const char *row[] = {s->id, date,    s->status, d[0],   left[0],
		                     d[1],  left[1], d[2],      left[2]};
		dlg_csv_write_row(w, row, 9);
	}
	write_failed(w);
	dlg_sessions_free(&ss);
	return DLG_EXIT_OK;
}

static dlg_answers answered;

/* ---- items ---- */

typedef struct {
	char *dept, *item_id, *name, *org, *phone, *village, *kind, *text;
	dlg_day sent, due;
	dlg_item_state st;
	long left, seq;
	long rank; /* the department's row in departments.csv */
} reminder;

static reminder *rem;
static size_t nrem, caprem;
static dlg_table depts;
static bool have_depts;

static char *field_dup(const dlg_row *row, int col)
{
	return dlg_xstrdup(col >= 0 ? row->field[col] : "");
}

static int cmp_rem(const void *a, const void *b)
{
	const reminder *x = a, *y = b;
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

static long dept_rank(const char *dept)
{
	if (!*dept)
		return 1L << 30;
	long r = have_depts ? dlg_table_find(&depts, dlg_table_col(&depts, "dept"), dept) : -1;
	return r >= 0 ? r : (1L << 29);
}

static const char *dept_val(const char *dept, const char *col)
{
	if (!have_depts || !*dept)
		return "";
	long r = dlg_table_find(&depts, dlg_table_col(&depts, "dept"), dept);
	return r >= 0 ? dlg_table_val(&depts, (size_t)r, col) : "";
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

static void date_dmy(dlg_day d, char *buf)
{
	dlg_date_format_dmy(d, buf);
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

static void group_title(FILE *f, const reminder *r)
{
	if (!*r->dept) {
		fputs("(Chưa phân công đơn vị)", f);
		return;
	}
	const char *name = dept_val(r->dept, "name");
	fputs(r->dept, f);
	if (*name)
		fprintf(f, " - %s", name);
}

/* The list of one group's reminders [a, b). */
static void group_items(FILE *f, const reminder *a, const reminder *b)
{
	for (const reminder *r = a; r < b; r++) {
		char due[11], sent[11];
		date_dmy(r->due, due);
		date_dmy(r->sent, sent);
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

static void count_group(const reminder *a, const reminder *b, size_t *over, size_t *soon)
{
	*over = *soon = 0;
	for (const reminder *r = a; r < b; r++)
		*(r->st == DLG_ST_OVERDUE ? over : soon) += 1;
}

static const reminder *group_end(const reminder *a, const reminder *end)
{
	const reminder *b = a;
	while (b < end && !strcmp(b->dept, a->dept))
		b++;
	return b;
}

static void print_reminders(FILE *f)
{
	size_t over, soon;
	count_group(rem, rem + nrem, &over, &soon);
	char day[11];
	date_dmy(today, day);
	fputs("NHẮC HẠN TRẢ LỜI NỘI DUNG ĐĂNG KÝ ĐỐI THOẠI\n", f);
	fprintf(f, "Ngày %s: ", day);
	counts_text(f, over, soon, "nội dung ");
	fputs(".\n", f);
	for (const reminder *a = rem; a < rem + nrem;) {
		const reminder *b = group_end(a, rem + nrem);
		size_t o, s;
		count_group(a, b, &o, &s);
		fputc('\n', f);
		group_title(f, a);
		fputs(": ", f);
		counts_text(f, o, s, "");
		fputc('\n', f);
		group_items(f, a, b);
		a = b;
	}
}

/* The attachment: the group's reminders as CSV (for Excel). */
static char *group_csv(const reminder *a, const reminder *b, size_t *len)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);
	if (!f)
		dlg_die(DLG_EXIT_ERROR, "%s", _("out of memory"));
	dlg_csv_writer *w = dlg_csv_writer_new(f, true);
	static const char *const head[] = {"item_id", "dept",    "name",  "organization",
	                                   "phone",   "village", "kind",  "text",
	                                   "sent",    "due",     "state", "days_left"};
	dlg_csv_write_row(w, head, 12);
	for (const reminder *r = a; r < b; r++) {
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
	if (!dlg_csv_writer_finish(w, "memory"))
		exit(DLG_EXIT_ERROR);
	fclose(f);
	return buf;
}

/* A file name from a department code: letters, digits, '-' and '_' kept. */
static char *safe_name(const char *dept)
{
	if (!*dept)
		return dlg_xstrdup("chua-phan-cong");
	char *s = dlg_xstrdup(dept);
	for (char *p = s; *p; p++)
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		      (*p >= '0' && *p <= '9') || *p == '-' || *p == '_'))
			*p = '_';
	return s;
}

static dlg_mail *group_mail(const reminder *a, const reminder *b, const char *from, const char *to)
{
	const dlg_conf *cf = kase.conf;
	const char *office = dlg_conf_get(cf, "office", "office_name");
	size_t over, soon;
	count_group(a, b, &over, &soon);
	char day[11];
	date_dmy(today, day);
	const char *dname = *a->dept ? dept_val(a->dept, "name") : "";
	if (!*dname)
		dname = *a->dept ? a->dept : "Văn phòng (nội dung chưa phân công đơn vị)";

	char *body = NULL;
	size_t blen;
	FILE *f = open_memstream(&body, &blen);
	if (!f)
		dlg_die(DLG_EXIT_ERROR, "%s", _("out of memory"));
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
	group_items(f, a, b);
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
	fputs("Nhắc hạn trả lời đối thoại: ", sf);
	counts_text(sf, over, soon, "");
	fprintf(sf, " (%s)", dname);
	fclose(sf);
	dlg_mail_set_subject(m, subj);
	free(subj);
	dlg_mail_set_body(m, body);
	free(body);
	if (opt.today_fixed) /* reproducible runs: 07:00 in Vietnam that day */
		dlg_mail_set_date(m, (time_t)today * 86400, 420);
	dlg_mail_add_header(m, "Auto-Submitted", "auto-generated");
	size_t clen;
	char *csv = group_csv(a, b, &clen);
	char iso[11];
	dlg_date_format_iso(today, iso);
	char *code = safe_name(a->dept);
	char *fname = dlg_xasprintf("nhac-han-%s-%s.csv", code, iso);
	dlg_mail_attach(m, fname, "text/csv; charset=UTF-8", csv, clen);
	free(fname);
	free(code);
	free(csv);
	return m;
}

static bool send_mails(void)
{
	const dlg_conf *cf = kase.conf;
	const char *from_conf = dlg_conf_get(cf, "mail", "from");
	if (!*from_conf)
		from_conf = dlg_conf_get(cf, "office", "email");
	/* [mail] from may be "Name <address>" */
	char *from_name = NULL, *from_addr = NULL;
	const char *from = NULL;
	if (dlg_mail_split_addr(from_conf, &from_name, &from_addr))
		from = from_addr;
	else
		dlg_warn(_("no usable sender address: set [mail] from in dlg.conf"));
	free(from_name);
	const char *sendmail = getenv("DLG_SENDMAIL");
	if (!sendmail || !*sendmail)
		sendmail = dlg_conf_get(cf, "mail", "sendmail");
	if (opt.mail_dir && mkdir(opt.mail_dir, 0777) < 0 && errno != EEXIST) {
		dlg_warn("%s: %s", opt.mail_dir, strerror(errno));
		free(from_addr);
		return false;
	}
	bool ok = true;
	for (const reminder *a = rem; a < rem + nrem;) {
		const reminder *b = group_end(a, rem + nrem);
		const char *to = dept_val(a->dept, "email");
		if (!dlg_mail_addr_ok(to)) {
			size_t n = (size_t)(b - a);
			if (*a->dept)
				dlg_warn(
				    ngettext("department %s has no e-mail address in "
				             "departments.csv; its %zu reminder goes to the "
				             "office",
				             "department %s has no e-mail address in "
				             "departments.csv; its %zu reminders go to the office",
				             n),
				    a->dept, n);
			else
				dlg_warn(
				    ngettext("%zu reminder has no department; it goes to the "
				             "office",
				             "%zu reminders have no department; they go to the "
				             "office",
				             n),
				    n);
			to = from;
		}
		dlg_mail *m = group_mail(a, b, from, to);
		if (opt.mail_dir) {
			char *code = safe_name(a->dept);
			char *base = dlg_xasprintf("%s.eml", code);
			char *path = dlg_path_join(opt.mail_dir, base);
			dlg_atomic at;
			if (dlg_atomic_begin(&at, path, 0644)) {
				if (!dlg_mail_write(m, at.f)) {
					dlg_warn("%s: %s", path, strerror(errno));
					dlg_atomic_abort(&at);
					ok = false;
				} else if (!dlg_atomic_commit(&at)) {
					ok = false;
				}
			} else {
				ok = false;
			}
			free(path);
			free(base);
			free(code);
		}
		if (opt.sendmail) {
			if (!to)
				dlg_warn(_("%s: no recipient; not sent"), *a->dept ? a->dept : "-");
			else if (!dlg_mail_sendmail(m, sendmail))
				ok = false;
		}
		dlg_mail_free(m);
		a = b;
	}
	free(from_addr);
	return ok;
}

static int process_items(const char *path)
{
	dlg_duecalc dc;
	dlg_duecalc_init(&dc, &kase, hol, today, opt.has_soon ? opt.soon : -1);

	dlg_csv_opts co = {.from = opt.from};
	dlg_csv_reader *r = dlg_csv_open(path, &co);
	if (!r)
		return DLG_EXIT_ERROR;
	int cid = dlg_csv_col(r, "item_id");
	if (cid < 0) {
		dlg_warn_at(dlg_csv_name(r), 1, _("no \"%s\" column"), "item_id");
		dlg_csv_close(r);
		return DLG_EXIT_ERROR;
	}
	int csent = dlg_csv_col(r, "sent"), cdept = dlg_csv_col(r, "dept");
	int cname = dlg_csv_col(r, "name"), corg = dlg_csv_col(r, "organization");
	int cphone = dlg_csv_col(r, "phone"), cvill = dlg_csv_col(r, "village");
	int ckind = dlg_csv_col(r, "kind"), ctext = dlg_csv_col(r, "text");

	static const char *const own[] = {"sent", "due", "answered", "state", "days_left"};
	dlg_colplan plan;
	dlg_colplan_init(&plan, dlg_csv_header(r), own, 5);
	dlg_csv_writer *w = NULL;
	const char **out = dlg_xmalloc(plan.n * sizeof *out);
	if (!opt.remind) {
		w = dlg_csv_writer_new(stdout, opt.excel);
		dlg_csv_write_row(w, plan.name, plan.n);
	}
	char today_iso[11];
	dlg_date_format_iso(today, today_iso);
	const dlg_row *row;
	int got;
	bool bad = false;
	long seq = 0;
	bool overdue = false;
	while ((got = dlg_csv_next(r, &row)) > 0) {
		seq++;
		const char *sent_s = csent >= 0 ? row->field[csent] : "";
		dlg_day sent = today;
		bool ok = true;
		if (*sent_s && !dlg_date_parse_iso(sent_s, &sent)) {
			dlg_warn_at(dlg_csv_name(r), row->line,
			            _("sent date \"%s\" is not a date (YYYY-MM-DD)"), sent_s);
			bad = true;
			ok = false;
		}
		char sent_b[11] = "", due_b[11] = "", ans_b[11] = "", left_b[24] = "";
		const char *st = "";
		dlg_item_state state = DLG_ST_PENDING;
		long left = 0;
		dlg_day due = 0;
		if (ok) {
			dlg_day ad;
			bool has = dlg_answers_get(&answered, row->field[cid], row->len[cid], &ad);
			state = dlg_item_state_of(&dc, sent, has ? &ad : NULL, &due, &left);
			if (has && !opt.remind)
				dlg_date_format_iso(ad, ans_b);
			if (state == DLG_ST_OVERDUE)
				overdue = true;
			st = dlg_item_state_name(state);
			if (!opt.remind) {
				dlg_date_format_iso(sent, sent_b);
				dlg_date_format_iso(due, due_b);
				if (state < DLG_ST_ANSWERED)
					snprintf(left_b, sizeof left_b, "%ld", left);
			}
		}
		if (opt.remind) {
			if (ok && (state == DLG_ST_OVERDUE || state == DLG_ST_DUE_SOON)) {
				if (nrem == caprem) {
					caprem = caprem ? 2 * caprem : 64;
					rem = dlg_xrealloc(rem, caprem * sizeof *rem);
				}
				reminder *m = &rem[nrem++];
				m->dept = field_dup(row, cdept);
				m->item_id = field_dup(row, cid);
				m->name = field_dup(row, cname);
				m->org = field_dup(row, corg);
				m->phone = field_dup(row, cphone);
				m->village = field_dup(row, cvill);
				m->kind = field_dup(row, ckind);
				m->text = field_dup(row, ctext);
				m->sent = sent;
				m->due = due;
				m->st = state;
				m->left = left;
				m->seq = seq;
				m->rank = dept_rank(m->dept);
			}
			continue;
		}
		for (size_t i = 0; i < row->n; i++)
			out[i] = row->field[i];
		const char *mine[] = {ok ? sent_b : sent_s, due_b, ans_b, st, left_b};
		for (size_t k = 0; k < 5; k++)
			out[plan.own_at[k]] = mine[k];
		dlg_csv_write_row(w, out, plan.n);
	}
	if (got < 0)
		bad = true;
	dlg_csv_close(r);
	free(out);
	dlg_colplan_free(&plan);
	if (w)
		write_failed(w);
	if (bad)
		return DLG_EXIT_ERROR;
	if (!opt.remind)
		return DLG_EXIT_OK;
	if (nrem == 0)
		return DLG_EXIT_OK;
	qsort(rem, nrem, sizeof *rem, cmp_rem);
	print_reminders(stdout);
	if (fflush(stdout) == EOF && errno != EPIPE) {
		dlg_warn("%s: %s", _("standard output"), strerror(errno));
		return DLG_EXIT_ERROR;
	}
	if ((opt.mail_dir || opt.sendmail) && !send_mails())
		return DLG_EXIT_ERROR;
	return overdue ? DLG_EXIT_FOUND : DLG_EXIT_OK;
}

static void free_reminders(void)
{
	for (size_t i = 0; i < nrem; i++) {
		reminder *m = &rem[i];
		free(m->dept);
		free(m->item_id);
		free(m->name);
		free(m->org);
		free(m->phone);
		free(m->village);
		free(m->kind);
		free(m->text);
	}
	free(rem);
}

int main(int argc, char **argv)
{
	dlg_diag_init(argv[0]);
	parse_args(argc, argv);
	if (!dlg_case_open(&kase, opt.dir))
		return DLG_EXIT_ERROR;
	if (!dlg_date_today(opt.today, &today))
		return DLG_EXIT_ERROR;
	opt.today_fixed = opt.today || (getenv("DLG_TODAY") && *getenv("DLG_TODAY"));
	hol = dlg_holidays_new();
	char *hpath = dlg_case_data(&kase, "holidays");
	if (hpath && !dlg_holidays_load(hol, hpath))
		return DLG_EXIT_ERROR;
	free(hpath);
	int status;
	if (opt.hol_year) {
		status = list_holidays();
	} else if (opt.sessions) {
		status = list_sessions();
	} else {
		if (opt.answers && !dlg_answers_load(&answered, opt.answers, opt.from))
			return DLG_EXIT_ERROR;
		if (opt.remind) {
			char *dpath = dlg_case_data(&kase, "departments");
			if (dpath) {
				static const char *const req[] = {"dept", NULL};
				if (!dlg_table_load(&depts, dpath, req))
					return DLG_EXIT_ERROR;
				have_depts = true;
				free(dpath);
			}
		}
		status = process_items(optind < argc ? argv[optind] : "-");
		free_reminders();
		dlg_answers_free(&answered);
		if (have_depts)
			dlg_table_free(&depts);
	}
	dlg_holidays_free(hol);
	dlg_case_close(&kase);
	return status;
}
