/* batch: checking many plan files, the shared parents once and the rest in
 * batches on every core.
 *
 * A national run reads some fifty thousand plans. Holding all of them in
 * one model would take several times their size in memory, yet only the
 * plans that others implement (central, provincial, district: a few per
 * cent) have to stay. bt_index reads the header of every file given (its
 * key and the parents it names) so the caller can load those plans first,
 * once. bt_run then forks worker processes that inherit that model
 * copy-on-write; each checks one batch of the other files and hands back
 * what it printed, and its memory goes when it exits. The parent process
 * prints the batches in order, so the output does not depend on which
 * worker finished first. Layer: command line; calls parse, model, source
 * and the OS. */
#ifndef PLANCHECK_BATCH_H
#define PLANCHECK_BATCH_H

#include <stdio.h>

#include "arena.h"

typedef struct bt_parent {
  sl_slice number, path;     /* as the file's `implements` gives them */
} bt_parent;

typedef struct bt_header {
  const char *path;
  sl_slice key;              /* the plan the file declares; empty if none */
  bt_parent *parents;
  size_t nparents;
  int is_parent;             /* another file given names it as a parent */
} bt_header;

/* The header of each file (results in `a`): read, lexed and parsed only
 * as far as the end of its `plan { }` block, every problem ignored (the
 * full parse reports them). */
bt_header *bt_index(ar_arena *a, const char *const *paths, size_t n);

typedef struct bt_counts {
  unsigned long errors, warnings, unreadable;
  size_t lead;               /* bytes at the start of what fn wrote to `out`
                                that separate it from earlier output (a
                                comma in a JSON array): dropped when nothing
                                was written before */
} bt_counts;

/* Checks items [first, first + count), writing findings to `err` and
 * anything else to `out`; returns what it found. */
typedef bt_counts (*bt_fn)(void *ud, size_t first, size_t count, FILE *out, FILE *err);

/* Runs fn over n items in slices of `batch`, each in a worker process, at
 * most `jobs` at once, and copies what each wrote to stdout and stderr in
 * slice order; adds the counts to *total. *written says whether anything
 * went to stdout before, and is updated. Returns 0, or -1 when a worker
 * could not be started or did not finish (said on stderr). */
int bt_run(size_t n, size_t batch, int jobs, bt_fn fn, void *ud, bt_counts *total, int *written);

#endif
