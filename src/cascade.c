/* cascade: checking a plan against its parents; see cascade.h. */
#include "cascade.h"

#include <string.h>

#include "lang.h"
#include "place.h"
#include "text.h"

enum { MAX_DEPTH = 8 };      /* parent chains: central to grassroots, with slack */

/* ---- small helpers ---- */

static dg_diag *finding(md_model *m, dg_severity sev, const char *code, md_loc at, const char *fmt, ...)
  DG_PRINTF(5, 6);
static dg_diag *finding(md_model *m, dg_severity sev, const char *code, md_loc at, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  const char *msg = dg_vfmt(m->arena, fmt, ap);
  va_end(ap);
  return dg_add(m->diags, sev, code, at.file, at.off, at.len, "%s", msg);
}

static void note_at(md_model *m, dg_diag *d, md_loc at, const char *msg) {
  if (d && at.file != DG_NOFILE) dg_note(m->diags, d, at.file, at.off, at.len, "%s", msg);
}

static const char *key_of(md_model *m, const md_plan *p) { return ar_strndup(m->arena, p->key.p, p->key.n); }

static const char *str_of(md_model *m, md_str s) { return ar_strndup(m->arena, s.value.p, s.value.n); }

static const char *body_name(md_model *m, const md_body *b) { return str_of(m, b->name); }

/* A day in a message, as users read it (lang.h). */
static const char *day_text(md_model *m, dt_day d) {
  char buf[11];
  lg_day(d, buf);
  return ar_strndup(m->arena, buf, strlen(buf));
}

/* The standard levels' identifiers, listed for the translators: a
 * level's identifier is its message id (a level a user declares shows
 * as its identifier). */
static const char *const level_msgids[] = { N_("unknown-level"), N_("central"), N_("province"), N_("district"),
                                            N_("commune"), N_("grassroots") };

const char *cs_level_text(const md_model *m, md_level l) {
  (void)level_msgids;
  return _(md_level_name(m, l));
}

const char *cs_status_text(cs_status s) {
  static const char *const names[] = { N_("missing"), N_("covered"), N_("waived"), N_("forwarded"), N_("extra") };
  return _(names[s]);
}


const char *cs_excerpt(md_model *m, const md_item *it, size_t max) {
  if (!it->texts) return "";
  sl_slice t = tx_nfc(m->arena, it->texts->s.value.p, it->texts->s.value.n);
  size_t chars = 0, i = 0;
  while (i < t.n && chars < max) {
    int32_t cp;
    int len = tx_decode((const unsigned char *)t.p + i, t.n - i, &cp);
    i += len > 0 ? (size_t)len : 1;
    chars++;
  }
  if (i >= t.n) return ar_strndup(m->arena, t.p, t.n);
  return dg_fmt(m->arena, "%.*s…", (int)i, t.p);
}

/* ---- who a directive is addressed to ---- */

/* The levels an owner's work reaches: the levels a collective addresses
 * and those where counterparts carry it, within the levels the body says
 * it exists at (`exists`): Văn phòng Tỉnh ủy names Ban Kinh tế Trung
 * ương a counterpart for its economic advice, yet Ban Kinh tế's own
 * research is the centre's. */
static unsigned owner_reach(const md_body *b) {
  unsigned r = b->addresses | md_work_carried(b);
  return b->exists ? r & b->exists : r;
}

/* The item or section around it that passes it to `level` by `cascade`. */
static const md_item *cascaded(const md_item *d, md_level level) {
  for (const md_item *s = d; s; s = s->parent)
    if (s->cascade & MD_LEVEL_BIT(level)) return s;
  return NULL;
}

/* The item or section around it whose `scope` leaves `level` out: what
 * its plan says concerns only other levels (12-KH/TW's review of the
 * Politburo's own rules) reaches no plan there, whoever its owner. */
static const md_item *scoped_out(const md_item *d, md_level level) {
  for (const md_item *s = d; s; s = s->parent)
    if (s->scope && !(s->scope & MD_LEVEL_BIT(level))) return s;
  return NULL;
}

int cs_addressed(const md_item *d, md_level level) {
  if (scoped_out(d, level)) return 0;
  if (cascaded(d, level)) return 1;
  for (const md_ref *o = d->owners; o; o = o->next)
    if (o->body && (owner_reach(o->body) & MD_LEVEL_BIT(level))) return 1;
  return 0;
}

/* Whether `b` carries `target`'s work through a chain of counterparts; a
 * body that took over the work of another (or whose work another took
 * over) carries it too: one work across the change. The chain may also
 * start from a body b succeeds: a successor that names no counterpart of
 * its own carries on its predecessors' (a department that took over Ban
 * Dân vận Tỉnh ủy still answers Ban Dân vận Trung ương). Not the other
 * way: a body merged into a wider one (Ban Tuyên giáo Huyện ủy into a
 * commune's Ban Xây dựng Đảng) does not take on the others' work. */
static int reaches_from(const md_body *b, const md_body *target, int depth) {
  if (md_same_work(b, target)) return 1;
  if (depth > MAX_DEPTH) return 0;
  for (const md_ref *c = b->counterparts; c; c = c->next)
    if (c->body && reaches_from(c->body, target, depth + 1)) return 1;
  for (const md_succession *s = b->succeeds; s; s = s->next)
    for (const md_ref *r = s->refs; r; r = r->next)
      if (r->body && r->body != b && reaches_from(r->body, target, depth + 1)) return 1;
  return 0;
}

static int reaches(const md_body *b, const md_body *target) { return reaches_from(b, target, 0); }

/* Whether an owner's work has a place at `level` at all: a collective
 * reaching it, or a body carried there through counterparts. */
static int comparable(const md_body *owner, md_level level) {
  /* `exists` narrows whom a directive is addressed to, not who may carry
   * it: a district's UBMTTQ answers the Front's đảng đoàn when it does. */
  unsigned bit = MD_LEVEL_BIT(level), carried = md_work_carried(owner);
  return owner->addresses ? ((owner->addresses | carried) & bit) != 0 : (carried & bit) != 0;
}

static int body_corresponds(const md_body *child, const md_body *owner, md_level level, const md_structure *st) {
  /* A collective ("các tỉnh ủy", "cấp ủy, tổ chức đảng") is the whole party
   * organisation of the levels it reaches: any body there is part of it,
   * and a collective the child addresses further down ("các TCCSĐ trực
   * thuộc") passes the duty on within that reach. */
  /* What a collective is given, it passes down to every level below the
   * highest it addresses, whether or not their bodies are loaded. */
  unsigned reach = owner->addresses | md_work_carried(owner) | md_levels_below_first(st, owner->addresses);
  unsigned speaks = child->addresses ? child->addresses : MD_LEVEL_BIT(level);
  if (owner->addresses && (reach & speaks)) return 1;
  return reaches(child, owner);
}

int cs_owner_corresponds(const md_item *d, const md_item *task, md_level level) {
  int compared = 0;
  const md_structure *st = task->plan ? task->plan->structure : NULL;
  for (const md_ref *o = d->owners; o; o = o->next) {
    /* An owner with no counterpart at this level (Ban Nội chính at a
     * district) expects no particular body; the others decide. */
    if (!o->body || !comparable(o->body, level)) continue;
    for (const md_ref *c = task->owners; c; c = c->next) {
      if (!c->body) continue;
      compared = 1;
      if (body_corresponds(c->body, o->body, level, st)) return 1;
    }
  }
  return !compared;
}

/* Whether a body existed in a plan's time: on its date (or its parents'),
 * else at some day of its structure. */
static int existed(const md_body *b, const md_plan *p) {
  dt_day start = md_body_start(b), end = md_body_end(b);
  if (p->era != DT_MAX) return start <= p->era && p->era < end;
  const md_structure *st = p->structure;
  return !st || (start <= st->until && end > st->from);
}

/* The bodies of `level` that carry `owner`'s work, for "expected ..." text:
 * those of the child's time (a 2023 plan is not told of a body of 2025). */
static const char *expected_owners(md_model *m, const md_item *d, md_level level, const md_plan *child) {
  dg_buf list = dg_buf_in(m->arena);
  for (md_body *b = m->bodies; b; b = b->next) {
    if (b->level != level || !existed(b, child)) continue;
    for (const md_ref *o = d->owners; o; o = o->next) {
      if (!o->body || !reaches(b, o->body)) continue;
      const char *name = body_name(m, b);
      dg_buf_item(&list, ", ", name, strlen(name));
      break;
    }
  }
  return dg_buf_text(&list);
}

