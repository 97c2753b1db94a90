/* Unit tests of the table of output formats (src/export.c): every format
 * a command accepts has what that command prints; the documents are
 * listed in their order; a name the table lacks finds nothing. */
#include <string.h>

#include "export.h"
#include "unit.h"

void test_formats_commands(void) {
  for (int f = RP_TEXT; f <= RP_CSV; f++) {
    const ex_format *x = ex_format_named(rp_format_name((rp_format)f));
    UT_CHECK(x != NULL);
    if (!x) continue;
    UT_CHECK(x->coverage != NULL);   /* coverage prints in all four */
    /* suggest and agenda print in text and JSON only (parse_args refuses md and csv). */
    UT_EQ_INT(x->suggest != NULL, f == RP_TEXT || f == RP_JSON);
    UT_EQ_INT(x->evaluate != NULL, f == RP_TEXT || f == RP_JSON);
    UT_EQ_INT(x->agenda != NULL, f == RP_TEXT || f == RP_JSON);
  }
  rp_format f;
  UT_EQ_INT(rp_parse_format("md", &f), 0);
  UT_EQ_INT(f, RP_MD);
  UT_EQ_INT(rp_parse_format("html", &f), -1);
}

void test_formats_documents(void) {
  ar_arena a;
  ar_init(&a);
  UT_EQ_STR(ex_names(&a), "md, csv, json, ics, dot, html");
  ar_free(&a);
  UT_EQ_INT(ex_find("text"), 0);   /* no document */
  UT_EQ_INT(ex_find("html"), EX_BUILTIN | EX_FINDINGS);
  UT_CHECK(ex_format_named("sarif-nope") == NULL);
  const ex_format *t = ex_format_named("text");
  UT_CHECK(t && !t->document);
}
