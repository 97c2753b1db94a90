/* mem: checked allocation; see mem.h. */
#define _GNU_SOURCE          /* fopencookie */
#include "mem.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static void (*oom_handler)(void);

void mem_set_oom(void (*handler)(void)) { oom_handler = handler; }

_Noreturn void mem_oom(void) {
  if (oom_handler) oom_handler();
  abort(); /* a handler must not return */
}

void *mem_alloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p) mem_oom();
  return p;
}

void *mem_calloc(size_t k, size_t n) {
  void *p = calloc(k ? k : 1, n ? n : 1);
  if (!p) mem_oom();
  return p;
}

void *mem_realloc(void *p, size_t n) {
  void *q = realloc(p, n ? n : 1);
  if (!q) mem_oom();
  return q;
}

char *mem_strdup(const char *s) {
  size_t n = strlen(s) + 1;
  return memcpy(mem_alloc(n), s, n);
}

int mem_check(int err) {
  if (err == ENOMEM) mem_oom();
  return err;
}

/* The state of a memory stream: where its bytes go, and the room there. */
typedef struct mstream {
  char **data;
  size_t *len, cap;
} mstream;

static ssize_t mstream_write(void *cookie, const char *buf, size_t n) {
  mstream *m = cookie;
  if (*m->len + n + 1 > m->cap) {
    while (*m->len + n + 1 > m->cap) m->cap *= 2;
    *m->data = mem_realloc(*m->data, m->cap);
  }
  memcpy(*m->data + *m->len, buf, n);
  *m->len += n;
  (*m->data)[*m->len] = '\0';
  return (ssize_t)n;
}

static int mstream_close(void *cookie) {
  free(cookie);
  return 0;
}

FILE *mem_memstream(char **data, size_t *len) {
  mstream *m = mem_alloc(sizeof *m);
  *m = (mstream){ data, len, 256 };
  *data = mem_alloc(m->cap);
  **data = '\0';
  *len = 0;
  FILE *f = fopencookie(m, "w", (cookie_io_functions_t){ NULL, mstream_write, NULL, mstream_close });
  if (!f) mem_oom();
  return f;
}

/* The writes cannot fail (mstream_write has no failure to report); a
 * failure here is the stream's own buffer. */
void mem_close(FILE *f) {
  if (fclose(f) != 0) mem_oom();
}
