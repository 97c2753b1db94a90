/* Unit tests of the cascade (src/cascade.c): every rule a child plan is
 * checked by against the plans it implements, each with a case that passes
 * and one that fails.
 *
 * Each test writes its plans to a fresh temporary directory (mkdtemp under
 * /tmp), loads the child with rs_load and rs_resolve as src/main.c does
 * (parents are found through `implements "NUMBER" path "FILE"`), runs
 * cs_check (or cs_check_cycles, cs_coverage_of) and counts the findings by
 * code and severity. The standard bodies come from the embedded `std/all`.
 * When a test fails, every finding of the failing fixture is printed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cascade.h"
#include "resolve.h"
#include "text.h"
#include "unit.h"

/* ---- fixture: plans in a temporary directory ---- */

enum { FX_FILES = 8 };

typedef struct fx {
  ar_arena a;
  src_table src;
  dg_list d;
  md_model m;
  char dir[40];
  const char *names[FX_FILES];
  size_t nfiles;
  int failed_at_open;
} fx;

static void fx_open(fx *f) {
  memset(f, 0, sizeof *f);
  ar_init(&f->a);
  src_init(&f->src);
  dg_init(&f->d, &f->a);
  md_init(&f->m, &f->a, &f->src, &f->d);
  strcpy(f->dir, "/tmp/plancheck-cascade-XXXXXX");
  if (!mkdtemp(f->dir)) {
    perror("mkdtemp");
    exit(1);
  }
  f->failed_at_open = ut_failed;
}

static const char *fx_path(fx *f, const char *name) { return dg_fmt(&f->a, "%s/%s", f->dir, name); }

static void fx_file(fx *f, const char *name, const char *text) {
  FILE *out = fopen(fx_path(f, name), "w");
  if (!out || fputs(text, out) < 0 || fclose(out) != 0) {
    perror(name);
    exit(1);
  }
  if (f->nfiles < FX_FILES) f->names[f->nfiles++] = name;
}

/* Loads the named files (and, through them, their parents) and resolves
 * the model. Loading must report nothing: a fixture with a typo would
 * otherwise test something else. Returns the plan of the first file. */
static md_plan *fx_load_n(fx *f, const char *const *names, size_t n) {
  rs_input in[FX_FILES];
  memset(in, 0, sizeof in);
  for (size_t i = 0; i < n && i < FX_FILES; i++) in[i].path = fx_path(f, names[i]);
  rs_options o = { NULL, 0, NULL, NULL };
  UT_EQ_INT(rs_load(&f->m, &o, in, n), 0);
  rs_resolve(&f->m);
  UT_EQ_INT(f->d.count, 0);
  UT_CHECK(in[0].plan != NULL);
  return in[0].plan;
}

static md_plan *fx_load(fx *f, const char *name) { return fx_load_n(f, &name, 1); }

static void fx_close(fx *f) {
  if (ut_failed > f->failed_at_open) {
    fprintf(stderr, "--- %s: the fixture's findings:\n", ut_current);
    dg_sort(&f->d);
    dg_print_text(stderr, &f->src, &f->d, (dg_style){ 0 });
  }
  for (size_t i = 0; i < f->nfiles; i++) unlink(fx_path(f, f->names[i]));
  rmdir(f->dir);
  src_free(&f->src);
  ar_free(&f->a);
}

/* The usual pair: a parent and a child, the child checked as of a day. */
static md_plan *fx_pair(fx *f, const char *pname, const char *ptext, const char *cname, const char *ctext,
                        dt_day as_of) {
  fx_open(f);
  fx_file(f, pname, ptext);
  fx_file(f, cname, ctext);
  md_plan *child = fx_load(f, cname);
  if (child) cs_check(&f->m, child, as_of);
  return child;
}

/* ---- looking at the findings ---- */

/* Findings (not notes) with this code and severity. */
static int has(const fx *f, const char *code, dg_severity sev) {
  int n = 0;
  for (const dg_diag *d = f->d.first; d; d = d->next) n += strcmp(d->code, code) == 0 && d->sev == sev;
  return n;
}

/* Findings of every code and severity. */
static int total(const fx *f) {
  int n = 0;
  for (const dg_diag *d = f->d.first; d; d = d->next) n++;
  return n;
}

static const dg_diag *first(const fx *f, const char *code) {
  for (const dg_diag *d = f->d.first; d; d = d->next)
    if (strcmp(d->code, code) == 0) return d;
  return NULL;
}