/* ---- the plans a child is checked against ---- */

typedef struct builder {
  md_model *m;
  cs_coverage *cov;
  size_t cap;
} builder;

static void add_target(builder *b, md_plan *plan, md_parent *declared, md_plan *through) {
  cs_coverage *c = b->cov;
  for (size_t i = 0; i < c->ntargets; i++) {
    cs_target *t = &c->targets[i];
    if (t->plan != plan) continue;
    /* Named directly and through a description: the direct link wins. */
    if (t->through && !through) { t->through = NULL; t->declared = declared; }
    return;
  }
  c->targets = ar_grow(b->m->arena, c->targets, sizeof *c->targets, &b->cap, c->ntargets + 1);
  cs_target *t = &c->targets[c->ntargets++];
  t->plan = plan;
  t->declared = declared;
  t->through = through;
}

/* A parent whose text is loaded is a target; one that is only described
 * leads to its own parents, the nearest available ancestors. */
static void find_targets(builder *b, md_parent *par, md_plan *through, int depth) {
  for (; par && depth <= MAX_DEPTH; par = par->next) {
    if (par->plan) add_target(b, par->plan, par, through);
    else if (par->desc) find_targets(b, par->desc->parents, through ? through : par->desc, depth + 1);
  }
}

/* ---- what the child says ---- */

typedef struct answers {      /* the child's links, waivers and forwards */
  md_link **links;
  size_t n, cap;
} answers;

static void push_link(md_model *m, answers *a, md_link *l) {
  a->links = ar_grow(m->arena, a->links, sizeof *a->links, &a->cap, a->n + 1);
  a->links[a->n++] = l;
}

typedef struct collect { md_model *m; answers *a; } collect;

static int collect_links(md_item *it, void *ctx) {
  collect *c = ctx;
  if (it->kind == MD_TASK || it->kind == MD_WAIVER || it->kind == MD_FORWARD)
    for (md_link *l = it->implements; l; l = l->next) push_link(c->m, c->a, l);
  return 0;
}

static answers answers_of(md_model *m, md_plan *child) {
  answers a = { 0 };
  collect c = { m, &a };
  md_walk(&child->root, collect_links, &c);
  return a;
}

/* ---- coverage ---- */

/* A target's rows are found by directive through its index: every link
 * of the child looks its row up, and a parent may have thousands. */
static cs_row *row_of(const cs_target *t, const md_item *d) {
  if (!t->index_cap) return NULL;
  for (size_t k = ix_ptr_slot(d, t->index_cap); t->index[k]; k = (k + 1) & (t->index_cap - 1))
    if (t->rows[t->index[k] - 1].directive == d) return &t->rows[t->index[k] - 1];
  return NULL;
}

const cs_row *cs_row_of(const cs_target *t, const md_item *d) { return row_of(t, d); }

static void index_row(cs_target *t, size_t i) {
  size_t k = ix_ptr_slot(t->rows[i].directive, t->index_cap);
  while (t->index[k]) k = (k + 1) & (t->index_cap - 1);
  t->index[k] = (uint32_t)i + 1;
}

/* Indexes the last row added, doubling the index (from 64 slots) when it
 * would be more than half full. */
static void index_last_row(md_model *m, cs_target *t) {
  if (2 * t->nrows <= t->index_cap) {
    index_row(t, t->nrows - 1);
    return;
  }
  t->index_cap = t->index_cap ? 2 * t->index_cap : 64;
  t->index = ar_alloc(m->arena, t->index_cap * sizeof *t->index);
  for (size_t i = 0; i < t->nrows; i++) index_row(t, i);
}

typedef struct rows { md_model *m; cs_target *t; size_t cap; md_level level; } rows;

static cs_row *add_row(rows *r, md_item *d, cs_status st) {
  cs_target *t = r->t;
  t->rows = ar_grow(r->m->arena, t->rows, sizeof *t->rows, &r->cap, t->nrows + 1);
  cs_row *row = &t->rows[t->nrows++];
  row->directive = d;
  row->status = st;
  index_last_row(r->m, t);
  return row;
}

/* The levels a `forward` passes its directives to: as written, or the
 * level below the forwarding plan's. */
static unsigned forward_levels(const md_item *fw) {
  if (fw->cascade) return fw->cascade;
  md_level l = fw->plan ? fw->plan->level : MD_LEVEL_NONE;
  md_level below = l ? md_level_below(NULL, fw->plan->structure, l) : MD_LEVEL_NONE;
  return below ? MD_LEVEL_BIT(below) : 0;
}

/* ---- the places a directive names ---- */

/* The places directive d names that decide where it is addressed, in the
 * arena; NULL when it names none that do. Only places below the plan's
 * level narrow: a province plan naming its own province, or another one,
 * says nothing of which of its districts it addresses. (12-KH/TW's own
 * `place "Hà Nội"` is where it was issued, and Hà Nội a province.) The
 * country names national work in a central plan only: a province plan
 * that speaks of a national conference asks its districts to attend. */
static const cs_scope *scope_of(md_model *m, const md_item *d) {
  md_level top = d->plan ? d->plan->level : MD_LEVEL_NONE;
  const md_structure *st = d->plan ? d->plan->structure : NULL;
  int central = top && md_level_rank(m, st, top) == 0;
  /* Only a central plan's directive can be national, and only places
   * below the plan's level narrow: most plans have nothing to look for,
   * and their text is not read again. */
  unsigned wanted = (central ? MD_LEVEL_BIT(top) : 0) | (top ? md_levels_below(st, top) : ~0u);
  if (!(pl_levels(m) & wanted)) return NULL;
  const md_place *named[PL_MAX_NAMED];
  size_t n = pl_named(m, d, named, PL_MAX_NAMED);
  cs_scope sc = { .n = 0, .top = top };
  for (size_t i = 0; i < n; i++) {
    if (md_level_rank(m, st, named[i]->level) == 0) sc.national = central;
    else if (!top || (md_levels_below(st, top) & MD_LEVEL_BIT(named[i]->level))) sc.v[sc.n++] = named[i];
  }
  if (!sc.national && !sc.n) return NULL;
  cs_scope *out = ar_alloc(m->arena, sizeof *out);
  *out = sc;
  return out;
}

/* Whether a plan of `level` at `here` is among the places a directive is
 * addressed to. A plan that names no place is none of them. */
static int in_scope(const cs_scope *sc, md_level level, const md_place *here) {
  if (!sc) return 1;
  if (sc->national) return level == sc->top;
  for (size_t i = 0; i < sc->n; i++)
    if (sc->v[i]->level == level && sc->v[i] == here) return 1;
  return 0;
}

/* A directive its owners address to the level, narrowed by the places it
 * names; one that `cascade` passes down is addressed as written. */
static void add_task_row(rows *r, md_item *it) {
  const cs_scope *sc = cascaded(it, r->level) ? NULL : scope_of(r->m, it);
  if (sc && sc->national && r->level != sc->top) return;
  add_row(r, it, CS_MISSING)->scope = sc;
}

/* A directive an intermediate plan forwards to the level: addressed there
 * whatever its owners or places. */
static void add_forwarded(rows *r, md_item *fw, md_item *d) {
  cs_row *row = row_of(r->t, d);
  if (!row) row = add_row(r, d, CS_MISSING);
  row->scope = NULL;
  if (!row->forwarded_by) row->forwarded_by = fw;
}

static int add_addressed(md_item *it, void *ctx) {
  rows *r = ctx;
  if (it->kind == MD_TASK && cs_addressed(it, r->level)) add_task_row(r, it);
  if (it->kind == MD_FORWARD && (forward_levels(it) & MD_LEVEL_BIT(r->level)))
    for (md_link *l = it->implements; l; l = l->next)
      if (l->item && l->item->kind == MD_TASK) add_forwarded(r, it, l->item);
  return 0;
}

/* Adds a task's link to the row of its directive. The array doubles when
 * its length is a power of two, so that a directive linked by thousands
 * of tasks is not copied once per link. */
