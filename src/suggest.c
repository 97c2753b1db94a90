/* suggest: ranking candidate tasks; see suggest.h. */
#include "suggest.h"

#include <string.h>

#include "lang.h"

/* How much a corresponding owner adds: enough to decide between two tasks
 * of similar wording, not enough to promote one that says something else. */
#define OWNER_WEIGHT 0.15

typedef struct adder { sm_index *ix; } adder;

static int add_task(md_item *it, void *ctx) {
  if (it->kind == MD_TASK) sm_add(((adder *)ctx)->ix, it);
  return 0;
}

sm_index *sg_index(md_model *m, const cs_coverage *c) {
  adder a = { sm_new(m) };
  md_walk(&c->child->root, add_task, &a);
  size_t tasks = sm_documents(a.ix);     /* the child's tasks: the candidates */
  for (size_t i = 0; i < c->ntargets; i++) {
    md_walk(&c->targets[i].plan->root, add_task, &a);
    /* Forwarded directives belong to plans further up. */
    for (size_t k = 0; k < c->targets[i].nrows; k++) sm_add(a.ix, c->targets[i].rows[k].directive);
  }
  sm_finish(a.ix);
  sm_candidates_from(a.ix, tasks);
  return a.ix;
}

/* An owner that truly matches: cs_owner_corresponds is also 1 when there
 * is nothing to compare, which must not earn a bonus. */
static int owner_matches(const md_item *d, const md_item *t, md_level level) {
  return d->owners && t->owners && cs_owner_corresponds(d, t, level);
}

static void insert(sg_hit *out, size_t *n, size_t max, sg_hit h) {
  size_t i = *n < max ? (*n)++ : max;
  while (i > 0 && out[i - 1].score < h.score) {
    if (i < max) out[i] = out[i - 1];
    i--;
  }
  if (i < max) out[i] = h;
}

typedef struct ranking {
  md_model *m;
  const sm_index *ix;
  const cs_coverage *c;
  const md_item *d, *skip;
  sg_hit *out;
  size_t n, max;
} ranking;

static void rank_task(ranking *r, const md_item *it) {
  if (it == r->skip) return;
  double text = sm_similarity(r->ix, r->d, it);
  if (text < SG_MIN_TEXT) return;
  int owner = owner_matches(r->d, it, r->c->level);
  sg_hit h = { (md_item *)it, text + (owner ? OWNER_WEIGHT : 0), text, owner };
  insert(r->out, &r->n, r->max, h);
}

static void visit(void *ud, const md_item *it) { rank_task(ud, it); }

/* What a task the search has not found yet must beat: SG_MIN_TEXT, and
 * once `max` tasks are ranked, the last one's score less the owner's
 * bonus, which the task may have too. */
static double bar(void *ud) {
  const ranking *r = ud;
  double last = r->n < r->max ? 0 : r->out[r->max - 1].score - OWNER_WEIGHT;
  return last > SG_MIN_TEXT ? last : SG_MIN_TEXT;
}

/* Only the tasks that share a term with d can score at all, and of those
 * only the ones sharing one of its rarer terms can beat the best found:
 * sm_candidates finds them through an index rather than comparing d with
 * every task. They are ranked again in document order, as a walk of the
 * plan would meet them, so that ties fall as they always did. */
size_t sg_rank(md_model *m, sm_index *ix, const cs_coverage *c, const md_item *d, const md_item *skip, sg_hit *out,
               size_t max) {
  ranking r = { m, ix, c, d, skip, out, 0, max };
  if (!max) return 0;
  const md_item *const *found;
  size_t n = sm_candidates(ix, d, bar, visit, &r, &found);
  r.n = 0;
  for (size_t i = 0; i < n; i++)
    if (found[i]->kind == MD_TASK) rank_task(&r, found[i]);
  return r.n;
}

/* Where the hidden task ranks among every candidate (1-based; 0 when it is
 * not proposed). The other tasks that link the same directive stay linked,
 * so they are not candidates. */
static size_t rank_of(md_model *m, sm_index *ix, const cs_coverage *c, const cs_row *row, const md_link *hidden) {
  enum { WIDE = 64 };
  sg_hit hits[WIDE];
  size_t n = sg_rank(m, ix, c, row->directive, NULL, hits, WIDE), rank = 0;
  for (size_t i = 0; i < n; i++) {
    int linked = 0;
    for (size_t k = 0; k < row->nlinks; k++)
      linked |= row->links[k] != hidden && row->links[k]->from == hits[i].task;
    if (linked) continue;
    rank++;
    if (hits[i].task == hidden->from) return rank;
  }
  return 0;
}

void sg_evaluate(md_model *m, sm_index *ix, const cs_coverage *c, sg_eval *e) {
  for (size_t t = 0; t < c->ntargets; t++) {
    const cs_target *tg = &c->targets[t];
    for (size_t i = 0; i < tg->nrows; i++) {
      const cs_row *row = &tg->rows[i];
      for (size_t k = 0; k < row->nlinks; k++) {
        size_t rank = rank_of(m, ix, c, row, row->links[k]);
        e->links++;
        e->top1 += rank == 1;
        e->top3 += rank >= 1 && rank <= 3;
        e->unranked += rank == 0;
        if (rank) e->reciprocal += 1.0 / (double)rank;
      }
    }
  }
}

/* ---- links that share almost nothing ---- */

/* A task's sub-items looked at for a weak link: a bound, so that a task
 * with a thousand links and a thousand bullets costs a constant per link. */
enum { WEAK_INNER = 64 };

typedef struct closest { const sm_index *ix; const md_item *d; double best; int left; } closest;

