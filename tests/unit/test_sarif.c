/* Unit tests of the SARIF log's pieces: the catalogue of built-in codes
 * (src/codes.c) is sorted and found by id, and file paths become URI
 * references relative to the working directory (src/sarif.c). The whole
 * log is tested against an independent validator in tests/sarif/run. */
#include <string.h>

#include "arena.h"
#include "codes.h"
#include "sarif.h"
#include "unit.h"

void test_codes_catalogue(void) {
  UT_CHECK(cd_count() > 50);
  for (size_t i = 0; i < cd_count(); i++) {
    const cd_code *c = cd_at(i);
    size_t at = (size_t)-1;
    UT_CHECK(c->summary[0] && c->description[0] && c->help[0]);
    if (i) UT_CHECK(strcmp(cd_at(i - 1)->id, c->id) < 0);
    UT_CHECK(cd_find(c->id, &at) == c);
    UT_EQ_INT(at, i);
  }
  UT_CHECK(cd_at(cd_count()) == NULL);
  UT_CHECK(cd_find("owner-missing", NULL) == NULL);   /* a Lua rule's */
  UT_CHECK(cd_find("", NULL) == NULL);
  UT_CHECK(cd_find(NULL, NULL) == NULL);
  UT_EQ_INT(cd_find("coverage-missing", NULL)->severity, DG_ERROR);
}

/* sf_uri(path, cwd): the URI reference, and whether it is relative. */
static const struct uri_case {
  const char *path, *cwd, *want;
  int relative;
} uri_cases[] = {
  { "plans/tuyphuoc.plan", "/work", "plans/tuyphuoc.plan", 1 },
  { "./plans/./tw/../tuyphuoc.plan", "/work", "plans/tuyphuoc.plan", 1 },
  { "../up/a.plan", "/work", "../up/a.plan", 1 },
  { "a/../../b.plan", "/work", "../b.plan", 1 },
  { "plans//x.plan", NULL, "plans/x.plan", 1 },
  { "/work/plans/x.plan", "/work", "plans/x.plan", 1 },
  { "/work/plans/x.plan", "/work/", "plans/x.plan", 1 },
  { "/workshop/x.plan", "/work", "file:///workshop/x.plan", 0 },
  { "/x.plan", "/", "x.plan", 1 },
  { "/tmp/../etc/x.plan", "/work", "file:///etc/x.plan", 0 },
  { "/../x.plan", NULL, "file:///x.plan", 0 },
  /* Percent-encoded UTF-8: spaces, '%', '#', ':', Vietnamese letters. */
  { "Huyện ủy 50%#1.plan", "/work", "Huy%E1%BB%87n%20%E1%BB%A7y%2050%25%231.plan", 1 },
  { "a:b.plan", "/work", "a%3Ab.plan", 1 },
  { "/k\xE1\xBA\xBF/x.plan", "/work", "file:///k%E1%BA%BF/x.plan", 0 },
  { "\xFF.plan", "/work", "%FF.plan", 1 },
};

void test_sarif_uri(void) {
  ar_arena a;
  ar_init(&a);
  for (size_t i = 0; i < sizeof uri_cases / sizeof *uri_cases; i++) {
    const struct uri_case *c = &uri_cases[i];
    int relative = -1;
    UT_EQ_STR(sf_uri(&a, c->path, c->cwd, &relative), c->want);
    UT_EQ_INT(relative, c->relative);
  }
  ar_free(&a);
}
