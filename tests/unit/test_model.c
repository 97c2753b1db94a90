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

/* The levels of std/levels by hand, and the two structures: "below" and
 * the stages are read in a structure, never from the levels' numbers. */
static void levels_setup(md_model *m, md_structure *s2020, md_structure *s2025) {
  static const char *const ids[] = { "central", "province", "district", "commune", "grassroots" };
  for (int i = 0; i < 5; i++) m->levels[i + 1] = (md_level_def){ .id = { ids[i], strlen(ids[i]) }, .name = lit(ids[i]) };
  m->nlevels = 5;
  md_structure_init(s2020);
  md_structure_init(s2025);
  const md_level old[] = { 1, 2, 3, 5 }, now[] = { 1, 2, 4, 5 };
  for (int i = 0; i < 4; i++) {
    UT_EQ_INT(md_structure_add(s2020, old[i]), 0);
    UT_EQ_INT(md_structure_add(s2025, now[i]), 0);
  }
  UT_EQ_INT(md_structure_add(s2025, 4), -1);      /* listed twice */
  s2020->until = dt_from_ymd(2025, 6, 30);
  s2020->from = DT_MIN;
  s2025->from = dt_from_ymd(2025, 7, 1);
  s2025->until = DT_MAX;
  m->structures = s2020;
  s2020->next = s2025;
  m->last_structure = s2025;
}

void test_model_structures(void) {
  ar_arena a;
  dg_list d;
  md_model m;
  md_structure s2020 = { 0 }, s2025 = { 0 };
  setup(&m, &a, &d);
  levels_setup(&m, &s2020, &s2025);
  UT_EQ_INT(md_level_by_id(&m, SL_LIT("commune")), 4);
  UT_EQ_INT(md_level_by_text(&m, SL_LIT("grassroots")), 5);
  UT_EQ_STR(md_level_guess(&m, SL_LIT("comune")), "commune");
  UT_CHECK(md_level_guess(&m, SL_LIT("thôn")) == NULL);
  /* Below the province: the district in 2020, the commune in 2025. */
  UT_EQ_INT(md_level_below(&m, &s2020, 2), 3);
  UT_EQ_INT(md_level_below(&m, &s2025, 2), 4);
  UT_EQ_INT(md_level_below(&m, &s2025, 5), 0);
  UT_EQ_INT(md_level_below(&m, &s2025, 3), 0);     /* no district in 2025 */
  UT_EQ_INT(md_levels_below(&s2025, 2), MD_LEVEL_BIT(4) | MD_LEVEL_BIT(5));
  UT_EQ_INT(md_levels_below_first(&s2020, MD_LEVEL_BIT(3) | MD_LEVEL_BIT(2)), MD_LEVEL_BIT(3) | MD_LEVEL_BIT(5));
  /* The structure of a day. */
  UT_CHECK(md_structure_on(&m, dt_from_ymd(2025, 6, 30)) == &s2020);
  UT_CHECK(md_structure_on(&m, dt_from_ymd(2025, 7, 1)) == &s2025);
  /* "cấp trên cơ sở" is the district in 2020 and the commune in 2025. */
  UT_EQ_INT(md_stage_level(&m, &s2020, DL_STAGE_ABOVE_GRASSROOTS), 3);
  UT_EQ_INT(md_stage_level(&m, &s2025, DL_STAGE_ABOVE_GRASSROOTS), 4);
  UT_EQ_INT(md_stage_level(&m, &s2025, DL_STAGE_COMMUNE), 4);
  UT_EQ_INT(md_stage_level(&m, &s2025, DL_STAGE_PROVINCE), 2);
  /* A plan's structure: its date's; undated, the last with its level;
   * a named one wins. */
  md_plan p = { .level = 3, .date_known = 1, .date = dt_from_ymd(2026, 1, 5) };
  UT_CHECK(md_plan_structure(&m, &p) == &s2020);   /* a district plan of 2026 */
  md_plan q = { .level = 2 };
  UT_CHECK(md_plan_structure(&m, &q) == &s2025);
  md_plan r = { .level = 2, .date_known = 1, .date = dt_from_ymd(2026, 1, 5), .structure_id = SL_LIT("s2020") };
  s2020.id = SL_LIT("s2020");
  s2025.id = SL_LIT("s2025");
  UT_CHECK(md_plan_structure(&m, &r) == &s2020);
  ar_free(&a);
}

/* Lineages join both ways and their carried levels are one. */
void test_model_lineage(void) {
  md_body a = { .id = SL_LIT("btg"), .carried_at = MD_LEVEL_BIT(2) };
  md_body b = { .id = SL_LIT("bdv"), .carried_at = MD_LEVEL_BIT(3) };
  md_body c = { .id = SL_LIT("btgdv") };
  md_body z = { .id = SL_LIT("other") };
  UT_CHECK(md_lineage(&a) == &a);
  UT_EQ_INT(md_lineage_carried(&a), MD_LEVEL_BIT(2));
  md_join_lineage(&c, &a);
  md_join_lineage(&c, &b);
  md_join_lineage(&b, &a);                          /* already one */
  UT_CHECK(md_lineage(&a) == md_lineage(&b) && md_lineage(&b) == md_lineage(&c));
  UT_CHECK(md_lineage(&z) != md_lineage(&a));
  UT_EQ_INT(md_lineage_carried(&c), MD_LEVEL_BIT(2) | MD_LEVEL_BIT(3));
  md_successor s = { &c, dt_from_ymd(2025, 3, 1), NULL }, t = { &c, DT_MIN, &s };
  a.successors = &t;
  UT_EQ_INT(md_body_end(&a), dt_from_ymd(2025, 3, 1));
  UT_EQ_INT(md_body_end(&c), DT_MAX);
}
