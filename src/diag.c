/* diag: collecting, ordering and printing findings; see diag.h. */
#include "diag.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "lang.h"
#include "mem.h"
#include "text.h"

void dg_init(dg_list *l, ar_arena *a) {
  memset(l, 0, sizeof *l);
  l->arena = a;
}

/* Formats once into a buffer on the stack, and again into the arena only
 * when the text is longer: most messages and names are short. */
const char *dg_vfmt(ar_arena *a, const char *fmt, va_list ap) {
  char buf[256];
  va_list cp;
  va_copy(cp, ap);
  int n = vsnprintf(buf, sizeof buf, fmt, cp);
  va_end(cp);
  if (n < 0) {              /* glibc allocates for some conversions */
    mem_check(errno);
    return "";
  }
  if ((size_t)n < sizeof buf) return ar_strndup(a, buf, (size_t)n);
  char *s = ar_alloc_text(a, (size_t)n);
  vsnprintf(s, (size_t)n + 1, fmt, ap);
  return s;
}

const char *dg_fmt(ar_arena *a, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  const char *s = dg_vfmt(a, fmt, ap);
  va_end(ap);
  return s;
}

dg_buf dg_buf_in(ar_arena *a) { return (dg_buf){ a, NULL, 0, 0 }; }

void dg_buf_add(dg_buf *b, const char *s, size_t n) {
  b->p = ar_grow(b->a, b->p, 1, &b->cap, b->n + n + 1);
  memcpy(b->p + b->n, s, n);
  b->n += n;
  b->p[b->n] = '\0';
}

void dg_buf_item(dg_buf *b, const char *sep, const char *s, size_t n) {
  if (b->n) dg_buf_add(b, sep, strlen(sep));
  dg_buf_add(b, s, n);
}

const char *dg_buf_text(dg_buf *b) { return b->n ? b->p : ""; }

static dg_diag *make(dg_list *l, dg_severity sev, const char *code, uint32_t file, uint32_t off,
                     uint32_t len, const char *fmt, va_list ap) {
  dg_diag *d = ar_alloc(l->arena, sizeof *d);
  d->sev = sev;
  d->code = code;
  d->file = file;
  d->off = off;
  d->len = len;
  d->msg = dg_vfmt(l->arena, fmt, ap);
  d->seq = l->seq++;
  l->count++;
  return d;
}

dg_diag *dg_add(dg_list *l, dg_severity sev, const char *code, uint32_t file, uint32_t off,
                uint32_t len, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  dg_diag *d = make(l, sev, code, file, off, len, fmt, ap);
  va_end(ap);
  if (l->last) l->last->next = d; else l->first = d;
  l->last = d;
  if (sev == DG_ERROR) l->errors++;
  if (sev == DG_WARNING) l->warnings++;
  return d;
}

void dg_note(dg_list *l, dg_diag *d, uint32_t file, uint32_t off, uint32_t len, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  dg_diag *n = make(l, DG_NOTE, d->code, file, off, len, fmt, ap);
  va_end(ap);
  dg_diag **p = &d->notes;
  while (*p) p = &(*p)->next;
  *p = n;
}

static int cmp(const void *a, const void *b) {
  const dg_diag *x = *(dg_diag *const *)a, *y = *(dg_diag *const *)b;
  if (x->file != y->file) return x->file < y->file ? -1 : 1;
  if (x->off != y->off) return x->off < y->off ? -1 : 1;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void dg_sort(dg_list *l) {
  if (l->count < 2) return;
  size_t n = 0;
  for (dg_diag *d = l->first; d; d = d->next) n++;
  dg_diag **v = mem_alloc(n * sizeof *v);
  n = 0;
  for (dg_diag *d = l->first; d; d = d->next) v[n++] = d;
  qsort(v, n, sizeof *v, cmp);
  for (size_t i = 0; i + 1 < n; i++) v[i]->next = v[i + 1];
  v[n - 1]->next = NULL;
  l->first = v[0];
  l->last = v[n - 1];
  free(v);
}

static const char *const sev_names[] = { "error", "warning", "note" };

/* As Vietnamese compilers print them: lỗi, cảnh báo, ghi chú. */
static const char *const sev_texts[] = { N_("error"), N_("warning"), N_("note") };

const char *dg_severity_text(dg_severity s) {
  return _(sev_texts[s]);
}

const char *dg_severity_name(dg_severity s) {
  return sev_names[s];
}

int dg_severity_parse(const char *s) {
  for (int i = DG_ERROR; i <= DG_NOTE; i++)
    if (strcmp(s, sev_names[i]) == 0) return i;
  return -1;
}

static const char *sev_color(dg_severity s) {
  return s == DG_ERROR ? "\033[1;31m" : s == DG_WARNING ? "\033[1;35m" : "\033[1;36m";
}

enum { EXCERPT_MAX = 160, EXCERPT_CONTEXT = 60 };

static size_t back_to_boundary(const char *s, size_t i) {
  while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80) i--;
  return i;
}

