/* Unit tests of what `new --from` rests on: cs_carrier (src/cascade.c),
 * the body of a level that carries an owner's work on the child's date,
 * and of_write (src/outfile.c), which writes a new file without ever
 * replacing one unless told to. tests/new/run tests the command. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cascade.h"
#include "outfile.h"
#include "resolve.h"
#include "unit.h"

enum { L_CENTRAL = 1, L_PROVINCE, L_DISTRICT, L_COMMUNE };

typedef struct fx {
  ar_arena a;
  src_table src;
  dg_list d;
  md_model m;
} fx;

/* A plan of `date` using every standard body, loaded from memory (as
 * `new` loads its child) and resolved. */
static md_plan *fx_open(fx *f, const char *date) {
  memset(f, 0, sizeof *f);
  ar_init(&f->a);
  src_init(&f->src);
  dg_init(&f->d, &f->a);
  md_init(&f->m, &f->a, &f->src, &f->d);
  const char *text = dg_fmt(&f->a, "use \"std/all\"\nplan \"1-KH/TU\" {\n  level province\n  date %s\n}\n", date);
  uint32_t file = 0;
  UT_EQ_INT(src_add_memory(&f->src, "p.plan", text, strlen(text), &file), SRC_OK);
  rs_options o = { NULL, 0, NULL, NULL };
  md_plan *p = rs_load_memory(&f->m, &o, file);
  rs_resolve(&f->m, NULL);
  UT_EQ_INT(f->d.errors, 0);
  return p;
}

static void fx_close(fx *f) {
  src_free(&f->src);
  ar_free(&f->a);
}

static const char *carrier_id(fx *f, const char *owner, md_level level, const md_plan *child) {
  const md_body *o = md_body_by_id(&f->m, (sl_slice){ owner, strlen(owner) });
  UT_CHECK(o != NULL);
  const md_body *b = o ? cs_carrier(&f->m, o, level, child) : NULL;
  return b ? ar_strndup(&f->a, b->id.p, b->id.n) : "(none)";
}

/* Ban Tổ chức Trung ương's work: Ban Tổ chức Tỉnh ủy, Huyện ủy; in the
 * commune of 2025, the Ban Xây dựng Đảng. */
void test_newplan_carrier_counterparts(void) {
  fx f;
  md_plan *p = fx_open(&f, "2023-03-01");
  UT_EQ_STR(carrier_id(&f, "btc_tw", L_PROVINCE, p), "btc_tu");
  UT_EQ_STR(carrier_id(&f, "btc_tw", L_DISTRICT, p), "btc_hu");
  UT_EQ_STR(carrier_id(&f, "btc_tw", L_COMMUNE, NULL), "bxdd_xa");
  fx_close(&f);
}

/* Ban Tuyên giáo Tỉnh ủy carries Ban Tuyên giáo Trung ương's work until
 * 2025; in a plan of 2026, the body that took it over does. */
void test_newplan_carrier_successor(void) {
  fx f;
  md_plan *p = fx_open(&f, "2023-03-01");
  UT_EQ_STR(carrier_id(&f, "btg_tw", L_PROVINCE, p), "btg_tu");
  fx_close(&f);
  p = fx_open(&f, "2026-03-01");
  UT_EQ_STR(carrier_id(&f, "btg_tw", L_PROVINCE, p), "btgdv_tu");
  UT_EQ_STR(carrier_id(&f, "btgdv_tw", L_PROVINCE, p), "btgdv_tu");
  fx_close(&f);
}

static const char *slurp(ar_arena *a, const char *path) {
  char buf[256];
  FILE *in = fopen(path, "r");
  if (!in) return "(missing)";
  size_t n = fread(buf, 1, sizeof buf - 1, in);
  fclose(in);
  return ar_strndup(a, buf, n);
}

/* A temporary left in the directory: ".NAME.plancheck-tmp". */
static int temporaries(const char *dir) {
  char cmd[128];
  snprintf(cmd, sizeof cmd, "ls -A %s | grep -c plancheck-tmp >/dev/null", dir);
  return system(cmd) == 0;
}

void test_newplan_outfile(void) {
  ar_arena a;
  ar_init(&a);
  char dir[] = "/tmp/plancheck-outfile-XXXXXX";
  UT_CHECK(mkdtemp(dir) != NULL);
  const char *path = dg_fmt(&a, "%s/x.plan", dir);
  UT_EQ_INT(of_write(&a, path, "one\n", 4, 0), 0);
  UT_EQ_STR(slurp(&a, path), "one\n");
  /* Kept without force, whatever is there. */
  UT_EQ_INT(of_write(&a, path, "two\n", 4, 0), EEXIST);
  UT_EQ_STR(slurp(&a, path), "one\n");
  /* Replaced with force, keeping its permissions. */
  UT_CHECK(chmod(path, 0640) == 0);
  UT_EQ_INT(of_write(&a, path, "three\n", 6, 1), 0);
  UT_EQ_STR(slurp(&a, path), "three\n");
  struct stat st;
  UT_CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0640);
  /* A file nobody may write is refused even with force. */
  UT_CHECK(chmod(path, 0444) == 0);
  UT_EQ_INT(of_write(&a, path, "four\n", 5, 1), EACCES);
  UT_EQ_STR(slurp(&a, path), "three\n");
  /* A directory is never replaced. */
  UT_EQ_INT(of_write(&a, dir, "five\n", 5, 1), EISDIR);
  UT_EQ_INT(of_write(&a, dg_fmt(&a, "%s/none/y.plan", dir), "six\n", 4, 0), ENOENT);
  UT_CHECK(!temporaries(dir));
  chmod(path, 0644);
  unlink(path);
  rmdir(dir);
  ar_free(&a);
}
