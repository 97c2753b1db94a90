/* batch: checking many plan files in parts, on every core.
 *
 * A national run reads some fifty thousand plans. Holding all of them in
 * one model would take several times their size in memory, and reading
 * each file more than once costs more than checking it. So the files are
 * split, in the order given, into parts of --batch plans; bt_run forks
 * worker processes, each checks one part in a model of its own (loading
 * the parents its plans name, a few per cent more) and hands back what it
 * printed, and its memory goes when it exits. The parent process prints
 * the parts in order, so the output does not depend on which worker
 * finished first.
 *
 * A part reports what it finds in its own files. What it finds in a file
 * it only read as a parent ("foreign") goes back separately: the parent
 * process drops it when that file is one of the files given (its own part
 * reports it) and prints it once otherwise, however many parts read the
 * file. Layer: command line; calls arena, index, mem and the OS. */
#ifndef PLANCHECK_BATCH_H
#define PLANCHECK_BATCH_H

#include <stdio.h>

#include "arena.h"

typedef struct bt_counts {
  unsigned long errors, warnings, unreadable;
  size_t lead;               /* bytes at the start of what fn wrote to `out`
                                that separate it from earlier output (a
                                comma in a JSON array): dropped when nothing
                                was written before */
} bt_counts;

/* A foreign finding: `file` is the path it was read by (the parent process
 * compares it with the files given, spelling aside), `identity` what makes
 * two reports of it the same one (where and what, not how the path was
 * spelled), `text` how it prints: on stderr, or on stdout as an element of
 * the JSON array when `json` (then `text` has no separating comma). */
typedef struct bt_foreign {
  int is_error, is_warning, json;
  const char *file, *identity, *text;
  size_t text_len;
} bt_foreign;

/* Checks items [first, first + count), writing findings to `err`, anything
 * else to `out`, and foreign findings through bt_put_foreign to `foreign`;
 * returns the counts of what it wrote to `err` and `out`. */
typedef bt_counts (*bt_fn)(void *ud, size_t first, size_t count, FILE *out, FILE *err, FILE *foreign);

/* Writes one foreign finding for the parent process. */
void bt_put_foreign(FILE *foreign, const bt_foreign *f);

/* Runs fn over the n files of `paths` in slices of `batch`, each in a
 * worker process, at most `jobs` at once, and copies what each wrote to
 * stdout and stderr in slice order, foreign findings first; adds the
 * counts to *total. *written says whether anything went to stdout before,
 * and is updated. Returns 0, or -1 when a worker could not be started or
 * did not finish (said on stderr). A worker that runs out of memory ends
 * the run in mem_oom, here in the parent, after the parts before it are
 * printed and the other workers stopped: the same end as a run in one
 * process, never a part reported as unfinished. */
int bt_run(const char *const *paths, size_t n, size_t batch, int jobs, bt_fn fn, void *ud, bt_counts *total,
           int *written);

/* `path` with "." and empty components dropped and "dir/.." folded, in
 * the arena: "a/./b/../c" → "a/c". Links are not followed: two spellings
 * of one file through a link stay different (the finding is then printed
 * by its part and once more as foreign, never lost). */
const char *bt_normal_path(ar_arena *a, const char *path);

#endif
