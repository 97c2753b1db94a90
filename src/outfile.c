/* outfile: writing a file a command makes; see outfile.h. */
#include "outfile.h"

#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mem.h"
#include "source.h"

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
  int e = src_write_new_temp(tmp, data, n);
  return e ? e : publish_new(tmp, path);
}
