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

#include "lang.h"
#include "mem.h"
#include "text.h"

/* The temporary file beside FILE is ".FILE" TEMP_SUFFIX (src_temp_name). */
#define TEMP_SUFFIX ".plancheck-tmp"

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

/* An editor's text of a file (src_overlay), in the table's arena, under
 * the key of the file it stands for. */
typedef struct overlay {
  sl_slice key;
  const char *data;
  size_t size;
} overlay;

static sl_slice overlay_key(const void *v) { return ((const overlay *)v)->key; }

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
  ix_init(&t->overlays, &t->arena, overlay_key);
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

static void append(src_table *t, src_file f, uint32_t *index) {
  if (t->n == t->cap) {
    t->cap = t->cap ? t->cap * 2 : 16;
    t->files = mem_realloc(t->files, t->cap * sizeof *t->files);
  }
  t->files[t->n] = f;
  index_file(t, (uint32_t)t->n);
  *index = (uint32_t)t->n++;
}

/* Opens `path` for reading if it is a regular file of at most
 * SRC_MAX_SIZE bytes: SRC_OK with the descriptor in *fd and its status in
 * *st, or the reason (errno in *err_no). O_NONBLOCK, because opening a
 * FIFO without a writer would otherwise wait for one; the open file is
 * looked at before anything is read, so a device (/dev/zero) or a FIFO is
 * refused at once. */
static src_status open_regular(const char *path, int *fd, struct stat *st, int *err_no) {
  *err_no = 0;
  *fd = open(path, O_RDONLY | O_NONBLOCK);
  if (*fd < 0) {
    *err_no = mem_check(errno);
    return *err_no == ENOENT || *err_no == ENOTDIR ? SRC_NOT_FOUND : SRC_UNREADABLE;
  }
  src_status r = SRC_OK;
  if (fstat(*fd, st) != 0) *err_no = errno, r = SRC_UNREADABLE;
  else if (S_ISDIR(st->st_mode)) *err_no = EISDIR, r = SRC_IS_DIR;
  else if (!S_ISREG(st->st_mode)) *err_no = EINVAL, r = SRC_NOT_REGULAR;
  else if ((uintmax_t)st->st_size > SRC_MAX_SIZE) *err_no = EFBIG, r = SRC_TOO_LARGE;
  if (r != SRC_OK) close(*fd);
  return r;
}

/* Reads the regular file open on fd, of `size` bytes by its status, into
 * a NUL-terminated malloc'd buffer. No more than `size` bytes are read (a
 * file that grows while it is read is not waited for, and never read past
 * the limit its size was checked against); a file that shrank ends early.
 * Returns 0 or an errno value. */
static int read_all(int fd, size_t size, char **out, size_t *len) {
  char *buf = mem_alloc(size + 1);
  size_t n = 0;
  while (n < size) {
    ssize_t r = read(fd, buf + n, size - n);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) {
      int e = mem_check(errno);
      free(buf);
      return e;
    }
    if (r == 0) break;
    n += (size_t)r;
  }
  buf[n] = '\0';
  *out = buf;
  *len = n;
  return 0;
}

int src_read(const char *path, char **data, size_t *len) {
  int fd, e;
  struct stat st;
  if (open_regular(path, &fd, &st, &e) != SRC_OK) return e;
  e = read_all(fd, (size_t)st.st_size, data, len);
  close(fd);
  return e;
}

int src_write_all(int fd, const void *buf, size_t n) {
  const char *data = buf;
  while (n > 0) {
    ssize_t w = write(fd, data, n);
    if (w < 0 && errno == EINTR) continue;
    if (w < 0) return errno;
    if (w == 0) return EIO;
    data += w;
    n -= (size_t)w;
  }
  return 0;
}

char *src_temp_name(ar_arena *a, const char *path) {
  const char *slash = strrchr(path, '/');
  size_t dir = slash ? (size_t)(slash - path + 1) : 0;
  size_t n = strlen(path);
  char *tmp = ar_alloc_text(a, n + sizeof "." TEMP_SUFFIX);
  memcpy(tmp, path, dir);
  tmp[dir] = '.';
  memcpy(tmp + dir + 1, path + dir, n - dir);
  memcpy(tmp + n + 1, TEMP_SUFFIX, sizeof TEMP_SUFFIX);
  return tmp;
}

/* Whether the user may write `path` (its status in *st), as an editor
 * decides: the system says so, and some write permission bit is set,
 * since root may write any file but a file nobody may write is meant to
 * stay as it is (vim marks it read-only for root as well). */
