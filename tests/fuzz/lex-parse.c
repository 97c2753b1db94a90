/* Fuzz target lex-parse: the lexer over the whole input, then the parser
 * building the model of it, as one .plan file held in memory. The
 * diagnostics are collected, not rendered (the check target renders
 * them). */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "lexer.h"
#include "parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size > (1u << 20)) return -1;
  char *text = malloc(size + 1);     /* the lexer's NUL sentinel */
  if (!text) abort();
  if (size) memcpy(text, data, size);
  text[size] = '\0';
  fz_run r;
  fz_begin(&r, NULL);
  uint32_t file;
  src_add_memory(&r.src, "fuzz.plan", text, size, &file);
  lx_lexer lx;                       /* every token: the parser may stop early */
  lx_init(&lx, text, size, file, &r.diags);
  lx_token t;
  while (lx_next(&lx, &t)) {}
  ps_result out;
  ps_parse_file(&r.m, file, &out);
  fz_free(&r);
  free(text);
  return 0;
}
