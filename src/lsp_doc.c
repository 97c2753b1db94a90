/* lsp_doc: documents, LSP positions and file: URIs (see lsp_doc.h). */
#include "lsp_doc.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mem.h"
#include "text.h"

/* ---- lines and positions ---- */

void lsp_lines_init(lsp_lines *l, const char *p, size_t n) {
  size_t cap = 64, count = 0;
  uint32_t *s = mem_alloc(cap * sizeof *s);
  s[count++] = 0;
  for (size_t i = 0; i < n; i++) {
    if (p[i] != '\n' && p[i] != '\r') continue;
    if (p[i] == '\r' && i + 1 < n && p[i + 1] == '\n') i++;
    if (count == cap) s = mem_realloc(s, (cap *= 2) * sizeof *s);
    s[count++] = (uint32_t)(i + 1);
  }
  *l = (lsp_lines){ p, n, s, count, (size_t)-1, 0, 0 };
}

void lsp_lines_free(lsp_lines *l) {
  free(l->starts);
  l->starts = NULL;
  l->count = 0;
}

/* The end of line k's text, before its line break. */
static size_t line_end(const lsp_lines *l, size_t k) {
  size_t e = k + 1 < l->count ? l->starts[k + 1] : l->n;
  if (k + 1 < l->count) {
    if (e > l->starts[k] && l->p[e - 1] == '\n') e--;
    if (e > l->starts[k] && l->p[e - 1] == '\r') e--;
  }
  return e;
}

/* The line holding offset off (binary search). */
static size_t line_of(const lsp_lines *l, size_t off) {
  size_t lo = 0, hi = l->count;
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if (l->starts[mid] <= off) lo = mid; else hi = mid;
  }
  return lo;
}

/* One character at p[i..end): its length in bytes and in UTF-16 units. */
static size_t step(const char *p, size_t i, size_t end, unsigned *units) {
  int32_t cp;
  int k = tx_decode((const unsigned char *)p + i, end - i, &cp);
  if (k <= 0) {
    *units = 1;
    return 1;
  }
  *units = cp >= 0x10000 ? 2 : 1;
  return (size_t)k;
}

lsp_pos lsp_position(lsp_lines *l, size_t off) {
  if (off > l->n) off = l->n;
  size_t k = line_of(l, off), end = line_end(l, k);
  if (off > end) off = end;   /* inside a CR LF: the line's end */
  size_t i = l->starts[k], units = 0;
  if (k == l->last_line && l->last_off <= off) {
    i = l->last_off;
    units = l->last_units;
  }
  while (i < off) {
    unsigned u;
    size_t s = step(l->p, i, end, &u);
    if (i + s > off) break;   /* off inside a character: its start */
    i += s;
    units += u;
  }
  l->last_line = k;
  l->last_off = i;
  l->last_units = units;
  return (lsp_pos){ (uint32_t)k, (uint32_t)units };
}

size_t lsp_offset(const lsp_lines *l, lsp_pos p) {
  if (p.line >= l->count) return l->n;
  size_t i = l->starts[p.line], end = line_end(l, p.line), units = 0;
  while (i < end) {
    unsigned u;
    size_t s = step(l->p, i, end, &u);
    if (units + u > p.character) break;
    i += s;
    units += u;
  }
  return i;
}

/* ---- documents ---- */

static sl_slice uri_key(const void *v) {
  const lsp_doc *d = v;
  return (sl_slice){ d->uri, strlen(d->uri) };
}

void lsp_docs_init(lsp_docs *d) {
  memset(d, 0, sizeof *d);
  ar_init(&d->arena);
  ix_init(&d->by_uri, &d->arena, uri_key);
}

void lsp_docs_free(lsp_docs *d) {
  for (size_t i = 0; i < d->n; i++) lsp_doc_close(d->all[i]);
  free(d->all);
  ar_free(&d->arena);
}

lsp_doc *lsp_doc_find(lsp_docs *d, const char *uri) {
  return ix_get(&d->by_uri, (sl_slice){ uri, strlen(uri) });
}

static void set_text(lsp_doc *doc, const char *text, size_t n) {
  if (n + 1 > doc->cap) {
    doc->cap = n + 1 > 2 * doc->cap ? n + 1 : 2 * doc->cap;
    doc->text = mem_realloc(doc->text, doc->cap);
  }
  memmove(doc->text, text, n);
  doc->text[n] = '\0';
  doc->len = n;
}

