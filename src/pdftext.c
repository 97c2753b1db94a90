/* pdftext: the lines of a PDF's text layer; see pdftext.h. */
#include "pdftext.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "diag.h"
#include "index.h"
#include "lang.h"
#include "mem.h"

extern char **environ;

enum { EDGE = 4 };           /* lines at each edge of a page that may be running */

/* ---- running pdftotext ---- */

typedef struct child {
  pid_t pid;
  int out, err;              /* read ends of its stdout and stderr */
  char *text;                /* stdout, malloc'd */
  size_t n, cap;
  char msg[512];             /* the start of stderr */
  size_t nmsg;
} child;

/* Starts pdftotext on the open PDF `fd` as its standard input. Returns 0,
 * or the errno of the failure. */
static int start(child *c, int fd) {
  int po[2], pe[2];
  if (pipe(po) != 0) return errno;
  if (pipe(pe) != 0) {
    int e = errno;
    close(po[0]), close(po[1]);
    return e;
  }
  /* Only the copies made for the child (0, 1, 2) reach it. */
  for (int i = 0; i < 2; i++) fcntl(po[i], F_SETFD, FD_CLOEXEC), fcntl(pe[i], F_SETFD, FD_CLOEXEC);
  posix_spawn_file_actions_t fa;
  int e = posix_spawn_file_actions_init(&fa);
  if (!e) e = posix_spawn_file_actions_adddup2(&fa, fd, 0);
  if (!e) e = posix_spawn_file_actions_adddup2(&fa, po[1], 1);
  if (!e) e = posix_spawn_file_actions_adddup2(&fa, pe[1], 2);
  /* "-" reads the PDF from standard input, so a file name that looks like
   * an option ("-x.pdf") means nothing to pdftotext, and the file read is
   * the one opened and checked. */
  char *argv[] = { "pdftotext", "-raw", "-enc", "UTF-8", "-", "-", NULL };
  if (!e) e = posix_spawnp(&c->pid, "pdftotext", &fa, NULL, argv, environ);
  posix_spawn_file_actions_destroy(&fa);
  close(po[1]), close(pe[1]);
  if (e) {
    close(po[0]), close(pe[0]);
    return mem_check(e);
  }
  c->out = po[0];
  c->err = pe[0];
  return 0;
}

/* Reads what is ready on one of the child's pipes; -1 at its end. */
static int drain(child *c, int fd) {
  char buf[1 << 16];
  ssize_t r = read(fd, buf, sizeof buf);
  if (r < 0) return errno == EINTR || errno == EAGAIN ? 0 : -1;
  if (r == 0) return -1;
  if (fd == c->err) {
    size_t k = (size_t)r < sizeof c->msg - 1 - c->nmsg ? (size_t)r : sizeof c->msg - 1 - c->nmsg;
    memcpy(c->msg + c->nmsg, buf, k);
    c->nmsg += k;
    return 0;
  }
  if (c->n + (size_t)r > c->cap) {
    while (c->n + (size_t)r > c->cap) c->cap = c->cap ? c->cap * 2 : 1 << 16;
    c->text = mem_realloc(c->text, c->cap);
  }
  memcpy(c->text + c->n, buf, (size_t)r);
  c->n += (size_t)r;
  return 0;
}

static long long now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Reads both pipes to their end, within the time limit and the size cap.
 * 0: done; 1: too slow; 2: too much text (the child is killed then). */
static int collect(child *c) {
  long long end = now_ms() + PF_SECONDS * 1000LL;
  int open_out = 1, open_err = 1;
  while (open_out || open_err) {
    struct pollfd p[2] = { { open_out ? c->out : -1, POLLIN, 0 }, { open_err ? c->err : -1, POLLIN, 0 } };
    long long left = end - now_ms();
    if (left <= 0) return 1;
    int k = poll(p, 2, (int)(left > 1000 ? 1000 : left));
    if (k < 0 && errno != EINTR) return 1;
    if (k <= 0) continue;
    if (open_out && (p[0].revents & (POLLIN | POLLHUP | POLLERR)) && drain(c, c->out) < 0) open_out = 0;
    if (open_err && (p[1].revents & (POLLIN | POLLHUP | POLLERR)) && drain(c, c->err) < 0) open_err = 0;
    if (c->n > PF_MAX_TEXT) return 2;
  }
  return 0;
}

/* Waits for the child (killed first when `kill_it`); its wait status. */
static int finish(child *c, int kill_it) {
  if (kill_it) kill(c->pid, SIGKILL);
  close(c->out), close(c->err);
  int st = 0;
  while (waitpid(c->pid, &st, 0) < 0 && errno == EINTR) {}
  return st;
}

