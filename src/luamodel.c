/* luamodel: the model as read-only Lua objects; see luamodel.h.
 *
 * Every object is a userdata {type, pointer} sharing one protected
 * metatable. Each type lists its field names once (the tables below); the
 * same list answers `obj.field`, `pairs(obj)` and the "no field" error, so
 * the three can never disagree.
 *
 * Rules read fields millions of times in a national run, so the path of a
 * field read is kept short: __index finds the field's number in a Lua
 * table of the type's names (an upvalue: no strcmp, no registry lookup),
 * and lists fetch the proxy cache once rather than once per element. The
 * folded text of an item, the dearest value to compute, is kept in C
 * until lm_forget (see folded_of). */
#include "luamodel.h"

#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "cascade.h"
#include "lang.h"
#include "sandbox.h"
#include "text.h"

typedef enum ptype { T_PLAN, T_ITEM, T_BODY, T_DUE, T_LINK, T_MEASURE, T_PARENT } ptype;

typedef struct proxy {
  ptype t;
  void *p;
  md_item *item;             /* deadlines: the item that holds them */
  unsigned gen;              /* the model it was made for (view.gen) */
} proxy;

static const char *const type_names[] = { "plan", "item", "body", "deadline", "link", "measure", "parent" };
/* What a message calls an object of each type (translated with _()). */
static const char *const article[] = { N_("a plan"), N_("an item"), N_("a body"), N_("a deadline"), N_("a link"),
                                       N_("a measure"), N_("a parent") };

static const char MODEL_KEY[] = "plancheck.model";
static const char META_KEY[] = "plancheck.object";
static const char SCRATCH_KEY[] = "plancheck.scratch";
/* Registry keys that are addresses (lua_rawgetp): no string to hash. */
static const char CACHE_KEY = 0;     /* pointer -> proxy, weak values */
static const char NUMBERED_KEY = 0;  /* md_item.proxy, md_body.proxy -> proxy */
static const char VIEW_KEY = 0;      /* the view (struct view) */

/* The folded text of one item, kept until lm_forget. */
typedef struct fold_slot {
  const md_item *item;       /* NULL: empty */
  sl_slice text;
  uint64_t hash;             /* text_hash of text */
} fold_slot;

/* What the metamethods share, an upvalue of each: the model and the
 * folded texts computed so far (an open-addressing table by item, its
 * texts and array in `texts`, an arena the engine owns). */
struct lm_view {
  md_model *m;
  unsigned gen;              /* counts the models attached: a proxy made for
                                an earlier one (a script may keep one in a
                                global) points into freed memory once a part
                                of a large check is dropped, and is refused */
  ar_arena *texts;
  ar_arena *scratch;         /* the registry's, without the lookup */
  fold_slot *slots;
  size_t cap, n;             /* cap is 0 or a power of two */
  uint32_t numbered;         /* objects numbered (see number_of) for this model */
};
typedef lm_view view;

/* Upvalues of __index: the view, the metatable (to recognise proxies),
 * then one table per type mapping a field name to its number. */
enum { UP_VIEW = 1, UP_META = 2, UP_FIELDS = 3 };

static md_model *model_of(lua_State *L) {
  lua_getfield(L, LUA_REGISTRYINDEX, MODEL_KEY);
  md_model *m = lua_touserdata(L, -1);
  lua_pop(L, 1);
  if (!m) luaL_error(L, "%s", _("the plans are not loaded yet: use the model inside a rule's check function"));
  return m;
}

/* The arena for text made for one use (folded strings, canonical
 * deadlines, names), emptied each time it is asked for: every user pushes
 * what it made as a Lua string before anything else asks, so a script
 * calling fold in a loop cannot grow the run's memory, not even within
 * one call. The work is charged to the budget, one step per byte, and one
 * request may not be larger than the memory limit. */
static ar_arena *scratch_for(lua_State *L, ar_arena *a, size_t bytes) {
  sb_charge(L, bytes + 1);
  if (bytes > sb_of(L)->cap) luaL_error(L, "%s", _("not enough memory for the text the script asks for"));
  ar_reset(a);
  return a;
}

/* scratch_for on the registry's scratch arena. */
static ar_arena *scratch(lua_State *L, size_t bytes) {
  lua_getfield(L, LUA_REGISTRYINDEX, SCRATCH_KEY);
  ar_arena *a = lua_touserdata(L, -1);
  lua_pop(L, 1);
  return scratch_for(L, a, bytes);
}

/* ---- pushing values ---- */

static void push_slice(lua_State *L, sl_slice s) {
  lua_pushlstring(L, s.p ? s.p : "", s.n);
}

/* A literal's value, or nil when it was not given. */
static void push_opt(lua_State *L, const md_str *s) {
  if (s->value.n) push_slice(L, s->value);
  else lua_pushnil(L);
}

static void push_cstr(lua_State *L, const char *s) {
  if (s) lua_pushstring(L, s);
  else lua_pushnil(L);
}

static void push_day(lua_State *L, dt_day d) {
  if (d == DT_MIN || d == DT_MAX) {
    lua_pushnil(L);
    return;
  }
  char buf[11];
  dt_format(d, buf);
  lua_pushstring(L, buf);
}

static void push_level(lua_State *L, int level) {
  if (level == MD_LEVEL_NONE) lua_pushnil(L);
  else lua_pushstring(L, md_level_name(model_of(L), (md_level)level));
}

/* A mask of MD_LEVEL_BIT bits as a list of level names. */
static void push_levels(lua_State *L, unsigned mask) {
  lua_newtable(L);
  int n = 0;
  md_model *m = model_of(L);
  for (int l = 1; l <= m->nlevels; l++)
    if (mask & MD_LEVEL_BIT(l)) {
      lua_pushstring(L, md_level_name(m, l));
      lua_rawseti(L, -2, ++n);
    }
}

/* A place with its length, as a location table {file=, line=, col=, len=}
 * (col and len in code points): plancheck.report underlines the whole
 * span, where "file:line:col" marks one character. */
static void push_span(lua_State *L, md_model *m, md_loc l) {
  src_pos pos = src_position(m->src, l.file, l.off);
  lua_createtable(L, 0, 4);
  lua_pushstring(L, m->src->files[l.file].path);
  lua_setfield(L, -2, "file");
  lua_pushinteger(L, pos.line);
  lua_setfield(L, -2, "line");
  lua_pushinteger(L, pos.col);
  lua_setfield(L, -2, "col");
  lua_pushinteger(L, (lua_Integer)tx_codepoints(m->src->files[l.file].data + l.off, l.len));
  lua_setfield(L, -2, "len");
}

static void push_strs(lua_State *L, const md_strs *s) {
  lua_newtable(L);
  for (int n = 1; s; s = s->next, n++) {
    push_slice(L, s->s.value);
    lua_rawseti(L, -2, n);
  }
}

static lm_view *view_of(lua_State *L);

/* Where proxies are found and made: the proxy cache of their type, pushed
 * on the stack when the first proxy is looked for, and the metatable
 * (pushed above it) and the view when the first proxy is made: once per
 * list rather than once per element, since each is a registry lookup, and
 * not at all for an empty list or one of objects proxied already. A list
 * holds objects of one type. */
typedef struct home {
  int cache, meta;           /* stack indices; 0 until fetched */
  lm_view *v;
} home;

/* Pops what push_cached pushed besides the proxies. */
static void home_close(lua_State *L, const home *h) { lua_pop(L, (h->cache != 0) + (h->meta != 0)); }

/* Where an object of a numbered type keeps its number: items and bodies,
 * which rules read by the million (every task, every task's owner), are
 * found by number in a table's array part: no hashing. Other objects are
 * looked up by address. Both tables have weak values: a proxy nobody
 * holds goes, and is made again (under the same number) when asked for. */
static uint32_t *number_of(ptype t, void *p) {
  if (t == T_ITEM) return &((md_item *)p)->proxy;
  if (t == T_BODY) return &((md_body *)p)->proxy;
  return NULL;
}

/* Pushes the proxy of p if the cache has it. */
static int push_known(lua_State *L, int cache, ptype t, void *p) {
  uint32_t *n = number_of(t, p);
  if (!n) {
    if (lua_rawgetp(L, cache, p) == LUA_TUSERDATA) return 1;
  } else {
    /* The number is checked against the proxy found: a model attached
     * again numbers its objects afresh. */
    if (*n && lua_rawgeti(L, cache, *n) == LUA_TUSERDATA && ((proxy *)lua_touserdata(L, -1))->p == p) return 1;
    if (!*n) return 0;
  }
  lua_pop(L, 1);
  return 0;
}

/* Keeps the proxy on top of the stack in the cache. */
static void keep(lua_State *L, home *h, ptype t, void *p) {
  uint32_t *n = number_of(t, p);
  lua_pushvalue(L, -1);
  if (!n) {
    lua_rawsetp(L, h->cache, p);
    return;
  }
  /* Its number of this model again, when the slot is empty (its proxy
   * was collected): the array part then stays as long as the objects
   * read, however often their proxies are made again. */
  int empty = 0;
  if (*n && *n <= h->v->numbered) {
    empty = lua_rawgeti(L, h->cache, *n) == LUA_TNIL;
    lua_pop(L, 1);
  }
  if (!empty) *n = ++h->v->numbered;
  lua_rawseti(L, h->cache, *n);
}

