/* similar: TF-IDF vectors of item texts and their cosine; see similar.h. */
#include "similar.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "text.h"

enum { NONE = UINT32_MAX };  /* no term: a syllable not joined to the next */

typedef struct term {
  const char *s;             /* folded, NUL-terminated: handed out by sm_shared_terms */
  size_t n;
  uint32_t df;               /* documents that hold it */
  int pair;                  /* two syllables, not one */
  double idf;
} term;

typedef struct entry {
  uint32_t id;
  double w;                  /* a count until sm_finish, then a unit-vector weight */
} entry;

typedef struct doc {
  const md_item *item;
  entry *v;                  /* sorted by term id */
  size_t nv;
  /* The syllables in text order and, for each, the pair it forms with the
   * next one (NONE at punctuation and paragraph ends): sm_shared_terms
   * rebuilds phrases from them. */
  uint32_t *seq, *link;
  size_t nseq;
} doc;

typedef struct abbrev {
  sl_slice shortform, longform;
} abbrev;

struct sm_index {
  ar_arena *a;
  abbrev *abbrevs;           /* the model's first, so a plan can override */
  size_t nabbrevs;
  ix_table by_short;         /* abbrevs by short form, the first of each */
  term *terms;
  size_t nterms, capterms;
  uint32_t *thash;           /* open addressing: term id + 1, 0 when empty */
  size_t thcap;
  doc *docs;
  size_t ndocs, capdocs;
  uint32_t *dhash;           /* open addressing by item address: doc index + 1 */
  size_t dhcap;
  uint32_t *seq, *link, *bag;   /* scratch of the sm_add in progress */
  size_t nseq, capseq, capbag;
  char *key;                 /* scratch for a pair that is not one slice */
  size_t capkey;
  int finished;
  /* The candidates' inverted index (sm_candidates_from): for term t, the
   * candidates holding it are post[post_at[t] .. post_at[t + 1]), in the
   * order added, each with its weight there (post_w), and max_w[t] is the
   * most it weighs in one of them. */
  size_t ncand;
  uint32_t *post_at, *post;
  double *post_w, *max_w;
  uint32_t *stamp, query;    /* stamp[k] == query: candidate k is found */
  double *acc;               /* candidate k's sum over the terms taken */
  struct rare *taken;        /* scratch of sm_candidates */
  uint32_t *order;
  struct found *found;
  const md_item **items;
  size_t captaken, caporder, capfound, capitems;
};

/* The common abbreviations of party documents, for models whose stdlib
 * lacks them. Matched case-sensitively, whole tokens only: they are written
 * in capitals, and "TU", "TƯ", "VN" in lower case are syllables ("tu sửa",
 * "tư nhân"). */
static const char *const builtin[][2] = {
  { "TW", "Trung ương" }, { "TƯ", "Trung ương" }, { "TU", "Tỉnh ủy" }, { "HU", "Huyện ủy" },
  { "ĐU", "Đảng ủy" }, { "BCH", "Ban Chấp hành" }, { "BTV", "Ban Thường vụ" },
  { "BCT", "Bộ Chính trị" }, { "BBT", "Ban Bí thư" }, { "BTC", "Ban Tổ chức" },
  { "BTG", "Ban Tuyên giáo" }, { "BDV", "Ban Dân vận" }, { "BNC", "Ban Nội chính" },
  { "BCĐ", "Ban Chỉ đạo" }, { "UBKT", "Ủy ban Kiểm tra" }, { "HĐND", "Hội đồng nhân dân" },
  { "UBND", "Ủy ban nhân dân" }, { "MTTQ", "Mặt trận Tổ quốc" },
  { "UBMTTQ", "Ủy ban Mặt trận Tổ quốc" }, { "MTTQVN", "Mặt trận Tổ quốc Việt Nam" },
  { "UBMT", "Ủy ban Mặt trận" }, { "TQVN", "Tổ quốc Việt Nam" }, { "VN", "Việt Nam" },
  { "TCCSĐ", "tổ chức cơ sở đảng" }, { "TCCSD", "tổ chức cơ sở đảng" },
  { "TCCS", "tổ chức cơ sở" }, { "CT-XH", "chính trị - xã hội" }, { "CTXH", "chính trị - xã hội" },
  { "KT-XH", "kinh tế - xã hội" }, { "HTCT", "hệ thống chính trị" },
  { "UVBTV", "Ủy viên Ban Thường vụ" }, { "TUV", "Tỉnh ủy viên" }, { "HUV", "Huyện ủy viên" },
  { "VPTU", "Văn phòng Tỉnh ủy" }, { "VPHU", "Văn phòng Huyện ủy" },
  { "Đ/c", "đồng chí" }, { "đ/c", "đồng chí" },
};


