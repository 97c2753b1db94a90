/* fuzz: what the fuzz targets of tests/fuzz/ share.
 *
 * Each target is one LLVMFuzzerTestOneInput over the library (everything
 * but src/main.c), linked either with libFuzzer (clang -fsanitize=fuzzer)
 * or with replay.c, which feeds it the files named on its command line (a
 * regression run without clang). A target keeps nothing from one input
 * to the next: each builds its model on a fresh arena and frees it all, so
 * that a leak shows and a run does not depend on the inputs before it.
 *
 * Files a target gives the loader are written to a directory private to
 * the process (under /dev/shm, else /tmp), made once and removed at exit:
 * the loader reads them exactly as it reads a user's files. */
#ifndef PLANCHECK_FUZZ_H
#define PLANCHECK_FUZZ_H
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "model.h"
#include "resolve.h"
#include "rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The day every target checks as of, so that a run never depends on the
 * date (2024-06-30). */
dt_day fz_as_of(void);

/* The process's private directory (made on first use), and a path in it
 * (in the arena). */
const char *fz_dir(void);
const char *fz_path(ar_arena *a, const char *name);
/* An empty directory beside it (a --stdlib with no scripts). */
const char *fz_empty(void);

/* The repository's root, where plans/ is (compiled in). */
const char *fz_root(void);

/* Writes data[0, n) to `path`, making its directories. 0 or -1. */
int fz_write(const char *path, const uint8_t *data, size_t n);

/* Removes what fz_write wrote into the private directory since the last
 * call (the directory stays). */
void fz_clean(void);

/* Whether an input may name a file outside the private directory, its
 * files being written `depth` directories below it: a string starting with
 * '/', or as many ".." as the depth (each leads one directory up at most,
 * and a file is read once, so the ".." of an input lead up at most that
 * many levels in all). Such inputs are skipped, so that a target reads no
 * file of the machine (a FIFO, /dev/zero) and stays deterministic.
 * Reading special files is tested in tests/bad, not here. */
int fz_escapes(const uint8_t *data, size_t size, int depth);

/* A stream that discards what is written: diagnostics are rendered (their
 * columns and carets computed) but not shown; with FUZZ_SHOW set in the
 * environment, standard error (to see what an input does). */
FILE *fz_null(void);

/* One run: an arena, a source table, a diagnostic list and a model. */
typedef struct fz_run {
  ar_arena arena;
  src_table src;
  dg_list diags;
  md_model m;
  ru_engine *rules;
} fz_run;

/* Starts a run; `ro` (may be NULL: no scripts) opens the Lua rules. */
void fz_begin(fz_run *r, const ru_options *ro);
/* Loads the inputs and resolves them as `plancheck check` does (the
 * rules' recognisers asked, progress entries as of fz_as_of()). Returns
 * how many could not be read. */
size_t fz_load(fz_run *r, rs_input *in, size_t n, const rs_options *o);
/* Loads plans/tuyphuoc.plan (with its parent plans/tw/12-kh-tw.plan)
 * and the `n` inputs `more` with it, as fz_load does; returns the plan
 * (never NULL: the plan is the repository's). */
md_plan *fz_load_real(fz_run *r, rs_input *more, size_t n);
/* Renders the diagnostics (text and JSON) to fz_null(), as the command
 * line prints them, and frees everything (fz_free). */
void fz_end(fz_run *r);
void fz_free(fz_run *r);

#endif
