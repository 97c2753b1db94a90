/* suggest: for a parent directive no child task implements, the child tasks
 * likeliest to carry it out, ranked by text similarity (similar.h) and by
 * whether the task's owner corresponds to the directive's; and the
 * measurement of that ranking on the links a plan already has.
 * Layer: check; calls cascade, similar, model, diag, lang. */
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

/* What `suggest` answers for one target (parent plan) of a child: each
 * directive of it that no task implements, with its likeliest tasks and
 * the words each shares with it (", "-joined, at most four). */
typedef struct sg_suggestion {
  const md_item *directive;
  sg_hit hits[SG_MAX_HITS];
  const char *shares[SG_MAX_HITS];
  size_t nhits;
} sg_suggestion;

typedef struct sg_target {
  const cs_coverage *c;
  const cs_target *t;
  sg_suggestion *v;          /* in the target's row order */
  size_t n;
} sg_target;

/* The suggestions for every target of each child, in order (in the
 * model's arena); *ntargets says how many. */
sg_target *sg_suggest(md_model *m, cs_coverage *const *c, size_t n, size_t *ntargets);

/* The measurement of each child into each[0..n) (in the arena) and their
 * sum into *total. */
sg_eval *sg_evaluate_all(md_model *m, cs_coverage *const *c, size_t n, sg_eval *total);

/* Below this text similarity a task shares almost nothing with the
 * directive it links (see sg_check_links). Of the 123 links of the three
 * real child plans, the similarities run from 0.066 to 1 (quartiles 0.196,
 * 0.302, 0.641); four lie below 0.10, and they are the general tasks: Tuy
 * Phước III.4.5 ("tham mưu sơ kết, tổng kết ...", naming no regulation) on
 * IV.4.2 and IV.4.5, Quảng Ngãi III.2.2.2 likewise on IV.4.2, Tuy Phước
 * IV.2 on V.1. The next three (0.102-0.104) are fair links: Quảng Ngãi
 * III.2.2.2 on IV.4.5 and Lâm Đồng's group bullets on the short lists of
 * III.2 and III.4. */
#define SG_WEAK_LINK 0.10

/* A `link-weak` note on each link of the child whose task shares almost
 * nothing with its directive's text: a general task linked to four
 * specific directives shows. The corpus is the child's tasks and the
 * directives it links (`check --weak-links`). */
void sg_check_links(md_model *m, const cs_coverage *c);

#endif
