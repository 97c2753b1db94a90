/* progress: the record of what happened; see progress.h. */
#include "progress.h"

#include <stdlib.h>
#include <string.h>

#include "lang.h"
#include "text.h"

const char *pg_kind_name(md_event_kind k) {
  static const char *const names[] = { "issued", "done", "started", "cancelled", "reported" };
  return names[k];
}

const char *pg_kind_text(md_event_kind k) {
  static const char *const names[] = { N_("issued"), N_("done"), N_("started"), N_("cancelled"), N_("reported") };
  return _(names[k]);
}

static const char *day_text(md_model *m, dt_day d) {
  char buf[11];
  lg_day(d, buf);
  return ar_strndup(m->arena, buf, strlen(buf));
}

static dg_diag *error_at(md_model *m, const char *code, md_loc at, const char *msg) {
  return dg_add(m->diags, DG_ERROR, code, at.file, at.off, at.len, "%s", msg);
}

/* The whole id an entry means by `s`: as written when it names its plan
 * ("12-KH/TW:IV.4.2"), else relative to the block's plan. NULL (reported)
 * when it is relative and the block names no plan. */
static const char *whole_id(md_model *m, const md_event *e, const md_str *s) {
  if (memchr(s->value.p, ':', s->value.n)) return ar_strndup(m->arena, s->value.p, s->value.n);
  if (e->plan_key.n) return dg_fmt(m->arena, "%.*s:%.*s", (int)e->plan_key.n, e->plan_key.p, (int)s->value.n, s->value.p);
  error_at(m, "unknown-directive", s->loc,
           dg_fmt(m->arena, _("'%.*s' names no plan: write the whole id (PLAN:%.*s), or name the plan after 'progress'"),
                  (int)s->value.n, s->value.p, (int)s->value.n, s->value.p));
  return NULL;
}

/* The directives `list` names, resolved into a new array of *n items;
 * unknown ones are reported and left NULL. */
static md_item **resolve_ids(md_model *m, const md_event *e, const md_strs *list, size_t *n) {
  *n = 0;
  for (const md_strs *s = list; s; s = s->next) (*n)++;
  md_item **v = *n ? ar_alloc(m->arena, *n * sizeof *v) : NULL;
  size_t i = 0;
  int block_known = !e->plan_key.n || md_plan_by_key(m, e->plan_key);
  for (const md_strs *s = list; s; s = s->next, i++) {
    int relative = !memchr(s->s.value.p, ':', s->s.value.n);
    if (relative && !block_known) continue;    /* the block's plan is reported */
    const char *id = whole_id(m, e, &s->s);
    if (!id) continue;
    md_item *it = md_item_by_id(m, id);
    if (it && (it->kind == MD_TASK || it->kind == MD_SECTION)) { v[i] = it; continue; }
    /* The id is a C string: a NUL the entry holds (reported by the lexer)
     * ends it, maybe before the ':' memchr saw in the whole text. */
    const char *colon = strchr(id, ':');
    sl_slice key = { id, colon ? (size_t)(colon - id) : strlen(id) };
    const char *why = md_plan_by_key(m, key) ? dg_fmt(m->arena, _("no directive %s"), id)
                                             : dg_fmt(m->arena, _("no plan %.*s is loaded (for %s)"), (int)key.n, key.p, id);
    error_at(m, "unknown-directive", s->s.loc, why);
  }
  return v;
}

/* What a pass has learnt of an item it hangs entries on or asks about:
 * every question is answered from here, so that an item named by 100,000
 * entries costs 100,000 steps, not their square. Kept in a scratch arena
 * for the pass. */
typedef struct known {
  const md_item *it;         /* the key: the pointer's bytes */
  md_record *last;           /* the record's last entry */
  md_record *closed;         /* its first entry done or cancelled, by day */
  md_record *closed_before;  /* the one before `closed` took its place: the
                                first of the others when an entry names
                                the item twice */
  int unsorted;              /* an entry was appended out of day order */
  int waits;                 /* waits(): -1 until asked */
  ix_table parts;            /* the `for` parts of its dues, folded, once
                                a report names it with one ... */
  const char *listed;        /* ... and those parts as a message lists them */
} known;

typedef struct pass {
  md_model *m;
  ar_arena scratch;
  ix_table items;            /* known, by item */
  known **unsorted;          /* the items to put back in day order */
  size_t nunsorted, cap;
} pass;

