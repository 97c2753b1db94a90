/* Fuzz target lua: the input as a rule script (--rules FILE), run in the
 * sandbox against plans/tuyphuoc.plan and its parent: loaded, its
 * recognisers asked about the phrases, its rules run on the plan and its
 * formats rendered. The standard scripts are left out (an empty --stdlib)
 * and each call has a small budget and memory cap, so that an input costs
 * milliseconds whatever it does. */
#include <stdlib.h>

#include "export.h"
#include "fuzz.h"

enum { BUDGET = 200000, MEMORY = 8u << 20 };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size > (1u << 16)) return -1;   /* the sandbox reads no file: ".." is concatenation */
  ar_arena names;
  ar_init(&names);
  const char *script = fz_path(&names, "fuzz.lua");
  if (fz_write(script, data, size) != 0) abort();
  ru_options uo = { fz_empty(), &script, 1, NULL, 0, BUDGET, MEMORY, fz_as_of(), 0, ex_find };
  fz_run r;
  fz_begin(&r, &uo);
  md_plan *p = fz_load_real(&r, NULL, 0);
  ru_check(r.rules, p);
  for (size_t i = 0; i < ru_count(r.rules); i++) {
    const ru_def *d = ru_at(r.rules, i);
    size_t len;
    if (d->kind == RU_FORMAT) ru_render(r.rules, d, p, &len);
    (void)ru_origin(r.rules, d);
  }
  fz_end(&r);
  fz_clean();
  ar_free(&names);
  return 0;
}
