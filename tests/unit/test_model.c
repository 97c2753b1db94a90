/* Unit tests of the model: name keys (NFC/NFD, case, old and new tone
 * placement, abbreviations), label parsing, and body lookup by id and by
 * name. */
#include "model.h"
#include "text.h"
#include "unit.h"

static md_str lit(const char *s) { return (md_str){ { s, strlen(s) }, { 0, 0, 0 } }; }

static int same_key(md_model *m, const char *a, const char *b) {
  return sl_eq(md_name_key(m, (sl_slice){ a, strlen(a) }), md_name_key(m, (sl_slice){ b, strlen(b) }));
}

static void setup(md_model *m, ar_arena *a, dg_list *d) {
  ar_init(a);
  dg_init(d, a);
  md_init(m, a, NULL, d);
}

void test_model_name_keys(void) {
  ar_arena a;
  dg_list d;
  md_model m;
  setup(&m, &a, &d);
  /* NFD "Ủy" (U+0055 U+0309) against NFC (U+1EE6). */
  UT_CHECK(same_key(&m, "\xe1\xbb\xa6y ban", "U\xcc\x89y ban"));
  UT_CHECK(same_key(&m, "Ban Tổ chức Huyện ủy", "ban tổ chức  huyện ủy "));
  UT_CHECK(same_key(&m, "Tỉnh uỷ", "Tỉnh ủy"));
  UT_CHECK(!same_key(&m, "Tỉnh ủy", "Huyện ủy"));
  md_abbrev ab = { lit("UBKT"), lit("Ủy ban Kiểm tra"), SL_NONE, SL_NONE, 0, NULL };
  m.abbrevs = &ab;
  UT_CHECK(same_key(&m, "UBKT Huyện ủy", "Ủy ban kiểm tra Huyện ủy"));
  UT_CHECK(same_key(&m, "ubkt huyện uỷ", "Ủy ban Kiểm tra Huyện ủy"));
  ar_free(&a);
}

void test_model_labels(void) {
  md_label l = md_label_parse(SL_LIT("2.1."));
  UT_EQ_INT(l.scheme, MD_SCHEME_ARABIC);
  UT_EQ_INT(l.value, 1);
  UT_CHECK(sl_eq_cstr(l.parent, "2"));
  UT_CHECK(sl_eq_cstr(l.component, "1"));
  l = md_label_parse(SL_LIT("IV-"));
  UT_EQ_INT(l.scheme, MD_SCHEME_ROMAN);
  UT_EQ_INT(l.value, 4);
  UT_CHECK(sl_eq_cstr(l.component, "IV"));
  l = md_label_parse(SL_LIT("I -"));
  UT_EQ_INT(l.value, 1);
  l = md_label_parse(SL_LIT("XIV."));
  UT_EQ_INT(l.value, 14);
  l = md_label_parse(SL_LIT("đ)"));
  UT_EQ_INT(l.scheme, MD_SCHEME_LETTER);
  UT_EQ_INT(l.value, 5);
  l = md_label_parse(SL_LIT("-"));
  UT_EQ_INT(l.scheme, MD_SCHEME_BULLET);
  l = md_label_parse(SL_LIT("12)"));
  UT_EQ_INT(l.value, 12);
  UT_CHECK(l.parent.n == 0);
}

void test_model_bodies(void) {
  ar_arena a;
  dg_list d;
  md_model m;
  setup(&m, &a, &d);
  md_body *b = ar_alloc(&a, sizeof *b);
  b->id = SL_LIT("btc_hu");
  b->name = lit("Ban Tổ chức Huyện ủy");
  md_strs al = { lit("BTC Huyện ủy"), NULL };
  b->aliases = &al;
  UT_EQ_INT(md_add_body(&m, b), 0);
  md_body *again = ar_alloc(&a, sizeof *again);
  again->id = SL_LIT("btc_hu");
  again->name = lit("Khác");
  UT_EQ_INT(md_add_body(&m, again), -1);
  md_index_names(&m);
  UT_CHECK(md_body_by_id(&m, SL_LIT("btc_hu")) == b);
  UT_CHECK(md_body_by_id(&m, SL_LIT("btc_tu")) == NULL);
  UT_CHECK(md_body_by_name(&m, SL_LIT("ban tổ chức huyện uỷ")) == b);
  UT_CHECK(md_body_by_name(&m, SL_LIT("BTC Huyện ủy")) == b);
  UT_CHECK(md_body_by_name(&m, SL_LIT("Ban Tổ chức Tỉnh ủy")) == NULL);
  UT_EQ_INT(d.count, 0);
  ar_free(&a);
}