/* ---- the abbreviation table ---- */

static sl_slice short_key(const void *v) { return ((const abbrev *)v)->shortform; }

static void add_abbrev(sm_index *ix, sl_slice shortform, sl_slice longform) {
  abbrev *ab = &ix->abbrevs[ix->nabbrevs++];
  ab->shortform = tx_nfc(ix->a, shortform.p, shortform.n); /* compared with NFC text */
  ab->longform = longform;
  ix_put(&ix->by_short, ab);
}

static void load_abbrevs(sm_index *ix, const md_model *m) {
  size_t n = sizeof builtin / sizeof builtin[0];
  for (const md_abbrev *ab = m->abbrevs; ab; ab = ab->next) n++;
  ix->abbrevs = ar_alloc(ix->a, n * sizeof *ix->abbrevs);
  ix_init(&ix->by_short, ix->a, short_key);
  ix_reserve(&ix->by_short, n);
  for (const md_abbrev *ab = m->abbrevs; ab; ab = ab->next)
    add_abbrev(ix, ab->shortform.value, ab->longform.value);
  for (size_t k = 0; k < sizeof builtin / sizeof builtin[0]; k++)
    add_abbrev(ix, (sl_slice){ builtin[k][0], strlen(builtin[k][0]) },
               (sl_slice){ builtin[k][1], strlen(builtin[k][1]) });
}

/* Every token of every text is looked up: through the index, so that a
 * plan declaring thousands of abbreviations costs no more per token. */
static const sl_slice *expansion(const sm_index *ix, const char *s, size_t n) {
  const abbrev *ab = ix_get(&ix->by_short, (sl_slice){ s, n });
  return ab ? &ab->longform : NULL;
}

sm_index *sm_new(md_model *m) {
  sm_index *ix = ar_alloc(m->arena, sizeof *ix);
  ix->a = m->arena;
  load_abbrevs(ix, m);
  return ix;
}

/* ---- tokens ---- */

typedef enum cls { C_SPACE, C_WORD, C_JOIN, C_PUNCT } cls;

/* The class of the code point at s[i] and its length (a bad byte is one
 * byte of punctuation). Letters, marks and digits make words; '-', '/' and
 * '.' between two of them join them, so "164-qđ/tw", "12/5/2008" and
 * "ii/2023" stay whole. */
static cls class_at(const char *s, size_t n, size_t i, size_t *len) {
  int32_t cp;
  int l = tx_decode((const unsigned char *)s + i, n - i, &cp);
  *len = l ? (size_t)l : 1;
  if (!l) return C_PUNCT;
  if (cp == '-' || cp == '/' || cp == '.') return C_JOIN;
  if (cp == '\t' || cp == '\n' || cp == '\r') return C_SPACE;
  switch (utf8proc_category(cp)) {
  case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
  case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
  case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME: case UTF8PROC_CATEGORY_ND:
  case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
    return C_WORD;
  case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
    return C_SPACE;
  default:
    return C_PUNCT;
  }
}

