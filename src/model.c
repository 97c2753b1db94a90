/* model: constructors, indexes and walks over the model; see model.h. */
#include "model.h"

#include <string.h>

#include "lang.h"
#include "text.h"

typedef struct md_name {
  sl_slice key;
  md_body *body;
} md_name;

static sl_slice plan_key(const void *v) { return ((const md_plan *)v)->key; }
static sl_slice body_key(const void *v) { return ((const md_body *)v)->id; }
static sl_slice name_key(const void *v) { return ((const md_name *)v)->key; }
/* A short form as looked up: the abbreviation it stands for now. */
typedef struct md_short {
  sl_slice key;
  md_abbrev *abbrev;
  unsigned round;            /* the indexing that set it */
} md_short;

static sl_slice short_key(const void *v) { return ((const md_short *)v)->key; }
static sl_slice phrase_key(const void *v) { return ((const md_phrase *)v)->text; }
static sl_slice item_key(const void *v) {
  const md_item *it = v;
  return (sl_slice){ it->id, it->id_len };
}

void md_init(md_model *m, ar_arena *a, src_table *src, dg_list *diags) {
  memset(m, 0, sizeof *m);
  m->arena = a;
  m->src = src;
  m->diags = diags;
  ix_init(&m->plan_index, a, plan_key);
  ix_init(&m->body_index, a, body_key);
  ix_init(&m->name_index, a, name_key);
  ix_init(&m->phrases, a, phrase_key);
  ix_init(&m->shortforms, a, short_key);
}

md_body *md_body_by_id(md_model *m, sl_slice id) { return ix_get(&m->body_index, id); }

int md_add_body(md_model *m, md_body *b) {
  if (ix_put(&m->body_index, b)) return -1;
  if (m->last_body) m->last_body->next = b; else m->bodies = b;
  m->last_body = b;
  return 0;
}

enum { MAX_SUCCESSIONS = 4 };   /* a body merged, then merged again, ... */

static int follows(const md_body *from, const md_body *to, int depth) {
  for (const md_successor *s = from->successors; s; s = s->next)
    if (s->body == to || (depth < MAX_SUCCESSIONS && follows(s->body, to, depth + 1))) return 1;
  return 0;
}

int md_same_work(const md_body *a, const md_body *b) { return a == b || follows(a, b, 0) || follows(b, a, 0); }

static unsigned carried_forward(const md_body *b, int depth) {
  unsigned bits = b->carried_at;
  for (const md_successor *s = b->successors; s && depth < MAX_SUCCESSIONS; s = s->next)
    bits |= carried_forward(s->body, depth + 1);
  return bits;
}

static unsigned carried_back(const md_body *b, int depth) {
  unsigned bits = b->carried_at;
  for (const md_succession *s = depth < MAX_SUCCESSIONS ? b->succeeds : NULL; s; s = s->next)
    for (const md_ref *r = s->refs; r; r = r->next)
      if (r->body && r->body != b) bits |= carried_back(r->body, depth + 1);
  return bits;
}

unsigned md_work_carried(const md_body *b) { return carried_forward(b, 0) | carried_back(b, 0); }

dt_day md_body_start(const md_body *b) {
  dt_day start = DT_MAX;
  for (const md_succession *s = b->succeeds; s; s = s->next)
    if (s->from < start) start = s->from;
  return start == DT_MAX ? DT_MIN : start;
}

dt_day md_body_end(const md_body *b) {
  dt_day end = DT_MAX;
  for (const md_successor *s = b->successors; s; s = s->next)
    if (s->from != DT_MIN && s->from < end) end = s->from;
  return end;
}

static sl_slice fold(md_model *m, sl_slice s) { return tx_fold_tones(m->arena, s.p, s.n); }

/* Indexes the abbreviations declared since the last time. The list is
 * newest first, and the newest declaration of a short form is the one
 * that counts: within one round the first met wins, over any of an
 * earlier round. */
static void index_abbrevs(md_model *m) {
  if (m->abbrevs == m->abbrevs_done) return;
  unsigned round = ++m->abbrev_rounds;
  for (md_abbrev *a = m->abbrevs; a != m->abbrevs_done; a = a->next) {
    if (!a->folded) {
      a->fshort = fold(m, a->shortform.value);
      a->flong = fold(m, a->longform.value);
      a->folded = 1;
    }
    md_short *e = ix_get(&m->shortforms, a->fshort);
    if (e && e->round == round) continue;
    if (!e) {
      e = ar_alloc(m->arena, sizeof *e);
      e->key = a->fshort;
      ix_put(&m->shortforms, e);
    }
    e->abbrev = a;
    e->round = round;
  }
  m->abbrevs_done = m->abbrevs;
}