static int may_write(const char *path, const struct stat *st) {
  return (st->st_mode & 0222) && access(path, W_OK) == 0;
}

/* Gives the open temporary the owner, group and permissions of the file
 * it replaces (owner first: a change of owner clears set-id bits). Only a
 * change is asked for: a user may not give a file away, and then the
 * rename would; the error refuses the rewrite instead. */
static int same_owner_and_mode(int fd, const struct stat *st) {
  struct stat now;
  if (fstat(fd, &now) != 0) return errno;
  if ((now.st_uid != st->st_uid || now.st_gid != st->st_gid) && fchown(fd, st->st_uid, st->st_gid) != 0) return errno;
  return fchmod(fd, st->st_mode & 07777) != 0 ? errno : 0;
}

/* Writes the temporary and syncs it; with `like`, it takes that file's
 * owner, group and permissions (made 0600 until then), else those the
 * umask gives a new file. A temporary left by a run that was killed is
 * removed, and the new one made afresh (O_EXCL): a file planted under
 * that name, or a link, is never written through. */
static int fill_temp(const char *tmp, const struct stat *like, const char *data, size_t n) {
  if (unlink(tmp) != 0 && errno != ENOENT) return mem_check(errno);
  int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, like ? 0600 : 0666);
  if (fd < 0) return mem_check(errno);
  int e = src_write_all(fd, data, n);
  if (!e && like) e = same_owner_and_mode(fd, like);
  if (!e && fsync(fd) != 0) e = errno;
  if (close(fd) != 0 && !e) e = errno;
  if (e) unlink(tmp);
  return mem_check(e);
}

int src_write_temp(const char *tmp, const char *path, const char *data, size_t n) {
  struct stat st;
  if (stat(path, &st) != 0) return mem_check(errno);
  if (!may_write(path, &st)) return EACCES;
  return fill_temp(tmp, &st, data, n);
}

int src_write_new_temp(const char *tmp, const char *data, size_t n) { return fill_temp(tmp, NULL, data, n); }

int src_replace(const char *tmp, const char *path) {
  int e = rename(tmp, path) != 0 ? errno : 0;
  if (e) unlink(tmp);
  return e;
}

void src_discard(const char *tmp) { unlink(tmp); }

/* An editor's text (src_overlay) of a file not on disk: the key of `path`
 * spelled "=PATH" (apart from disk keys and in-memory names), without
 * leading "./" as the loader joins paths. */
static const char *absent_key(ar_arena *a, const char *path) {
  while (path[0] == '.' && path[1] == '/') path += 2;
  size_t n = strlen(path);
  char *k = ar_alloc_text(a, n + 2);
  k[0] = '=';
  memcpy(k + 1, path, n + 1);
  return k;
}

void src_overlay(src_table *t, const char *path, const char *data, size_t n) {
  struct stat st;
  char disk[48];
  const char *key = disk;
  if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) disk_key(&st, disk);
  else key = absent_key(&t->arena, path);
  char *copy = ar_alloc_text(&t->arena, n + 1);
  memcpy(copy, data, n);
  copy[n] = '\0';
  overlay *o = ar_alloc(&t->arena, sizeof *o);
  *o = (overlay){ { ar_strndup(&t->arena, key, strlen(key)), strlen(key) }, copy, n };
  overlay *old = ix_put(&t->overlays, o);
  if (old) old->data = copy, old->size = n;
}

/* Registers an overlay's text as the file `path` under `key`. */
static src_status load_overlay(src_table *t, const overlay *o, const char *path, const char *key, uint32_t *index) {
  long found = find_key(t, key);
  if (found >= 0) { *index = (uint32_t)found; return SRC_ALREADY; }
  append(t, (src_file){ mem_strdup(path), mem_strdup(key), o->data, o->size, 0, NULL, 0, NULL }, index);
  return SRC_OK;
}

src_status src_load(src_table *t, const char *path, uint32_t *index, int *err_no) {
  int fd;
  struct stat st;
  src_status r = open_regular(path, &fd, &st, err_no);
  if (r == SRC_NOT_FOUND && t->overlays.n) {
    const char *key = absent_key(&t->arena, path);
    const overlay *o = ix_get(&t->overlays, (sl_slice){ key, strlen(key) });
    if (o) return *err_no = 0, load_overlay(t, o, path, key, index);
  }
  if (r != SRC_OK) return r;
  char key[48];
  disk_key(&st, key);
  long found = find_key(t, key);
  if (found >= 0) { close(fd); *index = (uint32_t)found; return SRC_ALREADY; }
  const overlay *o = t->overlays.n ? ix_get(&t->overlays, (sl_slice){ key, strlen(key) }) : NULL;
  if (o) { close(fd); return load_overlay(t, o, path, key, index); }
  char *data = NULL;
  size_t len = 0;
  int e = read_all(fd, (size_t)st.st_size, &data, &len);
  close(fd);
  if (e) { *err_no = e; return SRC_UNREADABLE; }
  append(t, (src_file){ mem_strdup(path), mem_strdup(key), data, len, 1, NULL, 0, NULL }, index);
  return SRC_OK;
}

