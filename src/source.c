/* source: reading files and mapping offsets to positions; see source.h. */
/* d_type in struct dirent, beside the POSIX the build asks for. */
#define _DEFAULT_SOURCE
#include "source.h"

#include <errno.h>
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "text.h"

typedef struct key_entry {
  sl_slice key;
  uint32_t index;
} key_entry;

static sl_slice entry_key(const void *v) { return ((const key_entry *)v)->key; }

static void index_file(src_table *t, uint32_t i) {
  key_entry *e = ar_alloc(&t->arena, sizeof *e);
  e->key = (sl_slice){ t->files[i].key, strlen(t->files[i].key) };
  e->index = i;
  ix_put(&t->by_key, e);
}

/* A directory read by src_may_exist: its path and the names in it. */
typedef struct listing {
  sl_slice dir;
  ix_table names;            /* a set of the names in it */
  int unreadable;
} listing;

static sl_slice listing_key(const void *v) { return ((const listing *)v)->dir; }

void src_init(src_table *t) {
  memset(t, 0, sizeof *t);
  ar_init(&t->arena);
  ix_init(&t->by_key, &t->arena, entry_key);
  ix_init(&t->listed, &t->arena, listing_key);
}

static void free_file(src_file *f) {
  if (f->owned) free((char *)f->data);
  free((char *)f->path);
  free((char *)f->key);
  free(f->lines);
  free(f->marks);
}

void src_truncate(src_table *t, size_t n) {
  if (n >= t->n) return;
  for (size_t i = n; i < t->n; i++) free_file(&t->files[i]);
  t->n = n;
  /* The index cannot drop entries: it is built again for the files kept
   * (a few scripts), and the old one is left in the arena. */
  ix_init(&t->by_key, &t->arena, entry_key);
  for (size_t i = 0; i < n; i++) index_file(t, (uint32_t)i);
}

void src_free(src_table *t) {
  for (size_t i = 0; i < t->n; i++) free_file(&t->files[i]);
  free(t->files);
  ar_free(&t->arena);
  memset(t, 0, sizeof *t);
}

static char *xstrdup(const char *s) {
  size_t n = strlen(s) + 1;
  char *d = malloc(n);
  if (d) memcpy(d, s, n);
  return d;
}

/* The key of a file on disk. The '@' keeps it apart from in-memory names. */
static void disk_key(const struct stat *st, char buf[48]) {
  snprintf(buf, 48, "@%llx:%llx", (unsigned long long)st->st_dev, (unsigned long long)st->st_ino);
}

static long find_key(const src_table *t, const char *key) {
  const key_entry *e = ix_get(&t->by_key, (sl_slice){ key, strlen(key) });
  return e ? (long)e->index : -1;
}

long src_find(const src_table *t, const char *path) {
  long found = find_key(t, path);
  struct stat st;
  if (found >= 0 || stat(path, &st) != 0) return found;
  char key[48];
  disk_key(&st, key);
  return find_key(t, key);
}

static int append(src_table *t, src_file f, uint32_t *index) {
  if (t->n == t->cap) {
    size_t cap = t->cap ? t->cap * 2 : 16;
    src_file *nf = realloc(t->files, cap * sizeof *nf);
    if (!nf) return -1;
    t->files = nf;
    t->cap = cap;
  }
  t->files[t->n] = f;
  index_file(t, (uint32_t)t->n);
  *index = (uint32_t)t->n++;
  return 0;
}

/* Reads the whole of fd into a NUL-terminated malloc'd buffer. A regular
 * file is taken as whole once its size is read (a file that grows while it
 * is read is not waited for): that saves the read that would only see the
 * end, one system call per file. `size_hint` is that size, or 0 when the
 * size is unknown (a pipe): then it reads to the end. */
static int read_all(int fd, size_t size_hint, char **out, size_t *len) {
  size_t cap = size_hint ? size_hint + 1 : 4096, n = 0;
  char *buf = malloc(cap + 1);
  if (!buf) return ENOMEM;
  for (;;) {
    if (n == cap) {
      if (cap > (size_t)UINT32_MAX) { free(buf); return EFBIG; }
      cap *= 2;
      char *nb = realloc(buf, cap + 1);
      if (!nb) { free(buf); return ENOMEM; }
      buf = nb;
    }
    ssize_t r = read(fd, buf + n, cap - n);
    if (r < 0) {
      if (errno == EINTR) continue;
      int e = errno;
      free(buf);
      return e;
    }
    if (r == 0) break;
    n += (size_t)r;
    if (size_hint && n == size_hint) break;
  }
  buf[n] = '\0';
  *out = buf;
  *len = n;
  return 0;
}