typedef struct scan {
  const char *s;
  size_t n, i;
  size_t start, end;         /* the token found */
  int broken;                /* something but white space stood before it */
} scan;

static int next_token(scan *sc) {
  size_t len, len2;
  sc->broken = 0;
  for (; sc->i < sc->n; sc->i += len) {
    cls c = class_at(sc->s, sc->n, sc->i, &len);
    if (c == C_WORD) break;
    if (c != C_SPACE) sc->broken = 1;
  }
  if (sc->i >= sc->n) return 0;
  sc->start = sc->i;
  while (sc->i < sc->n) {
    cls c = class_at(sc->s, sc->n, sc->i, &len);
    if (c == C_WORD) { sc->i += len; continue; }
    if (c != C_JOIN || sc->i + len >= sc->n) break;
    if (class_at(sc->s, sc->n, sc->i + len, &len2) != C_WORD) break;
    sc->i += len + len2;
  }
  sc->end = sc->i;
  return 1;
}

/* ---- normalisation ---- */

static size_t put(char *out, size_t o, const char *s, size_t n) {
  if (out && n) memcpy(out + o, s, n);
  return n;
}

/* s with every abbreviation token replaced by its long form, into out; only
 * measures when out is NULL. Works on the NFC text before folding, because
 * the match is case-sensitive. */
static size_t expand(const sm_index *ix, const char *s, size_t n, char *out) {
  scan sc = { s, n, 0, 0, 0, 0 };
  size_t o = 0, from = 0;
  while (next_token(&sc)) {
    const sl_slice *rep = expansion(ix, s + sc.start, sc.end - sc.start);
    if (!rep) continue;
    o += put(out, o, s + from, sc.start - from);
    o += put(out, o, rep->p, rep->n);
    from = sc.end;
  }
  return o + put(out, o, s + from, n - from);
}

/* The text terms are read from: NFC, abbreviations expanded, case folded,
 * white space collapsed, new-style tone marks. A fresh arena copy, so the
 * tone rewrite never touches a source buffer. */
static sl_slice normalise(sm_index *ix, sl_slice text) {
  sl_slice nfc = tx_nfc(ix->a, text.p, text.n);
  size_t n = expand(ix, nfc.p, nfc.n, NULL);
  char *buf = ar_alloc(ix->a, n + 1);
  expand(ix, nfc.p, nfc.n, buf);
  return tx_fold_tones(ix->a, buf, n);
}

/* ---- interning ---- */

static void rehash_terms(sm_index *ix) {
  size_t cap = ix->thcap ? ix->thcap * 2 : 1024;
  ix->thash = ar_alloc(ix->a, cap * sizeof *ix->thash);
  ix->thcap = cap;
  for (size_t id = 0; id < ix->nterms; id++) {
    size_t h = (size_t)tx_hash(ix->terms[id].s, ix->terms[id].n) & (cap - 1);
    while (ix->thash[h]) h = (h + 1) & (cap - 1);
    ix->thash[h] = (uint32_t)id + 1;
  }
}

static uint32_t intern(sm_index *ix, const char *s, size_t n) {
  if ((ix->nterms + 1) * 2 > ix->thcap) rehash_terms(ix);
  size_t mask = ix->thcap - 1;
  size_t h = (size_t)tx_hash(s, n) & mask;
  for (; ix->thash[h]; h = (h + 1) & mask) {
    const term *t = &ix->terms[ix->thash[h] - 1];
    if (t->n == n && memcmp(t->s, s, n) == 0) return ix->thash[h] - 1;
  }
  ix->terms = ar_grow(ix->a, ix->terms, sizeof *ix->terms, &ix->capterms, ix->nterms + 1);
  term *t = &ix->terms[ix->nterms];
  t->s = ar_strndup(ix->a, s, n);
  t->n = n;
  ix->thash[h] = (uint32_t)++ix->nterms;
  return (uint32_t)(ix->nterms - 1);
}

