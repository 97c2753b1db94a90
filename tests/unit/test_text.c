/* Tests of text: the fast case fold and NFC agree with utf8proc's. */
#include <stdlib.h>
#include <utf8proc.h>

#include "text.h"
#include "unit.h"

/* utf8proc's own mapping of s, malloc'd. */
static char *library_map(const char *s, utf8proc_option_t opts) {
  utf8proc_uint8_t *out = NULL;
  utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)strlen(s), &out, opts);
  if (n < 0) { free(out); return NULL; }
  return (char *)out;
}

/* utf8proc's own NFC + case fold of s, malloc'd. */
static char *library_fold(const char *s) {
  return library_map(s, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
}

static int encode(int32_t cp, char *d) { return (int)utf8proc_encode_char(cp, (utf8proc_uint8_t *)d); }

typedef sl_slice (*mapper)(ar_arena *a, const char *s, size_t n);

/* Every pair of characters from `ranges` (every `stride`th second
 * character), mapped by `fn` and by utf8proc with `opts`: the pairs are
 * what could interact under NFC. Returns the pairs that differ. */
static size_t pair_mismatches(const int32_t (*ranges)[2], size_t nranges, size_t stride, mapper fn,
                              utf8proc_option_t opts, size_t *checked) {
  int32_t cps[0x1000];
  size_t ncp = 0;
  for (size_t r = 0; r < nranges; r++)
    for (int32_t c = ranges[r][0]; c < ranges[r][1]; c++)
      if (utf8proc_codepoint_valid(c)) cps[ncp++] = c;
  ar_arena a;
  ar_init(&a);
  size_t mismatches = 0;
  for (size_t i = 0; i < ncp; i++)
    for (size_t j = i % stride; j < ncp; j += stride) {
      char s[16];
      int n = encode(cps[i], s);
      n += encode(cps[j], s + n);
      s[n] = '\0';
      char *want = library_map(s, opts);
      sl_slice got = fn(&a, s, (size_t)n);
      if (!want || strlen(want) != got.n || memcmp(want, got.p, got.n) != 0) {
        if (mismatches++ < 5) UT_EQ_STR(ar_strndup(&a, got.p, got.n), want ? want : "(error)");
      }
      (*checked)++;
      free(want);
    }
  ar_free(&a);
  return mismatches;
}

/* ---- the fold of whole texts against a plain reference ---- */

/* What tx_fold must give: utf8proc's NFC and case fold of s[0..n), then
 * each run of blanks (space, tab, CR, LF) one space, none at either end;
 * malloc'd, with its length in *len. */
static char *reference_fold(const char *s, size_t n, size_t *len) {
  utf8proc_uint8_t *out = NULL;
  utf8proc_ssize_t m = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &out,
                                    UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
  if (m < 0) {                  /* not UTF-8: the text as it is */
    free(out);
    out = malloc(n + 1);
    memcpy(out, s, n);
    m = (utf8proc_ssize_t)n;
  }
  size_t o = 0;
  for (size_t i = 0; i < (size_t)m; i++) {
    int blank = strchr(" \t\r\n", out[i]) && out[i];
    int after_blank = o == 0 || out[o - 1] == ' ';
    if (!blank) out[o++] = out[i];
    else if (!after_blank) out[o++] = ' ';
  }
  if (o && out[o - 1] == ' ') o--;
  *len = o;
  return (char *)out;
}

/* The old-style spellings, each with its new style. */
static const char *const respelt[][2] = {
  { "uỷ", "ủy" }, { "uý", "úy" }, { "uỳ", "ùy" }, { "uỹ", "ũy" }, { "uỵ", "ụy" },
  { "oà", "òa" }, { "oá", "óa" }, { "oả", "ỏa" }, { "oã", "õa" }, { "oạ", "ọa" },
  { "oè", "òe" }, { "oé", "óe" }, { "oẻ", "ỏe" }, { "oẽ", "õe" }, { "oẹ", "ọe" },
};

/* Whether a letter or a mark begins s[0..n). */
static int letter_at(const char *s, size_t n) {
  utf8proc_int32_t cp;
  if (!n || utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &cp) <= 0) return 0;
  utf8proc_category_t c = utf8proc_category(cp);
  return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ME;
}

/* What tx_tone_normalise must give, byte by byte into a fresh buffer:
 * an old spelling not after a q and before no letter is respelt. */
