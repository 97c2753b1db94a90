/* batch: the worker processes and what they hand back; see batch.h. */
#include "batch.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "index.h"
#include "lang.h"
#include "mem.h"
#include "source.h"

/* ---- paths and foreign findings ---- */

const char *bt_normal_path(ar_arena *a, const char *path) {
  size_t n = strlen(path);
  char *out = ar_alloc(a, n + 2);
  size_t len = 0, keep = 0;         /* out[0, keep) holds ".." parts that cannot fold */
  int abs = path[0] == '/';
  if (abs) out[len++] = '/', keep = 1;
  for (const char *p = path; *p;) {
    const char *end = strchr(p, '/');
    size_t k = end ? (size_t)(end - p) : strlen(p);
    if (k == 0 || (k == 1 && p[0] == '.')) {
      /* nothing */
    } else if (k == 2 && p[0] == '.' && p[1] == '.' && len > keep) {
      while (len > keep && out[len - 1] != '/') len--;   /* drop the last part */
      if (len > keep) len--;                              /* and its slash */
    } else if (k == 2 && p[0] == '.' && p[1] == '.' && abs) {
      /* "/.." is "/" */
    } else {
      if (len && out[len - 1] != '/') out[len++] = '/';
      memcpy(out + len, p, k);
      len += k;
      if (k == 2 && p[0] == '.' && p[1] == '.') keep = len;
    }
    p += k;
    while (*p == '/') p++;
  }
  if (!len) out[len++] = '.';
  out[len] = '\0';
  return out;
}

/* A foreign record: this header, then the file, identity and text bytes.
 * The header is written to the pipe as it lies in memory, so it has no
 * padding: padding bytes are never set, and writing them sends
 * uninitialised memory to another process (valgrind's complaint). */
typedef struct record {
  uint32_t flags;            /* RECORD_ERROR | RECORD_WARNING | RECORD_JSON */
  uint32_t file_len, id_len, text_len;
} record;
enum { RECORD_ERROR = 1, RECORD_WARNING = 2, RECORD_JSON = 4 };
_Static_assert(sizeof(record) == 4 * sizeof(uint32_t), "a foreign record's header has no padding");

void bt_put_foreign(FILE *foreign, const bt_foreign *f) {
  uint32_t flags = (f->is_error ? RECORD_ERROR : 0) | (f->is_warning ? RECORD_WARNING : 0) | (f->json ? RECORD_JSON : 0);
  record r = { flags, (uint32_t)strlen(f->file), (uint32_t)strlen(f->identity), (uint32_t)f->text_len };
  fwrite(&r, sizeof r, 1, foreign);
  fwrite(f->file, 1, r.file_len, foreign);
  fwrite(f->identity, 1, r.id_len, foreign);
  fwrite(f->text, 1, r.text_len, foreign);
}

/* What the parent process remembers across parts. */
typedef struct shared {
  ar_arena arena;
  ix_table given;            /* the files given, normalised */
  ix_table printed;          /* identities of foreign findings printed */
} shared;

static void shared_init(shared *sh, const char *const *paths, size_t n) {
  ar_init(&sh->arena);
  ix_init_set(&sh->given, &sh->arena);
  ix_init_set(&sh->printed, &sh->arena);
  for (size_t i = 0; i < n; i++) {
    const char *p = bt_normal_path(&sh->arena, paths[i]);
    ix_set_add(&sh->given, (sl_slice){ p, strlen(p) });
  }
}

/* Prints the foreign findings of data[0, n) not printed before and not in
 * a file given; -1 when the records are cut short. */
static int print_foreign(shared *sh, const char *data, size_t n, bt_counts *total, int *written) {
  while (n) {
    record r;
    if (n < sizeof r) return -1;
    memcpy(&r, data, sizeof r);
    size_t whole = sizeof r + (size_t)r.file_len + r.id_len + r.text_len;
    if (n < whole) return -1;
    const char *file = data + sizeof r, *id = file + r.file_len, *text = id + r.id_len;
    data += whole;
    n -= whole;
    if (r.file_len && ix_get(&sh->given, (sl_slice){ file, r.file_len })) continue;
    if (ix_set_add(&sh->printed, (sl_slice){ id, r.id_len })) continue;
    if (r.flags & RECORD_JSON) {
      if (*written) fputc(',', stdout);
      fwrite(text, 1, r.text_len, stdout);
      *written = 1;
    } else {
      fwrite(text, 1, r.text_len, stderr);
    }
    total->errors += (r.flags & RECORD_ERROR) != 0;
    total->warnings += (r.flags & RECORD_WARNING) != 0;
  }
  return 0;
}

