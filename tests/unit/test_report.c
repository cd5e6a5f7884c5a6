/* Unit tests for lib/base/tally.c, lib/base/privacy.c, lib/case/answers.c and the
 * aggregation of lib/case/report.c (counts worked out by hand). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/privacy.h"
#include "step/report.h"
#include "base/tally.h"
#include "case/answers.h"

static void tally_counts(void **state)
{
	dlg_tally *t = dlg_tally_new(2);
	char key[16];
	for (int round = 0; round < 3; round++)
		for (int i = 0; i < 500; i++) {
			snprintf(key, sizeof key, "k%d", i);
			long *c = dlg_tally_at(t, key, strlen(key));
			c[0]++;
			c[1] += i;
		}
	assert_int_equal(dlg_tally_size(t), 500);
	assert_string_equal(dlg_tally_key(t, 0), "k0");
	assert_string_equal(dlg_tally_key(t, 499), "k499");
	long i = dlg_tally_find(t, "k321", 4);
	assert_int_equal(i, 321);
	assert_int_equal(dlg_tally_counts(t, 321)[0], 3);
	assert_int_equal(dlg_tally_counts(t, 321)[1], 963);
	assert_int_equal(dlg_tally_find(t, "nope", 4), -1);
	assert_int_equal(dlg_tally_find(t, "k32", 3), 32);
	/* the empty key is a key like any other */
	dlg_tally_at(t, "", 0)[0] = 7;
	assert_int_equal(dlg_tally_counts(t, (size_t)dlg_tally_find(t, "", 0))[0], 7);
	dlg_tally_set_label(t, 3, "ba");
	assert_string_equal(dlg_tally_label(t, 3), "ba");
	assert_null(dlg_tally_label(t, 4));
	dlg_tally_free(t);
}

static void phone_masks(void **state)
{
	char b[32];
	assert_string_equal(dlg_mask_phone("0912345678", b, sizeof b), "0912 *** 678");
	assert_string_equal(dlg_mask_phone("0912.345.678", b, sizeof b), "0912 *** 678");
	assert_string_equal(dlg_mask_phone("+84 912 345 678", b, sizeof b), "0912 *** 678");
	assert_string_equal(dlg_mask_phone("02433 123 456", b, sizeof b), "0243 *** 456");
	assert_string_equal(dlg_mask_phone("113", b, sizeof b), "***");
	assert_string_equal(dlg_mask_phone("", b, sizeof b), "");

	char *s = dlg_mask_contacts("Gọi 0912 345 678 hoặc an.nguyen@example.com, nhà số 12");
	assert_string_equal(s, "Gọi 0912 *** 678 hoặc ***@example.com, nhà số 12");
	free(s);
	s = dlg_mask_contacts("Năm 2026, thửa 123456 tờ 7");
	assert_string_equal(s, "Năm 2026, thửa 123456 tờ 7");
	free(s);
	s = dlg_mask_contacts("ĐT:+84912345678.");
	assert_string_equal(s, "ĐT:0912 *** 678.");
	free(s);
}

static void answers_and_states(void **state)
{
	dlg_answers a;
	dlg_answers_init(&a);
	dlg_day d;
	assert_false(dlg_answers_get(&a, "X", 1, &d));
	char id[16];
	for (int i = 0; i < 5000; i++) {
		snprintf(id, sizeof id, "R%05d-1", i);
		dlg_answers_put(&a, id, strlen(id), 100 + i);
		dlg_answers_put(&a, id, strlen(id), 50 + i); /* earlier wins */
		dlg_answers_put(&a, id, strlen(id), 200 + i);
	}
	assert_true(dlg_answers_get(&a, "R04321-1", 8, &d));
	assert_int_equal(d, 50 + 4321);
	assert_false(dlg_answers_get(&a, "R04321-2", 8, &d));
	dlg_answers_free(&a);

	/* 5 calendar days; 2026-06-10 (Wed) is due 2026-06-15; 2026-06-16 (Tue)
	 * would end on Sunday 21st, so it is due Monday 22nd */
	dlg_holidays *h = dlg_holidays_new();
	dlg_duecalc dc = {.hol = h, .answer_days = 5, .kind = DLG_DAYS_CALENDAR, .soon = 2};
	dc.today = dlg_date_from_ymd(2026, 6, 20);
	dlg_day due;
	long left;
	dlg_day sent = dlg_date_from_ymd(2026, 6, 10);
	assert_int_equal(dlg_item_state_of(&dc, sent, NULL, &due, &left), DLG_ST_OVERDUE);
	assert_int_equal(due, dlg_date_from_ymd(2026, 6, 15));
	assert_int_equal(left, -5);
	dlg_day ans = dlg_date_from_ymd(2026, 6, 15);
	assert_int_equal(dlg_item_state_of(&dc, sent, &ans, NULL, NULL), DLG_ST_ANSWERED);
	ans++;
	assert_int_equal(dlg_item_state_of(&dc, sent, &ans, NULL, NULL), DLG_ST_ANSWERED_LATE);
	sent = dlg_date_from_ymd(2026, 6, 16);
	assert_int_equal(dlg_item_state_of(&dc, sent, NULL, &due, &left), DLG_ST_DUE_SOON);
	assert_int_equal(due, dlg_date_from_ymd(2026, 6, 22));
	sent = dlg_date_from_ymd(2026, 6, 18);
	assert_int_equal(dlg_item_state_of(&dc, sent, NULL, NULL, &left), DLG_ST_PENDING);
	assert_int_equal(left, 3);
	assert_string_equal(dlg_item_state_name(DLG_ST_ANSWERED_LATE), "answered_late");
	dlg_holidays_free(h);
}