static size_t reference_tones(const char *s, size_t n, char *out) {
  size_t o = 0;
  for (size_t i = 0; i < n;) {
    const char *const *hit = NULL;
    for (size_t k = 0; k < sizeof respelt / sizeof respelt[0] && !hit; k++) {
      size_t len = strlen(respelt[k][0]);
      if (len <= n - i && memcmp(s + i, respelt[k][0], len) == 0 && !(i > 0 && s[i - 1] == 'q') &&
          !letter_at(s + i + len, n - i - len))
        hit = respelt[k];
    }
    if (!hit) {
      out[o++] = s[i++];
      continue;
    }
    memcpy(out + o, hit[1], strlen(hit[1]));
    o += strlen(hit[1]);
    i += strlen(hit[0]);
  }
  return o;
}

/* Pieces texts are made of: blanks, capitals, every old-style vowel and
 * the letters around it (q, u, o, n), characters the fast fold hands to
 * the library (a combining mark, ẞ, Ω, Kelvin, İ, cut and bad bytes) and
 * ſ, which folds to ASCII. */
static const char *const pieces[] = {
  "a", "U", "u", "o", "O", "q", "Q", "y", "n", " ", "\t", "\n", "\r", "\v", "  ", "ý", "Ý", "ỳ", "Ỳ", "ỷ", "ỹ",
  "ỵ", "à", "À", "á", "ả", "ã", "ạ", "è", "é", "Ẻ", "ẽ", "ẹ", "ủ", "ư", "Đ", "ễ", "ſ", "ß", "ẞ", "Ω", "\xcc\x81",
  "\xe2\x84\xaa", "İ", "\xe1\xba", "\xc3", "\xff", ".", "\x01",
};
enum { NPIECES = sizeof pieces / sizeof pieces[0] };

/* tx_fold and tx_fold_tones of s[0..n) against the references; counts
 * what differs, showing the first few. */
static size_t text_mismatches(ar_arena *a, const char *s, size_t n) {
  size_t want_n, mismatches = 0;
  char *want = reference_fold(s, n, &want_n);
  sl_slice got = tx_fold(a, s, n);
  if (got.n != want_n || memcmp(got.p, want, want_n) != 0) mismatches++;
  char *tones = malloc(want_n + 1);
  size_t tones_n = reference_tones(want, want_n, tones);
  sl_slice got_tones = tx_fold_tones(a, s, n);
  if (got_tones.n != tones_n || memcmp(got_tones.p, tones, tones_n) != 0) mismatches++;
  if (mismatches) fprintf(stderr, "text_mismatches: \"%.*s\" folds to \"%.*s\" / \"%.*s\"\n", (int)n, s,
                          (int)got.n, got.p, (int)got_tones.n, got_tones.p);
  free(want);
  free(tones);
  return mismatches;
}

/* Every text of one to three pieces, then 60,000 of four to twelve
 * chosen by a fixed sequence: the fast fold (blanks collapsed in the same
 * pass, the tone pass begun where it found the first old spelling) must
 * give the bytes of the library and the plain reference for all of them. */
static void test_whole_texts(void) {
  ar_arena a;
  ar_init(&a);
  size_t mismatches = 0;
  char s[64];
  for (size_t k = 1; k < (NPIECES + 1) * (NPIECES + 1) * (NPIECES + 1) && mismatches < 5; k++) {
    size_t n = 0;
    for (size_t m = k; m; m /= NPIECES + 1) {
      if (m % (NPIECES + 1) == 0) continue;
      const char *piece = pieces[m % (NPIECES + 1) - 1];
      memcpy(s + n, piece, strlen(piece));
      n += strlen(piece);
    }
    mismatches += text_mismatches(&a, s, n);
    ar_reset(&a);
  }
  uint32_t x = 12345;
  for (int t = 0; t < 60000 && mismatches < 5; t++) {
    size_t n = 0;
    int count = 4 + (int)((x = x * 1103515245u + 12345u) >> 16) % 9;
    for (int c = 0; c < count; c++) {
      const char *piece = pieces[((x = x * 1103515245u + 12345u) >> 16) % NPIECES];
      memcpy(s + n, piece, strlen(piece));
      n += strlen(piece);
    }
    mismatches += text_mismatches(&a, s, n);
    ar_reset(&a);
  }
  static const char nul[] = "Ho\0a";      /* NUL: the library's */
  mismatches += text_mismatches(&a, nul, sizeof nul - 1);
  UT_EQ_INT(mismatches, 0);
  ar_free(&a);
}

