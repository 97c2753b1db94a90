/* Unit tests of guess (did you mean) and of tx_fold_bare, which it
 * compares names with: marks and case dropped, đ as d; the best guesses
 * first, one per body, none that shares too little; a name the same but
 * for marks is the one guess. */
#include "guess.h"
#include "text.h"
#include "unit.h"

static sl_slice S(const char *s) { return (sl_slice){ s, strlen(s) }; }

void test_guess_fold_bare(void) {
  ar_arena a;
  ar_init(&a);
  UT_EQ_STR(tx_fold_bare(&a, "Ban Tổ chức Tỉnh uỷ", strlen("Ban Tổ chức Tỉnh uỷ")).p, "ban to chuc tinh uy");
  UT_EQ_STR(tx_fold_bare(&a, "ĐẢNG ĐOÀN  Quốc hội", strlen("ĐẢNG ĐOÀN  Quốc hội")).p, "dang doan quoc hoi");
  /* NFD input folds alike. */
  UT_EQ_STR(tx_fold_bare(&a, "Ti\xCC\x89nh", 6).p, "tinh");
  ar_free(&a);
}

void test_guess_nearest(void) {
  ar_arena a;
  ar_init(&a);
  gs_index *g = gs_new(&a);
  struct { const char *id, *name; } b[] = {
    { "btc_tu", "Ban Tổ chức Tỉnh ủy" }, { "btg_tu", "Ban Tuyên giáo Tỉnh ủy" },
    { "btc_tw", "Ban Tổ chức Trung ương" }, { "vp_tu", "Văn phòng Tỉnh ủy" },
  };
  for (size_t i = 0; i < sizeof b / sizeof b[0]; i++) {
    gs_add_name(g, S(b[i].id), S(b[i].name), S(b[i].id), NULL);
    gs_add_name(g, S(b[i].id), S(b[i].name), S(b[i].name), i == 3 ? "std/province" : NULL);
  }
  gs_add_name(g, S("huyen_uy"), S("Huyện ủy"), S("Huyện ủy"), "std/district");
  gs_hit h[GS_MAX];
  /* The same but for marks and case: that one alone. */
  UT_EQ_INT(gs_nearest(g, S("BAN TO CHUC TINH UY"), h), 1);
  UT_EQ_STR(h[0].id.p, "btc_tu");
  UT_EQ_INT(gs_nearest(g, S("huyen uy"), h), 1);
  UT_EQ_STR(h[0].where, "std/district");
  /* A misspelt identifier: the one with the longer start in common first. */
  size_t n = gs_nearest(g, S("btc_tuu"), h);
  UT_EQ_INT(n, 2);
  UT_CHECK(sl_eq_cstr(h[0].id, "btc_tu"));
  UT_CHECK(sl_eq_cstr(h[1].id, "btc_tw"));
  /* Three words of four: btc_tu, then nothing below half. */
  n = gs_nearest(g, S("Ban Tổ chức Tỉnh"), h);
  UT_CHECK(n >= 1 && sl_eq_cstr(h[0].id, "btc_tu"));
  for (size_t i = 1; i < n; i++) UT_CHECK(!sl_eq_cstr(h[i].id, "btc_tu"));
  UT_EQ_INT(gs_nearest(g, S("Hội Cựu chiến binh"), h), 0);
  UT_EQ_INT(gs_nearest(g, S(""), h), 0);
  ar_free(&a);
}
