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
#include <stdarg.h>
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

/* The levels in the order std/levels declares them (levels are data; the
 * order of a plan's levels is its structure's). */
enum { MD_CENTRAL = 1, MD_PROVINCE, MD_DISTRICT, MD_COMMUNE, MD_GRASSROOTS };

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
  rs_resolve(&f->m, NULL);
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

/* cs_check, unless the fixture did not load (reported already). */
static void check(fx *f, md_plan *child, dt_day as_of) {
  if (child) cs_check(&f->m, child, as_of);
}

/* The usual pair: a parent and a child, the child checked as of a day. */
static md_plan *fx_pair(fx *f, const char *pname, const char *ptext, const char *cname, const char *ctext,
                        dt_day as_of) {
  fx_open(f);
  fx_file(f, pname, ptext);
  fx_file(f, cname, ctext);
  md_plan *child = fx_load(f, cname);
  check(f, child, as_of);
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

/* Whether the first finding with `code` has every one of the parts in its
 * message (the ids, dates and names it must give; not its whole wording). */
static int says_parts(const fx *f, const char *code, ...) {
  const dg_diag *d = first(f, code);
  if (!d) return 0;
  va_list ap;
  va_start(ap, code);
  int all = 1;
  for (const char *part; (part = va_arg(ap, const char *)) != NULL;)
    if (!strstr(d->msg, part)) {
      fprintf(stderr, "  [%s] message lacks \"%s\": %s\n", code, part, d->msg);
      all = 0;
    }
  va_end(ap);
  return all;
}
#define says(f, code, ...) says_parts((f), (code), __VA_ARGS__, (const char *)NULL)

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

/* cs_coverage_of, or an empty coverage when the fixture did not load (the
 * loader has reported that already). */
static cs_coverage *cov(fx *f, md_plan *child, dt_day as_of) {
  if (child) return cs_coverage_of(&f->m, child, as_of);
  return ar_alloc(&f->a, sizeof(cs_coverage));
}

/* The first target of a coverage, or an empty one. */
static cs_target *target0(cs_coverage *c) {
  static cs_target none;
  return c->ntargets ? &c->targets[0] : &none;
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
  UT_CHECK(says(&f, "coverage-missing", "1-KH/TW:I.1.1", "province", "2-CTr/TU"));
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
  check(&f, hu, AS_OF);
  UT_EQ_INT(has(&f, "coverage-missing", DG_ERROR), 1);
  UT_CHECK(says(&f, "coverage-missing", "2-CTr/TU:I.1.1", "district", "3-KH/HU"));
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
  check(&f, hu, AS_OF);
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
  UT_CHECK(says(&f, "coverage-missing", "1-KH/TW:I.1", "province"));
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
  cs_coverage *c = cov(&f, tu, AS_OF);
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
  c = cov(&f, hu, AS_OF);
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
  cs_coverage *c = cov(&f, tu, AS_OF);
  UT_EQ_INT(c->ntargets, 1);
  UT_EQ_INT(target0(c)->nrows, 0);
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
  cs_coverage *c = cov(&f, tu, AS_OF);
  UT_CHECK(c->child == tu);
  UT_EQ_INT(c->level, MD_PROVINCE);
  UT_EQ_INT(c->ntargets, 1);
  cs_target *t = target0(c);
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
  cs_coverage *c = cov(&f, tu, AS_OF);
  UT_EQ_INT(status(c, "1-KH/TW:I.1.1"), CS_WAIVED);
  UT_EQ_INT(target0(c)->count[CS_WAIVED], 1);
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
  UT_CHECK(says(&f, "waiver-reason", "1-KH/TW:I.1.1", "reason"));
  UT_EQ_STR(where(&f, "waiver-reason"), "tu.plan:8:3");
  /* The waiver still answers the directive: one error, not two. */
  UT_EQ_INT(has(&f, "coverage-missing", DG_ERROR), 0);
  UT_EQ_INT(total(&f), 1);
  UT_EQ_INT(status(cov(&f, tu, AS_OF), "1-KH/TW:I.1.1"), CS_WAIVED);
  fx_close(&f);
}

void test_cascade_waiver_expired(void) {
  const char *tu = TU_WAIVE("waive \"1-KH/TW:I.1.1\" reason \"Chờ hướng dẫn.\" until 2024-01-31");
  fx f;
  /* On its last day the waiver still holds. */
  md_plan *p = fx_pair(&f, "tw.plan", TW_BTC, "tu.plan", tu, day(2024, 1, 31));
  UT_EQ_INT(total(&f), 0);
  UT_EQ_INT(status(cov(&f, p, day(2024, 1, 31)), "1-KH/TW:I.1.1"), CS_WAIVED);
  fx_close(&f);

  p = fx_pair(&f, "tw.plan", TW_BTC, "tu.plan", tu, day(2024, 2, 1));
  UT_EQ_INT(has(&f, "waiver-expired", DG_ERROR), 1);
  UT_CHECK(says(&f, "waiver-expired", "1-KH/TW:I.1.1", "expired", "2024-01-31"));
  UT_EQ_STR(where(&f, "waiver-expired"), "tu.plan:8:55");
  /* The expired waiver is the one error: no coverage-missing beside it. */
  UT_EQ_INT(has(&f, "coverage-missing", DG_ERROR), 0);
  UT_EQ_INT(total(&f), 1);
  cs_coverage *c = cov(&f, p, day(2024, 2, 1));
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
  UT_CHECK(says(&f, "waiver-unneeded", "1-KH/TW:I.1.1", "waived", "implemented"));
  UT_EQ_STR(where(&f, "waiver-unneeded"), "tu.plan:8:3");
  UT_EQ_INT(has(&f, "link-unreviewed", DG_WARNING), 1);
  UT_EQ_INT(total(&f), 2);
  UT_EQ_INT(status(cov(&f, tu, AS_OF), "1-KH/TW:I.1.1"), CS_COVERED);
  fx_close(&f);
}

/* ---- 3. forwards ---- */

#define TU_FORWARD(stmt) TU_HEAD "section I. \"NHIỆM VỤ\" {\n  " stmt "\n}\n"

/* In the forwarding plan itself, the directive counts as forwarded. */
void test_cascade_forward_in_province(void) {
  fx f;
  md_plan *tu = fx_pair(&f, "tw.plan", TW_BTC, "tu.plan", TU_FORWARD("forward \"1-KH/TW:I.1.1\" to district"), AS_OF);
  UT_EQ_INT(total(&f), 0);
  cs_coverage *c = cov(&f, tu, AS_OF);
  UT_EQ_INT(status(c, "1-KH/TW:I.1.1"), CS_FORWARDED);
  UT_EQ_INT(target0(c)->count[CS_FORWARDED], 1);
  UT_EQ_INT(target0(c)->count[CS_MISSING], 0);
  const cs_row *r = row(c, "1-KH/TW:I.1.1");
  UT_CHECK(r && r->forward && r->forward->kind == MD_FORWARD);
  fx_close(&f);

  /* Without `to`, a forward goes to the level below the plan's. */
  tu = fx_pair(&f, "tw.plan", TW_BTC, "tu.plan", TU_FORWARD("forward \"1-KH/TW:I.1.1\""), AS_OF);
  UT_EQ_INT(total(&f), 0);
  UT_EQ_INT(status(cov(&f, tu, AS_OF), "1-KH/TW:I.1.1"), CS_FORWARDED);
  fx_close(&f);
}

static md_plan *three(fx *f, const char *tu, const char *hu) {
  fx_open(f);
  fx_file(f, "tw.plan", TW_BTC);
  fx_file(f, "tu.plan", tu);
  fx_file(f, "hu.plan", hu);
  md_plan *p = fx_load(f, "hu.plan");
  check(f, p, AS_OF);
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
  UT_CHECK(says(&f, "coverage-missing", "1-KH/TW:I.1.1", "district", "3-KH/HU"));
  UT_EQ_INT(total(&f), 1);
  cs_coverage *c = cov(&f, hu, AS_OF);
  UT_EQ_INT(c->ntargets, 1);
  UT_CHECK(target0(c)->plan && sl_eq_cstr(target0(c)->plan->key, "2-CTr/TU"));
  UT_EQ_INT(status(c, "1-KH/TW:I.1.1"), CS_MISSING);
  fx_close(&f);

  hu = three(&f, tu, hu_link);
  UT_EQ_INT(has(&f, "coverage-missing", DG_ERROR), 0);
  UT_EQ_INT(has(&f, "link-not-addressed", DG_WARNING), 0);
  UT_EQ_INT(has(&f, "link-unreviewed", DG_WARNING), 1);
  UT_EQ_INT(total(&f), 1);
  UT_EQ_INT(status(cov(&f, hu, AS_OF), "1-KH/TW:I.1.1"), CS_COVERED);
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
  UT_CHECK(says(&f, "link-not-addressed", "1-KH/TW:I.1.1", "district"));
  UT_EQ_INT(has(&f, "link-not-parent", DG_ERROR), 0);
  UT_EQ_INT(has(&f, "link-unreviewed", DG_WARNING), 1);
  /* The province's own Ban Tổ chức task is the district's to answer. */
  UT_EQ_INT(has(&f, "coverage-missing", DG_ERROR), 1);
  UT_CHECK(says(&f, "coverage-missing", "2-CTr/TU:I.1", "district"));
  UT_EQ_INT(total(&f), 3);
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
  UT_CHECK(says(&f, "cascade-ancestor", "20-CTr/TU", "Văn bản không có trong bộ tài liệu gốc.", "3-KH/HU", "1-KH/TW"));
  UT_EQ_STR(where(&f, "cascade-ancestor"), "hu.plan:5:14");
  /* Missing coverage is only a warning, reported at the inner `implements`. */
  UT_EQ_INT(has(&f, "coverage-missing", DG_WARNING), 1);
  UT_EQ_INT(has(&f, "coverage-missing", DG_ERROR), 0);
  UT_EQ_STR(where(&f, "coverage-missing"), "hu.plan:8:16");
  UT_EQ_INT(total(&f), 2);
  cs_coverage *c = cov(&f, hu, AS_OF);
  UT_EQ_INT(c->ntargets, 1);
  UT_CHECK(target0(c)->through && sl_eq_cstr(target0(c)->through->key, "20-CTr/TU"));
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
  check(&f, hu, AS_OF);
  UT_EQ_INT(has(&f, "cascade-unchecked", DG_NOTE), 1);
  UT_CHECK(says(&f, "cascade-unchecked", "20-CTr/TU", "3-KH/HU"));
  UT_EQ_STR(where(&f, "cascade-unchecked"), "hu.plan:5:14");
  UT_EQ_INT(total(&f), 1);
  UT_EQ_INT(cov(&f, hu, AS_OF)->ntargets, 0);
  fx_close(&f);

  /* Its own parent is only described too: still nothing to check against. */
  fx_open(&f);
  fx_file(&f, "hu.plan", HU_THROUGH("    implements \"1-KH/TW\" { unavailable \"Không có.\" }\n"));
  hu = fx_load(&f, "hu.plan");
  check(&f, hu, AS_OF);
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

void test_cascade_deadline_later(void) {
  fx f;
  deadline_pair(&f, "hoàn thành trong năm 2023", "hoàn thành trong năm 2024");
  UT_EQ_INT(has(&f, "deadline-later", DG_ERROR), 1);
  UT_CHECK(says(&f, "deadline-later", "2-CTr/TU:I.1", "2024-12-31", "2023-12-31", "1-KH/TW:I.1"));
  UT_EQ_STR(where(&f, "deadline-later"), "tu.plan:8:56");
  UT_EQ_INT(total(&f), 2); /* and link-unreviewed */
  fx_close(&f);

  deadline_pair(&f, "hoàn thành trong năm 2023", "hoàn thành trong năm 2023");
  UT_EQ_INT(has(&f, "deadline-later", DG_ERROR), 0);
  UT_EQ_INT(total(&f), 1);
  fx_close(&f);

  deadline_pair(&f, "hoàn thành trong năm 2023", "hoàn thành trong quý II/2023");
  UT_EQ_INT(total(&f), 1);
  fx_close(&f);

  /* A day later than the parent's last day is later. */
  deadline_pair(&f, "hoàn thành trước ngày 28/02/2023", "hoàn thành trước ngày 01/03/2023");
  UT_EQ_INT(has(&f, "deadline-later", DG_ERROR), 1);
  UT_CHECK(says(&f, "deadline-later", "2023-02-28", "2023-02-27"));
  fx_close(&f);
}

/* A staged child deadline: each stage for this level and below may not end
 * after the parent's deadline; one finding for the phrase. */
void test_cascade_deadline_staged(void) {
  fx f;
  deadline_pair(&f, "hoàn thành trong năm 2023",
                "cấp tỉnh hoàn thành trong tháng 12/2023; cấp huyện hoàn thành trong tháng 01/2024; "
                "cấp cơ sở hoàn thành trước ngày 28/02/2024");
  UT_EQ_INT(has(&f, "deadline-later", DG_ERROR), 1);
  UT_CHECK(says(&f, "deadline-later", "district stage", "2024-01-31", "2023-12-31"));
  UT_EQ_INT(total(&f), 2);
  fx_close(&f);

  deadline_pair(&f, "hoàn thành trong năm 2023",
                "cấp tỉnh hoàn thành trong tháng 10/2023; cấp huyện hoàn thành trong tháng 11/2023; "
                "cấp cơ sở hoàn thành trước ngày 28/12/2023");
  UT_EQ_INT(total(&f), 1);
  fx_close(&f);

  /* The province's own stage late: reported as this plan's deadline. */
  deadline_pair(&f, "hoàn thành trong quý III/2023",
                "cấp tỉnh hoàn thành trong tháng 10/2023; cấp huyện hoàn thành trong tháng 11/2023");
  UT_EQ_INT(has(&f, "deadline-later", DG_ERROR), 1);
  UT_CHECK(says(&f, "deadline-later", "province stage", "2023-10-31", "2023-09-30"));
  fx_close(&f);
}

void test_cascade_deadline_frequency(void) {
  fx f;
  deadline_pair(&f, "thực hiện thường xuyên", "thực hiện hằng năm");
  UT_EQ_INT(has(&f, "deadline-less-frequent", DG_ERROR), 1);
  UT_CHECK(says(&f, "deadline-less-frequent", "2-CTr/TU:I.1", "yearly", "1-KH/TW:I.1", "continuous"));
  UT_EQ_STR(where(&f, "deadline-less-frequent"), "tu.plan:8:56");
  UT_EQ_INT(total(&f), 2);
  fx_close(&f);

  deadline_pair(&f, "thực hiện thường xuyên", "thường xuyên liên tục");
  UT_EQ_INT(total(&f), 1);
  fx_close(&f);

  deadline_pair(&f, "thực hiện hằng năm", "hàng quý");
  UT_EQ_INT(total(&f), 1);
  fx_close(&f);

  deadline_pair(&f, "hàng quý", "thực hiện hằng năm");
  UT_EQ_INT(has(&f, "deadline-less-frequent", DG_ERROR), 1);
  UT_CHECK(says(&f, "deadline-less-frequent", "yearly", "quarterly"));
  fx_close(&f);

  /* Once, against a yearly duty. */
  deadline_pair(&f, "thực hiện hằng năm", "hoàn thành trong năm 2024");
  UT_EQ_INT(has(&f, "deadline-less-frequent", DG_ERROR), 1);
  UT_CHECK(says(&f, "deadline-less-frequent", "once", "2024-12-31", "1-KH/TW:I.1", "yearly"));
  UT_EQ_INT(total(&f), 2);
  fx_close(&f);
}

void test_cascade_deadline_month(void) {
  fx f;
  deadline_pair(&f, "định kỳ tháng 11 hằng năm", "định kỳ tháng 12 hằng năm");
  UT_EQ_INT(has(&f, "deadline-later", DG_ERROR), 1);
  UT_CHECK(says(&f, "deadline-later", "month 12", "month 11", "1-KH/TW:I.1"));
  UT_EQ_INT(total(&f), 2);
  fx_close(&f);

  deadline_pair(&f, "định kỳ tháng 11 hằng năm", "định kỳ tháng 10 hằng năm");
  UT_EQ_INT(total(&f), 1);
  fx_close(&f);

  deadline_pair(&f, "định kỳ tháng 11 hằng năm", "định kỳ tháng 11 hằng năm");
  UT_EQ_INT(total(&f), 1);
  fx_close(&f);
}

void test_cascade_deadline_open(void) {
  fx f;
  deadline_pair(&f, "hoàn thành trong năm 2023", NULL);
  UT_EQ_INT(has(&f, "deadline-open", DG_WARNING), 1);
  UT_CHECK(says(&f, "deadline-open", "2-CTr/TU:I.1", "no deadline", "1-KH/TW:I.1", "2023-12-31"));
  UT_EQ_STR(where(&f, "deadline-open"), "tu.plan:8:3");
  UT_EQ_INT(total(&f), 2);
  fx_close(&f);

  deadline_pair(&f, "hoàn thành trong năm 2023", "theo yêu cầu của Trung ương");
  UT_EQ_INT(has(&f, "deadline-open", DG_WARNING), 1);
  UT_CHECK(says(&f, "deadline-open", "no end date", "2023-12-31"));
  UT_EQ_STR(where(&f, "deadline-open"), "tu.plan:8:56");
  UT_EQ_INT(total(&f), 2);
  fx_close(&f);

  /* An event with no expected time and no `after` is open too. */
  deadline_pair(&f, "hoàn thành trong năm 2023", "sau khi có Quy định của Trung ương");
  UT_EQ_INT(has(&f, "deadline-open", DG_WARNING), 1);
  fx_close(&f);

  /* ...but not with an expected year. */
  deadline_pair(&f, "hoàn thành trong năm 2023", "sau khi có Quy định của Trung ương năm 2023");
  UT_EQ_INT(total(&f), 1);
  fx_close(&f);

  /* A parent with no date leaves the child free. */
  deadline_pair(&f, NULL, NULL);
  UT_EQ_INT(total(&f), 1);
  fx_close(&f);
}

/* An event deadline tied with `after` to a parent directive ends when that
 * directive is due. The parent: I.1 (the awaited Quy định) and I.3 due in
 * 2023, I.2 due in 2022. */
static void after_pair(fx *f, const char *child_date, const char *implements, const char *after) {
  char ctext[1024];
  snprintf(ctext, sizeof ctext,
           "use \"std/all\"\n"
           "plan \"2-CTr/TU\" {\n  level province\n  date %s\n  implements \"1-KH/TW\" path \"tw.plan\"\n}\n"
           "section I. \"NHIỆM VỤ\" owner btc_tu {\n"
           "  - \"Thực hiện Quy định mới.\" implements \"%s\" due \"sau khi có Quy định của Trung ương\" after \"%s\"\n"
           "}\n",
           child_date, implements, after);
  fx_pair(f, "tw.plan",
          TW_HEAD "section I. \"NHIỆM VỤ\" owner btc_tw {\n"
                  "  - \"Sửa đổi Quy định số 164-QĐ/TW.\" due \"hoàn thành trong năm 2023\"\n"
                  "  - \"Hướng dẫn.\" due \"hoàn thành trong năm 2022\"\n"
                  "  - \"Triển khai.\" due \"hoàn thành trong năm 2023\"\n"
                  "}\n",
          "tu.plan", ctext, AS_OF);
}

void test_cascade_deadline_after(void) {
  fx f;
  after_pair(&f, "2023-03-01", "1-KH/TW:I.3", "1-KH/TW:I.1");
  UT_CHECK(item(&f, "2-CTr/TU:I.1") && item(&f, "2-CTr/TU:I.1")->dues->awaits == item(&f, "1-KH/TW:I.1"));
  UT_EQ_INT(has(&f, "deadline-later", DG_ERROR), 0);
  UT_EQ_INT(has(&f, "deadline-open", DG_WARNING), 0);
  /* The parent's two other directives are missing; and link-unreviewed. */
  UT_EQ_INT(has(&f, "coverage-missing", DG_ERROR), 2);
  UT_EQ_INT(total(&f), 3);
  fx_close(&f);

  after_pair(&f, "2023-03-01", "1-KH/TW:I.2", "1-KH/TW:I.1");
  UT_EQ_INT(has(&f, "deadline-later", DG_ERROR), 1);
  UT_CHECK(says(&f, "deadline-later",
                "2023-12-31", "awaited directive", "2022-12-31", "1-KH/TW:I.2"));
  UT_EQ_INT(total(&f), 4);
  fx_close(&f);
}

void test_cascade_deadline_before_issue(void) {
  fx f;
  /* Issued in March 2024, awaiting a directive due by the end of 2023. */
  after_pair(&f, "2024-03-01", "1-KH/TW:I.3", "1-KH/TW:I.1");
  UT_EQ_INT(has(&f, "awaited-before-issue", DG_ERROR), 1);
  UT_CHECK(says(&f, "awaited-before-issue",
                "2023-12-31", "2024-03-01"));
  UT_EQ_STR(where(&f, "awaited-before-issue"), "tu.plan:8:60");
  UT_EQ_INT(has(&f, "deadline-later", DG_ERROR), 0);
  fx_close(&f);

  /* Issued on the awaited directive's last day: fine. */
  after_pair(&f, "2023-12-31", "1-KH/TW:I.3", "1-KH/TW:I.1");
  UT_EQ_INT(has(&f, "awaited-before-issue", DG_ERROR), 0);
  fx_close(&f);
}

/* ---- 6. owners ---- */

static void owner_pair(fx *f, const char *parent_owner, const char *child_by, const char *link_opts) {
  char ptext[1024], ctext[1024];
  snprintf(ptext, sizeof ptext,
           TW_HEAD "section I. \"NHIỆM VỤ\" {\n  - \"Sửa đổi Quy định.\" by %s due \"hoàn thành trong năm 2023\"\n}\n",
           parent_owner);
  snprintf(ctext, sizeof ctext,
           TU_HEAD "section I. \"NHIỆM VỤ\" {\n"
                   "  - \"Tham mưu.\" by %s implements \"1-KH/TW:I.1\"%s due \"hoàn thành trong năm 2023\"\n}\n",
           child_by, link_opts);
  fx_pair(f, "tw.plan", ptext, "tu.plan", ctext, AS_OF);
}

void test_cascade_owner_mismatch(void) {
  fx f;
  owner_pair(&f, "btc_tw", "vp_tu", "");
  UT_EQ_INT(has(&f, "owner-mismatch", DG_ERROR), 1);
  UT_CHECK(says(&f, "owner-mismatch",
                "Văn phòng Tỉnh ủy", "Ban Tổ chức Trung ương", "1-KH/TW:I.1",
                "(expected Ban Tổ chức Tỉnh ủy)"));
  UT_EQ_STR(where(&f, "owner-mismatch"), "tu.plan:8:20");
  UT_EQ_INT(total(&f), 2);
  fx_close(&f);

  owner_pair(&f, "btc_tw", "btc_tu", "");
  UT_EQ_INT(has(&f, "owner-mismatch", DG_ERROR), 0);
  UT_EQ_INT(total(&f), 1);
  fx_close(&f);

  /* One of several owners corresponding is enough. */
  owner_pair(&f, "btc_tw", "vp_tu, btc_tu", "");
  UT_EQ_INT(total(&f), 1);
  fx_close(&f);

  /* By name rather than by identifier. */
  owner_pair(&f, "\"Ban Tổ chức Trung ương\"", "\"Ban Tổ chức Tỉnh ủy\"", "");
  UT_EQ_INT(total(&f), 1);
  fx_close(&f);
}

void test_cascade_owner_reassigned(void) {
  fx f;
  owner_pair(&f, "btc_tw", "vp_tu", " reassigned \"Tỉnh ủy giao Văn phòng chủ trì.\"");
  UT_EQ_INT(has(&f, "owner-mismatch", DG_ERROR), 0);
  UT_EQ_INT(total(&f), 1);
  fx_close(&f);
}

/* A collective parent owner ("các tỉnh ủy") is carried by any province
 * body. */
void test_cascade_owner_collective(void) {
  fx f;
  owner_pair(&f, "cac_tinh_uy", "vp_tu", "");
  UT_EQ_INT(has(&f, "owner-mismatch", DG_ERROR), 0);
  UT_EQ_INT(total(&f), 1);
  fx_close(&f);

  owner_pair(&f, "cac_tinh_uy", "btv_tu", "");
  UT_EQ_INT(total(&f), 1);
  fx_close(&f);
}

/* A task of a province plan given to a district body: one of the
 * plan's addressees, named (tests/golden/levels-owner.plan has the
 * district body in 2026, when the district is no level). */
void test_cascade_owner_level(void) {
  fx f;
  fx_pair(&f, "tw.plan", TW_HEAD, "tu.plan",
          TU_HEAD "section I. \"NHIỆM VỤ\" {\n  - \"Việc.\" by btc_hu\n}\n", AS_OF);
  UT_EQ_INT(has(&f, "owner-level", DG_ERROR), 0);
  UT_EQ_INT(total(&f), 0);
  fx_close(&f);


  fx_pair(&f, "tw.plan", TW_HEAD, "tu.plan",
          TU_HEAD "section I. \"NHIỆM VỤ\" {\n  - \"Việc.\" by btc_tu with vp_tu\n}\n", AS_OF);
  UT_EQ_INT(total(&f), 0);
  fx_close(&f);

  /* A collective addressing the plan's level may own its tasks. */
  fx_pair(&f, "tw.plan", TW_HEAD, "tu.plan",
          TU_HEAD "section I. \"NHIỆM VỤ\" {\n  - \"Việc.\" by cac_tinh_uy\n}\n", AS_OF);
  UT_EQ_INT(total(&f), 0);
  fx_close(&f);

  /* A central body in a province plan. */
  fx_pair(&f, "tw.plan", TW_HEAD, "tu.plan",
          TU_HEAD "section I. \"NHIỆM VỤ\" {\n  - \"Việc.\" by btc_tu, btc_tw\n}\n", AS_OF);
  UT_EQ_INT(has(&f, "owner-level", DG_ERROR), 1);
  UT_CHECK(says(&f, "owner-level", "Ban Tổ chức Trung ương", "central"));
  fx_close(&f);
}

/* ---- 7. targets ---- */

static void target_pair(fx *f, const char *parent_measure, const char *child_measure) {
  char ptext[1024], ctext[1024];
  snprintf(ptext, sizeof ptext, TW_HEAD "section II. \"MỤC TIÊU\" {\n  target - \"Chỉ tiêu.\" {\n    %s\n  }\n}\n",
           parent_measure);
  snprintf(ctext, sizeof ctext, TU_HEAD "section II. \"MỤC TIÊU\" {\n  target - \"Chỉ tiêu.\" {\n    %s\n  }\n}\n",
           child_measure);
  fx_pair(f, "tw.plan", ptext, "tu.plan", ctext, AS_OF);
}

void test_cascade_target_lower_bound(void) {
  fx f;
  target_pair(&f, "measure \"kết nạp đảng viên\" >= 4% per year", "measure \"kết nạp đảng viên\" >= 3% per year");
  UT_EQ_INT(has(&f, "target-weaker", DG_ERROR), 1);
  UT_CHECK(says(&f, "target-weaker", ">= 3%", "kết nạp đảng viên", ">= 4%"));
  UT_EQ_STR(where(&f, "target-weaker"), "tu.plan:9:5");
  UT_EQ_INT(total(&f), 1);
  fx_close(&f);

  static const char *const fine[] = { ">= 5%", ">= 4%", "> 4%", "= 4%" };
  for (size_t i = 0; i < sizeof fine / sizeof fine[0]; i++) {
    char child[128];
    snprintf(child, sizeof child, "measure \"kết nạp đảng viên\" %s per year", fine[i]);
    target_pair(&f, "measure \"kết nạp đảng viên\" >= 4% per year", child);
    UT_EQ_INT(total(&f), 0);
    fx_close(&f);
  }

  /* ">= 4%" allows 4%, which "> 4%" does not. */
  target_pair(&f, "measure \"kết nạp đảng viên\" > 4%", "measure \"kết nạp đảng viên\" >= 4%");
  UT_EQ_INT(has(&f, "target-weaker", DG_ERROR), 1);
  fx_close(&f);

  /* Names are compared folded (case, spaces). */
  target_pair(&f, "measure \"Kết nạp  đảng viên\" >= 4%", "measure \"kết nạp đảng viên\" >= 3%");
  UT_EQ_INT(has(&f, "target-weaker", DG_ERROR), 1);
  fx_close(&f);

  /* Another measure is not compared. */
  target_pair(&f, "measure \"kết nạp đảng viên\" >= 4%", "measure \"đảng viên mới\" >= 3%");
  UT_EQ_INT(total(&f), 0);
  fx_close(&f);

  /* A later target year is weaker. */
  target_pair(&f, "measure \"tổ chức cơ sở đảng trong sạch\" >= 90% by 2025",
              "measure \"tổ chức cơ sở đảng trong sạch\" >= 90% by 2026");
  UT_EQ_INT(has(&f, "target-weaker", DG_ERROR), 1);
  fx_close(&f);
}

void test_cascade_target_upper_bound(void) {
  fx f;
  target_pair(&f, "measure \"đảng viên không hoàn thành nhiệm vụ\" < 0.4%",
              "measure \"đảng viên không hoàn thành nhiệm vụ\" < 0.5%");
  UT_EQ_INT(has(&f, "target-weaker", DG_ERROR), 1);
  UT_CHECK(says(&f, "target-weaker", "< 0.5%", "< 0.4%"));
  UT_EQ_INT(total(&f), 1);
  fx_close(&f);

  target_pair(&f, "measure \"đảng viên không hoàn thành nhiệm vụ\" < 0.4%",
              "measure \"đảng viên không hoàn thành nhiệm vụ\" < 0,3%");
  UT_EQ_INT(total(&f), 0);
  fx_close(&f);

  target_pair(&f, "measure \"đảng viên không hoàn thành nhiệm vụ\" < 0.4%",
              "measure \"đảng viên không hoàn thành nhiệm vụ\" <= 0.4%");
  UT_EQ_INT(has(&f, "target-weaker", DG_ERROR), 1);
  fx_close(&f);

  /* A lower bound where the parent sets an upper one. */
  target_pair(&f, "measure \"đảng viên không hoàn thành nhiệm vụ\" < 0.4%",
              "measure \"đảng viên không hoàn thành nhiệm vụ\" >= 0.1%");
  UT_EQ_INT(has(&f, "target-weaker", DG_ERROR), 1);
  fx_close(&f);
}

void test_cascade_target_phrases(void) {
  fx f;
  target_pair(&f, "measure \"đảng viên hoàn thành tốt nhiệm vụ\" \"từ 90% trở lên\" per year",
              "measure \"đảng viên hoàn thành tốt nhiệm vụ\" \"trên 85%\" per year");
  UT_EQ_INT(has(&f, "target-weaker", DG_ERROR), 1);
  UT_CHECK(says(&f, "target-weaker", "trên 85%", "từ 90% trở lên"));
  UT_EQ_INT(total(&f), 1);
  fx_close(&f);

  target_pair(&f, "measure \"đảng viên hoàn thành tốt nhiệm vụ\" \"từ 90% trở lên\" per year",
              "measure \"đảng viên hoàn thành tốt nhiệm vụ\" \"trên 90%\" per year");
  UT_EQ_INT(total(&f), 0);
  fx_close(&f);

  /* A phrase against a comparison. */
  target_pair(&f, "measure \"đảng viên không hoàn thành nhiệm vụ\" \"dưới 0,4%\"",
              "measure \"đảng viên không hoàn thành nhiệm vụ\" < 0.5%");
  UT_EQ_INT(has(&f, "target-weaker", DG_ERROR), 1);
  fx_close(&f);

  target_pair(&f, "measure \"đảng viên không hoàn thành nhiệm vụ\" \"dưới 0,4%\"",
              "measure \"đảng viên không hoàn thành nhiệm vụ\" \"dưới 0,4%\"");
  UT_EQ_INT(total(&f), 0);
  fx_close(&f);
}

/* ---- 8. links ---- */

#define TU_TASK(opts) TU_HEAD "section I. \"NHIỆM VỤ\" {\n  - \"Tham mưu.\" by btc_tu " opts "\n}\n"

void test_cascade_link_unknown(void) {
  fx f;
  fx_pair(&f, "tw.plan", TW_BTC, "tu.plan", TU_TASK("implements \"1-KH/TW:IX.9\""), AS_OF);
  UT_EQ_INT(has(&f, "link-unknown", DG_ERROR), 1);
  UT_CHECK(says(&f, "link-unknown", "1-KH/TW:IX.9"));
  UT_EQ_STR(where(&f, "link-unknown"), "tu.plan:8:38");
  UT_EQ_INT(has(&f, "coverage-missing", DG_ERROR), 1);
  UT_EQ_INT(total(&f), 2);
  fx_close(&f);

  /* A section is not a directive. */
  fx_pair(&f, "tw.plan", TW_BTC, "tu.plan", TU_TASK("implements \"1-KH/TW:I.1\""), AS_OF);
  UT_EQ_INT(has(&f, "link-unknown", DG_ERROR), 1);
  UT_CHECK(says(&f, "link-unknown", "1-KH/TW:I.1", "section"));
  UT_EQ_INT(total(&f), 2);
  fx_close(&f);

  /* `after` naming nothing. */
  fx_pair(&f, "tw.plan", TW_BTC, "tu.plan",
          TU_TASK("implements \"1-KH/TW:I.1.1\" due \"sau khi có Quy định của Trung ương\" after \"1-KH/TW:IX\""), AS_OF);
  UT_EQ_INT(has(&f, "link-unknown", DG_ERROR), 1);
  UT_CHECK(says(&f, "link-unknown", "'after'", "1-KH/TW:IX"));
  UT_EQ_STR(where(&f, "link-unknown"), "tu.plan:8:101");
  fx_close(&f);

  /* A directive of a plan whose text is not available. */
  fx_pair(&f, "tw.plan", TW_BTC, "hu.plan",
          HU_THROUGH("    implements \"1-KH/TW\" path \"tw.plan\"\n")
          "section I. \"NHIỆM VỤ\" {\n  - \"Việc.\" by btc_hu implements \"20-CTr/TU:III.2\"\n}\n",
          AS_OF);
  UT_EQ_INT(has(&f, "link-unknown", DG_ERROR), 1);
  UT_CHECK(says(&f, "link-unknown", "20-CTr/TU:III.2", "not available"));
  fx_close(&f);

  /* A link that resolves: nothing of the kind. */
  fx_pair(&f, "tw.plan", TW_BTC, "tu.plan",
          TU_TASK("implements \"1-KH/TW:I.1.1\" due \"hoàn thành trong năm 2023\""), AS_OF);
  UT_EQ_INT(has(&f, "link-unknown", DG_ERROR), 0);
  UT_EQ_INT(total(&f), 1);
  fx_close(&f);
}

void test_cascade_link_not_parent(void) {
  fx f;
  /* A plan that is not loaded at all. */
  fx_pair(&f, "tw.plan", TW_BTC, "tu.plan",
          TU_TASK("implements \"1-KH/TW:I.1.1\", \"9-KH/TW:I.1\" due \"hoàn thành trong năm 2023\""), AS_OF);
  UT_EQ_INT(has(&f, "link-not-parent", DG_ERROR), 1);
  UT_CHECK(says(&f, "link-not-parent", "9-KH/TW:I.1", "2-CTr/TU"));
  UT_EQ_INT(total(&f), 2);
  fx_close(&f);

  /* A plan that is loaded, but not a parent. */
  fx_open(&f);
  fx_file(&f, "tw.plan", TW_BTC);
  fx_file(&f, "other.plan",
          "use \"std/all\"\nplan \"9-KH/TW\" {\n  level central\n}\n"
          "section I. \"NHIỆM VỤ\" {\n  - \"Khác.\" by btc_tw\n}\n");
  fx_file(&f, "tu.plan", TU_TASK("implements \"1-KH/TW:I.1.1\", \"9-KH/TW:I.1\" due \"hoàn thành trong năm 2023\""));
  static const char *const names[] = { "tu.plan", "other.plan" };
  md_plan *tu = fx_load_n(&f, names, 2);
  check(&f, tu, AS_OF);
  UT_EQ_INT(has(&f, "link-not-parent", DG_ERROR), 1);
  UT_CHECK(says(&f, "link-not-parent", "9-KH/TW:I.1", "9-KH/TW", "2-CTr/TU"));
  UT_EQ_STR(where(&f, "link-not-parent"), "tu.plan:8:55");
  UT_EQ_INT(total(&f), 2);
  fx_close(&f);
}

void test_cascade_link_not_addressed(void) {
  fx f;
  fx_pair(&f, "tw.plan",
          TW_HEAD "section I. \"NHIỆM VỤ\" {\n  - \"Giám sát.\" by ubtvqh\n}\n",
          "tu.plan", TU_TASK("implements \"1-KH/TW:I.1\""), AS_OF);
  UT_EQ_INT(has(&f, "link-not-addressed", DG_WARNING), 1);
  UT_CHECK(says(&f, "link-not-addressed", "1-KH/TW:I.1", "province"));
  UT_EQ_STR(where(&f, "link-not-addressed"), "tu.plan:8:38");
  UT_EQ_INT(total(&f), 2);
  fx_close(&f);

  /* With `cascade` it is. */
  fx_pair(&f, "tw.plan",
          TW_HEAD "section I. \"NHIỆM VỤ\" {\n  - \"Giám sát.\" by ubtvqh cascade\n}\n",
          "tu.plan", TU_TASK("implements \"1-KH/TW:I.1\""), AS_OF);
  UT_EQ_INT(has(&f, "link-not-addressed", DG_WARNING), 0);
  UT_EQ_INT(total(&f), 1);
  fx_close(&f);
}

void test_cascade_link_duplicate(void) {
  fx f;
  md_plan *tu = fx_pair(&f, "tw.plan", TW_BTC, "tu.plan",
          TU_TASK("implements \"1-KH/TW:I.1.1\", \"1-KH/TW:I.1.1\" due \"hoàn thành trong năm 2023\""), AS_OF);
  UT_EQ_INT(has(&f, "link-duplicate", DG_WARNING), 1);
  UT_CHECK(says(&f, "link-duplicate", "1-KH/TW:I.1.1", "twice"));
  UT_EQ_STR(where(&f, "link-duplicate"), "tu.plan:8:55");
  /* The second link is checked no further: one link-unreviewed. */
  UT_EQ_INT(has(&f, "link-unreviewed", DG_WARNING), 1);
  UT_EQ_INT(total(&f), 2);
  const cs_row *r = row(cov(&f, tu, AS_OF), "1-KH/TW:I.1.1");
  UT_CHECK(r && r->status == CS_COVERED && r->nlinks == 1);
  fx_close(&f);

  /* Two tasks implementing one directive are not duplicates. */
  fx_pair(&f, "tw.plan", TW_BTC, "tu.plan",
          TU_HEAD "section I. \"NHIỆM VỤ\" owner btc_tu {\n"
                  "  - \"Một.\" implements \"1-KH/TW:I.1.1\" due \"hoàn thành trong năm 2023\"\n"
                  "  - \"Hai.\" implements \"1-KH/TW:I.1.1\" due \"hoàn thành trong năm 2023\"\n"
                  "}\n",
          AS_OF);
  UT_EQ_INT(has(&f, "link-duplicate", DG_WARNING), 0);
  UT_EQ_INT(total(&f), 2);
  fx_close(&f);
}

/* Two plans implementing each other, and their tasks each other's. */
void test_cascade_link_cycle(void) {
  fx f;
  fx_open(&f);
  fx_file(&f, "a.plan",
          "use \"std/all\"\nplan \"1-A/TW\" {\n  level central\n  implements \"2-B/TW\" path \"b.plan\"\n}\n"
          "section I. \"NHIỆM VỤ\" {\n  - \"A.\" by btc_tw implements \"2-B/TW:I.1\"\n}\n");
  fx_file(&f, "b.plan",
          "use \"std/all\"\nplan \"2-B/TW\" {\n  level central\n  implements \"1-A/TW\" path \"a.plan\"\n}\n"
          "section I. \"NHIỆM VỤ\" {\n  - \"B.\" by btc_tw implements \"1-A/TW:I.1\"\n}\n");
  fx_load(&f, "a.plan");
  cs_check_cycles(&f.m, f.m.plans);
  UT_EQ_INT(has(&f, "link-cycle", DG_ERROR), 1);
  UT_CHECK(says(&f, "link-cycle", "2-B/TW:I.1", "1-A/TW:I.1"));
  UT_EQ_STR(where(&f, "link-cycle"), "b.plan:7:31");
  const dg_diag *d = first(&f, "link-cycle");
  int notes = 0;
  for (const dg_diag *n = d ? d->notes : NULL; n; n = n->next) notes++;
  UT_EQ_INT(notes, 2);
  /* And the plans' circle, once. */
  UT_EQ_INT(has(&f, "parent-cycle", DG_ERROR), 1);
  UT_EQ_INT(total(&f), 2);
  fx_close(&f);

  /* A task implementing itself. */
  fx_open(&f);
  fx_file(&f, "a.plan",
          "use \"std/all\"\nplan \"1-A/TW\" {\n  level central\n}\n"
          "section I. \"NHIỆM VỤ\" {\n  - \"A.\" by btc_tw implements \"1-A/TW:I.1\"\n}\n");
  fx_load(&f, "a.plan");
  cs_check_cycles(&f.m, f.m.plans);
  UT_EQ_INT(has(&f, "link-cycle", DG_ERROR), 1);
  UT_EQ_INT(total(&f), 1);
  fx_close(&f);

  /* A chain is not a cycle. */
  fx_pair(&f, "tw.plan", TW_BTC, "tu.plan",
          TU_TASK("implements \"1-KH/TW:I.1.1\" due \"hoàn thành trong năm 2023\""), AS_OF);
  unsigned long before = f.d.count;
  cs_check_cycles(&f.m, f.m.plans);
  UT_EQ_INT(f.d.count, before);
  fx_close(&f);
}

void test_cascade_parent_cycle(void) {
  fx f;
  fx_open(&f);
  fx_file(&f, "a.plan", "plan \"1-A/TW\" {\n  level central\n  implements \"2-B/TW\" path \"b.plan\"\n}\n");
  fx_file(&f, "b.plan", "plan \"2-B/TW\" {\n  level central\n  implements \"1-A/TW\" path \"a.plan\"\n}\n");
  fx_load(&f, "a.plan");
  cs_check_cycles(&f.m, f.m.plans);
  /* One circle, one finding (at the `implements` of the plan whose key
   * sorts first), however many of its plans are loaded. */
  UT_EQ_INT(has(&f, "parent-cycle", DG_ERROR), 1);
  UT_CHECK(says(&f, "parent-cycle", "2-B/TW", "1-A/TW"));
  UT_EQ_STR(where(&f, "parent-cycle"), "a.plan:3:14");
  UT_EQ_INT(total(&f), 1);
  fx_close(&f);

  /* A plan implementing a plan of the circle is not in it: still one. */
  fx_open(&f);
  fx_file(&f, "a.plan", "plan \"1-A/TW\" {\n  level central\n  implements \"2-B/TW\" path \"b.plan\"\n}\n");
  fx_file(&f, "b.plan", "plan \"2-B/TW\" {\n  level central\n  implements \"1-A/TW\" path \"a.plan\"\n}\n");
  fx_file(&f, "c.plan", "plan \"3-C/TU\" {\n  level province\n  implements \"1-A/TW\" path \"a.plan\"\n}\n");
  fx_load(&f, "c.plan");
  cs_check_cycles(&f.m, f.m.plans);
  UT_EQ_INT(has(&f, "parent-cycle", DG_ERROR), 1);
  UT_EQ_INT(total(&f), 1);
  fx_close(&f);

  /* A plan implementing itself. */
  fx_open(&f);
  fx_file(&f, "a.plan", "plan \"1-A/TW\" {\n  level central\n  implements \"1-A/TW\" path \"a.plan\"\n}\n");
  fx_load(&f, "a.plan");
  cs_check_cycles(&f.m, f.m.plans);
  UT_EQ_INT(has(&f, "parent-cycle", DG_ERROR), 1);
  UT_CHECK(says(&f, "parent-cycle", "1-A/TW"));
  UT_EQ_INT(total(&f), 1);
  fx_close(&f);

  /* Three generations in a line. */
  fx_open(&f);
  fx_file(&f, "tw.plan", TW_HEAD);
  fx_file(&f, "tu.plan", TU_HEAD);
  fx_file(&f, "hu.plan", HU_HEAD);
  fx_load(&f, "hu.plan");
  cs_check_cycles(&f.m, f.m.plans);
  UT_EQ_INT(total(&f), 0);
  fx_close(&f);
}

/* ---- 9. fingerprints ---- */

/* The fingerprint of 1-KH/TW:I.1.1 of TW_BTC, from a model of its own. */
static const char *btc_fingerprint(char buf[17]) {
  fx f;
  fx_open(&f);
  fx_file(&f, "tw.plan", TW_BTC);
  fx_load(&f, "tw.plan");
  md_item *d = item(&f, "1-KH/TW:I.1.1");
  const char *fp = d ? cs_fingerprint(&f.m, d) : "";
  snprintf(buf, 17, "%s", fp);
  fx_close(&f);
  return buf;
}

void test_cascade_fingerprint_links(void) {
  char fp[17], child[1024];
  btc_fingerprint(fp);
  UT_EQ_INT(strlen(fp), 16);
  UT_EQ_INT(strspn(fp, "0123456789abcdef"), 16);

  fx f;
  fx_pair(&f, "tw.plan", TW_BTC, "tu.plan",
          TU_TASK("implements \"1-KH/TW:I.1.1\" due \"hoàn thành trong năm 2023\""), AS_OF);
  UT_EQ_INT(has(&f, "link-unreviewed", DG_WARNING), 1);
  UT_CHECK(says(&f, "link-unreviewed", "1-KH/TW:I.1.1", "fingerprint"));
  UT_EQ_STR(where(&f, "link-unreviewed"), "tu.plan:8:38");
  UT_EQ_INT(total(&f), 1);
  fx_close(&f);

  snprintf(child, sizeof child,
           TU_TASK("implements \"1-KH/TW:I.1.1\" fingerprint \"%s\" due \"hoàn thành trong năm 2023\""), fp);
  fx_pair(&f, "tw.plan", TW_BTC, "tu.plan", child, AS_OF);
  UT_EQ_INT(total(&f), 0);
  fx_close(&f);

  fx_pair(&f, "tw.plan", TW_BTC, "tu.plan",
          TU_TASK("implements \"1-KH/TW:I.1.1\" fingerprint \"0123456789abcdef\" due \"hoàn thành trong năm 2023\""),
          AS_OF);
  UT_EQ_INT(has(&f, "link-suspect", DG_WARNING), 1);
  UT_CHECK(says(&f, "link-suspect", "1-KH/TW:I.1.1", "changed"));
  UT_EQ_STR(where(&f, "link-suspect"), "tu.plan:8:66");
  UT_EQ_INT(total(&f), 1);
  fx_close(&f);

  /* A prefix of the right fingerprint is wrong too. */
  snprintf(child, sizeof child,
           TU_TASK("implements \"1-KH/TW:I.1.1\" fingerprint \"%.15s\" due \"hoàn thành trong năm 2023\""), fp);
  fx_pair(&f, "tw.plan", TW_BTC, "tu.plan", child, AS_OF);
  UT_EQ_INT(has(&f, "link-suspect", DG_WARNING), 1);
  fx_close(&f);
}

/* What the fingerprint of a directive sees: its text folded by tx_fold (NFC,
 * case, runs of white space), its owners' identifiers, and the canonical
 * meaning of its deadlines. */
void test_cascade_fingerprint_normalisation(void) {
  fx f;
  fx_open(&f);
  fx_file(&f, "tw.plan",
          TW_HEAD "section I. \"NHIỆM VỤ\" {\n"
                  "  - \"Tỉnh ủy chỉ đạo thực hiện.\" by btc_tw due \"hoàn thành trong năm 2023\"\n"           /* 1 */
                  "  - \"Tỉnh  ủy chỉ đạo   thực hiện. \" by btc_tw due \"hoàn thành trong năm 2023\"\n"        /* 2: spaces */
                  "  - \"" "Ti\xcc\x89" "nh u\xcc\x89" "y chi\xcc\x89" " \xc4\x91" "a\xcc\xa3" "o thu\xcc\x9b" "\xcc\xa3" "c hie\xcc\xa3" "\xcc\x82" "n." "\" by btc_tw due \"hoàn thành trong năm 2023\"\n" /* 3: NFD */
                  "  - \"TỈNH ỦY chỉ đạo thực hiện.\" by btc_tw due \"hoàn thành trong năm 2023\"\n"           /* 4: case */
                  "  - \"Tỉnh uỷ chỉ đạo thực hiện.\" by btc_tw due \"hoàn thành trong năm 2023\"\n"           /* 5: uỷ */
                  "  - \"Tỉnh ủy chỉ đạo thực hiện tốt.\" by btc_tw due \"hoàn thành trong năm 2023\"\n"       /* 6: text */
                  "  - \"Tỉnh ủy chỉ đạo thực hiện.\" by ubkt_tw due \"hoàn thành trong năm 2023\"\n"          /* 7: owner */
                  "  - \"Tỉnh ủy chỉ đạo thực hiện.\" by btc_tw due \"hoàn thành trong năm 2024\"\n"           /* 8: deadline */
                  "  - \"Tỉnh ủy chỉ đạo thực hiện.\" by \"Ban Tổ chức Trung ương\" due \"hoàn thành năm 2023\"\n" /* 9: same meaning */
                  "  - \"Tỉnh ủy chỉ đạo thực hiện.\" by btc_tw\n"                                            /* 10: no deadline */
                  "  - \"Tỉnh ủy chỉ đạo thực hiện.\" by btc_tw, ubkt_tw due \"hoàn thành trong năm 2023\"\n"  /* 11: owners */
                  "  - \"Tỉnh ủy chỉ đạo thực hiện.\" by btc_tw due \"hoàn thành trong năm 2023\" for \"báo cáo\"\n" /* 12: for */
                  "}\n"
                  "section II. \"Ban Tổ chức Trung ương\" owner btc_tw {\n"
                  "  - \"Tỉnh ủy chỉ đạo thực hiện.\" due \"hoàn thành trong năm 2023\"\n"                     /* II.1: section owner */
                  "}\n");
  fx_load(&f, "tw.plan");
  const char *fp[13];
  for (int i = 1; i <= 12; i++) {
    md_item *d = item(&f, dg_fmt(&f.a, "1-KH/TW:I.%d", i));
    UT_CHECK(d != NULL);
    fp[i] = d ? cs_fingerprint(&f.m, d) : "";
  }
  md_item *sec = item(&f, "1-KH/TW:II.1");
  const char *fp_sec = sec ? cs_fingerprint(&f.m, sec) : "";
  /* Computed once and kept. */
  UT_CHECK(item(&f, "1-KH/TW:I.1") && cs_fingerprint(&f.m, item(&f, "1-KH/TW:I.1")) == fp[1]);
  /* Unchanged by spacing, NFC/NFD and case; by naming the owner or writing
   * the deadline differently; by taking the owner from the section. */
  UT_EQ_STR(fp[2], fp[1]);
  UT_EQ_STR(fp[3], fp[1]);
  UT_EQ_STR(fp[4], fp[1]);
  UT_EQ_STR(fp[9], fp[1]);
  UT_EQ_STR(fp_sec, fp[1]);
  /* Changed by the text, the owners and the deadlines. */
  UT_CHECK(strcmp(fp[6], fp[1]) != 0);
  UT_CHECK(strcmp(fp[7], fp[1]) != 0);
  UT_CHECK(strcmp(fp[8], fp[1]) != 0);
  UT_CHECK(strcmp(fp[10], fp[1]) != 0);
  UT_CHECK(strcmp(fp[11], fp[1]) != 0);
  UT_CHECK(strcmp(fp[12], fp[1]) != 0);
  /* Retyping "uỷ" as "ủy" is not an amendment: the fingerprint's text is
   * written with new-style tone marks, as names are. */
  UT_CHECK(strcmp(fp[5], fp[1]) == 0);
  fx_close(&f);
}

/* ---- 10. cs_addressed and cs_owner_corresponds on hand-made models ---- */

typedef struct mini {
  md_body tw, tu, hu, vp_tu, coll_tw, lone_tw;
  md_ref tu_cp, hu_cp, vp_cp;
} mini;

/* Ban Tổ chức TW → Tỉnh ủy → Huyện ủy through counterparts; Văn phòng Tỉnh
 * ủy with no central counterpart here; "các tỉnh ủy" addressing province;
 * a central body nobody carries. carried_at as rs_resolve sets it. */
static void mini_init(mini *x) {
  memset(x, 0, sizeof *x);
  x->tw = (md_body){ .id = SL_LIT("btc_tw"), .level = MD_CENTRAL };
  x->tu = (md_body){ .id = SL_LIT("btc_tu"), .level = MD_PROVINCE };
  x->hu = (md_body){ .id = SL_LIT("btc_hu"), .level = MD_DISTRICT };
  x->vp_tu = (md_body){ .id = SL_LIT("vp_tu"), .level = MD_PROVINCE };
  x->coll_tw = (md_body){ .id = SL_LIT("cac_tinh_uy"), .level = MD_CENTRAL, .addresses = MD_LEVEL_BIT(MD_PROVINCE) };
  x->lone_tw = (md_body){ .id = SL_LIT("ubtvqh"), .level = MD_CENTRAL };
  x->tu_cp = (md_ref){ .text = SL_LIT("btc_tw"), .body = &x->tw };
  x->hu_cp = (md_ref){ .text = SL_LIT("btc_tu"), .body = &x->tu };
  x->tu.counterparts = &x->tu_cp;
  x->hu.counterparts = &x->hu_cp;
  x->tw.carried_at = MD_LEVEL_BIT(MD_PROVINCE) | MD_LEVEL_BIT(MD_DISTRICT);
  x->tu.carried_at = MD_LEVEL_BIT(MD_DISTRICT);
}

void test_cascade_addressed_direct(void) {
  mini x;
  mini_init(&x);
  md_ref own = { .body = &x.tw };
  md_item sec = { .kind = MD_SECTION };
  md_item d = { .kind = MD_TASK, .owners = &own, .parent = &sec };
  UT_EQ_INT(cs_addressed(&d, MD_PROVINCE), 1);
  UT_EQ_INT(cs_addressed(&d, MD_DISTRICT), 1);
  UT_EQ_INT(cs_addressed(&d, MD_GRASSROOTS), 0);
  UT_EQ_INT(cs_addressed(&d, MD_CENTRAL), 0);

  own.body = &x.lone_tw;
  UT_EQ_INT(cs_addressed(&d, MD_PROVINCE), 0);
  d.cascade = MD_LEVEL_BIT(MD_DISTRICT);
  UT_EQ_INT(cs_addressed(&d, MD_PROVINCE), 0);
  UT_EQ_INT(cs_addressed(&d, MD_DISTRICT), 1);
  d.cascade = 0;
  sec.cascade = MD_LEVEL_BIT(MD_PROVINCE);          /* from the enclosing section */
  UT_EQ_INT(cs_addressed(&d, MD_PROVINCE), 1);
  UT_EQ_INT(cs_addressed(&d, MD_DISTRICT), 0);
  sec.cascade = 0;

  own.body = &x.coll_tw;
  UT_EQ_INT(cs_addressed(&d, MD_PROVINCE), 1);
  UT_EQ_INT(cs_addressed(&d, MD_DISTRICT), 0);

  /* Unresolved owner, or none at all. */
  own.body = NULL;
  UT_EQ_INT(cs_addressed(&d, MD_PROVINCE), 0);
  d.owners = NULL;
  UT_EQ_INT(cs_addressed(&d, MD_PROVINCE), 0);
}

void test_cascade_owner_corresponds_direct(void) {
  mini x;
  mini_init(&x);
  md_ref theirs = { .body = &x.tw }, mine = { .body = &x.tu };
  md_item d = { .kind = MD_TASK, .owners = &theirs };
  md_item t = { .kind = MD_TASK, .owners = &mine };
  UT_EQ_INT(cs_owner_corresponds(&d, &t, MD_PROVINCE), 1);
  mine.body = &x.hu;                                 /* two steps down */
  UT_EQ_INT(cs_owner_corresponds(&d, &t, MD_DISTRICT), 1);
  mine.body = &x.vp_tu;
  UT_EQ_INT(cs_owner_corresponds(&d, &t, MD_PROVINCE), 0);

  /* Any of the task's owners will do. */
  md_ref second = { .body = &x.tu };
  mine.next = &second;
  UT_EQ_INT(cs_owner_corresponds(&d, &t, MD_PROVINCE), 1);
  mine.next = NULL;

  /* A collective parent owner: any body of the level it addresses. */
  theirs.body = &x.coll_tw;
  UT_EQ_INT(cs_owner_corresponds(&d, &t, MD_PROVINCE), 1);
  /* A collective of the child's plan that addresses a level further down
   * ("các TCCSĐ trực thuộc") passes a collective duty on. */
  md_body coll_hu = { .id = SL_LIT("tccsd_hu"), .level = MD_DISTRICT, .addresses = MD_LEVEL_BIT(MD_GRASSROOTS) };
  mine.body = &coll_hu;
  UT_EQ_INT(cs_owner_corresponds(&d, &t, MD_DISTRICT), 1);
  theirs.body = &x.tw;                               /* but not a single body's duty */
  UT_EQ_INT(cs_owner_corresponds(&d, &t, MD_DISTRICT), 0);
  mine.body = &x.vp_tu;
  /* An owner nobody carries at that level: nothing to match. */
  theirs.body = &x.lone_tw;
  UT_EQ_INT(cs_owner_corresponds(&d, &t, MD_PROVINCE), 1);
  /* ...and beside one that is carried there, only the latter counts. */
  md_ref carried = { .body = &x.tw };
  theirs.next = &carried;
  UT_EQ_INT(cs_owner_corresponds(&d, &t, MD_PROVINCE), 0);
  mine.body = &x.tu;
  UT_EQ_INT(cs_owner_corresponds(&d, &t, MD_PROVINCE), 1);
  theirs.next = NULL;

  /* Nothing to compare: 1. */
  theirs.body = &x.tw;
  t.owners = NULL;
  UT_EQ_INT(cs_owner_corresponds(&d, &t, MD_PROVINCE), 1);
  t.owners = &mine;
  d.owners = NULL;
  UT_EQ_INT(cs_owner_corresponds(&d, &t, MD_PROVINCE), 1);
  mine.body = NULL;
  d.owners = &theirs;
  UT_EQ_INT(cs_owner_corresponds(&d, &t, MD_PROVINCE), 1);
}

void test_cascade_excerpt(void) {
  ar_arena a;
  ar_init(&a);
  md_model m;
  md_init(&m, &a, NULL, NULL);
  md_strs s = { { SL_LIT("Ủy ban Kiểm tra"), { 0, 0, 0 } }, NULL };
  md_item it = { .kind = MD_TASK, .texts = &s };
  UT_EQ_STR(cs_excerpt(&m, &it, 15), "Ủy ban Kiểm tra");
  UT_EQ_STR(cs_excerpt(&m, &it, 6), "Ủy ban…");
  it.texts = NULL;
  UT_EQ_STR(cs_excerpt(&m, &it, 6), "");
  ar_free(&a);
}