/* ---- workers ---- */

/* What a worker sends back for each slice: its counts and the lengths of
 * what it wrote to stdout, stderr and as foreign findings, then those
 * bytes. */
typedef struct frame {
  bt_counts counts;
  size_t out_len, err_len, foreign_len;
} frame;

/* The whole run, as the parent process sees it. */
typedef struct run {
  size_t n, batch, nslices;
  size_t *starts;            /* slice k is [starts[k], starts[k + 1]) */
  int jobs;
  bt_fn fn;
  void *ud;
  long crash;                /* tests: the slice whose worker dies, or -1 */
} run;

/* A slice that has arrived (or failed), waiting for its turn to print. */
typedef struct slice {
  char *data;                /* its frame and bytes, malloc'd */
  size_t len;
  int arrived, failed;
} slice;

/* A worker process checks slices first, first + jobs, first + 2 jobs...
 * one after another, in one process: its pages, once touched, serve every
 * slice it checks (a process per slice touched fresh pages each time, and
 * the page faults cost more than the checking). */
typedef struct worker {
  pid_t pid;
  int fd;                    /* read end of its pipe, or -1 when it is done */
  size_t next;               /* the slice whose frame comes next */
  char *buf;                 /* bytes arrived and not yet cut into frames */
  size_t len, cap;
  int oom;                   /* it ended out of memory */
} worker;

/* The exit status of a worker that ran out of memory: it says nothing
 * itself, and the parent ends the run as out of memory (mem_oom), not as
 * a crash. */
enum { WORKER_EXIT_OOM = 4 };

static size_t slice_count(const run *r, size_t k) { return r->starts[k + 1] - r->starts[k]; }

/* Whether two paths are in the same directory, as spelled. */
static int same_dir(const char *a, const char *b) {
  const char *sa = strrchr(a, '/'), *sb = strrchr(b, '/');
  size_t na = sa ? (size_t)(sa - a) : 0, nb = sb ? (size_t)(sb - b) : 0;
  return na == nb && memcmp(a, b, na) == 0;
}

/* Where each slice starts: every `batch` files, moved on to the end of
 * the directory when that comes within half a batch more. A directory
 * holds a district's grassroots plans and then its own (hu.plan sorts
 * after g*.plan), so the district plan is read once, as one of the
 * slice's files, not again as a parent by the slice after. */
static size_t cut_slices(run *r, const char *const *paths) {
  size_t k = 0;
  r->starts[k++] = 0;
  for (size_t start = 0; start < r->n;) {
    size_t end = start + r->batch < r->n ? start + r->batch : r->n;
    size_t limit = end + r->batch / 2 < r->n ? end + r->batch / 2 : r->n;
    size_t moved = end;
    while (moved < limit && same_dir(paths[moved - 1], paths[moved])) moved++;
    if (moved < limit || moved == r->n) end = moved;
    r->starts[k++] = start = end;
  }
  return k - 1;
}

/* In the worker: check one slice into memory and send it. */
static int send_slice(int fd, const run *r, size_t k) {
  char *out = NULL, *err = NULL, *foreign = NULL;
  size_t nout = 0, nerr = 0, nforeign = 0;
  FILE *o = mem_memstream(&out, &nout), *e = mem_memstream(&err, &nerr), *x = mem_memstream(&foreign, &nforeign);
  frame f = { r->fn(r->ud, r->starts[k], slice_count(r, k), o, e, x), 0, 0, 0 };
  mem_close(o);
  mem_close(e);
  mem_close(x);
  f.out_len = nout;
  f.err_len = nerr;
  f.foreign_len = nforeign;
  int bad = src_write_all(fd, &f, sizeof f) || src_write_all(fd, out, nout) || src_write_all(fd, err, nerr) ||
            src_write_all(fd, foreign, nforeign);
  free(out);
  free(err);
  free(foreign);
  return bad ? -1 : 0;
}

static void worker_oom(void) { _exit(WORKER_EXIT_OOM); }

/* In the worker: its slices from `from` on, then leave without running
 * exit handlers (the parent owns the streams and the files). */
