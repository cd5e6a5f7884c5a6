/* Due dates of the forwarded questions, the conference calendar, the days
 * off, and reminders. */
#include "step/deadline.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fmt/csv.h"
#include "base/diag.h"
#include "case/period.h"
#include "step/reminders.h"
#include "case/sessions.h"
#include "fmt/table.h"
#include "case/answers.h"
#include "case/closures.h"

/* The view's writer: CSV on standard output, or the workbook --xlsx names;
 * NULL after a diagnostic. */
static dlg_csv_writer *view_writer(const dlg_deadline_opts *o, const char *sheet)
{
	if (o->xlsx)
		return dlg_csv_writer_xlsx(o->xlsx, sheet);
	return dlg_csv_writer_new(stdout, o->excel);
}

/* Finish the view; false after a diagnostic. */
static bool finish_stdout(dlg_csv_writer *w)
{
	return dlg_csv_writer_finish(w, _("standard output"));
}

/* ---- --holidays YEAR ---- */

int dlg_deadline_holidays(const dlg_case *c, dlg_holidays *hol, const dlg_deadline_opts *o)
{
	const dlg_holiday *v;
	size_t n = dlg_holidays_year(hol, o->holidays_year, &v);
	dlg_csv_writer *w = view_writer(o, "ngày nghỉ");
	if (!w)
		return DLG_EXIT_ERROR;
	static const char *const head[] = {"date", "weekday", "name", "kind", "source"};
	dlg_csv_write_row(w, head, 5);
	for (size_t i = 0; i < n; i++) {
		char date[11];
		dlg_date_format_iso(v[i].day, date);
		const char *row[] = {date, dlg_date_weekday_vi(v[i].day, true), v[i].name,
		                     v[i].work ? "work" : "off",
		                     v[i].source == DLG_HOL_FILE ? "file" : "computed"};
		dlg_csv_write_row(w, row, 5);
	}
	return finish_stdout(w) ? DLG_EXIT_OK : DLG_EXIT_ERROR;
}

/* ---- --sessions ---- */

int dlg_deadline_sessions(const dlg_case *c, dlg_holidays *hol, const dlg_deadline_opts *o)
{
	dlg_sessions ss;
	if (!dlg_sessions_load(&ss, c))
		return DLG_EXIT_ERROR;
	const dlg_conf *cf = c->conf;
	long ann = dlg_conf_get_long(cf, "rules", "announce_days_before");
	long pub = dlg_conf_get_long(cf, "rules", "publish_days_after");
	dlg_csv_writer *w = view_writer(o, "hội nghị");
	if (!w) {
		dlg_sessions_free(&ss);
		return DLG_EXIT_ERROR;
	}
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
		    dlg_session_cutoff(s, c),
		    /* announced at least N days before: the office must act on a
		     * working day, so an off day moves the date earlier */
		    dlg_prev_working_day(hol, s->date - ann),
		    dlg_period_end(hol, s->date, pub, DLG_DAYS_CALENDAR),
		};
		char date[11], d[3][11], left[3][24];
		dlg_date_format_iso(s->date, date);
		for (int k = 0; k < 3; k++) {
			dlg_date_format_iso(day[k], d[k]);
			snprintf(left[k], sizeof left[k], "%ld", (long)(day[k] - o->today));
		}
		const char *row[] = {s->id, date,    s->status, d[0],   left[0],
		                     d[1],  left[1], d[2],      left[2]};
		dlg_csv_write_row(w, row, 9);
	}
	bool ok = finish_stdout(w);
	dlg_sessions_free(&ss);
	return ok ? DLG_EXIT_OK : DLG_EXIT_ERROR;
}

/* ---- items ---- */

/* Columns of the items file a reminder shows (-1 when absent). */
typedef struct {
	int id, sent, dept, name, org, phone, village, kind, text;
} item_cols;

static const char *field(const dlg_row *row, int col)
{
	return col >= 0 ? row->field[col] : "";
}

static void add_reminder(dlg_reminders *rs, const dlg_row *row, const item_cols *k, dlg_day sent,
                         dlg_day due, dlg_item_state st, long left)
{
	dlg_reminder m = {
	    .dept = field(row, k->dept),
	    .item_id = field(row, k->id),
	    .name = field(row, k->name),
	    .org = field(row, k->org),
	    .phone = field(row, k->phone),
	    .village = field(row, k->village),
	    .kind = field(row, k->kind),
	    .text = field(row, k->text),
	    .sent = sent,
	    .due = due,
	    .st = st,
	    .left = left,
	};
	dlg_reminders_add(rs, &m);
}

/* Read the items; write them with their due dates, or with o->remind
 * collect the overdue and due-soon ones into rs. *overdue tells whether any
 * item is overdue. The exit status (0 or 2). */