/* Capture a table as a string. */
static char *table(dlg_report *r, const char *name)
{
	char *buf = NULL;
	size_t len;
	FILE *f = open_memstream(&buf, &len);
	assert_true(dlg_report_write_table(r, name, f, false));
	fclose(f);
	return buf;
}

static void reg(dlg_report *r, const char *commune, const char *session, const char *village,
                const char *channel, const char *status, const char *org)
{
	dlg_report_reg g = {commune, session, village, channel,      status,
	                    "R",     "Tên",   org,     "0912345678", false};
	dlg_report_registration(r, &g);
}

static void item(dlg_report *r, const char *session, const char *village, const char *field,
                 const char *dept, const char *action, const char *kind, dlg_item_state st,
                 long days)
{
	dlg_report_item it = {"xã A", session, village, field, dept, action, kind, st, days, NULL};
	dlg_report_item_add(r, &it);
}

static void aggregation(void **state)
{
	dlg_report_opts o = {.session = "S1", .today = dlg_date_from_ymd(2026, 6, 20)};
	dlg_report *r = dlg_report_new(&o);
	const char *vil[] = {"Thôn 1", "Thôn 2", "Thôn 3"};
	dlg_report_add_commune(r, "xã A", vil, 3);
	dlg_report_add_session(r, "xã A", "S1", dlg_date_from_ymd(2026, 7, 16), DLG_COVER_IF_USED);
	dlg_report_add_session(r, "xã A", "S2", dlg_date_from_ymd(2026, 10, 15), DLG_COVER_ALWAYS);
	dlg_report_name_dept(r, "xã A", "VP", "Văn phòng");
	dlg_report_name_dept(r, "xã A", "KT", "Phòng Kinh tế");
	dlg_report_name_dept(r, "xã A", "VP", "not this one");
	dlg_report_name_field(r, "land", "Đất đai");

	reg(r, "xã A", "S1", "Thôn 1", "paper", "accepted", "");
	reg(r, "xã A", "S1", "Thôn 1", "online", "accepted", "Công ty B");
	reg(r, "xã A", "S1", "Thôn 2", "paper", "late", "");
	reg(r, "xã A", "S1", "Thôn 9", "email", "accepted", "");
	reg(r, "xã A", "S2", "Thôn 2", "paper", "accepted", ""); /* another session */

	item(r, "S1", "Thôn 1", "land", "KT", "answer", "procedure", DLG_ST_ANSWERED, 3);
	item(r, "S1", "Thôn 1", "land", "KT", "answer", "handling", DLG_ST_ANSWERED_LATE, 9);
	item(r, "S1", "Thôn 1", "tax", "VP", "escalate", "procedure", DLG_ST_OVERDUE, -1);
	item(r, "S1", "Thôn 9", "", "VP", "review", "procedure", DLG_ST_PENDING, -1);
	item(r, "S2", "Thôn 2", "land", "KT", "answer", "procedure", DLG_ST_OVERDUE, -1);

	dlg_report_totals t;
	dlg_report_get_totals(r, &t);
	assert_int_equal(t.registrations, 4);
	assert_int_equal(t.accepted, 3);
	assert_int_equal(t.late, 1);
	assert_int_equal(t.individuals, 3);
	assert_int_equal(t.organizations, 1);
	assert_int_equal(t.questions, 4);
	assert_int_equal(t.procedure, 3);
	assert_int_equal(t.handling, 1);
	assert_int_equal(t.answer, 2);
	assert_int_equal(t.escalate, 1);
	assert_int_equal(t.review, 1);
	assert_int_equal(t.on_time, 1);
	assert_int_equal(t.answered_late, 1);
	assert_int_equal(t.overdue, 1);
	assert_int_equal(t.not_due, 1);
	assert_int_equal(t.answer_days_sum, 12);
	assert_int_equal(t.villages, 3);
	/* S1 only (S2 is another session): Thôn 2 (late only) and Thôn 3 */
	assert_int_equal(t.villages_missing, 2);

	char *s = table(r, "fields");
	assert_string_equal(s, "field,field_name,questions,procedure,handling,answer,escalate,"
	                       "redirect,review\n"
	                       "land,Đất đai,2,1,1,2,0,0,0\n"
	                       "tax,,1,1,0,0,1,0,0\n"
	                       ",,1,1,0,0,0,0,1\n"
	                       "total,,4,3,1,2,1,0,1\n");
	free(s);
	s = table(r, "timeliness");
	assert_string_equal(s, "dept,dept_name,questions,answered,on_time,late,overdue,"
	                       "not_yet_due,on_time_rate,average_days\n"
	                       "VP,Văn phòng,2,0,0,0,1,1,0.0,\n"
	                       "KT,Phòng Kinh tế,2,2,1,1,0,0,50.0,6.0\n"
	                       "total,,4,2,1,1,1,1,33.3,6.0\n");
	free(s);
	s = table(r, "villages");
	assert_string_equal(s, "commune,village,registrations,accepted,individuals,organizations,"
	                       "questions\n"
	                       "xã A,Thôn 1,2,2,1,1,3\n"
	                       "xã A,Thôn 2,1,0,1,0,0\n"
	                       "xã A,Thôn 3,0,0,0,0,0\n"
	                       "xã A,Thôn 9,1,1,1,0,1\n"
	                       "total,,4,3,3,1,4\n");
	free(s);
	s = table(r, "coverage");
	assert_string_equal(s, "commune,session,village,registrations,accepted,attended,covered\n"
	                       "xã A,S1,Thôn 1,2,2,,yes\n"
	                       "xã A,S1,Thôn 2,1,0,,no\n"
	                       "xã A,S1,Thôn 3,0,0,,no\n");
	free(s);
	/* once S1 was held, only those who came cover their village: the
	 * registrant of Thôn 1 who attended */
	dlg_report_session_held(r, "xã A", "S1");
	dlg_report_reg came = {"xã A", "S1",  "Thôn 1", "paper", "accepted",
	                       "R9",   "Tên", "",       "",      true};
	dlg_report_registration(r, &came);
	s = table(r, "coverage");
	assert_string_equal(s, "commune,session,village,registrations,accepted,attended,covered\n"
	                       "xã A,S1,Thôn 1,3,3,1,yes\n"
	                       "xã A,S1,Thôn 2,1,0,0,no\n"
	                       "xã A,S1,Thôn 3,0,0,0,no\n");
	free(s);
	assert_true(dlg_report_knows_session(r, "S2"));
	assert_false(dlg_report_knows_session(r, "S3"));
	assert_false(dlg_report_write_table(r, "nonsense", stdout, false));
	dlg_report_free(r);
}