static void attach(md_model *m, cs_row *row, md_link *l) {
  /* A task's links are answered one after another, so a second link from
   * the same task to this directive would follow its first. */
  if (row->nlinks && row->links[row->nlinks - 1]->from == l->from) return;   /* a duplicate link: one task */
  if ((row->nlinks & (row->nlinks - 1)) == 0) {
    md_link **v = ar_alloc(m->arena, (row->nlinks ? 2 * row->nlinks : 1) * sizeof *v);
    if (row->nlinks) memcpy(v, row->links, row->nlinks * sizeof *v);
    row->links = v;
  }
  row->links[row->nlinks++] = l;
}

static void answer(rows *r, const answers *a, dt_day as_of) {
  for (size_t i = 0; i < a->n; i++) {
    md_link *l = a->links[i];
    if (!l->item || l->item->kind != MD_TASK) continue;
    cs_row *row = row_of(r->t, l->item);
    md_item *from = l->from;
    if (!row) {
      if (from->kind != MD_TASK || l->item->plan != r->t->plan) continue;
      row = add_row(r, l->item, CS_EXTRA);
    }
    if (from->kind == MD_TASK) attach(r->m, row, l);
    else if (from->kind == MD_FORWARD) {
      /* Forwarding to this plan's own level answers nothing (forward-level). */
      if (forward_levels(from) & md_levels_below(r->t->plan->structure, r->level)) row->forward = from;
    }
    else if (!row->waiver) {
      row->waiver = from;
      row->expired = from->until != DT_MAX && from->until < as_of;
    }
  }
  for (size_t i = 0; i < r->t->nrows; i++) {
    cs_row *row = &r->t->rows[i];
    if (row->status == CS_EXTRA) continue;
    row->status = row->nlinks ? CS_COVERED : row->forward ? CS_FORWARDED
                : row->waiver && !row->expired ? CS_WAIVED : CS_MISSING;
  }
  for (size_t i = 0; i < r->t->nrows; i++) r->t->count[r->t->rows[i].status]++;
}

static md_level child_level(const md_plan *child, const cs_coverage *c) {
  if (child->level != MD_LEVEL_NONE) return child->level;
  /* A plan that does not say its level is taken to be one below its
   * parent, in the child's structure (a district's in 2023, a commune's
   * in 2026). */
  for (size_t i = 0; i < c->ntargets; i++) {
    const md_plan *p = c->targets[i].plan;
    md_level below = p->level ? md_level_below(NULL, child->structure ? child->structure : p->structure, p->level) : 0;
    if (below) return below;
  }
  return MD_LEVEL_NONE;
}

const char *cs_status_name(cs_status s) {
  static const char *const names[] = { "missing", "covered", "waived", "forwarded", "extra" };
  return names[s];
}

size_t cs_addressed_count(const cs_target *t) { return t->nrows - t->count[CS_EXTRA]; }

/* The directives of a plan addressed to one level, in document order.
 * They are the same for every child of the plan at that level (a
 * district's hundred grassroots plans), so the plan's tree is walked once
 * for them, not once a child. They hold while nothing more is resolved:
 * a later plan or body can forward or carry more. */
struct cs_directives {
  md_level level;
  const md_plan *resolved_plan;  /* m->resolved_plan and _body when found */
  const md_body *resolved_body;
  md_item **v;
  const cs_scope **scope;    /* each one's places (NULL: none narrow it) */
  const md_item **forwarded_by;
  size_t n;
  struct cs_directives *next;
};

static const struct cs_directives *addressed_in(md_model *m, md_plan *plan, md_level level) {
  struct cs_directives *d = plan->addressed;
  for (; d; d = d->next)
    if (d->level == level && d->resolved_plan == m->resolved_plan && d->resolved_body == m->resolved_body) return d;
  cs_target scratch = { .plan = plan };
  rows r = { m, &scratch, 0, level };
  md_walk(&plan->root, add_addressed, &r);
  d = ar_alloc(m->arena, sizeof *d);
  *d = (struct cs_directives){ level, m->resolved_plan, m->resolved_body, NULL, NULL, NULL, scratch.nrows, plan->addressed };
  size_t n = scratch.nrows ? scratch.nrows : 1;
  d->v = ar_alloc(m->arena, n * sizeof *d->v);
  d->scope = ar_alloc(m->arena, n * sizeof *d->scope);
  d->forwarded_by = ar_alloc(m->arena, n * sizeof *d->forwarded_by);
  for (size_t i = 0; i < scratch.nrows; i++) {
    d->v[i] = scratch.rows[i].directive;
    d->scope[i] = scratch.rows[i].scope;
    d->forwarded_by[i] = scratch.rows[i].forwarded_by;
  }
  plan->addressed = d;
  return d;
}

cs_coverage *cs_coverage_of(md_model *m, md_plan *child, dt_day as_of) {
  cs_coverage *c = ar_alloc(m->arena, sizeof *c);
  c->child = child;
  builder b = { m, c, 0 };
  find_targets(&b, child->parents, NULL, 0);
  c->level = child_level(child, c);
  c->place = child->place.value.n ? pl_by_name(m, child->place.value) : NULL;
  answers a = answers_of(m, child);
  for (size_t i = 0; i < c->ntargets; i++) {
    rows r = { m, &c->targets[i], 0, c->level };
    if (c->level) {
      const struct cs_directives *d = addressed_in(m, c->targets[i].plan, c->level);
      for (size_t k = 0; k < d->n; k++) {
        if (!in_scope(d->scope[k], c->level, c->place)) continue;
        cs_row *row = add_row(&r, d->v[k], CS_MISSING);
        row->scope = d->scope[k];
        row->forwarded_by = d->forwarded_by[k];
      }
    }
    answer(&r, &a, as_of);
  }
  return c;
}

/* ---- why a directive is addressed, or not ---- */

static const char *level_list(md_model *m, unsigned levels) {
  dg_buf b = dg_buf_in(m->arena);
  for (md_level l = 1; l <= m->nlevels; l++)
    if (levels & MD_LEVEL_BIT(l)) {
      const char *t = cs_level_text(m, l);
      dg_buf_item(&b, ", ", t, strlen(t));
    }
  return dg_buf_text(&b);
}

static const char *place_list(md_model *m, const cs_scope *sc) {
  dg_buf b = dg_buf_in(m->arena);
  for (size_t i = 0; i < sc->n; i++) dg_buf_item(&b, ", ", sc->v[i]->name.value.p, sc->v[i]->name.value.n);
  return dg_buf_text(&b);
}

/* The nearest body of each level that carries a body's work, for every
 * body: found once (each body's counterparts followed upwards), not by
 * searching every body for each explanation. Rebuilt when more bodies
 * have been resolved. */
typedef struct carried { const md_body *owner, *by; int level, steps; } carried;

struct cs_carriers {
  const md_body *done;       /* the last body whose chain is in the table */
  carried *slot;
  size_t cap, n;
};

static size_t carried_slot(const struct cs_carriers *x, const md_body *owner, int level) {
  size_t k = ix_ptr_slot(owner, x->cap);
  k = (k + (size_t)level * 7) & (x->cap - 1);
  while (x->slot[k].owner && !(x->slot[k].owner == owner && x->slot[k].level == level)) k = (k + 1) & (x->cap - 1);
  return k;
}

static void put_carrier(struct cs_carriers *x, carried c) {
  carried *e = &x->slot[carried_slot(x, c.owner, c.level)];
  if (!e->owner) x->n++;
  else if (e->steps <= c.steps) return;
  *e = c;
}

/* Doubles the table, keeping what it holds: a run that reads bodies in
 * batches adds each batch's chains, never all of them again. */
static void grow_carriers(md_model *m, struct cs_carriers *x) {
  carried *old = x->slot;
  size_t cap = x->cap;
  x->cap = cap ? 2 * cap : 256;
  x->slot = ar_alloc(m->arena, x->cap * sizeof *x->slot);
  memset(x->slot, 0, x->cap * sizeof *x->slot);
  x->n = 0;
  for (size_t i = 0; i < cap; i++)
    if (old[i].owner) put_carrier(x, old[i]);
}

static void note_carrier(md_model *m, struct cs_carriers *x, const md_body *owner, const md_body *by, int steps) {
  if (2 * (x->n + 1) > x->cap) grow_carriers(m, x);
  put_carrier(x, (carried){ owner, by, by->level, steps });
}

