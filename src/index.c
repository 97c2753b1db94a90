/* index: open-addressing hash tables; see index.h. */
#include "index.h"

#include <string.h>

#include "text.h"

void ix_init(ix_table *t, ar_arena *a, ix_key_fn key) {
  memset(t, 0, sizeof *t);
  t->arena = a;
  t->key = key;
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
  return probe(t, tx_hash(key.p, key.n), key)->value;
}

/* Doubles the table (from 64 slots), keeping it at most half full so
 * probes stay short. */
static void grow(ix_table *t) {
  size_t cap = t->cap ? t->cap * 2 : 64;
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

void *ix_put(ix_table *t, void *value) {
  if ((t->n + 1) * 2 > t->cap) grow(t);
  sl_slice key = t->key(value);
  uint64_t h = tx_hash(key.p, key.n);
  ix_slot *s = probe(t, h, key);
  if (s->value) return s->value;
  s->hash = h;
  s->value = value;
  t->n++;
  return NULL;
}