/* Whether the first finding with `code` has `part` in its message. */
static int says(const fx *f, const char *code, const char *part) {
  const dg_diag *d = first(f, code);
  return d && strstr(d->msg, part) != NULL;
}

/* "LINE:COL" of the first finding with `code` (and its file's name), for
 * comparing positions in one check. */
static const char *where(fx *f, const char *code) {
  const dg_diag *d = first(f, code);
  if (!d || d->file == DG_NOFILE) return "(none)";
  src_pos p = src_position(&f->src, d->file, d->off);
  const char *path = f->src.files[d->file].path, *slash = strrchr(path, '/');
  return dg_fmt(&f->a, "%s:%u:%u", slash ? slash + 1 : path, p.line, p.col);
}

static md_item *item(fx *f, const char *id) { return md_item_by_id(&f->m, id); }

/* The row of directive `id` in a coverage, or NULL. */
static const cs_row *row(const cs_coverage *c, const char *id) {
  for (size_t i = 0; i < c->ntargets; i++)
    for (size_t j = 0; j < c->targets[i].nrows; j++)
      if (strcmp(c->targets[i].rows[j].directive->id, id) == 0) return &c->targets[i].rows[j];
  return NULL;
}

static int status(const cs_coverage *c, const char *id) {
  const cs_row *r = row(c, id);
  return r ? (int)r->status : -1;
}

static dt_day day(int y, int m, int d) { return dt_from_ymd(y, m, d); }

#define AS_OF day(2023, 6, 1)

/* ---- plan headers ----
 * TW: a central plan, 5 lines. TU: a province plan implementing it, 6
 * lines (the `implements` on line 5, its number at column 14). HU: a
 * district plan implementing TU, 6 lines. */

#define TW_HEAD \
  "use \"std/all\"\n" \
  "plan \"1-KH/TW\" {\n" \
  "  level central\n" \
  "  date 2023-01-10\n" \
  "}\n"

#define TU_HEAD \
  "use \"std/all\"\n" \
  "plan \"2-CTr/TU\" {\n" \
  "  level province\n" \
  "  date 2023-03-01\n" \
  "  implements \"1-KH/TW\" path \"tw.plan\"\n" \
  "}\n"

#define HU_HEAD \
  "use \"std/all\"\n" \
  "plan \"3-KH/HU\" {\n" \
  "  level district\n" \
  "  date 2023-05-01\n" \
  "  implements \"2-CTr/TU\" path \"tu.plan\"\n" \
  "}\n"

/* One Ban Tổ chức Trung ương directive, due in 2023: 1-KH/TW:I.1.1. */
#define TW_BTC \
  TW_HEAD \
  "section I. \"NHIỆM VỤ CỤ THỂ\" {\n" \
  "  section 1. \"Ban Tổ chức Trung ương\" owner btc_tw {\n" \
  "    - \"Sửa đổi Quy định số 164-QĐ/TW.\" due \"hoàn thành trong năm 2023\"\n" \
  "  }\n" \
  "}\n"

/* ---- 1. coverage ---- */

void test_cascade_coverage_missing(void) {
  fx f;
  fx_pair(&f, "tw.plan", TW_BTC, "tu.plan",
          TU_HEAD "section I. \"NHIỆM VỤ\" {\n"
                  "  - \"Việc khác.\" by btc_tu due \"hoàn thành trong năm 2023\"\n"
                  "}\n",
          AS_OF);
  UT_EQ_INT(has(&f, "coverage-missing", DG_ERROR), 1);
  UT_EQ_INT(total(&f), 1);
  UT_CHECK(says(&f, "coverage-missing", "1-KH/TW:I.1.1 is addressed to province plans but no task of 2-CTr/TU"));
  UT_CHECK(says(&f, "coverage-missing", "\"Sửa đổi Quy định số 164-QĐ/TW.\""));
  /* Reported at the child's `implements`, with a note at the directive. */
  UT_EQ_STR(where(&f, "coverage-missing"), "tu.plan:5:14");
  const dg_diag *d = first(&f, "coverage-missing");
  UT_CHECK(d && d->notes && d->notes->sev == DG_NOTE && strstr(d->notes->msg, "1-KH/TW:I.1.1 is here"));
  fx_close(&f);
}

