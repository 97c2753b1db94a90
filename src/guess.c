/* guess: the bodies a name may have meant; see guess.h. */
#include "guess.h"

#include <string.h>

#include "text.h"

enum { MAX_WORDS = 32 };

typedef struct entry {          /* one name of one body */
  gs_hit hit;
  sl_slice bare;                /* the name without marks, folded */
  unsigned nwords;
} entry;

typedef struct word {           /* a word and the names that hold it */
  sl_slice key;
  uint32_t *post;
  size_t n, cap;
} word;

struct gs_index {
  ar_arena *a;
  entry *v;
  size_t n, cap;
  ix_table words;               /* word → its names */
  ix_table whole;               /* bare name → its first entry (an index + 1) */
  unsigned *count;              /* per entry: query words it shares (0
                                   between queries) */
  size_t count_cap;
  uint32_t *touched;            /* the entries a query counted */
};

typedef struct whole_name {
  sl_slice key;
  size_t entry;
} whole_name;

static sl_slice word_key(const void *v) { return ((const word *)v)->key; }
static sl_slice whole_key(const void *v) { return ((const whole_name *)v)->key; }

gs_index *gs_new(ar_arena *a) {
  gs_index *g = ar_alloc(a, sizeof *g);
  memset(g, 0, sizeof *g);
  g->a = a;
  ix_init(&g->words, a, word_key);
  ix_init(&g->whole, a, whole_key);
  return g;
}

static int is_sep(char c) {
  return c == ' ' || c == ',' || c == '_' || c == '-' || c == '.' || c == '(' || c == ')' || c == ';' ||
         c == ':' || c == '/' || c == '"' || c == '\'';
}

/* The distinct words of a bare text, at most MAX_WORDS. */
static size_t words_of(sl_slice s, sl_slice out[MAX_WORDS]) {
  size_t k = 0;
  for (size_t i = 0; i < s.n && k < MAX_WORDS;) {
    while (i < s.n && is_sep(s.p[i])) i++;
    size_t j = i;
    while (j < s.n && !is_sep(s.p[j])) j++;
    if (j == i) break;
    sl_slice w = { s.p + i, j - i };
    size_t d = 0;
    while (d < k && !sl_eq(out[d], w)) d++;
    if (d == k) out[k++] = w;
    i = j;
  }
  return k;
}

void gs_add_name(gs_index *g, sl_slice id, sl_slice name, sl_slice key, const char *where) {
  sl_slice bare = tx_fold_bare(g->a, key.p, key.n);
  sl_slice w[MAX_WORDS];
  size_t k = words_of(bare, w);
  if (k == 0) return;
  g->v = ar_grow(g->a, g->v, sizeof *g->v, &g->cap, g->n + 1);
  size_t e = g->n++;
  g->v[e] = (entry){ { id, name, where }, bare, (unsigned)k };
  whole_name *wn = ar_alloc(g->a, sizeof *wn);
  *wn = (whole_name){ bare, e };
  ix_put(&g->whole, wn);
  for (size_t i = 0; i < k; i++) {
    word *x = ix_get(&g->words, w[i]);
    if (!x) {
      x = ar_alloc(g->a, sizeof *x);
      memset(x, 0, sizeof *x);
      x->key = w[i];
      ix_put(&g->words, x);
    }
    x->post = ar_grow(g->a, x->post, sizeof *x->post, &x->cap, x->n + 1);
    x->post[x->n++] = (uint32_t)e;
  }
}

static size_t common_prefix(sl_slice a, sl_slice b) {
  size_t i = 0;
  while (i < a.n && i < b.n && a.p[i] == b.p[i]) i++;
  return i;
}

/* Entry a with score sa is better than b with sb for the query q: more
 * words shared; then, of the same score, the longer start in common
 * ('btc_tuu' is btc_tu rather than btc_hu), a body loaded rather than one
 * of a file to add, the nearer length, the earlier declared. */
