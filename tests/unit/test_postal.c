/* Unit tests for completing postal addresses (case/postal). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/diag.h"
#include "case/postal.h"
#include "fmt/conf.h"

static dlg_conf *conf_with(const char *commune, const char *province)
{
	char path[] = "/tmp/dlg-unit-postal-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	fprintf(f, "[office]\ncommune = %s\nprovince = %s\n", commune, province);
	fclose(f);
	dlg_conf *c = dlg_conf_load(path);
	unlink(path);
	assert_non_null(c);
	return c;
}

static void check(const dlg_conf *c, const char *address, const char *village, const char *want)
{
	char *got = dlg_postal_complete(c, address, village);
	assert_string_equal(got, want);
	free(got);
}

static void completes_local_addresses(void **state)
{
	(void)state;
	dlg_conf *c = conf_with("xã Hồng Vân", "thành phố Hà Nội");
	/* a village alone: this commune, this province */
	check(c, "Thôn Hạ", "", "Thôn Hạ, xã Hồng Vân, thành phố Hà Nội");
	check(c, "Số 9, thôn Trung.", "", "Số 9, thôn Trung, xã Hồng Vân, thành phố Hà Nội");
	/* no address: the village */
	check(c, "", "Thôn Thượng", "Thôn Thượng, xã Hồng Vân, thành phố Hà Nội");
	check(c, "", "", "");
	/* the commune named, the province missing; written without accents too */
	check(c, "Thôn Hạ, Hồng Vân", "", "Thôn Hạ, Hồng Vân, thành phố Hà Nội");
	check(c, "thon Ha, xa Hong Van", "", "thon Ha, xa Hong Van, thành phố Hà Nội");
	/* complete already */
	check(c, "Thôn Hạ, xã Hồng Vân, Hà Nội", "", "Thôn Hạ, xã Hồng Vân, Hà Nội");
	/* another place: left as written */
	check(c, "Đan Phượng, Hà Nội", "", "Đan Phượng, Hà Nội");
	check(c, "Số 28 Trần Hưng Đạo, quận Hoàn Kiếm", "", "Số 28 Trần Hưng Đạo, quận Hoàn Kiếm");
	check(c, "Thị trấn Phùng cũ", "", "Thị trấn Phùng cũ");
	/* a word inside another is not a match: "Vân Hồng" is not "Hồng Vân" */
	check(c, "Thôn Vân Hồng", "", "Thôn Vân Hồng, xã Hồng Vân, thành phố Hà Nội");
	dlg_conf_free(c);
	/* no province in dlg.conf: the commune only */
	c = conf_with("xã Liên Minh", "");
	check(c, "Thôn 7", "", "Thôn 7, xã Liên Minh");
	dlg_conf_free(c);
}

int main(void)
{
	dlg_diag_init("test_postal");
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(completes_local_addresses),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
