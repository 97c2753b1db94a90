/* agenda: where a plan stands on a day; see agenda.h. */
#include "agenda.h"

#include <stdlib.h>
#include <string.h>

#include "lang.h"
#include "mem.h"
#include "progress.h"
#include "text.h"

const char *ag_group_name(ag_group g) {
  static const char *const names[] = { "overdue", "due", "triggered", "recurring", "waiting" };
  return names[g];
}

/* An item's reports of one `for` part, in day order, each with its place
 * in the item's record (what decides between two lists). */
typedef struct reports {
  sl_slice part;             /* the key: the part folded */
  struct placed_report { md_event *e; size_t at; } *v;
  size_t n, cap;
} reports;

/* An issued document, with its place among the entries read: of two
 * that trigger a deadline on the same day, the first read wins. */
typedef struct issued {
  md_event *e;
  size_t seq;
} issued;

/* What the agenda has learnt of an item, once: its record read, and the
 * documents that name it in `triggers`. Every deadline of every task asks
 * these questions, and reading the record (and every document issued) for
 * each made a plan of N tasks cost N². */
typedef struct known {
  const md_item *it;         /* the key: the pointer's bytes */
  int summed;                /* done..started are read */
  md_event *done, *cancelled;/* the first, up to as-of, on it or around it */
  md_event *started;         /* the latest, up to as-of, on it */
  issued named;              /* the first document naming it (e NULL: none) */
  int reports_read;          /* its reports are sorted out, by `for`: */
  ix_table parts;            /* reports, one per folded `for` part */
  reports any;               /* the reports with no `for` (for any part) */
} known;

/* The first document triggering a conditional deadline that names no
 * directive, by deadline (deadlines are shared by every due of a phrase). */
typedef struct first_doc {
  const dl_deadline *dl;     /* the key: the pointer's bytes */
  issued first;
} first_doc;

typedef struct builder {
  md_model *m;
  md_plan *plan;
  dt_day as_of;
  int within;
  const md_body *only;       /* --owner */
  md_body *named;            /* the lead the plan names, while its
                                successor's entries are added */
  md_level stage;            /* the stage being added (ag_entry.stage) */
  dt_day named_until;
  dt_day record_start;       /* from when the record can tell a report missed */
  ag_entry *v;
  size_t n, cap;
  ag_agenda *out;
  ar_arena scratch;          /* what follows, for one agenda */
  ix_table items;            /* known, by item */
  ix_table awaiting;         /* first_doc, by deadline */
  issued *plain;             /* the documents issued up to as-of that name
                                no directive, by day, then as read */
  size_t nplain;
} builder;

/* ---- the record of a directive ---- */

static sl_slice known_key(const void *v) { return (sl_slice){ (const char *)&((const known *)v)->it, sizeof(md_item *) }; }
static sl_slice first_doc_key(const void *v) { return (sl_slice){ (const char *)&((const first_doc *)v)->dl, sizeof(dl_deadline *) }; }

static known *known_of(builder *b, const md_item *it) {
  known *k = ix_get(&b->items, (sl_slice){ (const char *)&it, sizeof it });
  if (k) return k;
  k = ar_alloc(&b->scratch, sizeof *k);
  k->it = it;
  ix_put(&b->items, k);
  return k;
}

/* The earlier of two entries by day; on the same day `a`, the one asked
 * about first. */
static md_event *earlier(md_event *a, md_event *b) { return !a || (b && b->day < a->day) ? b : a; }

/* The record's answers for an item: its first done and cancelled entries
 * on it or a section or task around it (a section recorded done is done
 * with everything in it), and its latest started, all up to as-of. */
static known *summed(builder *b, const md_item *it) {
  known *k = known_of(b, it);
  if (k->summed) return k;
  k->summed = 1;
  for (md_record *r = it->record; r; r = r->next) {
    md_event *e = r->event;
    if (e->day > b->as_of) continue;
    if (e->kind == MD_EV_DONE && !k->done) k->done = e;
    if (e->kind == MD_EV_CANCELLED && !k->cancelled) k->cancelled = e;
    if (e->kind == MD_EV_STARTED) k->started = e;
  }
  if (it->parent) {
    known *up = summed(b, it->parent);
    k->done = earlier(k->done, up->done);
    k->cancelled = earlier(k->cancelled, up->cancelled);
  }
  return k;
}