static void work(int fd, const run *r, size_t from) {
  mem_set_oom(worker_oom);
  for (size_t k = from; k < r->nslices; k += (size_t)r->jobs) {
    if ((long)k == r->crash) raise(SIGKILL);
    if (send_slice(fd, r, k) != 0) _exit(3);
  }
  _exit(0);
}

/* PLANCHECK_TEST_CRASH=K kills the worker as it begins slice K (from 0):
 * the tests see a worker die, its slice reported and the slices after it
 * checked by the worker started in its place. */
static long crash_slice(void) {
  const char *v = getenv("PLANCHECK_TEST_CRASH");
  char *end;
  long k = v && *v ? strtol(v, &end, 10) : -1;
  return v && *v && !*end && k >= 0 ? k : -1;
}

static int start(worker *w, const run *r, size_t from) {
  int p[2];
  if (pipe(p) != 0) return -1;
  fflush(stdout);            /* or the worker would print the buffered text again */
  fflush(stderr);
  pid_t pid = fork();
  if (pid < 0) { close(p[0]); close(p[1]); return -1; }
  if (pid == 0) {
    close(p[0]);
    work(p[1], r, from);
  }
  close(p[1]);
  *w = (worker){ pid, p[0], from, w->buf, 0, w->cap, 0 };
  return 0;
}

/* Marks `k` failed and starts a worker for the slices after it, so that
 * one crash costs one slice. */
static void fail_and_restart(worker *w, const run *r, slice *s) {
  size_t k = w->next;
  if (k >= r->nslices) return;
  s[k].failed = 1;
  w->next = k + (size_t)r->jobs;
  w->len = 0;
  if (w->next < r->nslices && start(w, r, w->next) != 0) {
    fprintf(stderr, _("plancheck: error: cannot start a worker: %s\n"), strerror(errno));
    for (size_t j = w->next; j < r->nslices; j += (size_t)r->jobs) s[j].failed = 1;
  }
}

static void reap(worker *w) {
  close(w->fd);
  w->fd = -1;
  int status = 0;
  while (waitpid(w->pid, &status, 0) < 0 && errno == EINTR) {}
  w->oom = WIFEXITED(status) && WEXITSTATUS(status) == WORKER_EXIT_OOM;
}

/* Cuts the whole frames out of what a worker sent, one slice each. */
static void cut_frames(worker *w, const run *r, slice *s) {
  size_t at = 0;
  while (w->next < r->nslices && w->len - at >= sizeof(frame)) {
    frame f;
    memcpy(&f, w->buf + at, sizeof f);
    size_t whole = sizeof f + f.out_len + f.err_len + f.foreign_len;
    if (w->len - at < whole) break;
    slice *sl = &s[w->next];
    sl->data = memcpy(mem_alloc(whole), w->buf + at, whole);
    sl->len = whole;
    sl->arrived = 1;
    at += whole;
    w->next += (size_t)r->jobs;
  }
  memmove(w->buf, w->buf + at, w->len - at);
  w->len -= at;
}

/* Reads what is there; at the end of the pipe, reaps the worker, and when
 * slices of its are missing, fails the first and restarts it. */
static void drain(worker *w, const run *r, slice *s) {
  if (w->cap - w->len < 65536) {
    w->cap = w->cap ? w->cap * 2 : 1 << 17;
    w->buf = mem_realloc(w->buf, w->cap);
  }
  ssize_t got = read(w->fd, w->buf + w->len, w->cap - w->len);
  if (got < 0 && errno == EINTR) return;
  if (got > 0) {
    w->len += (size_t)got;
    cut_frames(w, r, s);
    return;
  }
  reap(w);
  if (!w->oom) fail_and_restart(w, r, s);
}

/* Prints a slice and adds its counts; -1 when it is not whole. */
static int emit(shared *sh, const run *r, slice *sl, size_t k, bt_counts *total, int *written) {
  frame f;
  if (sl->failed || sl->len < sizeof f) goto bad;
  memcpy(&f, sl->data, sizeof f);
  if (sl->len != sizeof f + f.out_len + f.err_len + f.foreign_len || f.counts.lead > f.out_len) goto bad;
  if (print_foreign(sh, sl->data + sizeof f + f.out_len + f.err_len, f.foreign_len, total, written) != 0) goto bad;
  fwrite(sl->data + sizeof f + f.out_len, 1, f.err_len, stderr);
  size_t skip = *written ? 0 : f.counts.lead;
  fwrite(sl->data + sizeof f + skip, 1, f.out_len - skip, stdout);
  if (f.out_len > skip) *written = 1;
  total->errors += f.counts.errors;
  total->warnings += f.counts.warnings;
  total->unreadable += f.counts.unreadable;
  return 0;
bad:
  fprintf(stderr, _("plancheck: error: the worker checking files %zu to %zu did not finish\n"), r->starts[k] + 1,
          r->starts[k + 1]);
  return -1;
}