/* What went wrong, from how pdftotext ended and what it said. */
static const char *exit_error(ar_arena *a, int st, const child *c) {
  if (WIFSIGNALED(st)) return dg_fmt(a, _("pdftotext was stopped by signal %d"), WTERMSIG(st));
  int code = WEXITSTATUS(st);
  /* posix_spawnp reports a program it cannot run as exit 127 on some
   * systems instead of an error. */
  if (code == 127) return _("pdftotext not found: install the Debian package poppler-utils");
  if (code == 3) return _("the PDF does not allow its text to be copied");
  if (code == 1 && (strstr(c->msg, "assword") || strstr(c->msg, "ncrypt")))
    return _("the PDF is protected by a password");
  if (code == 1) return _("not a PDF file, or a damaged one");
  return dg_fmt(a, _("pdftotext failed (exit status %d)"), code);
}

/* ---- pages: running headers and footers ---- */

/* A line's key: trimmed, spaces collapsed, every run of digits one '#'. */
static sl_slice line_key(ar_arena *a, const char *s, size_t n) {
  char *k = ar_alloc_text(a, n);
  size_t m = 0;
  for (size_t i = 0; i < n; i++) {
    char ch = s[i];
    if (ch == ' ' || ch == '\t' || ch == '\r') {
      if (m && k[m - 1] != ' ') k[m++] = ' ';
    } else if (ch >= '0' && ch <= '9') {
      if (!m || k[m - 1] != '#') k[m++] = '#';
    } else {
      k[m++] = ch;
    }
  }
  if (m && k[m - 1] == ' ') m--;
  return (sl_slice){ k, m };
}

/* How many pages have a line of this key at their top and bottom. */
typedef struct edge_count {
  sl_slice key;
  size_t top, bottom;
  size_t last_top, last_bottom;   /* the last page counted, plus one */
} edge_count;

static sl_slice edge_key(const void *v) { return ((const edge_count *)v)->key; }

typedef struct line { const char *s; size_t n; } line;

static int blank(line l) {
  for (size_t i = 0; i < l.n; i++)
    if (l.s[i] != ' ' && l.s[i] != '\t' && l.s[i] != '\r') return 0;
  return 1;
}

/* The lines of a page, without their line breaks. */
static line *page_lines(ar_arena *a, const char *s, size_t n, size_t *count) {
  line *v = NULL;
  size_t cap = 0, k = 0;
  for (size_t i = 0; i < n;) {
    const char *e = memchr(s + i, '\n', n - i);
    size_t len = e ? (size_t)(e - (s + i)) : n - i;
    v = ar_grow(a, v, sizeof *v, &cap, k + 1);
    v[k++] = (line){ s + i, len };
    i += len + 1;
  }
  *count = k;
  return v;
}

/* The non-blank line `j` places from the top (bottom: from the bottom),
 * or -1. */
static long edge_line(const line *v, size_t n, size_t j, int bottom) {
  for (size_t i = 0, seen = 0; i < n; i++) {
    size_t at = bottom ? n - 1 - i : i;
    if (blank(v[at])) continue;
    if (seen++ == j) return (long)at;
  }
  return -1;
}

static void count_edges(ar_arena *a, ix_table *t, const line *v, size_t n, size_t page) {
  for (int bottom = 0; bottom < 2; bottom++)
    for (size_t j = 0; j < EDGE; j++) {
      long at = edge_line(v, n, j, bottom);
      if (at < 0) break;
      sl_slice key = line_key(a, v[at].s, v[at].n);
      edge_count *c = ix_get(t, key);
      if (!c) {
        c = ar_alloc(a, sizeof *c);
        c->key = key;
        ix_put(t, c);
      }
      size_t *cnt = bottom ? &c->bottom : &c->top, *last = bottom ? &c->last_bottom : &c->last_top;
      if (*last != page + 1) (*cnt)++, *last = page + 1;
    }
}

/* The number of a line that is a page number alone ("3", "- 3 -",
 * "Trang 3", "Trang 3/12", "3/12", "Page 3 of 12"), or -1. */
static long page_number(line l) {
  const char *s = l.s, *e = l.s + l.n;
  while (s < e && (*s == ' ' || *s == '\t' || *s == '-' || *s == '\r')) s++;
  while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '-' || e[-1] == '\r')) e--;
  static const char *const words[] = { "Trang ", "trang ", "TRANG ", "Page ", "page " };
  for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
    size_t w = strlen(words[i]);
    if ((size_t)(e - s) > w && memcmp(s, words[i], w) == 0) { s += w; break; }
  }
  long v = 0;
  int digits = 0;
  for (; s < e && *s >= '0' && *s <= '9' && digits < 7; s++, digits++) v = v * 10 + (*s - '0');
  if (!digits) return -1;
  while (s < e && *s == ' ') s++;
  if (s < e && (*s == '/' || (e - s > 3 && memcmp(s, "of ", 3) == 0))) {
    s += *s == '/' ? 1 : 3;
    while (s < e && *s == ' ') s++;
    while (s < e && *s >= '0' && *s <= '9') s++;
  }
  return s == e ? v : -1;
}

