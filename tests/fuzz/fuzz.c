/* fuzz: what the targets share; see fuzz.h. */
#define _DEFAULT_SOURCE      /* mkdtemp, nftw */
#include "fuzz.h"

#include <errno.h>
#include <ftw.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "progress.h"

#ifndef FZ_ROOT
#define FZ_ROOT "."
#endif

dt_day fz_as_of(void) { return dt_from_ymd(2024, 6, 30); }

const char *fz_root(void) { return FZ_ROOT; }

static char base[64], dir[80], empty[80];

static int remove_one(const char *path, const struct stat *st, int flag, struct FTW *f) {
  (void)st, (void)flag, (void)f;
  remove(path);
  return 0;
}

/* Empties the directory (depth first, the directory itself kept). */
static int remove_below(const char *path, const struct stat *st, int flag, struct FTW *f) {
  return f->level == 0 ? 0 : remove_one(path, st, flag, f);
}

static void remove_dir(void) {
  if (base[0]) nftw(base, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

const char *fz_dir(void) {
  if (dir[0]) return dir;
  strcpy(base, "/dev/shm/plancheck-fuzz-XXXXXX");
  if (!mkdtemp(base)) {
    strcpy(base, "/tmp/plancheck-fuzz-XXXXXX");
    if (!mkdtemp(base)) abort();
  }
  atexit(remove_dir);
  snprintf(dir, sizeof dir, "%s/files", base);
  snprintf(empty, sizeof empty, "%s/empty", base);
  if (mkdir(dir, 0700) != 0 || mkdir(empty, 0700) != 0) abort();
  return dir;
}

const char *fz_empty(void) {
  fz_dir();
  return empty;
}

const char *fz_path(ar_arena *a, const char *name) { return dg_fmt(a, "%s/%s", fz_dir(), name); }

void fz_clean(void) { nftw(fz_dir(), remove_below, 16, FTW_DEPTH | FTW_PHYS); }

/* Makes the directories of `path` below the private directory. */
static void make_dirs(char *path) {
  for (char *s = path + strlen(fz_dir()) + 1; (s = strchr(s, '/')) != NULL; s++) {
    *s = '\0';
    mkdir(path, 0700);
    *s = '/';
  }
}

int fz_write(const char *path, const uint8_t *data, size_t n) {
  char *p = strdup(path);
  if (!p) abort();
  make_dirs(p);
  free(p);
  FILE *f = fopen(path, "wb");
  if (!f) return -1;
  size_t w = n ? fwrite(data, 1, n, f) : 0;
  return fclose(f) == 0 && w == n ? 0 : -1;
}

int fz_escapes(const uint8_t *data, size_t size, int depth) {
  int ups = 0;
  for (size_t i = 0; i + 1 < size; i++) {
    if (data[i] == '"' && data[i + 1] == '/') return 1;
    if (data[i] == '.' && data[i + 1] == '.') {
      if (++ups >= depth) return 1;
      i++;
    }
  }
  return 0;
}

FILE *fz_null(void) {
  static FILE *null;
  if (!null) null = getenv("FUZZ_SHOW") ? stderr : fopen("/dev/null", "w");
  if (!null) abort();
  return null;
}

void fz_begin(fz_run *r, const ru_options *ro) {
  ar_init(&r->arena);
  src_init(&r->src);
  dg_init(&r->diags, &r->arena);
  md_init(&r->m, &r->arena, &r->src, &r->diags);
  r->rules = NULL;
  if (!ro) return;
  r->rules = ru_open(&r->arena, &r->src, &r->diags, ro);
  if (!r->rules) abort();
  ru_attach(r->rules, &r->m);
}

size_t fz_load(fz_run *r, rs_input *in, size_t n, const rs_options *o) {
  size_t unreadable = rs_load(&r->m, o, in, n);
  rs_resolve(&r->m, r->rules ? ru_recognizer(r->rules) : NULL);
  pg_resolve(&r->m, fz_as_of());
  return unreadable;
}

md_plan *fz_load_real(fz_run *r, rs_input *more, size_t n) {
  rs_input *in = ar_alloc(&r->arena, (n + 1) * sizeof *in);
  in[0] = (rs_input){ .path = FZ_ROOT "/plans/tuyphuoc.plan" };
  if (n) memcpy(in + 1, more, n * sizeof *in);
  const char *tw = FZ_ROOT "/plans/tw";
  rs_options ro = { &tw, 1, NULL, NULL };
  fz_load(r, in, n + 1, &ro);
  if (n) memcpy(more, in + 1, n * sizeof *in);
  if (!in[0].plan) abort();
  return in[0].plan;
}

void fz_end(fz_run *r) {
  dg_sort(&r->diags);
  dg_print_text(fz_null(), &r->src, &r->diags, (dg_style){ 0 });
  dg_print_json(fz_null(), &r->src, &r->diags);
  fz_free(r);
}

void fz_free(fz_run *r) {
  ru_close(r->rules);
  src_free(&r->src);
  ar_free(&r->arena);
}