/* The pair "x y" of two syllables of f. Folding collapsed white space to
 * one space, so the pair is nearly always a slice of f; other separators
 * (a no-break space) are rewritten as one space. */
static uint32_t intern_pair(sm_index *ix, sl_slice f, size_t s1, size_t e1, size_t s2, size_t e2) {
  uint32_t id;
  if (s2 == e1 + 1 && f.p[e1] == ' ') {
    id = intern(ix, f.p + s1, e2 - s1);
  } else {
    size_t n = (e1 - s1) + 1 + (e2 - s2);
    ix->key = ar_grow(ix->a, ix->key, 1, &ix->capkey, n);
    memcpy(ix->key, f.p + s1, e1 - s1);
    ix->key[e1 - s1] = ' ';
    memcpy(ix->key + (e1 - s1) + 1, f.p + s2, e2 - s2);
    id = intern(ix, ix->key, n);
  }
  ix->terms[id].pair = 1; /* a syllable never holds a space, so never both */
  return id;
}

/* ---- documents ---- */

static void push_syllable(sm_index *ix, uint32_t id, uint32_t pair) {
  if (ix->nseq == ix->capseq) { /* seq and link share one capacity */
    size_t cap = ix->capseq;
    ix->seq = ar_grow(ix->a, ix->seq, sizeof *ix->seq, &cap, ix->nseq + 1);
    ix->link = ar_grow(ix->a, ix->link, sizeof *ix->link, &ix->capseq, ix->nseq + 1);
  }
  if (pair != NONE) ix->link[ix->nseq - 1] = pair;
  ix->seq[ix->nseq] = id;
  ix->link[ix->nseq++] = NONE;
}

/* Reads one paragraph's syllables and pairs into the scratch arrays; a pair
 * never spans punctuation or two paragraphs. */
static void read_paragraph(sm_index *ix, sl_slice f) {
  scan sc = { f.p, f.n, 0, 0, 0, 0 };
  size_t ps = 0, pe = 0;
  int joined = 0;
  while (next_token(&sc)) {
    uint32_t id = intern(ix, f.p + sc.start, sc.end - sc.start);
    uint32_t pair = joined && !sc.broken ? intern_pair(ix, f, ps, pe, sc.start, sc.end) : NONE;
    push_syllable(ix, id, pair);
    ps = sc.start;
    pe = sc.end;
    joined = 1;
  }
}

static int cmp_id(const void *x, const void *y) {
  uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
  return (a > b) - (a < b);
}

/* The document's term counts from the scratch arrays: every syllable and
 * every pair, sorted by id and counted; each distinct term adds one to its
 * document frequency. */
static void count_terms(sm_index *ix, doc *d) {
  size_t n = 0;
  ix->bag = ar_grow(ix->a, ix->bag, sizeof *ix->bag, &ix->capbag, 2 * ix->nseq + 1);
  for (size_t k = 0; k < ix->nseq; k++) {
    ix->bag[n++] = ix->seq[k];
    if (ix->link[k] != NONE) ix->bag[n++] = ix->link[k];
  }
  qsort(ix->bag, n, sizeof *ix->bag, cmp_id);
  size_t distinct = 0;
  for (size_t k = 0; k < n; k++) distinct += k == 0 || ix->bag[k] != ix->bag[k - 1];
  d->v = ar_alloc(ix->a, (distinct ? distinct : 1) * sizeof *d->v);
  for (size_t k = 0; k < n; k++) {
    if (k == 0 || ix->bag[k] != ix->bag[k - 1]) {
      d->v[d->nv++].id = ix->bag[k];
      ix->terms[ix->bag[k]].df++;
    }
    d->v[d->nv - 1].w += 1;
  }
}

static size_t item_slot(const md_item *it, size_t cap) {
  uint64_t x = (uint64_t)(uintptr_t)it;
  x ^= x >> 29;
  x *= 0x9E3779B97F4A7C15ull;
  return (size_t)(x >> 32) & (cap - 1);
}