/* The day from which a missing report means something: the plan's date, or,
 * when the document shows none, the first day the record covers. */
static dt_day record_start(md_model *m, md_plan *p) {
  if (p->date_known) return p->date;
  dt_day first = DT_MAX;
  for (md_event *e = m->events; e; e = e->next) {
    int ours = e->plan_key.n && sl_eq(e->plan_key, p->key);
    for (size_t i = 0; !ours && i < e->nitems; i++) ours = e->items[i] && e->items[i]->plan == p;
    if (ours && e->day < first) first = e->day;
  }
  return first;
}

/* ---- what a conditional deadline waits for ---- */

static int contains(sl_slice hay, const char *needle, size_t n) {
  if (n == 0) return 0;
  for (size_t i = 0; i + n <= hay.n; i++)
    if (memcmp(hay.p + i, needle, n) == 0) return 1;
  return 0;
}

/* The length of the separator between two awaited kinds of document at p
 * (",", " và ", " hoặc "), or 0. */
static size_t separator_at(const char *p, const char *end) {
  static const char *const seps[] = { ",", " và ", " hoặc " };
  for (int i = 0; i < 3; i++) {
    size_t n = strlen(seps[i]);
    if ((size_t)(end - p) >= n && memcmp(p, seps[i], n) == 0) return n;
  }
  return 0;
}

/* Whether a document named `what` is one of those the phrase awaits: "văn
 * bản" is any document; "quy định, hướng dẫn" is a quy định or a hướng dẫn. */
static int doc_matches(md_model *m, sl_slice awaited, sl_slice what) {
  sl_slice a = tx_fold_tones(m->arena, awaited.p, awaited.n);
  if (a.n == 0 || sl_eq(a, (sl_slice){ "văn bản", strlen("văn bản") })) return 1;
  sl_slice w = tx_fold_tones(m->arena, what.p, what.n);
  const char *p = a.p, *end = a.p + a.n;
  while (p < end) {
    const char *q = p;
    size_t sep = 0;
    while (q < end && !(sep = separator_at(q, end))) q++;
    const char *b = p, *e = q;
    while (b < e && *b == ' ') b++;
    while (e > b && e[-1] == ' ') e--;
    if (contains(w, b, (size_t)(e - b))) return 1;
    p = q + sep;
    if (!sep) break;
  }
  return 0;
}

static int names_item(const md_event *e, const md_item *it) {
  for (size_t i = 0; i < e->ntriggered; i++)
    for (const md_item *x = it; x; x = x->parent)
      if (e->triggered[i] == x) return 1;
  return 0;
}

/* Whether an issued document triggers this deadline of `it`: it names the
 * directive in `triggers`, or (naming none) comes from the awaited body and
 * is the awaited kind of document. */
static int triggers(md_model *m, const md_event *e, const md_item *it, const dl_deadline *dl) {
  if (e->ntriggered) return names_item(e, it);
  if (dl->kind != DL_EVENT) return 0;           /* a request is named, never guessed */
  if (dl->event_issuer.n) {
    md_body *awaited = md_body_by_name(m, dl->event_issuer);
    if (!awaited || !e->issuer || e->issuer->body != awaited) return 0;
  }
  return doc_matches(m, dl->event_doc, e->what.value);
}

/* The earlier of two documents: by day, then as read. */
static issued first_issued(issued a, issued b) {
  if (!a.e) return b;
  if (!b.e) return a;
  return b.e->day < a.e->day || (b.e->day == a.e->day && b.seq < a.seq) ? b : a;
}

