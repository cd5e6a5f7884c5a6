/* Unit tests for lib/fmt/csv.c */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fmt/csv.h"
#include "base/diag.h"

static char *write_temp(const char *data, size_t len)
{
	char *path = strdup("/tmp/dlg-test-XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, data, len), (ssize_t)len);
	close(fd);
	return path;
}

static dlg_csv_reader *open_text(const char *text, char **path)
{
	*path = write_temp(text, strlen(text));
	return dlg_csv_open(*path, NULL);
}

static void basic_rows_and_lines(void **state)
{
	char *path;
	dlg_csv_reader *r = open_text("a,b,c\n1,\"two\nlines\",3\n\n4,5\n", &path);
	assert_non_null(r);
	assert_int_equal(dlg_csv_header(r)->n, 3);
	assert_int_equal(dlg_csv_col(r, "b"), 1);
	assert_int_equal(dlg_csv_col(r, "zz"), -1);
	const dlg_row *row;
	assert_int_equal(dlg_csv_next(r, &row), 1);
	assert_string_equal(row->field[1], "two\nlines");
	assert_int_equal(row->line, 2);
	/* a short row is an error with its line, and the reader goes on */
	assert_int_equal(dlg_csv_next(r, &row), DLG_CSV_BAD_ROW);
	assert_int_equal(dlg_csv_next(r, &row), 0);
	dlg_csv_close(r);
	unlink(path);
	free(path);
}

static void excel_bom_crlf_and_aliases(void **state)
{
	char *path;
	dlg_csv_reader *r = open_text("\xEF\xBB\xBFH\xE1\xBB\x8D v\xC3\xA0 "
	                              "t\xC3\xAAn,\xC4\x90i\xE1\xBB\x87n tho\xE1\xBA\xA1i\r\n"
	                              "An,0912\r\n",
	                              &path);
	assert_non_null(r);
	assert_int_equal(dlg_csv_col(r, "name"), 0);
	assert_int_equal(dlg_csv_col(r, "phone"), 1);
	const dlg_row *row;
	assert_int_equal(dlg_csv_next(r, &row), 1);
	assert_string_equal(row->field[1], "0912");
	dlg_csv_close(r);
	unlink(path);
	free(path);
}

static void nfc_on_input(void **state)
{
	char *path;
	dlg_csv_reader *r = open_text("name\nNguye\xCC\x82\xCC\x83n\n", &path);
	const dlg_row *row;
	assert_int_equal(dlg_csv_next(r, &row), 1);
	assert_string_equal(row->field[0], "Nguyễn");
	dlg_csv_close(r);
	unlink(path);
	free(path);
}

/* Each bad input must fail (-1 or NULL), never crash. */
static void bad_inputs(void **state)
{
	static const char *const bad[] = {
	    "a,b\n1,\"unterminated\n",
	    "a,b\n1,x\"y\n",
	    "a,b\n1,\"x\"y\n",
	    "a,b\n1,\xFF\n",
	    "a,b\n1,2,3\n",
	    "a,b\n1\n",
	    "a,a\n1,2\n",
	    "",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char *path;
		dlg_csv_reader *r = open_text(bad[i], &path);
		if (r) {
			const dlg_row *row;
			int rc;
			while ((rc = dlg_csv_next(r, &row)) > 0)
				;
			assert_true(rc == -1 || rc == DLG_CSV_BAD_ROW);
			dlg_csv_close(r);
		}
		unlink(path);
		free(path);
	}
}

static void nul_and_huge_field(void **state)
{
	const char nul[] = "a\nx\0y\n";
	char *path = write_temp(nul, sizeof nul - 1);
	dlg_csv_reader *r = dlg_csv_open(path, NULL);
	const dlg_row *row;
	assert_int_equal(dlg_csv_next(r, &row), -1);
	dlg_csv_close(r);
	unlink(path);
	free(path);

	size_t big = 3 * 1024 * 1024;
	char *data = malloc(big + 16);
	memcpy(data, "a\n\"", 3);
	memset(data + 3, 'x', big);
	memcpy(data + 3 + big, "\"\n", 2);
	path = write_temp(data, big + 5);
	free(data);
	dlg_csv_opts opts = {.max_field = 1024 * 1024};
	r = dlg_csv_open(path, &opts);
	assert_non_null(r);
	assert_int_equal(dlg_csv_next(r, &row), -1);
	dlg_csv_close(r);
	unlink(path);
	free(path);
}

static void writer_quoting_and_excel(void **state)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	dlg_csv_writer *w = dlg_csv_writer_new(f, false);
	const char *row[] = {"plain", "a,b", "say \"hi\"", "two\nlines", "=1+1", ""};
	dlg_csv_write_row(w, row, 6);
	assert_true(dlg_csv_writer_finish(w, "mem"));
	fclose(f);
	assert_string_equal(buf, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",=1+1,\n");
	free(buf);

	f = open_memstream(&buf, &len);
	w = dlg_csv_writer_new(f, true);
	const char *evil[] = {"=HYPERLINK(\"x\")", "-2+3", "@a", "+b", "ok", "-5", "-1.5"};
	dlg_csv_write_row(w, evil, 7);
	assert_true(dlg_csv_writer_finish(w, "mem"));
	fclose(f);
	assert_string_equal(buf,
	                    "\xEF\xBB\xBF\"'=HYPERLINK(\"\"x\"\")\",'-2+3,'@a,'+b,ok,-5,-1.5\r\n");
	free(buf);
}

static void column_plan(void **state)
{
	char *names[] = {"reg_id", "dept", "extra"};
	size_t lens[] = {6, 4, 5};
	dlg_row header = {names, lens, 3, 1};
	const char *own[] = {"dept", "due"};
	dlg_colplan p;
	dlg_colplan_init(&p, &header, own, 2);
	assert_int_equal(p.n, 4);
	assert_int_equal(p.own_at[0], 1);
	assert_int_equal(p.own_in[0], 1);
	assert_int_equal(p.own_at[1], 3);
	assert_int_equal(p.own_in[1], -1);
	assert_string_equal(p.name[3], "due");
	dlg_colplan_free(&p);
}

int main(void)
{
	dlg_diag_init("test_csvio");
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(basic_rows_and_lines), cmocka_unit_test(excel_bom_crlf_and_aliases),
	    cmocka_unit_test(nfc_on_input),         cmocka_unit_test(bad_inputs),
	    cmocka_unit_test(nul_and_huge_field),   cmocka_unit_test(writer_quoting_and_excel),
	    cmocka_unit_test(column_plan),
	};
	return cmocka_run_group_tests_name("csvio", tests, NULL, NULL);
}
