/* text: UTF-8 decoding, widths, NFC and folding; see text.h. */
#include "text.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

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
 * and Latin Extended Additional, where Vietnamese letters live. No
 * character there composes with one before it under NFC (the starters that
 * do are Hangul and Indic), so a text made only of such characters folds
 * character by character. */
enum { FOLD_LOW = 0x250, FOLD_HIGH_FIRST = 0x1E00, FOLD_HIGH_END = 0x1F00 };
static int32_t fold_table[FOLD_LOW + (FOLD_HIGH_END - FOLD_HIGH_FIRST)];  /* -1: not simple */
/* 1 where the character is its own NFC and a starter: a text made only of
 * such characters is in NFC already. */
static unsigned char nfc_table[FOLD_LOW + (FOLD_HIGH_END - FOLD_HIGH_FIRST)];
static int fold_ready;

/* The index of a code point in the tables, or -1. */
static long table_index(int32_t cp) {
  if (cp >= 0 && cp < FOLD_LOW) return cp;
  if (cp >= FOLD_HIGH_FIRST && cp < FOLD_HIGH_END) return FOLD_LOW + cp - FOLD_HIGH_FIRST;
  return -1;
}

static int32_t *fold_slot(int32_t cp) {
  long i = table_index(cp);
  return i >= 0 ? &fold_table[i] : NULL;
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

/* Fills the table from utf8proc itself: a character is simple when it is a
 * starter and folds to exactly one starter. */
static void build_fold_table(void) {
  for (size_t i = 0; i < sizeof fold_table / sizeof fold_table[0]; i++) {
    int32_t cp = i < FOLD_LOW ? (int32_t)i : (int32_t)(i - FOLD_LOW) + FOLD_HIGH_FIRST;
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
  if (p[i] == 0xE1 && i + 2 < n && (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80) {
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

/* UTF-8 of a folded character: the table's are below U+10000 (Latin and
 * Vietnamese), written here rather than by a library call a letter. */
static size_t encode(int32_t cp, unsigned char *d) {
  if (cp < 0x80) { d[0] = (unsigned char)cp; return 1; }
  if (cp < 0x800) { d[0] = (unsigned char)(0xC0 | cp >> 6); d[1] = (unsigned char)(0x80 | (cp & 0x3F)); return 2; }
  if (cp >= 0x10000) return (size_t)utf8proc_encode_char(cp, d);
  d[0] = (unsigned char)(0xE0 | cp >> 12);
  d[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
  d[2] = (unsigned char)(0x80 | (cp & 0x3F));
  return 3;
}

/* tx_fold's mapping (before white space is collapsed) when every character
 * of s is simple; 0 when one is not, and the library must do it. */
static int fold_fast(ar_arena *a, const char *s, size_t n, sl_slice *out) {
  if (!fold_ready) build_fold_table();
  char *d = ar_alloc_text(a, n * 2);          /* a fold takes at most 3 bytes for 2 */
  size_t o = 0;
  const unsigned char *p = (const unsigned char *)s;
  for (size_t i = 0; i < n;) {
    int32_t cp;
    if (p[i] < 0x80) {
      cp = p[i] >= 'A' && p[i] <= 'Z' ? p[i] + 32 : p[i];
      if (!cp) return 0;                      /* NUL: let the library say */
      d[o++] = (char)cp;
      i++;
      continue;
    }
    int len = decode_short(p, i, n, &cp);     /* longer forms are not simple */
    int32_t *slot = len ? fold_slot(cp) : NULL;
    if (!slot || *slot < 0) return 0;
    o += encode(*slot, (unsigned char *)d + o);
    i += (size_t)len;
  }
  d[o] = '\0';
  *out = (sl_slice){ d, o };
  return 1;
}

sl_slice tx_fold(ar_arena *a, const char *s, size_t n) {
  sl_slice f;
  if (!fold_fast(a, s, n, &f)) f = map_into(a, s, n, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
  char *d = (char *)f.p;
  size_t o = 0;
  int space = 1; /* drops leading space */
  for (size_t i = 0; i < f.n; i++) {
    unsigned char c = (unsigned char)f.p[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (!space) d[o++] = ' ';
      space = 1;
    } else {
      d[o++] = (char)c;
      space = 0;
    }
  }
  if (o && d[o - 1] == ' ') o--;
  d[o] = '\0';
  return (sl_slice){ d, o };
}

/* The old-style spelling that starts at s, as { old, new }, or NULL. */
static const char *const *old_style_at(const char *s, size_t n) {
  static const char *const pairs[][2] = {
    { "uỷ", "ủy" }, { "uý", "úy" }, { "uỳ", "ùy" }, { "uỹ", "ũy" }, { "uỵ", "ụy" },
    { "oà", "òa" }, { "oá", "óa" }, { "oả", "ỏa" }, { "oã", "õa" }, { "oạ", "ọa" },
    { "oè", "òe" }, { "oé", "óe" }, { "oẻ", "ỏe" }, { "oẽ", "õe" }, { "oẹ", "ọe" },
  };
  /* The second letter of each old spelling has a tone mark, so is not
   * ASCII: most u's and o's are rejected on the byte after them. */
  if ((s[0] != 'u' && s[0] != 'o') || n < 2 || (unsigned char)s[1] < 0x80) return NULL;
  size_t from = s[0] == 'u' ? 0 : 5, to = s[0] == 'u' ? 5 : sizeof pairs / sizeof pairs[0];
  for (size_t k = from; k < to; k++) {
    size_t len = strlen(pairs[k][0]);
    if (len <= n && memcmp(s, pairs[k][0], len) == 0) return pairs[k];
  }
  return NULL;
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

size_t tx_tone_normalise(char *s, size_t n) {
  size_t o = 0;
  char prev = 0;
  for (size_t i = 0; i < n;) {
    if (s[i] != 'u' && s[i] != 'o') {      /* what no old spelling starts with */
      prev = s[i];
      s[o++] = s[i++];
      continue;
    }
    /* The u of "qu" is part of the consonant: "quý" has one spelling. */
    const char *const *p = prev == 'q' ? NULL : old_style_at(s + i, n - i);
    if (p && !ends_syllable(s + i + strlen(p[0]), n - i - strlen(p[0]))) p = NULL;
    size_t take = p ? strlen(p[0]) : 1, len = p ? strlen(p[1]) : 1;
    prev = s[i + take - 1];
    memmove(s + o, p ? p[1] : s + i, len); /* o <= i: new style is never longer */
    o += len;
    i += take;
  }
  if (o < n) s[o] = '\0';
  return o;
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
  sl_slice f = tx_fold(a, s, n);   /* always a fresh copy, so it may be rewritten */
  f.n = tx_tone_normalise((char *)f.p, f.n);
  return f;
}