static void carry_up(md_model *m, struct cs_carriers *x, const md_body *b, const md_body *by, int depth) {
  if (depth > MAX_DEPTH) return;
  for (const md_ref *c = b->counterparts; c; c = c->next) {
    if (!c->body) continue;
    note_carrier(m, x, c->body, by, depth + 1);
    carry_up(m, x, c->body, by, depth + 1);
  }
}

/* The table, with the chains of the bodies resolved since it was last
 * asked for (their counterparts are resolved once, so older chains stay
 * as they were). */
static struct cs_carriers *carriers_of(md_model *m) {
  struct cs_carriers *x = m->carriers;
  if (!x) {
    x = m->carriers = ar_alloc(m->arena, sizeof *x);
    memset(x, 0, sizeof *x);
    grow_carriers(m, x);
  }
  const md_body *end = m->resolved_body ? m->resolved_body->next : m->bodies;
  for (const md_body *b = x->done ? x->done->next : m->bodies; b && b != end; b = b->next) {
    if (!b->addresses && b->level) carry_up(m, x, b, b, 0);
    x->done = b;
  }
  return x;
}

/* The body of `level` nearest to `owner` through counterparts (Ban Thường
 * vụ Huyện ủy rather than a group of its members), to name in an
 * explanation; NULL when none is loaded. */
static const md_body *carrier(md_model *m, const md_body *owner, md_level level) {
  const struct cs_carriers *x = carriers_of(m);
  const carried *e = &x->slot[carried_slot(x, owner, (int)level)];
  return e->owner ? e->by : NULL;
}

/* The body that existed in the child's time and took over b's work (b
 * itself when it still existed): Ban Tuyên giáo Tỉnh ủy carries the work
 * of Ban Tuyên giáo Trung ương, and in a plan of 2026 its successor Ban
 * Tuyên giáo và Dân vận Tỉnh ủy does. Successions are short chains. */
static const md_body *current(const md_body *b, const md_plan *child, int depth) {
  if (!child || existed(b, child)) return b;
  if (depth > MAX_DEPTH) return NULL;
  for (const md_successor *s = b->successors; s; s = s->next) {
    if (s->body->level != b->level) continue;
    const md_body *c = current(s->body, child, depth + 1);
    if (c) return c;
  }
  return NULL;
}

const md_body *cs_carrier(md_model *m, const md_body *owner, md_level level, const md_plan *child) {
  const md_body *b = carrier(m, owner, level);
  const md_body *now = b ? current(b, child, 0) : NULL;
  if (now) return now;
  /* No chain of counterparts reaches a body of the child's time (a body
   * of 2025 that names no counterpart of its own, but succeeds one that
   * does): the first body of that time that carries the work. */
  for (const md_body *c = m->bodies; c; c = c->next)
    if (c->level == level && !c->addresses && (!child || existed(c, child)) && reaches(c, owner)) return c;
  return NULL;
}

/* Why an owner's work reaches the level: as a collective, or through a
 * body there that carries it. */
static const char *owner_why(md_model *m, const md_body *o, md_level level) {
  if (o->addresses & MD_LEVEL_BIT(level))
    return dg_fmt(m->arena, _("addressed to %s plans because its owner %s addresses that level as a whole"),
                  cs_level_text(m, level), body_name(m, o));
  const md_body *b = carrier(m, o, level);
  if (b)
    return dg_fmt(m->arena, _("addressed to %s plans because %s carries there the work of its owner %s"),
                  cs_level_text(m, level), body_name(m, b), body_name(m, o));
  return dg_fmt(m->arena, _("addressed to %s plans because the work of its owner %s is carried there through "
                            "counterparts"), cs_level_text(m, level), body_name(m, o));
}

static const char *addressed_why(md_model *m, const cs_coverage *c, const md_item *d, const cs_row *row) {
  const md_item *s = cascaded(d, c->level);
  if (row->forwarded_by)
    return dg_fmt(m->arena, _("addressed to %s plans because plan %s forwards it"), cs_level_text(m, c->level),
                  key_of(m, row->forwarded_by->plan));
  if (s == d) return dg_fmt(m->arena, _("addressed to %s plans because it carries 'cascade'"), cs_level_text(m, c->level));
  if (s)
    return dg_fmt(m->arena, _("addressed to %s plans because its section %s carries 'cascade'"),
                  cs_level_text(m, c->level), s->id ? s->id : "");
  const char *why = "";
  for (const md_ref *o = d->owners; o && !*why; o = o->next)
    if (o->body && (owner_reach(o->body) & MD_LEVEL_BIT(c->level))) why = owner_why(m, o->body, c->level);
  if (row->scope)
    why = dg_fmt(m->arena, _("%s; it names %s, and this plan is there"), why, place_list(m, row->scope));
  return why;
}

/* Why a directive with no row (or an extra one) is not addressed. */
static const char *unaddressed_why(md_model *m, const cs_coverage *c, const md_item *d) {
  const char *lv = cs_level_text(m, c->level);
  const md_item *out = scoped_out(d, c->level);
  if (out == d)
    return dg_fmt(m->arena, _("not addressed to %s plans: its 'scope' confines it to these levels: %s"), lv,
                  level_list(m, d->scope));
  if (out)
    return dg_fmt(m->arena, _("not addressed to %s plans: the 'scope' of its section %s confines it to these "
                              "levels: %s"), lv, out->id ? out->id : "", level_list(m, out->scope));
  const cs_scope *sc = cs_addressed(d, c->level) ? scope_of(m, d) : NULL;
  if (sc && sc->national)
    return dg_fmt(m->arena, _("not addressed to %s plans: it is a conference of the whole country, held once by the "
                              "centre (write 'cascade' on it to pass it down)"), lv);
  if (sc && !c->place)
    return dg_fmt(m->arena, _("not addressed to %s plans: it names %s, and is addressed to their plans only; "
                              "this plan names no place of theirs (give it 'place')"), lv, place_list(m, sc));
  if (sc)
    return dg_fmt(m->arena, _("not addressed to %s plans: it names %s, and is addressed to their plans only; "
                              "this plan's place is %s"), lv, place_list(m, sc), str_of(m, c->place->name));
  for (const md_ref *o = d->owners; o; o = o->next) {
    const md_body *b = o->body;
    if (b && b->exists && ((b->addresses | md_work_carried(b)) & ~b->exists & MD_LEVEL_BIT(c->level)))
      return dg_fmt(m->arena, _("not addressed to %s plans: its owner %s exists only at these levels: %s"), lv,
                    body_name(m, b), level_list(m, b->exists));
  }
  const md_plan *via = NULL;
  for (size_t i = 0; i < c->ntargets && d->plan; i++) {
    if (c->targets[i].plan == d->plan) { via = NULL; break; }
    if (!via) via = c->targets[i].plan;
  }
  if (via && cs_addressed(d, c->level))   /* an ancestor's, which the plan between answers or forwards */
    return dg_fmt(m->arena, _("not addressed to %s plans directly: it is a directive of %s, which reaches this plan "
                              "through %s (link that plan's task that carries it out, or have that plan forward it)"),
                  lv, key_of(m, d->plan), key_of(m, via));
  return dg_fmt(m->arena, _("not addressed to %s plans: no owner's work is carried at that level, and no "
                            "'cascade' or 'forward' passes it down"), lv);
}

const char *cs_why(md_model *m, const cs_coverage *c, const md_item *d, const cs_row *row) {
  if (!c->level) return "";
  if (row && row->status != CS_EXTRA) return addressed_why(m, c, d, row);
  return unaddressed_why(m, c, d);
}

/* ---- fingerprints ---- */

/* Hashes a piece of the fingerprinted text as far as its first NUL, as
 * the text joined with printf was. */
static uint64_t piece(uint64_t h, const char *s, size_t n) { return n ? tx_hash_more(h, s, strnlen(s, n)) : h; }

static uint64_t hash_owners(uint64_t h, const md_item *it) {
  for (const md_ref *o = it->owners; o; o = o->next) {
    sl_slice id = o->body ? o->body->id : o->text;
    h = tx_hash_more(piece(h, id.p, id.n), ",", 1);
  }
  return h;
}

