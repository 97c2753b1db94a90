/* docx: the paragraphs of a Word document, as printed; see docx.h.
 *
 * Every XML part is read by libxml2's pull parser (xmlTextReader) in one
 * pass, so a large document costs time linear in its size and memory for
 * one paragraph; the element path is kept on a stack so that a w:b of a
 * run is told from the w:b of the paragraph mark or of a style. */
#include "docx.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/xmlreader.h>
#include <zip.h>

#include "diag.h"
#include "index.h"
#include "lang.h"
#include "mem.h"
#include "source.h"
#include "text.h"

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define W_NS_STRICT "http://purl.oclc.org/ooxml/wordprocessingml/main"
#define MC_NS "http://schemas.openxmlformats.org/markup-compatibility/2006"

enum {
  NLVL = 9,            /* Word's numbering levels */
  MAX_DEPTH = 256,     /* element nesting; libxml2 stops at 256 too */
  MAX_NEST = 8,        /* paragraphs inside paragraphs (text boxes) */
  MAX_CHAIN = 16,      /* styles followed through basedOn */
};

/* ---- the parts of the archive ---- */

/* libzip does not always say ZIP_ER_MEMORY when an allocation of its own
 * fails (a failed read of the central directory is "not a zip archive"),
 * but the failed malloc leaves ENOMEM: each call is made with errno
 * cleared, and a failure with ENOMEM is running out of memory, never a
 * damaged document or a missing part. */
static void zip_failed(void) {
  if (errno == ENOMEM) mem_oom();
}

/* The error of a member that cannot be read, from libzip's code. */
static int part_error(ar_arena *a, int code, const char *name, const char **error) {
  if (code == ZIP_ER_MEMORY) mem_oom();
  if (code == ZIP_ER_ENCRNOTSUPP || code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD)
    *error = _("the document is encrypted (protected by a password)");
  else if (code == ZIP_ER_COMPNOTSUPP)
    *error = dg_fmt(a, _("%s is compressed by a method Word does not use; not read"), name);
  else
    *error = dg_fmt(a, _("%s: the zip archive is damaged"), name);
  return -1;
}

/* Reads the archive member `name` into a malloc'd buffer, at most
 * DX_MAX_PART bytes whatever the archive declares. 0: read; 1: there is no
 * such member; -1: *error says why. */
static int read_part(ar_arena *a, zip_t *z, const char *name, char **buf, size_t *len, const char **error) {
  zip_stat_t st;
  zip_stat_init(&st);
  errno = 0;
  if (zip_stat(z, name, 0, &st) != 0) {
    zip_failed();
    return 1;
  }
  if ((st.valid & ZIP_STAT_SIZE) && st.size > DX_MAX_PART) goto too_large;
  errno = 0;
  zip_file_t *f = zip_fopen(z, name, 0);
  if (!f) {
    zip_failed();
    return part_error(a, zip_error_code_zip(zip_get_error(z)), name, error);
  }
  /* At most one byte more than the cap is read: enough to know. */
  size_t cap = 1 << 16, n = 0;
  char *b = mem_alloc(cap);
  for (;;) {
    if (n > DX_MAX_PART) { free(b); zip_fclose(f); goto too_large; }
    if (n == cap) {
      cap = cap > DX_MAX_PART / 2 ? DX_MAX_PART + 1 : cap * 2;
      b = mem_realloc(b, cap);
    }
    errno = 0;
    zip_int64_t r = zip_fread(f, b + n, cap - n);
    if (r < 0) {
      zip_failed();
      int code = zip_error_code_zip(zip_file_get_error(f));
      free(b);
      zip_fclose(f);
      return part_error(a, code, name, error);
    }
    if (r == 0) break;
    n += (size_t)r;
  }
  zip_fclose(f);
  *buf = b;
  *len = n;
  return 0;
too_large:
  *error = dg_fmt(a, _("%s is larger than %zu MiB uncompressed (a zip bomb?); not read"), name,
                  DX_MAX_PART >> 20);
  return -1;
}

/* ---- walking an XML part ---- */

typedef struct walker {
  xmlTextReaderPtr r;
  const char *part;
  const char *name[MAX_DEPTH];   /* local names of the open elements */
  unsigned char w[MAX_DEPTH];    /* 1: in the WordprocessingML namespace */
  int depth;
  int err_line, err_col;         /* the parser's first error */
} walker;

/* The reader's errors are remembered, never printed: nothing below the
 * command line prints. */
static void on_error(void *arg, xmlErrorPtr e) {
  walker *w = arg;
  if (w->err_line == 0 && e) {
    w->err_line = e->line > 0 ? e->line : 1;
    w->err_col = e->int2 > 0 ? e->int2 : 1;
  }
}

static int is_w(const xmlChar *ns) {
  return ns && (strcmp((const char *)ns, W_NS) == 0 || strcmp((const char *)ns, W_NS_STRICT) == 0);
}

/* The local name `k` elements up from the current one (0: itself), "" when
 * it is outside the document or of another namespace. */
static const char *up(const walker *w, int k) {
  int i = w->depth - 1 - k;
  return i >= 0 && w->w[i] ? w->name[i] : "";
}

/* An attribute of the current element in the WordprocessingML namespace,
 * copied into `buf` (cut at its size); NULL when absent. */
static const char *attr(walker *w, const char *name, char *buf, size_t size) {
  xmlChar *v = xmlTextReaderGetAttributeNs(w->r, (const xmlChar *)name, (const xmlChar *)W_NS);
  if (!v) v = xmlTextReaderGetAttributeNs(w->r, (const xmlChar *)name, (const xmlChar *)W_NS_STRICT);
  if (!v) return NULL;
  size_t n = strlen((const char *)v);
  if (n >= size) n = size - 1;
  memcpy(buf, v, n);
  buf[n] = 0;
  xmlFree(v);
  return buf;
}

