/* replay: runs a fuzz target on the files named on the command line, one
 * input each, without libFuzzer, so that the regression inputs of
 * tests/fuzz/regress/ are replayed by the normal compiler's sanitizer
 * build where clang is missing. A crash or a leak fails the run (ASan's
 * exit status); otherwise prints "N inputs" and exits 0. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

static unsigned char *slurp(const char *path, size_t *n) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  unsigned char *data = NULL;
  size_t cap = 0;
  *n = 0;
  for (;;) {
    if (*n == cap && !(data = realloc(data, cap = cap ? cap * 2 : 4096))) abort();
    size_t got = fread(data + *n, 1, cap - *n, f);
    if (got == 0) break;
    *n += got;
  }
  fclose(f);
  unsigned char *exact = malloc(*n ? *n : 1);   /* so that a read past the end shows */
  if (!exact) abort();
  if (*n) memcpy(exact, data, *n);
  free(data);
  return exact;
}

int main(int argc, char **argv) {
  for (int i = 1; i < argc; i++) {
    size_t n;
    unsigned char *data = slurp(argv[i], &n);
    if (!data) {
      fprintf(stderr, "replay: cannot read %s\n", argv[i]);
      return 2;
    }
    fprintf(stderr, "replay: %s\n", argv[i]);
    LLVMFuzzerTestOneInput(data, n);
    free(data);
  }
  printf("%d inputs\n", argc - 1);
  return 0;
}
