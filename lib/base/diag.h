/* Diagnostics: "prog: file:line: message" on stderr, translated through gettext. */
#ifndef DLG_BASE_DIAG_H
#define DLG_BASE_DIAG_H

#include <libintl.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdnoreturn.h>

#define DLG_VERSION "0.1.0"

#define _(s) gettext(s)
#define N_(s) (s)

/* Exit statuses shared by every command (DESIGN §5). */
enum { DLG_EXIT_OK = 0, DLG_EXIT_FOUND = 1, DLG_EXIT_ERROR = 2 };

/* Name the program for messages, set the locale and bind the "dlg" text domain.
 * Call first in main(); argv0 is not copied and must outlive the program. */
void dlg_diag_init(const char *argv0);

/* The program name given to dlg_diag_init (basename). */
const char *dlg_progname(void);

/* "prog: message" */
void dlg_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "prog: file:line: message"; line 0 omits the line. */
void dlg_warn_at(const char *file, long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* "prog: message" (the va_list form of dlg_warn, for the command line). */
void dlg_vwarn(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/* The name shown in messages for a path: "-" and NULL become "<stdin>". */
const char *dlg_display_name(const char *path);

/* Out of memory: the one thing the library does not return from. It prints
 * "prog: out of memory" and calls abort() (no exit(): a library function
 * never ends the process for any other reason; commands decide their exit
 * status). */
noreturn void dlg_out_of_memory(void);

/* malloc, calloc, realloc and strdup that never return NULL (see
 * dlg_out_of_memory). dlg_xcalloc and dlg_xreallocarray take a count and a
 * size and treat an overflowing product as running out of memory. */
void *dlg_xmalloc(size_t n);
void *dlg_xcalloc(size_t n, size_t size);
void *dlg_xrealloc(void *p, size_t n);
void *dlg_xreallocarray(void *p, size_t n, size_t size);
char *dlg_xstrdup(const char *s);
/* printf into a fresh malloc'd string; the caller frees it. */
char *dlg_xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *dlg_xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

#endif
