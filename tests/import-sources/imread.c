/* imread: the lines an import reader gives, for the tests of
 * tests/import-sources/ (until `plancheck import` calls the readers).
 *
 *   imread [--lang=vi] docx|pdf FILE
 *
 * prints one line per im_line: its flags (W whole paragraph, P first of a
 * page, B bold, C table cell; "-" for each one unset), a tab, its text.
 * A reader's error is printed as "FILE: error: MESSAGE" with exit 1;
 * running out of memory as "out of memory" with exit 2. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "docx.h"
#include "imtext.h"
#include "lang.h"
#include "mem.h"
#include "pdftext.h"

static void oom(void) {
  fputs("plancheck: out of memory\n", stderr);
  exit(2);
}

int main(int argc, char **argv) {
  mem_set_oom(oom);
  int i = 1;
  const char *lang = "en";
  if (i < argc && strncmp(argv[i], "--lang=", 7) == 0) lang = argv[i++] + 7;
  lg_init(lang, argv[0]);
  if (argc - i != 2 || (strcmp(argv[i], "docx") != 0 && strcmp(argv[i], "pdf") != 0)) {
    fputs("usage: imread [--lang=vi] docx|pdf FILE\n", stderr);
    return 2;
  }
  ar_arena a;
  ar_init(&a);
  im_text t = { 0 };
  const char *error = NULL;
  int rc = strcmp(argv[i], "docx") == 0 ? dx_read(&a, argv[i + 1], &t, &error)
                                        : pf_read(&a, argv[i + 1], &t, &error);
  if (rc != 0) {
    fprintf(stderr, "%s: %s: %s\n", argv[i + 1], _("error"), error ? error : "?");
    ar_free(&a);
    return 1;
  }
  for (size_t k = 0; k < t.n; k++) {
    unsigned f = t.v[k].flags;
    printf("%c%c%c%c\t%.*s\n", f & IM_WHOLE ? 'W' : '-', f & IM_PAGE ? 'P' : '-', f & IM_BOLD ? 'B' : '-',
           f & IM_CELL ? 'C' : '-', (int)t.v[k].n, t.v[k].text);
  }
  ar_free(&a);
  return 0;
}
