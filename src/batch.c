/* batch: the header index and the worker processes; see batch.h. */
#include "batch.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "index.h"
#include "parse.h"

/* ---- the header index ---- */

/* One file's header, parsed in a model of its own that is thrown away;
 * `scratch` is emptied for the next file. The file is read as it is, not
 * through the run's source table: it will be loaded again, whole, by the
 * part that checks it. */
static void read_header(ar_arena *a, ar_arena *scratch, bt_header *h) {
  char *data;
  size_t len;
  if (src_read(h->path, &data, &len) != 0) return;
  src_table src;
  src_init(&src);
  dg_list diags;
  dg_init(&diags, scratch);
  md_model m;
  md_init(&m, scratch, &src, &diags);
  uint32_t file;
  if (src_add_memory(&src, h->path, data, len, &file) == SRC_OK) {
    ps_result r;
    ps_parse_header(&m, file, &r);
    if (r.plan) {
      h->key = ar_slice_dup(a, r.plan->key);
      for (md_parent *p = r.plan->parents; p; p = p->next) h->nparents++;
      h->parents = ar_alloc(a, (h->nparents ? h->nparents : 1) * sizeof *h->parents);
      size_t i = 0;
      for (md_parent *p = r.plan->parents; p; p = p->next, i++)
        h->parents[i] = (bt_parent){ ar_slice_dup(a, p->number.value), ar_slice_dup(a, p->path.value) };
    }
  }
  src_free(&src);
  free(data);
  ar_reset(scratch);
}

static sl_slice header_key(const void *v) { return ((const bt_header *)v)->key; }

bt_header *bt_index(ar_arena *a, const char *const *paths, size_t n) {
  bt_header *v = ar_alloc(a, (n ? n : 1) * sizeof *v);
  ix_table by_key;
  ix_init(&by_key, a, header_key);
  ar_arena scratch;
  ar_init(&scratch);
  for (size_t i = 0; i < n; i++) {
    v[i].path = paths[i];
    read_header(a, &scratch, &v[i]);
    if (v[i].key.n) ix_put(&by_key, &v[i]);
  }
  ar_free(&scratch);
  for (size_t i = 0; i < n; i++)
    for (size_t k = 0; k < v[i].nparents; k++) {
      bt_header *parent = ix_get(&by_key, v[i].parents[k].number);
      if (parent) parent->is_parent = 1;
    }
  return v;
}

/* ---- workers ---- */

/* What a worker sends back: its counts and the lengths of what it wrote
 * to stdout and stderr, then those bytes. */
typedef struct frame {
  bt_counts counts;
  size_t out_len, err_len;
} frame;

typedef struct slice {
  pid_t pid;
  int fd;                    /* read end of the worker's pipe, or -1 */
  char *buf;                 /* what has arrived */
  size_t len, cap;
  int done, failed;
} slice;

