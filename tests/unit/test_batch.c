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
#include "text.h"
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

/* src_position counts a column far into a long line from the mark before
 * it: every place of a line of a hundred thousand bytes, with two- and
 * three-byte characters, a tab and a bad byte among them, and of the
 * lines after it, gets the column a count from the line's start gives
 * (every place near the ends, every 397th between). */
void test_source_far_columns(void) {
  static const char piece[] = "implements \"Đ\xE1\xBB\x99i\" \t\xFF ủy ";
  size_t n = 0, cap = 100000 + 64;
  char *data = malloc(cap);
  UT_CHECK(data != NULL);
  if (!data) return;
  memcpy(data, "\xEF\xBB\xBF", 3);
  n = 3;
  while (n + sizeof piece < 100000) { memcpy(data + n, piece, sizeof piece - 1); n += sizeof piece - 1; }
  memcpy(data + n, "\nshort\n", 7);
  n += 7;
  src_table t;
  src_init(&t);
  uint32_t file;
  UT_CHECK(src_add_memory(&t, "long.plan", data, n, &file) == SRC_OK);
  size_t line2 = (size_t)((const char *)memchr(data, '\n', n) - data) + 1;
  int wrong = 0;
  for (uint32_t off = 0; off <= n && !wrong; off += off < 600 || off + 40 > n ? 1 : 397) {
    src_pos p = src_position(&t, file, off);
    uint32_t line = off < line2 ? 1 : off < n ? 2 : 3;
    size_t start = line == 1 ? (off >= 3 ? 3 : 0) : line == 2 ? line2 : n;
    uint32_t col = (uint32_t)tx_codepoints(data + start, off - start) + 1;
    if (p.line != line || p.col != col) {
      fprintf(stderr, "offset %u: %u:%u, want %u:%u\n", off, p.line, p.col, line, col);
      wrong = 1;
    }
  }
  UT_CHECK(!wrong);
  src_free(&t);
  free(data);
}
