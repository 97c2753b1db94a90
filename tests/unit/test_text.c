/* Tests of text: the fast case fold agrees with utf8proc's. */
#include <stdlib.h>
#include <utf8proc.h>

#include "text.h"
#include "unit.h"

/* utf8proc's own NFC + case fold of s, malloc'd. */
static char *library_fold(const char *s) {
  utf8proc_uint8_t *out = NULL;
  utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)strlen(s), &out,
                                    UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
  if (n < 0) { free(out); return NULL; }
  return (char *)out;
}

static int encode(int32_t cp, char *d) { return (int)utf8proc_encode_char(cp, (utf8proc_uint8_t *)d); }

/* Every pair of characters from the ranges the fast path may take (and a
 * few it must hand over), folded both ways: the pairs are what could
 * interact under NFC. */
void test_text_fold_matches_library(void) {
  static const int32_t ranges[][2] = { { 0x21, 0x250 }, { 0x1E00, 0x1F00 } };
  int32_t cps[0x250 + 0x100];
  size_t ncp = 0;
  for (size_t r = 0; r < 2; r++)
    for (int32_t c = ranges[r][0]; c < ranges[r][1]; c++)
      if (utf8proc_codepoint_valid(c)) cps[ncp++] = c;
  ar_arena a;
  ar_init(&a);
  size_t mismatches = 0, checked = 0;
  for (size_t i = 0; i < ncp; i++)
    for (size_t j = 0; j < ncp; j += 7) {      /* every 7th second character: some 95,000 pairs */
      char s[16];
      int n = encode(cps[i], s);
      n += encode(cps[j], s + n);
      s[n] = '\0';
      char *want = library_fold(s);
      sl_slice got = tx_fold(&a, s, (size_t)n);
      if (!want || strlen(want) != got.n || memcmp(want, got.p, got.n) != 0) {
        if (mismatches++ < 5) UT_EQ_STR(got.p, want ? want : "(error)");
      }
      checked++;
      free(want);
    }
  UT_EQ_INT(mismatches, 0);
  UT_CHECK(checked > 90000);
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