/* Expands every word of the folded key that is a folded abbreviation. */
static sl_slice expand(md_model *m, sl_slice key) {
  if (!m->abbrevs) return key;
  index_abbrevs(m);
  size_t cap = key.n * 4 + 64, o = 0;
  char *out = ar_alloc_text(m->arena, cap);
  size_t i = 0;
  while (i < key.n) {
    size_t j = i;
    while (j < key.n && key.p[j] != ' ' && key.p[j] != ',') j++;
    sl_slice word = { key.p + i, j - i };
    md_short *e = ix_get(&m->shortforms, word);
    sl_slice rep = e ? e->abbrev->flong : word;
    if (o + rep.n + 2 >= cap) return key; /* cannot happen with sane abbreviations */
    memcpy(out + o, rep.p, rep.n);
    o += rep.n;
    if (j < key.n) out[o++] = key.p[j];
    i = j + 1;
  }
  out[o] = '\0';
  return (sl_slice){ out, o };
}

sl_slice md_name_key(md_model *m, sl_slice name) { return expand(m, fold(m, name)); }

static md_body *name_lookup(md_model *m, sl_slice key) {
  md_name *e = ix_get(&m->name_index, key);
  return e ? e->body : NULL;
}

static void add_name(md_model *m, md_body *b, const md_str *s) {
  sl_slice key = md_name_key(m, s->value);
  md_body *other = name_lookup(m, key);
  if (other == b) return;
  if (other) {
    dg_diag *d = dg_add(m->diags, DG_WARNING, "duplicate-name", s->loc.file, s->loc.off, s->loc.len,
                        _("name \"%.*s\" of body '%.*s' also names body '%.*s'"), (int)s->value.n,
                        s->value.p, (int)b->id.n, b->id.p, (int)other->id.n, other->id.p);
    dg_note(m->diags, d, other->loc.file, other->loc.off, other->loc.len, _("'%.*s' is declared here"),
            (int)other->id.n, other->id.p);
    return;
  }
  md_name *e = ar_alloc(m->arena, sizeof *e);
  e->key = key;
  e->body = b;
  ix_put(&m->name_index, e);
}

void md_index_names(md_model *m) {
  for (md_body *b = m->names_done ? m->names_done->next : m->bodies; b; b = b->next) {
    add_name(m, b, &b->name);
    for (md_strs *a = b->aliases; a; a = a->next) add_name(m, b, &a->s);
    m->names_done = b;
  }
}

void md_add_alias(md_model *m, md_body *b, const md_str *alias) {
  md_strs *e = ar_alloc(m->arena, sizeof *e);
  e->s = *alias;
  e->next = NULL;
  md_strs **p = &b->aliases;
  while (*p) p = &(*p)->next;
  *p = e;
  add_name(m, b, alias);
}

md_body *md_body_by_name(md_model *m, sl_slice name) {
  return name_lookup(m, md_name_key(m, name));
}

md_item *md_item_by_id(md_model *m, const char *id) { return md_item_by_key(m, (sl_slice){ id, strlen(id) }); }

/* The item by id in the plan whose key is the id up to a ':' at `colon`. */
static md_item *item_in_plan(md_model *m, sl_slice id, const char *colon) {
  md_plan *p = md_plan_by_key(m, (sl_slice){ id.p, (size_t)(colon - id.p) });
  return p ? ix_get(&p->items, id) : NULL;
}

/* An id is "KEY:..." and its item is in the plan of that key. Keys and
 * components may hold ':' themselves, so each ':' is tried in turn (the
 * first is nearly always the one). */
md_item *md_item_by_key(md_model *m, sl_slice id) {
  /* The plan of the last lookup, when its key has no ':' and begins `id`
   * up to its first ':', is the one the loop below would try first. */
  md_plan *p = m->keyed;
  if (p && id.n > p->key.n && id.p[p->key.n] == ':' && memcmp(id.p, p->key.p, p->key.n) == 0) {
    md_item *it = ix_get(&p->items, id);
    if (it) return it;
  }
  for (const char *c = id.p; id.n && (c = memchr(c, ':', (size_t)(id.p + id.n - c))) != NULL; c++) {
    md_item *it = item_in_plan(m, id, c);
    if (!it) continue;
    if (!memchr(it->plan->key.p, ':', it->plan->key.n)) m->keyed = it->plan;
    return it;
  }
  return NULL;
}