/* The proxy of p from the cache, made the first time (or again once the
 * garbage collector has taken it: nobody holds the old one, so nobody can
 * tell). */
static void push_cached(lua_State *L, home *h, ptype t, void *p, md_item *item) {
  if (!h->cache) {
    lua_rawgetp(L, LUA_REGISTRYINDEX, number_of(t, p) ? (const void *)&NUMBERED_KEY : (const void *)&CACHE_KEY);
    h->cache = lua_gettop(L);
  }
  if (push_known(L, h->cache, t, p)) return;
  if (!h->meta) {
    h->v = view_of(L);
    luaL_getmetatable(L, META_KEY);
    h->meta = lua_gettop(L);
  }
  proxy *x = lua_newuserdatauv(L, sizeof *x, 0);
  *x = (proxy){ t, p, item, h->v ? h->v->gen : 0 };
  lua_pushvalue(L, h->meta);
  lua_setmetatable(L, -2);
  keep(L, h, t, p);
}

static void push_proxy(lua_State *L, ptype t, void *p, md_item *item) {
  if (!p) {
    lua_pushnil(L);
    return;
  }
  home h = { 0, 0, NULL };
  push_cached(L, &h, t, p, item);
  lua_replace(L, h.cache);   /* the proxy where the cache was */
  if (h.meta) lua_pop(L, 1);
}

void lm_push_plan(lua_State *L, md_plan *p) { push_proxy(L, T_PLAN, p, NULL); }
void lm_push_item(lua_State *L, md_item *it) { push_proxy(L, T_ITEM, it, NULL); }

void lm_push_due(lua_State *L, md_due *d, md_item *it) { push_proxy(L, T_DUE, d, it); }

/* ---- lists ---- */

/* A fresh list being filled: the table, with what making proxies needs
 * above it. */
typedef struct list {
  lua_State *L;
  int at;                    /* stack index of the list */
  home h;
  int n;
} list;

static list list_open(lua_State *L, int size) {
  lua_createtable(L, size, 0);
  return (list){ L, lua_gettop(L), { 0, 0, NULL }, 0 };
}

static void list_add_proxy(list *l, ptype t, void *p, md_item *item) {
  push_cached(l->L, &l->h, t, p, item);
  lua_rawseti(l->L, l->at, ++l->n);
}

static void list_add_slice(list *l, sl_slice s) {
  push_slice(l->L, s);
  lua_rawseti(l->L, l->at, ++l->n);
}

/* Leaves the list on top. */
static void list_close(list *l) {
  home_close(l->L, &l->h);
}

/* References as bodies; one that names no known body stays the text it
 * wrote (resolve reports it as unknown). */
static void push_refs(lua_State *L, const md_ref *r) {
  int size = 0;
  for (const md_ref *c = r; c; c = c->next) size++;
  list l = list_open(L, size);
  for (; r; r = r->next) {
    if (r->body) list_add_proxy(&l, T_BODY, r->body, NULL);
    else list_add_slice(&l, r->text);
  }
  list_close(&l);
}

/* The first of a list of bodies (a proxy, or the name as written when it
 * names no known body), or nil: `owner`, which a rule reads for every
 * task, without making a table. */
static void push_first_ref(lua_State *L, const md_ref *r) {
  if (!r) lua_pushnil(L);
  else if (r->body) push_proxy(L, T_BODY, r->body, NULL);
  else push_slice(L, r->text);
}

typedef struct collect {
  list *l;
  int tasks_only;
  int n;                     /* counting only, when l is NULL */
} collect;

static int collect_item(md_item *it, void *ctx) {
  collect *c = ctx;
  if (c->tasks_only && it->kind != MD_TASK) return 0;
  if (c->l) list_add_proxy(c->l, T_ITEM, it, NULL);
  else c->n++;
  return 0;
}

/* Every item below root (or every task), depth first: counted first, so
 * that the table is made at its size once rather than grown. */
static void push_walk(lua_State *L, md_item *root, int tasks_only) {
  collect c = { NULL, tasks_only, 0 };
  md_walk(root, collect_item, &c);
  list l = list_open(L, c.n);
  c.l = &l;
  md_walk(root, collect_item, &c);
  list_close(&l);
}

/* Every deadline (or measure) of the items below a root, in document
 * order, for rules about deadlines or targets: they need not make a list
 * for each item, most of which have none. */
typedef struct collect_parts {
  list *l;                   /* NULL: counting */
  int n;
  int measures;              /* measures, not deadlines */
} collect_parts;

static int collect_part(md_item *it, void *ctx) {
  collect_parts *c = ctx;
  if (c->measures) {
    for (md_measure *ms = it->measures; ms; ms = ms->next) {
      if (c->l) list_add_proxy(c->l, T_MEASURE, ms, NULL);
      else c->n++;
    }
  } else {
    for (md_due *d = it->dues; d; d = d->next) {
      if (c->l) list_add_proxy(c->l, T_DUE, d, it);
      else c->n++;
    }
  }
  return 0;
}

static void push_parts_below(lua_State *L, md_item *root, int measures) {
  collect_parts c = { NULL, 0, measures };
  md_walk(root, collect_part, &c);
  list l = list_open(L, c.n);
  c.l = &l;
  md_walk(root, collect_part, &c);
  list_close(&l);
}

static void push_plan_dues(lua_State *L, md_item *root) { push_parts_below(L, root, 0); }
static void push_plan_measures(lua_State *L, md_item *root) { push_parts_below(L, root, 1); }

static void push_children(lua_State *L, md_item *parent) {
  int size = 0;
  for (md_item *it = parent->first; it; it = it->next) size++;
  list l = list_open(L, size);
  for (md_item *it = parent->first; it; it = it->next) list_add_proxy(&l, T_ITEM, it, NULL);
  list_close(&l);
}

/* The loaded ancestors, nearest first, each once. */
static void push_chain(lua_State *L, md_plan *p) {
  list l = list_open(L, 0);
  md_plan *queue[64];
  int head = 0, tail = 0;
  queue[tail++] = p;
  while (head < tail) {
    md_plan *q = queue[head++];
    for (md_parent *pa = q->parents; pa; pa = pa->next) {
      if (!pa->plan) continue;
      int seen = 0;
      for (int i = 0; i < tail; i++) seen |= queue[i] == pa->plan;
      if (seen || tail == (int)(sizeof queue / sizeof *queue)) continue;
      queue[tail++] = pa->plan;
      list_add_proxy(&l, T_PLAN, pa->plan, NULL);
    }
  }
  list_close(&l);
}

static void push_parents(lua_State *L, md_parent *pa) {
  int size = 0;
  for (md_parent *c = pa; c; c = c->next) size++;
  list l = list_open(L, size);
  for (; pa; pa = pa->next) list_add_proxy(&l, T_PARENT, pa, NULL);
  list_close(&l);
}

/* ---- deadlines ---- */


/* Which parts of a deadline concern its plan: the plan's level, and the
 * structure its stages are read in. */
typedef struct at_level {
  md_model *m;
  const md_structure *st;
  md_level level;
} at_level;

static at_level level_of_plan(md_model *m, const md_plan *p) {
  return (at_level){ m, p ? p->structure : NULL, p ? p->level : MD_LEVEL_NONE };
}

static at_level due_level(lua_State *L, const proxy *x) {
  return level_of_plan(model_of(L), x->item ? x->item->plan : NULL);
}

static int applies(const dl_deadline *d, at_level at) { return md_applies(at.m, at.st, d, at.level); }

static void set_str(lua_State *L, const char *k, const char *v) {
  if (!v) return;
  lua_pushstring(L, v);
  lua_setfield(L, -2, k);
}

static void set_slice(lua_State *L, const char *k, sl_slice v) {
  if (!v.n) return;
  push_slice(L, v);
  lua_setfield(L, -2, k);
}

static void set_day(lua_State *L, const char *k, dt_day d) {
  push_day(L, d);
  lua_setfield(L, -2, k);
}

/* A part as a table, made at its final size: grown field by field it
 * would be rehashed four times. */
static void push_part(lua_State *L, const dl_deadline *d, at_level level) {
  lua_createtable(L, 0, 14);
  dt_span s = dl_span(d);
  set_str(L, "kind", dl_kind_name(d->kind));
  set_str(L, "stage", md_stage_name(level.m, level.st, (int)d->stage));
  set_day(L, "earliest", s.first);
  set_day(L, "latest", s.last);
  set_str(L, "unit", dl_unit_name(d->unit));
  set_str(L, "period", dl_period_name(d->period));
  if (d->month) {
    lua_pushinteger(L, d->month);
    lua_setfield(L, -2, "month");
  }
  if (d->kind == DL_EVENT && d->delay_days >= 0) {
    lua_pushinteger(L, d->delay_days);
    lua_setfield(L, -2, "delay");
  }
  set_slice(L, "event", d->event_doc);
  set_slice(L, "issuer", d->event_issuer);
  set_slice(L, "plan", d->plan_ref);
  set_str(L, "canonical", dl_canonical(scratch(L, 64), d));
  lua_pushboolean(L, applies(d, level));
  lua_setfield(L, -2, "applies");
}

