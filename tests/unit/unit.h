/* unit: the smallest test harness that reports exact values on failure.
 * Each test file defines functions `void test_NAME(void)` and lists them in
 * tests/unit/main.c. */
#ifndef PLANCHECK_UNIT_H
#define PLANCHECK_UNIT_H

#include <stdio.h>
#include <string.h>

extern int ut_passed, ut_failed;
extern const char *ut_current;

#define UT_CHECK(cond) do { \
    if (cond) ut_passed++; \
    else { ut_failed++; \
      fprintf(stderr, "%s:%d: %s: check failed: %s\n", __FILE__, __LINE__, ut_current, #cond); } \
  } while (0)

#define UT_EQ_INT(got, want) do { \
    long long g_ = (long long)(got), w_ = (long long)(want); \
    if (g_ == w_) ut_passed++; \
    else { ut_failed++; \
      fprintf(stderr, "%s:%d: %s: %s = %lld, want %lld\n", __FILE__, __LINE__, ut_current, #got, g_, w_); } \
  } while (0)

#define UT_EQ_STR(got, want) do { \
    const char *g_ = (got), *w_ = (want); \
    if (g_ && w_ && strcmp(g_, w_) == 0) ut_passed++; \
    else { ut_failed++; \
      fprintf(stderr, "%s:%d: %s: %s = \"%s\", want \"%s\"\n", __FILE__, __LINE__, ut_current, #got, g_ ? g_ : "(null)", w_ ? w_ : "(null)"); } \
  } while (0)

/* Every test's prototype, from the list. */
#define UT_TEST(name) void name(void);
#include "tests.def"
#undef UT_TEST

#endif
