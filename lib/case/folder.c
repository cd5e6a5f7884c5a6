/* Finding the case folder, its files and the share/ defaults. */
#include "case/folder.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/diag.h"
#include "base/env.h"

char *dlg_path_join(const char *a, const char *b)
{
	if (!a || !*a || b[0] == '/')
		return dlg_xstrdup(b);
	size_t la = strlen(a);
	return dlg_xasprintf("%s%s%s", a, a[la - 1] == '/' ? "" : "/", b);
}

static bool exists(const char *path)
{
	return access(path, F_OK) == 0;
}

/* The nearest folder from cwd upwards holding dlg.conf, or NULL. */
static char *search_upwards(void)
{
	char cwd[PATH_MAX];
	if (!getcwd(cwd, sizeof cwd))
		return NULL;
	for (;;) {
		char *conf = dlg_path_join(cwd, "dlg.conf");
		bool found = exists(conf);
		free(conf);
		if (found)
			return dlg_xstrdup(cwd);
		char *slash = strrchr(cwd, '/');
		if (!slash || slash == cwd)
			return NULL;
		*slash = '\0';
	}
}

bool dlg_case_open(dlg_case *c, const char *opt_dir)
{
	memset(c, 0, sizeof *c);
	const char *env = dlg_env_dir();
	if (opt_dir)
		c->dir = dlg_xstrdup(opt_dir);
	else if (env)
		c->dir = dlg_xstrdup(env);
	else if (!(c->dir = search_upwards()))
		c->dir = dlg_xstrdup(".");
	if (access(c->dir, R_OK | X_OK) != 0) {
		dlg_warn(_("%s: no such case folder (made with \"dlg init\")"), c->dir);
		free(c->dir);
		c->dir = NULL;
		return false;
	}
	char *conf = dlg_path_join(c->dir, "dlg.conf");
	if (exists(conf)) {
		c->conf = dlg_conf_load(conf);
		c->has_conf = c->conf != NULL;
	} else {
		c->conf = dlg_conf_defaults();
	}
	free(conf);
	if (!c->conf) {
		free(c->dir);
		c->dir = NULL;
		return false;
	}
	return true;
}

void dlg_case_close(dlg_case *c)
{
	dlg_conf_free(c->conf);
	free(c->dir);
	c->conf = NULL;
	c->dir = NULL;
}

char *dlg_case_file(const dlg_case *c, const char *key)
{
	const char *name = dlg_conf_get(c->conf, "files", key);
	return dlg_path_join(c->dir, *name ? name : key);
}

char *dlg_case_data(const dlg_case *c, const char *key)
{
	char *path = dlg_case_file(c, key);
	if (exists(path))
		return path;
	free(path);
	char *rel = dlg_xasprintf("data/%s.csv", key);
	char *def = dlg_share_path(rel);
	free(rel);
	if (exists(def))
		return def;
	free(def);
	return NULL;
}

char *dlg_case_template(const dlg_case *c, const char *name)
{
	/* a plain name is a path only when such a file is there: the folder
	 * giay-moi/ that dlg-invite writes must not hide template giay-moi */
	struct stat st;
	bool is_file = stat(name, &st) == 0 && S_ISREG(st.st_mode);
	if (strchr(name, '/') || is_file) {
		if (exists(name))
			return dlg_xstrdup(name);
		return NULL;
	}
	const char *ext = strstr(name, ".md") ? "" : ".md";
	char *file = dlg_xasprintf("%s%s", name, ext);
	char *rel = dlg_xasprintf("templates/%s", file);
	char *path = c && c->dir ? dlg_path_join(c->dir, rel) : NULL;
	if (!path || !exists(path)) {
		free(path);
		path = dlg_share_path(rel);
		if (!exists(path)) {
			free(path);
			path = NULL;
		}
	}
	free(rel);
	free(file);
	return path;
}

const char *dlg_share_dir(void)
{
	static char *dir;
	if (dir)
		return dir;
	const char *env = dlg_env_share();
	if (env)
		return dir = dlg_xstrdup(env);
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			/* Installed: bin/../share/dlg; build tree: build/bin/../../share. */
			const char *tries[] = {"/../share/dlg", "/../../share"};
			for (size_t i = 0; i < 2 && !dir; i++) {
				char *base = dlg_xasprintf("%s%s", exe, tries[i]);
				char *probe = dlg_path_join(base, "data/departments.csv");
				if (exists(probe)) {
					char *real = realpath(base, NULL);
					dir = real ? real : dlg_xstrdup(base);
				}
				free(probe);
				free(base);
			}
			if (dir)
				return dir;
		}
	}
	return dir = dlg_xstrdup(DLG_SHAREDIR);
}

char *dlg_share_path(const char *rel)
{
	return dlg_path_join(dlg_share_dir(), rel);
}
