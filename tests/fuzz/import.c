/* Fuzz target import: the importer (src/import.c) on the input as a
 * document's text (`plancheck import -`). What import.h promises is
 * checked: whatever text it accepts gives a draft in the plan language
 * that the loader reads with no lexical or syntax error, no unknown body
 * or level and no duplicate id (the draft names only the library's
 * bodies, and writes every string quoted), and nothing leaks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "import.h"

/* Findings that only a wrong draft can have. */
static const char *const broken[] = { "lex", "syntax", "unknown-level", "unknown-body", "duplicate-id" };

static void read_back(ar_arena *a, const char *draft, size_t n) {
  const char *path = fz_path(a, "draft.plan");
  if (fz_write(path, (const uint8_t *)draft, n) != 0) abort();
  src_table src;
  src_init(&src);
  dg_list dl;
  dg_init(&dl, a);
  md_model m;
  md_init(&m, a, &src, &dl);
  rs_options ro = { NULL, 0, NULL, NULL };
  rs_input in = { .path = path };
  rs_load(&m, &ro, &in, 1);
  rs_resolve(&m, NULL);
  for (const dg_diag *d = dl.first; d; d = d->next)
    for (size_t i = 0; i < sizeof broken / sizeof broken[0]; i++)
      if (d->code && strcmp(d->code, broken[i]) == 0) {
        fprintf(stderr, "import: the draft has a %s finding: %s\n--- draft\n%.*s\n", d->code, d->msg, (int)n, draft);
        abort();
      }
  src_free(&src);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size > 1 << 16) return -1;
  ar_arena a;
  ar_init(&a);
  im_text t = { 0 };
  const char *error = NULL;
  if (imp_read_text(&a, (const char *)data, size, &t, &error) == 0) {
    char *out = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&out, &n);
    if (!f) abort();
    rs_options ro = { NULL, 0, NULL, NULL };
    imp_options o = { &ro, "fuzz.txt", 0, NULL, NULL };
    int r = imp_draft(&a, &t, &o, f, &error);
    fclose(f);
    if (r == 0) read_back(&a, out, n);
    free(out);
  }
  ar_free(&a);
  return 0;
}
