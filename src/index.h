/* index: hash tables keyed by text that grow with what they hold.
 *
 * The model finds plans by key, items by id and bodies by id and name; a
 * national run holds a million items, so a fixed number of buckets would
 * turn every lookup into a walk. Open addressing over (hash, value) pairs:
 * the key is read back from the value, so the table stores no copy of it.
 * Arrays live in the arena (a grown table leaves its old array behind,
 * which costs at most as much again). Layer: bottom; calls arena. */
#ifndef PLANCHECK_INDEX_H
#define PLANCHECK_INDEX_H

#include <stdint.h>

#include "arena.h"

typedef sl_slice (*ix_key_fn)(const void *value);

typedef struct ix_slot {
  uint64_t hash;
  void *value;               /* NULL: empty */
} ix_slot;

typedef struct ix_table {
  ar_arena *arena;
  ix_key_fn key;
  ix_slot *slots;
  size_t cap, n;             /* cap is 0 or a power of two */
} ix_table;

void ix_init(ix_table *t, ar_arena *a, ix_key_fn key);

/* Where an address's probe starts in a table of cap slots (a power of
 * two), for the tables keyed by address that modules keep themselves: the
 * high bits of a multiplication, which every bit of the address reaches. */
static inline size_t ix_ptr_slot(const void *p, size_t cap) {
  return (size_t)(((uint64_t)(uintptr_t)p * 0x9E3779B97F4A7C15ull) >> 32) & (cap - 1);
}

/* Makes room for `n` values in all, so that a table about to take many
 * grows once (each growth leaves the old array behind in the arena). */
void ix_reserve(ix_table *t, size_t n);

/* The value stored under `key`, or NULL. */
void *ix_get(const ix_table *t, sl_slice key);

/* Stores `value` under its key unless the key is there already: returns
 * the value found then (and stores nothing), else NULL. */
void *ix_put(ix_table *t, void *value);

/* A set of strings: a table whose values are the strings themselves,
 * copied into its arena. ix_get tells whether one is in it. */
void ix_init_set(ix_table *t, ar_arena *a);
/* Adds `key` to a set made by ix_init_set; 1 when it was there already. */
int ix_set_add(ix_table *t, sl_slice key);

#endif
