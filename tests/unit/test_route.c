/* Unit tests for lib/case/router.c: folding, word boundaries, specificity, ties,
 * priority, classes, escalation. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "case/router.h"
#include "base/text.h"

static dlg_router *make(const dlg_route_spec *specs, size_t n)
{
	dlg_router *r = dlg_router_new();
	dlg_router_add_dept(r, "VP", "commune");
	dlg_router_add_dept(r, "KT", "commune");
	dlg_router_add_dept(r, "VHXH", "commune");
	dlg_router_add_dept(r, "TTPV", "agency");
	dlg_router_add_dept(r, "VPDKDD", "agency");
	for (size_t i = 0; i < n; i++)
		assert_true(dlg_router_add_rule(r, &specs[i], "routes.csv", (long)i + 2));
	assert_true(dlg_router_finish(r));
	return r;
}

static void test_word_boundaries(void **state)
{
	(void)state;
	dlg_route_spec sp[] = {
	    {.field = "land_registration", .dept = "VPDKDD", .keywords = "sổ đỏ; so hong"},
	    {.field = "land", .dept = "KT", .keywords = "đất ở"},
	};
	dlg_router *r = make(sp, 2);
	dlg_route_result res;
	const char *yes[] = {"sổ đỏ", "SỔ ĐỎ", "so do", "làm (sổ-đỏ) ngay", "Sổ hồng", "so   do?"};
	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
		dlg_router_route(r, yes[i], &res);
		assert_string_equal(res.field, "land_registration");
		assert_string_equal(res.dept, "VPDKDD");
		assert_string_equal(res.action, "answer");
	}
	const char *no[] = {"sổ đỏa", "xso do", "sodo", "so dox", "đất ởi", "bảo đất"};
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++) {
		dlg_router_route(r, no[i], &res);
		assert_string_equal(res.action, "review");
		assert_string_equal(res.dept, "VP");
		assert_string_equal(res.rule, "none");
	}
	dlg_router_route(r, "đất ở thôn 5", &res);
	assert_string_equal(res.field, "land");
	assert_string_equal(res.rule, "land:đất ở");
	dlg_router_free(r);
}

static void test_specificity(void **state)
{
	(void)state;
	dlg_route_spec sp[] = {
	    {.field = "land", .dept = "KT", .keywords = "sử dụng đất; mảnh đất"},
	    {.field = "land_registration",
	     .dept = "VPDKDD",
	     .keywords = "giấy chứng nhận quyền sử dụng đất; sổ đỏ"},
	};
	dlg_router *r = make(sp, 2);
	dlg_route_result res;
	/* the short phrase inside the long one does not count */
	dlg_router_route(r, "cấp giấy chứng nhận quyền sử dụng đất cho mảnh đất", &res);
	assert_string_equal(res.field, "land_registration");
	assert_int_equal(res.score, 7);
	/* more phrases beat one */
	dlg_router_route(r, "sổ đỏ của mảnh đất, quyền sử dụng đất", &res);
	assert_string_equal(res.field, "land");
	assert_int_equal(res.score, 5);
	/* a phrase counts once however often it occurs: 2 against 2, the
	 * earlier row wins */
	dlg_router_route(r, "sổ đỏ sổ đỏ sổ đỏ mảnh đất", &res);
	assert_string_equal(res.field, "land");
	assert_int_equal(res.score, 2);
	dlg_router_free(r);
}

static void test_ties_and_priority(void **state)
{
	(void)state;
	dlg_route_spec sp[] = {
	    {.field = "a", .dept = "KT", .keywords = "nước ngầm"},
	    {.field = "b", .dept = "VHXH", .keywords = "trang trại"},
	    {.field = "c", .dept = "VP", .keywords = "giếng khoan", .priority = "5"},
	    {.field = "d", .dept = "KT", .keywords = "cây lúa", .priority = "-1"},
	};
	dlg_router *r = make(sp, 4);
	dlg_route_result res;
	dlg_router_route(r, "trang trại dùng nước ngầm", &res);
	assert_string_equal(res.field, "a"); /* equal score and priority: earlier row */
	dlg_router_route(r, "trang trại có giếng khoan", &res);
	assert_string_equal(res.field, "c"); /* priority breaks the tie */
	dlg_router_route(r, "cây lúa ở trang trại", &res);
	assert_string_equal(res.field, "b");
	dlg_router_route(r, "trang trại lớn có cây lúa, giếng khoan và nước ngầm", &res);
	assert_string_equal(res.field, "c");
	dlg_router_free(r);
}

