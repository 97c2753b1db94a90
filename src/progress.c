/* progress: the record of what happened; see progress.h. */
#include "progress.h"

#include <string.h>

#include "text.h"

const char *pg_kind_name(md_event_kind k) {
  static const char *const names[] = { "issued", "done", "started", "cancelled", "reported" };
  return names[k];
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
           dg_fmt(m->arena, "'%.*s' names no plan: write the whole id (PLAN:%.*s), or name the plan after 'progress'",
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
    const char *why = md_plan_by_key(m, key) ? dg_fmt(m->arena, "no directive %s", id)
                                             : dg_fmt(m->arena, "no plan %.*s is loaded (for %s)", (int)key.n, key.p, id);
    error_at(m, "unknown-directive", s->s.loc, why);
  }
  return v;
}

/* Inserts e into the item's record, keeping day order (entries of one day
 * stay in file order). */
static void hang(md_model *m, md_item *it, md_event *e) {
  md_record *r = ar_alloc(m->arena, sizeof *r);
  r->event = e;
  md_record **at = &it->record;
  while (*at && (*at)->event->day <= e->day) at = &(*at)->next;
  r->next = *at;
  *at = r;
}

int pg_part_matches(md_model *m, const md_event *e, const md_due *d) {
  if (!e->part.value.n) return 1;
  sl_slice a = tx_fold(m->arena, e->part.value.p, e->part.value.n);
  sl_slice b = tx_fold(m->arena, d->what.value.p, d->what.value.n);
  return sl_eq(a, b);
}

/* A report's `for` must name one of the directive's deadlines, so that a
 * typo does not leave the obligation looking unreported. */
static void check_part(md_model *m, const md_event *e, const md_item *it) {
  if (!e->part.value.n) return;
  const char *parts = "";
  for (const md_due *d = it->dues; d; d = d->next) {
    if (d->what.value.n && pg_part_matches(m, e, d)) return;
    if (d->what.value.n) parts = dg_fmt(m->arena, "%s%s\"%.*s\"", parts, *parts ? ", " : "", (int)d->what.value.n, d->what.value.p);
  }
  const char *msg = *parts ? dg_fmt(m->arena, "%s has no deadline for \"%.*s\" (it has %s)", it->id,
                                    (int)e->part.value.n, e->part.value.p, parts)
                           : dg_fmt(m->arena, "%s has no deadline with a 'for' part; leave out 'for'", it->id);
  error_at(m, "progress-for", e->part.loc, msg);
}

/* Done twice is a warning: the record may hold a correction, but more
 * likely a copy-paste slip. */
static void check_twice(md_model *m, md_event *e, md_item *it) {
  if (e->kind != MD_EV_DONE && e->kind != MD_EV_CANCELLED) return;
  for (md_record *r = it->record; r; r = r->next) {
    md_event *o = r->event;
    if (o == e || (o->kind != MD_EV_DONE && o->kind != MD_EV_CANCELLED)) continue;
    dg_diag *d = dg_add(m->diags, DG_WARNING, "progress-duplicate", e->loc.file, e->loc.off, e->loc.len,
                        "%s is recorded %s here and %s on %s", it->id, pg_kind_name(e->kind), pg_kind_name(o->kind),
                        md_day_text(m->arena, o->day));
    dg_note(m->diags, d, o->loc.file, o->loc.off, o->loc.len, "recorded here");
    return;
  }
}

/* A `triggers` naming a directive that waits for nothing is a slip too. */
static int waits(const md_item *it) {
  for (const md_due *d = it->dues; d; d = d->next)
    for (const dl_deadline *dl = d->dl; dl; dl = dl->next)
      if (dl->kind == DL_EVENT || dl->kind == DL_ON_REQUEST) return 1;
  for (const md_item *c = it->first; c; c = c->next)
    if (waits(c)) return 1;
  return 0;
}

/* A block naming a plan that is not loaded, once for the block. */
static void check_block(md_model *m, const md_event *e, const md_event *prev) {
  if (!e->plan_key.n || md_plan_by_key(m, e->plan_key)) return;
  if (prev && prev->plan_loc.file == e->plan_loc.file && prev->plan_loc.off == e->plan_loc.off) return;
  error_at(m, "unknown-directive", e->plan_loc, dg_fmt(m->arena, "no plan %.*s is loaded", (int)e->plan_key.n, e->plan_key.p));
}

static void resolve_event(md_model *m, md_event *e, dt_day as_of) {
  e->items = resolve_ids(m, e, e->targets, &e->nitems);
  e->triggered = resolve_ids(m, e, e->triggers, &e->ntriggered);
  if (e->day == DT_MAX) return;              /* a date that does not exist: reported */
  if (e->day > as_of) {
    dg_add(m->diags, DG_ERROR, "progress-date", e->day_loc.file, e->day_loc.off, e->day_loc.len,
           "%s is after the as-of date %s: a record cannot hold what has not happened yet",
           md_day_text(m->arena, e->day), md_day_text(m->arena, as_of));
    return;
  }
  for (size_t i = 0; i < e->nitems; i++) {
    md_item *it = e->items[i];
    if (!it) continue;
    if (e->kind == MD_EV_REPORTED) check_part(m, e, it);
    check_twice(m, e, it);
    hang(m, it, e);
  }
  size_t i = 0;
  for (const md_strs *s = e->triggers; s; s = s->next, i++) {
    md_item *it = e->triggered[i];
    if (it && !waits(it))
      dg_add(m->diags, DG_WARNING, "progress-trigger", s->s.loc.file, s->s.loc.off, s->s.loc.len,
             "%s waits for nothing: none of its deadlines is conditional", it->id);
  }
}

void pg_resolve(md_model *m, dt_day as_of) {
  md_event *prev = m->progressed_event;
  for (md_event *e = prev ? prev->next : m->events; e; prev = e, e = e->next) {
    check_block(m, e, prev);
    resolve_event(m, e, as_of);
  }
  m->progressed_event = prev;
}