static void push_parts(lua_State *L, const md_due *due, at_level level) {
  lua_newtable(L);
  int n = 0;
  for (const dl_deadline *d = due->dl; d; d = d->next) {
    push_part(L, d, level);
    lua_rawseti(L, -2, ++n);
  }
}

/* The earliest first day (which = 0) or latest last day (1) over the parts
 * that concern the plan's level; nil when any of them is open there. */
static void push_bound(lua_State *L, const md_due *due, at_level level, int which) {
  dt_day best = which ? DT_MIN : DT_MAX;
  int any = 0;
  for (const dl_deadline *d = due->dl; d; d = d->next) {
    if (!applies(d, level)) continue;
    dt_span s = dl_span(d);
    dt_day v = which ? s.last : s.first;
    if (v == DT_MIN || v == DT_MAX) {
      lua_pushnil(L);
      return;
    }
    best = which ? (v > best ? v : best) : (v < best ? v : best);
    any = 1;
  }
  if (any) push_day(L, best);
  else lua_pushnil(L);
}

/* The first of the last days of the parts that concern the plan's level,
 * over those that have one; DT_MAX when none has. */
static dt_day earliest_end(const md_due *due, at_level level) {
  dt_day best = DT_MAX;
  for (const dl_deadline *d = due->dl; d; d = d->next) {
    dt_day last = dl_span(d).last;
    if (applies(d, level) && last != DT_MIN && last < best) best = last;
  }
  return best;
}

static void push_earliest_end(lua_State *L, const md_due *due, at_level level) {
  push_day(L, earliest_end(due, level));   /* nil for DT_MAX */
}

typedef struct first_end { md_model *m; dt_day best; } first_end;

static int first_end_in(md_item *it, void *ctx) {
  first_end *f = ctx;
  at_level level = level_of_plan(f->m, it->plan);
  for (const md_due *d = it->dues; d; d = d->next) {
    dt_day end = earliest_end(d, level);
    if (end < f->best) f->best = end;
  }
  return 0;
}

/* plan.earliest_end: the first deadline.earliest_end over plan.deadlines,
 * found without making a proxy per deadline, so that a rule about ends
 * (deadline-before-issue) reads the deadlines of only the plans that have
 * an end early enough. */
static void push_plan_earliest_end(lua_State *L, md_item *root) {
  first_end f = { model_of(L), DT_MAX };
  md_walk(root, first_end_in, &f);
  push_day(L, f.best);
}

static const dl_deadline *first_applying(const md_due *due, at_level level) {
  for (const dl_deadline *d = due->dl; d; d = d->next)
    if (applies(d, level)) return d;
  return due->dl;
}

static md_loc loc_of(const proxy *x) {
  switch (x->t) {
  case T_PLAN: return ((md_plan *)x->p)->loc;
  case T_ITEM: return ((md_item *)x->p)->loc;
  case T_BODY: return ((md_body *)x->p)->loc;
  case T_DUE: return ((md_due *)x->p)->phrase.loc;
  case T_LINK: return ((md_link *)x->p)->target.loc;
  case T_MEASURE: return ((md_measure *)x->p)->loc;
  case T_PARENT: return ((md_parent *)x->p)->loc;
  }
  return (md_loc){ 0, 0, 0 };
}

/* ---- fields ----
 *
 * Each type's fields are the rows of a table, {name, getter}, in the
 * documented order (which pairs() follows): a name cannot drift apart from
 * the code that answers it. The first rows of every table are the same
 * (COMMON_FIELDS). */

/* What a getter reads: the object and the view it is seen through. */
typedef struct object {
  const proxy *x;
  view *v;
} object;
typedef void getter(lua_State *L, const object *o);
typedef struct field {
  const char *name;
  getter *get;
} field;

static src_pos position_of(const object *o) {
  md_loc l = loc_of(o->x);
  return src_position(o->v->m->src, l.file, l.off);
}
static const char *path_of(const object *o) { return o->v->m->src->files[loc_of(o->x).file].path; }

static void common_type(lua_State *L, const object *o) { lua_pushstring(L, type_names[o->x->t]); }
static void common_file(lua_State *L, const object *o) { lua_pushstring(L, path_of(o)); }
static void common_line(lua_State *L, const object *o) { lua_pushinteger(L, position_of(o).line); }
static void common_col(lua_State *L, const object *o) { lua_pushinteger(L, position_of(o).col); }
static void common_location(lua_State *L, const object *o) {
  src_pos pos = position_of(o);
  lua_pushfstring(L, "%s:%d:%d", path_of(o), (int)pos.line, (int)pos.col);
}
#define COMMON_FIELDS                                                                                       \
  { "type", common_type }, { "file", common_file }, { "line", common_line }, { "col", common_col },           \
  { "location", common_location }

static void plan_key(lua_State *L, const object *o) { md_plan *p = o->x->p; push_slice(L, p->key); }
static void plan_numbered(lua_State *L, const object *o) { md_plan *p = o->x->p; lua_pushboolean(L, p->numbered); }
static void plan_kind(lua_State *L, const object *o) { md_plan *p = o->x->p; push_opt(L, &p->kind); }
static void plan_title(lua_State *L, const object *o) { md_plan *p = o->x->p; push_opt(L, &p->title); }
static void plan_place(lua_State *L, const object *o) { md_plan *p = o->x->p; push_opt(L, &p->place); }
static void plan_signer(lua_State *L, const object *o) { md_plan *p = o->x->p; push_opt(L, &p->signer); }
static void plan_role(lua_State *L, const object *o) { md_plan *p = o->x->p; push_opt(L, &p->role); }
static void plan_unavailable(lua_State *L, const object *o) { md_plan *p = o->x->p; push_opt(L, &p->unavailable); }
static void plan_date(lua_State *L, const object *o) {
  md_plan *p = o->x->p;
  if (p->date_known) push_day(L, p->date); else lua_pushnil(L);
}
static void plan_level(lua_State *L, const object *o) { md_plan *p = o->x->p; push_level(L, p->level); }
static void plan_structure(lua_State *L, const object *o) {
  md_plan *p = o->x->p;
  if (p->structure) push_slice(L, p->structure->id); else lua_pushnil(L);
}
static void plan_issuers(lua_State *L, const object *o) { md_plan *p = o->x->p; push_refs(L, p->issuer); }
static void plan_basis(lua_State *L, const object *o) { md_plan *p = o->x->p; push_strs(L, p->basis); }
static void plan_recipients(lua_State *L, const object *o) { md_plan *p = o->x->p; push_strs(L, p->recipients); }
static void plan_notes(lua_State *L, const object *o) { md_plan *p = o->x->p; push_strs(L, p->notes); }
static void plan_parents(lua_State *L, const object *o) { md_plan *p = o->x->p; push_parents(L, p->parents); }
static void plan_chain(lua_State *L, const object *o) { md_plan *p = o->x->p; push_chain(L, p); }
static void plan_children(lua_State *L, const object *o) { md_plan *p = o->x->p; push_children(L, &p->root); }
static void plan_items(lua_State *L, const object *o) { md_plan *p = o->x->p; push_walk(L, &p->root, 0); }
static void plan_directives(lua_State *L, const object *o) { md_plan *p = o->x->p; push_walk(L, &p->root, 1); }
static void plan_deadlines(lua_State *L, const object *o) { md_plan *p = o->x->p; push_plan_dues(L, &p->root); }
static void plan_measures(lua_State *L, const object *o) { md_plan *p = o->x->p; push_plan_measures(L, &p->root); }
static void plan_date_span(lua_State *L, const object *o) {
  md_plan *p = o->x->p;
  if (p->date_known) push_span(L, o->v->m, p->date_loc); else lua_pushnil(L);
}
static void plan_earliest_end(lua_State *L, const object *o) {
  md_plan *p = o->x->p;
  push_plan_earliest_end(L, &p->root);
}

/* The paragraphs joined with newlines; one paragraph (the usual case) is
 * pushed as it is, with no buffer. */
static void push_text(lua_State *L, const md_strs *s) {
  if (!s || !s->next) {
    push_slice(L, s ? s->s.value : SL_NONE);
    return;
  }
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  for (; s; s = s->next) {
    luaL_addlstring(&b, s->s.value.p, s->s.value.n);
    if (s->next) luaL_addchar(&b, '\n');
  }
  luaL_pushresult(&b);
}

static void push_dues(lua_State *L, md_item *it) {
  int size = 0;
  for (md_due *d = it->dues; d; d = d->next) size++;
  list l = list_open(L, size);
  for (md_due *d = it->dues; d; d = d->next) list_add_proxy(&l, T_DUE, d, it);
  list_close(&l);
}

static void push_links(lua_State *L, md_item *it) {
  int size = 0;
  for (md_link *k = it->implements; k; k = k->next) size++;
  list l = list_open(L, size);
  for (md_link *k = it->implements; k; k = k->next) list_add_proxy(&l, T_LINK, k, NULL);
  list_close(&l);
}