static uint64_t hash_dues(md_model *m, uint64_t h, const md_item *it) {
  for (const md_due *d = it->dues; d; d = d->next) {
    if (d->dl) {
      const char *meaning = dl_canonical_chain(m->arena, d->dl);
      h = piece(h, meaning, strlen(meaning));
    } else {
      h = piece(h, d->phrase.value.p, d->phrase.value.n);
    }
    h = tx_hash_more(piece(tx_hash_more(h, "|", 1), d->what.value.p, d->what.value.n), ";", 1);
  }
  return h;
}

/* The hash of "TEXT\n...\x1fOWNER,...\x1fMEANING|WHAT;...", taken piece by
 * piece rather than joined first: every directive a child links to is
 * fingerprinted. */
const char *cs_fingerprint(md_model *m, md_item *d) {
  if (d->fingerprint) return d->fingerprint;
  uint64_t h = TX_HASH_START;
  for (const md_strs *t = d->texts; t; t = t->next) {
    /* "uỷ" and "ủy" are one spelling: retyping tone marks is no amendment. */
    sl_slice f = tx_fold_tones(m->arena, t->s.value.p, t->s.value.n);
    h = tx_hash_more(piece(h, f.p, f.n), "\n", 1);
  }
  /* Unit separators keep "text|owners|deadlines" from running together. */
  h = hash_dues(m, tx_hash_more(hash_owners(tx_hash_more(h, "\x1f", 1), d), "\x1f", 1), d);
  char *hex = ar_alloc_text(m->arena, 16);
  for (int i = 15; i >= 0; i--, h >>= 4) hex[i] = "0123456789abcdef"[h & 15];
  d->fingerprint = hex;
  return hex;
}

/* ---- deadlines compared ---- */

/* What an item's deadlines amount to at one level. */
typedef struct when {
  const md_due *dated;       /* the due with the latest end, if any */
  dt_day last;
  dl_stage stage;            /* the level that end is for, when staged */
  int resolved;              /* `last` comes from an awaited directive */
  const md_due *periodic;    /* the most frequent duty, if any */
  int rank;                  /* its frequency: higher is more frequent */
  int month;                 /* a yearly duty's month, or 0 */
  const md_due *open;        /* a deadline with no end (event, request) */
} when;

static int frequency(const dl_deadline *dl) {
  if (dl->kind == DL_CONTINUOUS) return 6;
  switch (dl->period) {
  case DL_PERIOD_MONTH: return 5;
  case DL_PERIOD_QUARTER: return 4;
  case DL_PERIOD_YEAR: return 3;
  case DL_PERIOD_TERM: return 2;
  default: return 1;        /* "định kỳ": periodic, period unknown */
  }
}

static when when_of(md_model *m, const md_item *it, md_level level, int depth);

static void add_dated(when *w, const md_due *d, const dl_deadline *dl, dt_day last, int resolved) {
  if (w->dated && last <= w->last) return;
  w->dated = d;
  w->last = last;
  w->stage = dl->stage;
  w->resolved = resolved;
}

/* An event deadline tied with `after` to a directive ends when that
 * directive is due, plus the delay the phrase gives. */
static void add_event(md_model *m, when *w, const md_due *d, const dl_deadline *dl, int depth) {
  if (d->awaits && depth < MAX_DEPTH) {
    const md_item *a = d->awaits;
    when aw = when_of(m, a, a->plan ? a->plan->level : MD_LEVEL_NONE, depth + 1);
    if (aw.dated) {
      add_dated(w, d, dl, aw.last + (dl->delay_days > 0 ? dl->delay_days : 0), 1);
      return;
    }
  }
  dt_span s = dl_span(dl);
  if (s.last != DT_MAX) add_dated(w, d, dl, s.last, 0);
  else if (!w->open) w->open = d;
}

static void add_deadline(md_model *m, when *w, const md_due *d, const dl_deadline *dl, int depth) {
  switch (dl->kind) {
  case DL_WITHIN: case DL_BEFORE: case DL_BY: case DL_FROM: {
    dt_span s = dl_span(dl);
    if (s.last != DT_MAX) add_dated(w, d, dl, s.last, 0);
    else if (!w->open) w->open = d;
    break;
  }
  case DL_CONTINUOUS: case DL_RECURRING: {
    int r = frequency(dl);
    if (r > w->rank) { w->rank = r; w->periodic = d; w->month = dl->month; }
    break;
  }
  case DL_EVENT: add_event(m, w, d, dl, depth); break;
  default: if (!w->open) w->open = d; break;
  }
}

/* An item's deadline for plans of `level`, its stages read in the
 * structure of its own plan. */
static when when_of(md_model *m, const md_item *it, md_level level, int depth) {
  when w = { 0 };
  const md_structure *st = it->plan ? it->plan->structure : NULL;
  for (const md_due *d = it->dues; d; d = d->next)
    for (const dl_deadline *dl = d->dl; dl; dl = dl->next)
      if (md_applies(m, st, dl, level)) add_deadline(m, &w, d, dl, depth);
  return w;
}


static md_loc due_loc(const md_due *d, const md_item *it) { return d ? d->phrase.loc : it->loc; }

static const char *period_name(int rank) {
  static const char *const names[] = { "", N_("periodic"), N_("once a term"), N_("yearly"), N_("quarterly"),
                                       N_("monthly"), N_("continuous") };
  return rank ? _(names[rank]) : "";
}

typedef struct pair {         /* one link being checked */
  md_model *m;
  md_plan *child;
  md_level level;
  md_item *task, *d;
  int soft;                   /* checked through an unavailable parent */
} pair;

static void deadline_later(pair *p, const when *c, const when *pw) {
  md_model *m = p->m;
  const char *awaited = c->resolved ? _(" (when the awaited directive is due)") : "";
  md_loc at = due_loc(c->dated, p->task);
  dg_diag *e = c->stage
    ? finding(m, DG_ERROR, "deadline-later", at,
              _("the %s stage of the deadline of %s ends %s%s, later than %s, the deadline of %s, which it implements"),
              cs_level_text(m, md_stage_level(m, p->child->structure, c->stage)), p->task->id, day_text(m, c->last), awaited, day_text(m, pw->last), p->d->id)
    : finding(m, DG_ERROR, "deadline-later", at,
              _("the deadline of %s ends %s%s, later than %s, the deadline of %s, which it implements"), p->task->id,
              day_text(m, c->last), awaited, day_text(m, pw->last), p->d->id);
  note_at(m, e, due_loc(pw->dated, p->d), dg_fmt(m->arena, _("%s is due here"), p->d->id));
}

static void check_frequency(pair *p, const when *c, const when *pw) {
  md_model *m = p->m;
  if (c->rank && c->rank > 1 && pw->rank > 1 && c->rank < pw->rank) {
    dg_diag *e = finding(m, DG_ERROR, "deadline-less-frequent", due_loc(c->periodic, p->task),
                         _("%s is %s, less often than %s, which it implements and which is %s"), p->task->id,
                         period_name(c->rank), p->d->id, period_name(pw->rank));
    note_at(m, e, due_loc(pw->periodic, p->d), dg_fmt(m->arena, _("%s's deadline"), p->d->id));
  } else if (c->rank == 3 && pw->rank == 3 && c->month && pw->month && c->month > pw->month) {
    dg_diag *e = finding(m, DG_ERROR, "deadline-later", due_loc(c->periodic, p->task),
                         _("%s falls in month %d each year, later than month %d of %s, which it implements"),
                         p->task->id, c->month, pw->month, p->d->id);
    note_at(m, e, due_loc(pw->periodic, p->d), dg_fmt(m->arena, _("%s's deadline"), p->d->id));
  } else if (!c->rank && c->dated && !pw->dated) {
    dg_diag *e = finding(m, DG_ERROR, "deadline-less-frequent", due_loc(c->dated, p->task),
                         _("%s is done once, by %s, but %s, which it implements, is a %s duty"), p->task->id,
                         day_text(m, c->last), p->d->id, period_name(pw->rank));
    note_at(m, e, due_loc(pw->periodic, p->d), dg_fmt(m->arena, _("%s's deadline"), p->d->id));
  }
}

/* The child's deadline for its own level and for each level below that
 * it stages ("cấp huyện hoàn thành trong tháng 01/2023") may not end after
 * the parent's deadline for the same level. */
