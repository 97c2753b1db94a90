/* Unit tests: batch's path normalisation (how a parent read through
 * "district/../province.plan" is known to be a file given), and the source
 * table's directory listings and file identity that a run in parts relies
 * on. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "batch.h"
#include "source.h"
#include "unit.h"

void test_batch_normal_path(void) {
  static const char *const cases[][2] = {
    { "a/b/../c.plan", "a/c.plan" },
    { "./a/./b.plan", "a/b.plan" },
    { "a//b.plan", "a/b.plan" },
    { "../x/y/../z.plan", "../x/z.plan" },
    { "../../a.plan", "../../a.plan" },
    { "a/../../b.plan", "../b.plan" },
    { "/p/q/../r.plan", "/p/r.plan" },
    { "/../r.plan", "/r.plan" },
    { "a/..", "." },
    { ".", "." },
    { "plan.plan", "plan.plan" },
    { "bench/data/p01/d001/../tu.plan", "bench/data/p01/tu.plan" },
  };
  ar_arena a;
  ar_init(&a);
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) UT_EQ_STR(bt_normal_path(&a, cases[i][0]), cases[i][1]);
  ar_free(&a);
}

static void write_file(const char *path, const char *text) {
  FILE *f = fopen(path, "w");
  UT_CHECK(f != NULL);
  if (!f) return;
  fputs(text, f);
  fclose(f);
}

void test_source_listing_and_identity(void) {
  char dir[] = "/tmp/plancheck-unit-XXXXXX";
  UT_CHECK(mkdtemp(dir) != NULL);
  char a[64], b[64], two[80], missing[64];
  snprintf(a, sizeof a, "%s/a.plan", dir);
  snprintf(b, sizeof b, "%s/b.progress", dir);
  snprintf(two, sizeof two, "%s/../%s/a.plan", dir, strrchr(dir, '/') + 1);
  snprintf(missing, sizeof missing, "%s/a.progress", dir);
  write_file(a, "plan x {}\n");
  write_file(b, "");
  src_table t;
  src_init(&t);
  UT_EQ_INT(src_may_exist(&t, b), 1);
  UT_EQ_INT(src_may_exist(&t, missing), 0);
  UT_EQ_INT(src_may_exist(&t, "/nonexistent-dir-for-plancheck/x.progress"), 1);  /* unreadable: open tells */
  uint32_t i1, i2;
  int e;
  UT_EQ_INT(src_load(&t, a, &i1, &e), SRC_OK);
  UT_EQ_INT(t.files[i1].size, 10);
  UT_EQ_STR(t.files[i1].data, "plan x {}\n");
  /* Another spelling of the same file is the same file. */
  UT_EQ_INT(src_load(&t, two, &i2, &e), SRC_ALREADY);
  UT_EQ_INT(i2, i1);
  UT_EQ_INT(src_find(&t, two), (long)i1);
  UT_EQ_INT(src_load(&t, missing, &i2, &e), SRC_NOT_FOUND);
  UT_EQ_INT(src_load(&t, dir, &i2, &e), SRC_IS_DIR);
  src_free(&t);
  unlink(a);
  unlink(b);
  rmdir(dir);
}