static void push_measures(lua_State *L, md_item *it) {
  int size = 0;
  for (md_measure *ms = it->measures; ms; ms = ms->next) size++;
  list l = list_open(L, size);
  for (md_measure *ms = it->measures; ms; ms = ms->next) list_add_proxy(&l, T_MEASURE, ms, NULL);
  list_close(&l);
}

/* ---- folded texts ---- */

/* Two rules of the standard library compare folded texts, and folding
 * (NFC, case folding, tone marks) costs some tens of instructions a byte:
 * an item's folded text is made once and kept until lm_forget, which the
 * engine calls when a plan's rules are done. The texts live in an arena
 * outside Lua's memory, bounded by the scripts' memory limit: when it
 * would grow past it, everything kept is dropped and folding starts over,
 * so a script walking every plan of a national run holds no more than
 * that. */

static size_t slot_of(const view *v, const md_item *it) {
  uint64_t h = (uint64_t)(uintptr_t)it * 0x9E3779B97F4A7C15ull;
  return (size_t)(h >> 32) & (v->cap - 1);
}

static fold_slot *find_slot(const view *v, const md_item *it) {
  if (!v->cap) return NULL;
  for (size_t i = slot_of(v, it);; i = (i + 1) & (v->cap - 1))
    if (v->slots[i].item == it || !v->slots[i].item) return &v->slots[i];
}

static void forget(view *v) {
  ar_recycle(v->texts);      /* its pages serve the next plan */
  v->slots = NULL;
  v->cap = v->n = 0;
}

/* Doubles the table (from 64 slots) when it is half full. */
static void grow_slots(view *v) {
  if (2 * (v->n + 1) <= v->cap) return;
  fold_slot *old = v->slots;
  size_t oldcap = v->cap;
  v->cap = oldcap ? oldcap * 2 : 64;
  v->slots = ar_alloc(v->texts, v->cap * sizeof *v->slots);
  for (size_t i = 0; i < oldcap; i++)
    if (old[i].item) *find_slot(v, old[i].item) = old[i];
}

/* The item's text, in one piece: the paragraph itself, or the paragraphs
 * joined with newlines in `a`. */
static sl_slice joined_text(ar_arena *a, const md_strs *s) {
  if (!s) return SL_NONE;
  if (!s->next) return s->s.value;
  size_t n = 0;
  for (const md_strs *c = s; c; c = c->next) n += c->s.value.n + 1;
  char *d = ar_alloc(a, n), *o = d;
  for (; s; s = s->next) {
    if (s->s.value.n) memcpy(o, s->s.value.p, s->s.value.n);
    o += s->s.value.n;
    if (s->next) *o++ = '\n';
  }
  return (sl_slice){ d, (size_t)(o - d) };
}

/* Eight bytes (or the n < 8 that are left) as a little-endian number, so
 * that folded_hash is the same on every machine; compilers make the
 * eight-byte form one load. */
static uint64_t word8(const unsigned char *p) {
  return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 | (uint64_t)p[3] << 24 |
         (uint64_t)p[4] << 32 | (uint64_t)p[5] << 40 | (uint64_t)p[6] << 48 | (uint64_t)p[7] << 56;
}

static uint64_t word_tail(const unsigned char *p, size_t n) {
  uint64_t w = 0;
  for (size_t i = 0; i < n; i++) w |= (uint64_t)p[i] << (8 * i);
  return w;
}

/* The number folded_hash gives: eight bytes at a time, since every
 * directive's folded text is hashed (FNV, a byte at a time, cost as much
 * as a tenth of the standard rules). Equal texts hash alike; that is all
 * a rule may rely on. */
static uint64_t text_hash(const char *text, size_t n) {
  const unsigned char *s = (const unsigned char *)text;
  uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
  for (; n >= 8; s += 8, n -= 8) {
    h = (h ^ word8(s)) * 0xFF51AFD7ED558CCDull;
    h ^= h >> 32;
  }
  h = (h ^ word_tail(s, n)) * 0xC4CEB9FE1A85EC53ull;
  return h ^ (h >> 29);
}

/* plancheck.fold(item.text), made once: folded in the scratch arena,
 * which charges the budget, then kept. */
static const fold_slot *folded_of(lua_State *L, view *v, const md_item *it) {
  fold_slot *s = find_slot(v, it);
  if (s && s->item) return s;
  size_t bytes = 0;
  for (const md_strs *c = it->texts; c; c = c->next) bytes += c->s.value.n + 1;
  ar_arena *a = scratch_for(L, v->scratch, bytes);
  sl_slice t = joined_text(a, it->texts);
  sl_slice f = tx_fold_tones(a, t.p ? t.p : "", t.n);
  if (v->texts->used + f.n + 2 * (v->cap + 64) * sizeof *v->slots > sb_of(L)->cap) forget(v);
  grow_slots(v);
  s = find_slot(v, it);
  *s = (fold_slot){ it, ar_slice_dup(v->texts, f), text_hash(f.p, f.n) };
  v->n++;
  return s;
}

static void item_kind(lua_State *L, const object *o) {
  md_item *it = o->x->p;
  lua_pushstring(L, md_item_kind_name(it->kind));
}
static void item_id(lua_State *L, const object *o) { md_item *it = o->x->p; push_cstr(L, it->id); }
static void item_label(lua_State *L, const object *o) {
  md_item *it = o->x->p;
  if (it->label.n) push_slice(L, it->label); else lua_pushnil(L);
}
static void item_number(lua_State *L, const object *o) {
  md_item *it = o->x->p;
  md_label l = md_label_parse(it->label);
  if (l.number.n) push_slice(L, l.number);
  else lua_pushnil(L);
}
static void item_text(lua_State *L, const object *o) { md_item *it = o->x->p; push_text(L, it->texts); }
static void item_folded_text(lua_State *L, const object *o) {
  md_item *it = o->x->p;
  push_slice(L, folded_of(L, o->v, it)->text);
}
static void item_folded_hash(lua_State *L, const object *o) {
  md_item *it = o->x->p;
  lua_pushinteger(L, (lua_Integer)(folded_of(L, o->v, it)->hash & LUA_MAXINTEGER));
}
static void item_paragraphs(lua_State *L, const object *o) { md_item *it = o->x->p; push_strs(L, it->texts); }
static void item_owners(lua_State *L, const object *o) { md_item *it = o->x->p; push_refs(L, it->owners); }
static void item_owner(lua_State *L, const object *o) { md_item *it = o->x->p; push_first_ref(L, it->owners); }
static void item_by(lua_State *L, const object *o) { md_item *it = o->x->p; push_refs(L, it->by); }
static void item_with(lua_State *L, const object *o) { md_item *it = o->x->p; push_refs(L, it->with); }
static void item_reports_to(lua_State *L, const object *o) { md_item *it = o->x->p; push_refs(L, it->reports); }
static void item_via(lua_State *L, const object *o) { md_item *it = o->x->p; push_refs(L, it->via); }
static void item_deadlines(lua_State *L, const object *o) { md_item *it = o->x->p; push_dues(L, it); }
static void item_links(lua_State *L, const object *o) { md_item *it = o->x->p; push_links(L, it); }
static void item_cascade(lua_State *L, const object *o) {
  md_item *it = o->x->p;
  push_levels(L, it->cascade & md_plan_levels(it->plan));
}
static void item_scope(lua_State *L, const object *o) { md_item *it = o->x->p; push_levels(L, it->scope); }
static void item_measures(lua_State *L, const object *o) { md_item *it = o->x->p; push_measures(L, it); }
static void item_reason(lua_State *L, const object *o) { md_item *it = o->x->p; push_opt(L, &it->reason); }
static void item_until(lua_State *L, const object *o) {
  md_item *it = o->x->p;
  if (it->kind == MD_WAIVER) push_day(L, it->until); else lua_pushnil(L);
}
static void item_notes(lua_State *L, const object *o) { md_item *it = o->x->p; push_strs(L, it->notes); }
static void item_parent(lua_State *L, const object *o) {
  md_item *it = o->x->p;
  int top = !it->parent || !it->plan || it->parent == &it->plan->root;
  if (top) lua_pushnil(L);
  else lm_push_item(L, it->parent);
}
static void item_children(lua_State *L, const object *o) { md_item *it = o->x->p; push_children(L, it); }
static void item_plan(lua_State *L, const object *o) { md_item *it = o->x->p; lm_push_plan(L, it->plan); }
static void item_fingerprint(lua_State *L, const object *o) {
  md_item *it = o->x->p;
  push_cstr(L, it->kind == MD_TASK ? cs_fingerprint(o->v->m, it) : NULL);
}

static void body_id(lua_State *L, const object *o) { md_body *b = o->x->p; push_slice(L, b->id); }
static void body_name(lua_State *L, const object *o) { md_body *b = o->x->p; push_slice(L, b->name.value); }
static void body_level(lua_State *L, const object *o) { md_body *b = o->x->p; push_level(L, b->level); }
static void body_aliases(lua_State *L, const object *o) { md_body *b = o->x->p; push_strs(L, b->aliases); }
static void body_counterparts(lua_State *L, const object *o) { md_body *b = o->x->p; push_refs(L, b->counterparts); }
static void body_addresses(lua_State *L, const object *o) { md_body *b = o->x->p; push_levels(L, b->addresses); }
/* The bodies that took its work over (`succeeds` in theirs), and those
 * whose work it took over. */