void test_cascade_coverage_implemented(void) {
  fx f;
  fx_pair(&f, "tw.plan", TW_BTC, "tu.plan",
          TU_HEAD "section I. \"NHIỆM VỤ\" {\n"
                  "  - \"Tham mưu sửa đổi.\" by btc_tu implements \"1-KH/TW:I.1.1\" due \"hoàn thành trong năm 2023\"\n"
                  "}\n",
          AS_OF);
  UT_EQ_INT(has(&f, "coverage-missing", DG_ERROR) + has(&f, "coverage-missing", DG_WARNING), 0);
  /* The link has no fingerprint yet: that is its only finding. */
  UT_EQ_INT(has(&f, "link-unreviewed", DG_WARNING), 1);
  UT_EQ_INT(total(&f), 1);
  fx_close(&f);
}

/* A collective owner (`addresses`) addresses the level below as a whole. */
void test_cascade_coverage_collective(void) {
  const char *tu =
    TU_HEAD "section I. \"NHIỆM VỤ\" {\n"
            "  section 1. \"Các huyện ủy, thị ủy, thành ủy\" owner cac_huyen_uy {\n"
            "    - \"Xây dựng kế hoạch thực hiện.\" due \"hoàn thành trong quý II/2023\"\n"
            "  }\n"
            "}\n";
  fx f;
  fx_open(&f);
  fx_file(&f, "tw.plan", TW_HEAD);
  fx_file(&f, "tu.plan", tu);
  fx_file(&f, "hu.plan", HU_HEAD "section I. \"NHIỆM VỤ\" {\n  - \"Việc khác.\" by huyen_uy\n}\n");
  md_plan *hu = fx_load(&f, "hu.plan");
  cs_check(&f.m, hu, AS_OF);
  UT_EQ_INT(has(&f, "coverage-missing", DG_ERROR), 1);
  UT_CHECK(says(&f, "coverage-missing", "2-CTr/TU:I.1.1 is addressed to district plans"));
  UT_EQ_INT(total(&f), 1);
  fx_close(&f);

  /* Covered by a Huyện ủy task: nothing missing. */
  fx_open(&f);
  fx_file(&f, "tw.plan", TW_HEAD);
  fx_file(&f, "tu.plan", tu);
  fx_file(&f, "hu.plan",
          HU_HEAD "section I. \"NHIỆM VỤ\" {\n"
                  "  - \"Ban hành kế hoạch.\" by huyen_uy implements \"2-CTr/TU:I.1.1\" due \"hoàn thành trong tháng 5/2023\"\n"
                  "}\n");
  hu = fx_load(&f, "hu.plan");
  cs_check(&f.m, hu, AS_OF);
  UT_EQ_INT(has(&f, "coverage-missing", DG_ERROR), 0);
  UT_EQ_INT(has(&f, "link-unreviewed", DG_WARNING), 1);
  UT_EQ_INT(total(&f), 1);
  fx_close(&f);

  /* "Các tỉnh ủy" in a central plan addresses a province child. */
  fx_pair(&f, "tw.plan",
          TW_HEAD "section I. \"NHIỆM VỤ\" {\n"
                  "  - \"Xây dựng chương trình hành động.\" by cac_tinh_uy due \"hoàn thành trong quý II/2023\"\n"
                  "}\n",
          "tu.plan", TU_HEAD, AS_OF);
  UT_EQ_INT(has(&f, "coverage-missing", DG_ERROR), 1);
  UT_CHECK(says(&f, "coverage-missing", "1-KH/TW:I.1 is addressed to province plans"));
  UT_EQ_INT(total(&f), 1);
  fx_close(&f);
}

/* `cascade` on a task or a section addresses a directive whose owner has no
 * counterpart below; `cascade to LEVEL` addresses only that level. */