int src_read(const char *path, char **data, size_t *len) {
  int fd = open(path, O_RDONLY);
  if (fd < 0) return errno;
  struct stat st;
  int e = fstat(fd, &st) != 0 ? errno : S_ISDIR(st.st_mode) ? EISDIR : 0;
  if (!e) e = read_all(fd, S_ISREG(st.st_mode) ? (size_t)st.st_size : 0, data, len);
  close(fd);
  return e;
}

static int write_all(int fd, const char *data, size_t n) {
  while (n > 0) {
    ssize_t w = write(fd, data, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    data += w;
    n -= (size_t)w;
  }
  return 0;
}

char *src_write_temp(const char *path, const char *data, size_t n, int *err_no) {
  size_t len = strlen(path);
  char *tmp = malloc(len + 8);
  if (!tmp) { *err_no = ENOMEM; return NULL; }
  memcpy(tmp, path, len);
  memcpy(tmp + len, ".XXXXXX", 8);
  int fd = mkstemp(tmp);
  if (fd < 0) { *err_no = errno; free(tmp); return NULL; }
  struct stat st;
  int e = write_all(fd, data, n);
  /* Keep the file's permissions: mkstemp creates it 0600. */
  if (!e && stat(path, &st) == 0 && fchmod(fd, st.st_mode & 07777) != 0) e = errno;
  if (!e && fsync(fd) != 0) e = errno;
  if (close(fd) != 0 && !e) e = errno;
  if (!e) return tmp;
  unlink(tmp);
  free(tmp);
  *err_no = e;
  return NULL;
}

int src_replace(char *tmp, const char *path) {
  int e = rename(tmp, path) != 0 ? errno : 0;
  if (e) unlink(tmp);
  free(tmp);
  return e;
}

void src_discard(char *tmp) {
  unlink(tmp);
  free(tmp);
}

static src_status open_error(int e) {
  return e == ENOENT || e == ENOTDIR ? SRC_NOT_FOUND : SRC_UNREADABLE;
}

src_status src_load(src_table *t, const char *path, uint32_t *index, int *err_no) {
  *err_no = 0;
  int fd = open(path, O_RDONLY);
  if (fd < 0) { *err_no = errno; return open_error(errno); }
  struct stat st;
  if (fstat(fd, &st) != 0) { *err_no = errno; close(fd); return SRC_UNREADABLE; }
  if (S_ISDIR(st.st_mode)) { close(fd); *err_no = EISDIR; return SRC_IS_DIR; }
  char key[48];
  disk_key(&st, key);
  long found = find_key(t, key);
  if (found >= 0) { close(fd); *index = (uint32_t)found; return SRC_ALREADY; }
  if (st.st_size >= (off_t)UINT32_MAX) { close(fd); *err_no = EFBIG; return SRC_TOO_LARGE; }
  char *data = NULL;
  size_t len = 0;
  int e = read_all(fd, S_ISREG(st.st_mode) ? (size_t)st.st_size : 0, &data, &len);
  close(fd);
  if (e) { *err_no = e; return e == EFBIG ? SRC_TOO_LARGE : SRC_UNREADABLE; }
  src_file f = { xstrdup(path), xstrdup(key), data, len, 1, NULL, 0, NULL };
  if (!f.path || !f.key || append(t, f, index) != 0) {
    free((char *)f.path); free((char *)f.key); free(data);
    *err_no = ENOMEM;
    return SRC_UNREADABLE;
  }
  return SRC_OK;
}

static listing *read_listing(src_table *t, sl_slice dir) {
  listing *l = ar_alloc(&t->arena, sizeof *l);
  l->dir = ar_slice_dup(&t->arena, dir);
  ix_init_set(&l->names, &t->arena);
  ix_put(&t->listed, l);
  DIR *d = opendir(dir.n ? l->dir.p : ".");
  if (!d) { l->unreadable = 1; return l; }
  for (struct dirent *e; (e = readdir(d)) != NULL;)
    ix_set_add(&l->names, (sl_slice){ e->d_name, strlen(e->d_name) });
  closedir(d);
  return l;
}

int src_may_exist(src_table *t, const char *path) {
  const char *slash = strrchr(path, '/');
  sl_slice dir = slash ? (sl_slice){ path, (size_t)(slash - path + 1) } : SL_NONE;
  const char *name = slash ? slash + 1 : path;
  listing *l = ix_get(&t->listed, dir);
  if (!l) l = read_listing(t, dir);
  return l->unreadable || ix_get(&l->names, (sl_slice){ name, strlen(name) }) != NULL;
}

src_status src_add_memory(src_table *t, const char *name, const char *data, size_t size, uint32_t *index) {
  long found = find_key(t, name);
  if (found >= 0) { *index = (uint32_t)found; return SRC_ALREADY; }
  src_file f = { xstrdup(name), xstrdup(name), data, size, 0, NULL, 0, NULL };
  if (!f.path || !f.key || append(t, f, index) != 0) {
    free((char *)f.path); free((char *)f.key);
    return SRC_UNREADABLE;
  }
  return SRC_OK;
}

/* Line starts, counting LF as the terminator (a CR before it belongs to the
 * terminator and is cut by src_line). */
static int build_lines(src_file *f) {
  size_t cap = 64, n = 0;
  uint32_t *lines = malloc(cap * sizeof *lines);
  if (!lines) return -1;
  lines[n++] = 0;
  for (size_t i = 0; i < f->size; i++) {
    if (f->data[i] != '\n') continue;
    if (n == cap) {
      cap *= 2;
      uint32_t *nl = realloc(lines, cap * sizeof *nl);
      if (!nl) { free(lines); return -1; }
      lines = nl;
    }
    lines[n++] = (uint32_t)(i + 1);
  }
  f->lines = lines;
  f->nlines = n;
  return 0;
}

static size_t line_index(src_file *f, uint32_t off) {
  size_t lo = 0, hi = f->nlines;
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if (f->lines[mid] <= off) lo = mid; else hi = mid;
  }
  return lo;
}

