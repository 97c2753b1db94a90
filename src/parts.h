/* parts: `check` over more plans than one model should hold, in parts.
 *
 * The files given are split, in order, into parts of --batch plans; each
 * part is checked by a worker process (batch.h) in a model of its own
 * that also loads the parents its plans name, and prints its findings
 * (sorted) and plan lines; what a part finds in a file that is not one of
 * its own goes back to the parent process, which prints it once. The
 * output is the same whichever worker finishes first: in text, findings
 * on stderr and plan lines on stdout; in JSON, one document on stdout.
 *
 * Layer: command line, as batch (the workers' output is copied to the
 * process's stdout and stderr); calls session (ss_resolve, ss_run_checks),
 * batch, resolve, rules, diag, sarif, json, source, arena, mem, lang. */
#ifndef PLANCHECK_PARTS_H
#define PLANCHECK_PARTS_H

#include <stdio.h>

#include "diag.h"
#include "model.h"
#include "resolve.h"
#include "rules.h"

/* Unless --batch N says otherwise (then more than N plans are checked in
 * parts of N): a run of up to PA_ONE_PIECE plans is checked in one piece
 * (session.h), so that a district and its communes keep what only one
 * piece allows (--progress, every plan in plancheck.plans()); a larger one
 * in parts of PA_PART plans, small enough that a part's model stays in
 * the processor's caches from the moment its plans are read to the moment
 * they are checked (the walks of the checks took a third of the time they
 * took in parts of 256), large enough that the parents each part reads
 * again (a province's and the central plan) stay a small share of it
 * (docs/BENCHMARKS.md). */
enum { PA_ONE_PIECE = 256, PA_PART = 128 };

typedef struct pa_options {
  dt_day as_of;
  int text_checks;           /* 1 on, 0 off */
  int werror;
  int json;                  /* one JSON document on `out` */
  dg_style style;            /* of the text findings */
  size_t batch;              /* plans a part */
  int jobs;                  /* worker processes at once */
  int sarif;                 /* with json: the document is a SARIF log (sarif.h) */
  const char *version;       /* SARIF: plancheck's */
} pa_options;

typedef struct pa_totals {
  unsigned long errors, warnings;
  size_t unreadable;         /* inputs that could not be read */
  int failed;                /* a worker could not start or did not finish */
} pa_totals;

/* Checks the n plans of `paths` in parts, after printing what model `m`
 * holds already (the rule scripts' findings), with the rule engine
 * attached to m. The JSON document is closed with the totals; the text
 * totals are the caller's to print. */
pa_totals pa_check(const pa_options *o, md_model *m, const rs_options *ro, ru_engine *rules, const char **paths,
                   size_t n);

/* "FILE: plan KEY, N tasks", when p declares a plan (NULL: nothing). */
void pa_plan_line(FILE *out, const char *path, const md_plan *p);

#endif
