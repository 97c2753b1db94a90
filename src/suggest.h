/* suggest: for a parent directive no child task implements, the child tasks
 * likeliest to carry it out, ranked by text similarity (similar.h) and by
 * whether the task's owner corresponds to the directive's; and the
 * measurement of that ranking on the links a plan already has.
 * Layer: check; calls cascade, similar, model. */
#ifndef PLANCHECK_SUGGEST_H
#define PLANCHECK_SUGGEST_H

#include "cascade.h"
#include "similar.h"

enum { SG_MAX_HITS = 3 };

/* Below this text similarity a task is not proposed at all. */
#define SG_MIN_TEXT 0.08

typedef struct sg_hit {
  md_item *task;
  double score;              /* what the ranking sorts by */
  double text;               /* cosine similarity of the texts */
  int owner;                 /* the task's owner corresponds to the directive's */
} sg_hit;

/* The corpus for one child: its tasks and its targets' directives. */
sm_index *sg_index(md_model *m, const cs_coverage *c);

/* Ranks the child's tasks for directive d, best first, into out[0..max),
 * leaving out `skip` (NULL, or a task to ignore) and tasks below
 * SG_MIN_TEXT. Returns how many. */
size_t sg_rank(md_model *m, sm_index *ix, const cs_coverage *c, const md_item *d, const md_item *skip,
               sg_hit *out, size_t max);

/* Leave-one-out measurement over the child's existing links: each link is
 * hidden in turn and the directive ranked again. */
typedef struct sg_eval {
  size_t links;              /* links measured */
  size_t top1, top3;         /* the hidden task ranked first / in the top 3 */
  size_t unranked;           /* not proposed at all */
  double reciprocal;         /* sum of 1/rank, for the mean reciprocal rank */
} sg_eval;

void sg_evaluate(md_model *m, sm_index *ix, const cs_coverage *c, sg_eval *e);

#endif
