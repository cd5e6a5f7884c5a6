/* dlg.conf: INI (`[section]`, `key = value`, `#` comments, UTF-8) with the
 * known keys and their defaults in one table (conf.c). */
#ifndef DLG_FMT_CONF_H
#define DLG_FMT_CONF_H

#include <stdbool.h>
#include <stdio.h>

typedef struct dlg_conf dlg_conf;

/* Read path. Unknown sections or keys, bad numbers and invalid UTF-8 are
 * errors reported with file and line; returns NULL then. */
dlg_conf *dlg_conf_load(const char *path);

/* Built-in defaults only (no file). */
dlg_conf *dlg_conf_defaults(void);

/* The value of section.key: the file's, else the built-in default, else ""
 * (never NULL). Owned by conf. */
const char *dlg_conf_get(const dlg_conf *c, const char *section, const char *key);

/* An integer value (checked at load time). */
long dlg_conf_get_long(const dlg_conf *c, const char *section, const char *key);

void dlg_conf_free(dlg_conf *c);

/* The i-th entry (from 0, in file order) of a section whose keys are free
 * text ([intake]: "Header = field"): true and *key, *value set (owned by c),
 * and *where a malloc'd "dlg.conf:LINE" for messages when where is not NULL;
 * false past the last. */
bool dlg_conf_entry(const dlg_conf *c, const char *section, size_t i, const char **key,
                    const char **value, char **where);

/* Write a dlg.conf holding every known key with its default, commented in
 * Vietnamese. With commune ("xã Liên Minh"), the keys naming the commune are
 * filled from it; the other keys particular to an office (address, e-mail,
 * signer's name...) hold placeholders "<<...>>". false on a write error. */
bool dlg_conf_write_defaults(FILE *f, const char *commune);

/* True when v is a placeholder "<<...>>" still to be filled in. */
bool dlg_conf_is_placeholder(const char *v);

/* "office.address, signer.name": the keys whose value (set, or the built-in
 * default) is still a placeholder, or NULL when none. malloc'd. */
char *dlg_conf_placeholders(const dlg_conf *c);

#endif