/* Two communes add up; a session that is never checked has no gaps. */
static void communes_add_up(void **state)
{
	dlg_report_opts o = {.today = dlg_date_from_ymd(2026, 6, 20)};
	dlg_report *r = dlg_report_new(&o);
	const char *a[] = {"Thôn 1"}, *b[] = {"Thôn 1", "Thôn 2"};
	dlg_report_add_commune(r, "xã A", a, 1);
	dlg_report_add_commune(r, "xã B", b, 2);
	dlg_report_add_session(r, "xã A", "S1", 0, DLG_COVER_IF_USED);
	dlg_report_add_session(r, "xã B", "S1", 0, DLG_COVER_IF_USED);
	dlg_report_add_session(r, "xã B", "S9", 0, DLG_COVER_NEVER);
	reg(r, "xã A", "S1", "Thôn 1", "paper", "accepted", "");
	reg(r, "xã B", "S1", "Thôn 1", "paper", "accepted", "");
	reg(r, "xã B", "S9", "Thôn 1", "paper", "accepted", "");
	char *s = table(r, "channels");
	assert_string_equal(s, "channel,registrations,accepted,late,incomplete,duplicate,"
	                       "individuals,organizations\n"
	                       "paper,3,3,0,0,0,3,0\n"
	                       "total,3,3,0,0,0,3,0\n");
	free(s);
	assert_int_equal(dlg_report_coverage_gaps(r, NULL, NULL), 1); /* xã B, S1, Thôn 2 */
	dlg_report_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(tally_counts),       cmocka_unit_test(phone_masks),
	    cmocka_unit_test(answers_and_states), cmocka_unit_test(aggregation),
	    cmocka_unit_test(communes_add_up),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
