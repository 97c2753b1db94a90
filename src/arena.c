/* arena: bump allocation in growing chunks; see arena.h. */
#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct ar_chunk {
  ar_chunk *prev;
  size_t size, off;
  _Alignas(16) unsigned char data[];
};

enum { CHUNK_MIN = 64 * 1024 };

static void default_oom(void) { abort(); }
static void (*oom_handler)(void) = default_oom;

void ar_set_oom(void (*handler)(void)) { oom_handler = handler ? handler : default_oom; }

void ar_init(ar_arena *a) { a->head = NULL; a->used = 0; }

void ar_free(ar_arena *a) {
  ar_chunk *c = a->head;
  while (c) {
    ar_chunk *prev = c->prev;
    free(c);
    c = prev;
  }
  a->head = NULL;
  a->used = 0;
}

void ar_reset(ar_arena *a) {
  ar_chunk *c = a->head;
  while (c && c->prev) {
    ar_chunk *prev = c->prev;
    free(c);
    c = prev;
  }
  if (c) c->off = 0;
  a->head = c;
  a->used = 0;
}

static ar_chunk *new_chunk(size_t need) {
  size_t size = need > CHUNK_MIN ? need : CHUNK_MIN;
  ar_chunk *c = malloc(sizeof *c + size);
  if (!c) {
    oom_handler();
    abort(); /* the handler must not return */
  }
  c->size = size;
  c->off = 0;
  return c;
}

void *ar_alloc(ar_arena *a, size_t n) {
  size_t need = (n + 15) & ~(size_t)15;
  if (need < n) { oom_handler(); abort(); } /* overflow */
  ar_chunk *c = a->head;
  if (!c || c->size - c->off < need) {
    c = new_chunk(need);
    c->prev = a->head;
    a->head = c;
  }
  void *p = c->data + c->off;
  c->off += need;
  a->used += need;
  memset(p, 0, n);
  return p;
}

char *ar_strndup(ar_arena *a, const char *s, size_t n) {
  char *d = ar_alloc(a, n + 1);
  if (n) memcpy(d, s, n);
  d[n] = '\0';
  return d;
}

sl_slice ar_slice_dup(ar_arena *a, sl_slice s) {
  return (sl_slice){ ar_strndup(a, s.p, s.n), s.n };
}

int sl_eq(sl_slice a, sl_slice b) {
  return a.n == b.n && (a.n == 0 || memcmp(a.p, b.p, a.n) == 0);
}

int sl_eq_cstr(sl_slice a, const char *s) {
  size_t n = strlen(s);
  return a.n == n && (n == 0 || memcmp(a.p, s, n) == 0);
}

void *ar_grow(ar_arena *a, void *p, size_t elem, size_t *cap, size_t need) {
  if (need <= *cap) return p;
  size_t c = *cap ? *cap : 16;
  while (c < need) c *= 2;
  void *q = ar_alloc(a, c * elem);
  if (*cap) memcpy(q, p, *cap * elem);
  *cap = c;
  return q;
}