void test_cascade_coverage_cascade_mark(void) {
  const char *tw =
    TW_HEAD "section I. \"NHIỆM VỤ\" owner ubtvqh {\n"
            "  - \"Sửa đổi luật.\" cascade\n"                         /* I.1: every level */
            "  - \"Hướng dẫn cấp huyện.\" cascade to district\n"      /* I.2: district only */
            "  - \"Giám sát.\"\n"                                     /* I.3: nobody below */
            "}\n"
            "section II. \"Quốc hội\" owner ubtvqh cascade to province {\n"
            "  - \"Ban hành nghị quyết.\"\n"                          /* II.1: through its section */
            "}\n";
  fx f;
  md_plan *tu = fx_pair(&f, "tw.plan", tw, "tu.plan", TU_HEAD, AS_OF);
  UT_EQ_INT(has(&f, "coverage-missing", DG_ERROR), 2);
  UT_EQ_INT(total(&f), 2);
  cs_coverage *c = cs_coverage_of(&f.m, tu, AS_OF);
  UT_EQ_INT(status(c, "1-KH/TW:I.1"), CS_MISSING);
  UT_EQ_INT(status(c, "1-KH/TW:I.2"), -1);
  UT_EQ_INT(status(c, "1-KH/TW:I.3"), -1);
  UT_EQ_INT(status(c, "1-KH/TW:II.1"), CS_MISSING);
  fx_close(&f);

  /* A district plan implementing the central plan directly. */
  md_plan *hu = fx_pair(&f, "tw.plan", tw, "hu.plan",
                        "use \"std/all\"\n"
                        "plan \"3-KH/HU\" {\n  level district\n  date 2023-05-01\n"
                        "  implements \"1-KH/TW\" path \"tw.plan\"\n}\n",
                        AS_OF);
  UT_EQ_INT(has(&f, "coverage-missing", DG_ERROR), 2);
  UT_EQ_INT(total(&f), 2);
  c = cs_coverage_of(&f.m, hu, AS_OF);
  UT_EQ_INT(status(c, "1-KH/TW:I.1"), CS_MISSING);
  UT_EQ_INT(status(c, "1-KH/TW:I.2"), CS_MISSING);
  UT_EQ_INT(status(c, "1-KH/TW:I.3"), -1);
  UT_EQ_INT(status(c, "1-KH/TW:II.1"), -1);
  fx_close(&f);
}

/* Ủy ban Thường vụ Quốc hội has no province counterpart: its directive is
 * not the province's business. */
void test_cascade_coverage_unrelated_owner(void) {
  fx f;
  md_plan *tu = fx_pair(&f, "tw.plan",
                        TW_HEAD "section I. \"NHIỆM VỤ\" {\n  - \"Giám sát.\" by ubtvqh due \"hoàn thành trong năm 2023\"\n}\n",
                        "tu.plan", TU_HEAD, AS_OF);
  UT_EQ_INT(total(&f), 0);
  cs_coverage *c = cs_coverage_of(&f.m, tu, AS_OF);
  UT_EQ_INT(c->ntargets, 1);
  UT_EQ_INT(c->targets[0].nrows, 0);
  fx_close(&f);
}

void test_cascade_coverage_numbers(void) {
  fx f;
  md_plan *tu = fx_pair(&f, "tw.plan",
                        TW_HEAD "section I. \"NHIỆM VỤ\" owner btc_tw {\n"
                                "  - \"Một.\" due \"hoàn thành trong năm 2023\"\n"
                                "  - \"Hai.\" due \"hoàn thành trong năm 2023\"\n"
                                "  - \"Ba.\" by ubtvqh\n"
                                "}\n",
                        "tu.plan",
                        TU_HEAD "section I. \"NHIỆM VỤ\" owner btc_tu {\n"
                                "  - \"Một.\" implements \"1-KH/TW:I.1\" due \"hoàn thành trong năm 2023\"\n"
                                "  - \"Ba.\" implements \"1-KH/TW:I.3\"\n"
                                "}\n",
                        AS_OF);
  cs_coverage *c = cs_coverage_of(&f.m, tu, AS_OF);
  UT_CHECK(c->child == tu);
  UT_EQ_INT(c->level, MD_PROVINCE);
  UT_EQ_INT(c->ntargets, 1);
  cs_target *t = &c->targets[0];
  UT_CHECK(sl_eq_cstr(t->plan->key, "1-KH/TW"));
  UT_CHECK(t->through == NULL);
  UT_CHECK(t->declared == tu->parents);
  UT_EQ_INT(t->nrows, 3);
  UT_EQ_INT(t->count[CS_COVERED], 1);
  UT_EQ_INT(t->count[CS_MISSING], 1);
  UT_EQ_INT(t->count[CS_WAIVED], 0);
  UT_EQ_INT(t->count[CS_FORWARDED], 0);
  UT_EQ_INT(t->count[CS_EXTRA], 1);
  /* Addressed rows in the parent's order, then the extra one. */
  UT_EQ_STR(t->rows[0].directive->id, "1-KH/TW:I.1");
  UT_EQ_INT(t->rows[0].status, CS_COVERED);
  UT_EQ_INT(t->rows[0].nlinks, 1);
  UT_CHECK(t->rows[0].nlinks == 1 && t->rows[0].links[0]->from == item(&f, "2-CTr/TU:I.1"));
  UT_EQ_STR(t->rows[1].directive->id, "1-KH/TW:I.2");
  UT_EQ_INT(t->rows[1].status, CS_MISSING);
  UT_EQ_INT(t->rows[1].nlinks, 0);
  UT_EQ_STR(t->rows[2].directive->id, "1-KH/TW:I.3");
  UT_EQ_INT(t->rows[2].status, CS_EXTRA);
  UT_EQ_INT(has(&f, "coverage-missing", DG_ERROR), 1);
  UT_EQ_INT(has(&f, "link-not-addressed", DG_WARNING), 1);
  UT_EQ_INT(has(&f, "link-unreviewed", DG_WARNING), 2);
  UT_EQ_INT(total(&f), 4);
  fx_close(&f);
}