static int better(const gs_index *g, size_t a, double sa, size_t b, double sb, sl_slice q) {
  if (sa != sb) return sa > sb;
  const entry *ea = &g->v[a], *eb = &g->v[b];
  size_t pa = common_prefix(ea->bare, q), pb = common_prefix(eb->bare, q);
  if (pa != pb) return pa > pb;
  if (!ea->hit.where != !eb->hit.where) return !ea->hit.where;
  size_t la = ea->bare.n, lb = eb->bare.n;
  size_t da = la > q.n ? la - q.n : q.n - la, db = lb > q.n ? lb - q.n : q.n - lb;
  if (da != db) return da < db;
  return a < b;
}

static int same_body(const gs_hit *a, const gs_hit *b) {
  return sl_eq(a->id, b->id) && (a->where == b->where || (a->where && b->where && strcmp(a->where, b->where) == 0));
}

/* Keeps the GS_MAX best entries in best[] (one per body), sorted. */
static void offer(const gs_index *g, size_t e, double s, sl_slice q, size_t best[GS_MAX], double bs[GS_MAX],
                  size_t *nbest) {
  for (size_t i = 0; i < *nbest; i++) {
    if (!same_body(&g->v[best[i]].hit, &g->v[e].hit)) continue;
    if (!better(g, e, s, best[i], bs[i], q)) return;
    memmove(best + i, best + i + 1, (*nbest - i - 1) * sizeof *best);   /* replaced below */
    memmove(bs + i, bs + i + 1, (*nbest - i - 1) * sizeof *bs);
    (*nbest)--;
    break;
  }
  size_t at = *nbest;
  while (at > 0 && better(g, e, s, best[at - 1], bs[at - 1], q)) at--;
  if (at >= GS_MAX) return;
  size_t keep = *nbest < GS_MAX ? *nbest : GS_MAX - 1;
  memmove(best + at + 1, best + at, (keep - at) * sizeof *best);
  memmove(bs + at + 1, bs + at, (keep - at) * sizeof *bs);
  best[at] = e;
  bs[at] = s;
  *nbest = keep + 1;
}

size_t gs_nearest(gs_index *g, sl_slice text, gs_hit out[GS_MAX]) {
  sl_slice bare = tx_fold_bare(g->a, text.p, text.n);
  sl_slice qw[MAX_WORDS];
  size_t k = words_of(bare, qw);
  if (k == 0 || g->n == 0) return 0;
  size_t best[GS_MAX];
  double bs[GS_MAX];
  size_t nbest = 0;
  /* The same name but for marks and case: what the writer meant. */
  whole_name *exact = ix_get(&g->whole, bare);
  if (exact) {
    out[0] = g->v[exact->entry].hit;
    return 1;
  }
  /* The query's words that some name holds, rarest first. */
  word *found[MAX_WORDS];
  size_t nf = 0;
  for (size_t i = 0; i < k; i++) {
    word *x = ix_get(&g->words, qw[i]);
    if (!x) continue;
    size_t at = nf++;
    while (at > 0 && found[at - 1]->n > x->n) { found[at] = found[at - 1]; at--; }
    found[at] = x;
  }
  size_t had = g->count_cap;
  g->count = ar_grow(g->a, g->count, sizeof *g->count, &g->count_cap, g->n);
  memset(g->count + had, 0, (g->count_cap - had) * sizeof *g->count);
  if (!g->touched) g->touched = ar_alloc(g->a, GS_BUDGET * sizeof *g->touched);
  uint32_t *touched = g->touched;
  size_t nt = 0, read = 0;
  for (size_t i = 0; i < nf; i++) {
    if (read + found[i]->n > GS_BUDGET && read > 0) break;
    for (size_t j = 0; j < found[i]->n && nt < GS_BUDGET; j++) {
      uint32_t e = found[i]->post[j];
      if (g->count[e]++ == 0) touched[nt++] = e;
    }
    read += found[i]->n;
  }
  for (size_t i = 0; i < nt; i++) {
    uint32_t e = touched[i];
    double s = 2.0 * g->count[e] / (double)(k + g->v[e].nwords);
    g->count[e] = 0;
    if (s >= 0.5) offer(g, e, s, bare, best, bs, &nbest);
  }
  for (size_t i = 0; i < nbest; i++) out[i] = g->v[best[i]].hit;
  return nbest;
}
