/* Diagnostics and the small allocation helpers every command uses. */
#include "base/diag.h"

#include <limits.h>
#include <stdbool.h>
#include <locale.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/env.h"

static const char *progname = "dlg";

static void bind_messages(void)
{
	/* Installed: <prefix>/bin/../share/locale; build tree: build/bin/../locale. */
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	char *slash = n > 0 ? (exe[n] = '\0', strrchr(exe, '/')) : NULL;
	if (slash) {
		*slash = '\0';
		const char *candidates[] = {"/../share/locale", "/../locale"};
		for (size_t i = 0; i < 2; i++) {
			char *dir = dlg_xasprintf("%s%s", exe, candidates[i]);
			char *mo = dlg_xasprintf("%s/vi/LC_MESSAGES/dlg.mo", dir);
			bool found = access(mo, R_OK) == 0;
			if (found)
				bindtextdomain("dlg", dir);
			free(mo);
			free(dir);
			if (found)
				return;
		}
	}
	bindtextdomain("dlg", DLG_LOCALEDIR);
}

void dlg_diag_init(const char *argv0)
{
	const char *slash = argv0 ? strrchr(argv0, '/') : NULL;
	progname = slash ? slash + 1 : (argv0 ? argv0 : "dlg");
	setlocale(LC_ALL, "");
	/* Our text is UTF-8 whatever the locale; numbers stay C. */
	setlocale(LC_NUMERIC, "C");
	/* gettext ignores LANGUAGE in the C locale, which is what cron gives:
	 * LANGUAGE=vi alone (no vi_VN.UTF-8 locale generated) still means
	 * Vietnamese messages. (LANGUAGE is gettext's variable, read here.) */
	const char *messages = setlocale(LC_MESSAGES, NULL);
	if (dlg_env_language() && messages &&
	    (!strcmp(messages, "C") || !strcmp(messages, "POSIX")))
		setlocale(LC_MESSAGES, "C.UTF-8");
	bind_messages();
	bind_textdomain_codeset("dlg", "UTF-8");
	textdomain("dlg");
}

const char *dlg_progname(void)
{
	return progname;
}

static void vwarn_at(const char *file, long line, const char *fmt, va_list ap)
{
	fflush(stdout);
	fprintf(stderr, "%s: ", progname);
	if (file) {
		if (line > 0)
			fprintf(stderr, "%s:%ld: ", file, line);
		else
			fprintf(stderr, "%s: ", file);
	}
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void dlg_warn(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vwarn_at(NULL, 0, fmt, ap);
	va_end(ap);
}

void dlg_warn_at(const char *file, long line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vwarn_at(file, line, fmt, ap);
	va_end(ap);
}

void dlg_vwarn(const char *fmt, va_list ap)
{
	vwarn_at(NULL, 0, fmt, ap);
}

const char *dlg_display_name(const char *path)
{
	return (!path || !strcmp(path, "-")) ? _("<stdin>") : path;
}

void dlg_out_of_memory(void)
{
	fprintf(stderr, "%s: %s\n", progname, _("out of memory"));
	abort();
}

void *dlg_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		dlg_out_of_memory();
	return p;
}

void *dlg_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		dlg_out_of_memory();
	return p;
}

void *dlg_xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		dlg_out_of_memory();
	return p;
}

void *dlg_xreallocarray(void *p, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		dlg_out_of_memory();
	return dlg_xrealloc(p, n * size);
}

char *dlg_xstrdup(const char *s)
{
	char *d = strdup(s);
	if (!d)
		dlg_out_of_memory();
	return d;
}

char *dlg_xvasprintf(const char *fmt, va_list ap)
{
	char *s;
	if (vasprintf(&s, fmt, ap) < 0)
		dlg_out_of_memory();
	return s;
}

char *dlg_xasprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = dlg_xvasprintf(fmt, ap);
	va_end(ap);
	return s;
}