static const doc *find_doc(const sm_index *ix, const md_item *it) {
  if (!ix->dhcap || !it) return NULL;
  for (size_t h = item_slot(it, ix->dhcap); ix->dhash[h]; h = (h + 1) & (ix->dhcap - 1))
    if (ix->docs[ix->dhash[h] - 1].item == it) return &ix->docs[ix->dhash[h] - 1];
  return NULL;
}

static void index_doc(sm_index *ix, size_t k) {
  if ((ix->ndocs + 1) * 2 > ix->dhcap) {
    ix->dhcap = ix->dhcap ? ix->dhcap * 2 : 256;
    ix->dhash = ar_alloc(ix->a, ix->dhcap * sizeof *ix->dhash);
    for (size_t j = 0; j < k; j++) index_doc(ix, j);
  }
  size_t h = item_slot(ix->docs[k].item, ix->dhcap);
  while (ix->dhash[h]) h = (h + 1) & (ix->dhcap - 1);
  ix->dhash[h] = (uint32_t)k + 1;
}

static uint32_t *copy_ids(ar_arena *a, const uint32_t *ids, size_t n) {
  uint32_t *c = ar_alloc(a, (n ? n : 1) * sizeof *c);
  if (n) memcpy(c, ids, n * sizeof *c);
  return c;
}

void sm_add(sm_index *ix, const md_item *it) {
  if (ix->finished || !it || find_doc(ix, it)) return;
  ix->nseq = 0;
  for (const md_strs *p = it->texts; p; p = p->next) read_paragraph(ix, normalise(ix, p->s.value));
  ix->docs = ar_grow(ix->a, ix->docs, sizeof *ix->docs, &ix->capdocs, ix->ndocs + 1);
  doc *d = &ix->docs[ix->ndocs];
  d->item = it;
  count_terms(ix, d);
  d->seq = copy_ids(ix->a, ix->seq, ix->nseq);
  d->link = copy_ids(ix->a, ix->link, ix->nseq);
  d->nseq = ix->nseq;
  index_doc(ix, ix->ndocs);
  ix->ndocs++;
}

/* ---- weights ---- */

/* What a pair weighs against a syllable. Its two syllables already count,
 * so a pair is a bonus for saying them together, not a third copy of them.
 * Measured with `plancheck suggest --evaluate` on the three real child
 * plans: half weight put the linked task first for 79 of 123 links, full
 * weight for 77, none for 79 but in the top 3 for fewer. */
#define PAIR_WEIGHT 0.5

/* Sublinear tf (a word said twice is not twice as telling) times idf, then
 * scaled to unit length so the dot product is the cosine. */
static void weigh(sm_index *ix, doc *d) {
  double norm = 0;
  for (size_t k = 0; k < d->nv; k++) {
    entry *e = &d->v[k];
    const term *t = &ix->terms[e->id];
    e->w = (1 + log(e->w)) * t->idf * (t->pair ? PAIR_WEIGHT : 1);
    norm += e->w * e->w;
  }
  norm = sqrt(norm);
  for (size_t k = 0; norm > 0 && k < d->nv; k++) d->v[k].w /= norm;
}

void sm_finish(sm_index *ix) {
  if (ix->finished) return;
  ix->finished = 1;
  /* Smoothed: a term in every document still weighs log 2, not 0, so two
   * texts of only common words are not "unrelated". */
  for (size_t id = 0; id < ix->nterms; id++) {
    term *t = &ix->terms[id];
    t->idf = t->df ? log(1.0 + (double)ix->ndocs / t->df) : 0;
  }
  for (size_t k = 0; k < ix->ndocs; k++) weigh(ix, &ix->docs[k]);
}