static void check_ends(pair *p, const when *pw_here, const when *c_here) {
  const md_due *reported = NULL;
  const md_structure *st = p->child->structure;
  md_level first = p->level ? p->level : st && st->n ? st->order[st->n - 1] : MD_LEVEL_NONE;
  for (md_level l = first; l; l = md_level_below(p->m, st, l)) {
    /* At the link's own level the caller has both already. */
    int here = l == p->level;
    when pw = here ? *pw_here : when_of(p->m, p->d, l, 0), c = here ? *c_here : when_of(p->m, p->task, l, 0);
    if (!pw.dated || !c.dated || c.last <= pw.last || c.dated == reported) continue;
    if (l != p->level && !c.stage) continue;
    deadline_later(p, &c, &pw);
    reported = c.dated;
  }
}

static void before_issue(md_model *m, md_plan *child, md_item *task, const when *c) {
  if (!c->dated || !c->resolved || !child->date_known || c->last >= child->date) return;
  dg_diag *e = finding(m, DG_ERROR, "awaited-before-issue", due_loc(c->dated, task),
                       _("the directive %s awaits is due %s, so its deadline ends before the plan is issued on %s"),
                       task->id, day_text(m, c->last), day_text(m, child->date));
  note_at(m, e, child->date_loc, _("the issue date"));
}

static void check_deadlines(pair *p) {
  md_model *m = p->m;
  when pw = when_of(p->m, p->d, p->level, 0), c = when_of(p->m, p->task, p->level, 0);
  check_ends(p, &pw, &c);
  if (pw.rank) check_frequency(p, &c, &pw);
  if (pw.dated && !pw.rank && !c.dated) {
    const md_due *cd = c.periodic ? c.periodic : c.open;
    dg_diag *e = finding(m, DG_WARNING, "deadline-open", due_loc(cd, p->task),
                         cd ? _("%s has a deadline with no end date, but %s, which it implements, is due by %s")
                            : _("%s has no deadline, but %s, which it implements, is due by %s"),
                         p->task->id, p->d->id, day_text(m, pw.last));
    note_at(m, e, due_loc(pw.dated, p->d), dg_fmt(m->arena, _("%s is due here"), p->d->id));
  }
  if (p->d == p->task->implements->item) before_issue(m, p->child, p->task, &c);   /* once per task */
}

/* A task that implements nothing may still wait for a parent's deliverable. */
static void check_resolved(md_model *m, const cs_coverage *c, md_item *task) {
  when w = when_of(m, task, c->level, 0);
  before_issue(m, c->child, task, &w);
}

/* ---- owners ---- */

static void check_owners(pair *p, const md_link *l) {
  md_model *m = p->m;
  if (l->reason.value.n || cs_owner_corresponds(p->d, p->task, p->level)) return;
  const char *expected = expected_owners(m, p->d, p->level, p->child);
  /* Name the first owners that were compared (cs_owner_corresponds skips
   * unknown bodies and owners with no counterpart at this level). */
  const md_ref *own = p->task->owners, *theirs = p->d->owners;
  while (own && !own->body) own = own->next;
  while (theirs && (!theirs->body || !comparable(theirs->body, p->level))) theirs = theirs->next;
  if (!own || !theirs) return;
  dg_diag *e = finding(m, p->soft ? DG_WARNING : DG_ERROR, "owner-mismatch", own->loc,
                       _("the owner of %s, %s, does not carry the work of %s, the owner of %s%s; if the "
                         "reassignment is deliberate, say why with 'reassigned \"...\"' after the link"),
                       p->task->id, body_name(m, own->body), body_name(m, theirs->body), p->d->id,
                       *expected ? dg_fmt(m->arena, _(" (expected %s)"), expected) : "");
  note_at(m, e, l->target.loc, _("the link"));
}

/* A task's owners must be bodies of its plan's level. */
static void check_owner_levels(md_model *m, md_plan *child, md_item *task) {
  for (const md_ref *o = task->by; o; o = o->next) {
    if (!o->body || !o->body->level || !child->level || o->body->level == child->level) continue;
    if (o->body->addresses & MD_LEVEL_BIT(child->level)) continue;
    /* A named body of a level below the plan's is one of its addressees,
     * which real plans give work by name (one commune's party committee
     * holds the pilot congress). */
    if (md_levels_below(child->structure, child->level) & MD_LEVEL_BIT(o->body->level)) continue;
    finding(m, DG_ERROR, "owner-level", o->loc,
            _("%s is a %s body; %s is a %s plan, whose tasks belong to %s bodies"), body_name(m, o->body),
            cs_level_text(m, o->body->level), key_of(m, child), cs_level_text(m, child->level), cs_level_text(m, child->level));
  }
}

/* ---- links ---- */

typedef struct ancestry { md_plan *p[32]; size_t n; } ancestry;

static void ancestors(ancestry *a, md_parent *par, int depth) {
  for (; par && depth <= MAX_DEPTH; par = par->next) {
    md_plan *p = par->plan ? par->plan : par->desc;
    if (!p) continue;
    size_t i = 0;
    while (i < a->n && a->p[i] != p) i++;
    if (i < a->n || a->n == sizeof a->p / sizeof a->p[0]) continue;
    a->p[a->n++] = p;
    ancestors(a, p->parents, depth + 1);
  }
}

static int is_ancestor_key(const ancestry *a, sl_slice key) {
  for (size_t i = 0; i < a->n; i++)
    if (sl_eq(a->p[i]->key, key)) return 1;
  return 0;
}

/* By key, as a link names it; the plan itself, nearly always among them,
 * is found without comparing text. */
static int is_ancestor(const ancestry *a, const md_plan *p) {
  for (size_t i = 0; i < a->n; i++)
    if (a->p[i] == p) return 1;
  return is_ancestor_key(a, p->key);
}

/* The plan part of "PLAN:ID". */
static sl_slice plan_part(sl_slice target) {
  const char *colon = memchr(target.p, ':', target.n);
  return (sl_slice){ target.p, colon ? (size_t)(colon - target.p) : target.n };
}

/* Reports a link that leads nowhere useful; 0 when it may be checked further. */
static int link_invalid(md_model *m, md_plan *child, const ancestry *anc, const md_link *l) {
  if (l->item && l->item->kind == MD_TASK && is_ancestor(anc, l->item->plan)) return 0;
  /* Only a finding needs the target as a string: most links are valid. */
  const char *t = str_of(m, l->target);
  sl_slice plan = plan_part(l->target.value);
  md_loc at = l->target.loc;
  if (!l->item) {
    md_plan *p = md_plan_by_key(m, plan);
    if (!is_ancestor_key(anc, plan))
      finding(m, DG_ERROR, "link-not-parent", at, _("%s names plan %.*s, which %s does not implement"), t, (int)plan.n,
              plan.p, key_of(m, child));
    else if (!p)
      finding(m, DG_ERROR, "link-unknown", at,
              _("%s cannot be checked: the text of plan %.*s is not available, so link to the nearest available "
                "ancestor's directive"), t, (int)plan.n, plan.p);
    else
      finding(m, DG_ERROR, "link-unknown", at, _("plan %.*s has no task %s"), (int)plan.n, plan.p, t);
    return 1;
  }
  if (l->item->kind != MD_TASK) {
    dg_diag *e = finding(m, DG_ERROR, "link-unknown", at,
                         l->item->kind == MD_SECTION ? _("%s is a section, not a directive; link to one of its tasks")
                                                     : _("%s is a statement, not a directive; link to one of its tasks"),
                         t);
    note_at(m, e, l->item->loc, _("it is here"));
    return 1;
  }
  if (!is_ancestor(anc, l->item->plan)) {
    dg_diag *e = finding(m, DG_ERROR, "link-not-parent", at, _("%s belongs to plan %s, which %s does not implement"), t,
                         key_of(m, l->item->plan), key_of(m, child));
    note_at(m, e, l->item->loc, _("the directive"));
    return 1;
  }
  return 0;
}

static const cs_row *find_row(const cs_coverage *c, const md_item *d, const cs_target **in) {
  for (size_t i = 0; i < c->ntargets; i++) {
    const cs_row *row = row_of(&c->targets[i], d);
    if (row) { *in = &c->targets[i]; return row; }
  }
  *in = NULL;
  return NULL;
}

/* One item's links by directive, while its links are checked: a second
 * link to a directive is found without comparing every link of the item
 * with every other (a task may have thousands). `use` slots of `slot`
 * serve the current item; 0 when it has one link, which has no double. */
