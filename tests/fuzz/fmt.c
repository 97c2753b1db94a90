/* Fuzz target fmt: the formatter (src/fmt.c) over one .plan file held in
 * memory, with each keyword spelling. A file it formats must format again
 * to the same text (the layout is idempotent) and leave no finding; a file
 * it refuses must say why. Its own guard, the formatted text lexed again
 * to the same tokens, must never fire: that would be a layout that changes
 * what a plan says. Anything else aborts. */
#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "fuzz.h"

/* Whether the list holds the formatter's own "it would change the plan". */
static int guard_fired(const dg_list *d) {
  for (const dg_diag *x = d->first; x; x = x->next)
    if (strcmp(x->code, "fmt") == 0) return 1;
  return 0;
}

static void one(const uint8_t *data, size_t size, fm_keywords kw) {
  ar_arena a;
  ar_init(&a);
  dg_list d;
  dg_init(&d, &a);
  const char *out = NULL, *again = NULL;
  size_t n = 0, n2 = 0;
  if (fm_format(&a, (const char *)data, size, 0, &d, kw, &out, &n) == 0) {
    if (d.count || !out || out[n] != '\0') abort();
    if (fm_format(&a, out, n, 0, &d, kw, &again, &n2) != 0 || n2 != n || memcmp(out, again, n) != 0) abort();
  } else if (!d.errors || out) {
    abort();
  }
  if (guard_fired(&d)) abort();
  ar_free(&a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size > (1u << 20)) return -1;
  one(data, size, FM_KEEP);
  one(data, size, FM_ENGLISH);
  one(data, size, FM_VIETNAMESE);
  return 0;
}
