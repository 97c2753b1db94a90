/* arena: one region per run for the whole model.
 *
 * Everything the model owns (nodes, normalised strings, decoded escapes) is
 * carved out of an arena and released by one ar_free(). Nothing is freed
 * piecemeal, so model code never tracks ownership. Layer: bottom; calls mem
 * and libc. */
#ifndef PLANCHECK_ARENA_H
#define PLANCHECK_ARENA_H

#include <stddef.h>

typedef struct ar_chunk ar_chunk;
/* Shown here only so that ar_alloc's common case can be inlined: a model
 * makes a few hundred thousand allocations per part, and the call was a
 * third of their cost. Nothing outside arena.c touches a chunk. */
struct ar_chunk {
  ar_chunk *prev;
  size_t size, off;
  _Alignas(16) unsigned char data[];
};
typedef struct ar_arena {
  ar_chunk *head;      /* newest chunk; allocation happens here */
  ar_chunk *spare;     /* chunks taken back by ar_recycle, zeroed */
  size_t used;         /* bytes handed out, for statistics */
} ar_arena;

/* A slice of text: not NUL-terminated, owned by a source buffer or an arena. */
typedef struct sl_slice {
  const char *p;
  size_t n;
} sl_slice;

#define SL_LIT(s) ((sl_slice){ (s), sizeof(s) - 1 })
#define SL_NONE ((sl_slice){ NULL, 0 })

void ar_init(ar_arena *a);
void ar_free(ar_arena *a);
/* Frees everything allocated but keeps the first chunk for reuse: for a
 * scratch arena filled and emptied once per file. */
void ar_reset(ar_arena *a);
/* Takes back everything allocated and keeps every chunk, cleared, for the
 * allocations that follow: for a model built and dropped again and again
 * in one process (the parts of a large check), whose pages are then
 * touched once, not once per part (a page fault costs more than clearing
 * the page again). */
void ar_recycle(ar_arena *a);
/* Zeroed memory, aligned for any pointer, integer or double the model
 * holds (8 bytes, not malloc's 16: most model nodes are a multiple of 8
 * and would waste 8 bytes each). Never returns NULL: on exhaustion it
 * calls mem_oom (the command line's handler prints and exits). */
enum { AR_ALIGN = 8 };
/* Under AddressSanitizer every allocation is followed by a poisoned gap and
 * what is not handed out stays poisoned, so that a read or write past an
 * arena allocation is reported as one past a malloc'd block is (the fuzz
 * targets and the sanitizer build); each allocation then takes the slow
 * path. */
#if defined(__SANITIZE_ADDRESS__)
#define AR_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define AR_ASAN 1
#endif
#endif
void *ar_alloc_slow(ar_arena *a, size_t n);
static inline void *ar_alloc(ar_arena *a, size_t n) {
#ifdef AR_ASAN
  return ar_alloc_slow(a, n);
#endif
  ar_chunk *c = a->head;
  size_t at = c ? (c->off + AR_ALIGN - 1) & ~(size_t)(AR_ALIGN - 1) : 0;
  if (!c || at > c->size || c->size - at < n) return ar_alloc_slow(a, n);
  c->off = at + n;
  a->used += n;
  return c->data + at;
}
/* n + 1 bytes with no alignment, zeroed: for text. */
char *ar_alloc_text(ar_arena *a, size_t n);
char *ar_strndup(ar_arena *a, const char *s, size_t n);
/* An arena array of `elem`-byte items with room for `need`: `p` itself when
 * *cap suffices, else a copy with the capacity doubled (from 16) until it
 * does. The old copy stays behind in the arena, which costs at most as much
 * again as the final array. */
void *ar_grow(ar_arena *a, void *p, size_t elem, size_t *cap, size_t need);
sl_slice ar_slice_dup(ar_arena *a, sl_slice s);

int sl_eq(sl_slice a, sl_slice b);
int sl_eq_cstr(sl_slice a, const char *s);

#endif