static sl_slice known_key(const void *v) { return (sl_slice){ (const char *)&((const known *)v)->it, sizeof(md_item *) }; }

static int closes(const md_event *e) { return e->kind == MD_EV_DONE || e->kind == MD_EV_CANCELLED; }

static known *known_of(pass *ps, const md_item *it) {
  known *k = ix_get(&ps->items, (sl_slice){ (const char *)&it, sizeof it });
  if (k) return k;
  k = ar_alloc(&ps->scratch, sizeof *k);
  k->it = it;
  k->waits = -1;
  for (md_record *r = it->record; r; r = r->next) {
    if (!k->closed && closes(r->event)) k->closed = r;
    k->last = r;
  }
  ix_put(&ps->items, k);
  return k;
}

/* Appends e to the item's record. Entries are kept in day order (entries
 * of one day in the order they were read): one out of order marks the
 * record to be sorted when the pass ends, rather than walking it to find
 * the place. */
static void hang(pass *ps, md_item *it, md_event *e) {
  known *k = known_of(ps, it);
  md_record *r = ar_alloc(ps->m->arena, sizeof *r);
  r->event = e;
  if (k->last) k->last->next = r; else it->record = r;
  if (k->last && k->last->event->day > e->day && !k->unsorted) {
    k->unsorted = 1;
    ps->unsorted = ar_grow(&ps->scratch, ps->unsorted, sizeof *ps->unsorted, &ps->cap, ps->nunsorted + 1);
    ps->unsorted[ps->nunsorted++] = k;
  }
  k->last = r;
  if (closes(e) && (!k->closed || e->day < k->closed->event->day)) {
    k->closed_before = k->closed;
    k->closed = r;
  }
}

/* A record's entry, where a sort compares it: the day, then the order
 * it was read in, so that entries of one day keep it. */
typedef struct placed {
  dt_day day;
  size_t seq;
  md_record *r;
} placed;

