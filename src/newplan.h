/* newplan: a child plan started from its parent (`plancheck new --from`).
 *
 * Offices start a plan by copying their parent's: every directive the
 * parent addresses to their level becomes a task of theirs, in sections
 * like the parent's, with the parent's text to rewrite, the body of their
 * level that carries the owner's work as `by`, the parent's deadlines as
 * the latest they may set, and a reviewed link to the directive. Which
 * directives those are is the cascade's own reading (cs_coverage_of of the
 * child before it has any task: cs_addressed, scope, places, forwards), so
 * the plan written checks with full coverage. The parent is found as
 * `implements` finds it: the child is loaded from memory, its header
 * naming the parent. Comments in the user's language say what to edit.
 * Layer: report; calls resolve, cascade, model, planwrite, deadline, date,
 * source, text, diag, lang, mem. */
#ifndef PLANCHECK_NEWPLAN_H
#define PLANCHECK_NEWPLAN_H

#include "model.h"
#include "resolve.h"

/* The command's arguments, as given. */
typedef struct np_request {
  const char *from;          /* PARENT: a plan file, or a plan's number */
  const char *level;         /* the child's level: identifier or name */
  const char *issuer;        /* the issuing body: identifier or name */
  const char *number;        /* the child's number */
  const char *date;          /* YYYY-MM-DD */
  const char *place;         /* or NULL */
  const char *output;        /* the file to write, or NULL (stdout): its
                                directory is where the parent is looked
                                for and what `path` is relative to */
} np_request;

typedef struct np_child np_child;

enum { NP_OK = 0, NP_PARENT_ERRORS = 1, NP_BAD_ARGUMENTS = 2 };

/* Loads the parent (and its ancestors) and works out the child, reporting
 * what is wrong in m->diags: NP_BAD_ARGUMENTS for arguments that name no
 * level, body, parent or day, or a level not below the parent's;
 * NP_PARENT_ERRORS when the parent's files have errors. *out is set on
 * NP_OK. `more` (may be NULL) recognises deadline phrases as `check`
 * does, so that the fingerprints are the ones `check` computes. */
int np_prepare(md_model *m, const rs_options *o, const rs_recognizer *more, const np_request *rq, np_child **out);

/* The child plan's text (in the arena, *n bytes), keywords in Vietnamese
 * or English, comments in the language of the messages. */
const char *np_text(md_model *m, np_child *c, int vietnamese_keywords, size_t *n);

/* The tasks written, and the parent's key. */
size_t np_tasks(const np_child *c);
const char *np_parent_key(md_model *m, const np_child *c);

#endif