/* ---- 2. waivers ---- */

#define TU_WAIVE(stmt) TU_HEAD "section I. \"NHIỆM VỤ\" {\n  " stmt "\n}\n"

void test_cascade_waiver_covers(void) {
  fx f;
  md_plan *tu = fx_pair(&f, "tw.plan", TW_BTC, "tu.plan",
                        TU_WAIVE("waive \"1-KH/TW:I.1.1\" reason \"Tỉnh đã hoàn thành trong năm 2022.\""), AS_OF);
  UT_EQ_INT(total(&f), 0);
  cs_coverage *c = cs_coverage_of(&f.m, tu, AS_OF);
  UT_EQ_INT(status(c, "1-KH/TW:I.1.1"), CS_WAIVED);
  UT_EQ_INT(c->targets[0].count[CS_WAIVED], 1);
  const cs_row *r = row(c, "1-KH/TW:I.1.1");
  UT_CHECK(r && r->waiver && r->waiver->kind == MD_WAIVER && !r->expired);
  fx_close(&f);

  /* A waiver may stand outside any section. */
  fx_pair(&f, "tw.plan", TW_BTC, "tu.plan", TU_HEAD "waive \"1-KH/TW:I.1.1\" reason \"Đã xong.\"\n", AS_OF);
  UT_EQ_INT(total(&f), 0);
  fx_close(&f);
}

void test_cascade_waiver_reason(void) {
  fx f;
  md_plan *tu = fx_pair(&f, "tw.plan", TW_BTC, "tu.plan", TU_WAIVE("waive \"1-KH/TW:I.1.1\""), AS_OF);
  UT_EQ_INT(has(&f, "waiver-reason", DG_ERROR), 1);
  UT_CHECK(says(&f, "waiver-reason", "the waiver of 1-KH/TW:I.1.1 gives no reason"));
  UT_EQ_STR(where(&f, "waiver-reason"), "tu.plan:8:3");
  /* The waiver still answers the directive: one error, not two. */
  UT_EQ_INT(has(&f, "coverage-missing", DG_ERROR), 0);
  UT_EQ_INT(total(&f), 1);
  UT_EQ_INT(status(cs_coverage_of(&f.m, tu, AS_OF), "1-KH/TW:I.1.1"), CS_WAIVED);
  fx_close(&f);
}

void test_cascade_waiver_expired(void) {
  const char *tu = TU_WAIVE("waive \"1-KH/TW:I.1.1\" reason \"Chờ hướng dẫn.\" until 2024-01-31");
  fx f;
  /* On its last day the waiver still holds. */
  md_plan *p = fx_pair(&f, "tw.plan", TW_BTC, "tu.plan", tu, day(2024, 1, 31));
  UT_EQ_INT(total(&f), 0);
  UT_EQ_INT(status(cs_coverage_of(&f.m, p, day(2024, 1, 31)), "1-KH/TW:I.1.1"), CS_WAIVED);
  fx_close(&f);

  p = fx_pair(&f, "tw.plan", TW_BTC, "tu.plan", tu, day(2024, 2, 1));
  UT_EQ_INT(has(&f, "waiver-expired", DG_ERROR), 1);
  UT_CHECK(says(&f, "waiver-expired", "the waiver of 1-KH/TW:I.1.1 expired on 2024-01-31"));
  UT_EQ_STR(where(&f, "waiver-expired"), "tu.plan:8:58");
  /* The expired waiver is the one error: no coverage-missing beside it. */
  UT_EQ_INT(has(&f, "coverage-missing", DG_ERROR), 0);
  UT_EQ_INT(total(&f), 1);
  cs_coverage *c = cs_coverage_of(&f.m, p, day(2024, 2, 1));
  UT_EQ_INT(status(c, "1-KH/TW:I.1.1"), CS_MISSING);
  UT_CHECK(row(c, "1-KH/TW:I.1.1") && row(c, "1-KH/TW:I.1.1")->expired);
  fx_close(&f);
}