static int closer(md_item *it, void *ctx) {
  closest *x = ctx;
  double s = it->kind == MD_TASK ? sm_similarity(x->ix, x->d, it) : 0;
  if (s > x->best) x->best = s;
  return --x->left <= 0 || x->best >= SG_WEAK_LINK;
}

/* How alike a linked task is to the directive: its own text, or the
 * closest of the tasks inside it ("Về tổ chức bộ máy:" links for its
 * bullets). */
static double link_similarity(const sm_index *ix, const md_item *d, md_item *task) {
  closest x = { ix, d, sm_similarity(ix, d, task), WEAK_INNER };
  if (x.best < SG_WEAK_LINK) md_walk(task, closer, &x);
  return x.best;
}

/* The corpus for weighing a child's links: its tasks and the directives it
 * links, so that checking costs what the child holds, not what its
 * parents do (sg_index adds every task of every parent, once per child:
 * right for ranking the whole parent, too dear for every `check` of a
 * national run). */
static sm_index *link_index(md_model *m, const cs_coverage *c) {
  adder a = { sm_new(m) };
  md_walk(&c->child->root, add_task, &a);
  for (size_t t = 0; t < c->ntargets; t++)
    for (size_t i = 0; i < c->targets[t].nrows; i++)
      if (c->targets[t].rows[i].nlinks) sm_add(a.ix, c->targets[t].rows[i].directive);
  sm_finish(a.ix);
  return a.ix;
}

void sg_check_links(md_model *m, const cs_coverage *c) {
  size_t links = 0;
  for (size_t t = 0; t < c->ntargets; t++)
    for (size_t i = 0; i < c->targets[t].nrows; i++) links += c->targets[t].rows[i].nlinks;
  if (!links) return;
  sm_index *ix = link_index(m, c);
  for (size_t t = 0; t < c->ntargets; t++) {
    const cs_target *tg = &c->targets[t];
    for (size_t i = 0; i < tg->nrows; i++) {
      const cs_row *row = &tg->rows[i];
      for (size_t k = 0; k < row->nlinks; k++) {
        const md_link *l = row->links[k];
        double sim = link_similarity(ix, row->directive, l->from);
        if (sim >= SG_WEAK_LINK) continue;
        double shown = (double)(long)(sim * 100) / 100;   /* cut, not rounded: 0.099 is not "0.10, below 0.10" */
        dg_diag *e = dg_add(m->diags, DG_NOTE, "link-weak", l->target.loc.file, l->target.loc.off, l->target.loc.len,
                            _("%s shares almost nothing with %s, which it implements (text similarity %.2f, below "
                              "%.2f): check that it carries that directive out"),
                            l->from->id, row->directive->id, shown, SG_WEAK_LINK);
        md_loc at = row->directive->loc;
        if (at.file != DG_NOFILE) dg_note(m->diags, e, at.file, at.off, at.len, "%s", _("the directive"));
      }
    }
  }
}

/* ---- what `suggest` answers ---- */

/* The words a task shares with the directive, ", "-joined. */
static const char *shared(md_model *m, const sm_index *ix, const md_item *d, const md_item *t) {
  const char *terms[4];
  size_t n = sm_shared_terms(ix, d, t, terms, 4);
  dg_buf b = dg_buf_in(m->arena);
  for (size_t i = 0; i < n; i++) dg_buf_item(&b, ", ", terms[i], strlen(terms[i]));
  return dg_buf_text(&b);
}

static void suggest_target(md_model *m, sm_index *ix, const cs_coverage *c, const cs_target *t, sg_target *out) {
  *out = (sg_target){ c, t, NULL, 0 };
  out->v = ar_alloc(m->arena, (t->count[CS_MISSING] ? t->count[CS_MISSING] : 1) * sizeof *out->v);
  for (size_t k = 0; k < t->nrows; k++) {
    if (t->rows[k].status != CS_MISSING) continue;
    sg_suggestion *s = &out->v[out->n++];
    s->directive = t->rows[k].directive;
    s->nhits = sg_rank(m, ix, c, s->directive, NULL, s->hits, SG_MAX_HITS);
    for (size_t i = 0; i < s->nhits; i++) s->shares[i] = shared(m, ix, s->directive, s->hits[i].task);
  }
}

sg_target *sg_suggest(md_model *m, cs_coverage *const *c, size_t n, size_t *ntargets) {
  size_t total = 0;
  for (size_t i = 0; i < n; i++) total += c[i]->ntargets;
  sg_target *v = ar_alloc(m->arena, (total ? total : 1) * sizeof *v);
  *ntargets = 0;
  for (size_t i = 0; i < n; i++) {
    if (!c[i]->ntargets) continue;
    sm_index *ix = sg_index(m, c[i]);
    for (size_t t = 0; t < c[i]->ntargets; t++) suggest_target(m, ix, c[i], &c[i]->targets[t], &v[(*ntargets)++]);
  }
  return v;
}

sg_eval *sg_evaluate_all(md_model *m, cs_coverage *const *c, size_t n, sg_eval *total) {
  sg_eval *each = ar_alloc(m->arena, (n ? n : 1) * sizeof *each);
  *total = (sg_eval){ 0 };
  for (size_t i = 0; i < n; i++) {
    each[i] = (sg_eval){ 0 };
    if (c[i]->ntargets) sg_evaluate(m, sg_index(m, c[i]), c[i], &each[i]);
    total->links += each[i].links;
    total->top1 += each[i].top1;
    total->top3 += each[i].top3;
    total->unranked += each[i].unranked;
    total->reciprocal += each[i].reciprocal;
  }
  return each;
}