static int write_all(int fd, const void *data, size_t n) {
  const char *p = data;
  while (n > 0) {
    ssize_t w = write(fd, p, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return -1;
    p += w;
    n -= (size_t)w;
  }
  return 0;
}

/* In the worker: check the slice into memory, send it, and leave without
 * running exit handlers (the parent owns the streams and the files). */
static void work(int fd, bt_fn fn, void *ud, size_t first, size_t count) {
  char *out = NULL, *err = NULL;
  size_t nout = 0, nerr = 0;
  FILE *o = open_memstream(&out, &nout), *e = open_memstream(&err, &nerr);
  if (!o || !e) _exit(3);
  frame f = { fn(ud, first, count, o, e), 0, 0 };
  if (fclose(o) != 0 || fclose(e) != 0) _exit(3);
  f.out_len = nout;
  f.err_len = nerr;
  int bad = write_all(fd, &f, sizeof f) || write_all(fd, out, nout) || write_all(fd, err, nerr);
  _exit(bad ? 3 : 0);
}

static int start(slice *s, bt_fn fn, void *ud, size_t first, size_t count) {
  int p[2];
  if (pipe(p) != 0) return -1;
  fflush(stdout);            /* or the worker would print the buffered text again */
  fflush(stderr);
  pid_t pid = fork();
  if (pid < 0) { close(p[0]); close(p[1]); return -1; }
  if (pid == 0) {
    close(p[0]);
    work(p[1], fn, ud, first, count);
  }
  close(p[1]);
  s->pid = pid;
  s->fd = p[0];
  return 0;
}

static void reap(slice *s) {
  close(s->fd);
  s->fd = -1;
  int status = 0;
  pid_t r;
  while ((r = waitpid(s->pid, &status, 0)) < 0 && errno == EINTR) {}
  if (r < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) s->failed = 1;
  s->done = 1;
}

/* Reads what is there; at the end of the pipe, reaps the worker. */
static void drain(slice *s) {
  if (s->cap - s->len < 65536) {
    size_t cap = s->cap ? s->cap * 2 : 1 << 17;
    char *b = realloc(s->buf, cap);
    if (!b) { s->failed = 1; reap(s); return; }
    s->buf = b;
    s->cap = cap;
  }
  ssize_t r = read(s->fd, s->buf + s->len, s->cap - s->len);
  if (r < 0 && errno == EINTR) return;
  if (r > 0) { s->len += (size_t)r; return; }
  if (r < 0) s->failed = 1;
  reap(s);
}

/* Prints a finished slice and adds its counts; -1 when it is not whole. */
static int emit(slice *s, size_t first, size_t count, bt_counts *total, int *written) {
  frame f;
  if (s->failed || s->len < sizeof f) goto bad;
  memcpy(&f, s->buf, sizeof f);
  if (s->len != sizeof f + f.out_len + f.err_len || f.counts.lead > f.out_len) goto bad;
  fwrite(s->buf + sizeof f + f.out_len, 1, f.err_len, stderr);
  size_t skip = *written ? 0 : f.counts.lead;
  fwrite(s->buf + sizeof f + skip, 1, f.out_len - skip, stdout);
  if (f.out_len > skip) *written = 1;
  total->errors += f.counts.errors;
  total->warnings += f.counts.warnings;
  total->unreadable += f.counts.unreadable;
  return 0;
bad:
  fprintf(stderr, "plancheck: error: the worker checking files %zu to %zu did not finish\n", first + 1,
          first + count);
  return -1;
}

int bt_run(size_t n, size_t batch, int jobs, bt_fn fn, void *ud, bt_counts *total, int *written) {
  if (!n) return 0;
  if (batch < 1) batch = 1;
  if (jobs < 1) jobs = 1;
  size_t nslices = (n + batch - 1) / batch, started = 0, printed = 0;
  slice *s = calloc(nslices, sizeof *s);
  struct pollfd *pfd = calloc((size_t)jobs, sizeof *pfd);
  size_t *which = calloc((size_t)jobs, sizeof *which);
  int result = 0;
  if (!s || !pfd || !which) { free(s); free(pfd); free(which); return -1; }
  while (printed < nslices) {
    int running = 0;
    for (size_t k = printed; k < started; k++) running += !s[k].done;
    while (running < jobs && started < nslices) {
      size_t first = started * batch, count = first + batch > n ? n - first : batch;
      s[started].fd = -1;
      if (start(&s[started], fn, ud, first, count) != 0) {
        fprintf(stderr, "plancheck: error: cannot start a worker: %s\n", strerror(errno));
        s[started].failed = s[started].done = 1;
      } else {
        running++;
      }
      started++;
    }
    nfds_t np = 0;
    for (size_t k = printed; k < started; k++)
      if (!s[k].done) { pfd[np] = (struct pollfd){ s[k].fd, POLLIN, 0 }; which[np++] = k; }
    if (np && poll(pfd, np, -1) < 0 && errno != EINTR) {
      fprintf(stderr, "plancheck: error: waiting for the workers: %s\n", strerror(errno));
      for (nfds_t i = 0; i < np; i++) { s[which[i]].failed = 1; reap(&s[which[i]]); }
    }
    for (nfds_t i = 0; i < np; i++)
      if (pfd[i].revents) drain(&s[which[i]]);
    for (; printed < started && s[printed].done; printed++) {
      size_t first = printed * batch;
      if (emit(&s[printed], first, first + batch > n ? n - first : batch, total, written) != 0) result = -1;
      free(s[printed].buf);
      s[printed].buf = NULL;
    }
  }
  fflush(stdout);
  fflush(stderr);
  free(s);
  free(pfd);
  free(which);
  return result;
}