/* A toggle property (w:b, w:vanish, w:pageBreakBefore): on unless its
 * w:val says off. */
static int toggle(walker *w) {
  char b[8];
  const char *v = attr(w, "val", b, sizeof b);
  return !v || !(strcmp(v, "0") == 0 || strcmp(v, "false") == 0 || strcmp(v, "off") == 0);
}

/* An attribute as a number within [lo, hi]; `dflt` when absent or not
 * one. */
static int int_attr(walker *w, const char *name, int lo, int hi, int dflt) {
  char b[24];
  const char *v = attr(w, name, b, sizeof b);
  if (!v) return dflt;
  char *end;
  errno = 0;
  long x = strtol(v, &end, 10);
  if (end == v || *end || errno) return dflt;
  return x < lo ? lo : x > hi ? hi : (int)x;
}

static int int_val(walker *w, int lo, int hi, int dflt) { return int_attr(w, "val", lo, hi, dflt); }

enum ev { EV_START, EV_END, EV_TEXT };
/* What a handler answers: go on, skip the element's content, or stop (the
 * handler has set the error). */
enum { GO, SKIP, STOP };
typedef int (*handler)(void *ctx, walker *w, enum ev ev, const char *text, size_t n);

static const char *xml_error(ar_arena *a, walker *w) {
  return dg_fmt(a, _("%s, line %d, column %d: malformed XML"), w->part, w->err_line ? w->err_line : 1,
                w->err_col ? w->err_col : 1);
}

/* The line of a document type declaration in the prolog (before the
 * first element), or 0. Looked for before parsing: libxml2 parses the
 * declarations before the reader shows the declaration, and an entity
 * bomb would be reported as some error inside an entity. */
static int prolog_dtd(const char *s, size_t n) {
  int line = 1;
  for (size_t i = 0; i < n;) {
    if (s[i] == '\n') line++;
    if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n') { i++; continue; }
    if (n - i >= 3 && memcmp(s + i, "\xEF\xBB\xBF", 3) == 0) { i += 3; continue; }
    const char *end = NULL;
    if (n - i >= 2 && memcmp(s + i, "<?", 2) == 0) end = "?>";
    else if (n - i >= 4 && memcmp(s + i, "<!--", 4) == 0) end = "-->";
    else return n - i >= 9 && memcmp(s + i, "<!DOCTYPE", 9) == 0 ? line : 0;
    for (i += 2; i < n && !(s[i] == end[0] && n - i >= strlen(end) && memcmp(s + i, end, strlen(end)) == 0); i++)
      if (s[i] == '\n') line++;
    i += strlen(end);
  }
  return 0;
}

static const char *dtd_error(ar_arena *a, const char *part, int line) {
  return dg_fmt(a, _("%s, line %d: a document type declaration, which Word never writes; not read"), part, line);
}

/* One step of the walk for the node under the reader. */
static int step(ar_arena *ar, walker *w, handler h, void *ctx, const char **error) {
  xmlTextReaderPtr r = w->r;
  int type = xmlTextReaderNodeType(r);
  if (type == XML_READER_TYPE_DOCUMENT_TYPE) {
    *error = dtd_error(ar, w->part, xmlTextReaderGetParserLineNumber(r));
    return STOP;
  }
  if (type == XML_READER_TYPE_ELEMENT) {
    if (w->depth == MAX_DEPTH) {
      *error = dg_fmt(ar, _("%s, line %d: elements nested too deeply"), w->part,
                      xmlTextReaderGetParserLineNumber(r));
      return STOP;
    }
    int empty = xmlTextReaderIsEmptyElement(r);
    const xmlChar *ns = xmlTextReaderConstNamespaceUri(r);
    w->name[w->depth] = (const char *)xmlTextReaderConstLocalName(r);
    w->w[w->depth] = (unsigned char)is_w(ns);
    w->depth++;
    int a = ns && strcmp((const char *)ns, MC_NS) == 0 && strcmp(w->name[w->depth - 1], "Fallback") == 0
                ? SKIP
                : h(ctx, w, EV_START, NULL, 0);
    if (a == GO && empty) a = h(ctx, w, EV_END, NULL, 0);
    if (a == SKIP || empty) w->depth--;
    return a;
  }
  if (type == XML_READER_TYPE_END_ELEMENT) {
    int a = h(ctx, w, EV_END, NULL, 0);
    if (w->depth > 0) w->depth--;
    return a;
  }
  if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
      type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) {
    const char *s = (const char *)xmlTextReaderConstValue(r);
    return s ? h(ctx, w, EV_TEXT, s, strlen(s)) : GO;
  }
  return GO;
}

/* libxml2 allocates through these, so that its running out of memory ends
 * in mem_oom as every other allocation does, never in an error that reads
 * as a damaged document. */
static void *xml_malloc(size_t n) { return mem_alloc(n); }
static void *xml_realloc(void *p, size_t n) { return mem_realloc(p, n); }
static char *xml_strdup(const char *s) { return mem_strdup(s); }

void dx_xml_init(void) {
  static int done;
  if (done) return;
  done = 1;
  xmlMemSetup(free, xml_malloc, xml_realloc, xml_strdup);
  xmlInitParser();
}

/* Walks the XML of `part`: no network, no entity substitution, no DTD
 * loaded (and one declared is refused). */