static ix_table *plan_items(md_model *m, md_plan *p) {
  if (!p->items.arena) ix_init(&p->items, m->arena, item_key);
  return &p->items;
}

void md_reserve_ids(md_model *m, md_plan *p, size_t n) { ix_reserve(plan_items(m, p), n); }

int md_add_item_id(md_model *m, md_item *it) {
  sl_slice id = { it->id, it->id_len };
  /* The same id in another plan: only when a ':' other than the one
   * after this plan's key splits it into another plan's key. */
  for (const char *c = id.p; (c = memchr(c, ':', (size_t)(id.p + id.n - c))) != NULL; c++)
    if ((size_t)(c - id.p) != it->plan->key.n && item_in_plan(m, id, c)) return -1;
  return ix_put(plan_items(m, it->plan), it) ? -1 : 0;
}

md_plan *md_plan_by_key(md_model *m, sl_slice key) { return ix_get(&m->plan_index, key); }

void md_add_plan(md_model *m, md_plan *p) {
  if (m->last_plan) m->last_plan->next = p; else m->plans = p;
  m->last_plan = p;
  if (!p->is_described) ix_put(&m->plan_index, p);
}

void md_append(md_item *parent, md_item *child) {
  child->parent = parent;
  if (parent->last) parent->last->next = child; else parent->first = child;
  parent->last = child;
}

void md_move_children(md_item *to, md_item *from) {
  md_item *it = from->first;
  from->first = from->last = NULL;
  while (it) {
    md_item *next = it->next;
    it->next = NULL;
    md_append(to, it);
    it = next;
  }
}

int md_walk(md_item *root, md_visit fn, void *ctx) {
  for (md_item *it = root->first; it; it = it->next) {
    int r = fn(it, ctx);
    if (r) return r;
    r = md_walk(it, fn, ctx);
    if (r) return r;
  }
  return 0;
}

static int roman_value(sl_slice s) {
  int total = 0, prev = 0;
  for (size_t i = s.n; i-- > 0;) {
    int v = 0;
    switch (s.p[i]) {
    case 'I': v = 1; break; case 'V': v = 5; break; case 'X': v = 10; break;
    case 'L': v = 50; break; case 'C': v = 100; break; case 'D': v = 500; break;
    case 'M': v = 1000; break; default: return 0;
    }
    total += v < prev ? -v : v;
    if (v > prev) prev = v;
  }
  return total;
}

/* Vietnamese order of the letters used in lists: a b c d đ e ... */
static const char *const letters[] = { "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
                                       "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y" };
enum { NLETTERS = sizeof letters / sizeof letters[0] };

static int letter_value(sl_slice s) {
  for (size_t i = 0; i < NLETTERS; i++)
    if (sl_eq_cstr(s, letters[i])) return (int)i + 1;
  return 0;
}

const char *md_letter(int value) { return value >= 1 && value <= NLETTERS ? letters[value - 1] : NULL; }

md_label md_label_parse(sl_slice l) {
  md_label r = { MD_SCHEME_NONE, 0, SL_NONE, SL_NONE, SL_NONE };
  if (l.n == 0) return r;
  if (l.n == 1 && (l.p[0] == '-' || l.p[0] == '+')) { r.scheme = MD_SCHEME_BULLET; return r; }
  size_t n = l.n;
  while (n > 0 && (l.p[n - 1] == '.' || l.p[n - 1] == '-' || l.p[n - 1] == ')' || l.p[n - 1] == ' ')) n--;
  sl_slice body = { l.p, n };
  r.number = body;
  if (n > 0 && l.p[0] >= '0' && l.p[0] <= '9') {
    size_t dot = n;
    while (dot > 0 && l.p[dot - 1] != '.') dot--;
    r.scheme = MD_SCHEME_ARABIC;
    r.component = (sl_slice){ l.p + dot, n - dot };
    if (dot > 0) r.parent = (sl_slice){ l.p, dot - 1 };
    r.value = 0;
    for (size_t i = 0; i < r.component.n && r.value < 100000; i++) r.value = r.value * 10 + (r.component.p[i] - '0');
    return r;
  }
  r.component = body;
  if ((r.value = roman_value(body)) > 0) { r.scheme = MD_SCHEME_ROMAN; return r; }
  if ((r.value = letter_value(body)) > 0) { r.scheme = MD_SCHEME_LETTER; return r; }
  return r;
}

