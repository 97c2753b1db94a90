/* mem: checked allocation; see mem.h. */
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

FILE *mem_memstream(char **data, size_t *len) {
  FILE *f = open_memstream(data, len);
  if (!f) mem_oom();
  return f;
}

void mem_close(FILE *f, char *const *data) {
  int bad = ferror(f);
  if (fclose(f) != 0 || bad || !*data) mem_oom();
}
