/* cli: option values, usage errors and today (see cli.h). */
#include "cli.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "lang.h"

const char *cl_option_value(int argc, char **argv, int *i, const char *name) {
  size_t n = strlen(name);
  const char *a = argv[*i];
  if (strncmp(a, name, n) != 0) return NULL;
  if (a[n] == '=') return a + n + 1;
  if (a[n] == '\0' && *i + 1 < argc) return argv[++*i];
  return NULL;
}

int cl_usage(const char *fmt, const char *arg) {
  fputs("plancheck: ", stderr);
  fprintf(stderr, fmt, arg);
  fputc('\n', stderr);
  fputs(_("Try 'plancheck --help'.\n"), stderr);
  return CL_USAGE;
}

dt_day cl_today(void) {
  time_t now = time(NULL);
  struct tm tm;
  if (!localtime_r(&now, &tm)) return 0;
  return dt_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}
