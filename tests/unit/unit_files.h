/* Files for the unit tests: a scratch folder, writing and reading small
 * files. Include after <cmocka.h>; failures end the test through cmocka. */
#ifndef DLG_TESTS_UNIT_FILES_H
#define DLG_TESTS_UNIT_FILES_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case/folder.h"

/* A new folder under /tmp (malloc'd name; the caller frees it). */
static inline char *temp_dir(void)
{
	char *d = strdup("/tmp/dlg-unit-XXXXXX");
	assert_non_null(mkdtemp(d));
	return d;
}

/* Write text to dir/name, or to the path name when dir is NULL. */
static inline void write_at(const char *dir, const char *name, const char *text)
{
	char *p = dir ? dlg_path_join(dir, name) : strdup(name);
	FILE *f = fopen(p, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	free(p);
}

/* The first 64 KB of the file at path, in a static buffer (each call
 * overwrites the last). */
static inline char *read_path(const char *path)
{
	FILE *f = fopen(path, "r");
	assert_non_null(f);
	static char buf[65536];
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

#endif