/* The source line, then spaces (tabs where the line has tabs, so the caret
 * lines up) and ^~~~ under the span, clipped to the line. A very long line is
 * cut to a window around the span, marked with "…" at the cut ends. Bytes
 * that cannot be shown are replaced one for one (tx_printable). */
static void print_excerpt(FILE *out, src_table *src, const dg_diag *d, dg_style st) {
  if (src->files[d->file].size == 0) return;
  const char *line;
  size_t len;
  src_line(src, d->file, d->off, &line, &len);
  const char *at = src->files[d->file].data + d->off;
  size_t col = at > line ? (size_t)(at - line) : 0;
  if (col > len) col = len;
  size_t span = d->len;
  if (col + span > len) span = len > col ? len - col : 0;
  int cut_left = 0, cut_right = 0;
  if (len > EXCERPT_MAX) {
    if (span > EXCERPT_CONTEXT) span = back_to_boundary(line + col, EXCERPT_CONTEXT);
    size_t from = col > EXCERPT_CONTEXT ? back_to_boundary(line, col - EXCERPT_CONTEXT) : 0;
    size_t to = col + span + EXCERPT_CONTEXT < len ? back_to_boundary(line, col + span + EXCERPT_CONTEXT) : len;
    cut_left = from > 0;
    cut_right = to < len;
    line += from;
    col -= from;
    len = to - from;
  }
  ar_arena scratch;
  ar_init(&scratch);
  sl_slice shown = tx_printable(&scratch, line, len);
  fprintf(out, "%s%.*s%s\n", cut_left ? "\xE2\x80\xA6" : "", (int)shown.n, shown.p, cut_right ? "\xE2\x80\xA6" : "");
  if (cut_left) fputc(' ', out);
  for (size_t i = 0; i < col; i++) {
    if (line[i] == '\t') { fputc('\t', out); continue; }
    int32_t cp;
    int n = tx_decode((const unsigned char *)line + i, col - i, &cp);
    if (n > 1) {
      size_t w = tx_width(line + i, (size_t)n);
      for (size_t k = 0; k < w; k++) fputc(' ', out);
      i += (size_t)n - 1;
    } else {
      fputc(' ', out);
    }
  }
  size_t width = span ? tx_width(line + col, span) : 0;
  if (st.color) fputs("\033[1;32m", out);
  fputc('^', out);
  for (size_t k = 1; k < width; k++) fputc('~', out);
  if (st.color) fputs("\033[0m", out);
  fputc('\n', out);
  ar_free(&scratch);
}

static void print_one(FILE *out, src_table *src, const dg_diag *d, dg_style st, int attached) {
  if (d->file != DG_NOFILE) {
    src_pos p = src_position(src, d->file, d->off);
    if (st.color) fputs("\033[1m", out);
    fprintf(out, "%s:%u:%u: ", src->files[d->file].path, p.line, p.col);
  } else {
    if (st.color) fputs("\033[1m", out);
    fputs("plancheck: ", out);
  }
  const char *sev = dg_severity_text(d->sev);
  if (st.color) fprintf(out, "%s%s:\033[0m\033[1m ", sev_color(d->sev), sev);
  else fprintf(out, "%s: ", sev);
  ar_arena scratch;
  ar_init(&scratch);
  sl_slice msg = tx_printable(&scratch, d->msg, strlen(d->msg));
  fwrite(msg.p, 1, msg.n, out);
  ar_free(&scratch);
  if (!attached && d->code) fprintf(out, " [%s]", d->code);
  if (st.color) fputs("\033[0m", out);
  fputc('\n', out);
  if (d->file != DG_NOFILE) print_excerpt(out, src, d, st);
}

/* Maps the lines of every file the findings point into before the first
 * is printed: the map is the one allocation printing would make (only
 * files with findings are mapped), and running out of memory half-way
 * through would leave a report cut short. */
