/* resolve: from parsed files to a connected model.
 *
 * Loads the files named on the command line and everything they use or
 * include (relative path, -I, PLANPATH, the embedded standard library), each
 * once, reporting cycles with the include chain; then resolves body
 * references, derives task ids and effective owners, and recognises every
 * deadline phrase; an unknown body gets the nearest bodies (guess). Layer:
 * resolve; calls parse, lexer (lx_names_plan), model, place, guess, deadline,
 * source, lang, mem. */
#ifndef PLANCHECK_RESOLVE_H
#define PLANCHECK_RESOLVE_H

#include "model.h"

typedef struct rs_options {
  const char *const *incdirs;  /* -I DIR, in order */
  size_t nincdirs;
  const char *planpath;        /* PLANPATH, colon-separated, or NULL */
  const char *stdlib_dir;      /* --stdlib DIR, or NULL for the embedded one */
} rs_options;

/* One file named on the command line and what it declared. */
typedef struct rs_input {
  const char *path;
  int loaded;                  /* 0 when it could not be read */
  uint32_t file;
  md_plan *plan;               /* NULL when it declares none */
  int record;                  /* a progress record (--progress): declares
                                  no plan, and need not */
} rs_input;

/* Loads every input, the parent plans they implement (up to the root),
 * and the progress record beside each plan file loaded ("x.progress"
 * beside "x.plan"), when there is one. Returns the number of inputs that could not be read
 * (each reported as an error). */
size_t rs_load(md_model *m, const rs_options *o, rs_input *inputs, size_t n);


/* Loads a plan text registered in memory (src_add_memory) as if it were
 * an input: parses it, then loads the parents it implements (found
 * relative to its path, in -I and PLANPATH), up to the root. For `new
 * --from`, whose child exists only in memory until it is written.
 * Returns the plan it declares, or NULL. */
md_plan *rs_load_memory(md_model *m, const rs_options *o, uint32_t file);

/* The standard library's body files, one a level ("std/central" ...
 * "std/grassroots"), in the levels' order; NULL ends the list. */
extern const char *const rs_standard_files[];

/* A second opinion on deadline phrases the built-in recogniser does not
 * know (the Lua recognisers): returns the deadline chain, or NULL. */
typedef struct rs_recognizer {
  dl_deadline *(*fn)(void *ud, md_model *m, md_due *due, md_item *it);
  void *ud;
} rs_recognizer;

/* Resolves names, ids, owners and deadlines of everything loaded; `more`
 * (may be NULL) is asked about phrases nothing else recognises. */
void rs_resolve(md_model *m, const rs_recognizer *more);

#endif