const char *md_level_name(const md_model *m, md_level l) {
  if (l <= 0 || l > m->nlevels) return "unknown-level";
  return m->levels[l].id.p;
}

md_level md_level_by_id(const md_model *m, sl_slice id) {
  for (int l = 1; l <= m->nlevels; l++)
    if (m->levels[l].id.n == id.n && memcmp(m->levels[l].id.p, id.p, id.n) == 0) return l;
  return MD_LEVEL_NONE;
}

/* A level's names folded once: levels are named in every plan's header. */
static void level_keys(md_model *m, md_level_def *l) {
  size_t n = 1;
  for (const md_strs *a = l->aliases; a; a = a->next) n++;
  l->keys = ar_alloc(m->arena, n * sizeof *l->keys);
  l->keys[0] = fold(m, l->name.value);
  l->nkeys = 1;
  for (const md_strs *a = l->aliases; a; a = a->next) l->keys[l->nkeys++] = fold(m, a->s.value);
}

/* At most 31 levels of a few names each: a loop, once per level written. */
md_level md_level_by_text(md_model *m, sl_slice text) {
  md_level l = md_level_by_id(m, text);
  if (l) return l;
  sl_slice key = fold(m, text);
  for (l = 1; l <= m->nlevels; l++) {
    md_level_def *d = &m->levels[l];
    if (!d->keys) level_keys(m, d);
    for (size_t i = 0; i < d->nkeys; i++)
      if (sl_eq(d->keys[i], key)) return l;
  }
  return MD_LEVEL_NONE;
}

const char *md_level_guess(const md_model *m, sl_slice text) {
  const char *best = NULL;
  size_t best_d = text.n <= 4 ? 2 : 3;
  for (int l = 1; l <= m->nlevels; l++) {
    size_t d = tx_distance(text.p, text.n, m->levels[l].id.p, m->levels[l].id.n);
    if (d < best_d) { best = m->levels[l].id.p; best_d = d; }
  }
  return best;
}

md_structure *md_structure_by_id(const md_model *m, sl_slice id) {
  for (md_structure *s = m->structures; s; s = s->next)
    if (s->id.n == id.n && memcmp(s->id.p, id.p, id.n) == 0) return s;
  return NULL;
}

const md_structure *md_structure_on(const md_model *m, dt_day day) {
  const md_structure *found = NULL;
  for (const md_structure *s = m->structures; s; s = s->next)
    if (s->from <= day && day <= s->until) found = s;
  return found;
}

/* The last structure that has level l (any, when l is none). */
static const md_structure *structure_with(const md_model *m, md_level l) {
  const md_structure *found = NULL;
  for (const md_structure *s = m->structures; s; s = s->next)
    if (!l || (s->mask & MD_LEVEL_BIT(l))) found = s;
  return found;
}

/* A structure that has the plan's level (any, when it has none). */
static const md_structure *fits(const md_plan *p, const md_structure *s) {
  return s && (!p->level || (s->mask & MD_LEVEL_BIT(p->level))) ? s : NULL;
}

/* An undated plan written against a parent follows the parent's
 * structure: a 2022 plan's follow-up of unknown date is read as of 2022.
 * The depth bounds a cycle of parents. */
static const md_structure *plan_structure(md_model *m, md_plan *p, int depth) {
  if (p->structure) return p->structure;
  p->era = p->date_known ? p->date : DT_MAX;
  const md_structure *s = p->structure_id.n ? md_structure_by_id(m, p->structure_id) : NULL;
  if (!s && p->date_known) s = fits(p, md_structure_on(m, p->date));
  for (const md_parent *par = p->parents; !p->date_known && par && depth < 8; par = par->next) {
    md_plan *up = par->plan ? par->plan : par->desc;
    if (!up) continue;
    const md_structure *us = fits(p, plan_structure(m, up, depth + 1));
    if (!s) s = us;
    if (p->era == DT_MAX) p->era = up->era;
  }
  if (!s) s = structure_with(m, p->level);
  return p->structure = s;
}

const md_structure *md_plan_structure(md_model *m, md_plan *p) { return plan_structure(m, p, 0); }

void md_structure_init(md_structure *s) {
  s->n = 0;
  s->mask = 0;
  for (int l = 0; l <= MD_MAX_LEVELS; l++) { s->rank[l] = -1; s->below[l] = 0; }
}