static void body_successors(lua_State *L, const object *o) {
  md_body *b = o->x->p;
  int size = 0;
  for (const md_successor *s = b->successors; s; s = s->next) size++;
  list l = list_open(L, size);
  for (const md_successor *s = b->successors; s; s = s->next) list_add_proxy(&l, T_BODY, s->body, NULL);
  list_close(&l);
}
static void body_succeeds(lua_State *L, const object *o) {
  md_body *b = o->x->p;
  int size = 0;
  for (const md_succession *s = b->succeeds; s; s = s->next)
    for (const md_ref *r = s->refs; r; r = r->next) size++;
  list l = list_open(L, size);
  for (const md_succession *s = b->succeeds; s; s = s->next)
    for (const md_ref *r = s->refs; r; r = r->next) {
      if (r->body) list_add_proxy(&l, T_BODY, r->body, NULL);
      else list_add_slice(&l, r->text);
    }
  list_close(&l);
}
static void body_ended(lua_State *L, const object *o) { push_day(L, md_body_end(o->x->p)); }
static void body_exists(lua_State *L, const object *o) { md_body *b = o->x->p; push_levels(L, b->exists); }
static void body_collective(lua_State *L, const object *o) {
  md_body *b = o->x->p;
  lua_pushboolean(L, b->addresses != 0);
}
static void body_notes(lua_State *L, const object *o) { md_body *b = o->x->p; push_strs(L, b->notes); }

static void due_phrase(lua_State *L, const object *o) { md_due *d = o->x->p; push_slice(L, d->phrase.value); }
static void due_as(lua_State *L, const object *o) { md_due *d = o->x->p; push_opt(L, &d->as); }
static void due_what(lua_State *L, const object *o) { md_due *d = o->x->p; push_opt(L, &d->what); }
static void due_after(lua_State *L, const object *o) { md_due *d = o->x->p; push_opt(L, &d->after); }
static void due_awaits(lua_State *L, const object *o) { md_due *d = o->x->p; lm_push_item(L, d->awaits); }
static void due_item(lua_State *L, const object *o) { lm_push_item(L, o->x->item); }
static void due_recognized(lua_State *L, const object *o) { md_due *d = o->x->p; lua_pushboolean(L, d->dl != NULL); }
static void due_canonical(lua_State *L, const object *o) {
  md_due *d = o->x->p;
  push_cstr(L, d->dl ? dl_canonical_chain(scratch(L, d->phrase.value.n), d->dl) : NULL);
}
static void due_kind(lua_State *L, const object *o) {
  md_due *d = o->x->p;
  at_level level = due_level(L, o->x);
  lua_pushstring(L, dl_kind_name(d->dl ? first_applying(d, level)->kind : DL_UNRECOGNIZED));
}
static void due_earliest(lua_State *L, const object *o) {
  md_due *d = o->x->p;
  at_level level = due_level(L, o->x);
  push_bound(L, d, level, 0);
}
static void due_latest(lua_State *L, const object *o) {
  md_due *d = o->x->p;
  at_level level = due_level(L, o->x);
  push_bound(L, d, level, 1);
}
static void due_earliest_end(lua_State *L, const object *o) {
  md_due *d = o->x->p;
  at_level level = due_level(L, o->x);
  push_earliest_end(L, d, level);
}
static void due_parts(lua_State *L, const object *o) {
  md_due *d = o->x->p;
  at_level level = due_level(L, o->x);
  push_parts(L, d, level);
}

static void link_target(lua_State *L, const object *o) { md_link *k = o->x->p; push_slice(L, k->target.value); }
static void link_item(lua_State *L, const object *o) { md_link *k = o->x->p; lm_push_item(L, k->item); }
static void link_from(lua_State *L, const object *o) { md_link *k = o->x->p; lm_push_item(L, k->from); }
static void link_fingerprint(lua_State *L, const object *o) { md_link *k = o->x->p; push_opt(L, &k->fingerprint); }
static void link_current(lua_State *L, const object *o) {
  md_link *k = o->x->p;
  push_cstr(L, k->item && k->item->kind == MD_TASK ? cs_fingerprint(o->v->m, k->item) : NULL);
}
static void link_reason(lua_State *L, const object *o) { md_link *k = o->x->p; push_opt(L, &k->reason); }


/* 90, not 90.0, when the value is whole: it reads as the document does. */
static void push_number(lua_State *L, const char *op, double v) {
  if (!op) lua_pushnil(L);
  else if (v == (double)(lua_Integer)v && v > -1e15 && v < 1e15) lua_pushinteger(L, (lua_Integer)v);
  else lua_pushnumber(L, v);
}

static void measure_name(lua_State *L, const object *o) { md_measure *ms = o->x->p; push_slice(L, ms->name.value); }
static void measure_phrase(lua_State *L, const object *o) { md_measure *ms = o->x->p; push_opt(L, &ms->phrase); }
static void measure_op(lua_State *L, const object *o) { md_measure *ms = o->x->p; push_cstr(L, ms->op); }
static void measure_value(lua_State *L, const object *o) {
  md_measure *ms = o->x->p;
  push_number(L, ms->op, ms->value);
}
static void measure_percent(lua_State *L, const object *o) {
  md_measure *ms = o->x->p;
  lua_pushboolean(L, ms->percent);
}
static void measure_unit(lua_State *L, const object *o) { md_measure *ms = o->x->p; push_opt(L, &ms->unit); }
static void measure_period(lua_State *L, const object *o) {
  md_measure *ms = o->x->p;
  push_cstr(L, ms->period > 0 && ms->period <= DL_PERIOD_UNSPECIFIED ? dl_period_name((dl_period)ms->period) : NULL);
}
static void measure_by_year(lua_State *L, const object *o) {
  md_measure *ms = o->x->p;
  if (ms->by_year) lua_pushinteger(L, ms->by_year); else lua_pushnil(L);
}
static void measure_value_text(lua_State *L, const object *o) {
  md_measure *ms = o->x->p;
  /* As written: "1234567", "0,4", the phrase; never "1.23457e+06". */
  md_loc l = ms->value_loc;
  if (ms->phrase.value.n) push_slice(L, ms->phrase.value);
  else lua_pushlstring(L, o->v->m->src->files[l.file].data + l.off, l.len);
}
static void measure_value_span(lua_State *L, const object *o) {
  md_measure *ms = o->x->p;
  push_span(L, o->v->m, ms->value_loc);
}

static void parent_number(lua_State *L, const object *o) { md_parent *pa = o->x->p; push_slice(L, pa->number.value); }
static void parent_path(lua_State *L, const object *o) { md_parent *pa = o->x->p; push_opt(L, &pa->path); }
static void parent_plan(lua_State *L, const object *o) { md_parent *pa = o->x->p; lm_push_plan(L, pa->plan); }
static void parent_available(lua_State *L, const object *o) {
  md_parent *pa = o->x->p;
  lua_pushboolean(L, pa->plan != NULL);
}
static void parent_title(lua_State *L, const object *o) {
  md_parent *pa = o->x->p;
  md_plan *d = pa->desc;
  if (d) push_opt(L, &d->title); else lua_pushnil(L);
}
static void parent_date(lua_State *L, const object *o) {
  md_parent *pa = o->x->p;
  md_plan *d = pa->desc;
  if (d && d->date_known) push_day(L, d->date); else lua_pushnil(L);
}
static void parent_level(lua_State *L, const object *o) {
  md_parent *pa = o->x->p;
  md_plan *d = pa->desc;
  push_level(L, d ? (int)d->level : 0);
}
static void parent_unavailable(lua_State *L, const object *o) {
  md_parent *pa = o->x->p;
  md_plan *d = pa->desc;
  if (d) push_opt(L, &d->unavailable); else lua_pushnil(L);
}

