/* text: UTF-8 decoding, widths, NFC and folding; see text.h. */
#include "text.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "mem.h"

int tx_decode(const unsigned char *s, size_t n, int32_t *cp) {
  utf8proc_int32_t c;
  utf8proc_ssize_t len = utf8proc_iterate(s, (utf8proc_ssize_t)n, &c);
  if (len <= 0) return 0;
  *cp = c;
  return (int)len;
}

/* Walks s[0..n) one code point (or bad byte) at a time, adding up either
 * code points or display columns: both callers need the same walk. */
static size_t measure(const char *s, size_t n, int columns) {
  const unsigned char *p = (const unsigned char *)s;
  size_t total = 0, i = 0;
  while (i < n) {
    int32_t cp;
    int len = tx_decode(p + i, n - i, &cp);
    i += len ? (size_t)len : 1;
    int w = !columns || !len ? 1 : utf8proc_charwidth(cp);
    total += w > 0 ? (size_t)w : 0;
  }
  return total;
}

size_t tx_codepoints(const char *s, size_t n) { return measure(s, n, 0); }

size_t tx_width(const char *s, size_t n) { return measure(s, n, 1); }

/* Runs utf8proc_map and moves the result into the arena, so callers never
 * see malloc'd memory. */
static sl_slice map_into(ar_arena *a, const char *s, size_t n, utf8proc_option_t opts) {
  utf8proc_uint8_t *out = NULL;
  utf8proc_ssize_t len = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &out, opts);
  if (len == UTF8PROC_ERROR_NOMEM) mem_oom();
  if (len < 0) {
    free(out);
    return (sl_slice){ ar_strndup(a, s, n), n };
  }
  sl_slice r = { ar_strndup(a, (const char *)out, (size_t)len), (size_t)len };
  free(out);
  return r;
}

/* ---- case folding without the library, for Latin text ---- */

/* The code points the fast fold knows: Latin (ASCII to Latin Extended-B)
 * and Latin Extended Additional, where Vietnamese letters live, and the
 * General Punctuation that Word types into the same texts (“ ” – …). No
 * character there composes with one before it under NFC (the starters that
 * do are Hangul and Indic), so a text made only of such characters folds
 * character by character. */
enum {
  FOLD_LOW = 0x250, FOLD_HIGH_FIRST = 0x1E00, FOLD_HIGH_END = 0x1F00, FOLD_PUNCT_FIRST = 0x2000,
  FOLD_PUNCT_END = 0x2080,
  FOLD_SIZE = FOLD_LOW + (FOLD_HIGH_END - FOLD_HIGH_FIRST) + (FOLD_PUNCT_END - FOLD_PUNCT_FIRST)
};
static int32_t fold_table[FOLD_SIZE];  /* -1: not simple */
/* 1 where the character is its own NFC and a starter: a text made only of
 * such characters is in NFC already. */
static unsigned char nfc_table[FOLD_SIZE];
static int fold_ready;

/* The index of a code point in the tables, or -1. */
static long table_index(int32_t cp) {
  if (cp >= 0 && cp < FOLD_LOW) return cp;
  if (cp >= FOLD_HIGH_FIRST && cp < FOLD_HIGH_END) return FOLD_LOW + cp - FOLD_HIGH_FIRST;
  if (cp >= FOLD_PUNCT_FIRST && cp < FOLD_PUNCT_END)
    return FOLD_LOW + (FOLD_HIGH_END - FOLD_HIGH_FIRST) + cp - FOLD_PUNCT_FIRST;
  return -1;
}

