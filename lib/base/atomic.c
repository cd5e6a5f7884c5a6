/* Write-then-rename replacement of files, and folder locks. */
#include "base/atomic.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/diag.h"

static bool begin(dlg_atomic *a, const char *path, mode_t new_mode);

static mode_t personal_mode = S_IRUSR | S_IWUSR;

void dlg_set_personal_mode(mode_t mode)
{
	personal_mode = mode & 0777;
}

/* The process's umask (read without changing it for good). */
static mode_t current_umask(void)
{
	mode_t u = umask(077);
	umask(u);
	return u;
}

/* A name dlg_atomic_begin gives a temporary file: ".NAME.XXXXXX" (of name,
 * or of any file when name is NULL). */
static bool temp_name(const char *n, const char *name)
{
	size_t len = strlen(n);
	if (n[0] != '.' || len < 9 || n[len - 7] != '.')
		return false;
	for (size_t i = len - 6; i < len; i++)
		if (!((n[i] >= 'a' && n[i] <= 'z') || (n[i] >= 'A' && n[i] <= 'Z') ||
		      (n[i] >= '0' && n[i] <= '9')))
			return false;
	return !name || (len - 8 == strlen(name) && !strncmp(n + 1, name, len - 8));
}

/* Remove the temporary files beside path (of name, or all when NULL) that
 * no process is writing: their writer holds an flock until it renames them,
 * so a lock we can take means the writer was killed. */
static void remove_stale_temps(const char *dir, const char *name)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (!temp_name(e->d_name, name))
			continue;
		char *tmp = dlg_xasprintf("%s/%s", dir, e->d_name);
		int fd = open(tmp, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
		struct stat st;
		if (fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
		    st.st_uid == geteuid() && flock(fd, LOCK_EX | LOCK_NB) == 0)
			unlink(tmp);
		if (fd >= 0)
			close(fd);
		free(tmp);
	}
	closedir(d);
}

/* The folder part of path, malloc'd ("." for a bare name). */
static char *folder_of(const char *path)
{
	char *copy = dlg_xstrdup(path);
	char *dir = dlg_xstrdup(dirname(copy));
	free(copy);
	return dir;
}

void dlg_atomic_clean_folder(const char *dir)
{
	remove_stale_temps(dir, NULL);
}

bool dlg_atomic_begin(dlg_atomic *a, const char *path, mode_t new_mode)
{
	/* a symbolic link is written at its target: renaming over the link
	 * would replace it with a local copy */
	struct stat lst;
	char *real = NULL;
	if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode) && (real = realpath(path, NULL)))
		path = real;
	bool ok = begin(a, path, new_mode);
	free(real);
	return ok;
}

static bool begin(dlg_atomic *a, const char *path, mode_t new_mode)
{
	char *copy = dlg_xstrdup(path);
	char *dir = folder_of(path);
	a->path = dlg_xstrdup(path);
	a->tmp = dlg_xasprintf("%s/.%s.XXXXXX", dir, basename(copy));
	free(copy);
	free(dir);
	a->f = NULL;
	struct stat st;
	mode_t mode = (new_mode == DLG_MODE_PERSONAL ? personal_mode : new_mode) & ~current_umask();
	if (stat(path, &st) == 0) {
		mode = st.st_mode & 07777;
		if (!S_ISREG(st.st_mode)) {
			/* renaming over /dev/null or a pipe would replace the device
			 * node or the link itself with a file */
			dlg_warn(_("%s: not a regular file, not replaced"), path);
			free(a->path);
			free(a->tmp);
			return false;
		}
	}
	{
		char *d = folder_of(path), *c = dlg_xstrdup(path);
		remove_stale_temps(d, basename(c));
		free(d);
		free(c);
	}
	int fd = mkstemp(a->tmp); /* mode 0600 */
	if (fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) != 0) {
		close(fd);
		unlink(a->tmp);
		fd = -1;
	}
	if (fd < 0) {
		dlg_warn(_("%s: cannot create a temporary file beside it: %s"), path,
		         strerror(errno));
		free(a->path);
		free(a->tmp);
		return false;
	}
	a->mode = mode;
	if (!(a->f = fdopen(fd, "w"))) {
		dlg_warn("%s: %s", a->tmp, strerror(errno));
		close(fd);
		unlink(a->tmp);
		free(a->path);
		free(a->tmp);
		return false;
	}
	return true;
}

