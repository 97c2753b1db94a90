/* outfile: writing a file a command makes; see outfile.h. */
#include "outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mem.h"
#include "source.h"

static int write_all(int fd, const char *data, size_t n) {
  while (n) {
    ssize_t k = write(fd, data, n);
    if (k < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    data += k;
    n -= (size_t)k;
  }
  return 0;
}

/* A new temporary holding the data, made afresh (O_EXCL, not through a
 * link planted under its name) with the permissions the umask gives a new
 * file. 0 or an errno value; no temporary is left on failure. */
static int new_temp(const char *tmp, const char *data, size_t n) {
  if (unlink(tmp) != 0 && errno != ENOENT) return mem_check(errno);
  int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0666);
  if (fd < 0) return mem_check(errno);
  int e = write_all(fd, data, n);
  if (!e && fsync(fd) != 0) e = errno;
  if (close(fd) != 0 && !e) e = errno;
  if (e) unlink(tmp);
  return mem_check(e);
}

/* Gives the temporary the name without replacing anything: link(2) fails
 * with EEXIST when the name is taken. */
static int publish_new(const char *tmp, const char *path) {
  int e = link(tmp, path) != 0 ? errno : 0;
  unlink(tmp);
  return e;
}

int of_write(ar_arena *a, const char *path, const char *data, size_t n, int force) {
  struct stat st;
  int exists = lstat(path, &st) == 0;
  if (exists && !force) return EEXIST;
  if (exists && S_ISDIR(st.st_mode)) return EISDIR;
  const char *tmp = src_temp_name(a, path);
  if (exists) {
    /* The existing file's owner, group and mode, and its write permission. */
    int e = src_write_temp(tmp, path, data, n);
    return e ? e : src_replace(tmp, path);
  }
  int e = new_temp(tmp, data, n);
  return e ? e : publish_new(tmp, path);
}
