/* index: open-addressing hash tables; see index.h. */
#include "index.h"

#include <string.h>

void ix_init(ix_table *t, ar_arena *a, ix_key_fn key) {
  memset(t, 0, sizeof *t);
  t->arena = a;
  t->key = key;
}

/* The hash of a key, eight bytes at a time: a national run looks up a
 * million ids, and FNV's byte-at-a-time multiply was most of a lookup.
 * Each word is mixed in with a multiply; the last step spreads every bit
 * into the low ones that pick the slot. */
static uint64_t key_hash(sl_slice key) {
  const unsigned char *p = (const unsigned char *)key.p;
  size_t n = key.n;
  uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
  for (; n >= 8; p += 8, n -= 8) {
    uint64_t w;
    memcpy(&w, p, 8);
    h = (h ^ w) * 0xFF51AFD7ED558CCDull;
    h ^= h >> 32;
  }
  /* The last n < 8 bytes: in a key of eight or more, the word that ends
   * it, shifted (one load, where a memcpy of n bytes is a call). */
  uint64_t w = 0;
  if (n && key.n >= 8) {
    memcpy(&w, p + n - 8, 8);
    w >>= 8 * (8 - n);
  } else {
    for (size_t i = 0; i < n; i++) w |= (uint64_t)p[i] << (8 * i);
  }
  h = (h ^ w) * 0xC4CEB9FE1A85EC53ull;
  h ^= h >> 29;
  h *= 0xFF51AFD7ED558CCDull;
  return h ^ (h >> 32);
}

/* The slot holding `key`, or the empty slot where it would go. */
static ix_slot *probe(const ix_table *t, uint64_t h, sl_slice key) {
  size_t mask = t->cap - 1;
  for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
    ix_slot *s = &t->slots[i];
    if (!s->value || (s->hash == h && sl_eq(t->key(s->value), key))) return s;
  }
}

void *ix_get(const ix_table *t, sl_slice key) {
  if (!t->n) return NULL;
  return probe(t, key_hash(key), key)->value;
}

/* Moves the table into `cap` slots (a power of two). */
static void rehash(ix_table *t, size_t cap) {
  ix_slot *old = t->slots;
  size_t oldcap = t->cap;
  t->slots = ar_alloc(t->arena, cap * sizeof *t->slots);
  t->cap = cap;
  for (size_t i = 0; i < oldcap; i++) {
    if (!old[i].value) continue;
    size_t j = (size_t)old[i].hash & (cap - 1);
    while (t->slots[j].value) j = (j + 1) & (cap - 1);
    t->slots[j] = old[i];
  }
}

/* The table stays at most half full (from 64 slots), so probes stay short. */
void ix_reserve(ix_table *t, size_t n) {
  size_t cap = t->cap ? t->cap : 64;
  while (n * 2 > cap) cap *= 2;
  if (cap != t->cap) rehash(t, cap);
}

void *ix_put(ix_table *t, void *value) {
  if ((t->n + 1) * 2 > t->cap) ix_reserve(t, 2 * t->n + 1);
  sl_slice key = t->key(value);
  uint64_t h = key_hash(key);
  ix_slot *s = probe(t, h, key);
  if (s->value) return s->value;
  s->hash = h;
  s->value = value;
  t->n++;
  return NULL;
}

/* A member of a set: the string is its own key. */
typedef struct member {
  sl_slice key;
} member;

static sl_slice member_key(const void *v) { return ((const member *)v)->key; }

void ix_init_set(ix_table *t, ar_arena *a) { ix_init(t, a, member_key); }

int ix_set_add(ix_table *t, sl_slice key) {
  if (ix_get(t, key)) return 1;
  member *m = ar_alloc(t->arena, sizeof *m);
  m->key = ar_slice_dup(t->arena, key);
  ix_put(t, m);
  return 0;
}
