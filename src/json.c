/* json: the one JSON writer (json.h). */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "json.h"
#include "text.h"

void js_init(js_writer *w, FILE *out, int style) {
  memset(w, 0, sizeof *w);
  w->out = out;
  w->style = style;
  w->brk = -1;
}

static void spaces(FILE *out, int n) {
  fputc('\n', out);
  for (int i = 0; i < n; i++) fputc(' ', out);
}

/* The indent the innermost container's elements start their lines at, or
 * -1: pretty documents indent every level, the others where js_lines said. */
static int element_indent(const js_writer *w) {
  if (!w->depth) return -1;
  if (w->style == JS_PRETTY) return (int)(2 * w->depth);
  return w->depth <= JS_LEVELS ? w->level[w->depth - 1].lines : -1;
}

/* The indent of the innermost container's closer, or -1 (on the line of
 * the last element). */
static int closer_indent(const js_writer *w) {
  if (w->brk >= 0) return w->brk;
  if (!w->any) return -1;
  if (w->style == JS_PRETTY) return (int)(2 * (w->depth - 1));
  return w->depth <= JS_LEVELS ? w->level[w->depth - 1].close : -1;
}

/* What comes before an element: nothing after its key; else the comma and
 * the space or line break. */
static void before(js_writer *w) {
  if (w->keyed) { w->keyed = 0; return; }
  if (w->any) fputc(',', w->out);
  int indent = w->brk >= 0 ? w->brk : element_indent(w);
  if (indent >= 0) spaces(w->out, indent);
  else if (w->any && w->style != JS_COMPACT) fputc(' ', w->out);
  w->brk = -1;
  w->any = 1;
}

static void open(js_writer *w, char c) {
  if (w->skip) { w->skip++; return; }
  if (w->depth == JS_MAXDEPTH) {
    js_null(w);
    w->skip = 1;
    return;
  }
  before(w);
  fputc(c, w->out);
  unsigned char bit = (unsigned char)(1u << (w->depth % 8));
  if (c == '[') w->arrays[w->depth / 8] |= bit;
  else w->arrays[w->depth / 8] &= (unsigned char)~bit;
  if (w->depth < JS_LEVELS) w->level[w->depth] = (js_level){ -1, JS_SAME };
  w->depth++;
  w->any = 0;
}

void js_object(js_writer *w) { open(w, '{'); }
void js_array(js_writer *w) { open(w, '['); }

void js_end(js_writer *w) {
  if (w->skip) { w->skip--; return; }
  if (!w->depth) return;
  int indent = closer_indent(w);
  if (indent >= 0) spaces(w->out, indent);
  w->depth--;
  fputc(w->arrays[w->depth / 8] & (1u << (w->depth % 8)) ? ']' : '}', w->out);
  w->any = 1;
  w->keyed = 0;
  w->brk = -1;
}

void js_lines(js_writer *w, int indent, int close) {
  if (w->skip || !w->depth || w->depth > JS_LEVELS) return;
  w->level[w->depth - 1] = (js_level){ (signed char)(indent > 100 ? 100 : indent),
                                       (signed char)(close > 100 ? 100 : close) };
}

void js_newline(js_writer *w, int indent) {
  if (!w->skip) w->brk = indent < 0 ? -1 : indent;
}

void js_quote(FILE *out, const char *s, size_t n) {
  fputc('"', out);
  for (size_t i = 0; i < n;) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x80) {
      int32_t cp;
      int len = tx_decode((const unsigned char *)s + i, n - i, &cp);
      if (len > 0) fwrite(s + i, 1, (size_t)len, out);
      else fputs("\\ufffd", out);
      i += len > 0 ? (size_t)len : 1;
      continue;
    }
    switch (c) {
    case '"': fputs("\\\"", out); break;
    case '\\': fputs("\\\\", out); break;
    case '\n': fputs("\\n", out); break;
    case '\r': fputs("\\r", out); break;
    case '\t': fputs("\\t", out); break;
    default:
      if (c < 0x20 || c == 0x7F) fprintf(out, "\\u%04x", c);
      else fputc(c, out);
    }
    i++;
  }
  fputc('"', out);
}

void js_key(js_writer *w, const char *key) {
  if (w->skip) return;
  before(w);
  js_quote(w->out, key, strlen(key));
  fputs(w->style == JS_COMPACT ? ":" : ": ", w->out);
  w->keyed = 1;
}

void js_string(js_writer *w, const char *s, size_t n) {
  if (w->skip) return;
  before(w);
  js_quote(w->out, s, n);
}

void js_cstring(js_writer *w, const char *s) {
  if (s) js_string(w, s, strlen(s));
  else js_null(w);
}

void js_int(js_writer *w, long long v) {
  if (w->skip) return;
  before(w);
  fprintf(w->out, "%lld", v);
}

void js_fixed(js_writer *w, double v, int decimals) {
  if (w->skip) return;
  if (!isfinite(v)) { js_null(w); return; }
  before(w);
  fprintf(w->out, "%.*f", decimals < 0 ? 0 : decimals > 17 ? 17 : decimals, v);
}

void js_real(js_writer *w, double v) {
  if (w->skip) return;
  if (!isfinite(v)) { js_null(w); return; }
  before(w);
  fprintf(w->out, "%.15g", v);
}

void js_bool(js_writer *w, int v) {
  if (w->skip) return;
  before(w);
  fputs(v ? "true" : "false", w->out);
}

void js_null(js_writer *w) {
  if (w->skip) return;
  before(w);
  fputs("null", w->out);
}

void js_external(js_writer *w) {
  if (w->skip) return;
  before(w);
}
