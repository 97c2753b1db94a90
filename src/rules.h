/* rules: the plancheck Lua API and the scripts that use it.
 *
 * Scripts come from stdlib/ (embedded, or --stdlib DIR), the project's
 * .plancheck.lua (the nearest one above each plan) and --rules FILE|DIR,
 * in that order. Each runs once, in its own sandboxed environment, and
 * defines rules (checks run on every plan named on the command line),
 * deadline recognisers (asked about phrases the built-in recogniser does
 * not know) and report formats. Every definition is validated as it is
 * made. A script that fails, runs out of budget or memory, or returns the
 * wrong thing becomes a diagnostic naming it and its line; the other
 * rules still run. Layer: check; calls sandbox, luamodel, resolve, model,
 * diag, source, mem. */
#ifndef PLANCHECK_RULES_H
#define PLANCHECK_RULES_H

#include "model.h"
#include "resolve.h"

typedef enum ru_kind { RU_RULE, RU_RECOGNIZER, RU_FORMAT } ru_kind;

typedef struct ru_def {
  ru_kind kind;
  const char *id, *description;
  dg_severity severity;      /* rules: as defined */
  int enabled;               /* rules: after -W switches */
  int werror;                /* rules: -Werror=ID, every finding an error */
  int fn;                    /* registry reference of its function */
  uint32_t file;             /* where it is defined */
  int line;
} ru_def;

typedef struct ru_options {
  const char *stdlib_dir;    /* --stdlib DIR, or NULL for the embedded one */
  const char *const *rules;  /* --rules FILE|DIR, in order */
  size_t nrules;
  const char *const *plans;  /* the plan files, to find .plancheck.lua */
  size_t nplans;
  long long budget;          /* instructions per call; 0: default */
  size_t memory;             /* bytes; 0: default */
  dt_day as_of;
  int no_scripts;            /* --no-rules: load no script at all */
  int (*builtin_format)(const char *id);  /* nonzero for a format name the
                                             host builds in: scripts may not
                                             define it; may be NULL */
} ru_options;

typedef struct ru_engine ru_engine;

/* Starts Lua and loads every script, reporting their problems as
 * diagnostics. NULL only when Lua cannot start (no memory). */
ru_engine *ru_open(ar_arena *a, src_table *src, dg_list *diags, const ru_options *o);
void ru_close(ru_engine *e);

/* Applies one -W switch: "RULE" or "all" (enable), "no-RULE" (disable),
 * "error=RULE" (enable as an error). Returns NULL, or a message for a
 * usage error (an unknown rule). */
const char *ru_switch(ru_engine *e, const char *spec);

/* The definitions, in load order. */
size_t ru_count(const ru_engine *e);
/* How many rule files or directories given could not be read (each is
 * also an io-error finding): the run's exit status is then 2. */
size_t ru_unreadable(const ru_engine *e);
const ru_def *ru_at(const ru_engine *e, size_t i);
/* "std/rules.lua:12", for listings. */
const char *ru_origin(const ru_engine *e, const ru_def *d);

/* Gives the scripts the resolved model; before resolving, hand rs_resolve
 * ru_recognizer(e) so the scripts' recognisers are asked. From then on the
 * scripts' findings go to the model's list and the text made for them to
 * its arena, so that a model dropped again (a part of a large check) takes
 * them along. */
void ru_attach(ru_engine *e, md_model *m);
const rs_recognizer *ru_recognizer(ru_engine *e);

/* Runs every enabled rule on plan p. */
void ru_check(ru_engine *e, md_plan *p);

/* The document format `id` makes of p (in the arena), or NULL after
 * reporting why not. */
const char *ru_render(ru_engine *e, const ru_def *format, md_plan *p, size_t *len);
/* A definition of `kind` by id, or NULL. */
const ru_def *ru_find(const ru_engine *e, ru_kind kind, const char *id);

#endif