static void map_lines(lsp_doc *doc) {
  lsp_lines_free(&doc->lines);
  lsp_lines_init(&doc->lines, doc->text, doc->len);
}

lsp_doc *lsp_doc_open(lsp_docs *d, const char *uri, const char *text, size_t n, long long version) {
  lsp_doc *doc = lsp_doc_find(d, uri);
  if (!doc) {
    doc = ar_alloc(&d->arena, sizeof *doc);
    memset(doc, 0, sizeof *doc);
    doc->uri = ar_strndup(&d->arena, uri, strlen(uri));
    const char *path = lsp_uri_path(&d->arena, uri);
    doc->is_file = path != NULL;
    doc->path = path ? path : doc->uri;
    ix_put(&d->by_uri, doc);
    if (d->n == d->cap) d->all = mem_realloc(d->all, (d->cap = d->cap ? 2 * d->cap : 16) * sizeof *d->all);
    d->all[d->n++] = doc;
  }
  set_text(doc, text, n);
  map_lines(doc);
  doc->version = version;
  doc->open = 1;
  return doc;
}

void lsp_doc_close(lsp_doc *doc) {
  free(doc->text);
  doc->text = NULL;
  doc->len = doc->cap = 0;
  lsp_lines_free(&doc->lines);
  doc->open = 0;
}

int lsp_doc_edit(lsp_doc *doc, const lsp_pos *from, const lsp_pos *to, const char *text, size_t n) {
  if (!from) {
    set_text(doc, text, n);
    map_lines(doc);
    return 0;
  }
  size_t a = lsp_offset(&doc->lines, *from), b = lsp_offset(&doc->lines, *to);
  if (a > b) return -1;
  size_t len = doc->len - (b - a) + n;
  if (len + 1 > doc->cap) {
    doc->cap = len + 1 > 2 * doc->cap ? len + 1 : 2 * doc->cap;
    doc->text = mem_realloc(doc->text, doc->cap);
  }
  memmove(doc->text + a + n, doc->text + b, doc->len - b + 1);
  memcpy(doc->text + a, text, n);
  doc->len = len;
  map_lines(doc);
  return 0;
}

/* ---- URIs ---- */

static int hex(int c) {
  return c >= '0' && c <= '9' ? c - '0' : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10 : -1;
}

const char *lsp_uri_path(ar_arena *a, const char *uri) {
  if (strncmp(uri, "file://", 7) != 0) return NULL;
  const char *p = uri + 7;
  if (strncmp(p, "localhost/", 10) == 0) p += 9;
  if (*p != '/') return NULL;   /* a remote host */
  size_t n = strlen(p);
  char *out = ar_alloc_text(a, n), *o = out;
  for (size_t i = 0; i < n; i++) {
    if (p[i] == '%' && i + 2 < n && hex(p[i + 1]) >= 0 && hex(p[i + 2]) >= 0) {
      int c = hex(p[i + 1]) * 16 + hex(p[i + 2]);
      if (c == 0) return NULL;
      *o++ = (char)c;
      i += 2;
    } else if (p[i] == '?' || p[i] == '#') {
      break;
    } else {
      *o++ = p[i];
    }
  }
  *o = '\0';
  return out;
}

const char *lsp_path_uri(ar_arena *a, const char *path) {
  char cwd[4096] = "";
  /* "plans/../tw/x.plan" as the editor would name it: resolved when it
   * exists (a few calls per answer, not per file loaded). */
  char *real = realpath(path, NULL);
  if (!real && errno == ENOMEM) mem_oom();
  if (real) {
    path = ar_strndup(a, real, strlen(real));
    free(real);
  }
  if (path[0] != '/' && !getcwd(cwd, sizeof cwd)) cwd[0] = '\0';
  size_t nc = strlen(cwd), np = strlen(path);
  char *out = ar_alloc_text(a, 8 + 3 * (nc + 1 + np)), *o = out;
  memcpy(o, "file://", 7);
  o += 7;
  static const char digits[] = "0123456789ABCDEF";
  for (int part = 0; part < 2; part++) {
    const char *s = part ? path : cwd;
    if (part && nc && (o == out + 7 || o[-1] != '/')) *o++ = '/';
    for (; *s; s++) {
      unsigned char c = (unsigned char)*s;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || strchr("-._~/", c)) {
        *o++ = (char)c;
      } else {
        *o++ = '%';
        *o++ = digits[c >> 4];
        *o++ = digits[c & 15];
      }
    }
  }
  *o = '\0';
  return out;
}