static const field plan_fields[] = {
  COMMON_FIELDS,
  { "key", plan_key },
  { "numbered", plan_numbered },
  { "kind", plan_kind },
  { "title", plan_title },
  { "place", plan_place },
  { "signer", plan_signer },
  { "role", plan_role },
  { "unavailable", plan_unavailable },
  { "date", plan_date },
  { "level", plan_level },
  { "structure", plan_structure },
  { "issuers", plan_issuers },
  { "basis", plan_basis },
  { "recipients", plan_recipients },
  { "notes", plan_notes },
  { "parents", plan_parents },
  { "chain", plan_chain },
  { "children", plan_children },
  { "items", plan_items },
  { "directives", plan_directives },
  { "deadlines", plan_deadlines },
  { "measures", plan_measures },
  { "date_span", plan_date_span },
  { "earliest_end", plan_earliest_end },
  { NULL, NULL },
};
static const field item_fields[] = {
  COMMON_FIELDS,
  { "kind", item_kind },
  { "id", item_id },
  { "label", item_label },
  { "number", item_number },
  { "text", item_text },
  { "folded_text", item_folded_text },
  { "folded_hash", item_folded_hash },
  { "paragraphs", item_paragraphs },
  { "owners", item_owners },
  { "owner", item_owner },
  { "by", item_by },
  { "with", item_with },
  { "reports_to", item_reports_to },
  { "via", item_via },
  { "deadlines", item_deadlines },
  { "links", item_links },
  { "cascade", item_cascade },
  { "scope", item_scope },
  { "measures", item_measures },
  { "reason", item_reason },
  { "until", item_until },
  { "notes", item_notes },
  { "parent", item_parent },
  { "children", item_children },
  { "plan", item_plan },
  { "fingerprint", item_fingerprint },
  { NULL, NULL },
};
static const field body_fields[] = {
  COMMON_FIELDS,
  { "id", body_id },
  { "name", body_name },
  { "level", body_level },
  { "aliases", body_aliases },
  { "counterparts", body_counterparts },
  { "addresses", body_addresses },
  { "exists", body_exists },
  { "successors", body_successors },
  { "succeeds", body_succeeds },
  { "ended", body_ended },
  { "collective", body_collective },
  { "notes", body_notes },
  { NULL, NULL },
};
static const field due_fields[] = {
  COMMON_FIELDS,
  { "phrase", due_phrase },
  { "as", due_as },
  { "what", due_what },
  { "after", due_after },
  { "awaits", due_awaits },
  { "item", due_item },
  { "recognized", due_recognized },
  { "canonical", due_canonical },
  { "kind", due_kind },
  { "earliest", due_earliest },
  { "latest", due_latest },
  { "earliest_end", due_earliest_end },
  { "parts", due_parts },
  { NULL, NULL },
};
static const field link_fields[] = {
  COMMON_FIELDS,
  { "target", link_target },
  { "item", link_item },
  { "from", link_from },
  { "fingerprint", link_fingerprint },
  { "current", link_current },
  { "reason", link_reason },
  { NULL, NULL },
};
static const field measure_fields[] = {
  COMMON_FIELDS,
  { "name", measure_name },
  { "phrase", measure_phrase },
  { "op", measure_op },
  { "value", measure_value },
  { "percent", measure_percent },
  { "unit", measure_unit },
  { "period", measure_period },
  { "by_year", measure_by_year },
  { "value_text", measure_value_text },
  { "value_span", measure_value_span },
  { NULL, NULL },
};
static const field parent_fields[] = {
  COMMON_FIELDS,
  { "number", parent_number },
  { "path", parent_path },
  { "plan", parent_plan },
  { "available", parent_available },
  { "title", parent_title },
  { "date", parent_date },
  { "level", parent_level },
  { "unavailable", parent_unavailable },
  { NULL, NULL },
};
static const field *const fields_of[] = {
  plan_fields, item_fields, body_fields, due_fields, link_fields, measure_fields, parent_fields,
};

static void push_field(lua_State *L, view *v, const proxy *x, int f) {
  fields_of[x->t][f].get(L, &(object){ x, v });
}

/* ---- the metatable ---- */

/* Raises an error for a proxy of a model no longer attached. */
static void check_live(lua_State *L, const proxy *x, const lm_view *v) {
  if (x->gen != v->gen)
    luaL_error(L, _("%s kept from an earlier part of the run cannot be used: its plans are gone (look it up again "
                 "in the current plan)"), _(article[x->t]));
}

static proxy *check_proxy(lua_State *L, int idx) {
  proxy *x = luaL_checkudata(L, idx, META_KEY);
  check_live(L, x, view_of(L));
  return x;
}

/* The view; it exists once the model is attached, and so does any proxy. */
static lm_view *view_of(lua_State *L) {
  lua_rawgetp(L, LUA_REGISTRYINDEX, &VIEW_KEY);
  view *v = lua_touserdata(L, -1);
  lua_pop(L, 1);
  return v;
}

static int field_index(ptype t, const char *k) {
  const field *fs = fields_of[t];
  for (int i = 0; fs[i].name; i++)
    if (strcmp(fs[i].name, k) == 0) return i;
  return -1;
}

/* What object_index says of a key that names no field (or is no string):
 * the messages of a plain lookup. */
static int no_field(lua_State *L, const proxy *x) {
  const char *k = luaL_checkstring(L, 2);
  return luaL_error(L, _("%s has no field '%s'"), _(article[x->t]), k);
}

/* __index. Only Lua calls it, on an object whose metatable is ours (the
 * metatable is out of the scripts' reach), so that is checked by identity,
 * the full check serving only to raise its message. */
static int object_index(lua_State *L) {
  proxy *x = lua_touserdata(L, 1);
  if (!x || !lua_getmetatable(L, 1) || !lua_rawequal(L, -1, lua_upvalueindex(UP_META))) x = check_proxy(L, 1);
  lua_settop(L, 2);
  lua_pushvalue(L, 2);
  if (lua_rawget(L, lua_upvalueindex(UP_FIELDS + (int)x->t)) != LUA_TNUMBER) return no_field(L, x);
  int f = (int)lua_tointeger(L, -1);
  lua_pop(L, 1);
  view *v = lua_touserdata(L, lua_upvalueindex(UP_VIEW));
  check_live(L, x, v);
  push_field(L, v, x, f);
  return 1;
}

static int object_newindex(lua_State *L) {
  proxy *x = check_proxy(L, 1);
  return luaL_error(L, _("the model is read-only: cannot set a field of %s"), _(article[x->t]));
}

/* pairs(obj): each field name with its value, in the documented order. */
static int object_next(lua_State *L) {
  proxy *x = check_proxy(L, 1);
  const field *fs = fields_of[x->t];
  int f = lua_isnil(L, 2) ? 0 : field_index(x->t, luaL_checkstring(L, 2)) + 1;
  if (f <= 0 && !lua_isnil(L, 2)) return 0;
  if (!fs[f].name) return 0;
  lua_pushstring(L, fs[f].name);
  push_field(L, view_of(L), x, f);
  return 2;
}

static int object_pairs(lua_State *L) {
  check_proxy(L, 1);
  lua_pushcfunction(L, object_next);
  lua_pushvalue(L, 1);
  lua_pushnil(L);
  return 3;
}

/* The name an object goes by in messages, pushed; 0 when it has none. */
static int push_name(lua_State *L, const proxy *x) {
  if (x->t == T_PLAN) push_slice(L, ((md_plan *)x->p)->key);
  else if (x->t == T_BODY) push_slice(L, ((md_body *)x->p)->id);
  else if (x->t == T_ITEM && ((md_item *)x->p)->id) lua_pushstring(L, ((md_item *)x->p)->id);
  else return 0;
  return 1;
}

/* "item 12-KH/TW:IV.4.2 at plans/tw/12-kh-tw.plan:120:5", built on the
 * Lua stack so that nothing is left in an arena. */
static int object_tostring(lua_State *L) {
  proxy *x = check_proxy(L, 1);
  lua_settop(L, 1);
  lua_pushstring(L, type_names[x->t]);
  if (push_name(L, x)) {
    lua_pushliteral(L, " ");
    lua_insert(L, -2);
  }
  lua_pushliteral(L, " at ");
  common_location(L, &(object){ x, view_of(L) });
  lua_concat(L, lua_gettop(L) - 1);
  return 1;
}

/* A table from each field's name to its row (from 0). */
static void push_numbering(lua_State *L, const field *fs) {
  lua_newtable(L);
  for (int i = 0; fs[i].name; i++) {
    lua_pushinteger(L, i);
    lua_setfield(L, -2, fs[i].name);
  }
}

/* __index, a closure over the view, the metatable and the field names. */
static void set_index(lua_State *L, int meta) {
  lua_rawgetp(L, LUA_REGISTRYINDEX, &VIEW_KEY);
  lua_pushvalue(L, meta);
  int ntypes = (int)(sizeof fields_of / sizeof *fields_of);
  for (int t = 0; t < ntypes; t++) push_numbering(L, fields_of[t]);
  lua_pushcclosure(L, object_index, UP_FIELDS - 1 + ntypes);
  lua_setfield(L, meta, "__index");
}

static void make_metatable(lua_State *L) {
  static const luaL_Reg meta[] = {
    { "__newindex", object_newindex }, { "__pairs", object_pairs }, { "__tostring", object_tostring },
    { NULL, NULL },
  };
  if (!luaL_newmetatable(L, META_KEY)) {
    lua_pop(L, 1);
    return;
  }
  luaL_setfuncs(L, meta, 0);
  set_index(L, lua_gettop(L));
  lua_pushliteral(L, "plancheck model object");
  lua_setfield(L, -2, "__metatable");
  lua_pop(L, 1);
}

/* The view, made the first time; a full userdata the registry keeps for
 * the life of the state, so its address stays valid for lm_forget. */
static view *make_view(lua_State *L) {
  view *v = view_of(L);
  if (v) return v;
  v = lua_newuserdatauv(L, sizeof *v, 0);
  memset(v, 0, sizeof *v);
  lua_rawsetp(L, LUA_REGISTRYINDEX, &VIEW_KEY);
  return v;
}

/* A new table whose values the collector may take (on the stack): the
 * proxy caches, so that proxies nobody holds any more do not stay, and a
 * rule walking half a million directives needs no more memory than one
 * walking a hundred. */
