/* Unit tests of the formatter (src/fmt.c): the canonical layout of each
 * kind of statement, comments and blank lines where they were, keywords
 * spelt as asked, the second run changing nothing, and malformed input
 * refused with a located error and nothing written. */
#include <stdio.h>
#include <string.h>

#include "fmt.h"
#include "unit.h"

/* The layout of src as a C string in `a`, or NULL (then *errors says how
 * many errors, and *first_off where the first is). */
static const char *format(ar_arena *a, const char *src, fm_keywords kw, unsigned long *errors, uint32_t *first_off) {
  dg_list d;
  dg_init(&d, a);
  const char *out = NULL;
  size_t n = 0;
  int rc = fm_format(a, src, strlen(src), 7, &d, kw, &out, &n);
  *errors = d.errors;
  if (first_off) *first_off = d.first ? d.first->off : 0;
  if (d.first) UT_EQ_INT(d.first->file, 7);
  if (rc != 0) return NULL;
  UT_EQ_INT(strlen(out), n);
  return out;
}

/* src formats to want, and want to itself. */
static void expect(const char *src, fm_keywords kw, const char *want) {
  ar_arena a;
  ar_init(&a);
  unsigned long errors;
  const char *got = format(&a, src, kw, &errors, NULL);
  UT_EQ_INT(errors, 0);
  UT_EQ_STR(got, want);
  if (got) UT_EQ_STR(format(&a, got, kw, &errors, NULL), want);
  ar_free(&a);
}

void test_fmt_layout(void);
void test_fmt_layout(void) {
  expect("use  \"std/district\"\nplan x{kind \"KẾ HOẠCH\" signer \"A\"\n role \"B\" implements \"1-KH/TU\"{date 2023-03-20}}\n",
         FM_KEEP,
         "use \"std/district\"\n"
         "plan x {\n"
         "  kind \"KẾ HOẠCH\"\n"
         "  signer \"A\" role \"B\"\n"
         "  implements \"1-KH/TU\" {\n"
         "    date 2023-03-20\n"
         "  }\n"
         "}\n");
  /* Tasks: attributes and paragraphs one step in; a section's head on one
   * line; labels kept as printed ("I -"). */
  expect("section I - \"A\" owner huyen_uy { - \"t1\" \"t2\" by a,b due \"trong năm 2024\" for \"x\"\n"
         "implements \"P:1\" fingerprint \"ab\", \"P:2\" 2. \"t3\" { + \"t4\" } }",
         FM_KEEP,
         "section I - \"A\" owner huyen_uy {\n"
         "  - \"t1\"\n"
         "    \"t2\"\n"
         "    by a, b\n"
         "    due \"trong năm 2024\" for \"x\"\n"
         "    implements \"P:1\" fingerprint \"ab\", \"P:2\"\n"
         "  2. \"t3\" {\n"
         "    + \"t4\"\n"
         "  }\n"
         "}\n");
  expect("body b \"B\" district { alias \"x\", \"y\" counterpart c } target 1. \"T\" { measure \"m\" >= 90 % per year\n"
         "measure \"n\" \"trên 90%\" by 2025 } footnote \"¹\" \"f1\" \"f2\"\n"
         "progress p { 2024-03-10 done \"I.1\" doc \"12-BC\" 2024-04-01 started \"I.2\" }",
         FM_KEEP,
         "body b \"B\" district {\n"
         "  alias \"x\", \"y\"\n"
         "  counterpart c\n"
         "}\n"
         "target 1. \"T\" {\n"
         "  measure \"m\" >= 90% per year\n"
         "  measure \"n\" \"trên 90%\" by 2025\n"
         "}\n"
         "footnote \"¹\" \"f1\"\n"
         "  \"f2\"\n"
         "progress p {\n"
         "  2024-03-10 done \"I.1\" doc \"12-BC\"\n"
         "  2024-04-01 started \"I.2\"\n"
         "}\n");
}