uint32_t src_line_offset(src_table *t, uint32_t file, uint32_t line) {
  src_file *f = &t->files[file];
  if (line == 0 || (!f->lines && build_lines(f) != 0)) return 0;
  if (line > f->nlines) return (uint32_t)f->size;
  return f->lines[line - 1];
}

/* A place on a line and its column there (code points from the line's
 * start, less one): one a SRC_MARK_STEP bytes of the file, at the first
 * code point that starts at or after the step, so that the column of a
 * place far into a long line is counted from the mark before it rather
 * than from the line's start (a task with a hundred thousand links on
 * one line has as many findings there). */
typedef struct src_mark {
  uint32_t off, col;
} src_mark;

enum { SRC_MARK_STEP = 256 };

/* Where the column count of line `li` starts: its first byte, or after a
 * byte-order mark, which is not a column. */
static uint32_t line_start(const src_file *f, size_t li) {
  if (li == 0 && f->size >= 3 && memcmp(f->data, "\xEF\xBB\xBF", 3) == 0) return 3;
  return f->lines[li];
}

/* One walk over the file, decoding as tx_codepoints does (a byte that
 * begins no code point counts as one; a line feed is never inside one). */
static int build_marks(src_file *f) {
  size_t n = f->size / SRC_MARK_STEP + 1;
  src_mark *marks = malloc(n * sizeof *marks);
  if (!marks) return -1;
  size_t j = 0;
  uint32_t col = 0;
  for (size_t i = line_start(f, 0); i <= f->size && j < n;) {
    while (j < n && i >= j * SRC_MARK_STEP) marks[j++] = (src_mark){ (uint32_t)i, col };
    if (i == f->size) break;
    if (f->data[i] == '\n') { col = 0; i++; continue; }
    int32_t cp;
    int len = tx_decode((const unsigned char *)f->data + i, f->size - i, &cp);
    i += len > 0 ? (size_t)len : 1;
    col++;
  }
  while (j < n) marks[j++] = (src_mark){ (uint32_t)f->size, col };
  f->marks = marks;
  return 0;
}

src_pos src_position(src_table *t, uint32_t file, uint32_t off) {
  src_file *f = &t->files[file];
  if (!f->lines && build_lines(f) != 0) return (src_pos){ 0, 0 };
  if (off > f->size) off = (uint32_t)f->size;
  size_t li = line_index(f, off);
  uint32_t start = line_start(f, li), col = 0;
  if (off < start) start = f->lines[li];   /* inside a byte-order mark */
  if (off - start >= 2 * SRC_MARK_STEP && (f->marks || build_marks(f) == 0)) {
    size_t j = off / SRC_MARK_STEP;
    if (f->marks[j].off > off) j--;
    if (f->marks[j].off >= start) {
      col = f->marks[j].col;
      start = f->marks[j].off;
    }
  }
  return (src_pos){ (uint32_t)li + 1, col + (uint32_t)tx_codepoints(f->data + start, off - start) + 1 };
}