static void push_weak_table(lua_State *L) {
  lua_newtable(L);
  lua_newtable(L);
  lua_pushliteral(L, "v");
  lua_setfield(L, -2, "__mode");
  lua_setmetatable(L, -2);
}

lm_view *lm_attach(lua_State *L, md_model *m, ar_arena *scratch_arena, ar_arena *texts) {
  lua_pushlightuserdata(L, scratch_arena);
  lua_setfield(L, LUA_REGISTRYINDEX, SCRATCH_KEY);
  view *v = make_view(L);
  if (v->texts) forget(v);
  v->m = m;
  v->gen++;
  v->texts = texts;
  v->scratch = scratch_arena;
  make_metatable(L);
  push_weak_table(L);
  lua_rawsetp(L, LUA_REGISTRYINDEX, &CACHE_KEY);
  push_weak_table(L);
  lua_rawsetp(L, LUA_REGISTRYINDEX, &NUMBERED_KEY);
  v->numbered = 0;
  lua_pushlightuserdata(L, m);
  lua_setfield(L, LUA_REGISTRYINDEX, MODEL_KEY);
  return v;
}

void lm_forget(lm_view *v) {
  if (v && v->texts) forget(v);
}

/* ---- locations given by scripts ---- */

static long find_file(md_model *m, const char *path) {
  for (size_t i = 0; i < m->src->n; i++)
    if (strcmp(m->src->files[i].path, path) == 0) return (long)i;
  return src_find(m->src, path);
}

/* file, line and column (in code points) to a place in a loaded file. */
static void place(lua_State *L, md_model *m, const char *path, lua_Integer line, lua_Integer col, md_loc *out) {
  long file = find_file(m, path);
  if (file < 0) luaL_error(L, _("'%s' is not a file of this run (plans and scripts only)"), path);
  if (line < 1 || col < 1) luaL_error(L, "%s", _("line and column count from 1"));
  src_file *f = &m->src->files[file];
  uint32_t off = line > UINT32_MAX ? (uint32_t)f->size : src_line_offset(m->src, (uint32_t)file, (uint32_t)line);
  if (off >= f->size && line > 1) luaL_error(L, _("'%s' has no line %I"), path, (LUAI_UACINT)line);
  for (lua_Integer c = 1; c < col && off < f->size && f->data[off] != '\n'; c++) {
    int32_t cp;
    int len = tx_decode((const unsigned char *)f->data + off, f->size - off, &cp);
    off += len > 0 ? (uint32_t)len : 1;
  }
  *out = (md_loc){ (uint32_t)file, off, 0 };
}

/* The bytes of `len` code points from a place, within its line. */
static uint32_t span_bytes(md_model *m, const md_loc *at, lua_Integer len) {
  src_file *f = &m->src->files[at->file];
  uint32_t off = at->off;
  for (lua_Integer c = 0; c < len && off < f->size && f->data[off] != '\n' && f->data[off] != '\r'; c++) {
    int32_t cp;
    int n = tx_decode((const unsigned char *)f->data + off, f->size - off, &cp);
    off += n > 0 ? (uint32_t)n : 1;
  }
  return off - at->off;
}

static int place_from_string(lua_State *L, md_model *m, const char *s, md_loc *out) {
  const char *c2 = strrchr(s, ':');
  const char *c1 = c2;
  while (c1 && c1 > s && c1[-1] != ':') c1--;
  if (!c2 || c1 <= s + 1) return luaL_error(L, _("a location is \"file:line:col\", not \"%s\""), s);
  char *end1, *end2;
  long line = strtol(c1, &end1, 10), col = strtol(c2 + 1, &end2, 10);
  if (end1 != c2 || *end2 || end2 == c2 + 1) return luaL_error(L, _("a location is \"file:line:col\", not \"%s\""), s);
  lua_pushlstring(L, s, (size_t)(c1 - 1 - s));
  place(L, m, lua_tostring(L, -1), line, col, out);
  lua_pop(L, 1);
  return 0;
}

/* A location table's line, col or len: a whole number, or `def` when
 * absent (-1: required). */
static lua_Integer whole(lua_State *L, int idx, const char *name, lua_Integer def) {
  int isnum;
  lua_Integer v = lua_tointegerx(L, idx, &isnum);
  if (isnum) return v;
  if (lua_isnil(L, idx) && def >= 0) return def;
  return luaL_error(L, _("a location's %s is a whole number, not %s"), name, luaL_typename(L, idx));
}

int lm_check_loc(lua_State *L, int idx, md_loc *out) {
  md_model *m = model_of(L);
  idx = lua_absindex(L, idx);
  proxy *x = luaL_testudata(L, idx, META_KEY);
  if (x) {
    check_live(L, x, view_of(L));
    *out = loc_of(x);
    if (x->t == T_ITEM && ((md_item *)x->p)->label.n) *out = ((md_item *)x->p)->label_loc;
    return 0;
  }
  if (lua_type(L, idx) == LUA_TSTRING) return place_from_string(L, m, lua_tostring(L, idx), out);
  if (lua_type(L, idx) == LUA_TTABLE) {
    lua_getfield(L, idx, "file");
    lua_getfield(L, idx, "line");
    lua_getfield(L, idx, "col");
    lua_getfield(L, idx, "len");
    if (lua_type(L, -4) != LUA_TSTRING) luaL_error(L, "%s", _("a location table needs file = \"path\""));
    place(L, m, lua_tostring(L, -4), whole(L, -3, "line", -1), whole(L, -2, "col", 1), out);
    out->len = span_bytes(m, out, whole(L, -1, "len", 0));
    lua_pop(L, 4);
    return 0;
  }
  return luaL_error(L, _("a location is a model object, \"file:line:col\" or {file=, line=, col=, len=}, not %s"),
                    luaL_typename(L, idx));
}

/* ---- model functions ---- */

static int fn_plans(lua_State *L) {
  md_model *m = model_of(L);
  lua_newtable(L);
  int n = 0;
  for (md_plan *p = m->plans; p; p = p->next) {
    if (p->is_described) continue;
    lm_push_plan(L, p);
    lua_rawseti(L, -2, ++n);
  }
  return 1;
}

static int fn_plan(lua_State *L) {
  md_model *m = model_of(L);
  size_t n;
  const char *k = luaL_checklstring(L, 1, &n);
  md_plan *p = md_plan_by_key(m, (sl_slice){ k, n });
  lm_push_plan(L, p && !p->is_described ? p : NULL);
  return 1;
}

static int fn_item(lua_State *L) {
  lm_push_item(L, md_item_by_id(model_of(L), luaL_checkstring(L, 1)));
  return 1;
}

static int fn_body(lua_State *L) {
  md_model *m = model_of(L);
  size_t n;
  const char *k = luaL_checklstring(L, 1, &n);
  push_proxy(L, T_BODY, md_body_by_id(m, (sl_slice){ k, n }), NULL);
  return 1;
}

static int fn_bodies(lua_State *L) {
  md_model *m = model_of(L);
  lua_newtable(L);
  int n = 0;
  for (md_body *b = m->bodies; b; b = b->next) {
    push_proxy(L, T_BODY, b, NULL);
    lua_rawseti(L, -2, ++n);
  }
  return 1;
}

/* The comparison form of a text: NFC, case-folded, white space collapsed,
 * tone marks placed the new way ("Tỉnh uỷ" and "tỉnh ủy" fold alike). */
static int fn_fold(lua_State *L) {
  model_of(L);                       /* only once the plans are loaded */
  size_t n;
  const char *s = luaL_checklstring(L, 1, &n);
  ar_arena *a = scratch(L, n);
  sl_slice f = tx_fold_tones(a, s, n);
  lua_pushlstring(L, f.p, f.n);
  return 1;
}

/* The item at position i of the list at index 1, or an error naming the
 * position; the metatable of model objects is at index 2. */
static md_item *item_at(lua_State *L, const view *v, lua_Integer i) {
  lua_rawgeti(L, 1, i);
  proxy *x = lua_touserdata(L, -1);
  int ours = x && lua_getmetatable(L, -1) && lua_rawequal(L, -1, 2);
  if (!ours || x->t != T_ITEM) luaL_error(L, _("same_text: element %d of the list is not an item"), (int)i);
  check_live(L, x, v);
  lua_pop(L, 2);
  return x->p;
}

/* Whether the folded texts of a and b are equal, their hashes being equal:
 * a's text is copied before b's is folded, since folding b may drop the
 * texts kept so far (see folded_of). */
static int same_folded(lua_State *L, view *v, const md_item *a, const md_item *b) {
  const fold_slot *sa = folded_of(L, v, a);
  lua_pushlstring(L, sa->text.p, sa->text.n);
  size_t n;
  const char *ta = lua_tolstring(L, -1, &n);
  const fold_slot *sb = folded_of(L, v, b);
  int same = sb->text.n == n && memcmp(sb->text.p, ta, n) == 0;
  lua_pop(L, 1);
  return same;
}

/* Where a folded hash starts its probe in a table of cap slots. The low
 * bits of text_hash depend on the last bytes of the text only in their
 * own low bits, so texts that differ in a number at their end ("... số
 * 1234") would share a few slots and each probe walk thousands: the high
 * bits of a multiplication mix every bit in. */