void test_fmt_comments(void);
void test_fmt_comments(void) {
  /* Own-line comments take the indentation of what follows (a block's
   * lines before a `}`); trailing ones stay after their code; blank-line
   * groups become one blank line, none at a block's edges; CRLF is LF. */
  expect("# head   \r\n\r\n\r\nplan x {   # opens\r\n\r\n  kind \"K\"\n\n\n\n# about the title\n      title \"T\"\n"
         "   # last\n\n}\n\n\n# end\n\n",
         FM_KEEP,
         "# head\n"
         "\n"
         "plan x {  # opens\n"
         "  kind \"K\"\n"
         "\n"
         "  # about the title\n"
         "  title \"T\"\n"
         "  # last\n"
         "}\n"
         "\n"
         "# end\n");
  /* A comment inside a statement ends its line: what follows goes one
   * step in, on the next line; a comment before an attribute takes the
   * attribute's indentation. */
  expect("- \"t\" # why\n  by a, # first\n b\n # link\n implements \"P:1\"\n",
         FM_KEEP,
         "- \"t\"  # why\n"
         "  by a,  # first\n"
         "  b\n"
         "  # link\n"
         "  implements \"P:1\"\n");
  /* Strings stay byte for byte: escapes, curly quotes, inner blanks. */
  expect("task   “Hội nghị “Diên Hồng”  ”  note \"a \\\"b\\\"  \\\\\"", FM_KEEP,
         "task “Hội nghị “Diên Hồng”  ”\n  note \"a \\\"b\\\"  \\\\\"\n");
}

void test_fmt_keywords(void);
void test_fmt_keywords(void) {
  const char *en = "plan x {\n  level district\n  date unknown\n}\n"
                   "target \"T\" {\n  measure \"m\" \"90%\" by 2025\n}\n"
                   "- \"t\"\n  by a\n  due \"d\"\n";
  const char *vi = "kế hoạch x {\n  cấp huyện\n  ngày không rõ\n}\n"
                   "chỉ tiêu \"T\" {\n  chỉ số \"m\" \"90%\" đến năm 2025\n}\n"
                   "- \"t\"\n  chủ trì a\n  thời hạn \"d\"\n";
  expect(en, FM_VIETNAMESE, vi);
  expect(vi, FM_ENGLISH, en);
  expect(en, FM_KEEP, en);
  /* Kept spellings keep their words, blanks made one space; the other
   * language's keywords are left as they are. */
  expect("chương   trình x {\n  kind \"K\"\n}\n", FM_VIETNAMESE, "chương trình x {\n  loại văn bản \"K\"\n}\n");
  expect("plan x {\n  cơ quan ban hành b\n}\n", FM_KEEP, "plan x {\n  cơ quan ban hành b\n}\n");
}

void test_fmt_refuses(void);
void test_fmt_refuses(void) {
  ar_arena a;
  ar_init(&a);
  unsigned long errors;
  uint32_t off;
  UT_CHECK(format(&a, "plan x {\n  kind \"K\"\n", FM_KEEP, &errors, &off) == NULL);
  UT_CHECK(errors >= 1);
  UT_CHECK(format(&a, "plan x {\n  kind \"K\n}\n", FM_KEEP, &errors, &off) == NULL);
  UT_CHECK(errors >= 1);
  UT_EQ_INT(off, 16);
  UT_CHECK(format(&a, "plan x {\n  kind K\n}\n", FM_KEEP, &errors, &off) == NULL);
  UT_CHECK(format(&a, "plan x { date 20/3/2023 }", FM_KEEP, &errors, &off) == NULL);
  UT_EQ_INT(off, 14);
  /* Errors a check finds, not the parser's grammar, are no reason to
   * refuse: an unknown level still has a layout. */
  UT_CHECK(format(&a, "body b \"B\" nowhere", FM_KEEP, &errors, &off) != NULL);
  /* Nothing at all, or comments only. */
  UT_EQ_STR(format(&a, "", FM_KEEP, &errors, &off), "");
  UT_EQ_STR(format(&a, "\n\n  # c  \n\n", FM_KEEP, &errors, &off), "# c\n");
  ar_free(&a);
}
