/* Atomic replacement of files and advisory locking (DESIGN §2). */
#ifndef DLG_BASE_ATOMIC_H
#define DLG_BASE_ATOMIC_H

#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

typedef struct {
	char *path;  /* final name (owned) */
	char *tmp;   /* temporary name in the same folder (owned) */
	FILE *f;     /* write here between begin and commit */
	mode_t mode; /* the file's mode once committed */
} dlg_atomic;

/* new_mode of a file holding personal data (records, letters, address lists,
 * mail): owner only, 0600, unless the office sets [files] personal_mode in
 * dlg.conf (dlg_set_personal_mode). */
#define DLG_MODE_PERSONAL ((mode_t)-1)

/* The mode files created with DLG_MODE_PERSONAL get (0600 until set). */
void dlg_set_personal_mode(mode_t mode);

/* Start writing a replacement for path: a temporary file in the same folder,
 * mode 0600 while it is written and locked (flock) by this process; on
 * commit it takes the existing file's permissions, or for a new file new_mode
 * (0644 for a document anyone may read, DLG_MODE_PERSONAL for personal data)
 * less the umask. Temporary files of path that a killed run left (no
 * process holds their lock) are removed first. A symbolic link is followed
 * (its target is replaced, the link stays); an existing file that is not a
 * regular file (/dev/null, a pipe) is refused. false after a diagnostic on
 * failure. */
bool dlg_atomic_begin(dlg_atomic *a, const char *path, mode_t new_mode);

/* Remove the temporary files of dlg_atomic_begin in folder dir that a killed
 * run left (no process holds their lock). */
void dlg_atomic_clean_folder(const char *dir);

/* Flush, fsync, close and rename over path, then fsync the folder. On any
 * failure (a full disk) the temporary file is removed, the old file is left
 * whole, a diagnostic is printed and false returned. Frees a's strings. */
bool dlg_atomic_commit(dlg_atomic *a);

/* Give up: remove the temporary file and free a's strings. */
void dlg_atomic_abort(dlg_atomic *a);

/* Take an exclusive flock on the folder that holds path (for a symbolic
 * link: the folder of its target, where dlg_atomic_begin replaces it; waits). Returns a
 * descriptor for dlg_unlock, or -1 after a diagnostic. Every record of a
 * folder shares its lock. A folder this process holds already is not
 * locked again (that would wait for ever): the lock is shared and released
 * with the last dlg_unlock. */
int dlg_lock_folder_of(const char *path);

/* Take an exclusive flock on the lock file lock_path, creating it (mode
 * 0600) when missing (waits). A lock of its own, independent of the folder's,
 * so a command holding the folder lock can take it too. Returns a descriptor
 * for dlg_unlock, or -1 after a diagnostic. */
int dlg_lock_file(const char *lock_path);

/* Release a lock taken by dlg_lock_folder_of or dlg_lock_file. */
void dlg_unlock(int fd);

#endif