static void map_lines(src_table *src, const dg_list *l) {
  for (const dg_diag *d = l->first; d; d = d->next) {
    if (d->file != DG_NOFILE) src_map_lines(src, d->file);
    for (const dg_diag *n = d->notes; n; n = n->next)
      if (n->file != DG_NOFILE) src_map_lines(src, n->file);
  }
}

void dg_print_text(FILE *out, src_table *src, const dg_list *l, dg_style st) {
  map_lines(src, l);
  for (const dg_diag *d = l->first; d; d = d->next) {
    print_one(out, src, d, st, 0);
    for (const dg_diag *n = d->notes; n; n = n->next) print_one(out, src, n, st, 1);
  }
  fflush(out);   /* the command line buffers stderr: what follows on stdout comes after */
}

void dg_json_string(FILE *out, const char *s, size_t n) { js_quote(out, s, n); }

static void json_one(FILE *out, src_table *src, const dg_diag *d) {
  fputs("{\"severity\":", out);
  dg_json_string(out, dg_severity_name(d->sev), strlen(dg_severity_name(d->sev)));
  fputs(",\"code\":", out);
  if (d->code) dg_json_string(out, d->code, strlen(d->code)); else fputs("null", out);
  fputs(",\"message\":", out);
  dg_json_string(out, d->msg, strlen(d->msg));
  if (d->file != DG_NOFILE) {
    src_pos b = src_position(src, d->file, d->off);
    src_pos e = src_position(src, d->file, d->off + d->len);
    const char *path = src->files[d->file].path;
    fputs(",\"file\":", out);
    dg_json_string(out, path, strlen(path));
    fprintf(out, ",\"line\":%u,\"column\":%u,\"end_line\":%u,\"end_column\":%u", b.line, b.col, e.line, e.col);
  }
  if (d->notes) {
    fputs(",\"notes\":[", out);
    for (const dg_diag *n = d->notes; n; n = n->next) {
      json_one(out, src, n);
      if (n->next) fputc(',', out);
    }
    fputc(']', out);
  }
  fputc('}', out);
}

void dg_json_items(FILE *out, src_table *src, const dg_list *l, int *first) {
  map_lines(src, l);
  for (const dg_diag *d = l->first; d; d = d->next) {
    fputs(*first ? "\n  " : ",\n  ", out);
    *first = 0;
    json_one(out, src, d);
  }
}

void dg_json_end(FILE *out, int first, unsigned long errors, unsigned long warnings) {
  fprintf(out, "%s],\"errors\":%lu,\"warnings\":%lu}\n", first ? "" : "\n", errors, warnings);
}

void dg_print_json(FILE *out, src_table *src, const dg_list *l) {
  int first = 1;
  fputs(DG_JSON_BEGIN, out);
  dg_json_items(out, src, l, &first);
  dg_json_end(out, first, l->errors, l->warnings);
}

void dg_take(dg_list *from, dg_diag *after, dg_list *to) {
  dg_diag *d = after ? after->next : from->first;
  if (!d) return;
  if (to->last) to->last->next = d; else to->first = d;
  to->last = from->last;
  for (; d; d = d->next) {
    from->count--;
    to->count++;
    if (d->sev == DG_ERROR) { from->errors--; to->errors++; }
    if (d->sev == DG_WARNING) { from->warnings--; to->warnings++; }
  }
  if (after) after->next = NULL; else from->first = NULL;
  from->last = after;
}

static void append_one(dg_list *l, dg_diag *d) {
  d->next = NULL;
  if (l->last) l->last->next = d; else l->first = d;
  l->last = d;
  l->count++;
  l->errors += d->sev == DG_ERROR;
  l->warnings += d->sev == DG_WARNING;
}

void dg_move_if(dg_list *from, dg_list *to, int (*pick)(const dg_diag *d, void *ud), void *ud) {
  dg_diag *d = from->first;
  unsigned long seq = from->seq;
  dg_init(from, from->arena);
  from->seq = seq;
  while (d) {
    dg_diag *next = d->next;
    append_one(pick(d, ud) ? to : from, d);
    d = next;
  }
}

void dg_promote_warnings(dg_list *l) {
  for (dg_diag *d = l->first; d; d = d->next)
    if (d->sev == DG_WARNING) d->sev = DG_ERROR;
  l->errors += l->warnings;
  l->warnings = 0;
}
