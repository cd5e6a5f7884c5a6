/* Finding the case folder, its files and the share/ defaults. */
#include "case/folder.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/atomic.h"
#include "base/diag.h"
#include "base/env.h"

char *dlg_path_join(const char *a, const char *b)
{
	/* "." adds nothing: messages name ./x as the user would, x */
	if (!a || !*a || !strcmp(a, ".") || b[0] == '/')
		return dlg_xstrdup(b);
	size_t la = strlen(a);
	return dlg_xasprintf("%s%s%s", a, a[la - 1] == '/' ? "" : "/", b);
}

static bool exists(const char *path)
{
	return access(path, F_OK) == 0;
}

/* The nearest folder from cwd upwards holding dlg.conf, as a relative path
 * ("." or "../..", so messages name files as the user sees them), or NULL. */
static char *search_upwards(void)
{
	char cwd[PATH_MAX];
	if (!getcwd(cwd, sizeof cwd))
		return NULL;
	for (int up = 0;; up++) {
		char *conf = dlg_path_join(cwd, "dlg.conf");
		bool found = exists(conf);
		free(conf);
		if (found) {
			if (up == 0)
				return dlg_xstrdup(".");
			char *rel = dlg_xmalloc(3 * (size_t)up);
			for (int i = 0; i < up; i++)
				memcpy(rel + 3 * i, i + 1 < up ? "../" : "..\0", 3);
			return rel;
		}
		char *slash = strrchr(cwd, '/');
		if (!slash || slash == cwd)
			return NULL;
		*slash = '\0';
	}
}

/* dir is a case folder: it holds a dlg.conf. Otherwise a diagnostic naming
 * how the folder was chosen (from), and false. */
static bool is_case_folder(const char *dir, const char *from)
{
	if (access(dir, R_OK | X_OK) != 0) {
		dlg_warn(_("%s (%s): no such folder; \"dlg init %s\" makes a case folder"), dir,
		         from, dir);
		return false;
	}
	char *conf = dlg_path_join(dir, "dlg.conf");
	bool found = exists(conf);
	free(conf);
	if (!found)
		dlg_warn(_("%s (%s): not a case folder (it has no dlg.conf); \"dlg init %s\" makes "
		           "one"),
		         dir, from, dir);
	return found;
}

bool dlg_case_open(dlg_case *c, const char *opt_dir)
{
	memset(c, 0, sizeof *c);
	const char *env = dlg_env_dir();
	bool ok;
	if (opt_dir) {
		c->dir = dlg_xstrdup(opt_dir);
		ok = is_case_folder(c->dir, "-C");
	} else if (env) {
		c->dir = dlg_xstrdup(env);
		ok = is_case_folder(c->dir, "DLG_DIR");
	} else if ((c->dir = search_upwards())) {
		ok = true;
	} else {
		dlg_warn("%s", _("no case folder here or in any folder above (a case folder has a "
		                 "dlg.conf); \"dlg init DIR\" makes one, -C DIR or DLG_DIR names "
		                 "one"));
		ok = false;
	}
	char *conf = ok ? dlg_path_join(c->dir, "dlg.conf") : NULL;
	c->conf = ok ? dlg_conf_load(conf) : NULL;
	if (c->conf) {
		dlg_atomic_clean_folder(c->dir);
		dlg_set_personal_mode(
		    (mode_t)strtol(dlg_conf_get(c->conf, "files", "personal_mode"), NULL, 8));
		char *todo = dlg_conf_placeholders(c->conf);
		if (todo)
			dlg_warn(_("%s: still holds placeholders <<...>> (%s); fill them in before "
			           "issuing documents"),
			         conf, todo);
		free(todo);
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
	/* Only the tables that are the same for every commune have a default:
	 * another commune's departments, villages or conferences never stand in
	 * for the office's own. */
	if (strcmp(key, "routes") && strcmp(key, "holidays"))
		return NULL;
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
