/* Unit tests of luaerr: Lua's own messages matched by their shapes and
 * rewritten through a translation, here one that marks every template it
 * is asked for with "T:", so that the result shows which templates were
 * used and that the values are kept as Lua wrote them. */
#include "luaerr.h"

#include <string.h>

#include "unit.h"

static const char *mark(const char *template) {
  static char buf[8][128];
  static int next;
  char *b = buf[next++ % 8];
  snprintf(b, sizeof buf[0], "T:%s", template);
  return b;
}

static const char *tr(ar_arena *a, const char *msg) { return le_text_with(a, msg, mark); }

/* Each message of Lua's and what it becomes. */
static const char *const cases[][2] = {
  /* a value's origin, split off and translated on its own */
  { "attempt to index a nil value (field 'missing')", "T:attempt to index a nil value (T:field 'missing')" },
  { "attempt to call a nil value (global 'helper')", "T:attempt to call a nil value (T:global 'helper')" },
  { "attempt to index a number value", "T:attempt to index a number value" },
  { "attempt to compare number with nil", "T:attempt to compare number with nil" },
  /* "%%" in a template is a '%' of the message */
  { "attempt to perform 'n%0'", "T:attempt to perform 'n%0'" },
  /* the reason in a bad argument is itself a message; an unknown one is
   * kept as it is */
  { "bad argument #1 to 'find' (string expected, got nil)", "T:bad argument #1 to 'find' (T:string expected, got nil)" },
  { "bad argument #2 to 'each' (invalid option 'tasks')", "T:bad argument #2 to 'each' (T:invalid option 'tasks')" },
  { "bad argument #1 to 'x' (something odd)", "T:bad argument #1 to 'x' (something odd)" },
  /* syntax errors: what, near a token */
  { "unexpected symbol near '='", "T:T:unexpected symbol near '='" },
  { "'end' expected (to close 'if' at line 7) near <eof>", "T:T:'end' expected (to close 'if' at line 7) near <eof>" },
  { "'=' expected near 'x'", "T:T:'=' expected near 'x'" },
  { "not enough memory", "T:not enough memory" },
  /* parentheses alone do not make a value's origin */
  { "something (else)", "something (else)" },
  { "attempt to index a nil value (not a variable)", "attempt to index a nil value (not a variable)" },
};

void test_luaerr_shapes(void) {
  ar_arena a;
  ar_init(&a);
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) UT_EQ_STR(tr(&a, cases[i][0]), cases[i][1]);
  ar_free(&a);
}

void test_luaerr_others(void) {
  ar_arena a;
  ar_init(&a);
  /* a script's own message: the same text back */
  const char *own = "the plan has no owner";
  UT_CHECK(tr(&a, own) == own);
  /* long messages are a script's own and are not looked at */
  char longer[600];
  memset(longer, ' ', sizeof longer - 1);
  longer[sizeof longer - 1] = '\0';
  memcpy(longer, "stack overflow (", 16);
  UT_CHECK(tr(&a, longer) == longer);
  /* many of the characters a template looks for: still cheap, no match */
  char spaces[401];
  memset(spaces, ' ', 400);
  spaces[400] = '\0';
  UT_CHECK(tr(&a, spaces) == spaces);
  UT_CHECK(tr(&a, "") != NULL);
  /* English (no lg_init in the unit tests): every message as it is */
  const char *lua = "attempt to index a nil value (field 'x')";
  UT_CHECK(le_text(&a, lua) == lua);
  ar_free(&a);
}
