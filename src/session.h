/* session: the one entry point that checks a set of plan files, some of
 * them held in memory.
 *
 * A session owns everything a check makes (arena, sources, findings,
 * model, rule engine): open it with the run's options, check the files
 * once, read the findings and the model, close it. The command line's
 * `check` in one piece goes through it, and so does the language server,
 * which gives the text an editor holds for a file (its unsaved changes
 * win wherever the loader would read that file: an input, an include, a
 * parent found through -I) and opens a new session for each change.
 *
 * ss_resolve and ss_run_checks are the steps a session runs, for the
 * drivers that load plans their own way (a check in parts, `report`).
 *
 * Layer: driver, between report and the command line (what every command
 * shares); calls resolve, progress, check, cascade, suggest, rules,
 * export (the built-in format names scripts may not take), source, diag,
 * arena, mem, lang. */
#ifndef PLANCHECK_SESSION_H
#define PLANCHECK_SESSION_H

#include <stddef.h>

#include "date.h"
#include "diag.h"
#include "model.h"
#include "resolve.h"
#include "rules.h"

typedef struct ss_file {
  const char *path;
  const char *text;          /* NULL: read from disk */
  size_t len;
} ss_file;

typedef struct ss_options {
  dt_day as_of;
  int text_checks;           /* deadline-in-text and link-weak: 1 on, 0 off */
  int werror;
  const char *const *incdirs;
  size_t nincdirs;
  const char *planpath;      /* PLANPATH, colon-separated, or NULL */
  const char *stdlib_dir;    /* --stdlib DIR, or NULL: the built-in library */
  int no_rules;
  const char *const *rules;  /* --rules */
  size_t nrules;
  const char *const *switches;   /* -W */
  size_t nswitches;
  long long lua_budget;      /* 0: the default */
  size_t lua_memory;         /* 0: the default */
  /* Zero when not given: */
  const char *const *progress;   /* --progress records read beside the files */
  size_t nprogress;
  const char *const *projects;   /* plan paths whose directories (and those
                                    above) hold the .plancheck.lua scripts to
                                    load: the files the session will check */
  size_t nprojects;
} ss_options;

typedef struct ss_session ss_session;

/* Starts a session: the rule scripts loaded, the -W switches applied.
 * NULL when a -W switch is wrong (ss_error says why). */
ss_session *ss_open(const ss_options *o);

/* Why the last ss_open of this thread returned NULL ("" if none did). */
const char *ss_error(void);

/* Loads, resolves and runs every check (built-in, cascade, text checks,
 * rule scripts, cycles) on the files; returns the number of unreadable
 * inputs (each an "io" finding). The findings (ss_diags) come sorted by
 * file and place. A session checks once: a second call checks nothing
 * and returns n. */
size_t ss_check(ss_session *s, const ss_file *files, size_t n);

md_model *ss_model(ss_session *s);
dg_list *ss_diags(ss_session *s);
md_plan *ss_plan(ss_session *s, size_t i);  /* the plan files[i] declares, or NULL */
/* How many rule files or directories given (--rules) could not be read. */
size_t ss_unreadable_rules(ss_session *s);
/* The rule scripts' engine: what they define (a SARIF log describes their
 * rules). */
const ru_engine *ss_rules(ss_session *s);
void ss_close(ss_session *s);

/* The steps of a check, for drivers of their own. After loading inputs on
 * top of what was loaded before: resolves what is new, and says which
 * inputs declare no plan. */
void ss_resolve(md_model *m, ru_engine *rules, dt_day as_of, const rs_input *in, size_t n);

/* Every check of every input plan (built-in, cascade, text checks when
 * asked, rules), then the cycles among the plans loaded from `from` on;
 * --werror last. */
void ss_run_checks(md_model *m, ru_engine *rules, const rs_input *in, size_t n, dt_day as_of, int text_checks,
                   int werror, md_plan *from);

#endif
