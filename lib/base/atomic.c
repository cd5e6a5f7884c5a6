/* Write-then-rename replacement of files, and folder locks. */
#include "base/atomic.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/diag.h"

/* The folder part of path, malloc'd ("." for a bare name). */
static char *folder_of(const char *path)
{
	char *copy = dlg_xstrdup(path);
	char *dir = dlg_xstrdup(dirname(copy));
	free(copy);
	return dir;
}

bool dlg_atomic_begin(dlg_atomic *a, const char *path, mode_t new_mode)
{
	char *copy = dlg_xstrdup(path);
	char *dir = folder_of(path);
	a->path = dlg_xstrdup(path);
	a->tmp = dlg_xasprintf("%s/.%s.XXXXXX", dir, basename(copy));
	free(copy);
	free(dir);
	a->f = NULL;
	struct stat st;
	mode_t mode = new_mode;
	if (stat(path, &st) == 0)
		mode = st.st_mode & 07777;
	int fd = mkstemp(a->tmp);
	if (fd < 0) {
		dlg_warn(_("%s: cannot create a temporary file beside it: %s"), path,
		         strerror(errno));
		free(a->path);
		free(a->tmp);
		return false;
	}
	if (fchmod(fd, mode) != 0 || !(a->f = fdopen(fd, "w"))) {
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
	if (ok && fsync(fileno(a->f)) != 0) {
		ok = false;
		saved = errno;
	}
	if (fclose(a->f) != 0 && ok) {
		ok = false;
		saved = errno;
	}
	a->f = NULL;
	if (ok && rename(a->tmp, a->path) != 0) {
		ok = false;
		saved = errno;
	}
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

int dlg_lock_folder_of(const char *path)
{
	char *dir = folder_of(path);
	int fd = open(dir, O_RDONLY | O_DIRECTORY);
	if (fd < 0 || flock(fd, LOCK_EX) != 0) {
		dlg_warn(_("%s: cannot lock the folder: %s"), dir, strerror(errno));
		if (fd >= 0)
			close(fd);
		fd = -1;
	}
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
	if (fd >= 0) {
		flock(fd, LOCK_UN);
		close(fd);
	}
}
