/* Fuzz target phrase: the deadline-phrase recogniser (grammar/phrase.re,
 * src/deadline.c) on the input as a phrase, as resolve gives it one (in
 * NFC), the finder (dl_find) on it as running text, and the target-value
 * reader. What deadline.h promises is checked: the canonical text of a
 * chain is read back as the same chain; the phrases found are in order,
 * inside the text, not overlapping, and each reads alone as found. */
#include <stdlib.h>
#include <string.h>

#include "deadline.h"
#include "fuzz.h"
#include "text.h"

/* The span of every deadline, and whether it applies at each level. */
static void walk(const dl_deadline *d) {
  for (; d; d = d->next) {
    (void)dl_span(d);
    (void)dl_stage_name(d->stage);
    (void)dl_kind_name(d->kind);
    (void)dl_unit_name(d->unit);
    (void)dl_period_name(d->period);
  }
}

static void round_trip(ar_arena *a, sl_slice nfc, dl_result r) {
  walk(r.first);
  if (!r.first || r.bad_date) return;
  const char *canon = dl_canonical_chain(a, r.first);
  dl_result again = dl_recognize(a, canon, strlen(canon));
  const char *twice = dl_canonical_chain(a, again.first);
  if (strcmp(canon, twice) != 0) {
    fprintf(stderr, "phrase: \"%.*s\" reads as \"%s\", which reads back as \"%s\"\n", (int)nfc.n, nfc.p, canon,
            twice);
    abort();
  }
}

/* dl_find's phrases: ordered, within the text, apart, each read alone
 * (with the prose `due` allows) as the chain found. */
static void find(ar_arena *a, sl_slice nfc, const dl_context *ctx) {
  dl_found out[16];
  size_t n = dl_find(a, nfc.p, nfc.n, ctx, out, 16), end = 0;
  for (size_t i = 0; i < n && i < 16; i++) {
    const dl_found *f = &out[i];
    dl_result r = dl_recognize_in(a, nfc.p + f->off, f->len, ctx);
    const char *found = dl_canonical_chain(a, f->dl), *alone = r.first ? dl_canonical_chain(a, r.first) : "";
    if (f->off < end || f->len == 0 || f->off + f->len > nfc.n || strcmp(found, alone) != 0) {
      fprintf(stderr, "phrase: dl_find gave [%zu, +%zu) \"%s\" after %zu of %zu; alone it reads \"%s\"\n",
              f->off, f->len, found, end, nfc.n, alone);
      abort();
    }
    end = f->off + f->len;
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size > 4096) return -1;
  ar_arena a;
  ar_init(&a);
  sl_slice nfc = tx_nfc(&a, (const char *)data, size);
  /* Without a context, in a plan of 15/6/2024 (a date without a year then
   * reads), and as a guess: each reading's canonical text reads back. */
  dl_context ctx = { dt_from_ymd(2024, 6, 15) };
  round_trip(&a, nfc, dl_recognize(&a, nfc.p, nfc.n));
  round_trip(&a, nfc, dl_recognize_in(&a, nfc.p, nfc.n, &ctx));
  const dl_deadline *guess = dl_guess(&a, nfc.p, nfc.n, &ctx);
  walk(guess);
  if (guess) round_trip(&a, nfc, (dl_result){ (dl_deadline *)guess, 0, 0, 0 });
  find(&a, nfc, &ctx);
  const char *op;
  double value;
  int percent;
  (void)dl_target_value(nfc.p, nfc.n, &op, &value, &percent);
  ar_free(&a);
  return 0;
}