static void test_classes(void **state)
{
	(void)state;
	dlg_route_spec sp[] = {
	    {.field = "land_registration", .dept = "VPDKDD", .keywords = "sổ đỏ; tách thửa"},
	    {.field = "land_price", .dept = "KT", .level = "city", .keywords = "bảng giá đất"},
	    {.field = "complaint",
	     .dept = "VP",
	     .keywords = "khiếu nại",
	     .class_ = "redirect",
	     .note = "Luật Khiếu nại 2011"},
	    {.field = "conduct",
	     .dept = "VHXH",
	     .keywords = "thái độ; trễ hẹn",
	     .class_ = "conduct",
	     .cc = "TTPV"},
	    {.field = "regulation",
	     .dept = "VP",
	     .level = "national",
	     .keywords = "sửa đổi | bãi bỏ + luật | nghị định",
	     .class_ = "escalate"},
	};
	dlg_router *r = make(sp, 5);
	dlg_route_result res;
	dlg_router_route(r, "Tôi khiếu nại việc cấp sổ đỏ, tách thửa chậm", &res);
	assert_string_equal(res.action, "redirect");
	assert_string_equal(res.field, "complaint");
	assert_string_equal(res.note, "Luật Khiếu nại 2011");
	dlg_router_route(r, "hồ sơ sổ đỏ bị trễ hẹn", &res);
	assert_string_equal(res.field, "conduct");
	assert_string_equal(res.dept, "VHXH");
	assert_string_equal(res.cc, "TTPV;VPDKDD");
	dlg_router_route(r, "đề nghị sửa đổi nghị định về tách thửa", &res);
	assert_string_equal(res.field, "land_registration");
	assert_string_equal(res.action, "escalate");
	assert_string_equal(res.level, "national");
	assert_string_equal(res.rule,
	                    "land_registration:tách thửa, regulation:sửa đổi + nghị định");
	dlg_router_route(r, "theo nghị định thì tách thửa thế nào", &res); /* one part only */
	assert_string_equal(res.action, "answer");
	dlg_router_route(r, "bảng giá đất quá cao", &res);
	assert_string_equal(res.action, "escalate");
	assert_string_equal(res.level, "city");
	dlg_router_route(r, "kiến nghị bãi bỏ luật cũ", &res);
	assert_string_equal(res.field, "regulation");
	assert_string_equal(res.action, "escalate");
	assert_true(dlg_router_rule_gives(r, "land_registration:sổ đỏ", "VPDKDD"));
	assert_false(dlg_router_rule_gives(r, "land_registration:sổ đỏ", "KT"));
	assert_true(dlg_router_rule_gives(r, "none", "VP"));
	assert_false(dlg_router_rule_gives(r, "manual", "VP"));
	dlg_router_free(r);
}

static void test_builtin_redirect(void **state)
{
	(void)state;
	dlg_route_spec sp[] = {{.field = "land", .dept = "KT", .keywords = "đất đai"}};
	dlg_router *r = make(sp, 1);
	dlg_route_result res;
	dlg_router_route(r, "Tôi TỐ CÁO cán bộ đất đai", &res);
	assert_string_equal(res.action, "redirect");
	assert_string_equal(res.field, "denunciation");
	assert_non_null(strstr(res.note, "Luật Tố cáo năm 2018"));
	dlg_router_route(r, "tranh chap dat dai voi hang xom", &res);
	assert_string_equal(res.field, "dispute");
	dlg_router_free(r);
}

static void test_bad_rules(void **state)
{
	(void)state;
	dlg_router *r = dlg_router_new();
	dlg_router_add_dept(r, "VP", "commune");
	dlg_route_spec bad[] = {
	    {.field = "x", .dept = "KTX", .keywords = "a"},
	    {.field = "x", .dept = "VP", .keywords = " ; "},
	    {.field = "x", .dept = "VP", .keywords = "a", .priority = "high"},
	    {.field = "x", .dept = "VP", .keywords = "a", .class_ = "other"},
	    {.field = "x", .dept = "VP", .keywords = "a", .level = "province"},
	    {.field = "x", .dept = "VP", .keywords = "a", .cc = "NOPE"},
	    {.field = "x", .dept = "VP", .keywords = "!!!"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_false(dlg_router_add_rule(r, &bad[i], "routes.csv", 2));
	dlg_router_free(r);
}

int main(void)
{
	dlg_diag_init("test_route");
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_word_boundaries),   cmocka_unit_test(test_specificity),
	    cmocka_unit_test(test_ties_and_priority), cmocka_unit_test(test_classes),
	    cmocka_unit_test(test_builtin_redirect),  cmocka_unit_test(test_bad_rules),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
