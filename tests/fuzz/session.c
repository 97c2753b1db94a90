/* Fuzz target session: what the language server checks on each change:
 * an editor's text, never written to disk, through the session
 * (src/session.h). The first byte chooses whose text it is: odd, that of
 * plans/tuyphuoc.plan, laid over the file on disk; even, a new file not on
 * disk, beside it. The rest is the text, checked with its parents found
 * through -I plans/tw as `plancheck check` finds them: the built-in
 * checks, the cascade, the text checks and the standard Lua rules (under
 * a small budget, so that a looping script costs little). Nothing is
 * written: the session reads the text from memory wherever the loader
 * would read that file. */
#include <stdlib.h>

#include "diag.h"
#include "fuzz.h"
#include "session.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1 || size > (1u << 18)) return -1;
  ar_arena a;
  ar_init(&a);
  const char *tw = dg_fmt(&a, "%s/plans/tw", fz_root());
  const char *path = dg_fmt(&a, "%s/plans/%s", fz_root(), data[0] & 1 ? "tuyphuoc.plan" : "unsaved.plan");
  ss_options o = { 0 };
  o.as_of = fz_as_of();
  o.text_checks = 1;
  o.incdirs = &tw;
  o.nincdirs = 1;
  o.lua_budget = 1000000;
  o.lua_memory = 16u << 20;
  ss_session *s = ss_open(&o);
  if (!s) abort();
  ss_file f = { path, (const char *)data + 1, size - 1 };
  ss_check(s, &f, 1);
  md_model *m = ss_model(s);
  dg_print_text(fz_null(), m->src, ss_diags(s), (dg_style){ 0 });
  dg_print_json(fz_null(), m->src, ss_diags(s));
  ss_close(s);
  ar_free(&a);
  return 0;
}