static listing *read_listing(src_table *t, sl_slice dir) {
  listing *l = ar_alloc(&t->arena, sizeof *l);
  l->dir = ar_slice_dup(&t->arena, dir);
  ix_init_set(&l->names, &t->arena);
  ix_put(&t->listed, l);
  DIR *d = opendir(dir.n ? l->dir.p : ".");
  if (!d) { mem_check(errno); l->unreadable = 1; return l; }
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
  append(t, (src_file){ mem_strdup(name), mem_strdup(name), data, size, 0, NULL, 0, NULL }, index);
  return SRC_OK;
}

/* Line starts, counting LF as the terminator (a CR before it belongs to the
 * terminator and is cut by src_line). */
static int build_lines(src_file *f) {
  size_t cap = 64, n = 0;
  uint32_t *lines = mem_alloc(cap * sizeof *lines);
  lines[n++] = 0;
  for (size_t i = 0; i < f->size; i++) {
    if (f->data[i] != '\n') continue;
    if (n == cap) {
      cap *= 2;
      lines = mem_realloc(lines, cap * sizeof *lines);
    }
    lines[n++] = (uint32_t)(i + 1);
  }
  f->lines = lines;
  f->nlines = n;
  return 0;
}

void src_map_lines(src_table *t, uint32_t file) {
  src_file *f = &t->files[file];
  if (!f->lines) build_lines(f);
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
 * begins no code point counts as one; a line feed is never inside one).
 * The marks only save time: without memory for them (-1) a column is
 * counted from its line's start, with the same result, so this is the one
 * allocation that does not end the run when it fails. */
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
  case SRC_IS_DIR: return _("is a directory");
  case SRC_NOT_REGULAR: return _("not a regular file");
  case SRC_TOO_LARGE: return _("file too large");
  case SRC_NOT_FOUND: return _("no such file");
  default: break;
  }
  /* The reasons a user meets, in the user's language (strerror speaks
   * the C locale's), with strerror's English. */
  switch (err_no) {
  case 0: return _("cannot read");
  case EACCES: case EPERM: return _("Permission denied");
  case ENOENT: return _("No such file or directory");
  case ENOTDIR: return _("Not a directory");
  case ELOOP: return _("Too many levels of symbolic links");
  case ENAMETOOLONG: return _("File name too long");
  case EISDIR: return _("Is a directory");
  default: return strerror(err_no);
  }
}

static void push(char ***v, size_t *n, size_t *cap, char *s) {
  if (*n == *cap) {
    *cap = *cap ? *cap * 2 : 64;
    *v = mem_realloc(*v, *cap * sizeof **v);
  }
  (*v)[(*n)++] = s;
}

static char *path_join(const char *dir, const char *name) {
  size_t a = strlen(dir), b = strlen(name);
  int slash = a && dir[a - 1] != '/';
  char *p = mem_alloc(a + slash + b + 1);
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
  if (!d) return mem_check(errno);
  entry *v = NULL;
  size_t nv = 0, cv = 0, k = strlen(ext);
  int e = 0;
  for (struct dirent *de; (de = readdir(d)) != NULL;) {
    size_t len = strlen(de->d_name);
    int named = len > k && strcmp(de->d_name + len - k, ext) == 0;
    /* The type readdir gives saves a stat per file (fifty thousand in a
     * national run); some file systems leave it unknown. */
    if (de->d_name[0] == '.' || (de->d_type == DT_REG && !named)) continue;
    if (de->d_type != DT_DIR && de->d_type != DT_REG && de->d_type != DT_UNKNOWN && de->d_type != DT_LNK) continue;
    if (nv == cv) {
      cv = cv ? cv * 2 : 64;
      v = mem_realloc(v, cv * sizeof *v);
    }
    v[nv++] = (entry){ path_join(dir, de->d_name), de->d_type };
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
      push(paths, n, cap, v[i].path);
      continue;
    }
    free(v[i].path);
  }
  free(v);
  return e;
}