void test_cascade_waiver_unneeded(void) {
  fx f;
  md_plan *tu = fx_pair(&f, "tw.plan", TW_BTC, "tu.plan",
                        TU_HEAD "section I. \"NHIỆM VỤ\" {\n"
                                "  waive \"1-KH/TW:I.1.1\" reason \"Đã xong.\"\n"
                                "  - \"Tham mưu sửa đổi.\" by btc_tu implements \"1-KH/TW:I.1.1\" due \"hoàn thành trong năm 2023\"\n"
                                "}\n",
                        AS_OF);
  UT_EQ_INT(has(&f, "waiver-unneeded", DG_WARNING), 1);
  UT_CHECK(says(&f, "waiver-unneeded", "1-KH/TW:I.1.1 is waived but also implemented"));
  UT_EQ_STR(where(&f, "waiver-unneeded"), "tu.plan:8:3");
  UT_EQ_INT(has(&f, "link-unreviewed", DG_WARNING), 1);
  UT_EQ_INT(total(&f), 2);
  UT_EQ_INT(status(cs_coverage_of(&f.m, tu, AS_OF), "1-KH/TW:I.1.1"), CS_COVERED);
  fx_close(&f);
}

/* ---- 3. forwards ---- */

#define TU_FORWARD(stmt) TU_HEAD "section I. \"NHIỆM VỤ\" {\n  " stmt "\n}\n"

/* In the forwarding plan itself, the directive counts as forwarded. */
void test_cascade_forward_in_province(void) {
  fx f;
  md_plan *tu = fx_pair(&f, "tw.plan", TW_BTC, "tu.plan", TU_FORWARD("forward \"1-KH/TW:I.1.1\" to district"), AS_OF);
  UT_EQ_INT(total(&f), 0);
  cs_coverage *c = cs_coverage_of(&f.m, tu, AS_OF);
  UT_EQ_INT(status(c, "1-KH/TW:I.1.1"), CS_FORWARDED);
  UT_EQ_INT(c->targets[0].count[CS_FORWARDED], 1);
  UT_EQ_INT(c->targets[0].count[CS_MISSING], 0);
  const cs_row *r = row(c, "1-KH/TW:I.1.1");
  UT_CHECK(r && r->forward && r->forward->kind == MD_FORWARD);
  fx_close(&f);

  /* Without `to`, a forward goes to the level below the plan's. */
  tu = fx_pair(&f, "tw.plan", TW_BTC, "tu.plan", TU_FORWARD("forward \"1-KH/TW:I.1.1\""), AS_OF);
  UT_EQ_INT(total(&f), 0);
  UT_EQ_INT(status(cs_coverage_of(&f.m, tu, AS_OF), "1-KH/TW:I.1.1"), CS_FORWARDED);
  fx_close(&f);
}

static md_plan *three(fx *f, const char *tu, const char *hu) {
  fx_open(f);
  fx_file(f, "tw.plan", TW_BTC);
  fx_file(f, "tu.plan", tu);
  fx_file(f, "hu.plan", hu);
  md_plan *p = fx_load(f, "hu.plan");
  if (p) cs_check(&f->m, p, AS_OF);
  return p;
}

/* In the district plan below, the forwarded grandparent directive is
 * addressed like one of the province's own. */