/* Waits for output from the running workers and takes it in; 0 when no
 * worker is running. */
static int gather(worker *w, const run *r, slice *s, struct pollfd *pfd, int *which) {
  nfds_t np = 0;
  for (int i = 0; i < r->jobs; i++)
    if (w[i].fd >= 0) { pfd[np] = (struct pollfd){ w[i].fd, POLLIN, 0 }; which[np++] = i; }
  if (!np) return 0;
  if (poll(pfd, np, -1) < 0) {
    if (errno == EINTR) return 1;
    fprintf(stderr, _("plancheck: error: waiting for the workers: %s\n"), strerror(errno));
    for (nfds_t i = 0; i < np; i++) {
      worker *x = &w[which[i]];
      reap(x);
      for (size_t j = x->next; j < r->nslices; j += (size_t)r->jobs) s[j].failed = 1;
      x->next = r->nslices;
    }
    return 1;
  }
  for (nfds_t i = 0; i < np; i++)
    if (pfd[i].revents) drain(&w[which[i]], r, s);
  return 1;
}

static int ran_out(const worker *w, int jobs) {
  for (int i = 0; i < jobs; i++)
    if (w[i].oom) return 1;
  return 0;
}

/* A worker ran out of memory: the run ends as out of memory, as it would
 * have in one process; the other workers are stopped first, not left to
 * write to a pipe nobody reads. */
static _Noreturn void stop_all(worker *w, int jobs) {
  for (int i = 0; i < jobs; i++)
    if (w[i].fd >= 0) {
      kill(w[i].pid, SIGKILL);
      reap(&w[i]);
    }
  mem_oom();
}

int bt_run(const char *const *paths, size_t n, size_t batch, int jobs, bt_fn fn, void *ud, bt_counts *total,
           int *written) {
  if (!n) return 0;
  run r = { n, batch < 1 ? 1 : batch, 0, NULL, jobs < 1 ? 1 : jobs, fn, ud, crash_slice() };
  r.starts = mem_calloc((n + r.batch - 1) / r.batch + 1, sizeof *r.starts);
  r.nslices = cut_slices(&r, paths);
  if ((size_t)r.jobs > r.nslices) r.jobs = (int)r.nslices;
  slice *s = mem_calloc(r.nslices, sizeof *s);
  worker *w = mem_calloc((size_t)r.jobs, sizeof *w);
  struct pollfd *pfd = mem_calloc((size_t)r.jobs, sizeof *pfd);
  int *which = mem_calloc((size_t)r.jobs, sizeof *which);
  shared sh;
  shared_init(&sh, paths, n);
  for (int i = 0; i < r.jobs; i++) {
    w[i].fd = -1;
    w[i].next = (size_t)i;
    if (start(&w[i], &r, (size_t)i) != 0) {
      fprintf(stderr, _("plancheck: error: cannot start a worker: %s\n"), strerror(errno));
      for (size_t j = (size_t)i; j < r.nslices; j += (size_t)r.jobs) s[j].failed = 1;
      w[i].next = r.nslices;
    }
  }
  int result = 0;
  for (size_t printed = 0; printed < r.nslices;) {
    if (!s[printed].arrived && !s[printed].failed) {
      if (!gather(w, &r, s, pfd, which)) s[printed].failed = 1;   /* cannot happen: said, not hung */
      if (ran_out(w, r.jobs)) stop_all(w, r.jobs);
      continue;
    }
    if (emit(&sh, &r, &s[printed], printed, total, written) != 0) result = -1;
    free(s[printed].data);
    s[printed].data = NULL;
    printed++;
  }
  for (int i = 0; i < r.jobs; i++) {
    if (w[i].fd >= 0) reap(&w[i]);
    free(w[i].buf);
  }
  fflush(stdout);
  fflush(stderr);
  ar_free(&sh.arena);
  free(r.starts);
  free(s);
  free(w);
  free(pfd);
  free(which);
  return result;
}