static int by_day(const void *pa, const void *pb) {
  const placed *a = pa, *b = pb;
  if (a->day != b->day) return a->day < b->day ? -1 : 1;
  return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* Puts an item's record back in day order: an array sorted in place
 * rather than the list merged, whose entries lie all over memory. */
static void sort_record(pass *ps, md_item *it) {
  size_t n = 0;
  for (md_record *r = it->record; r; r = r->next) n++;
  placed *v = ar_alloc(&ps->scratch, n * sizeof *v);
  n = 0;
  for (md_record *r = it->record; r; r = r->next, n++) v[n] = (placed){ r->event->day, n, r };
  qsort(v, n, sizeof *v, by_day);
  for (size_t i = 0; i + 1 < n; i++) v[i].r->next = v[i + 1].r;
  v[n - 1].r->next = NULL;
  it->record = v[0].r;
}

enum { LISTED_PARTS = 8 };   /* a message names at most this many parts */

/* The item's `for` parts, folded into a set, and listed for messages:
 * "\"a\", \"b\"" (and how many more), or NULL when it has none. */
static void index_parts(pass *ps, known *k) {
  ix_init_set(&k->parts, &ps->scratch);
  dg_buf list = dg_buf_in(&ps->scratch);
  size_t n = 0;
  for (const md_due *d = k->it->dues; d; d = d->next) {
    if (!d->what.value.n) continue;
    ix_set_add(&k->parts, tx_fold(&ps->scratch, d->what.value.p, d->what.value.n));
    if (n++ >= LISTED_PARTS) continue;
    dg_buf_item(&list, ", ", "\"", 1);
    dg_buf_add(&list, d->what.value.p, d->what.value.n);
    dg_buf_add(&list, "\"", 1);
  }
  if (n > LISTED_PARTS) {
    const char *more = dg_fmt(&ps->scratch, _(" and %zu more"), n - LISTED_PARTS);
    dg_buf_add(&list, more, strlen(more));
  }
  k->listed = n ? dg_buf_text(&list) : NULL;
}

/* A report's `for` must name one of the directive's deadlines, so that a
 * typo does not leave the obligation looking unreported. */
static void check_part(pass *ps, const md_event *e, const md_item *it) {
  if (!e->part.value.n) return;
  md_model *m = ps->m;
  known *k = known_of(ps, it);
  if (!k->parts.arena) index_parts(ps, k);
  if (ix_get(&k->parts, tx_fold(&ps->scratch, e->part.value.p, e->part.value.n))) return;
  const char *msg = k->listed ? dg_fmt(m->arena, _("%s has no deadline for \"%.*s\" (it has %s)"), it->id,
                                       (int)e->part.value.n, e->part.value.p, k->listed)
                              : dg_fmt(m->arena, _("%s has no deadline with a 'for' part; leave out 'for'"), it->id);
  error_at(m, "progress-for", e->part.loc, msg);
}

/* Done twice is a warning: the record may hold a correction, but more
 * likely a copy-paste slip. */
static void check_twice(pass *ps, md_event *e, md_item *it) {
  if (!closes(e)) return;
  md_model *m = ps->m;
  known *k = known_of(ps, it);
  md_record *r = k->closed && k->closed->event == e ? k->closed_before : k->closed;
  if (!r) return;
  md_event *o = r->event;
  dg_diag *d = dg_add(m->diags, DG_WARNING, "progress-duplicate", e->loc.file, e->loc.off, e->loc.len,
                      _("%s is recorded %s here and %s on %s"), it->id, pg_kind_text(e->kind), pg_kind_text(o->kind),
                      day_text(m, o->day));
  dg_note(m->diags, d, o->loc.file, o->loc.off, o->loc.len, _("recorded here"));
}

/* A `triggers` naming a directive that waits for nothing is a slip too.
 * Each item is asked once: a section named by many entries is walked once. */
static int waits(pass *ps, const md_item *it) {
  known *k = known_of(ps, it);
  if (k->waits >= 0) return k->waits;
  k->waits = 0;
  for (const md_due *d = it->dues; d && !k->waits; d = d->next)
    for (const dl_deadline *dl = d->dl; dl; dl = dl->next)
      if (dl->kind == DL_EVENT || dl->kind == DL_ON_REQUEST) k->waits = 1;
  for (const md_item *c = it->first; c && !k->waits; c = c->next)
    if (waits(ps, c)) k->waits = 1;
  return k->waits;
}

/* A block naming a plan that is not loaded, once for the block. */
static void check_block(md_model *m, const md_event *e, const md_event *prev) {
  if (!e->plan_key.n || md_plan_by_key(m, e->plan_key)) return;
  if (prev && prev->plan_loc.file == e->plan_loc.file && prev->plan_loc.off == e->plan_loc.off) return;
  error_at(m, "unknown-directive", e->plan_loc, dg_fmt(m->arena, _("no plan %.*s is loaded"), (int)e->plan_key.n, e->plan_key.p));
}

static void resolve_event(pass *ps, md_event *e, dt_day as_of) {
  md_model *m = ps->m;
  e->items = resolve_ids(m, e, e->targets, &e->nitems);
  e->triggered = resolve_ids(m, e, e->triggers, &e->ntriggered);
  if (e->day == DT_MAX) return;              /* a date that does not exist: reported */
  if (e->day > as_of) {
    dg_add(m->diags, DG_ERROR, "progress-date", e->day_loc.file, e->day_loc.off, e->day_loc.len,
           _("%s is after the as-of date %s: a record cannot hold what has not happened yet"), day_text(m, e->day),
           day_text(m, as_of));
    return;
  }
  for (size_t i = 0; i < e->nitems; i++) {
    md_item *it = e->items[i];
    if (!it) continue;
    if (e->kind == MD_EV_REPORTED) check_part(ps, e, it);
    check_twice(ps, e, it);
    hang(ps, it, e);
  }
  size_t i = 0;
  for (const md_strs *s = e->triggers; s; s = s->next, i++) {
    md_item *it = e->triggered[i];
    if (it && !waits(ps, it))
      dg_add(m->diags, DG_WARNING, "progress-trigger", s->s.loc.file, s->s.loc.off, s->s.loc.len,
             _("%s waits for nothing: none of its deadlines is conditional"), it->id);
  }
}

void pg_resolve(md_model *m, dt_day as_of) {
  pass ps = { .m = m };
  ar_init(&ps.scratch);
  ix_init(&ps.items, &ps.scratch, known_key);
  md_event *prev = m->progressed_event;
  for (md_event *e = prev ? prev->next : m->events; e; prev = e, e = e->next) {
    check_block(m, e, prev);
    resolve_event(&ps, e, as_of);
  }
  m->progressed_event = prev;
  for (size_t i = 0; i < ps.nunsorted; i++) sort_record(&ps, (md_item *)ps.unsorted[i]->it);
  ar_free(&ps.scratch);
}
