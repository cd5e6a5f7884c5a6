/* Unit tests for the attendance record (case/attendance) and the list of
 * standing participants (case/participants). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "unit_files.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/diag.h"
#include "case/attendance.h"
#include "case/folder.h"
#include "case/participants.h"

static void marks(void **state)
{
	(void)state;
	const char *yes[] = {"yes", "X", "x", "có", "Có mặt", "1", "✓", " co "};
	const char *no[] = {"no", "vắng", "Vắng mặt", "không", "0"};
	const char *neither[] = {"", "?", "maybe", "có lẽ"};
	for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
		assert_int_equal(dlg_attendance_mark(yes[i]), 1);
	for (size_t i = 0; i < sizeof no / sizeof *no; i++)
		assert_int_equal(dlg_attendance_mark(no[i]), 0);
	for (size_t i = 0; i < sizeof neither / sizeof *neither; i++)
		assert_int_equal(dlg_attendance_mark(neither[i]), -1);
}

static void add_keeps_edits_and_refuses_contradictions(void **state)
{
	(void)state;
	char *d = temp_dir();
	char *path = dlg_path_join(d, "attendance.csv");
	write_at(d, "attendance.csv", "session,who,present,reason,note\n2026-1,KT,yes,,late\n");
	dlg_att_mark m[] = {
	    {"2026-1", "KT", "", true, 2},
	    {"2026-1", "R0001", "", true, 3},
	    {"2026-1", "R0002", "Ốm", false, 4},
	};
	size_t added;
	assert_true(dlg_attendance_add(path, "marked.csv", m, 3, &added));
	assert_int_equal(added, 2);
	const char *want = "session,who,present,reason,note\n"
	                   "2026-1,KT,yes,,late\n"
	                   "2026-1,R0001,yes,,\n"
	                   "2026-1,R0002,no,Ốm,\n";
	assert_string_equal(read_path(path), want);
	/* again: nothing changes */
	assert_true(dlg_attendance_add(path, "marked.csv", m, 3, &added));
	assert_int_equal(added, 0);
	assert_string_equal(read_path(path), want);
	/* a contradiction and a repeated who: refused, the record unchanged */
	dlg_att_mark bad[] = {
	    {"2026-1", "R0002", "", true, 2},
	    {"2026-1", "R0003", "", true, 3},
	    {"2026-1", "R0003", "", true, 4},
	};
	assert_false(dlg_attendance_add(path, "marked.csv", bad, 3, &added));
	assert_string_equal(read_path(path), want);
	/* a missing record is made, owner only */
	char *fresh = dlg_path_join(d, "new.csv");
	assert_true(dlg_attendance_add(fresh, "marked.csv", m, 1, &added));
	assert_string_equal(read_path(fresh), "session,who,present,reason\n2026-1,KT,yes,\n");
	struct stat st;
	assert_int_equal(stat(fresh, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	free(fresh);
	free(path);
	free(d);
}

static void participants_and_village_heads(void **state)
{
	(void)state;
	char *d = temp_dir();
	write_at(d, "dlg.conf", "[office]\ncommune = xã Hồng Vân\n");
	write_at(d, "participants.csv",
	         "who,group,title,name,organization,email,address\n"
	         "MTTQ,front,Chủ tịch Ủy ban MTTQ Việt Nam xã,,Ủy ban MTTQ,,\n");
	write_at(d, "villages.csv",
	         "village,kind,head\nThôn Hạ,thôn,Nguyễn Thị Gấm\nTổ dân phố Bến Đò,tổ dân "
	         "phố,Lã Thị Nụ\nẤp Mới,ấp,Võ Văn Ba\n");
	dlg_case c;
	assert_true(dlg_case_open(&c, d));
	dlg_participants l;
	assert_true(dlg_participants_load(&l, &c, NULL));
	assert_int_equal(l.n, 4);
	assert_string_equal(l.p[0].who, "MTTQ");
	assert_string_equal(l.p[1].who, "Thôn Hạ");
	assert_string_equal(l.p[1].group, "village");
	assert_string_equal(l.p[1].title, "Trưởng thôn Hạ");
	assert_string_equal(l.p[1].name, "Nguyễn Thị Gấm");
	assert_string_equal(l.p[1].address, "Thôn Hạ, xã Hồng Vân");
	assert_string_equal(l.p[2].title, "Tổ trưởng tổ dân phố Bến Đò");
	assert_string_equal(l.p[3].title, "Trưởng ấp Mới");
	dlg_participants_free(&l);
	/* a code given twice, a row without one: errors */
	write_at(d, "participants.csv", "who,group,title\nMTTQ,front,A\n,front,B\nMTTQ,front,C\n");
	assert_false(dlg_participants_load(&l, &c, NULL));
	dlg_participants_free(&l);
	dlg_case_close(&c);
	free(d);
}

int main(void)
{
	dlg_diag_init("test_attendance");
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(marks),
	    cmocka_unit_test(add_keeps_edits_and_refuses_contradictions),
	    cmocka_unit_test(participants_and_village_heads),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