void src_line(src_table *t, uint32_t file, uint32_t off, const char **start, size_t *len) {
  src_file *f = &t->files[file];
  *start = f->data;
  *len = 0;
  if (!f->lines && build_lines(f) != 0) return;
  if (off > f->size) off = (uint32_t)f->size;
  size_t li = line_index(f, off);
  size_t b = f->lines[li];
  if (li == 0 && f->size >= 3 && memcmp(f->data, "\xEF\xBB\xBF", 3) == 0) b = 3;
  size_t e = li + 1 < f->nlines ? f->lines[li + 1] - 1 : f->size;
  if (e > b && f->data[e - 1] == '\r') e--;
  *start = f->data + b;
  *len = e > b ? e - b : 0;
}

const char *src_status_text(src_status st, int err_no) {
  switch (st) {
  case SRC_IS_DIR: return "is a directory";
  case SRC_TOO_LARGE: return "file too large";
  case SRC_NOT_FOUND: return "no such file";
  default: return err_no ? strerror(err_no) : "cannot read";
  }
}

static int push(char ***v, size_t *n, size_t *cap, char *s) {
  if (!s) return ENOMEM;
  if (*n == *cap) {
    size_t c = *cap ? *cap * 2 : 64;
    char **nv = realloc(*v, c * sizeof *nv);
    if (!nv) { free(s); return ENOMEM; }
    *v = nv;
    *cap = c;
  }
  (*v)[(*n)++] = s;
  return 0;
}

static char *path_join(const char *dir, const char *name) {
  size_t a = strlen(dir), b = strlen(name);
  int slash = a && dir[a - 1] != '/';
  char *p = malloc(a + slash + b + 1);
  if (!p) return NULL;
  memcpy(p, dir, a);
  if (slash) p[a] = '/';
  memcpy(p + a + slash, name, b + 1);
  return p;
}

/* One directory entry: its path, and what readdir says it is. */
typedef struct entry {
  char *path;
  unsigned char type;        /* DT_DIR, DT_REG, or DT_UNKNOWN / DT_LNK: stat it */
} entry;

static int by_path(const void *a, const void *b) { return strcmp(((const entry *)a)->path, ((const entry *)b)->path); }

int src_list(const char *dir, const char *ext, char ***paths, size_t *n, size_t *cap) {
  DIR *d = opendir(dir);
  if (!d) return errno;
  entry *v = NULL;
  size_t nv = 0, cv = 0, k = strlen(ext);
  int e = 0;
  for (struct dirent *de; !e && (de = readdir(d)) != NULL;) {
    size_t len = strlen(de->d_name);
    int named = len > k && strcmp(de->d_name + len - k, ext) == 0;
    /* The type readdir gives saves a stat per file (fifty thousand in a
     * national run); some file systems leave it unknown. */
    if (de->d_name[0] == '.' || (de->d_type == DT_REG && !named)) continue;
    if (de->d_type != DT_DIR && de->d_type != DT_REG && de->d_type != DT_UNKNOWN && de->d_type != DT_LNK) continue;
    if (nv == cv) {
      cv = cv ? cv * 2 : 64;
      entry *nw = realloc(v, cv * sizeof *v);
      if (!nw) { e = ENOMEM; break; }
      v = nw;
    }
    v[nv] = (entry){ path_join(dir, de->d_name), de->d_type };
    if (!v[nv].path) e = ENOMEM; else nv++;
  }
  closedir(d);
  if (v) qsort(v, nv, sizeof *v, by_path);
  for (size_t i = 0; i < nv; i++) {
    unsigned char type = v[i].type;
    struct stat st;
    if ((type == DT_UNKNOWN || type == DT_LNK) && !e && stat(v[i].path, &st) == 0)
      type = S_ISDIR(st.st_mode) ? DT_DIR : S_ISREG(st.st_mode) ? DT_REG : DT_UNKNOWN;
    size_t len = strlen(v[i].path);
    if (!e && type == DT_DIR) {
      e = src_list(v[i].path, ext, paths, n, cap);
    } else if (!e && type == DT_REG && len > k && strcmp(v[i].path + len - k, ext) == 0) {
      e = push(paths, n, cap, v[i].path);
      continue;
    }
    free(v[i].path);
  }
  free(v);
  return e;
}
