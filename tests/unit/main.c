/* The unit-test runner: runs every test listed in tests.def and prints
 * "unit: N passed, N failed". Exit status 1 when any check failed. */
#include <stdio.h>

#include "unit.h"

int ut_passed, ut_failed;
const char *ut_current;

#define UT_TEST(name) void name(void);
#include "tests.def"
#undef UT_TEST

int main(void) {
#define UT_TEST(name) ut_current = #name; name();
#include "tests.def"
#undef UT_TEST
  printf("unit: %d passed, %d failed\n", ut_passed, ut_failed);
  return ut_failed ? 1 : 0;
}
