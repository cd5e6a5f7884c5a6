/* Safe file names. */
#include "base/safename.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "base/diag.h"
#include "base/sbuf.h"
#include "base/text.h"

char *dlg_safe_filename(const char *s, size_t max)
{
	size_t len;
	char *nfc = dlg_text_nfc(s, strlen(s), &len);
	dlg_sbuf b = {0};
	const char *p = nfc;
	while (*p) {
		const char *at = p;
		uint32_t c = dlg_utf8_next(&p);
		char rep = 0;
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
			rep = '_';
		else if (c < 32 || c == 127 ||
		         (c < 128 && strchr("/\\:*?\"<>|'`$&;!(){}[]#~%", (int)c)))
			rep = '-';
		else if (c >= 0x80 && c < 0xA0)
			rep = '-';
		else if (c == 0x2028 || c == 0x2029)
			rep = '_';
		else if (utf8proc_category((utf8proc_int32_t)c) == UTF8PROC_CATEGORY_CF)
			continue; /* invisible: bidi overrides, zero-width spaces */
		if (rep) {
			if (b.len && (b.data[b.len - 1] == '-' || b.data[b.len - 1] == '_'))
				continue;
			if (!b.len)
				continue;
			dlg_sbuf_addc(&b, rep);
			continue;
		}
		if (!b.len && (c == '.' || c == '-'))
			continue;
		if (b.len + (size_t)(p - at) > max)
			break;
		dlg_sbuf_add(&b, at, (size_t)(p - at));
	}
	while (b.len && strchr("._-", b.data[b.len - 1]))
		b.data[--b.len] = '\0';
	free(nfc);
	return dlg_sbuf_take(&b);
}

void dlg_unique_names(char **names, size_t n, const char *ext)
{
	size_t el = strlen(ext);
	for (size_t i = 1; i < n; i++) {
		for (int k = 2;; k++) {
			bool dup = false;
			for (size_t j = 0; j < i && !dup; j++)
				dup = !strcmp(names[i], names[j]);
			if (!dup)
				break;
			size_t bl = strlen(names[i]);
			char *base = dlg_xstrdup(names[i]);
			if (bl >= el && !strcmp(base + bl - el, ext))
				base[bl - el] = '\0';
			/* strip an earlier "-k" we added */
			char *dash = strrchr(base, '-');
			if (k > 2 && dash)
				*dash = '\0';
			char *nn = dlg_xasprintf("%s-%d%s", base, k, ext);
			free(base);
			free(names[i]);
			names[i] = nn;
		}
	}
}

char **dlg_pdf_names(size_t n, const char *(*key)(void *ctx, size_t i), void *ctx)
{
	char **names = dlg_xmalloc((n ? n : 1) * sizeof *names);
	for (size_t i = 0; i < n; i++) {
		const char *k = key(ctx, i);
		char *safe = dlg_safe_filename(k ? k : "", 100);
		names[i] =
		    *safe ? dlg_xasprintf("%s.pdf", safe) : dlg_xasprintf("%04zu.pdf", i + 1);
		free(safe);
	}
	dlg_unique_names(names, n, ".pdf");
	return names;
}

const char *dlg_namer_get(dlg_namer *nm, const char *key, const char *ext, const char *empty_name)
{
	for (size_t i = 0; i < nm->n; i++)
		if (!strcmp(nm->key[i], key))
			return nm->name[i];
	char *safe = dlg_safe_filename(key, 100);
	const char *base = *safe ? safe : empty_name;
	char *name = dlg_xasprintf("%s%s", base, ext);
	for (int k = 2;; k++) {
		bool taken = false;
		for (size_t i = 0; i < nm->n && !taken; i++)
			taken = !strcmp(nm->name[i], name);
		if (!taken)
			break;
		free(name);
		name = dlg_xasprintf("%s-%d%s", base, k, ext);
	}
	free(safe);
	nm->key = dlg_xreallocarray(nm->key, nm->n + 1, sizeof *nm->key);
	nm->name = dlg_xreallocarray(nm->name, nm->n + 1, sizeof *nm->name);
	nm->key[nm->n] = dlg_xstrdup(key);
	nm->name[nm->n] = name;
	return nm->name[nm->n++];
}

void dlg_namer_free(dlg_namer *nm)
{
	for (size_t i = 0; i < nm->n; i++) {
		free(nm->key[i]);
		free(nm->name[i]);
	}
	free(nm->key);
	free(nm->name);
	memset(nm, 0, sizeof *nm);
}

void dlg_names_free(char **names, size_t n)
{
	if (!names)
		return;
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}