static void fsync_folder(const char *path)
{
	char *dir = folder_of(path);
	int fd = open(dir, O_RDONLY | O_DIRECTORY);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	free(dir);
}

bool dlg_atomic_commit(dlg_atomic *a)
{
	bool ok = fflush(a->f) == 0 && !ferror(a->f);
	int saved = errno;
	if (ok && (fchmod(fileno(a->f), a->mode) != 0 || fsync(fileno(a->f)) != 0)) {
		ok = false;
		saved = errno;
	}
	/* renamed while still open, so that its lock keeps other runs from
	 * taking it for a killed run's leftover */
	if (ok && rename(a->tmp, a->path) != 0) {
		ok = false;
		saved = errno;
	}
	fclose(a->f); /* (after fsync: nothing left to fail) */
	a->f = NULL;
	if (!ok) {
		dlg_warn(_("%s: not written, the old file is unchanged: %s"), a->path,
		         strerror(saved));
		unlink(a->tmp);
	} else {
		fsync_folder(a->path);
	}
	free(a->path);
	free(a->tmp);
	return ok;
}

void dlg_atomic_abort(dlg_atomic *a)
{
	if (a->f)
		fclose(a->f);
	unlink(a->tmp);
	free(a->path);
	free(a->tmp);
}

/* Folders this process holds locked: a second lock on one of them (a
 * command that holds the outgoing register and then records a closure in
 * the same folder) shares the first instead of waiting for ever on itself. */
static struct held {
	dev_t dev;
	ino_t ino;
	int fd;    /* the descriptor that holds the flock */
	int count; /* descriptors handed out for it */
} held[16];
static size_t nheld;

static struct held *held_by_fd(int fd)
{
	struct stat st;
	if (fstat(fd, &st) != 0)
		return NULL;
	for (size_t i = 0; i < nheld; i++)
		if (held[i].dev == st.st_dev && held[i].ino == st.st_ino)
			return &held[i];
	return NULL;
}

int dlg_lock_folder_of(const char *path)
{
	/* a symbolic link's file is replaced at its target (dlg_atomic_begin):
	 * lock the folder it is replaced in */
	struct stat lst;
	char *real = NULL;
	if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode))
		real = realpath(path, NULL);
	char *dir = folder_of(real ? real : path);
	free(real);
	int fd = open(dir, O_RDONLY | O_DIRECTORY);
	struct held *h = fd >= 0 ? held_by_fd(fd) : NULL;
	if (h) {
		h->count++;
		free(dir);
		return fd;
	}
	if (fd < 0 || flock(fd, LOCK_EX) != 0) {
		dlg_warn(_("%s: cannot lock the folder: %s"), dir, strerror(errno));
		if (fd >= 0)
			close(fd);
		fd = -1;
	}
	struct stat st;
	if (fd >= 0 && nheld < sizeof held / sizeof held[0] && fstat(fd, &st) == 0)
		held[nheld++] = (struct held){st.st_dev, st.st_ino, fd, 1};
	free(dir);
	return fd;
}

int dlg_lock_file(const char *lock_path)
{
	int fd = open(lock_path, O_RDWR | O_CREAT | O_CLOEXEC, S_IRUSR | S_IWUSR);
	if (fd < 0 || flock(fd, LOCK_EX) != 0) {
		dlg_warn(_("%s: cannot lock: %s"), lock_path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	return fd;
}

void dlg_unlock(int fd)
{
	if (fd < 0)
		return;
	struct held *h = held_by_fd(fd);
	if (h && --h->count > 0) {
		if (fd != h->fd)
			close(fd);
		return;
	}
	if (h) {
		int own = h->fd;
		*h = held[--nheld];
		if (own != fd)
			close(own);
	}
	flock(fd, LOCK_UN);
	close(fd);
}