/* Whether a line at an edge of page `no` (1-based) is running there. A
 * page number goes only when it is the page's own: counted with the
 * others, digits aside, a number in the text ("15" at the top of a
 * table) would look like one. */
static int running(ar_arena *a, ix_table *t, line l, int bottom, size_t npages, size_t no) {
  long v = page_number(l);
  if (v >= 0) return (size_t)v == no;
  edge_count *c = ix_get(t, line_key(a, l.s, l.n));
  size_t k = c ? (bottom ? c->bottom : c->top) : 0;
  return k >= 2 && 2 * k > npages;
}

/* Marks the running lines at the two edges of a page as dropped. */
static void drop_edges(ar_arena *a, ix_table *t, line *v, size_t n, size_t npages, size_t no) {
  for (int bottom = 0; bottom < 2; bottom++)
    for (size_t j = 0; j < EDGE; j++) {
      long at = edge_line(v, n, 0, bottom);
      if (at < 0 || !running(a, t, v[at], bottom, npages, no)) break;
      v[at].n = 0;
    }
}

/* Gives the kept lines of a page: the first non-blank one marked IM_PAGE,
 * runs of blank lines one empty line, none at the page's edges. */
static void emit_page(ar_arena *a, const line *v, size_t n, im_text *out) {
  int first = 1, gap = 0;
  for (size_t i = 0; i < n; i++) {
    if (blank(v[i])) { gap = !first; continue; }
    if (gap) im_add(a, out, "", 0, 0);
    size_t len = v[i].n;
    while (len && (v[i].s[len - 1] == ' ' || v[i].s[len - 1] == '\r')) len--;
    im_add(a, out, v[i].s, len, first ? IM_PAGE : 0);
    first = gap = 0;
  }
}

void pf_pages(ar_arena *a, const char *const *pages, const size_t *lens, size_t n, im_text *out) {
  ar_arena tmp;
  ar_init(&tmp);
  ix_table t;
  ix_init(&t, &tmp, edge_key);
  line **lines = ar_alloc(&tmp, (n ? n : 1) * sizeof *lines);
  size_t *counts = ar_alloc(&tmp, (n ? n : 1) * sizeof *counts);
  for (size_t p = 0; p < n; p++) {
    lines[p] = page_lines(&tmp, pages[p], lens[p], &counts[p]);
    count_edges(&tmp, &t, lines[p], counts[p], p);
  }
  for (size_t p = 0; p < n; p++) {
    drop_edges(&tmp, &t, lines[p], counts[p], n, p + 1);
    emit_page(a, lines[p], counts[p], out);
  }
  ar_free(&tmp);
}

/* Splits pdftotext's output at its form feeds (one after every page). */
static void split_pages(ar_arena *a, const char *s, size_t n, im_text *out) {
  ar_arena tmp;
  ar_init(&tmp);
  const char **pages = NULL;
  size_t *lens = NULL, cap = 0, cap2 = 0, k = 0;
  for (size_t i = 0; i < n;) {
    const char *e = memchr(s + i, '\f', n - i);
    size_t len = e ? (size_t)(e - (s + i)) : n - i;
    pages = ar_grow(&tmp, pages, sizeof *pages, &cap, k + 1);
    lens = ar_grow(&tmp, lens, sizeof *lens, &cap2, k + 1);
    pages[k] = s + i;
    lens[k++] = len;
    i += len + 1;
  }
  pf_pages(a, pages, lens, k, out);
  ar_free(&tmp);
}

static int has_text(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (s[i] != ' ' && s[i] != '\n' && s[i] != '\f' && s[i] != '\t' && s[i] != '\r') return 1;
  return 0;
}

int pf_read(ar_arena *a, const char *path, im_text *out, const char **error) {
  int fd = im_open(path, error);
  if (fd < 0) return -1;
  child c = { 0 };
  int e = start(&c, fd);
  close(fd);
  if (e == ENOENT) { *error = _("pdftotext not found: install the Debian package poppler-utils"); return -1; }
  if (e) { *error = dg_fmt(a, _("cannot run pdftotext: %s"), strerror(e)); return -1; }
  int got = collect(&c);
  int st = finish(&c, got != 0);
  int rc = -1;
  if (got == 1) *error = dg_fmt(a, _("pdftotext took longer than %d seconds; stopped"), PF_SECONDS);
  else if (got == 2) *error = dg_fmt(a, _("the text of the PDF is larger than %zu MiB; not read"), PF_MAX_TEXT >> 20);
  else if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) *error = exit_error(a, st, &c);
  else if (!has_text(c.text, c.n)) *error = _("the PDF has no text layer (a scanned document?): run OCR on it first");
  else {
    split_pages(a, c.text, c.n, out);
    rc = 0;
  }
  free(c.text);
  return rc;
}
