/* failmalloc: an LD_PRELOAD shim that fails one allocation, for the
 * allocation-failure sweep (tests/oom/run).
 *
 *   FAILMALLOC_N=K       the K-th allocation (from 1) fails with ENOMEM;
 *                        every other one goes through. 0 or unset: none.
 *   FAILMALLOC_PERSIST=1 every allocation from the K-th on fails: memory
 *                        that stays exhausted, which a retry (Lua's
 *                        collection after a refusal) does not get round.
 *   FAILMALLOC_COUNT=F   at exit (or _exit), the number of allocations
 *                        made is appended to file F, one line per
 *                        process: a worker process (fork) adds its own,
 *                        counted on from the parent's count at the fork.
 *   FAILMALLOC_TRACE=1   the failing call prints a backtrace to stderr
 *                        (to find which allocation it was).
 *
 * Counted: malloc, calloc, realloc (a call that asks for bytes),
 * reallocarray, strdup, strndup, posix_memalign, aligned_alloc, memalign.
 * The libc functions that allocate inside libc (opendir, fopen,
 * open_memstream, tzset...) call malloc through the PLT on glibc's
 * builds only partly; what they do call is counted with the rest.
 *
 * The real functions are found with dlsym(RTLD_NEXT); dlsym itself may
 * call calloc before that is known, so a small static pool serves those
 * first calls (and is never freed). */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <execinfo.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void *(*real_malloc)(size_t);
static void *(*real_calloc)(size_t, size_t);
static void *(*real_realloc)(void *, size_t);
static void (*real_free)(void *);
static int (*real_posix_memalign)(void **, size_t, size_t);
static void *(*real_aligned_alloc)(size_t, size_t);
static void *(*real_memalign)(size_t, size_t);

static unsigned long count, fail_at;
static int trace, persist;
static const char *count_file;

/* dlsym's own allocations, before the real calloc is known. */
static _Alignas(16) unsigned char pool[8192];
static size_t pool_used;
static int resolving;

static void *from_pool(size_t n) {
  n = (n + 15) & ~(size_t)15;
  if (pool_used + n > sizeof pool) return NULL;
  void *p = pool + pool_used;
  pool_used += n;
  return p;
}

static int in_pool(const void *p) {
  return (const unsigned char *)p >= pool && (const unsigned char *)p < pool + sizeof pool;
}

static void resolve(void) {
  if (real_malloc || resolving) return;
  resolving = 1;
  real_calloc = dlsym(RTLD_NEXT, "calloc");
  real_malloc = dlsym(RTLD_NEXT, "malloc");
  real_realloc = dlsym(RTLD_NEXT, "realloc");
  real_free = dlsym(RTLD_NEXT, "free");
  real_posix_memalign = dlsym(RTLD_NEXT, "posix_memalign");
  real_aligned_alloc = dlsym(RTLD_NEXT, "aligned_alloc");
  real_memalign = dlsym(RTLD_NEXT, "memalign");
  resolving = 0;
}

/* 1 when this allocation is the one to fail. */
static int failing(void) {
  ++count;
  if (!fail_at || (persist ? count < fail_at : count != fail_at)) return 0;
  if (trace) {
    void *frames[32];
    trace = 0;                     /* backtrace may allocate itself */
    backtrace_symbols_fd(frames, backtrace(frames, 32), 2);
  }
  return 1;
}

static void report(void) {
  if (!count_file) return;
  int fd = open(count_file, O_WRONLY | O_APPEND | O_CREAT, 0644);
  if (fd < 0) return;
  char line[32];
  int n = snprintf(line, sizeof line, "%lu\n", count);
  if (write(fd, line, (size_t)n) < 0) { /* nothing to do */ }
  close(fd);
}

/* A worker process leaves by _exit, which runs no atexit handler. */
void _exit(int status) {
  static void (*real_exit)(int);
  if (!real_exit) real_exit = (void (*)(int))dlsym(RTLD_NEXT, "_exit");
  report();
  real_exit(status);
  __builtin_unreachable();
}

__attribute__((constructor)) static void init(void) {
  resolve();
  const char *n = getenv("FAILMALLOC_N");
  fail_at = n ? strtoul(n, NULL, 10) : 0;
  count_file = getenv("FAILMALLOC_COUNT");
  trace = getenv("FAILMALLOC_TRACE") != NULL;
  persist = getenv("FAILMALLOC_PERSIST") != NULL;
  if (count_file) atexit(report);
}

void *malloc(size_t n) {
  resolve();
  if (!real_malloc) return from_pool(n);
  if (failing()) { errno = ENOMEM; return NULL; }
  return real_malloc(n);
}

void *calloc(size_t k, size_t n) {
  resolve();
  if (!real_calloc) {
    if (n && k > SIZE_MAX / n) return NULL;
    return from_pool(k * n);     /* static memory is zeroed */
  }
  if (failing()) { errno = ENOMEM; return NULL; }
  return real_calloc(k, n);
}

void *realloc(void *p, size_t n) {
  resolve();
  if (in_pool(p)) {
    void *q = malloc(n);
    if (q) memcpy(q, p, n < (size_t)(pool + sizeof pool - (unsigned char *)p) ? n : (size_t)(pool + sizeof pool - (unsigned char *)p));
    return q;
  }
  if (n && failing()) { errno = ENOMEM; return NULL; }
  return real_realloc(p, n);
}

void *reallocarray(void *p, size_t k, size_t n) {
  if (n && k > SIZE_MAX / n) { errno = ENOMEM; return NULL; }
  return realloc(p, k * n);
}

void free(void *p) {
  if (!p || in_pool(p)) return;
  resolve();
  real_free(p);
}

char *strdup(const char *s) {
  size_t n = strlen(s) + 1;
  char *d = malloc(n);
  if (d) memcpy(d, s, n);
  return d;
}

char *strndup(const char *s, size_t max) {
  size_t n = strnlen(s, max);
  char *d = malloc(n + 1);
  if (d) { memcpy(d, s, n); d[n] = '\0'; }
  return d;
}

int posix_memalign(void **out, size_t align, size_t n) {
  resolve();
  if (failing()) return ENOMEM;
  return real_posix_memalign(out, align, n);
}

void *aligned_alloc(size_t align, size_t n) {
  resolve();
  if (failing()) { errno = ENOMEM; return NULL; }
  return real_aligned_alloc(align, n);
}

void *memalign(size_t align, size_t n) {
  resolve();
  if (failing()) { errno = ENOMEM; return NULL; }
  return real_memalign(align, n);
}
