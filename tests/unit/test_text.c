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

/* The fast fold's ranges (and a few characters it must hand over). */
void test_text_fold_matches_library(void) {
  static const int32_t ranges[][2] = { { 0x21, 0x250 }, { 0x1E00, 0x1F00 } };
  size_t checked = 0;
  UT_EQ_INT(pair_mismatches(ranges, 2, 7, tx_fold, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD, &checked), 0);
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
}

/* tx_nfc leaves text it finds in NFC alone: every pair of characters of
 * the ranges it judges by itself, and combining marks after them, must
 * come out as utf8proc has it. */
void test_text_nfc_matches_library(void) {
  static const int32_t ranges[][2] = { { 0x21, 0x250 }, { 0x300, 0x370 }, { 0x1E00, 0x1F00 } };
  size_t checked = 0;
  UT_EQ_INT(pair_mismatches(ranges, 3, 5, tx_nfc, UTF8PROC_STABLE | UTF8PROC_COMPOSE, &checked), 0);
  UT_CHECK(checked > 100000);
  ar_arena a;
  ar_init(&a);
  const char *decomposed = ("Tie\xcc\x82\xcc\x81p tu\xcc\xa3" "c");
  sl_slice nfd = tx_nfc(&a, decomposed, strlen(decomposed));
  UT_EQ_STR(ar_strndup(&a, nfd.p, nfd.n), "Tiếp tục");
  const char *clean = "Tỉnh ủy Bình Định";
  UT_CHECK(tx_nfc(&a, clean, strlen(clean)).p == clean);   /* no copy */
  ar_free(&a);
}
