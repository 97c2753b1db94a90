/* similar: TF-IDF vectors of item texts and their cosine; see similar.h. */
#include "similar.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "text.h"

enum { NONE = UINT32_MAX };  /* no term: a syllable not joined to the next */

/* ---- the model's lexicon ----
 * What every index shares: the abbreviation table and each item's text
 * read into terms, once per model. A directive is added to the index of
 * every child that links it (a province's, to each of its districts'),
 * and reading a text (NFC, abbreviations, folding, tokens) costs far more
 * than counting its terms again. Terms here have the model's ids; each
 * index numbers the terms it meets in its own order. */

typedef struct lexeme {
  const char *s;             /* folded, NUL-terminated: handed out by sm_shared_terms */
  size_t n;
  int pair;                  /* two syllables, not one */
} lexeme;

/* An item's text as terms: the syllables in text order and, for each, the
 * pair it forms with the next one (NONE at punctuation and paragraph
 * ends). */
typedef struct reading {
  const md_item *item;
  uint32_t *seq, *link;
  size_t nseq;
} reading;

/* Entries found by their item: the readings of a lexicon, the documents of
 * an index, arrays whose elements begin with their item. Open addressing
 * on the address: entry number + 1, 0 when empty. */
typedef struct by_item {
  uint32_t *slot;
  size_t cap;
} by_item;

typedef struct abbrev {
  sl_slice shortform, longform;
} abbrev;

struct sm_lexicon {
  ar_arena *a;
  abbrev *abbrevs;           /* the model's first, so a plan can override */
  size_t nabbrevs, longest;  /* longest: the longest short form, in bytes */
  unsigned char starts[32];  /* the first bytes of short forms, as a bit set */
  ix_table by_short;         /* abbrevs by short form, the first of each */
  lexeme *terms;
  size_t nterms, capterms;
  uint32_t *thash;           /* open addressing: term id + 1, 0 when empty */
  size_t thcap;
  reading *readings;
  size_t nreadings, capreadings;
  by_item by_item;           /* the readings by item */
  uint32_t *seq, *link;      /* scratch of the reading in progress */
  size_t nseq, capseq;
  char *key;                 /* scratch for a pair that is not one slice */
  size_t capkey;
};

/* A term of one index: kept small, as every child plan's index holds
 * every term of its tasks. */
typedef struct term {
  uint32_t global;           /* its lexeme */
  uint32_t df;               /* documents that hold it */
  uint32_t last, at;         /* count_term's: the document (+ 1) that last
                                held it, and its entry there */
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
  const uint32_t *seq, *link;  /* the item's reading, in the lexicon's ids:
                                sm_shared_terms rebuilds phrases from it */
  size_t nseq;
} doc;