double sm_similarity(const sm_index *ix, const md_item *a, const md_item *b) {
  const doc *da = find_doc(ix, a), *db = find_doc(ix, b);
  if (!ix->finished || !da || !db) return 0;
  double dot = 0;
  for (size_t i = 0, j = 0; i < da->nv && j < db->nv;) {
    if (da->v[i].id < db->v[j].id) i++;
    else if (da->v[i].id > db->v[j].id) j++;
    else dot += da->v[i++].w * db->v[j++].w;
  }
  return dot > 1 ? 1 : dot; /* rounding can pass 1 for identical texts */
}

/* ---- shared terms ---- */

static double weight_in(const doc *d, uint32_t id) {
  size_t lo = 0, hi = d->nv;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (d->v[mid].id < id) lo = mid + 1;
    else hi = mid;
  }
  return lo < d->nv && d->v[lo].id == id ? d->v[lo].w : 0;
}

/* A term's part of the cosine of a and b. */
static double share(const doc *a, const doc *b, uint32_t id) { return weight_in(a, id) * weight_in(b, id); }

typedef struct run {
  size_t s, e;               /* a->seq[s..e); empty when s == e */
  double score;
} run;

/* The longest run of a's syllables from k that b shares, each joined to
 * the next by a pair b shares too. It weighs what its heaviest term adds to
 * the cosine: a phrase tells as much as its rarest part, and a sum would let
 * every common pair ("trong năm": two syllables and a pair) outweigh a rare
 * single term ("164-qđ/tw"). */
static run run_at(const doc *a, const doc *b, size_t k) {
  run r = { k, k, share(a, b, a->seq[k]) };
  if (r.score <= 0) return r;
  for (r.e = k + 1; r.e < a->nseq && a->link[r.e - 1] != NONE; r.e++) {
    double p = share(a, b, a->link[r.e - 1]), s = share(a, b, a->seq[r.e]);
    if (p <= 0) break;
    r.score = fmax(r.score, fmax(p, s));
  }
  return r;
}

/* Whether r's syllables occur in a chosen run: the same phrase said again,
 * or part of a longer one already given. */
static int chosen_already(const doc *a, const run *chosen, size_t n, run r) {
  size_t len = r.e - r.s;
  for (size_t c = 0; c < n; c++)
    for (size_t i = chosen[c].s; i + len <= chosen[c].e; i++)
      if (memcmp(a->seq + i, a->seq + r.s, len * sizeof *a->seq) == 0) return 1;
  return 0;
}

static const char *phrase(const sm_index *ix, const doc *d, run r) {
  if (r.e - r.s == 1) return ix->terms[d->seq[r.s]].s;
  if (r.e - r.s == 2) return ix->terms[d->link[r.s]].s;
  size_t n = 0;
  for (size_t k = r.s; k < r.e; k++) n += ix->terms[d->seq[k]].n + 1;
  char *p = ar_alloc(ix->a, n), *o = p;
  for (size_t k = r.s; k < r.e; k++) {
    if (k > r.s) *o++ = ' ';
    memcpy(o, ix->terms[d->seq[k]].s, ix->terms[d->seq[k]].n);
    o += ix->terms[d->seq[k]].n;
  }
  *o = '\0';
  return p;
}

/* Whether r goes before best: heavier, or as heavy and longer, so a phrase
 * always comes before the shorter ones inside it; ties after that go to
 * the earlier, so the output is stable. */
static int better(run r, run best) {
  return r.score > best.score || (r.score == best.score && r.e - r.s > best.e - best.s);
}

/* The heaviest run of a that b shares and no chosen run holds; an empty
 * run when none is left. */
static run best_run(const doc *a, const doc *b, const run *chosen, size_t n) {
  run best = { 0, 0, 0 };
  for (size_t k = 0; k < a->nseq;) {
    run r = run_at(a, b, k);
    k = r.e > r.s ? r.e : k + 1;
    if (r.e > r.s && better(r, best) && !chosen_already(a, chosen, n, r)) best = r;
  }
  return best;
}

