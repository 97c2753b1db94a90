/* place: localities and the places a text names; see place.h. */
#include "place.h"

#include <string.h>

#include "lang.h"
#include "text.h"

/* A name of a place, by its word key. `tail` entries are the ends of
 * names ("quảng ngãi" of "tỉnh quảng ngãi"), for a plan's `place`; one
 * that ends the names of two places names neither. */
typedef struct pl_name {
  sl_slice key;
  const md_place *place;
  int ambiguous;
} pl_name;

struct pl_index {
  ix_table ids, names, tails;
  size_t max_words;          /* the most words in a name: how far a scan looks */
  unsigned levels;           /* the levels of the places, MD_LEVEL_BIT bits */
  md_place *done;            /* the last place indexed */
};

static sl_slice id_key(const void *v) { return ((const md_place *)v)->id; }
static sl_slice name_key(const void *v) { return ((const pl_name *)v)->key; }

/* Whether a code point separates words: ASCII other than letters and
 * digits, Latin-1 punctuation, and the general punctuation block (dashes,
 * curly quotes, "…"). */
static int separates(int32_t cp) {
  if (cp < 0x80) return !((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9'));
  return cp <= 0xBF || (cp >= 0x2000 && cp <= 0x206F);
}

/* The words of `s`, folded, joined by one space, in the arena; the start
 * of each word into starts[] when it is given (room for s.n words: each
 * holds at least one character of s, folding adds no separator). */
static sl_slice words(md_model *m, sl_slice s, uint32_t *starts, size_t *nwords) {
  sl_slice f = tx_fold_tones(m->arena, s.p, s.n);
  char *out = ar_alloc(m->arena, f.n + 1);
  size_t o = 0, n = 0, i = 0;
  int in_word = 0;
  while (i < f.n) {
    int32_t cp;
    int len = tx_decode((const unsigned char *)f.p + i, f.n - i, &cp);
    if (len <= 0) len = 1, cp = 0xFFFD;
    if (separates(cp)) in_word = 0;
    else {
      if (!in_word) {
        if (o) out[o++] = ' ';
        if (starts) starts[n] = (uint32_t)o;
        n++;
        in_word = 1;
      }
      memcpy(out + o, f.p + i, (size_t)len);
      o += (size_t)len;
    }
    i += (size_t)len;
  }
  out[o] = '\0';
  if (nwords) *nwords = n;
  return (sl_slice){ out, o };
}

static pl_name *new_name(md_model *m, sl_slice key, const md_place *p) {
  pl_name *e = ar_alloc(m->arena, sizeof *e);
  e->key = key;
  e->place = p;
  return e;
}

static void add_tails(md_model *m, struct pl_index *x, sl_slice key, const md_place *p) {
  for (size_t i = 0; i < key.n; i++) {
    if (key.p[i] != ' ') continue;
    sl_slice tail = { key.p + i + 1, key.n - i - 1 };
    pl_name *old = ix_put(&x->tails, new_name(m, tail, p));
    if (old && old->place != p) old->ambiguous = 1;
  }
}

static void add_name(md_model *m, struct pl_index *x, md_place *p, const md_str *s) {
  size_t n;
  sl_slice key = words(m, s->value, NULL, &n);
  if (!n) return;
  pl_name *old = ix_put(&x->names, new_name(m, key, p));
  if (old && old->place != p) {
    dg_diag *d = dg_add(m->diags, DG_WARNING, "duplicate-name", s->loc.file, s->loc.off, s->loc.len,
                        _("name \"%.*s\" of place '%.*s' also names place '%.*s'"), (int)s->value.n, s->value.p,
                        (int)p->id.n, p->id.p, (int)old->place->id.n, old->place->id.p);
    dg_note(m->diags, d, old->place->loc.file, old->place->loc.off, old->place->loc.len,
            _("'%.*s' is declared here"), (int)old->place->id.n, old->place->id.p);
    return;
  }
  if (n > x->max_words) x->max_words = n;
  add_tails(m, x, key, p);
}

static struct pl_index *index_of(md_model *m) {
  if (m->place_index) return m->place_index;
  struct pl_index *x = ar_alloc(m->arena, sizeof *x);
  ix_init(&x->ids, m->arena, id_key);
  ix_init(&x->names, m->arena, name_key);
  ix_init(&x->tails, m->arena, name_key);
  return m->place_index = x;
}

void pl_index(md_model *m) {
  struct pl_index *x = index_of(m);
  for (md_place *p = x->done ? x->done->next : m->places; p; p = p->next) {
    x->done = p;
    md_place *first = ix_put(&x->ids, p);
    if (first) {
      dg_diag *d = dg_add(m->diags, DG_ERROR, "duplicate-id", p->loc.file, p->loc.off, p->loc.len,
                          _("place '%.*s' is declared twice"), (int)p->id.n, p->id.p);
      dg_note(m->diags, d, first->loc.file, first->loc.off, first->loc.len, _("first declared here"));
      continue;
    }
    x->levels |= MD_LEVEL_BIT(p->level);
    add_name(m, x, p, &p->name);
    for (md_strs *a = p->aliases; a; a = a->next) add_name(m, x, p, &a->s);
  }
}

const md_place *pl_by_name(md_model *m, sl_slice name) {
  struct pl_index *x = index_of(m);
  sl_slice key = words(m, name, NULL, NULL);
  const pl_name *e = ix_get(&x->names, key);
  if (e) return e->place;
  e = ix_get(&x->tails, key);
  return e && !e->ambiguous ? e->place : NULL;
}

unsigned pl_levels(md_model *m) { return m->place_index ? m->place_index->levels : 0; }

static size_t add_unique(const md_place **out, size_t n, size_t max, const md_place *p) {
  for (size_t i = 0; i < n; i++)
    if (out[i] == p) return n;
  if (n < max) out[n++] = p;
  return n;
}

/* The places one paragraph names: every run of up to max_words words is
 * looked up, so a paragraph costs its words times the longest name. */
static size_t scan(md_model *m, const struct pl_index *x, sl_slice text, const md_place **out, size_t n, size_t max) {
  size_t nw;
  uint32_t *starts = ar_alloc(m->arena, (text.n + 4) * sizeof *starts);
  sl_slice w = words(m, text, starts, &nw);
  for (size_t i = 0; i < nw; i++) {
    for (size_t k = 1; k <= x->max_words && i + k <= nw; k++) {
      size_t end = i + k < nw ? starts[i + k] - 1 : w.n;
      const pl_name *e = ix_get(&x->names, (sl_slice){ w.p + starts[i], end - starts[i] });
      if (e) n = add_unique(out, n, max, e->place);
    }
  }
  return n;
}

size_t pl_named(md_model *m, const md_item *it, const md_place **out, size_t max) {
  const struct pl_index *x = m->place_index;
  if (!x || !x->max_words) return 0;
  size_t n = 0;
  for (const md_strs *s = it->texts; s; s = s->next) n = scan(m, x, s->s.value, out, n, max);
  return n;
}