static int walk(ar_arena *ar, const char *part, const char *buf, size_t len, handler h, void *ctx, const char **error) {
  int dtd = prolog_dtd(buf, len);
  if (dtd) {
    *error = dtd_error(ar, part, dtd);
    return -1;
  }
  if (len > INT_MAX) len = INT_MAX;
  walker *w = mem_calloc(1, sizeof *w);
  w->part = part;
  w->r = xmlReaderForMemory(buf, (int)len, part, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
                                                           XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
  if (!w->r) mem_oom();
  xmlTextReaderSetStructuredErrorHandler(w->r, on_error, w);
  int rc = 0, got;
  while ((got = xmlTextReaderRead(w->r)) == 1) {
    int a = step(ar, w, h, ctx, error);
    if (a == STOP) { rc = -1; break; }
    if (a == SKIP) {
      /* The reader is on the element's start: Next moves past its end. */
      got = xmlTextReaderNext(w->r);
      while (got == 1) {
        a = step(ar, w, h, ctx, error);
        if (a == STOP) { rc = -1; break; }
        if (a != SKIP) break;
        got = xmlTextReaderNext(w->r);
      }
      if (rc || got != 1) break;
    }
  }
  if (rc == 0 && (got < 0 || w->err_line)) {
    *error = xml_error(ar, w);
    rc = -1;
  }
  xmlFreeTextReader(w->r);
  free(w);
  return rc;
}

/* ---- numbering.xml: the lists ---- */

enum fmt { F_DECIMAL, F_DECIMAL_ZERO, F_UPPER_ROMAN, F_LOWER_ROMAN, F_UPPER_LETTER, F_LOWER_LETTER,
           F_BULLET, F_NONE };

/* One level of a list: how its number is printed. */
typedef struct lvl {
  int set;                   /* defined */
  int start;
  enum fmt fmt;
  const char *text;          /* w:lvlText: "%1.", "%1.%2.", "-" */
  int suff;                  /* after the number: 0 a tab, 1 a space, 2 nothing */
  int restart;               /* w:lvlRestart: -1 absent, 0 never, N after level N */
  int legal;                 /* w:isLgl: the other levels' numbers in decimal */
  int symbol;                /* the bullet is in the Symbol font */
} lvl;

/* A list definition (w:abstractNum) and its counters: every w:num that
 * refers to it continues the same count, as Word does. */
typedef struct absnum {
  sl_slice id;
  sl_slice style_link;       /* w:numStyleLink: the definition is the list
                                style's (a numbering style of styles.xml) */
  lvl l[NLVL];
  int val[NLVL];
  unsigned char started[NLVL];
} absnum;

/* A list instance (w:num): its definition and overrides. The first
 * paragraph that uses an instance with a start override restarts it. */
typedef struct num {
  sl_slice id;
  sl_slice abs_id;
  lvl ov[NLVL];
  int start_ov[NLVL];
  unsigned char has_start_ov[NLVL];
  int applied;
} num;

/* A paragraph or character style: what the reader takes from it. */
typedef struct style {
  sl_slice id;
  sl_slice based_on;
  int bold;                  /* -1 not said */
  sl_slice num_id;           /* .p NULL: no numbering said */
  int ilvl;                  /* -1 not said */
} style;

static sl_slice id_key(const void *v) { return *(const sl_slice *)v; }

/* What the reader knows of the document. */
typedef struct doc {
  ar_arena *a;
  ix_table abs, nums, styles, notes;
  int default_bold;
  /* numbering.xml and styles.xml while they are read */
  absnum *cur_abs;
  num *cur_num;
  lvl *cur_lvl;
  int cur_ov;                /* the level of the lvlOverride being read */
  style *cur_style;
  int in_defaults;
} doc;

static sl_slice val_slice(doc *d, walker *w, const char *name) {
  char b[256];
  const char *v = attr(w, name, b, sizeof b);
  return v ? ar_slice_dup(d->a, (sl_slice){ v, strlen(v) }) : SL_NONE;
}

static enum fmt parse_fmt(const char *v) {
  static const struct { const char *name; enum fmt f; } t[] = {
    { "decimal", F_DECIMAL }, { "decimalZero", F_DECIMAL_ZERO }, { "upperRoman", F_UPPER_ROMAN },
    { "lowerRoman", F_LOWER_ROMAN }, { "upperLetter", F_UPPER_LETTER }, { "lowerLetter", F_LOWER_LETTER },
    { "bullet", F_BULLET }, { "none", F_NONE },
  };
  for (size_t i = 0; v && i < sizeof t / sizeof t[0]; i++)
    if (strcmp(v, t[i].name) == 0) return t[i].f;
  return F_DECIMAL;   /* the formats Vietnamese documents do not use print as digits */
}

/* A level being defined: in an abstractNum, or overridden in a num. */
static void begin_lvl(doc *d, walker *w, lvl *levels) {
  int i = int_attr(w, "ilvl", 0, NLVL - 1, 0);
  d->cur_lvl = &levels[i];
  *d->cur_lvl = (lvl){ .set = 1, .start = 0, .fmt = F_DECIMAL, .text = "", .restart = -1 };
}

static void lvl_property(doc *d, walker *w, const char *e) {
  lvl *l = d->cur_lvl;
  char b[256];
  if (strcmp(e, "start") == 0) l->start = int_val(w, 0, 1000000, 0);
  else if (strcmp(e, "numFmt") == 0) l->fmt = parse_fmt(attr(w, "val", b, sizeof b));
  else if (strcmp(e, "lvlText") == 0) {
    const char *v = attr(w, "val", b, sizeof b);
    l->text = v ? ar_strndup(d->a, v, strlen(v)) : "";
  } else if (strcmp(e, "suff") == 0) {
    const char *v = attr(w, "val", b, sizeof b);
    l->suff = !v ? 0 : strcmp(v, "space") == 0 ? 1 : strcmp(v, "nothing") == 0 ? 2 : 0;
  } else if (strcmp(e, "lvlRestart") == 0) l->restart = int_val(w, 0, NLVL, -1);
  else if (strcmp(e, "isLgl") == 0) l->legal = toggle(w);
  else if (strcmp(e, "rFonts") == 0) {
    const char *v = attr(w, "ascii", b, sizeof b);
    l->symbol = v && strstr(v, "Symbol") != NULL;
  }
}

static int numbering_event(void *ctx, walker *w, enum ev ev, const char *text, size_t n) {
  doc *d = ctx;
  (void)text, (void)n;
  const char *e = up(w, 0), *p = up(w, 1);
  if (ev == EV_END) {
    if (strcmp(e, "abstractNum") == 0) d->cur_abs = NULL;
    else if (strcmp(e, "num") == 0) d->cur_num = NULL;
    else if (strcmp(e, "lvl") == 0) d->cur_lvl = NULL;
    return GO;
  }
  if (ev != EV_START) return GO;
  if (strcmp(e, "abstractNum") == 0) {
    absnum *x = ar_alloc(d->a, sizeof *x);
    x->id = val_slice(d, w, "abstractNumId");
    if (x->id.p && !ix_put(&d->abs, x)) d->cur_abs = x;   /* the first of an id counts */
  } else if (strcmp(e, "num") == 0) {
    num *x = ar_alloc(d->a, sizeof *x);
    x->id = val_slice(d, w, "numId");
    if (x->id.p && !ix_put(&d->nums, x)) d->cur_num = x;
  } else if (strcmp(e, "lvl") == 0 && strcmp(p, "abstractNum") == 0 && d->cur_abs) {
    begin_lvl(d, w, d->cur_abs->l);
  } else if (strcmp(e, "lvl") == 0 && strcmp(p, "lvlOverride") == 0 && d->cur_num) {
    begin_lvl(d, w, d->cur_num->ov);
  } else if (strcmp(e, "numStyleLink") == 0 && d->cur_abs) {
    d->cur_abs->style_link = val_slice(d, w, "val");
  } else if (strcmp(e, "abstractNumId") == 0 && strcmp(p, "num") == 0 && d->cur_num) {
    d->cur_num->abs_id = val_slice(d, w, "val");
  } else if (strcmp(e, "lvlOverride") == 0 && d->cur_num) {
    d->cur_ov = int_attr(w, "ilvl", 0, NLVL - 1, 0);
  } else if (strcmp(e, "startOverride") == 0 && strcmp(p, "lvlOverride") == 0 && d->cur_num) {
    d->cur_num->start_ov[d->cur_ov] = int_val(w, 0, 1000000, 0);
    d->cur_num->has_start_ov[d->cur_ov] = 1;
  } else if (d->cur_lvl) {
    lvl_property(d, w, e);
  }
  return GO;
}

/* ---- styles.xml: bold and numbering given by a style ---- */

static int styles_event(void *ctx, walker *w, enum ev ev, const char *text, size_t n) {
  doc *d = ctx;
  (void)text, (void)n;
  const char *e = up(w, 0), *p = up(w, 1), *g = up(w, 2);
  if (ev == EV_END) {
    if (strcmp(e, "style") == 0) d->cur_style = NULL;
    else if (strcmp(e, "docDefaults") == 0) d->in_defaults = 0;
    return GO;
  }
  if (ev != EV_START) return GO;
  style *s = d->cur_style;
  if (strcmp(e, "style") == 0) {
    style *x = ar_alloc(d->a, sizeof *x);
    x->id = val_slice(d, w, "styleId");
    x->bold = -1;
    x->ilvl = -1;
    if (x->id.p && !ix_put(&d->styles, x)) d->cur_style = x;
  } else if (strcmp(e, "docDefaults") == 0) {
    d->in_defaults = 1;
  } else if (strcmp(e, "b") == 0 && strcmp(p, "rPr") == 0) {
    if (s && strcmp(g, "style") == 0) s->bold = toggle(w);
    else if (d->in_defaults && strcmp(g, "rPrDefault") == 0) d->default_bold = toggle(w);
  } else if (s && strcmp(e, "basedOn") == 0) {
    s->based_on = val_slice(d, w, "val");
  } else if (s && strcmp(p, "numPr") == 0 && strcmp(g, "pPr") == 0) {
    if (strcmp(e, "numId") == 0) s->num_id = val_slice(d, w, "val");
    else if (strcmp(e, "ilvl") == 0) s->ilvl = int_val(w, 0, NLVL - 1, 0);
  }
  return GO;
}

static style *find_style(doc *d, sl_slice id) { return id.p ? ix_get(&d->styles, id) : NULL; }

/* Whether a style (or one it is based on) says bold: 1, 0, or -1. */
static int style_bold(doc *d, sl_slice id) {
  style *s = find_style(d, id);
  for (int k = 0; s && k < MAX_CHAIN; k++, s = find_style(d, s->based_on))
    if (s->bold >= 0) return s->bold;
  return -1;
}

/* The numbering a paragraph style (or one it is based on) gives. */
static void style_numbering(doc *d, sl_slice id, sl_slice *num_id, int *ilvl) {
  style *s = find_style(d, id);
  for (int k = 0; s && k < MAX_CHAIN; k++, s = find_style(d, s->based_on)) {
    if (*ilvl < 0 && s->ilvl >= 0) *ilvl = s->ilvl;
    if (!num_id->p && s->num_id.p) *num_id = s->num_id;
  }
}

/* ---- numbers as printed ---- */

static void put_roman(dg_buf *b, int v, int upper) {
  static const struct { int v; const char *s; } t[] = {
    { 1000, "m" }, { 900, "cm" }, { 500, "d" }, { 400, "cd" }, { 100, "c" }, { 90, "xc" },
    { 50, "l" }, { 40, "xl" }, { 10, "x" }, { 9, "ix" }, { 5, "v" }, { 4, "iv" }, { 1, "i" },
  };
  for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
    for (; v >= t[i].v; v -= t[i].v)
      for (const char *c = t[i].s; *c; c++) {
        char ch = upper ? (char)(*c - 'a' + 'A') : *c;
        dg_buf_add(b, &ch, 1);
      }
}

/* A number in a level's format: 4, 04, IV, iv, D, d (27 is "aa", as Word
 * counts letters). */
static void put_number(dg_buf *b, int v, enum fmt f) {
  char s[32];
  if ((f == F_UPPER_ROMAN || f == F_LOWER_ROMAN) && v > 0 && v < 4000) {
    put_roman(b, v, f == F_UPPER_ROMAN);
  } else if ((f == F_UPPER_LETTER || f == F_LOWER_LETTER) && v > 0 && v <= 26 * 20) {
    char ch = (char)((f == F_UPPER_LETTER ? 'A' : 'a') + (v - 1) % 26);
    for (int k = 0; k <= (v - 1) / 26; k++) dg_buf_add(b, &ch, 1);
  } else if (f != F_NONE && f != F_BULLET) {
    int m = snprintf(s, sizeof s, f == F_DECIMAL_ZERO ? "%02d" : "%d", v);
    dg_buf_add(b, s, (size_t)m);
  }
}

/* A character of a symbol font as text, into out (NUL-terminated): a
 * private-use code point (U+F0xx) means nothing outside its font, but the
 * Symbol font's ASCII range is ASCII (the "-" and "+" of Vietnamese
 * documents) and its U+F0B7 the bullet "•". Returns 0 for the other
 * shapes (squares, arrows, check marks). */
static int symbol_text(unsigned cp, int symbol_font, char out[4]) {
  unsigned lo = cp & 0xFF;
  if ((cp & 0xFF00) != 0xF000) return 0;
  if (symbol_font && lo >= 0x20 && lo < 0x7F) {
    out[0] = (char)lo, out[1] = 0;
    return 1;
  }
  if (symbol_font && lo == 0xB7) {
    memcpy(out, "\xE2\x80\xA2", 4);
    return 1;
  }
  return 0;
}

/* A bullet as printed: a symbol font's shape without a text form is
 * printed "•". */
static void put_bullet(dg_buf *b, const lvl *l) {
  const unsigned char *s = (const unsigned char *)l->text;
  size_t n = strlen(l->text);
  for (size_t i = 0; i < n;) {
    if (i + 2 < n && s[i] == 0xEF && (s[i + 1] & 0xFC) == 0x80) {
      unsigned cp = 0xF000u | ((unsigned)(s[i + 1] & 0x03) << 6) | (s[i + 2] & 0x3F);
      char t[4];
      const char *c = symbol_text(cp, l->symbol, t) ? t : "\xE2\x80\xA2";
      dg_buf_add(b, c, strlen(c));
      i += 3;
    } else {
      dg_buf_add(b, (const char *)s + i, 1);
      i++;
    }
  }
}

/* The definition of level i of list instance x. */
static const lvl *level_of(num *x, absnum *ab, int i) { return x->ov[i].set ? &x->ov[i] : &ab->l[i]; }

static int start_of(num *x, absnum *ab, int i) {
  return x->has_start_ov[i] ? x->start_ov[i] : level_of(x, ab, i)->start;
}

/* The definition of a list: an abstractNum that only links to a list
 * style is defined by the list the style numbers with (one step: a link
 * to a link is not followed). */
static absnum *definition(doc *d, absnum *ab) {
  if (!ab || !ab->style_link.p) return ab;
  style *st = find_style(d, ab->style_link);
  num *x = st && st->num_id.p ? ix_get(&d->nums, st->num_id) : NULL;
  absnum *def = x && x->abs_id.p ? ix_get(&d->abs, x->abs_id) : NULL;
  return def ? def : ab;
}

/* Counts a paragraph of level `il` in list `num_id` and writes its number
 * as printed, followed by what separates it from the text, into b.
 * Returns 0 when the paragraph has no number. */
static int number_paragraph(doc *d, sl_slice num_id, int il, dg_buf *b) {
  num *x = num_id.p ? ix_get(&d->nums, num_id) : NULL;
  absnum *ab = definition(d, x && x->abs_id.p ? ix_get(&d->abs, x->abs_id) : NULL);
  if (!ab || !level_of(x, ab, il)->set) return 0;
  if (!x->applied) {
    x->applied = 1;
    for (int i = 0; i < NLVL; i++)
      if (x->has_start_ov[i] || x->ov[i].set) ab->started[i] = 0;
  }
  ab->val[il] = ab->started[il] ? ab->val[il] + 1 : start_of(x, ab, il);
  ab->started[il] = 1;
  for (int k = il + 1; k < NLVL; k++) {
    int r = level_of(x, ab, k)->restart;
    if (r < 0 || (r > 0 && il < r)) ab->started[k] = 0;
  }
  const lvl *l = level_of(x, ab, il);
  size_t before = b->n;
  if (l->fmt == F_BULLET) {
    put_bullet(b, l);
  } else {
    for (const char *c = l->text; *c; c++) {
      if (c[0] == '%' && c[1] >= '1' && c[1] <= '9') {
        int k = c[1] - '1';
        const lvl *lk = level_of(x, ab, k);
        int v = ab->started[k] ? ab->val[k] : start_of(x, ab, k);
        put_number(b, v, l->legal && lk->fmt != F_NONE ? F_DECIMAL : lk->fmt);
        c++;
      } else {
        dg_buf_add(b, c, 1);
      }
    }
  }
  if (b->n > before && l->suff != 2) dg_buf_add(b, " ", 1);
  return b->n > before;
}

/* ---- document.xml: the paragraphs ---- */

/* A footnote's text (word/footnotes.xml), its paragraphs joined by a
 * space: given after the paragraph that cites it, as the document's plain
 * text puts it at the foot of the page. */
typedef struct note {
  sl_slice id;
  dg_buf text;
} note;

/* A paragraph being read. Paragraphs nest (a text box anchored in a
 * paragraph holds paragraphs of its own); each is given when it ends. */
typedef struct note_ref { int number; sl_slice id; } note_ref;

typedef struct para {
  dg_buf text;
  note_ref *notes;           /* the footnotes it cites, in order */
  size_t nnotes, cap_notes;
  size_t letters, bold;      /* letters, and those in bold runs */
  sl_slice style, num_id;    /* num_id.p NULL: none given directly */
  int ilvl;                  /* -1: none given directly */
  int page, page_after;      /* a page break before its text, within it */
  int ends_section;
} para;

typedef struct reader {
  doc d;
  ar_arena tmp;              /* the text of the paragraphs being read */
  im_text *out;
  para p[MAX_NEST];
  int np;
  int cells;                 /* table cells open */
  unsigned mark;             /* IM_ROW or IM_NEXTCELL: the next line of a
                                cell of an outer table starts a row or a cell */
  int run_bold;              /* -1: the run says nothing */
  sl_slice run_style;
  int run_hidden;
  int pending_page;          /* the next paragraph begins a page */
  int sect_pending;          /* a section ended before line sect_line */
  size_t sect_line;
  int sect_continuous;       /* the section being read began on the same page */
  int footnotes;             /* footnote references so far */
  int in_notes;              /* reading footnotes.xml */
  note *cur_note;            /* the footnote being read */
  const char **error;
} reader;

static int is_letter(unsigned char c) { return c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }

/* Text of the current run (or a tab, break, hyphen in it). A line break
 * or tab written into the XML text is white space, as Word shows it: a
 * line has no line break. */
static void add_text(reader *r, const char *s, size_t n, int letters) {
  para *p = &r->p[r->np - 1];
  for (size_t i = 0, j = 0; j <= n; j++)
    if (j == n || s[j] == '\n' || s[j] == '\r' || s[j] == '\t') {
      dg_buf_add(&p->text, s + i, j - i);
      if (j < n) dg_buf_add(&p->text, " ", 1);
      i = j + 1;
    }
  if (!letters) return;
  int bold = r->run_bold;
  if (bold < 0) bold = style_bold(&r->d, r->run_style);
  if (bold < 0) bold = style_bold(&r->d, p->style);
  if (bold < 0) bold = r->d.default_bold;
  for (size_t i = 0; i < n; i++)
    if (is_letter((unsigned char)s[i])) {
      p->letters++;
      if (bold) p->bold++;
    }
}

/* A footnote's number in superscript digits, as the plain text of a
 * document prints it ("người lao động¹"). */
static void put_superscript(dg_buf *b, int v) {
  static const char *const sup[] = { "⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹" };
  char digits[16];
  int m = snprintf(digits, sizeof digits, "%d", v);
  for (int i = 0; i < m; i++) dg_buf_add(b, sup[digits[i] - '0'], strlen(sup[digits[i] - '0']));
}

/* A footnote reference: its number, and the note to give after the
 * paragraph. */
static void add_footnote(reader *r, walker *w) {
  para *p = &r->p[r->np - 1];
  int v = ++r->footnotes;
  put_superscript(&p->text, v);
  p->notes = ar_grow(&r->tmp, p->notes, sizeof *p->notes, &p->cap_notes, p->nnotes + 1);
  p->notes[p->nnotes++] = (note_ref){ v, val_slice(&r->d, w, "id") };
}

/* Gives a line, in NFC: Vietnamese typed or converted by some software
 * comes decomposed (NFD), and the text route gives NFC (imtext.h: the
 * routes give the same draft). */
static void add_line(reader *r, const char *s, size_t n, unsigned flags) {
  sl_slice nfc = tx_nfc(&r->tmp, s, n);
  if (flags & IM_CELL) flags |= r->mark, r->mark = 0;
  im_add(r->d.a, r->out, nfc.p, nfc.n, flags);
}

/* A cell of an outer table (not one inside a cell) starts: its first line
 * starts the row (the row's first cell) or a cell. */
static void start_cell(reader *r, int first) {
  if (r->cells == 1) r->mark = first ? IM_ROW : IM_NEXTCELL;
}

/* That cell ends: one that gave no line gives an empty one, so that the
 * importer reads the later cells of the row in their columns (a task
 * table's empty number or partner cell). Nothing else reads an empty line. */
static void end_cell(reader *r) {
  if (r->cells == 1 && r->mark) add_line(r, "", 0, IM_WHOLE | IM_CELL);
}

/* The footnotes a paragraph cited, one line each: "¹ Gắn với ...". */
static void give_notes(reader *r, const para *p) {
  for (size_t i = 0; i < p->nnotes; i++) {
    note *x = p->notes[i].id.p ? ix_get(&r->d.notes, p->notes[i].id) : NULL;
    if (!x || !x->text.n) continue;
    dg_buf line = dg_buf_in(&r->tmp);
    put_superscript(&line, p->notes[i].number);
    dg_buf_add(&line, " ", 1);
    dg_buf_add(&line, dg_buf_text(&x->text), x->text.n);
    add_line(r, dg_buf_text(&line), line.n, IM_WHOLE | (r->cells ? IM_CELL : 0));
  }
}

static size_t trim_end(const char *s, size_t n) {
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t')) n--;
  return n;
}

/* A paragraph of a footnote ends: its text joins the note's. */
static void end_note_paragraph(reader *r, para *p) {
  const char *t = dg_buf_text(&p->text);
  size_t n = p->text.n;
  while (n && (*t == ' ' || *t == '\t')) t++, n--;
  n = trim_end(t, n);
  if (n) dg_buf_item(&r->cur_note->text, " ", t, n);
  if (r->np == 0) ar_reset(&r->tmp);
}

/* The paragraph on top ends: its line, with its number, is given. */
static void end_paragraph(reader *r) {
  para *p = &r->p[--r->np];
  if (r->in_notes) {
    if (r->cur_note) end_note_paragraph(r, p);
    else if (r->np == 0) ar_reset(&r->tmp);
    return;
  }
  sl_slice nid = p->num_id;
  int il = p->ilvl;
  if (!nid.p || il < 0) style_numbering(&r->d, p->style, &nid, &il);
  dg_buf line = dg_buf_in(&r->tmp);
  if (nid.p && !sl_eq_cstr(nid, "0")) number_paragraph(&r->d, nid, il < 0 ? 0 : il, &line);
  const char *t = dg_buf_text(&p->text);
  size_t n = p->text.n;
  while (n && (*t == ' ' || *t == '\t')) t++, n--;
  dg_buf_add(&line, t, n);
  n = trim_end(dg_buf_text(&line), line.n);
  int page = p->page || r->pending_page;
  if (n == 0) {
    r->pending_page = page || p->page_after;
  } else {
    unsigned flags = IM_WHOLE | (r->cells ? IM_CELL : 0) | (page ? IM_PAGE : 0) |
                     (p->letters && p->bold == p->letters ? IM_BOLD : 0);
    add_line(r, dg_buf_text(&line), n, flags);
    r->pending_page = p->page_after;
  }
  give_notes(r, p);
  if (p->ends_section) {
    r->sect_pending = 1;
    r->sect_line = r->out->n;
  }
  if (r->np == 0) ar_reset(&r->tmp);
}

/* A section's properties end: they say how the section began, so the
 * break that ended the section before is now known to start a page or
 * not (a section begins on a new page unless it is "continuous"). */
static void end_section(reader *r) {
  if (r->sect_pending && !r->sect_continuous && r->sect_line < r->out->n)
    r->out->v[r->sect_line].flags |= IM_PAGE;
  r->sect_pending = 0;
}

static int is_any(const char *e, const char *const *names) {
  for (; *names; names++)
    if (strcmp(e, *names) == 0) return 1;
  return 0;
}

/* Text Word does not print: deleted and moved-away revisions, field
 * codes, the former properties a revision keeps. */
static const char *const unprinted[] = {
  "del", "delText", "moveFrom", "instrText", "delInstrText", "pPrChange", "rPrChange",
  "sectPrChange", "tblPrChange", "trPrChange", "tcPrChange", "numberingChange", NULL,
};

/* A w:sym character: its text when it has one. Word writes the Symbol
 * font's characters as U+F0xx, older writers as the font's byte. */
static void add_symbol(reader *r, walker *w) {
  char hex[16], font[64], t[4];
  const char *c = attr(w, "char", hex, sizeof hex), *f = attr(w, "font", font, sizeof font);
  if (!c) return;
  char *end;
  unsigned long cp = strtoul(c, &end, 16);
  if (end == c || *end) return;
  if (cp <= 0xFF) cp |= 0xF000;
  if (symbol_text((unsigned)cp, f && strstr(f, "Symbol") != NULL, t)) add_text(r, t, strlen(t), 0);
}

static int start_in_run(reader *r, walker *w, const char *e) {
  para *p = &r->p[r->np - 1];
  char b[16];
  if (strcmp(e, "tab") == 0 || strcmp(e, "ptab") == 0 || strcmp(e, "cr") == 0) add_text(r, " ", 1, 0);
  else if (strcmp(e, "noBreakHyphen") == 0) add_text(r, "-", 1, 0);
  else if (strcmp(e, "footnoteReference") == 0 && !r->in_notes) add_footnote(r, w);
  else if (strcmp(e, "sym") == 0) add_symbol(r, w);
  else if (strcmp(e, "br") == 0) {
    const char *type = attr(w, "type", b, sizeof b);
    if (!type || strcmp(type, "textWrapping") == 0) add_text(r, " ", 1, 0);
    else if (strcmp(type, "page") == 0) {
      /* Before any text the paragraph itself begins the page; after
       * some, the next paragraph does (a line is a whole paragraph). */
      if (trim_end(dg_buf_text(&p->text), p->text.n)) {
        p->page_after = 1;
        add_text(r, " ", 1, 0);
      } else {
        p->page = 1;
      }
    }
  }
  return GO;
}

/* A footnote of footnotes.xml begins; the separators Word draws above
 * the notes are not text. */
static int start_note(reader *r, walker *w) {
  char b[32];
  const char *type = attr(w, "type", b, sizeof b);
  if (type && strcmp(type, "normal") != 0) return SKIP;
  note *x = ar_alloc(r->d.a, sizeof *x);
  x->id = val_slice(&r->d, w, "id");
  x->text = dg_buf_in(r->d.a);
  if (x->id.p && !ix_put(&r->d.notes, x)) r->cur_note = x;
  return GO;
}

static int document_event(void *ctx, walker *w, enum ev ev, const char *text, size_t n) {
  reader *r = ctx;
  const char *e = up(w, 0), *pa = up(w, 1), *g = up(w, 2);
  if (ev == EV_TEXT) {
    if (r->np && strcmp(e, "t") == 0 && !r->run_hidden) add_text(r, text, n, 1);
    return GO;
  }
  if (ev == EV_END) {
    if (strcmp(e, "footnote") == 0) r->cur_note = NULL;
    if (strcmp(e, "p") == 0 && r->np) end_paragraph(r);
    else if (strcmp(e, "tc") == 0 && r->cells) end_cell(r), r->cells--;
    else if (strcmp(e, "sectPr") == 0) end_section(r);
    return GO;
  }
  if (!*e) return GO;
  if (is_any(e, unprinted)) return SKIP;
  para *p = r->np ? &r->p[r->np - 1] : NULL;
  if (r->in_notes && strcmp(e, "footnote") == 0) return start_note(r, w);
  if (strcmp(e, "p") == 0) {
    if (r->np == MAX_NEST) {
      *r->error = dg_fmt(r->d.a, _("%s, line %d: paragraphs nested too deeply"), w->part,
                         xmlTextReaderGetParserLineNumber(w->r));
      return STOP;
    }
    r->p[r->np++] = (para){ .text = dg_buf_in(&r->tmp), .ilvl = -1 };
  } else if (strcmp(e, "tr") == 0) {
    if (r->cells == 0) r->mark = IM_ROW;
  } else if (strcmp(e, "tc") == 0) {
    r->cells++;
    start_cell(r, r->mark == IM_ROW);
  } else if (strcmp(e, "sectPr") == 0) {
    r->sect_continuous = 0;
    if (p && strcmp(pa, "pPr") == 0) p->ends_section = 1;
  } else if (strcmp(e, "type") == 0 && strcmp(pa, "sectPr") == 0) {
    char b[16];
    const char *v = attr(w, "val", b, sizeof b);
    r->sect_continuous = v && strcmp(v, "continuous") == 0;
  } else if (!p) {
    return GO;
  } else if (strcmp(pa, "pPr") == 0) {
    if (strcmp(e, "pStyle") == 0) p->style = val_slice(&r->d, w, "val");
    else if (strcmp(e, "pageBreakBefore") == 0 && toggle(w)) p->page = 1;
  } else if (strcmp(pa, "numPr") == 0 && strcmp(g, "pPr") == 0) {
    if (strcmp(e, "numId") == 0) p->num_id = val_slice(&r->d, w, "val");
    else if (strcmp(e, "ilvl") == 0) p->ilvl = int_val(w, 0, NLVL - 1, 0);
  } else if (strcmp(e, "r") == 0) {
    r->run_bold = -1;
    r->run_style = SL_NONE;
    r->run_hidden = 0;
  } else if (strcmp(pa, "rPr") == 0 && strcmp(g, "r") == 0) {
    if (strcmp(e, "b") == 0) r->run_bold = toggle(w);
    else if (strcmp(e, "rStyle") == 0) r->run_style = val_slice(&r->d, w, "val");
    else if (strcmp(e, "vanish") == 0) r->run_hidden = toggle(w);
  } else if (strcmp(pa, "r") == 0) {
    return start_in_run(r, w, e);
  }
  return GO;
}

/* ---- the archive ---- */

/* The whole file, at most DX_MAX_FILE bytes, in a malloc'd buffer. */
static char *read_file(int fd, size_t *len, const char **error) {
  size_t cap = 1 << 16, n = 0;
  char *b = mem_alloc(cap);
  for (;;) {
    if (n == cap) {
      if (cap >= DX_MAX_FILE) {
        *error = src_status_text(SRC_TOO_LARGE, 0);
        free(b);
        return NULL;
      }
      cap *= 2;
      b = mem_realloc(b, cap);
    }
    ssize_t r = read(fd, b + n, cap - n);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) {
      *error = src_status_text(SRC_UNREADABLE, errno);
      free(b);
      return NULL;
    }
    if (r == 0) break;
    n += (size_t)r;
  }
  *len = n;
  return b;
}

