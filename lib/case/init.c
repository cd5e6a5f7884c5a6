/* Making a case folder. */
#include "case/init.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/atomic.h"
#include "case/folder.h"
#include "fmt/conf.h"
#include "base/diag.h"

static bool folder_empty(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return false;
	struct dirent *e;
	bool empty = true;
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			empty = false;
	closedir(d);
	return empty;
}

static bool copy_file(const char *from, const char *to, mode_t mode)
{
	FILE *in = fopen(from, "rb");
	if (!in) {
		dlg_warn("%s: %s", from, strerror(errno));
		return false;
	}
	dlg_atomic a;
	if (!dlg_atomic_begin(&a, to, mode)) {
		fclose(in);
		return false;
	}
	char buf[8192];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		fwrite(buf, 1, n, a.f);
	bool ok = !ferror(in);
	fclose(in);
	if (!ok) {
		dlg_warn("%s: %s", from, strerror(errno));
		dlg_atomic_abort(&a);
		return false;
	}
	return dlg_atomic_commit(&a);
}

static bool write_text(const char *path, const char *text, mode_t mode)
{
	dlg_atomic a;
	if (!dlg_atomic_begin(&a, path, mode))
		return false;
	fputs(text, a.f);
	return dlg_atomic_commit(&a);
}

static bool copy_folder(const char *from, const char *to)
{
	if (mkdir(to, 0755) != 0 && errno != EEXIST) {
		dlg_warn("%s: %s", to, strerror(errno));
		return false;
	}
	DIR *d = opendir(from);
	if (!d)
		return true; /* nothing shipped */
	bool ok = true;
	struct dirent *e;
	while (ok && (e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		char *src = dlg_path_join(from, e->d_name);
		char *dst = dlg_path_join(to, e->d_name);
		struct stat st;
		if (stat(src, &st) == 0 && S_ISREG(st.st_mode))
			ok = copy_file(src, dst, 0644);
		free(src);
		free(dst);
	}
	closedir(d);
	return ok;
}

bool dlg_init_case(const char *dir, const char *commune)
{
	if (mkdir(dir, 0750) != 0 && !(errno == EEXIST && folder_empty(dir))) {
		dlg_warn(errno == EEXIST ? _("%s: the folder exists and is not empty") : "%s: %s",
		         dir, strerror(errno));
		return false;
	}
	bool ok = true;
	char *conf = dlg_path_join(dir, "dlg.conf");
	dlg_atomic a;
	if (dlg_atomic_begin(&a, conf, 0644)) {
		if (dlg_conf_write_defaults(a.f, commune))
			ok = dlg_atomic_commit(&a);
		else {
			dlg_atomic_abort(&a);
			ok = false;
		}
	} else {
		ok = false;
	}
	free(conf);
	static const char *const tables[] = {"sessions", "departments",  "villages",
	                                     "routes",   "participants", "holidays"};
	for (size_t i = 0; ok && i < sizeof tables / sizeof tables[0]; i++) {
		char *rel = dlg_xasprintf("data/%s.csv", tables[i]);
		char *from = dlg_share_path(rel);
		char *to = dlg_xasprintf("%s/%s.csv", dir, tables[i]);
		if (access(from, R_OK) == 0)
			ok = copy_file(from, to, 0644);
		free(rel);
		free(from);
		free(to);
	}
	char *templates = dlg_share_path("templates");
	char *own = dlg_path_join(dir, "templates");
	ok = ok && copy_folder(templates, own);
	free(templates);
	free(own);
	char *notes = dlg_path_join(dir, "notes");
	if (ok && mkdir(notes, 0750) != 0 && errno != EEXIST) {
		dlg_warn("%s: %s", notes, strerror(errno));
		ok = false;
	}
	free(notes);
	/* Records hold citizens' personal data: owner only. */
	static const struct {
		const char *name, *header;
	} records[] = {
	    {"answers.csv", "item_id,date,by,channel,answer\n"},
	    {"attendance.csv", "session,who,present,reason\n"},
	};
	for (size_t i = 0; ok && i < sizeof records / sizeof records[0]; i++) {
		char *path = dlg_path_join(dir, records[i].name);
		ok = write_text(path, records[i].header, DLG_MODE_PERSONAL);
		free(path);
	}
	return ok;
}