int md_structure_add(md_structure *s, md_level l) {
  if (l <= 0 || l > MD_MAX_LEVELS || s->rank[l] >= 0 || s->n == MD_MAX_LEVELS) return -1;
  for (int i = 0; i < s->n; i++) s->below[s->order[i]] |= MD_LEVEL_BIT(l);
  s->below[0] |= MD_LEVEL_BIT(l);   /* below no level: every level */
  s->rank[l] = s->n;
  s->order[s->n++] = l;
  s->mask |= MD_LEVEL_BIT(l);
  return 0;
}

int md_level_rank(const md_model *m, const md_structure *s, md_level l) {
  if (l <= 0 || l > (m ? m->nlevels : MD_MAX_LEVELS)) return -1;
  return s ? s->rank[l] : l - 1;
}

md_level md_level_below(const md_model *m, const md_structure *s, md_level l) {
  int r = md_level_rank(m, s, l);
  if (r < 0) return MD_LEVEL_NONE;
  if (!s) return l < (m ? m->nlevels : MD_MAX_LEVELS) ? l + 1 : MD_LEVEL_NONE;
  return r + 1 < s->n ? s->order[r + 1] : MD_LEVEL_NONE;
}

/* Without a structure, the levels declared after l. */
unsigned md_levels_below(const md_structure *s, md_level l) {
  if (l < 0 || l > MD_MAX_LEVELS) return 0;
  if (s) return s->below[l];
  return MD_ALL_LEVELS & ~((2u << l) - 1);
}

unsigned md_plan_levels(const md_plan *p) {
  return p && p->structure ? p->structure->mask : MD_ALL_LEVELS;
}

unsigned md_levels_below_first(const md_structure *s, unsigned levels) {
  for (int i = 0; i < (s ? s->n : MD_MAX_LEVELS); i++) {
    md_level l = s ? s->order[i] : i + 1;
    if (levels & MD_LEVEL_BIT(l)) return md_levels_below(s, l);
  }
  return 0;
}

const char *md_stage_name(md_model *m, const md_structure *s, int stage) {
  md_level l = md_stage_level(m, s, stage);
  return l ? md_level_name(m, l) : dl_stage_name((dl_stage)stage);
}

md_level md_stage_level(md_model *m, const md_structure *s, int stage) {
  if (stage <= DL_STAGE_ALL || stage >= 8) return MD_LEVEL_NONE;
  if (m->stage_levels_n != m->nlevels + 1) {
    for (int i = 1; i < 8; i++) {
      const char *id = dl_stage_name((dl_stage)i);
      m->stage_levels[i] = id ? md_level_by_id(m, (sl_slice){ id, strlen(id) }) : MD_LEVEL_NONE;
    }
    m->stage_levels_n = m->nlevels + 1;
  }
  if (stage != DL_STAGE_ABOVE_GRASSROOTS) return m->stage_levels[stage];
  md_level g = m->stage_levels[DL_STAGE_GRASSROOTS];
  int r = md_level_rank(m, s, g);
  if (r <= 0) return MD_LEVEL_NONE;
  return s ? s->order[r - 1] : g - 1;
}

int md_applies(md_model *m, const md_structure *s, const dl_deadline *d, md_level level) {
  return d->stage == DL_STAGE_ALL || level == MD_LEVEL_NONE || md_stage_level(m, s, (int)d->stage) == level;
}

const char *md_day_text(ar_arena *a, dt_day d) {
  char buf[11];
  dt_format(d, buf);
  return ar_strndup(a, buf, 10);
}

const char *md_item_text(md_model *m, const md_item *it) {
  dg_buf s = dg_buf_in(m->arena);
  for (const md_strs *t = it->texts; t; t = t->next) dg_buf_item(&s, " ", t->s.value.p, t->s.value.n);
  return tx_nfc(m->arena, dg_buf_text(&s), s.n).p;
}

const char *md_ref_names(md_model *m, const md_ref *refs) {
  dg_buf s = dg_buf_in(m->arena);
  for (const md_ref *o = refs; o; o = o->next)
    dg_buf_item(&s, ", ", o->body ? o->body->name.value.p : o->text.p, o->body ? o->body->name.value.n : o->text.n);
  return dg_buf_text(&s);
}

const char *md_local_id(const md_item *it) {
  const char *colon = it->id ? strchr(it->id, ':') : NULL;
  return colon ? colon + 1 : it->id ? it->id : "";
}

const char *md_item_kind_name(md_item_kind k) {
  static const char *const names[] = { "section", "task", "text", "target", "footnote", "waiver", "forward" };
  return names[k];
}
