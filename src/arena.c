/* arena: bump allocation in growing chunks; see arena.h.
 *
 * Chunks are mapped straight from the system (mmap), which hands out
 * zeroed pages and touches none until they are used, and what the arena
 * has not handed out yet is kept zero (ar_reset clears what it takes
 * back). So an allocation needs no memset of its own: a national run
 * would otherwise write its 1.5 GB model twice. (calloc would clear
 * most chunks again: it knows fresh memory only when it maps it itself.)
 * Chunks double in size up to CHUNK_MAX, so a large run maps a few
 * hundred of them. */
#define _DEFAULT_SOURCE      /* MAP_ANONYMOUS, not in POSIX 2008 */
#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "mem.h"

enum { CHUNK_MIN = 64 * 1024, CHUNK_MAX = 8 * 1024 * 1024, ALIGN = AR_ALIGN };

#ifdef AR_ASAN
#include <sanitizer/asan_interface.h>
#define POISON(p, n) ASAN_POISON_MEMORY_REGION(p, n)
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION(p, n)
enum { GAP = 16, MIN_ALIGN = 8 };      /* ASan's shadow has 8-byte granules */
#else
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
enum { GAP = 0, MIN_ALIGN = 1 };
#endif

void ar_init(ar_arena *a) { a->head = a->spare = NULL; a->used = 0; }

static void unmap(ar_chunk *c) {
  UNPOISON(c->data, c->size);          /* the next mapping there starts clean */
  munmap(c, sizeof *c + c->size);
}

/* Clears what a chunk handed out, for reuse. */
static void clear(ar_chunk *c) {
  UNPOISON(c->data, c->off);
  memset(c->data, 0, c->off);
  POISON(c->data, c->size);
  c->off = 0;
}

static void unmap_all(ar_chunk *c) {
  while (c) {
    ar_chunk *prev = c->prev;
    unmap(c);
    c = prev;
  }
}

void ar_free(ar_arena *a) {
  unmap_all(a->head);
  unmap_all(a->spare);
  a->head = a->spare = NULL;
  a->used = 0;
}

void ar_recycle(ar_arena *a) {
  ar_chunk *c = a->head;
  while (c) {
    ar_chunk *prev = c->prev;
    clear(c);
    c->prev = a->spare;
    a->spare = c;
    c = prev;
  }
  a->head = NULL;
  a->used = 0;
}

/* A spare chunk with room for `need` bytes, taken off the spare list. */
static ar_chunk *take_spare(ar_arena *a, size_t need) {
  for (ar_chunk **p = &a->spare; *p; p = &(*p)->prev)
    if ((*p)->size >= need) {
      ar_chunk *c = *p;
      *p = c->prev;
      return c;
    }
  return NULL;
}

void ar_reset(ar_arena *a) {
  ar_chunk *c = a->head;
  while (c && c->prev) {
    ar_chunk *prev = c->prev;
    unmap(c);
    c = prev;
  }
  if (c) clear(c);
  a->head = c;
  a->used = 0;
}

/* A chunk with room for `need` bytes, twice the size of the one before
 * (`prev`, or none) up to CHUNK_MAX, in whole multiples of CHUNK_MIN. */
static ar_chunk *new_chunk(const ar_chunk *prev, size_t need) {
  size_t size = !prev ? CHUNK_MIN : prev->size < CHUNK_MAX / 2 ? 2 * (prev->size + sizeof *prev) : CHUNK_MAX;
  if (size < need + sizeof *prev) size = (need + sizeof *prev + CHUNK_MIN - 1) / CHUNK_MIN * CHUNK_MIN;
  void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) mem_oom();
  ar_chunk *c = p;
  c->size = size - sizeof *c;
  POISON(c->data, c->size);
  return c;
}

/* n bytes at an offset that is a multiple of `align` (a power of two). */
static void *take(ar_arena *a, size_t n, size_t align) {
  ar_chunk *c = a->head;
  if (align < MIN_ALIGN) align = MIN_ALIGN;
  size_t at = c ? (c->off + align - 1) & ~(align - 1) : 0;
  if (!c || at > c->size || c->size - at < n + GAP) {
    if (n > SIZE_MAX / 2) mem_oom(); /* overflow */
    c = take_spare(a, n + GAP);
    if (!c) c = new_chunk(a->head, n + GAP);
    c->prev = a->head;
    a->head = c;
    at = 0;
  }
  c->off = at + n + GAP;
  a->used += n;
  UNPOISON(c->data + at, n);
  return c->data + at;
}

/* ar_alloc (arena.h) when the newest chunk is full: its inline part
 * takes the same steps as take() for ALIGN. */
void *ar_alloc_slow(ar_arena *a, size_t n) { return take(a, n, ALIGN); }

char *ar_alloc_text(ar_arena *a, size_t n) {
  if (n == SIZE_MAX) mem_oom();
  return take(a, n + 1, 1);
}

char *ar_strndup(ar_arena *a, const char *s, size_t n) {
  char *d = ar_alloc_text(a, n);
  if (n) memcpy(d, s, n);
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