static const char *open_error(int code) {
  if (code == ZIP_ER_MEMORY) mem_oom();
  if (code == ZIP_ER_NOZIP) return _("not a Word document (.docx): not a zip archive");
  if (code == ZIP_ER_ENCRNOTSUPP || code == ZIP_ER_NOPASSWD) return _("the document is encrypted (protected by a password)");
  return _("not a Word document (.docx): the zip archive is damaged");
}

/* Reads the parts in order: the lists, styles and footnotes first, since
 * the paragraphs refer to them. */
static int read_parts(reader *r, zip_t *z) {
  static const char *const names[] = { "word/numbering.xml", "word/styles.xml", "word/footnotes.xml",
                                       "word/document.xml" };
  static handler const handlers[] = { numbering_event, styles_event, document_event, document_event };
  for (int i = 0; i < 4; i++) {
    char *buf = NULL;
    size_t len = 0;
    int got = read_part(r->d.a, z, names[i], &buf, &len, r->error);
    if (got < 0) return -1;
    if (got == 1 && i < 3) continue;
    if (got == 1) {
      *r->error = _("not a Word document (.docx): the archive has no word/document.xml");
      return -1;
    }
    r->in_notes = i == 2;
    int rc = walk(r->d.a, names[i], buf, len, handlers[i], i >= 2 ? (void *)r : (void *)&r->d, r->error);
    free(buf);
    if (rc) return -1;
  }
  return 0;
}