/* The fast fold's ranges (and a few characters it must hand over). */
void test_text_fold_matches_library(void) {
  static const int32_t ranges[][2] = { { 0x21, 0x250 }, { 0x1E00, 0x1F00 }, { 0x2000, 0x2080 } };
  size_t checked = 0;
  UT_EQ_INT(pair_mismatches(ranges, 3, 7, tx_fold, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD, &checked), 0);
  UT_CHECK(checked > 90000);      /* some 95,000 pairs */
  ar_arena a;
  ar_init(&a);
  /* Texts the fast path must hand over: combining marks (NFD input),
   * characters outside its ranges, and the Vietnamese it takes itself. */
  static const char *const texts[] = {
    "Tỉnh Uỷ", ("Tie\xcc\x82\xcc\x81p tu\xcc\xa3" "c"), "ĐẢNG ỦY", "İstanbul", "Straße ẞ", "Ωμέγα", "ﬁnance", "ǅ ǈ ǋ",
  };
  for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
    char *want = library_fold(texts[i]);
    sl_slice got = tx_fold(&a, texts[i], strlen(texts[i]));
    UT_EQ_STR(got.p, want);
    free(want);
  }
  ar_free(&a);
  test_whole_texts();
}

/* tx_nfc leaves text it finds in NFC alone: every pair of characters of
 * the ranges it judges by itself, and combining marks after them, must
 * come out as utf8proc has it. */
void test_text_nfc_matches_library(void) {
  static const int32_t ranges[][2] = { { 0x21, 0x250 }, { 0x300, 0x370 }, { 0x1E00, 0x1F00 }, { 0x2000, 0x2080 } };
  size_t checked = 0;
  UT_EQ_INT(pair_mismatches(ranges, 4, 5, tx_nfc, UTF8PROC_STABLE | UTF8PROC_COMPOSE, &checked), 0);
  UT_CHECK(checked > 100000);
  ar_arena a;
  ar_init(&a);
  const char *decomposed = ("Tie\xcc\x82\xcc\x81p tu\xcc\xa3" "c");
  sl_slice nfd = tx_nfc(&a, decomposed, strlen(decomposed));
  UT_EQ_STR(ar_strndup(&a, nfd.p, nfd.n), "Tiếp tục");
  const char *clean = "Tỉnh ủy Bình Định – “Hoàn thành…”";
  UT_CHECK(tx_nfc(&a, clean, strlen(clean)).p == clean);   /* no copy */
  ar_free(&a);
}

/* The fold copies sixteen bytes at a time where they fold to themselves
 * (see same_block in text.c): every character of the fast fold's ranges,
 * and a few beyond, at each place of a block amid lower-case Vietnamese,
 * and 20,000 long texts of the pieces above, must still come out as the
 * references have them (the tone pass too, whose places the blocks find). */
void test_text_fold_blocks(void) {
  static const int32_t ranges[][2] = { { 0x80, 0x800 }, { 0x1E00, 0x1F00 }, { 0x2000, 0x2090 }, { 0x1F600, 0x1F602 } };
  static const char filler[] = "hoạt động của ủy ban, giám sát thuý";
  ar_arena a;
  ar_init(&a);
  size_t mismatches = 0, checked = 0;
  char s[128];
  for (size_t r = 0; r < sizeof ranges / sizeof ranges[0]; r++)
    for (int32_t c = ranges[r][0]; c < ranges[r][1] && mismatches < 5; c++) {
      if (!utf8proc_codepoint_valid(c)) continue;
      for (size_t at = 0; at < 18; at++) {
        memcpy(s, filler, at);               /* ASCII and whole letters up to 18 bytes in */
        size_t n = at;
        while (n > 0 && ((unsigned char)s[n - 1] & 0xC0) == 0x80) n--;
        if (n > 0 && (unsigned char)s[n - 1] >= 0xC0) n--;
        n += (size_t)encode(c, s + n);
        memcpy(s + n, filler, sizeof filler - 1);
        n += sizeof filler - 1;
        mismatches += text_mismatches(&a, s, n);
        checked++;
        ar_reset(&a);
      }
    }
  UT_CHECK(checked > 35000);
  uint32_t x = 777;
  char t[1024];
  for (int k = 0; k < 20000 && mismatches < 5; k++) {
    size_t n = 0;
    int count = 16 + (int)((x = x * 1103515245u + 12345u) >> 16) % 40;
    for (int c = 0; c < count; c++) {
      unsigned pick = (x = x * 1103515245u + 12345u) >> 16;
      /* Mostly the filler's letters, so that blocks fold whole. */
      const char *piece = pick % 3 ? (pick % 2 ? "hoạt động " : "uỷ ban thuý ") : pieces[pick / 3 % NPIECES];
      memcpy(t + n, piece, strlen(piece));
      n += strlen(piece);
    }
    mismatches += text_mismatches(&a, t, n);
    ar_reset(&a);
  }
  UT_EQ_INT(mismatches, 0);
  ar_free(&a);
}