size_t sm_shared_terms(const sm_index *ix, const md_item *a, const md_item *b, const char **out,
                       size_t max) {
  const doc *da = find_doc(ix, a), *db = find_doc(ix, b);
  if (!ix->finished || !da || !db) return 0;
  run chosen[SM_MAX_SHARED];
  size_t n = 0;
  if (max > SM_MAX_SHARED) max = SM_MAX_SHARED;
  while (n < max) {
    run r = best_run(da, db, chosen, n);
    if (r.e == r.s) break;
    chosen[n] = r;
    out[n++] = phrase(ix, da, r);
  }
  return n;
}

size_t sm_documents(const sm_index *ix) { return ix->ndocs; }

size_t sm_terms(const sm_index *ix) { return ix->nterms; }

/* ---- candidates ---- */

void sm_candidates_from(sm_index *ix, size_t n) {
  if (!ix->finished || ix->post_at) return;
  if (n > ix->ndocs) n = ix->ndocs;
  ix->ncand = n;
  ix->post_at = ar_alloc(ix->a, (ix->nterms + 2) * sizeof *ix->post_at);
  ix->max_w = ar_alloc(ix->a, (ix->nterms + 1) * sizeof *ix->max_w);
  size_t total = 0;
  for (size_t k = 0; k < n; k++) {
    const doc *d = &ix->docs[k];
    for (size_t i = 0; i < d->nv; i++) {
      ix->post_at[d->v[i].id + 2]++;
      if (d->v[i].w > ix->max_w[d->v[i].id]) ix->max_w[d->v[i].id] = d->v[i].w;
    }
    total += d->nv;
  }
  /* post_at[t + 2] counted t's postings; summed, post_at[t + 1] is where
   * t's begin, and filling moves it to where they end (t + 1's start). */
  for (size_t t = 2; t < ix->nterms + 2; t++) ix->post_at[t] += ix->post_at[t - 1];
  ix->post = ar_alloc(ix->a, (total ? total : 1) * sizeof *ix->post);
  ix->post_w = ar_alloc(ix->a, (total ? total : 1) * sizeof *ix->post_w);
  for (size_t k = 0; k < n; k++)
    for (size_t i = 0; i < ix->docs[k].nv; i++) {
      uint32_t at = ix->post_at[ix->docs[k].v[i].id + 1]++;
      ix->post[at] = (uint32_t)k;
      ix->post_w[at] = ix->docs[k].v[i].w;
    }
  ix->stamp = ar_alloc(ix->a, (n ? n : 1) * sizeof *ix->stamp);
  ix->acc = ar_alloc(ix->a, (n ? n : 1) * sizeof *ix->acc);
}

/* Whether a bound may reach `bar`: with a margin for the rounding of sums
 * taken in another order than sm_similarity's. */
static int above(double bound, double bar) { return bound * (1 + 1e-9) + 1e-12 >= bar; }

static size_t postings(const sm_index *ix, uint32_t id) { return ix->post_at[id + 1] - ix->post_at[id]; }

/* One of a query's terms, to be taken rarest first. */
typedef struct rare {
  uint32_t n, id, i;         /* candidates holding it, its id, its entry */
} rare;

/* Rarest among the candidates first (then by id: an order that does not
 * depend on the sort). */
static int rarer(const void *x, const void *y) {
  const rare *a = x, *b = y;
  return a->n != b->n ? (a->n > b->n) - (a->n < b->n) : (a->id > b->id) - (a->id < b->id);
}

/* A candidate found: its number, and what the terms taken add to its
 * similarity with the query (a lower bound, summed in another order than
 * sm_similarity's, so never used as the score itself). */
typedef struct found {
  uint32_t k;
  double acc;
} found;