void test_cascade_forward_to_district(void) {
  const char *tu = TU_FORWARD("forward \"1-KH/TW:I.1.1\" to district");
  const char *hu_link =
    HU_HEAD "section I. \"NHIỆM VỤ\" {\n"
            "  - \"Rà soát, sửa đổi.\" by btc_hu implements \"1-KH/TW:I.1.1\" due \"hoàn thành trong năm 2023\"\n"
            "}\n";
  fx f;
  md_plan *hu = three(&f, tu, HU_HEAD);
  UT_EQ_INT(has(&f, "coverage-missing", DG_ERROR), 1);
  UT_CHECK(says(&f, "coverage-missing", "1-KH/TW:I.1.1 is addressed to district plans but no task of 3-KH/HU"));
  UT_EQ_INT(total(&f), 1);
  cs_coverage *c = cs_coverage_of(&f.m, hu, AS_OF);
  UT_EQ_INT(c->ntargets, 1);
  UT_CHECK(sl_eq_cstr(c->targets[0].plan->key, "2-CTr/TU"));
  UT_EQ_INT(status(c, "1-KH/TW:I.1.1"), CS_MISSING);
  fx_close(&f);

  hu = three(&f, tu, hu_link);
  UT_EQ_INT(has(&f, "coverage-missing", DG_ERROR), 0);
  UT_EQ_INT(has(&f, "link-not-addressed", DG_WARNING), 0);
  UT_EQ_INT(has(&f, "link-unreviewed", DG_WARNING), 1);
  UT_EQ_INT(total(&f), 1);
  UT_EQ_INT(status(cs_coverage_of(&f.m, hu, AS_OF), "1-KH/TW:I.1.1"), CS_COVERED);
  fx_close(&f);

  /* Forwarded to grassroots only: not the district's. */
  three(&f, TU_FORWARD("forward \"1-KH/TW:I.1.1\" to grassroots"), hu_link);
  UT_EQ_INT(has(&f, "coverage-missing", DG_ERROR), 0);
  UT_EQ_INT(has(&f, "link-not-addressed", DG_WARNING), 1);
  UT_EQ_INT(has(&f, "link-unreviewed", DG_WARNING), 1);
  UT_EQ_INT(total(&f), 2);
  fx_close(&f);

  /* Not forwarded: the province's parent is not the district's target, so
   * a district linking to it directly is told the link is not addressed,
   * though the directive's owner (Ban Tổ chức TW) does reach the district. */
  three(&f, TU_HEAD "section I. \"NHIỆM VỤ\" {\n"
                    "  - \"Sửa đổi.\" by btc_tu implements \"1-KH/TW:I.1.1\" due \"hoàn thành trong năm 2023\"\n"
                    "}\n",
        hu_link);
  UT_EQ_INT(has(&f, "link-not-addressed", DG_WARNING), 1);
  UT_EQ_INT(has(&f, "link-not-parent", DG_ERROR), 0);
  UT_EQ_INT(has(&f, "link-unreviewed", DG_WARNING), 1);
  UT_EQ_INT(total(&f), 2);
  fx_close(&f);
}

/* ---- 4. an unavailable intermediate plan ---- */

#define HU_THROUGH(inner) \
  "use \"std/all\"\n" \
  "plan \"3-KH/HU\" {\n" \
  "  level district\n" \
  "  date 2023-05-01\n" \
  "  implements \"20-CTr/TU\" {\n" \
  "    level province\n" \
  "    unavailable \"Văn bản không có trong bộ tài liệu gốc.\"\n" \
  inner \
  "  }\n" \
  "}\n"

void test_cascade_unavailable_ancestor(void) {
  const char *hu_head = HU_THROUGH("    implements \"1-KH/TW\" path \"tw.plan\"\n");
  fx f;
  md_plan *hu = fx_pair(&f, "tw.plan", TW_BTC, "hu.plan", hu_head, AS_OF);
  UT_EQ_INT(has(&f, "cascade-ancestor", DG_NOTE), 1);
  UT_CHECK(says(&f, "cascade-ancestor", "the text of plan 20-CTr/TU is not available (Văn bản không có trong bộ tài liệu gốc.)"));
  UT_CHECK(says(&f, "cascade-ancestor", "3-KH/HU is checked against 1-KH/TW"));
  UT_EQ_STR(where(&f, "cascade-ancestor"), "hu.plan:5:14");
  /* Missing coverage is only a warning, reported at the inner `implements`. */
  UT_EQ_INT(has(&f, "coverage-missing", DG_WARNING), 1);
  UT_EQ_INT(has(&f, "coverage-missing", DG_ERROR), 0);
  UT_EQ_STR(where(&f, "coverage-missing"), "hu.plan:8:16");
  UT_EQ_INT(total(&f), 2);
  cs_coverage *c = cs_coverage_of(&f.m, hu, AS_OF);
  UT_EQ_INT(c->ntargets, 1);
  UT_CHECK(c->targets[0].through && sl_eq_cstr(c->targets[0].through->key, "20-CTr/TU"));
  UT_EQ_INT(status(c, "1-KH/TW:I.1.1"), CS_MISSING);
  fx_close(&f);

  /* A wrong owner through it is only a warning too; deadlines stay errors. */
  fx_pair(&f, "tw.plan", TW_BTC, "hu.plan",
          HU_THROUGH("    implements \"1-KH/TW\" path \"tw.plan\"\n")
          "section I. \"NHIỆM VỤ\" {\n"
          "  - \"Sửa đổi.\" by vp_hu implements \"1-KH/TW:I.1.1\" due \"hoàn thành trong năm 2024\"\n"
          "}\n",
          AS_OF);
  UT_EQ_INT(has(&f, "cascade-ancestor", DG_NOTE), 1);
  UT_EQ_INT(has(&f, "owner-mismatch", DG_WARNING), 1);
  UT_EQ_INT(has(&f, "owner-mismatch", DG_ERROR), 0);
  UT_CHECK(says(&f, "owner-mismatch", "(expected Ban Tổ chức Huyện ủy)"));
  UT_EQ_INT(has(&f, "deadline-later", DG_ERROR), 1);
  UT_EQ_INT(has(&f, "coverage-missing", DG_WARNING) + has(&f, "coverage-missing", DG_ERROR), 0);
  UT_EQ_INT(has(&f, "link-unreviewed", DG_WARNING), 1);
  UT_EQ_INT(total(&f), 4);
  fx_close(&f);
}