int dx_read(ar_arena *a, const char *path, im_text *out, const char **error) {
  int fd = im_open(path, error);
  if (fd < 0) return -1;
  size_t len = 0;
  char *buf = read_file(fd, &len, error);
  close(fd);
  if (!buf) return -1;
  if (len < 22 || (len >= 8 && memcmp(buf, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)) {
    /* Shorter than a zip archive's end record; or an OLE2 compound file,
     * the binary .doc of Word 97-2003 that offices still keep. */
    *error = len < 22 ? open_error(ZIP_ER_NOZIP)
                      : _("a Word 97-2003 document (.doc), not .docx: open it in Word and save it as .docx");
    free(buf);
    return -1;
  }
  dx_xml_init();
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t *src = zip_source_buffer_create(buf, len, 0, &ze);
  if (!src) mem_oom();
  errno = 0;
  zip_t *z = zip_open_from_source(src, ZIP_RDONLY, &ze);
  if (!z) {
    zip_failed();
    *error = open_error(zip_error_code_zip(&ze));
    zip_error_fini(&ze);
    zip_source_free(src);
    free(buf);
    return -1;
  }
  zip_error_fini(&ze);
  reader *r = mem_calloc(1, sizeof *r);
  r->d.a = a;
  ix_init(&r->d.abs, a, id_key);
  ix_init(&r->d.nums, a, id_key);
  ix_init(&r->d.styles, a, id_key);
  ix_init(&r->d.notes, a, id_key);
  ar_init(&r->tmp);
  r->out = out;
  r->error = error;
  r->run_bold = -1;
  int rc = read_parts(r, z);
  ar_free(&r->tmp);
  free(r);
  zip_discard(z);
  free(buf);
  return rc;
}