static int more_shared(const void *x, const void *y) {
  const found *a = x, *b = y;
  return a->acc != b->acc ? (a->acc < b->acc) - (a->acc > b->acc) : (a->k > b->k) - (a->k < b->k);
}

static int by_order(const void *x, const void *y) {
  uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
  return (a > b) - (a < b);
}

/* Takes term `e` of query `d`: adds its part to the candidates holding it,
 * listing those not found before. */
static void take_term(sm_index *ix, const entry *e, size_t *n) {
  for (uint32_t p = ix->post_at[e->id]; p < ix->post_at[e->id + 1]; p++) {
    uint32_t k = ix->post[p];
    if (ix->stamp[k] != ix->query) {
      ix->stamp[k] = ix->query;
      ix->acc[k] = 0;
      ix->order = ar_grow(ix->a, ix->order, sizeof *ix->order, &ix->caporder, *n + 1);
      ix->order[(*n)++] = k;
    }
    ix->acc[k] += e->w * ix->post_w[p];
  }
}

/* Takes the query's terms rarest first while the terms left could add
 * `bar` or more, reading at most SM_SEARCH_BUDGET postings (at least the
 * rarest term's); what the terms left could add, or 0 when the budget
 * stopped it (those terms are then ignored). */
static double take_terms(sm_index *ix, const doc *d, double bar, size_t *n) {
  ix->taken = ar_grow(ix->a, ix->taken, sizeof *ix->taken, &ix->captaken, d->nv);
  double rest = 0;
  for (size_t i = 0; i < d->nv; i++) {
    ix->taken[i] = (rare){ (uint32_t)postings(ix, d->v[i].id), d->v[i].id, (uint32_t)i };
    rest += d->v[i].w * ix->max_w[d->v[i].id];
  }
  qsort(ix->taken, d->nv, sizeof *ix->taken, rarer);
  size_t read = 0;
  for (size_t j = 0; j < d->nv && above(rest, bar); j++) {
    if (j && read + ix->taken[j].n > SM_SEARCH_BUDGET) return 0;
    const entry *e = &d->v[ix->taken[j].i];
    read += ix->taken[j].n;
    rest -= e->w * ix->max_w[e->id];
    take_term(ix, e, n);
  }
  return rest > 0 ? rest : 0;
}

size_t sm_candidates(sm_index *ix, const md_item *a, double (*bar)(void *ud),
                     void (*visit)(void *ud, const md_item *it), void *ud, const md_item *const **out) {
  const doc *d = find_doc(ix, a);
  *out = NULL;
  if (!ix->post_at || !d || !d->nv) return 0;
  if (++ix->query == 0) {
    memset(ix->stamp, 0, (ix->ncand ? ix->ncand : 1) * sizeof *ix->stamp);
    ix->query = 1;
  }
  size_t n = 0;
  double rest = take_terms(ix, d, bar(ud), &n);
  /* The candidates most alike on the terms taken first; each of the
   * others is at most as alike as its sum plus `rest`, so once that is
   * below the bar, no later one can reach it. */
  ix->found = ar_grow(ix->a, ix->found, sizeof *ix->found, &ix->capfound, n + 1);
  for (size_t i = 0; i < n; i++) ix->found[i] = (found){ ix->order[i], ix->acc[ix->order[i]] };
  qsort(ix->found, n, sizeof *ix->found, more_shared);
  size_t kept = 0;
  for (size_t i = 0; i < n && above(ix->found[i].acc + rest, bar(ud)); i++) {
    ix->order[kept++] = ix->found[i].k;
    visit(ud, ix->docs[ix->found[i].k].item);
  }
  qsort(ix->order, kept, sizeof *ix->order, by_order);
  ix->items = ar_grow(ix->a, ix->items, sizeof *ix->items, &ix->capitems, kept + 1);
  for (size_t i = 0; i < kept; i++) ix->items[i] = ix->docs[ix->order[i]].item;
  *out = ix->items;
  return kept;
}
