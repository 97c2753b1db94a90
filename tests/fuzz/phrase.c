/* Fuzz target phrase: the deadline-phrase recogniser (grammar/phrase.re,
 * src/deadline.c) on the input as a phrase, as resolve gives it one (in
 * NFC), and the target-value reader. What deadline.h promises is checked:
 * the canonical text of a chain is read back as the same chain. */
#include <stdlib.h>
#include <string.h>

#include "deadline.h"
#include "fuzz.h"
#include "text.h"

/* The span of every deadline, and whether it applies at each level. */
static void walk(const dl_deadline *d) {
  for (; d; d = d->next) {
    (void)dl_span(d);
    (void)dl_stage_id(d->stage);
    (void)dl_kind_name(d->kind);
    (void)dl_unit_name(d->unit);
    (void)dl_period_name(d->period);
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size > 4096) return -1;
  ar_arena a;
  ar_init(&a);
  sl_slice nfc = tx_nfc(&a, (const char *)data, size);
  dl_result r = dl_recognize(&a, nfc.p, nfc.n);
  walk(r.first);
  if (r.first && !r.bad_date) {
    const char *canon = dl_canonical_chain(&a, r.first);
    dl_result again = dl_recognize(&a, canon, strlen(canon));
    const char *twice = dl_canonical_chain(&a, again.first);
    if (strcmp(canon, twice) != 0) {
      fprintf(stderr, "phrase: \"%.*s\" reads as \"%s\", which reads back as \"%s\"\n", (int)nfc.n, nfc.p, canon,
              twice);
      abort();
    }
  }
  const char *op;
  double value;
  int percent;
  (void)dl_target_value(nfc.p, nfc.n, &op, &value, &percent);
  ar_free(&a);
  return 0;
}
