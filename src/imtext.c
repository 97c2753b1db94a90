/* imtext: a document's text as an import reader gives it; see imtext.h. */
#include "imtext.h"

void im_add(ar_arena *a, im_text *t, const char *s, size_t n, unsigned flags) {
  t->v = ar_grow(a, t->v, sizeof *t->v, &t->cap, t->n + 1);
  t->v[t->n++] = (im_line){ ar_strndup(a, s, n), n, flags };
}
