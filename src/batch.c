/* batch: the worker processes and what they hand back; see batch.h. */
#include "batch.h"

#include <errno.h>
#include <poll.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "index.h"

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

/* A foreign record: this header, then the file, identity and text bytes. */
typedef struct record {
  unsigned char is_error, is_warning, json;
  uint32_t file_len, id_len, text_len;
} record;

void bt_put_foreign(FILE *foreign, const bt_foreign *f) {
  record r = { (unsigned char)f->is_error, (unsigned char)f->is_warning, (unsigned char)f->json,
               (uint32_t)strlen(f->file), (uint32_t)strlen(f->identity), (uint32_t)f->text_len };
  fwrite(&r, sizeof r, 1, foreign);
  fwrite(f->file, 1, r.file_len, foreign);
  fwrite(f->identity, 1, r.id_len, foreign);
  fwrite(f->text, 1, r.text_len, foreign);
}

/* A string in one of the parent process's sets. */
typedef struct known {
  sl_slice key;
} known;

static sl_slice known_key(const void *v) { return ((const known *)v)->key; }

/* Adds `key` (copied into the arena) to the set; 1 when it was there. */
static int add_known(ar_arena *a, ix_table *set, sl_slice key) {
  if (ix_get(set, key)) return 1;
  known *k = ar_alloc(a, sizeof *k);
  k->key = ar_slice_dup(a, key);
  ix_put(set, k);
  return 0;
}

/* What the parent process remembers across parts. */
typedef struct shared {
  ar_arena arena;
  ix_table given;            /* the files given, normalised */
  ix_table printed;          /* identities of foreign findings printed */
} shared;

static void shared_init(shared *sh, const char *const *paths, size_t n) {
  ar_init(&sh->arena);
  ix_init(&sh->given, &sh->arena, known_key);
  ix_init(&sh->printed, &sh->arena, known_key);
  for (size_t i = 0; i < n; i++) {
    const char *p = bt_normal_path(&sh->arena, paths[i]);
    add_known(&sh->arena, &sh->given, (sl_slice){ p, strlen(p) });
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
    if (add_known(&sh->arena, &sh->printed, (sl_slice){ id, r.id_len })) continue;
    if (r.json) {
      if (*written) fputc(',', stdout);
      fwrite(text, 1, r.text_len, stdout);
      *written = 1;
    } else {
      fwrite(text, 1, r.text_len, stderr);
    }
    total->errors += r.is_error;
    total->warnings += r.is_warning;
  }
  return 0;
}

/* ---- workers ---- */

/* What a worker sends back: its counts and the lengths of what it wrote
 * to stdout, stderr and as foreign findings, then those bytes. */
typedef struct frame {
  bt_counts counts;
  size_t out_len, err_len, foreign_len;
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
  char *out = NULL, *err = NULL, *foreign = NULL;
  size_t nout = 0, nerr = 0, nforeign = 0;
  FILE *o = open_memstream(&out, &nout), *e = open_memstream(&err, &nerr), *x = open_memstream(&foreign, &nforeign);
  if (!o || !e || !x) _exit(3);
  frame f = { fn(ud, first, count, o, e, x), 0, 0, 0 };
  if (fclose(o) != 0 || fclose(e) != 0 || fclose(x) != 0) _exit(3);
  f.out_len = nout;
  f.err_len = nerr;
  f.foreign_len = nforeign;
  int bad = write_all(fd, &f, sizeof f) || write_all(fd, out, nout) || write_all(fd, err, nerr) ||
            write_all(fd, foreign, nforeign);
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
static int emit(shared *sh, slice *s, size_t first, size_t count, bt_counts *total, int *written) {
  frame f;
  if (s->failed || s->len < sizeof f) goto bad;
  memcpy(&f, s->buf, sizeof f);
  if (s->len != sizeof f + f.out_len + f.err_len + f.foreign_len || f.counts.lead > f.out_len) goto bad;
  if (print_foreign(sh, s->buf + sizeof f + f.out_len + f.err_len, f.foreign_len, total, written) != 0) goto bad;
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

int bt_run(const char *const *paths, size_t n, size_t batch, int jobs, bt_fn fn, void *ud, bt_counts *total,
           int *written) {
  if (!n) return 0;
  if (batch < 1) batch = 1;
  if (jobs < 1) jobs = 1;
  size_t nslices = (n + batch - 1) / batch, started = 0, printed = 0;
  slice *s = calloc(nslices, sizeof *s);
  struct pollfd *pfd = calloc((size_t)jobs, sizeof *pfd);
  size_t *which = calloc((size_t)jobs, sizeof *which);
  int result = 0;
  if (!s || !pfd || !which) { free(s); free(pfd); free(which); return -1; }
  shared sh;
  shared_init(&sh, paths, n);
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
      if (emit(&sh, &s[printed], first, first + batch > n ? n - first : batch, total, written) != 0) result = -1;
      free(s[printed].buf);
      s[printed].buf = NULL;
    }
  }
  fflush(stdout);
  fflush(stderr);
  ar_free(&sh.arena);
  free(s);
  free(pfd);
  free(which);
  return result;
}
