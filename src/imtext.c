/* imtext: a document's text as an import reader gives it; see imtext.h. */
#include "imtext.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "source.h"

void im_add(ar_arena *a, im_text *t, const char *s, size_t n, unsigned flags) {
  t->v = ar_grow(a, t->v, sizeof *t->v, &t->cap, t->n + 1);
  t->v[t->n++] = (im_line){ ar_strndup(a, s, n), n, flags };
}

int im_open(const char *path, const char **error) {
  int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    *error = src_status_text(errno == ENOENT ? SRC_NOT_FOUND : SRC_UNREADABLE, errno);
    return -1;
  }
  struct stat st;
  if (fstat(fd, &st) != 0) *error = src_status_text(SRC_UNREADABLE, errno);
  else if (!S_ISREG(st.st_mode)) *error = src_status_text(S_ISDIR(st.st_mode) ? SRC_IS_DIR : SRC_NOT_REGULAR, 0);
  else {
    /* O_NONBLOCK only kept open() from waiting on a FIFO. */
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    return fd;
  }
  close(fd);
  return -1;
}