typedef struct dupset {
  const md_link **slot;
  size_t cap, use;
} dupset;

static void seen_start(md_model *m, dupset *s, const md_item *it) {
  size_t n = 0;
  for (const md_link *l = it->implements; l; l = l->next) n++;
  s->use = 0;
  if (n < 2) return;
  size_t cap = 16;
  while (cap < 2 * n) cap *= 2;
  if (cap > s->cap) {
    s->slot = ar_alloc(m->arena, cap * sizeof *s->slot);
    s->cap = cap;
  }
  memset(s->slot, 0, cap * sizeof *s->slot);
  s->use = cap;
}

/* The item's first link to l's directive, or NULL when l is the first
 * (and is then remembered). */
static const md_link *seen_before(dupset *s, const md_link *l) {
  if (!s->use) return NULL;
  size_t k = ix_ptr_slot(l->item, s->use);
  for (; s->slot[k]; k = (k + 1) & (s->use - 1))
    if (s->slot[k]->item == l->item) return s->slot[k];
  s->slot[k] = l;
  return NULL;
}

/* Reports a second link to the same directive; 1 when it is one (its
 * other checks were made for the first). */
static int check_duplicate(md_model *m, dupset *s, const md_link *l) {
  const md_link *prev = seen_before(s, l);
  if (!prev) return 0;
  dg_diag *e = l->from->id
    ? finding(m, DG_WARNING, "link-duplicate", l->target.loc, _("%s is linked twice from %s"), l->item->id, l->from->id)
    : finding(m, DG_WARNING, "link-duplicate", l->target.loc, _("%s is linked twice from this statement"), l->item->id);
  note_at(m, e, prev->target.loc, _("first linked here"));
  return 1;
}

static void check_fingerprint(md_model *m, md_link *l) {
  const char *fp = cs_fingerprint(m, l->item);
  if (!l->fingerprint.value.n) {
    finding(m, DG_WARNING, "link-unreviewed", l->target.loc,
            _("the link from %s to %s records no fingerprint; review it and run 'plancheck accept FILE %s'"),
            l->from->id, l->item->id, l->item->id);
  } else if (l->fingerprint.value.n != strlen(fp) || memcmp(l->fingerprint.value.p, fp, strlen(fp)) != 0) {
    dg_diag *e = finding(m, DG_WARNING, "link-suspect", l->fingerprint.loc,
                         _("%s has changed since its link from %s was reviewed (its text, owner or deadline); "
                           "review the link and run 'plancheck accept FILE %s'"), l->item->id, l->from->id, l->item->id);
    note_at(m, e, l->item->loc, _("the directive as it now reads"));
  }
}

static void check_link(md_model *m, const cs_coverage *c, const ancestry *anc, dupset *s, md_link *l) {
  if (link_invalid(m, c->child, anc, l) || check_duplicate(m, s, l)) return;
  const cs_target *t;
  const cs_row *row = find_row(c, l->item, &t);
  if (!row || row->status == CS_EXTRA) {
    dg_diag *e = finding(m, DG_WARNING, "link-not-addressed", l->target.loc,
                         _("%s links %s, which is not among the directives the plans it is checked against "
                           "address to %s plans (by owner, 'cascade' or 'forward')"),
                         l->from->id ? l->from->id : _("this statement"), l->item->id, cs_level_text(m, c->level));
    note_at(m, e, l->item->loc, dg_fmt(m->arena, _("the directive, %s"), cs_why(m, c, l->item, row)));
  }
  if (l->from->kind != MD_TASK) return;
  check_fingerprint(m, l);
  pair p = { m, c->child, c->level, l->from, l->item, t && t->through };
  check_deadlines(&p);
  if (l->from->owners && l->item->owners && c->level) check_owners(&p, l);
}

/* ---- waivers ---- */

static void check_waiver(md_model *m, const cs_row *row, md_item *w) {
  if (row->expired && !row->nlinks) {
    dg_diag *e = finding(m, DG_ERROR, "waiver-expired", w->until_loc, _("the waiver of %s expired on %s"),
                         row->directive->id, day_text(m, w->until));
    note_at(m, e, row->directive->loc, _("the directive, now uncovered"));
  }
  if (row->nlinks && !row->expired) {
    dg_diag *e = finding(m, DG_WARNING, "waiver-unneeded", w->loc, _("%s is waived but also implemented"),
                         row->directive->id);
    note_at(m, e, row->links[0]->target.loc, _("implemented here"));
  }
}

/* ---- coverage findings ---- */

static void check_coverage(md_model *m, const cs_coverage *c, const cs_target *t) {
  for (size_t i = 0; i < t->nrows; i++) {
    const cs_row *row = &t->rows[i];
    if (row->waiver) check_waiver(m, row, row->waiver);
    if (row->status != CS_MISSING || row->expired) continue;
    md_item *d = row->directive;
    dg_diag *e = finding(m, t->through ? DG_WARNING : DG_ERROR, "coverage-missing", t->declared->loc,
                         _("%s is addressed to %s plans but no task of %s implements it: \"%s\""), d->id,
                         cs_level_text(m, c->level), key_of(m, c->child), cs_excerpt(m, d, 70));
    note_at(m, e, d->loc, dg_fmt(m->arena, _("%s is here, %s"), d->id, cs_why(m, c, d, row)));
  }
}

static void note_through(md_model *m, const cs_coverage *c, const cs_target *t) {
  md_plan *u = t->through;
  const char *why = u->unavailable.value.n ? dg_fmt(m->arena, " (%s)", str_of(m, u->unavailable)) : "";
  finding(m, DG_NOTE, "cascade-ancestor", u->loc,
          _("the text of plan %s is not available%s; %s is checked against %s, its nearest available ancestor, "
            "and missing coverage and owners are only warnings"), key_of(m, u), why, key_of(m, c->child),
          key_of(m, t->plan));
}

/* An unavailable parent with no available ancestor: nothing to check against. */
static void note_unchecked(md_model *m, md_plan *child, md_parent *par, int depth) {
  for (; par && depth <= MAX_DEPTH; par = par->next) {
    if (par->plan || !par->desc) continue;
    ancestry a = { .n = 0 };
    ancestors(&a, par->desc->parents, 0);
    int any = 0;
    for (size_t i = 0; i < a.n; i++) any |= !a.p[i]->is_described;
    if (!any)
      finding(m, DG_NOTE, "cascade-unchecked", par->loc,
              _("the text of plan %s is not available and it names no available parent, so %s is not checked "
                "against it"), str_of(m, par->number), key_of(m, child));
  }
}

/* ---- targets ---- */

/* Whether child measure c is at least as strict as parent measure p. */
static int as_strict(const md_measure *p, const md_measure *c) {
  if (p->by_year && c->by_year && c->by_year > p->by_year) return 0;
  if (!p->op || !c->op || p->percent != c->percent) return 1;
  int plow = p->op[0] == '>', pup = p->op[0] == '<';
  int clow = c->op[0] == '>' || c->op[0] == '=', cup = c->op[0] == '<' || c->op[0] == '=';
  int pstrict = p->op[1] == '\0' && p->op[0] != '=', cstrict = c->op[1] == '\0' && c->op[0] != '=';
  if (plow) return clow && (c->value > p->value || (c->value == p->value && (cstrict || !pstrict)));
  if (pup) return cup && (c->value < p->value || (c->value == p->value && (cstrict || !pstrict)));
  return c->op[0] == '=' && c->value == p->value;
}

static sl_slice folded_name(md_model *m, md_measure *ms) {
  if (!ms->folded.p) ms->folded = tx_fold(m->arena, ms->name.value.p, ms->name.value.n);
  return ms->folded;
}

/* A plan's measures in document order: every child with a target looks
 * its measure up in its parents, so each parent's tree is walked once for
 * them, not once a child measure. A plan's measures are fixed when it is
 * parsed. */
struct cs_measures {
  md_measure **v;
  size_t n, cap;
  md_model *m;
};

static int list_measures(md_item *it, void *ctx) {
  struct cs_measures *l = ctx;
  for (md_measure *ms = it->measures; ms; ms = ms->next) {
    l->v = ar_grow(l->m->arena, l->v, sizeof *l->v, &l->cap, l->n + 1);
    l->v[l->n++] = ms;
  }
  return 0;
}

