/* The case folder (DESIGN §3): finding it, its dlg.conf and its files; the
 * built-in defaults under share/. */
#ifndef DLG_CASE_FOLDER_H
#define DLG_CASE_FOLDER_H

#include <stdbool.h>

#include "fmt/conf.h"

typedef struct {
	char *dir;      /* the folder (owned) */
	dlg_conf *conf; /* its dlg.conf */
} dlg_case;

/* Find the case folder (one holding a dlg.conf): opt_dir (-C), else $DLG_DIR,
 * else the nearest folder from the current one upwards that has a dlg.conf.
 * No such folder is an error, as for git: there is no built-in commune to fall
 * back on. Reads dlg.conf and warns when it still holds placeholders. false
 * after a diagnostic on error. */
bool dlg_case_open(dlg_case *c, const char *opt_dir);
void dlg_case_close(dlg_case *c);

/* Path of the case file named by [files] `key` (e.g. "registrations"), joined
 * to the folder; malloc'd, the caller frees it. */
char *dlg_case_file(const dlg_case *c, const char *key);

/* Like dlg_case_file, but NULL when the case folder has no such file; for
 * routes and holidays (the same in every commune), the default from
 * share/data/ then. malloc'd. */
char *dlg_case_data(const dlg_case *c, const char *key);

/* A template: a path that exists, else NAME(.md) in the case's templates/,
 * else in share/templates/. NULL when none. malloc'd. */
char *dlg_case_template(const dlg_case *c, const char *name);

/* The share folder: $DLG_SHARE, else next to the executable (installed or
 * build tree), else the configured DLG_SHAREDIR. Static string. */
const char *dlg_share_dir(void);

/* share_dir/rel, malloc'd. */
char *dlg_share_path(const char *rel);

/* a/b, malloc'd. */
char *dlg_path_join(const char *a, const char *b);

#endif
