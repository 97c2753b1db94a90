/* Unit tests of the PDF reader's pages (src/pdftext.c, pf_pages): running
 * headers and footers and page numbers dropped at the edges of pages and
 * nowhere else, each page's first line marked, gaps kept as one empty
 * line. */
#include <string.h>

#include "pdftext.h"
#include "unit.h"

/* The kept lines of the pages, "|"-joined, a page's first line after "^"
 * and an empty line as "_". */
static const char *kept(char *buf, size_t size, const char *const *pages, size_t n) {
  ar_arena a;
  ar_init(&a);
  size_t lens[8];
  for (size_t i = 0; i < n; i++) lens[i] = strlen(pages[i]);
  im_text t = { 0 };
  pf_pages(&a, pages, lens, n, &t);
  size_t m = 0;
  buf[0] = 0;
  for (size_t i = 0; i < t.n && m + t.v[i].n + 3 < size; i++) {
    if (i) buf[m++] = '|';
    if (t.v[i].flags & IM_PAGE) buf[m++] = '^';
    if (!t.v[i].n) buf[m++] = '_';
    memcpy(buf + m, t.v[i].text, t.v[i].n);
    m += t.v[i].n;
  }
  buf[m] = 0;
  ar_free(&a);
  return buf;
}

void test_pdftext_running(void) {
  char b[512];
  /* A header on every page, a footer whose page number changes. */
  const char *p1[] = {
    "Kế hoạch số 15-KH/HU\n\nI. MỤC ĐÍCH\nNội dung một\n\nTrang 1/3\n",
    "Kế hoạch số 15-KH/HU\n\nNội dung hai\n\nII. NỘI DUNG\nTrang 2/3\n",
    "Kế hoạch số 15-KH/HU\nNội dung ba\nTrang 3/3\n",
  };
  UT_EQ_STR(kept(b, sizeof b, p1, 3), "^I. MỤC ĐÍCH|Nội dung một|^Nội dung hai|_|II. NỘI DUNG|^Nội dung ba");
  /* The page number alone at the top from page 2 on: its own number goes,
   * another number stays (it is text), and so does a first page's "1.". */
  const char *p2[] = { "1. Mục đích\nA\n", "2\nB\n", "- 3 -\n15\nC\n" };
  UT_EQ_STR(kept(b, sizeof b, p2, 3), "^1. Mục đích|A|^B|^15|C");
  /* A line at the top of one page in four is not running. */
  const char *p3[] = { "Tổ chức thực hiện\nA\n", "B\n", "C\n", "D\n" };
  UT_EQ_STR(kept(b, sizeof b, p3, 4), "^Tổ chức thực hiện|A|^B|^C|^D");
  /* Running lines are taken only from the edges, not from the middle. */
  const char *p4[] = { "X\nA\nX\nB\n", "X\nC\n", "X\nD\n" };
  UT_EQ_STR(kept(b, sizeof b, p4, 3), "^A|X|B|^C|^D");
  /* One page: nothing repeats, only its own number goes. */
  const char *p5[] = { "Kế hoạch\nA\n\n1\n" };
  UT_EQ_STR(kept(b, sizeof b, p5, 1), "^Kế hoạch|A");
  /* An empty page gives nothing; the next page's first line is marked. */
  const char *p6[] = { "A\n", "\n\n", "B\n" };
  UT_EQ_STR(kept(b, sizeof b, p6, 3), "^A|^B");
}