static size_t slot_of_hash(uint64_t h, size_t cap) {
  return (size_t)((h * 0x9E3779B97F4A7C15ull) >> 32) & (cap - 1);
}

/* The items same_text groups: items[1..n] (the list at index 1, or the
 * directives of the plan at index 1), with room for its table. */
typedef struct grouping {
  md_item **items;
  uint64_t *hash;            /* item i's folded hash, so that a probe
                                compares numbers and reads an item again
                                only when they are equal */
  int32_t *first, *table;
  lua_Integer n;
  size_t cap;
} grouping;

static int count_task(md_item *it, void *ctx) {
  *(lua_Integer *)ctx += it->kind == MD_TASK;
  return 0;
}

typedef struct gather { md_item **items; lua_Integer n; } gather;

static int gather_task(md_item *it, void *ctx) {
  gather *g = ctx;
  if (it->kind == MD_TASK) g->items[++g->n] = it;
  return 0;
}

/* Makes the grouping's arrays in one userdata (left on the stack), charged
 * to the budget, and fills items[]. */
static void grouping_open(lua_State *L, view *v, grouping *g) {
  md_plan *plan = NULL;
  if (lua_type(L, 1) == LUA_TUSERDATA) {
    proxy *x = check_proxy(L, 1);
    if (x->t != T_PLAN) luaL_error(L, _("same_text: a list of items or a plan expected, got %s"), _(article[x->t]));
    plan = x->p;
    g->n = 0;
    md_walk(&plan->root, count_task, &g->n);
  } else {
    luaL_checktype(L, 1, LUA_TTABLE);
    g->n = (lua_Integer)lua_rawlen(L, 1);
  }
  if (g->n >= INT32_MAX / 4) luaL_error(L, "%s", _("same_text: the list is too long"));
  g->cap = 16;
  while (g->cap < 2 * (size_t)g->n) g->cap *= 2;
  sb_charge(L, (size_t)g->n * 8 + g->cap);
  size_t slots = (size_t)g->n + 1;
  g->hash = lua_newuserdatauv(L, slots * (sizeof *g->hash + sizeof *g->items + sizeof(int32_t)) +
                                 g->cap * sizeof(int32_t), 0);
  g->items = (md_item **)(g->hash + slots);
  g->first = (int32_t *)(g->items + slots);
  g->table = g->first + slots;
  memset(g->table, 0, g->cap * sizeof *g->table);
  if (plan) {
    gather c = { g->items, 0 };
    md_walk(&plan->root, gather_task, &c);
  } else {
    for (lua_Integer i = 1; i <= g->n; i++) g->items[i] = item_at(L, v, i);
  }
}

/* plancheck.same_text(items or plan): the items of the list (or the
 * directives of the plan, with no list made) whose texts are equal after
 * plancheck.fold, in groups of two or more, each in list order, the
 * groups in the order of their first items; an item with no text is in
 * none. The grouping is done here rather than in the script: a rule that
 * looks for repeated directives would otherwise make a Lua value and a
 * table entry for each of a million directives. `first[i]` is the position
 * of the first item with i's text (i itself for the first), found through
 * a table of positions by folded hash. */
static int fn_same_text(lua_State *L) {
  model_of(L);                       /* only once the plans are loaded */
  view *v = view_of(L);
  lua_settop(L, 1);
  luaL_getmetatable(L, META_KEY);
  grouping g;
  grouping_open(L, v, &g);
  int32_t *first = g.first;
  lua_Integer groups = 0;
  for (lua_Integer i = 1; i <= g.n; i++) {
    const fold_slot *f = folded_of(L, v, g.items[i]);
    first[i] = 0;
    if (!f->text.n) continue;
    uint64_t h = g.hash[i] = f->hash;
    size_t k = slot_of_hash(h, g.cap);
    for (; g.table[k]; k = (k + 1) & (g.cap - 1)) {
      int32_t j = g.table[k];
      if (g.hash[j] == h && same_folded(L, v, g.items[j], g.items[i])) {
        first[i] = j;
        groups += first[j] == j;         /* its second item makes a group */
        first[j] = -j;                   /* first of a group: made below */
        break;
      }
    }
    if (!first[i]) {
      first[i] = (int32_t)i;
      g.table[k] = (int32_t)i;
    }
  }
  /* Each group is made at its first item (first[i] == -i), whose entry
   * then holds minus the group's number for the later items to find. */
  lua_createtable(L, (int)groups, 0);
  int result = lua_gettop(L);
  lua_Integer made = 0;
  for (lua_Integer i = 1; i <= g.n; i++) {
    int32_t j = first[i];
    if (j == (int32_t)i || j == 0) continue;
    if (j < 0) {                         /* the first of a group */
      lua_createtable(L, 2, 0);
      lm_push_item(L, g.items[i]);
      lua_rawseti(L, -2, 1);
      lua_rawseti(L, result, ++made);
      first[i] = (int32_t)-made;         /* now: minus its group's number */
      continue;
    }
    lua_rawgeti(L, result, -first[j]);
    lm_push_item(L, g.items[i]);
    lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
    lua_pop(L, 1);
  }
  return 1;
}

/* ---- walks without a list ---- */

/* Where plancheck.each is: its iterator's upvalue. */
typedef struct walk {
  md_item *root, *at;        /* at: the item last visited; NULL before the first */
  void *part;                /* deadlines and measures: the one last given */
  int what;                  /* WALK_DIRECTIVES, ... */
  int done;
  unsigned gen;
} walk;

enum { WALK_DIRECTIVES, WALK_DEADLINES, WALK_MEASURES };

/* The item after `it` below root in document order (depth first), or the
 * first when `it` is NULL: the walk of md_walk one step at a time. */
static md_item *walk_after(md_item *root, md_item *it) {
  if (!it) return root->first;
  if (it->first) return it->first;
  for (; it && it != root; it = it->parent)
    if (it->next) return it->next;
  return NULL;
}

/* The next deadline or measure of the walk, moving to the next item that
 * has one; NULL at the end. */
static void *walk_part(walk *w) {
  void *p = NULL;
  if (w->part) p = w->what == WALK_DEADLINES ? (void *)((md_due *)w->part)->next : (void *)((md_measure *)w->part)->next;
  while (!p && (w->at = walk_after(w->root, w->at)) != NULL)
    p = w->what == WALK_DEADLINES ? (void *)w->at->dues : (void *)w->at->measures;
  return w->part = p;
}

static int each_next(lua_State *L) {
  walk *w = lua_touserdata(L, lua_upvalueindex(1));
  if (w->gen != view_of(L)->gen)
    luaL_error(L, "%s", _("a walk kept from an earlier part of the run cannot be used: its plans are gone"));
  if (w->done) return 0;
  if (w->what == WALK_DIRECTIVES) {
    while ((w->at = walk_after(w->root, w->at)) != NULL && w->at->kind != MD_TASK) {}
    if (w->at) lm_push_item(L, w->at);
  } else {
    void *p = walk_part(w);
    if (p) push_proxy(L, w->what == WALK_DEADLINES ? T_DUE : T_MEASURE, p, w->at);
  }
  w->done = w->at == NULL;
  return !w->done;
}

/* plancheck.each(plan, "directives" | "deadlines" | "measures"): an
 * iterator over what plan.directives (.deadlines, .measures) lists, in the
 * same order, made one at a time: a rule over a plan of half a million
 * directives then holds one, not a list of all of them, and a large plan
 * needs no more of the script memory than a small one. */
static int fn_each(lua_State *L) {
  static const char *const whats[] = { "directives", "deadlines", "measures", NULL };
  proxy *x = check_proxy(L, 1);
  if (x->t != T_PLAN) luaL_error(L, _("each: a plan expected, got %s"), _(article[x->t]));
  int what = luaL_checkoption(L, 2, NULL, whats);
  walk *w = lua_newuserdatauv(L, sizeof *w, 0);
  *w = (walk){ &((md_plan *)x->p)->root, NULL, NULL, what, 0, x->gen };
  lua_pushcclosure(L, each_next, 1);
  return 1;
}

/* The built-in recogniser: the canonical form of a phrase, or nil. */
static int fn_recognize(lua_State *L) {
  model_of(L);                       /* only once the plans are loaded */
  size_t n;
  const char *s = luaL_checklstring(L, 1, &n);
  ar_arena *a = scratch(L, n);
  sl_slice nfc = tx_nfc(a, s, n);
  dl_result r = dl_recognize(a, nfc.p, nfc.n);
  push_cstr(L, r.first ? dl_canonical_chain(a, r.first) : NULL);
  return 1;
}

void lm_add_functions(lua_State *L) {
  static const luaL_Reg fns[] = {
    { "plans", fn_plans }, { "plan", fn_plan }, { "item", fn_item }, { "body", fn_body },
    { "bodies", fn_bodies }, { "fold", fn_fold }, { "same_text", fn_same_text }, { "recognize", fn_recognize },
    { "each", fn_each },
    { NULL, NULL },
  };
  luaL_setfuncs(L, fns, 0);
}