static const struct cs_measures *measures_of(md_model *m, md_plan *p) {
  if (p->measure_list) return p->measure_list;
  struct cs_measures *l = ar_alloc(m->arena, sizeof *l);
  l->m = m;
  md_walk(&p->root, list_measures, l);
  return p->measure_list = l;
}

/* The first measure of `p` named `name` (folded), or NULL. */
static md_measure *find_measure(md_model *m, md_plan *p, sl_slice name) {
  const struct cs_measures *l = measures_of(m, p);
  for (size_t i = 0; i < l->n; i++)
    if (sl_eq(folded_name(m, l->v[i]), name)) return l->v[i];
  return NULL;
}

static const char *measure_text(md_model *m, const md_measure *ms) {
  /* TRANSLATORS: a text quoted from the plan. */
  if (ms->phrase.value.n) return dg_fmt(m->arena, _("\"%s\""), str_of(m, ms->phrase));
  return dg_fmt(m->arena, "%s %g%s%s", ms->op ? ms->op : "", ms->value, ms->percent ? "%" : "",
                ms->by_year ? dg_fmt(m->arena, _(" by %d"), ms->by_year) : "");
}

typedef struct tctx { md_model *m; const cs_coverage *c; } tctx;

static int check_target_item(md_item *it, void *ctx) {
  tctx *x = ctx;
  for (md_measure *ms = it->measures; ms; ms = ms->next) {
    sl_slice name = folded_name(x->m, ms);
    md_measure *found = NULL;
    for (size_t i = 0; i < x->c->ntargets && !found; i++) found = find_measure(x->m, x->c->targets[i].plan, name);
    if (!found || as_strict(found, ms)) continue;
    dg_diag *e = finding(x->m, DG_ERROR, "target-weaker", ms->loc,
                         _("target %s for \"%s\" is less strict than the parent's %s"), measure_text(x->m, ms),
                         str_of(x->m, ms->name), measure_text(x->m, found));
    note_at(x->m, e, found->loc, _("the parent's target"));
  }
  return 0;
}

/* ---- the whole check ---- */

typedef struct lctx { md_model *m; const cs_coverage *c; const ancestry *anc; dupset dups; } lctx;

static int check_item_links(md_item *it, void *ctx) {
  lctx *x = ctx;
  if (it->kind == MD_TASK || it->kind == MD_SECTION) check_owner_levels(x->m, x->c->child, it);
  if (it->kind == MD_WAIVER && !it->reason.value.n)
    finding(x->m, DG_ERROR, "waiver-reason", it->loc, _("the waiver of %s gives no reason: add 'reason \"...\"'"),
            it->implements ? str_of(x->m, it->implements->target) : _("nothing"));
  if (it->kind == MD_FORWARD && !(forward_levels(it) & md_levels_below(x->c->child->structure, x->c->level)))
    finding(x->m, DG_ERROR, "forward-level", it->loc,
            _("a forward must pass its directives to a level below this %s plan; name it with 'to LEVEL'"),
            cs_level_text(x->m, x->c->level));
  if (it->kind == MD_TASK && !it->implements) check_resolved(x->m, x->c, it);
  if (it->kind != MD_TASK && it->kind != MD_WAIVER && it->kind != MD_FORWARD) return 0;
  seen_start(x->m, &x->dups, it);
  for (md_link *l = it->implements; l; l = l->next) check_link(x->m, x->c, x->anc, &x->dups, l);
  for (md_due *d = it->dues; d; d = d->next)
    if (d->after.value.n && (!d->awaits || d->awaits->kind != MD_TASK))
      finding(x->m, DG_ERROR, "link-unknown", d->after.loc, _("'after' names %s, which is not a task of any loaded plan"),
              str_of(x->m, d->after));
  return 0;
}

cs_coverage *cs_check(md_model *m, md_plan *child, dt_day as_of) {
  cs_coverage *c = cs_coverage_of(m, child, as_of);
  note_unchecked(m, child, child->parents, 0);
  for (size_t i = 0; i < c->ntargets; i++) {
    if (c->targets[i].through) note_through(m, c, &c->targets[i]);
    check_coverage(m, c, &c->targets[i]);
  }
  ancestry anc = { .n = 0 };
  ancestors(&anc, child->parents, 0);
  lctx x = { m, c, &anc, { NULL, 0, 0 } };
  md_walk(&child->root, check_item_links, &x);
  tctx t = { m, c };
  if (c->ntargets) md_walk(&child->root, check_target_item, &t);
  return c;
}

/* ---- cycles ---- */

enum { WHITE = 0, GREY = 1, BLACK = 2 };

typedef struct cyc { md_model *m; md_item *stack[64]; int depth; } cyc;

static void visit(cyc *c, md_item *it);

static void report_cycle(cyc *c, md_item *back, const md_link *l) {
  int i = c->depth - 1;
  while (i > 0 && c->stack[i] != back) i--;
  dg_diag *e = finding(c->m, DG_ERROR, "link-cycle", l->target.loc,
                       _("links go round in a circle: %s implements %s, which leads back to it"), l->from->id,
                       back->id);
  for (int k = i; k < c->depth; k++) note_at(c->m, e, c->stack[k]->loc, dg_fmt(c->m->arena, "%s", c->stack[k]->id));
}

static void visit(cyc *c, md_item *it) {
  it->mark = GREY;
  if (c->depth < 64) c->stack[c->depth] = it;
  c->depth++;
  for (md_link *l = it->implements; l; l = l->next) {
    md_item *t = l->item;
    if (!t) continue;
    if (t->mark == GREY && c->depth <= 64) report_cycle(c, t, l);
    else if (t->mark == WHITE) visit(c, t);
  }
  c->depth--;
  it->mark = BLACK;
}

static int visit_task(md_item *it, void *ctx) {
  if (it->kind == MD_TASK && it->mark == WHITE) visit(ctx, it);
  return 0;
}

typedef struct step { md_plan *plan; md_parent *via; } step;

static int key_less(sl_slice a, sl_slice b) {
  int c = memcmp(a.p, b.p, a.n < b.n ? a.n : b.n);
  return c < 0 || (c == 0 && a.n < b.n);
}

/* A circle of plans back to path[0], reported once: from the plan whose
 * key sorts first, with a note at every `implements` on the way. */
static void report_plan_cycle(md_model *m, const step *path, int n) {
  for (int i = 1; i < n; i++)
    if (key_less(path[i].plan->key, path[0].plan->key)) return;
  const char *chain = key_of(m, path[0].plan);
  for (int i = 1; i < n; i++) chain = dg_fmt(m->arena, "%s → %s", chain, key_of(m, path[i].plan));
  md_loc at = path[0].via->loc;
  dg_diag *e = n == 1 ? finding(m, DG_ERROR, "parent-cycle", at, _("plan %s implements itself"), chain)
                      : finding(m, DG_ERROR, "parent-cycle", at, _("plans implement each other in a circle: %s → %s"),
                                chain, key_of(m, path[0].plan));
  for (int i = 1; i < n; i++)
    note_at(m, e, path[i].via->loc, dg_fmt(m->arena, _("%s implements %s here"), key_of(m, path[i].plan),
                                           str_of(m, path[i].via->number)));
}

static void plan_cycles(md_model *m, step *path, int depth) {
  md_plan *p = path[depth - 1].plan;
  for (md_parent *par = p->parents; par; par = par->next) {
    md_plan *q = par->plan ? par->plan : par->desc;
    if (!q) continue;
    path[depth - 1].via = par;
    if (sl_eq(q->key, path[0].plan->key)) { report_plan_cycle(m, path, depth); continue; }
    int seen = 0;
    for (int i = 1; i < depth; i++) seen |= sl_eq(path[i].plan->key, q->key);
    if (seen || depth >= MAX_DEPTH) continue;     /* a circle that does not pass through path[0] */
    path[depth].plan = q;
    plan_cycles(m, path, depth + 1);
  }
}

void cs_check_cycles(md_model *m, md_plan *from) {
  cyc c = { m, { 0 }, 0 };
  for (md_plan *p = from; p; p = p->next)
    if (!p->is_described) md_walk(&p->root, visit_task, &c);
  for (md_plan *p = from; p; p = p->next) {
    if (p->is_described) continue;
    step path[MAX_DEPTH] = { { p, NULL } };
    plan_cycles(m, path, 1);
  }
}