static int by_day_read(const void *pa, const void *pb) {
  const issued *a = pa, *b = pb;
  if (a->e->day != b->e->day) return a->e->day < b->e->day ? -1 : 1;
  return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* Sorts out the documents issued up to as-of, once: those that name
 * directives under each directive named, the others in day order. */
static void index_issued(builder *b) {
  size_t seq = 0, cap = 0;
  for (md_event *e = b->m->events; e; e = e->next, seq++) {
    if (e->kind != MD_EV_ISSUED || e->day > b->as_of) continue;
    issued is = { e, seq };
    for (size_t i = 0; i < e->ntriggered; i++) {
      if (!e->triggered[i]) continue;
      known *k = known_of(b, e->triggered[i]);
      k->named = first_issued(k->named, is);
    }
    if (e->ntriggered) continue;
    b->plain = ar_grow(&b->scratch, b->plain, sizeof *b->plain, &cap, b->nplain + 1);
    b->plain[b->nplain++] = is;
  }
  if (b->nplain) qsort(b->plain, b->nplain, sizeof *b->plain, by_day_read);
}

/* The first document naming no directive that sets off an event deadline:
 * from the awaited body, of the awaited kind. Found once per deadline. */
static issued first_awaited(builder *b, const md_item *it, const dl_deadline *dl) {
  first_doc *a = ix_get(&b->awaiting, (sl_slice){ (const char *)&dl, sizeof dl });
  if (a) return a->first;
  a = ar_alloc(&b->scratch, sizeof *a);
  a->dl = dl;
  for (size_t i = 0; i < b->nplain && !a->first.e; i++)
    if (triggers(b->m, b->plain[i].e, it, dl)) a->first = b->plain[i];
  ix_put(&b->awaiting, a);
  return a->first;
}

/* The entry that set this deadline off, or NULL: the awaited directive done
 * (`after`), else the first document issued that triggers it: one naming
 * the directive (or an item around it) in `triggers`, or, for an event,
 * one of the awaited kind. */
static md_event *trigger_of(builder *b, const md_item *it, const md_due *d, const dl_deadline *dl) {
  if (d->awaits) return summed(b, d->awaits)->done;
  if (d->after.value.n) return NULL;           /* awaits a directive that names nothing */
  issued best = { NULL, 0 };
  for (const md_item *x = it; x; x = x->parent) best = first_issued(best, known_of(b, x)->named);
  if (dl->kind == DL_EVENT) best = first_issued(best, first_awaited(b, it, dl));
  return best.e;
}

static const char *waits_for(md_model *m, const md_due *d, const dl_deadline *dl) {
  if (d->awaits) return dg_fmt(m->arena, _("%s to be done"), d->awaits->id);
  if (d->after.value.n) return dg_fmt(m->arena, _("%.*s to be done"), (int)d->after.value.n, d->after.value.p);
  const char *what = dl->kind == DL_ON_REQUEST ? "yêu cầu" : dg_fmt(m->arena, "%.*s", (int)dl->event_doc.n, dl->event_doc.p);
  if (!dl->event_issuer.n) return what;
  return dg_fmt(m->arena, "%s của %.*s", what, (int)dl->event_issuer.n, dl->event_issuer.p);
}

/* ---- recurring deadlines ---- */

static dt_day month_end(int y, int mo) { return dt_month(y, mo).last; }

/* The occurrence of a recurring deadline on or after `day` (*next) and the
 * one before it (*prev), each the last day of its period; 0 when the phrase
 * gives no period to count ("theo nhiệm kỳ", "định kỳ"). */
static int occurrences(const dl_deadline *dl, dt_day day, dt_day *next, dt_day *prev) {
  int y, mo, dd;
  dt_to_ymd(day, &y, &mo, &dd);
  switch (dl->period) {
  case DL_PERIOD_YEAR: {
    int at = dl->month ? dl->month : 12;
    if (month_end(y, at) < day) y++;
    *next = month_end(y, at);
    *prev = month_end(y - 1, at);
    return 1;
  }
  case DL_PERIOD_QUARTER: {
    int q = (mo - 1) / 3 + 1;
    *next = dt_quarter(y, q).last;
    *prev = q == 1 ? dt_quarter(y - 1, 4).last : dt_quarter(y, q - 1).last;
    return 1;
  }
  case DL_PERIOD_MONTH:
    *next = month_end(y, mo);
    *prev = mo == 1 ? month_end(y - 1, 12) : month_end(y, mo - 1);
    return 1;
  default:
    return 0;
  }
}

/* ---- entries ---- */

static ag_entry *add(builder *b, ag_group g, md_body *owner, md_item *it, md_due *d, const dl_deadline *dl, dt_day date) {
  if (b->n == b->cap) {
    size_t cap = b->cap ? b->cap * 2 : 64;
    ag_entry *v = ar_alloc(b->m->arena, cap * sizeof *v);
    if (b->n) memcpy(v, b->v, b->n * sizeof *v);
    b->v = v;
    b->cap = cap;
  }
  ag_entry *e = &b->v[b->n++];
  memset(e, 0, sizeof *e);
  e->group = g;
  e->owner = owner;
  e->named_owner = b->named;
  e->stage = b->stage;
  e->carried_since = b->named ? b->named_until : DT_MAX;
  e->task = it;
  e->due = d;
  e->dl = dl;
  e->date = date;
  e->missed = DT_MAX;
  e->expected = DT_MAX;
  e->started = summed(b, it)->started;
  b->out->count[g]++;
  return e;
}

/* A deadline with a last day: overdue, due within the window, or not yet
 * anything to show. */
static void dated(builder *b, md_body *owner, md_item *it, md_due *d, const dl_deadline *dl, dt_day last) {
  if (last < b->as_of) add(b, AG_OVERDUE, owner, it, d, dl, last)->days = b->as_of - last;
  else if (last <= b->as_of + b->within) add(b, AG_DUE, owner, it, d, dl, last)->days = last - b->as_of;
}

static int reported_by(const md_event *e, const md_body *owner) {
  if (!e->by) return 1;
  for (const md_ref *r = e->by; r; r = r->next)
    if (r->body == owner) return 1;
  return 0;
}

/* The latest report of this owner for this deadline, dated after `after`. */
static sl_slice reports_key(const void *v) { return ((const reports *)v)->part; }

static void add_report(builder *b, reports *l, md_event *e, size_t at) {
  l->v = ar_grow(&b->scratch, l->v, sizeof *l->v, &l->cap, l->n + 1);
  l->v[l->n++] = (struct placed_report){ e, at };
}

/* Sorts out an item's reports by their `for` part (folded), once. */
static known *read_reports(builder *b, const md_item *it) {
  known *k = known_of(b, it);
  if (k->reports_read) return k;
  k->reports_read = 1;
  ix_init(&k->parts, &b->scratch, reports_key);
  size_t at = 0;
  for (md_record *r = it->record; r; r = r->next, at++) {
    md_event *e = r->event;
    if (e->kind != MD_EV_REPORTED) continue;
    if (!e->part.value.n) { add_report(b, &k->any, e, at); continue; }
    sl_slice part = tx_fold(&b->scratch, e->part.value.p, e->part.value.n);
    reports *l = ix_get(&k->parts, part);
    if (!l) {
      l = ar_alloc(&b->scratch, sizeof *l);
      l->part = part;
      ix_put(&k->parts, l);
    }
    add_report(b, l, e, at);
  }
  return k;
}

/* The latest report of a list by this owner up to as-of, dated after
 * `after`: read from the end. */
static const struct placed_report *latest_in(const builder *b, const reports *l, const md_body *owner, dt_day after) {
  for (size_t i = l ? l->n : 0; i-- > 0;) {
    const struct placed_report *p = &l->v[i];
    if (p->e->day > b->as_of) continue;
    if (p->e->day <= after) return NULL;
    if (reported_by(p->e, owner)) return p;
  }
  return NULL;
}

/* The latest report of this owner for this deadline, dated after `after`:
 * one for its `for` part, or one for any part, whichever the record holds
 * later. */
static md_event *report_since(builder *b, const md_item *it, const md_due *d, const md_body *owner, dt_day after) {
  known *k = read_reports(b, it);
  const reports *own = ix_get(&k->parts, tx_fold(&b->scratch, d->what.value.p, d->what.value.n));
  const struct placed_report *x = latest_in(b, own, owner, after), *y = latest_in(b, &k->any, owner, after);
  if (x && y) return x->at > y->at ? x->e : y->e;
  return x ? x->e : y ? y->e : NULL;
}

static void recurring(builder *b, md_body *owner, md_item *it, md_due *d, const dl_deadline *dl) {
  dt_day next, prev, before;
  if (!occurrences(dl, b->as_of, &next, &prev)) {
    add(b, AG_RECURRING, owner, it, d, dl, DT_MAX)->last_report = report_since(b, it, d, owner, DT_MIN);
    return;
  }
  md_event *last = report_since(b, it, d, owner, DT_MIN);
  ag_entry *e = add(b, AG_RECURRING, owner, it, d, dl, next);
  e->days = next - b->as_of;
  e->last_report = last;
  /* Only a reporting obligation can be seen to be missed, and only for an
   * occurrence the record covers. A report sent after the occurrence it is
   * for, before the next one, still counts. */
  if (!it->reports || prev < b->record_start) return;
  occurrences(dl, prev, &prev, &before);
  if (report_since(b, it, d, owner, before)) return;
  ag_entry *late = add(b, AG_OVERDUE, owner, it, d, dl, prev);
  late->days = b->as_of - prev;
  late->missed = prev;
  late->last_report = last;        /* not e->...: add may have moved the entries */
}

static void conditional(builder *b, md_body *owner, md_item *it, md_due *d, const dl_deadline *dl) {
  md_event *t = trigger_of(b, it, d, dl);
  if (!t) {
    ag_entry *e = add(b, AG_WAITING, owner, it, d, dl, DT_MAX);
    e->waits_for = waits_for(b->m, d, dl);
    e->expected = dl->kind == DL_EVENT ? dl->span.last : DT_MAX;
    return;
  }
  /* No delay, or "ngay sau khi" (at once): due from the trigger on, with
   * no day after which it is late. */
  if (dl->delay_days <= 0) {
    ag_entry *e = add(b, AG_TRIGGERED, owner, it, d, dl, t->day);
    e->trigger = t;
    e->no_delay = 1;
    return;
  }
  dt_day due = t->day + dl->delay_days;
  ag_entry *e = due < b->as_of ? add(b, AG_OVERDUE, owner, it, d, dl, due) : add(b, AG_TRIGGERED, owner, it, d, dl, due);
  e->days = due < b->as_of ? b->as_of - due : due - b->as_of;
  e->trigger = t;
}

/* One part of one deadline, for one owner. Continuous duties and parts
 * with no date are only counted. */
static void part(builder *b, md_body *owner, md_item *it, md_due *d, const dl_deadline *dl) {
  dt_span s = dl_span(dl);
  switch (dl->kind) {
  case DL_WITHIN: case DL_BEFORE: case DL_BY:
    dated(b, owner, it, d, dl, s.last);
    return;
  case DL_FROM:
    if (s.last != DT_MAX) dated(b, owner, it, d, dl, s.last);
    return;
  case DL_RECURRING:
    recurring(b, owner, it, d, dl);
    return;
  case DL_EVENT: case DL_ON_REQUEST:
    conditional(b, owner, it, d, dl);
    return;
  default:
    return;
  }
}

/* A part listed under the body that carries `o`'s work on the agenda's
 * day: each successor that took it over by then (and theirs in turn), or
 * `o` itself; `named` is the lead the plan names when that is another.
 * --owner picks either. */
static void carried(builder *b, md_body *o, md_body *named, dt_day since, md_item *it, md_due *d,
                    const dl_deadline *dl, int depth) {
  int passed = 0;
  for (const md_successor *s = o && depth < 8 ? o->successors : NULL; s; s = s->next) {
    if (s->from == DT_MIN || s->from > b->as_of) continue;
    passed = 1;
    carried(b, s->body, named ? named : o, named ? since : s->from, it, d, dl, depth + 1);
  }
  if (passed || (b->only && o != b->only && (!named || named != b->only))) return;
  b->named = named;
  b->named_until = since;
  part(b, o, it, d, dl);
  b->named = NULL;
}

/* What the counts say about a part, once per directive (not per owner). */
static void count(builder *b, const dl_deadline *dl) {
  if (!dl || dl->kind == DL_UNRECOGNIZED || dl->kind == DL_PER_PLAN) b->out->undated++;
  else if (dl->kind == DL_CONTINUOUS || (dl->kind == DL_FROM && dl_span(dl).last == DT_MAX)) b->out->continuous++;
}

/* Which of the plan's follow-ups a part of a deadline is: 0 for its own
 * (every part that concerns its level), the level of a stage it sets for
 * a level below its own ("cấp cơ sở hoàn thành trước ..." in a provincial
 * plan: the province follows the grassroots up), or -1 for a stage of a
 * level above, which is not this plan's to follow. */
static md_level stage_of(builder *b, const dl_deadline *dl) {
  const md_structure *st = b->plan->structure;
  if (md_applies(b->m, st, dl, b->plan->level)) return MD_LEVEL_NONE;
  md_level l = md_stage_level(b->m, st, (int)dl->stage);
  return l && (md_levels_below(st, b->plan->level) & MD_LEVEL_BIT(l)) ? l : -1;
}

static void task(builder *b, md_item *it) {
  known *k = summed(b, it);
  if (k->cancelled) { b->out->cancelled++; return; }
  if (k->done) { b->out->done++; return; }
  for (md_due *d = it->dues; d; d = d->next) {
    if (!d->dl) count(b, NULL);
    for (const dl_deadline *dl = d->dl; dl; dl = dl->next) {
      md_level stage = stage_of(b, dl);
      if (stage < 0) continue;
      b->stage = stage;
      if (!stage) count(b, dl);
      for (md_ref *o = it->owners; o; o = o->next) carried(b, o->body, NULL, DT_MAX, it, d, dl, 0);
      if (!it->owners && !b->only) part(b, NULL, it, d, dl);
      b->stage = MD_LEVEL_NONE;
    }
  }
}

static int walk(md_item *it, void *ctx) {
  if (it->kind == MD_TASK) task(ctx, it);
  return 0;
}

/* ---- order ---- */

typedef struct ranked {
  ag_entry e;
  size_t owner_rank, sub, seq;
} ranked;

static int by_rank(const void *pa, const void *pb) {
  const ranked *a = pa, *b = pb;
  if (a->owner_rank != b->owner_rank) return a->owner_rank < b->owner_rank ? -1 : 1;
  if (a->sub != b->sub) return a->sub < b->sub ? -1 : 1;
  if (a->e.group != b->e.group) return a->e.group < b->e.group ? -1 : 1;
  if (a->e.date != b->e.date) return a->e.date < b->e.date ? -1 : 1;
  return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* The lead owners of a plan's tasks in the order first named, each with
 * its place found through a table by address (v's index + 1; 0: empty),
 * not by a walk of those seen: a plan may name thousands of bodies. */
typedef struct owners_seen {
  const md_body **v;
  size_t n, cap;
  uint32_t *slot;            /* 2 * cap slots */
} owners_seen;

/* b's place in s, or s->n when it is not there. */
static size_t seen_rank(const owners_seen *s, const md_body *b) {
  if (!s->cap) return s->n;
  for (size_t k = ix_ptr_slot(b, 2 * s->cap); s->slot[k]; k = (k + 1) & (2 * s->cap - 1))
    if (s->v[s->slot[k] - 1] == b) return s->slot[k] - 1;
  return s->n;
}

static void seen_place(owners_seen *s, size_t i) {
  size_t k = ix_ptr_slot(s->v[i], 2 * s->cap);
  while (s->slot[k]) k = (k + 1) & (2 * s->cap - 1);
  s->slot[k] = (uint32_t)i + 1;
}

/* Doubles the room (from 32 bodies), placing those seen again. */
static void seen_grow(owners_seen *s) {
  size_t cap = s->cap ? s->cap * 2 : 32;
  s->v = mem_realloc((void *)s->v, cap * sizeof *s->v);
  free(s->slot);
  s->slot = mem_calloc(2 * cap, sizeof *s->slot);
  s->cap = cap;
  for (size_t i = 0; i < s->n; i++) seen_place(s, i);
}

static int note_owners(md_item *it, void *ctx) {
  owners_seen *s = ctx;
  if (it->kind != MD_TASK) return 0;
  for (md_ref *o = it->owners; o; o = o->next) {
    if (!o->body || seen_rank(s, o->body) < s->n) continue;
    if (s->n == s->cap) seen_grow(s);
    s->v[s->n] = o->body;
    seen_place(s, s->n++);
  }
  return 0;
}

static void seen_free(owners_seen *s) {
  free((void *)s->v);
  free(s->slot);
}

/* The bodies that carry on the work of leads the plan names but that it
 * does not name itself, each placed where the first of those leads is:
 * one group however many ceased leads it took over (Ban Xây dựng Đảng
 * carries the district's Ban Tổ chức, Ban Tuyên giáo and Ban Dân vận). */
static void rank_successors(ranked *r, size_t n, const owners_seen *seen) {
  owners_seen late = { NULL, 0, 0, NULL };
  size_t *first = NULL;
  for (size_t i = 0; i < n; i++) {
    if (r[i].owner_rank < seen->n || !r[i].e.named_owner) continue;
    size_t at = seen_rank(seen, r[i].e.named_owner), k = seen_rank(&late, r[i].e.owner);
    if (k == late.n) {
      if (late.n == late.cap) {
        seen_grow(&late);
        first = mem_realloc(first, late.cap * sizeof *first);
      }
      late.v[k] = r[i].e.owner;
      seen_place(&late, late.n++);
      first[k] = at;
    } else if (at < first[k]) {
      first[k] = at;
    }
  }
  for (size_t i = 0; i < n; i++) {
    if (r[i].owner_rank < seen->n || !r[i].e.named_owner) continue;
    size_t k = seen_rank(&late, r[i].e.owner);
    r[i].owner_rank = first[k];
    r[i].sub = k + 1;
  }
  free(first);
  seen_free(&late);
}

/* Owners in the order the plan first names them as lead owners (a body
 * that now carries a ceased lead's work where that lead is); entries with
 * no owner last. */
static void order(builder *b) {
  if (!b->n) return;
  owners_seen seen = { NULL, 0, 0, NULL };
  ranked *r = mem_alloc(b->n * sizeof *r);
  md_walk(&b->plan->root, note_owners, &seen);
  for (size_t i = 0; i < b->n; i++) r[i] = (ranked){ b->v[i], seen_rank(&seen, b->v[i].owner), 0, i };
  rank_successors(r, b->n, &seen);
  qsort(r, b->n, sizeof *r, by_rank);
  for (size_t i = 0; i < b->n; i++) b->v[i] = r[i].e;
  free(r);
  seen_free(&seen);
}

ag_agenda *ag_agenda_of(md_model *m, md_plan *p, dt_day as_of, int within, const md_body *owner) {
  ag_agenda *a = ar_alloc(m->arena, sizeof *a);
  memset(a, 0, sizeof *a);
  a->plan = p;
  a->as_of = as_of;
  a->within = within;
  builder b = { .m = m, .plan = p, .as_of = as_of, .within = within, .only = owner,
                .record_start = record_start(m, p), .out = a };
  ar_init(&b.scratch);
  ix_init(&b.items, &b.scratch, known_key);
  ix_init(&b.awaiting, &b.scratch, first_doc_key);
  index_issued(&b);
  md_walk(&p->root, walk, &b);
  order(&b);
  ar_free(&b.scratch);
  a->entries = b.v;
  a->n = b.n;
  return a;
}