struct sm_index {
  ar_arena *a;
  sm_lexicon *lex;
  term *terms;
  size_t nterms, capterms;
  uint32_t *thash;           /* open addressing by lexeme: term id + 1 */
  size_t thcap;
  doc *docs;
  size_t ndocs, capdocs;
  by_item by_item;           /* the documents by item */
  entry *scratch;            /* the counts of the sm_add in progress */
  size_t capscratch;
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

static void add_abbrev(sm_lexicon *lx, sl_slice shortform, sl_slice longform) {
  abbrev *ab = &lx->abbrevs[lx->nabbrevs++];
  ab->shortform = tx_nfc(lx->a, shortform.p, shortform.n); /* compared with NFC text */
  ab->longform = longform;
  if (!ab->shortform.n) return;
  unsigned char first = (unsigned char)ab->shortform.p[0];
  lx->starts[first >> 3] |= (unsigned char)(1u << (first & 7));
  if (ab->shortform.n > lx->longest) lx->longest = ab->shortform.n;
  ix_put(&lx->by_short, ab);
}

static void load_abbrevs(sm_lexicon *lx, const md_model *m) {
  size_t n = sizeof builtin / sizeof builtin[0];
  for (const md_abbrev *ab = m->abbrevs; ab; ab = ab->next) n++;
  lx->abbrevs = ar_alloc(lx->a, n * sizeof *lx->abbrevs);
  ix_init(&lx->by_short, lx->a, short_key);
  ix_reserve(&lx->by_short, n);
  for (const md_abbrev *ab = m->abbrevs; ab; ab = ab->next)
    add_abbrev(lx, ab->shortform.value, ab->longform.value);
  for (size_t k = 0; k < sizeof builtin / sizeof builtin[0]; k++)
    add_abbrev(lx, (sl_slice){ builtin[k][0], strlen(builtin[k][0]) },
               (sl_slice){ builtin[k][1], strlen(builtin[k][1]) });
}

/* Every token of every text is a candidate: the bit set of first bytes
 * and the longest length turn most away before the table (which keeps a
 * plan declaring thousands of abbreviations at one lookup per token). */
static const sl_slice *expansion(const sm_lexicon *lx, const char *s, size_t n) {
  unsigned char first = (unsigned char)s[0];
  if (n > lx->longest || !(lx->starts[first >> 3] & (1u << (first & 7)))) return NULL;
  const abbrev *ab = ix_get(&lx->by_short, (sl_slice){ s, n });
  return ab ? &ab->longform : NULL;
}

/* The model's lexicon, made on first use: the model is read by then, and
 * so are its abbreviations. */
static sm_lexicon *lexicon_of(md_model *m) {
  if (m->lexicon) return m->lexicon;
  sm_lexicon *lx = ar_alloc(m->arena, sizeof *lx);
  lx->a = m->arena;
  load_abbrevs(lx, m);
  m->lexicon = lx;
  return lx;
}

sm_index *sm_new(md_model *m) {
  sm_index *ix = ar_alloc(m->arena, sizeof *ix);
  ix->a = m->arena;
  ix->lex = lexicon_of(m);
  return ix;
}

/* ---- tokens ---- */

typedef enum cls { C_SPACE, C_WORD, C_JOIN, C_PUNCT } cls;

/* The class of a code point. Letters, marks and digits make words; '-',
 * '/' and '.' between two of them join them, so "164-qđ/tw", "12/5/2008"
 * and "ii/2023" stay whole. */
static cls class_of(int32_t cp) {
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

/* The classes of the code points below U+2000 (Latin with every
 * Vietnamese letter, the combining marks), filled in as they are met:
 * class + 1, 0 while not looked up. Every text of a run is read through
 * here, and the library's property lookup is the dearest step of it. */
enum { CLS_CACHED = 0x2000 };
static unsigned char cls_cache[CLS_CACHED];

/* The class of the code point at s[i] and its length (a bad byte is one
 * byte of punctuation). */
static cls class_at(const char *s, size_t n, size_t i, size_t *len) {
  unsigned char b = (unsigned char)s[i];
  int32_t cp = b;
  if (b < 0x80) {
    *len = 1;
  } else {
    int l = tx_decode((const unsigned char *)s + i, n - i, &cp);
    *len = l ? (size_t)l : 1;
    if (!l) return C_PUNCT;
  }
  if (cp >= CLS_CACHED) return class_of(cp);
  if (!cls_cache[cp]) cls_cache[cp] = (unsigned char)(class_of(cp) + 1);
  return (cls)(cls_cache[cp] - 1);
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
static size_t expand(const sm_lexicon *lx, const char *s, size_t n, char *out) {
  scan sc = { s, n, 0, 0, 0, 0 };
  size_t o = 0, from = 0;
  while (next_token(&sc)) {
    const sl_slice *rep = expansion(lx, s + sc.start, sc.end - sc.start);
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
static sl_slice normalise(sm_lexicon *lx, sl_slice text) {
  sl_slice nfc = tx_nfc(lx->a, text.p, text.n);
  size_t n = expand(lx, nfc.p, nfc.n, NULL);
  char *buf = ar_alloc(lx->a, n + 1);
  expand(lx, nfc.p, nfc.n, buf);
  return tx_fold_tones(lx->a, buf, n);
}

/* ---- interning ---- */

static void rehash_terms(sm_lexicon *lx) {
  size_t cap = lx->thcap ? lx->thcap * 2 : 1024;
  lx->thash = ar_alloc(lx->a, cap * sizeof *lx->thash);
  lx->thcap = cap;
  for (size_t id = 0; id < lx->nterms; id++) {
    size_t h = (size_t)tx_hash(lx->terms[id].s, lx->terms[id].n) & (cap - 1);
    while (lx->thash[h]) h = (h + 1) & (cap - 1);
    lx->thash[h] = (uint32_t)id + 1;
  }
}

static uint32_t intern(sm_lexicon *lx, const char *s, size_t n) {
  if ((lx->nterms + 1) * 2 > lx->thcap) rehash_terms(lx);
  size_t mask = lx->thcap - 1;
  size_t h = (size_t)tx_hash(s, n) & mask;
  for (; lx->thash[h]; h = (h + 1) & mask) {
    const lexeme *t = &lx->terms[lx->thash[h] - 1];
    if (t->n == n && memcmp(t->s, s, n) == 0) return lx->thash[h] - 1;
  }
  lx->terms = ar_grow(lx->a, lx->terms, sizeof *lx->terms, &lx->capterms, lx->nterms + 1);
  lexeme *t = &lx->terms[lx->nterms];
  t->s = ar_strndup(lx->a, s, n);
  t->n = n;
  lx->thash[h] = (uint32_t)++lx->nterms;
  return (uint32_t)(lx->nterms - 1);
}

/* The pair "x y" of two syllables of f. Folding collapsed white space to
 * one space, so the pair is nearly always a slice of f; other separators
 * (a no-break space) are rewritten as one space. */
static uint32_t intern_pair(sm_lexicon *lx, sl_slice f, size_t s1, size_t e1, size_t s2, size_t e2) {
  uint32_t id;
  if (s2 == e1 + 1 && f.p[e1] == ' ') {
    id = intern(lx, f.p + s1, e2 - s1);
  } else {
    size_t n = (e1 - s1) + 1 + (e2 - s2);
    lx->key = ar_grow(lx->a, lx->key, 1, &lx->capkey, n);
    memcpy(lx->key, f.p + s1, e1 - s1);
    lx->key[e1 - s1] = ' ';
    memcpy(lx->key + (e1 - s1) + 1, f.p + s2, e2 - s2);
    id = intern(lx, lx->key, n);
  }
  lx->terms[id].pair = 1; /* a syllable never holds a space, so never both */
  return id;
}

/* ---- readings ---- */

static void push_syllable(sm_lexicon *lx, uint32_t id, uint32_t pair) {
  if (lx->nseq == lx->capseq) { /* seq and link share one capacity */
    size_t cap = lx->capseq;
    lx->seq = ar_grow(lx->a, lx->seq, sizeof *lx->seq, &cap, lx->nseq + 1);
    lx->link = ar_grow(lx->a, lx->link, sizeof *lx->link, &lx->capseq, lx->nseq + 1);
  }
  if (pair != NONE) lx->link[lx->nseq - 1] = pair;
  lx->seq[lx->nseq] = id;
  lx->link[lx->nseq++] = NONE;
}

/* Reads one paragraph's syllables and pairs into the scratch arrays; a pair
 * never spans punctuation or two paragraphs. */
static void read_paragraph(sm_lexicon *lx, sl_slice f) {
  scan sc = { f.p, f.n, 0, 0, 0, 0 };
  size_t ps = 0, pe = 0;
  int joined = 0;
  while (next_token(&sc)) {
    uint32_t id = intern(lx, f.p + sc.start, sc.end - sc.start);
    uint32_t pair = joined && !sc.broken ? intern_pair(lx, f, ps, pe, sc.start, sc.end) : NONE;
    push_syllable(lx, id, pair);
    ps = sc.start;
    pe = sc.end;
    joined = 1;
  }
}

static size_t item_slot(const md_item *it, size_t cap) {
  uint64_t x = (uint64_t)(uintptr_t)it;
  x ^= x >> 29;
  x *= 0x9E3779B97F4A7C15ull;
  return (size_t)(x >> 32) & (cap - 1);
}

static uint32_t *copy_ids(ar_arena *a, const uint32_t *ids, size_t n) {
  uint32_t *c = ar_alloc(a, (n ? n : 1) * sizeof *c);
  if (n) memcpy(c, ids, n * sizeof *c);
  return c;
}

/* Entry k's item (an entry begins with it). */
static const md_item *item_at(const void *base, size_t stride, size_t k) {
  const md_item *it;
  memcpy(&it, (const char *)base + k * stride, sizeof it);
  return it;
}

/* The entry of `it` among those of base, or NULL. */
static void *by_item_get(const by_item *t, void *base, size_t stride, const md_item *it) {
  if (!t->cap || !it) return NULL;
  for (size_t h = item_slot(it, t->cap); t->slot[h]; h = (h + 1) & (t->cap - 1))
    if (item_at(base, stride, t->slot[h] - 1) == it) return (char *)base + (t->slot[h] - 1) * stride;
  return NULL;
}

/* Adds entry k of base, the k + 1st: doubles at half load. */
static void by_item_put(ar_arena *a, by_item *t, const void *base, size_t stride, size_t k) {
  if ((k + 1) * 2 > t->cap) {
    t->cap = t->cap ? t->cap * 2 : 256;
    t->slot = ar_alloc(a, t->cap * sizeof *t->slot);
    for (size_t j = 0; j < k; j++) by_item_put(a, t, base, stride, j);
  }
  size_t h = item_slot(item_at(base, stride, k), t->cap);
  while (t->slot[h]) h = (h + 1) & (t->cap - 1);
  t->slot[h] = (uint32_t)k + 1;
}

/* The item's text as terms, read on its first call for the model. */
static const reading *read_item(sm_lexicon *lx, const md_item *it) {
  const reading *known = by_item_get(&lx->by_item, lx->readings, sizeof *lx->readings, it);
  if (known) return known;
  lx->nseq = 0;
  for (const md_strs *p = it->texts; p; p = p->next) read_paragraph(lx, normalise(lx, p->s.value));
  lx->readings = ar_grow(lx->a, lx->readings, sizeof *lx->readings, &lx->capreadings, lx->nreadings + 1);
  reading *r = &lx->readings[lx->nreadings];
  *r = (reading){ it, copy_ids(lx->a, lx->seq, lx->nseq), copy_ids(lx->a, lx->link, lx->nseq), lx->nseq };
  by_item_put(lx->a, &lx->by_item, lx->readings, sizeof *lx->readings, lx->nreadings);
  return &lx->readings[lx->nreadings++];
}

/* ---- documents ---- */

static size_t global_slot(uint32_t global, size_t cap) { return (global * 0x9E3779B1u) & (cap - 1); }

/* The index's id of a lexeme, or NONE when no document added holds it. */
static uint32_t find_local(const sm_index *ix, uint32_t global) {
  if (!ix->thcap) return NONE;
  for (size_t h = global_slot(global, ix->thcap); ix->thash[h]; h = (h + 1) & (ix->thcap - 1))
    if (ix->terms[ix->thash[h] - 1].global == global) return ix->thash[h] - 1;
  return NONE;
}

static void rehash_local(sm_index *ix) {
  size_t cap = ix->thcap ? ix->thcap * 2 : 1024;
  ix->thash = ar_alloc(ix->a, cap * sizeof *ix->thash);
  ix->thcap = cap;
  for (size_t id = 0; id < ix->nterms; id++) {
    size_t h = global_slot(ix->terms[id].global, cap);
    while (ix->thash[h]) h = (h + 1) & (cap - 1);
    ix->thash[h] = (uint32_t)id + 1;
  }
}

/* The index's id of a lexeme, numbered in the order the index meets them:
 * the order its scores are summed in, so one plan's suggestions do not
 * depend on what else the model holds. */
static uint32_t local_id(sm_index *ix, uint32_t global) {
  if ((ix->nterms + 1) * 2 > ix->thcap) rehash_local(ix);
  size_t mask = ix->thcap - 1, h = global_slot(global, ix->thcap);
  for (; ix->thash[h]; h = (h + 1) & mask)
    if (ix->terms[ix->thash[h] - 1].global == global) return ix->thash[h] - 1;
  ix->terms = ar_grow(ix->a, ix->terms, sizeof *ix->terms, &ix->capterms, ix->nterms + 1);
  ix->terms[ix->nterms] = (term){ .global = global };
  ix->thash[h] = (uint32_t)++ix->nterms;
  return (uint32_t)(ix->nterms - 1);
}

static int by_id(const void *x, const void *y) {
  uint32_t a = ((const entry *)x)->id, b = ((const entry *)y)->id;
  return (a > b) - (a < b);
}

/* Sorts a document's distinct terms by id. The ids come in the order the
 * index met them, so a text that brings new terms is nearly sorted already
 * and an insertion sort takes it in one pass; a long text goes to qsort. */
static void sort_entries(entry *v, size_t n) {
  if (n > 256) { qsort(v, n, sizeof *v, by_id); return; }
  for (size_t i = 1; i < n; i++) {
    entry x = v[i];
    size_t j = i;
    for (; j > 0 && v[j - 1].id > x.id; j--) v[j] = v[j - 1];
    v[j] = x;
  }
}

/* Counts one term of the document being added into the scratch: a new
 * entry the first time (term.last marks the document it was last counted
 * in, term.at its entry). */
static void count_term(sm_index *ix, size_t *n, uint32_t global) {
  uint32_t id = local_id(ix, global);
  term *t = &ix->terms[id];
  if (t->last != ix->ndocs + 1) {
    t->last = (uint32_t)ix->ndocs + 1;
    t->at = (uint32_t)*n;
    t->df++;
    ix->scratch[(*n)++] = (entry){ id, 0 };
  }
  ix->scratch[t->at].w += 1;
}

/* The document's term counts from its reading: every syllable and every
 * pair, numbered as met (a syllable, then the pair it closes), each
 * distinct term adding one to its document frequency. */
static void count_terms(sm_index *ix, doc *d) {
  size_t n = 0;
  ix->scratch = ar_grow(ix->a, ix->scratch, sizeof *ix->scratch, &ix->capscratch, 2 * d->nseq + 1);
  for (size_t k = 0; k < d->nseq; k++) {
    count_term(ix, &n, d->seq[k]);
    if (k && d->link[k - 1] != NONE) count_term(ix, &n, d->link[k - 1]);
  }
  d->v = ar_alloc(ix->a, (n ? n : 1) * sizeof *d->v);
  if (n) memcpy(d->v, ix->scratch, n * sizeof *d->v);
  d->nv = n;
  sort_entries(d->v, n);
}

static const doc *find_doc(const sm_index *ix, const md_item *it) {
  return by_item_get(&ix->by_item, ix->docs, sizeof *ix->docs, it);
}

void sm_add(sm_index *ix, const md_item *it) {
  if (ix->finished || !it || find_doc(ix, it)) return;
  const reading *r = read_item(ix->lex, it);
  ix->docs = ar_grow(ix->a, ix->docs, sizeof *ix->docs, &ix->capdocs, ix->ndocs + 1);
  doc *d = &ix->docs[ix->ndocs];
  *d = (doc){ .item = it, .seq = r->seq, .link = r->link, .nseq = r->nseq };
  count_terms(ix, d);
  by_item_put(ix->a, &ix->by_item, ix->docs, sizeof *ix->docs, ix->ndocs);
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
    e->w = (1 + log(e->w)) * t->idf * (ix->lex->terms[t->global].pair ? PAIR_WEIGHT : 1);
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

/* A lexeme's part of the cosine of a and b. */
static double share(const sm_index *ix, const doc *a, const doc *b, uint32_t global) {
  uint32_t id = find_local(ix, global);
  return id == NONE ? 0 : weight_in(a, id) * weight_in(b, id);
}

typedef struct run {
  size_t s, e;               /* a->seq[s..e); empty when s == e */
  double score;
} run;

/* The longest run of a's syllables from k that b shares, each joined to
 * the next by a pair b shares too. It weighs what its heaviest term adds to
 * the cosine: a phrase tells as much as its rarest part, and a sum would let
 * every common pair ("trong năm": two syllables and a pair) outweigh a rare
 * single term ("164-qđ/tw"). */
static run run_at(const sm_index *ix, const doc *a, const doc *b, size_t k) {
  run r = { k, k, share(ix, a, b, a->seq[k]) };
  if (r.score <= 0) return r;
  for (r.e = k + 1; r.e < a->nseq && a->link[r.e - 1] != NONE; r.e++) {
    double p = share(ix, a, b, a->link[r.e - 1]), s = share(ix, a, b, a->seq[r.e]);
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
  const lexeme *t = ix->lex->terms;
  if (r.e - r.s == 1) return t[d->seq[r.s]].s;
  if (r.e - r.s == 2) return t[d->link[r.s]].s;
  size_t n = 0;
  for (size_t k = r.s; k < r.e; k++) n += t[d->seq[k]].n + 1;
  char *p = ar_alloc(ix->a, n), *o = p;
  for (size_t k = r.s; k < r.e; k++) {
    if (k > r.s) *o++ = ' ';
    memcpy(o, t[d->seq[k]].s, t[d->seq[k]].n);
    o += t[d->seq[k]].n;
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
static run best_run(const sm_index *ix, const doc *a, const doc *b, const run *chosen, size_t n) {
  run best = { 0, 0, 0 };
  for (size_t k = 0; k < a->nseq;) {
    run r = run_at(ix, a, b, k);
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
    run r = best_run(ix, da, db, chosen, n);
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