/* Whether cp is its own NFC, a starter, a character at all. */
static int nfc_itself(int32_t cp) {
  utf8proc_int32_t out[4];
  utf8proc_ssize_t k = utf8proc_decompose_char(cp, out, 4, UTF8PROC_STABLE | UTF8PROC_COMPOSE, NULL);
  if (k < 1 || k > 4) return 0;
  k = utf8proc_normalize_utf32(out, k, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
  return k == 1 && out[0] == cp && !utf8proc_get_property(cp)->combining_class && utf8proc_codepoint_valid(cp) &&
         utf8proc_category(cp) != UTF8PROC_CATEGORY_CN;
}

/* The code point at index i of the tables (table_index's inverse). */
static int32_t table_cp(size_t i) {
  if (i < FOLD_LOW) return (int32_t)i;
  i -= FOLD_LOW;
  if (i < FOLD_HIGH_END - FOLD_HIGH_FIRST) return (int32_t)i + FOLD_HIGH_FIRST;
  return (int32_t)(i - (FOLD_HIGH_END - FOLD_HIGH_FIRST)) + FOLD_PUNCT_FIRST;
}

/* Fills the table from utf8proc itself: a character is simple when it is a
 * starter and folds to exactly one starter. */
static void build_fold_table(void) {
  for (size_t i = 0; i < FOLD_SIZE; i++) {
    int32_t cp = table_cp(i);
    fold_table[i] = -1;
    nfc_table[i] = (unsigned char)nfc_itself(cp);
    utf8proc_int32_t out[4];
    utf8proc_ssize_t k = utf8proc_decompose_char(cp, out, 4, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD, NULL);
    if (k < 1 || k > 4) continue;
    k = utf8proc_normalize_utf32(out, k, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (k != 1 || utf8proc_get_property(cp)->combining_class || utf8proc_get_property(out[0])->combining_class ||
        !utf8proc_codepoint_valid(cp) || utf8proc_category(cp) == UTF8PROC_CATEGORY_CN)
      continue;
    fold_table[i] = out[0];
  }
  fold_ready = 1;
}

/* The code point of the two- or three-byte sequence at p[i] (i < n) the
 * tables know, with its length; 0 for anything else. */
static int decode_short(const unsigned char *p, size_t i, size_t n, int32_t *cp) {
  if (p[i] >= 0xC2 && p[i] <= 0xDF && i + 1 < n && (p[i + 1] & 0xC0) == 0x80) {
    *cp = ((p[i] & 0x1F) << 6) | (p[i + 1] & 0x3F);
    return 2;
  }
  if ((p[i] == 0xE1 || p[i] == 0xE2) && i + 2 < n && (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80) {
    *cp = ((p[i] & 0x0F) << 12) | ((p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F);
    return 3;
  }
  return 0;
}

/* Whether s is NFC as it stands: ASCII and the table's characters that
 * are their own NFC (Vietnamese in NFC is), with nothing that could
 * compose with them. No character of those ranges composes with one
 * before it (see above), so checking one at a time suffices. */
static int nfc_already(const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s;
  size_t i = 0;
  while (i < n && p[i] < 0x80) i++;
  if (i == n) return 1;
  if (!fold_ready) build_fold_table();
  while (i < n) {
    if (p[i] < 0x80) {
      if (!p[i]) return 0;
      i++;
      continue;
    }
    int32_t cp;
    int len = decode_short(p, i, n, &cp);
    long k = len ? table_index(cp) : -1;
    if (k < 0 || !nfc_table[k]) return 0;
    i += (size_t)len;
  }
  return 1;
}

sl_slice tx_nfc(ar_arena *a, const char *s, size_t n) {
  /* Most text is NFC already (pure ASCII or Vietnamese as editors write
   * it): then no copy and no library call. */
  if (nfc_already(s, n)) return (sl_slice){ s, n };
  return map_into(a, s, n, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
}

/* ---- the fast fold and the tone pass ---- */

/* An old-style tone placement and the new style of the same syllable
 * ending: documents mix the two ("Tỉnh uỷ", "Tỉnh ủy") for one word. */
typedef struct respelling {
  const char *from, *to;
  unsigned char from_len, to_len;
} respelling;

#define RESPELL(old, new_style) { old, new_style, sizeof old - 1, sizeof new_style - 1 }
static const respelling respellings[] = {
  RESPELL("uỷ", "ủy"), RESPELL("uý", "úy"), RESPELL("uỳ", "ùy"), RESPELL("uỹ", "ũy"), RESPELL("uỵ", "ụy"),
  RESPELL("oà", "òa"), RESPELL("oá", "óa"), RESPELL("oả", "ỏa"), RESPELL("oã", "õa"), RESPELL("oạ", "ọa"),
  RESPELL("oè", "òe"), RESPELL("oé", "óe"), RESPELL("oẻ", "ỏe"), RESPELL("oẽ", "õe"), RESPELL("oẹ", "ọe"),
};
#undef RESPELL

/* What the fast fold writes for a character of the tables: its folded
 * form in UTF-8, copied four bytes at a time (the fourth is written over
 * next), and in `info` its length (0: the library must fold it) and
 * whether it is the second letter of an old-style spelling after a u or an
 * o, where the tone pass must look. */
typedef struct folded_char {
  unsigned char bytes[3];
  unsigned char info;
} folded_char;
enum { FC_LEN = 3, FC_AFTER_U = 4, FC_AFTER_O = 8 };

/* The characters beyond ASCII the fast fold knows, by where their bytes
 * put them: a two-byte character by its eleven bits (only those below
 * FOLD_LOW are filled in), U+1E00 to U+1EFF after them by the low byte,
 * then U+2000 to U+207F (E2 80 xx, E2 81 xx). */
enum { AT_THREE = 0x800, AT_PUNCT = AT_THREE + 0x100, N_AT = AT_PUNCT + 0x80 };
static folded_char folded_chars[N_AT];

/* What a lead byte begins: the table knows no other three-byte leads than
 * E1 and E2, and no four-byte character. */
enum { LEAD_ASCII, LEAD_TWO, LEAD_E1, LEAD_E2, LEAD_OTHER };
static unsigned char lead_kind[256];
/* A byte as the fast fold writes it: ASCII in lower case, the four
 * blanks as ' ', other control characters as they are; 0 for NUL and for
 * every byte from 0x80, which the loop then looks at more closely. */
static unsigned char ascii_folded[256];
static int folded_ready;

/* FC_AFTER_U or FC_AFTER_O when cp follows that letter in an old-style
 * spelling, from the respellings themselves so the two cannot disagree. */
static unsigned char respelling_flag(int32_t cp) {
  for (size_t k = 0; k < sizeof respellings / sizeof respellings[0]; k++) {
    const respelling *r = &respellings[k];
    int32_t second = -1;
    tx_decode((const unsigned char *)r->from + 1, r->from_len - 1u, &second);
    if (second == cp) return r->from[0] == 'u' ? FC_AFTER_U : FC_AFTER_O;
  }
  return 0;
}

/* The entry of a table character from utf8proc's fold of it. */
static void fill_wide(size_t at, long k) {
  utf8proc_uint8_t buf[4];
  utf8proc_ssize_t len = fold_table[k] < 0 ? 0 : utf8proc_encode_char(fold_table[k], buf);
  if (len < 1 || len > 3) return;
  memcpy(folded_chars[at].bytes, buf, (size_t)len);
  folded_chars[at].info = (unsigned char)(len | respelling_flag(fold_table[k]));
}

/* Fills the tables from fold_table (utf8proc's fold). */
static void build_folded_chars(void) {
  if (!fold_ready) build_fold_table();
  for (int c = 1; c < 0x80; c++)
    ascii_folded[c] = (unsigned char)(c >= 'A' && c <= 'Z' ? c + 32 : c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
  for (long cp = 0x80; cp < FOLD_LOW; cp++) fill_wide((size_t)cp, table_index((int32_t)cp));
  for (long cp = FOLD_HIGH_FIRST; cp < FOLD_HIGH_END; cp++)
    fill_wide(AT_THREE + (size_t)(cp - FOLD_HIGH_FIRST), table_index((int32_t)cp));
  for (long cp = FOLD_PUNCT_FIRST; cp < FOLD_PUNCT_END; cp++)
    fill_wide(AT_PUNCT + (size_t)(cp - FOLD_PUNCT_FIRST), table_index((int32_t)cp));
  for (int b = 0; b < 256; b++)
    lead_kind[b] = b < 0x80 ? LEAD_ASCII : b >= 0xC2 && b <= 0xDF ? LEAD_TWO : b == 0xE1 ? LEAD_E1
                 : b == 0xE2 ? LEAD_E2 : LEAD_OTHER;
  folded_ready = 1;
}

/* Where an old spelling may begin, found while folding: most texts have a
 * few ("hoạt", "toàn" are candidates too), and the tone pass then looks
 * only there. More than this many, and it reads from the first on. */
enum { SPOTS = 32 };
typedef struct spots {
  uint32_t at[SPOTS + 1];    /* the last one a scratch slot */
  size_t n;                  /* SPOTS + 1: too many to list */
} spots;

static void add_spot(spots *sp, size_t at) {
  if (sp->n < SPOTS) sp->at[sp->n] = (uint32_t)at;
  if (sp->n <= SPOTS) sp->n++;
}

/* The fast fold's state: where it writes, and the spots. */
typedef struct folding {
  char *d, *w;
  spots *sp;
} folding;

/* Folds the character at p, not ASCII, of which three bytes can be read
 * (the text's or padding); its length, or 0 when the library must fold
 * it (a character cut short among them). */
static size_t fold_wide(folding *f, const unsigned char *p) {
  unsigned b0 = p[0], b1 = p[1], b2 = p[2], kind = lead_kind[b0];
  size_t at;
  if (kind == LEAD_TWO && (b1 & 0xC0u) == 0x80) at = (b0 & 0x1Fu) << 6 | (b1 & 0x3Fu);
  else if (kind == LEAD_E1 && (b1 & 0xFCu) == 0xB8 && (b2 & 0xC0u) == 0x80) at = AT_THREE + ((b1 & 3u) << 6 | (b2 & 0x3Fu));
  else if (kind == LEAD_E2 && (b1 & 0xFEu) == 0x80 && (b2 & 0xC0u) == 0x80) at = AT_PUNCT + ((b1 & 1u) << 6 | (b2 & 0x3Fu));
  else return 0;
  folded_char fc = folded_chars[at];
  if (!fc.info) return 0;
  char *w = f->w;
  /* A spot for the tone pass: the letter before is the u or o of an old
   * spelling, and not the u of "qu". */
  if (fc.info & (FC_AFTER_U | FC_AFTER_O)) {
    char letter = fc.info & FC_AFTER_U ? 'u' : 'o';
    if (w[-1] == letter && w[-2] != 'q') add_spot(f->sp, (size_t)(w - f->d - 1));
  }
  memcpy(w, fc.bytes, 4);
  f->w = w + (fc.info & FC_LEN);
  return kind == LEAD_TWO ? 2 : 3;
}

#if defined(__SSE2__)
#include <emmintrin.h>

/* How many of the sixteen bytes at p fold to themselves, taken whole: 16,
 * or 14 or 15 when the last character runs on past them; when one does
 * not (a capital, a blank that is not one space after a letter, a control
 * character, a letter the test below does not know), those before it
 * (*bad_at is then not 0), and the byte loop takes that one. Vietnamese
 * in lower case mostly folds to itself, so most of a text is copied
 * sixteen bytes at a time. `after` is the byte written last.
 * The letters known to fold to themselves: ASCII other than capitals; à
 * to ÿ (C3 A0-BF); the odd ones of C4 80-B7, lower case there (ă, đ, ĩ);
 * ũ, ơ, ư; and the odd ones of U+1EA0-1EFF, lower case there (ạ, ầ, ữ,
 * ỵ). tx_fold's tests check this against utf8proc. Bytes are compared
 * less 0x80, as signed bytes, since SSE2 has only signed comparisons.
 * The block starts on a character. In *cands, a bit for each u or o
 * before a lead byte of C3 or E1 (or last in the block): where an old
 * spelling may begin. */
static int same_block(const unsigned char *p, char after, unsigned *cands, int *bad_at) {
  const __m128i b = _mm_loadu_si128((const __m128i *)p);
  const __m128i v = _mm_xor_si128(b, _mm_set1_epi8((char)0x80));
#define BELOW(n) _mm_cmplt_epi8(v, _mm_set1_epi8((char)((n) - 0x80)))
#define FROM(n) _mm_cmpgt_epi8(v, _mm_set1_epi8((char)((n) - 0x81)))
#define IS(n) _mm_cmpeq_epi8(b, _mm_set1_epi8((char)(n)))
#define OR _mm_or_si128
#define AND _mm_and_si128
#define ANDNOT _mm_andnot_si128          /* ~a & b */
#define NEXT(x, k) _mm_slli_si128(x, k)  /* x moved k bytes on */
  const __m128i ones = _mm_set1_epi8(1);
  __m128i odd = _mm_cmpeq_epi8(AND(b, ones), ones);
  __m128i space = IS(' ');
  __m128i c3 = IS(0xC3), c4 = IS(0xC4), c5 = IS(0xC5), c6 = IS(0xC6), e1 = IS(0xE1);
  __m128i two = OR(OR(c3, c4), OR(c5, c6));
  __m128i cont = AND(FROM(0x80), BELOW(0xC0));
  /* Bytes that fold otherwise, or that the test does not know. */
  __m128i bad = OR(AND(FROM('A'), BELOW('Z' + 1)), BELOW(0x20));
  bad = OR(bad, ANDNOT(OR(two, e1), FROM(0xC0)));
  /* A blank after a blank, the first one after the byte written last. */
  __m128i before = _mm_cvtsi32_si128(after == ' ' ? 0xFF : 0);
  bad = OR(bad, AND(space, OR(NEXT(space, 1), before)));
  /* Continuation bytes exactly where the lead bytes call for them. */
  bad = OR(bad, _mm_xor_si128(cont, OR(NEXT(OR(two, e1), 1), NEXT(e1, 2))));
  /* Which continuation bytes. */
  bad = OR(bad, AND(NEXT(c3, 1), BELOW(0xA0)));
  bad = OR(bad, AND(NEXT(c4, 1), OR(FROM(0xB8), ANDNOT(odd, cont))));
  bad = OR(bad, ANDNOT(IS(0xA9), NEXT(c5, 1)));
  bad = OR(bad, ANDNOT(OR(IS(0xA1), IS(0xB0)), NEXT(c6, 1)));
  __m128i ba = AND(NEXT(e1, 1), IS(0xBA));
  bad = OR(bad, ANDNOT(OR(ba, IS(0xBB)), NEXT(e1, 1)));
  bad = OR(bad, AND(NEXT(ba, 1), BELOW(0xA0)));
  bad = OR(bad, ANDNOT(odd, NEXT(e1, 2)));
  __m128i lead_next = _mm_srli_si128(OR(c3, e1), 1);   /* the byte after is C3 or E1 */
  __m128i last = _mm_slli_si128(_mm_cvtsi32_si128(0xFF), 15);
  *cands = (unsigned)_mm_movemask_epi8(AND(OR(IS('u'), IS('o')), OR(lead_next, last)));
  *bad_at = _mm_movemask_epi8(bad);
  if (*bad_at) return (int)tx_whole_before(p, (size_t)__builtin_ctz((unsigned)*bad_at));
  int leads = _mm_movemask_epi8(OR(two, e1)), threes = _mm_movemask_epi8(e1);
#undef BELOW
#undef FROM
#undef IS
#undef OR
#undef AND
#undef ANDNOT
#undef NEXT
  return leads & 0x8000 ? 15 : threes & 0x4000 ? 14 : 16;
}
#endif

/* tx_fold when every character of s is simple (the table's, and NUL-free
 * ASCII), in one pass: folding, collapsing blanks and noting where old
 * spellings may begin (*sp). 0 when one is not simple, and the library
 * must do it. */
static int fold_fast(ar_arena *a, const char *s, size_t n, sl_slice *out, spots *sp) {
  if (!folded_ready) build_folded_chars();
  /* 3 bytes for 2 at most, and the fourth of a copy; two blanks before
   * the start, so that leading blanks are dropped and "qu" looked for
   * without a test. */
  char *d = ar_alloc_text(a, 2 * n + 6) + 2;
  d[-2] = d[-1] = ' ';
  folding f = { d, d, sp };
  sp->n = 0;
  const unsigned char *p = (const unsigned char *)s, *end = p + n;
#if defined(__SSE2__)
  const unsigned char *blocks = p;       /* where a block is tried next */
#endif
  for (;;) {
    char *w = f.w;
#if defined(__SSE2__)
    /* Blocks that fold to themselves are copied; after one that does
     * not, its bytes are taken one at a time. */
    for (unsigned cands; p >= blocks && end - p >= 16;) {
      int bad_at, k = same_block(p, w[-1], &cands, &bad_at);
      memcpy(w, p, 16);
      for (cands &= (1u << k) - 1; cands; cands &= cands - 1)
        add_spot(sp, (size_t)(w - d) + (size_t)__builtin_ctz(cands));
      w += k;
      p += k;
      if (bad_at) {
        blocks = p + 1;                  /* once that character is folded */
        break;
      }
    }
#endif
    /* A run of ASCII, the commonest by far: a blank after a blank (or at
     * the start) is written over. */
    unsigned char c;
    while (p < end && (c = ascii_folded[*p]) != 0) {
      *w = (char)c;
      w += c != ' ' || w[-1] != ' ';
      p++;
    }
    f.w = w;
    if (p == end) break;
    if (*p < 0x80) return 0;             /* NUL */
    unsigned char tail[3] = { 0 };       /* the last bytes, padded */
    const unsigned char *at = p;
    if (end - p < 3) at = memcpy(tail, p, (size_t)(end - p));
    size_t len = fold_wide(&f, at);
    if (!len) return 0;
    p += len;
  }
  if (f.w > d && f.w[-1] == ' ') f.w--;
  *f.w = '\0';
  *out = (sl_slice){ d, (size_t)(f.w - d) };
  return 1;
}

/* Runs of the four blanks in f become one space; none at either end. */
static sl_slice collapse_blanks(sl_slice f) {
  char *d = (char *)f.p;
  size_t o = 0;
  int blank = 1;                             /* drops leading blanks */
  for (size_t i = 0; i < f.n; i++) {
    unsigned char c = (unsigned char)f.p[i];
    int is_blank = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (!is_blank) d[o++] = (char)c;
    else if (!blank) d[o++] = ' ';
    blank = is_blank;
  }
  if (o && d[o - 1] == ' ') o--;
  d[o] = '\0';
  return (sl_slice){ d, o };
}

/* tx_fold, with where the tone pass must look: everywhere, after the
 * library. */
static sl_slice fold(ar_arena *a, const char *s, size_t n, spots *sp) {
  sl_slice f;
  if (fold_fast(a, s, n, &f, sp)) return f;
  sp->n = SPOTS + 1;
  sp->at[0] = 0;
  return collapse_blanks(map_into(a, s, n, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD));
}

sl_slice tx_fold(ar_arena *a, const char *s, size_t n) {
  spots sp;
  return fold(a, s, n, &sp);
}

sl_slice tx_fold_bare(ar_arena *a, const char *s, size_t n) {
  sl_slice f = tx_fold(a, s, n);
  sl_slice r = map_into(a, f.p, f.n, UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK);
  /* đ is a letter of its own, not d with a mark: it does not decompose. */
  char *w = (char *)r.p;
  size_t o = 0;
  for (size_t i = 0; i < r.n; i++) {
    if ((unsigned char)r.p[i] == 0xC4 && i + 1 < r.n && (unsigned char)r.p[i + 1] == 0x91) { w[o++] = 'd'; i++; continue; }
    w[o++] = r.p[i];
  }
  w[o] = '\0';
  return (sl_slice){ r.p, o };
}

/* Whether no letter follows at s: the two styles differ only in open
 * syllables; "toàn", "hoạch", "huỳnh" have one spelling each. */
static int ends_syllable(const char *s, size_t n) {
  int32_t cp;
  if (n == 0) return 1;
  if (tx_decode((const unsigned char *)s, n, &cp) == 0) return 1;
  utf8proc_category_t c = utf8proc_category(cp);
  return !(c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ME); /* letters, then marks */
}

/* The old-style spelling at s[i] that is respelt, or NULL. The u of "qu"
 * is part of the consonant ("quý" has one spelling). s[i - 1] may already
 * have been rewritten, but only when a respelling ends there: its last
 * byte is then a vowel, where the original's is not ASCII, and neither is
 * a q. */
static const respelling *respelling_at(const char *s, size_t i, size_t n) {
  unsigned char next = (unsigned char)s[i + 1];
  if ((s[i] != 'u' && s[i] != 'o') || (next != 0xC3 && next != 0xE1)) return NULL;
  if (i > 0 && s[i - 1] == 'q') return NULL;
  for (size_t k = 0; k < sizeof respellings / sizeof respellings[0]; k++) {
    const respelling *r = &respellings[k];
    if (r->from_len <= n - i && memcmp(s + i, r->from, r->from_len) == 0)
      return ends_syllable(s + i + r->from_len, n - i - r->from_len) ? r : NULL;
  }
  return NULL;
}

/* tx_tone_normalise at the spots sp lists, or everywhere from its first
 * when it lists too many (NULL: everywhere): the unchanged text between
 * two respellings is moved once, and not at all before the first. */
static size_t respell(char *s, size_t n, const spots *sp) {
  int listed = sp && sp->n <= SPOTS;
  if (listed && sp->n == 0) return n;
  size_t from = sp ? sp->at[0] : 0, o = from, run = from;   /* s[run..i) is unchanged text to move to s[o] */
  for (size_t k = 0, i = from; i + 1 < n; i = listed ? (++k < sp->n ? sp->at[k] : n) : i + 1) {
    const respelling *r = i >= run ? respelling_at(s, i, n) : NULL;
    if (!r) continue;
    if (o != run) memmove(s + o, s + run, i - run);
    o += i - run;
    memcpy(s + o, r->to, r->to_len);         /* o <= i: the new style is never longer */
    o += r->to_len;
    run = i + r->from_len;
  }
  if (o != run) memmove(s + o, s + run, n - run);
  o += n - run;
  if (o < n) s[o] = '\0';
  return o;
}

size_t tx_tone_normalise(char *s, size_t n) { return respell(s, n, NULL); }

size_t tx_whole_before(const unsigned char *s, size_t j) {
  if (j >= 1 && s[j - 1] >= 0xC0) return j - 1;
  if (j >= 2 && (s[j - 1] & 0xC0) == 0x80 && s[j - 2] >= 0xE0) return j - 2;
  return j;
}

uint64_t tx_hash_more(uint64_t h, const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    h ^= (unsigned char)s[i];
    h *= 1099511628211ull;
  }
  return h;
}

uint64_t tx_hash(const char *s, size_t n) { return tx_hash_more(TX_HASH_START, s, n); }

/* What a byte or code point looks like when it cannot be shown as is. */
static const char *stand_in(int32_t cp, int valid) {
  if (!valid) return "\xEF\xBF\xBD";          /* U+FFFD */
  if (cp == 0) return "\xE2\x90\x80";           /* U+2400 SYMBOL FOR NULL */
  if (cp == '\r') return "\xE2\x90\x8D";        /* U+240D SYMBOL FOR CARRIAGE RETURN */
  if ((cp < 0x20 && cp != '\t') || cp == 0x7F) return "\xEF\xBF\xBD";
  return NULL;
}

sl_slice tx_printable(ar_arena *a, const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s;
  size_t i = 0;
  for (; i < n; i++) {                          /* fast path: nothing to do */
    int32_t cp = p[i];
    int len = p[i] < 0x80 ? 1 : tx_decode(p + i, n - i, &cp);
    if (stand_in(cp, len > 0)) break;
    if (len > 1) i += (size_t)len - 1;
  }
  if (i == n) return (sl_slice){ s, n };
  char *out = ar_alloc_text(a, n * 3);
  size_t o = 0;
  for (i = 0; i < n;) {
    int32_t cp = p[i];
    int len = p[i] < 0x80 ? 1 : tx_decode(p + i, n - i, &cp);
    const char *rep = stand_in(cp, len > 0);
    size_t step = len > 0 ? (size_t)len : 1;
    if (rep) { memcpy(out + o, rep, 3); o += 3; }
    else { memcpy(out + o, p + i, step); o += step; }
    i += step;
  }
  out[o] = '\0';
  return (sl_slice){ out, o };
}

sl_slice tx_fold_tones(ar_arena *a, const char *s, size_t n) {
  spots sp;
  sl_slice f = fold(a, s, n, &sp);       /* always a fresh copy, so it may be rewritten */
  f.n = respell((char *)f.p, f.n, &sp);
  return f;
}

size_t tx_distance(const char *a, size_t na, const char *b, size_t nb) {
  enum { MAX = 32 };
  size_t d[MAX + 1][MAX + 1];
  if (na > MAX || nb > MAX) return MAX;
  for (size_t i = 0; i <= na; i++)
    for (size_t j = 0; j <= nb; j++) {
      if (!i || !j) { d[i][j] = i + j; continue; }
      size_t best = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
      if (d[i - 1][j] + 1 < best) best = d[i - 1][j] + 1;
      if (d[i][j - 1] + 1 < best) best = d[i][j - 1] + 1;
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < best)
        best = d[i - 2][j - 2] + 1;
      d[i][j] = best;
    }
  return d[na][nb];
}
