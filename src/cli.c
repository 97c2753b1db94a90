/* cli: what the commands share (see cli.h). */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "lang.h"
#include "mem.h"
#include "source.h"

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

int cl_color_mode(const char *v) {
  return strcmp(v, "auto") == 0 ? -1 : strcmp(v, "never") == 0 ? 0 : strcmp(v, "always") == 0 ? 1 : -2;
}

int cl_use_color(int mode) {
  if (mode >= 0) return mode;
  const char *nc = getenv("NO_COLOR");
  if (nc && *nc) return 0;
  return isatty(STDERR_FILENO);
}

int cl_read_stdin(char **data, size_t *n, size_t limit) {
  size_t cap = 1 << 16;
  *data = mem_alloc(cap);
  *n = 0;
  for (;;) {
    if (*n == cap) *data = mem_realloc(*data, cap *= 2);
    size_t r = fread(*data + *n, 1, cap - *n, stdin);
    *n += r;
    if (*n > limit) return 0;
    if (r == 0) return ferror(stdin) ? EIO : 0;
  }
}

const char **cl_expand(const char **files, size_t *n) {
  char **v = NULL;
  size_t nv = 0, cap = 0;
  for (size_t i = 0; i < *n; i++) {
    struct stat st;
    size_t before = nv;
    if (stat(files[i], &st) == 0 && S_ISDIR(st.st_mode) && src_list(files[i], ".plan", &v, &nv, &cap) == 0 &&
        nv > before)
      continue;
    if (nv == cap) {
      cap = cap ? cap * 2 : 16;
      v = mem_realloc(v, cap * sizeof *v);
    }
    v[nv++] = mem_strdup(files[i]);
  }
  *n = nv;
  return (const char **)v;
}