static int read_items(const dlg_case *c, dlg_holidays *hol, const dlg_deadline_opts *o,
                      const dlg_answers *answered, dlg_reminders *rs, bool *overdue)
{
	dlg_duecalc dc;
	dlg_duecalc_init(&dc, c, hol, o->today, o->soon);

	dlg_csv_opts co = {.from = o->from};
	dlg_csv_reader *r = dlg_csv_open(o->items ? o->items : "-", &co);
	if (!r)
		return DLG_EXIT_ERROR;
	item_cols k = {.id = dlg_csv_col(r, "item_id")};
	if (k.id < 0) {
		dlg_warn_at(dlg_csv_name(r), 1, _("no \"%s\" column"), "item_id");
		dlg_csv_close(r);
		return DLG_EXIT_ERROR;
	}
	k.sent = dlg_csv_col(r, "sent");
	k.dept = dlg_csv_col(r, "dept");
	k.name = dlg_csv_col(r, "name");
	k.org = dlg_csv_col(r, "organization");
	k.phone = dlg_csv_col(r, "phone");
	k.village = dlg_csv_col(r, "village");
	k.kind = dlg_csv_col(r, "kind");
	k.text = dlg_csv_col(r, "text");

	static const char *const own[] = {"sent", "due", "answered", "state", "days_left"};
	dlg_colplan plan;
	dlg_colplan_init(&plan, dlg_csv_header(r), own, 5);
	dlg_csv_writer *w = NULL;
	const char **out = dlg_xmalloc(plan.n * sizeof *out);
	if (!o->remind) {
		if (!(w = view_writer(o, "thời hạn"))) {
			dlg_csv_close(r);
			free(out);
			dlg_colplan_free(&plan);
			return DLG_EXIT_ERROR;
		}
		dlg_csv_write_row(w, plan.name, plan.n);
	}
	const dlg_row *row;
	int got;
	bool bad = false;
	/* a bad row is reported with file and line and skipped: the good rows
	 * are still shown and reminded of (cron gets all it can), and the exit
	 * status is 2 */
	while ((got = dlg_csv_next(r, &row)) != 0) {
		if (got == DLG_CSV_BAD_ROW) {
			bad = true;
			continue;
		}
		if (got < 0)
			break;
		const char *sent_s = field(row, k.sent);
		dlg_day sent = o->today;
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
			bool has = dlg_answers_get(answered, row->field[k.id], row->len[k.id], &ad);
			state = dlg_item_state_of(&dc, sent, has ? &ad : NULL, &due, &left);
			if (has && !o->remind)
				dlg_date_format_iso(ad, ans_b);
			if (state == DLG_ST_OVERDUE)
				*overdue = true;
			st = dlg_item_state_name(state);
			if (!o->remind) {
				dlg_date_format_iso(sent, sent_b);
				dlg_date_format_iso(due, due_b);
				if (state < DLG_ST_ANSWERED)
					snprintf(left_b, sizeof left_b, "%ld", left);
			}
		}
		if (o->remind) {
			if (ok && (state == DLG_ST_OVERDUE || state == DLG_ST_DUE_SOON))
				add_reminder(rs, row, &k, sent, due, state, left);
			continue;
		}
		for (size_t i = 0; i < row->n; i++)
			out[i] = row->field[i];
		const char *mine[] = {ok ? sent_b : sent_s, due_b, ans_b, st, left_b};
		for (size_t i = 0; i < 5; i++)
			out[plan.own_at[i]] = mine[i];
		dlg_csv_write_row(w, out, plan.n);
	}
	if (got < 0)
		bad = true;
	dlg_csv_close(r);
	free(out);
	dlg_colplan_free(&plan);
	if (w && bad)
		dlg_csv_writer_discard(w);
	else if (w && !finish_stdout(w))
		bad = true;
	return bad ? DLG_EXIT_ERROR : DLG_EXIT_OK;
}

/* Print the reminders and send the messages o asks for. The exit status. */
static int remind(const dlg_deadline_opts *o, dlg_reminders *rs, bool overdue)
{
	if (rs->n == 0)
		return DLG_EXIT_OK;
	dlg_reminders_sort(rs);
	dlg_reminders_print(rs, stdout);
	if (fflush(stdout) == EOF && errno != EPIPE) {
		dlg_warn("%s: %s", _("standard output"), strerror(errno));
		return DLG_EXIT_ERROR;
	}
	if ((o->mail_dir || o->sendmail) && !dlg_reminders_send(rs, o->mail_dir, o->sendmail))
		return DLG_EXIT_ERROR;
	return overdue ? DLG_EXIT_FOUND : DLG_EXIT_OK;
}

int dlg_deadline_items(const dlg_case *c, dlg_holidays *hol, const dlg_deadline_opts *o)
{
	dlg_answers answered = {0};
	bool answers_ok = (!o->answers || dlg_answers_load(&answered, o->answers, o->from)) &&
	                  dlg_closures_load(&answered, c, NULL);
	if (!answers_ok && !o->remind) {
		dlg_answers_free(&answered);
		return DLG_EXIT_ERROR;
	}
	/* --remind goes on with the answers it could read (errors reported, exit 2) */
	dlg_table depts;
	bool have_depts = false;
	if (o->remind) {
		char *dpath = dlg_case_data(c, "departments");
		if (dpath) {
			static const char *const req[] = {"dept", NULL};
			have_depts = dlg_table_load(&depts, dpath, req);
			free(dpath);
			if (!have_depts) {
				dlg_answers_free(&answered);
				return DLG_EXIT_ERROR;
			}
		}
	}
	dlg_reminders rs;
	dlg_reminders_init(&rs, have_depts ? &depts : NULL, c->conf, o->today);
	rs.today_fixed = o->today_fixed;
	bool overdue = false;
	int status = read_items(c, hol, o, &answered, &rs, &overdue);
	if (!answers_ok)
		status = DLG_EXIT_ERROR;
	if (o->remind) {
		/* after bad rows (reported), still the reminders of the good ones */
		int st = remind(o, &rs, overdue);
		if (status == DLG_EXIT_OK)
			status = st;
	}
	dlg_reminders_free(&rs);
	dlg_answers_free(&answered);
	if (have_depts)
		dlg_table_free(&depts);
	return status;
}

int dlg_deadline_run(const dlg_case *c, const dlg_deadline_opts *o)
{
	dlg_holidays *hol = dlg_case_holidays(c);
	if (!hol)
		return DLG_EXIT_ERROR;
	int status;
	if (o->holidays_year)
		status = dlg_deadline_holidays(c, hol, o);
	else if (o->sessions)
		status = dlg_deadline_sessions(c, hol, o);
	else
		status = dlg_deadline_items(c, hol, o);
	dlg_holidays_free(hol);
	return status;
}
