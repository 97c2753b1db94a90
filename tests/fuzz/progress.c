/* Fuzz target progress: the input as a progress record (--progress) of
 * plans/tuyphuoc.plan, read and joined to the plan and its parent
 * (src/progress.c), then the agenda, which reads the entries. */
#include <stdlib.h>

#include "agenda.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size > (1u << 18) || fz_escapes(data, size, 0)) return -1;
  fz_run r;
  fz_begin(&r, NULL);
  rs_input record = { .path = fz_path(&r.arena, "fuzz.progress"), .record = 1 };
  if (fz_write(record.path, data, size) != 0) abort();
  md_plan *p = fz_load_real(&r, &record, 1);
  ag_agenda_of(&r.m, p, fz_as_of(), 30, NULL);
  fz_end(&r);
  fz_clean();
  return 0;
}