void test_cascade_unavailable_unchecked(void) {
  fx f;
  fx_open(&f);
  fx_file(&f, "hu.plan",
          HU_THROUGH("") "section I. \"NHIỆM VỤ\" {\n  - \"Việc.\" by huyen_uy\n}\n");
  md_plan *hu = fx_load(&f, "hu.plan");
  cs_check(&f.m, hu, AS_OF);
  UT_EQ_INT(has(&f, "cascade-unchecked", DG_NOTE), 1);
  UT_CHECK(says(&f, "cascade-unchecked", "the text of plan 20-CTr/TU is not available and it names no available parent"));
  UT_EQ_STR(where(&f, "cascade-unchecked"), "hu.plan:5:14");
  UT_EQ_INT(total(&f), 1);
  UT_EQ_INT(cs_coverage_of(&f.m, hu, AS_OF)->ntargets, 0);
  fx_close(&f);

  /* Its own parent is only described too: still nothing to check against. */
  fx_open(&f);
  fx_file(&f, "hu.plan", HU_THROUGH("    implements \"1-KH/TW\" { unavailable \"Không có.\" }\n"));
  hu = fx_load(&f, "hu.plan");
  cs_check(&f.m, hu, AS_OF);
  UT_EQ_INT(has(&f, "cascade-unchecked", DG_NOTE), 1);
  UT_EQ_INT(has(&f, "cascade-ancestor", DG_NOTE), 0);
  UT_EQ_INT(total(&f), 1);
  fx_close(&f);

  /* With an available ancestor there is no such note. */
  fx_pair(&f, "tw.plan", TW_BTC, "hu.plan", HU_THROUGH("    implements \"1-KH/TW\" path \"tw.plan\"\n"), AS_OF);
  UT_EQ_INT(has(&f, "cascade-unchecked", DG_NOTE), 0);
  fx_close(&f);
}

/* ---- 5. deadlines ---- */

/* A parent with one Ban Tổ chức TW directive due as given, and a province
 * child whose Ban Tổ chức Tỉnh ủy task implements it, due as given (the
 * task line is line 8 of tu.plan). */
static void deadline_pair(fx *f, const char *parent_due, const char *child_due) {
  char ptext[1024], ctext[1024];
  snprintf(ptext, sizeof ptext,
           TW_HEAD "section I. \"NHIỆM VỤ\" {\n  - \"Sửa đổi Quy định.\" by btc_tw%s%s%s\n}\n",
           parent_due ? " due \"" : "", parent_due ? parent_due : "", parent_due ? "\"" : "");
  snprintf(ctext, sizeof ctext,
           TU_HEAD "section I. \"NHIỆM VỤ\" {\n  - \"Tham mưu.\" by btc_tu implements \"1-KH/TW:I.1\"%s%s%s\n}\n",
           child_due ? " due \"" : "", child_due ? child_due : "", child_due ? "\"" : "");
  fx_pair(f, "tw.plan", ptext, "tu.plan", ctext, AS_OF);
}
