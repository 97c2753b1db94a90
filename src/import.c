/* import: from a document's lines to a draft plan; see import.h. */
#include "import.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "deadline.h"
#include "diag.h"
#include "lang.h"
#include "model.h"
#include "planwrite.h"
#include "suggest.h"
#include "text.h"

/* ---- text and Markdown ---- */

/* The length of the line end at s: "\r\n", "\n", "\r" (old Mac text),
 * a form feed (a page), U+2028 and U+2029 (line and paragraph
 * separators); 0 when none is there. */
static size_t line_end(const char *s, size_t n) {
  if (s[0] == '\r') return n > 1 && s[1] == '\n' ? 2 : 1;
  if (s[0] == '\n' || s[0] == '\f') return 1;
  if (n >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
      ((unsigned char)s[2] == 0xA8 || (unsigned char)s[2] == 0xA9))
    return 3;
  return 0;
}

/* Other control characters are no text a plan prints: a space each. */
static void blank_controls(char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if ((unsigned char)s[i] < 0x20 || s[i] == 0x7F) s[i] = ' ';
}

enum { MAX_CELLS = 32 };

/* A line with tabs is a row of a table pasted from Word, its cells
 * between the tabs (empty ones kept, so that columns stay in place):
 * IM_ROW on the first, IM_NEXTCELL on the others; the tabs after the
 * MAX_CELLS-th stay in the last cell. The importer puts the cells of a
 * row that is no task table's back together (join_row), so such a line
 * reads as it did before rows were known. */
static void add_text_line(ar_arena *a, im_text *out, const char *s, size_t n, unsigned flags) {
  const char *tab = memchr(s, '\t', n);
  if (!tab) {
    im_add(a, out, s, n, flags);
    return;
  }
  flags |= IM_ROW;
  for (int cells = 1;; cells++) {
    size_t k = tab && cells < MAX_CELLS ? (size_t)(tab - s) : n;
    im_add(a, out, s, k, flags);
    if (k == n) break;
    s += k + 1, n -= k + 1;
    flags = IM_NEXTCELL;
    tab = memchr(s, '\t', n);
  }
}

int imp_read_text(ar_arena *a, const char *data, size_t n, im_text *out, const char **error) {
  if (n > IMP_MAX_INPUT) {
    *error = _("the document is larger than 64 MB: not a plan's text");
    return -1;
  }
  if (n >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) data += 3, n -= 3;
  for (size_t i = 0; i < n;) {
    int32_t cp;
    int len = tx_decode((const unsigned char *)data + i, n - i, &cp);
    if (len <= 0 || cp == 0) {
      *error = _("the document is not UTF-8 text (save it as UTF-8, or import the .docx or .pdf)");
      return -1;
    }
    i += (size_t)len;
  }
  sl_slice t = tx_nfc(a, data, n);
  unsigned flags = 0;
  for (size_t i = 0; i < t.n;) {
    size_t e = i, len = 0;
    while (e < t.n && !(len = line_end(t.p + e, t.n - e))) e++;
    if (e == t.n) len = 0;
    add_text_line(a, out, t.p + i, e - i, flags);
    flags = e < t.n && t.p[e] == '\f' ? IM_PAGE : 0;
    i = e + (len ? len : 1);
  }
  for (size_t k = 0; k < out->n; k++) blank_controls((char *)out->v[k].text, out->v[k].n);
  return 0;
}

/* ---- lines to paragraphs ---- */

typedef enum mk_kind { MK_NONE, MK_ROMAN, MK_NUM, MK_LETTER, MK_DASH, MK_PLUS, MK_FOOT } mk_kind;

typedef struct para {
  char *s;                   /* the paragraph, marker included */
  size_t n, cap;
  const char *body;          /* after the marker */
  size_t bn;
  char label[24];            /* the marker as printed ("I -", "1.1.", "-") */
  mk_kind mk;
  int depth;                 /* MK_NUM: how many numbers ("2.1." is 2) */
  int heading;               /* a Markdown heading or bold throughout */
  int lines;                 /* lines joined into it */
  size_t last_width;         /* code points of its last line */
  int caps;                  /* every line of it in capitals (all_caps) */
  int closed;                /* nothing may join it */
  struct trow *row;          /* a task table's row: its cells (s is its content) */
} para;

typedef struct paras {
  para *v;
  size_t n, cap;
} paras;

/* One line, its Markdown dropped: heading marks, `**`, `*`, rules and
 * backslash escapes. */
typedef struct frag {
  char *s;
  size_t n;
  int hash, bold_open, bold_close, rule;
} frag;

static int starts(const char *s, size_t n, const char *w) {
  size_t l = strlen(w);
  return n >= l && memcmp(s, w, l) == 0;
}

static int is_space(char c) { return c == ' ' || c == '\t'; }

static size_t count(const char *hay, size_t n, const char *needle) {
  size_t c = 0, l = strlen(needle);
  for (size_t i = 0; i + l <= n; i++)
    if (hay[i] == needle[0] && memcmp(hay + i, needle, l) == 0) c++, i += l - 1;
  return c;
}


static frag clean(ar_arena *a, const char *s, size_t n) {
  frag f = { 0 };
  while (n && is_space(*s)) s++, n--;
  while (n && is_space(s[n - 1])) n--;
  size_t d = 0;
  while (d < n && d < 6 && s[d] == '#') d++;
  if (d && (d == n || s[d] == ' ')) {
    f.hash = 1;
    s += d, n -= d;
    while (n && is_space(*s)) s++, n--;
  }
  size_t k = 0;
  while (k < n && (s[k] == '-' || s[k] == '*' || s[k] == '_' || s[k] == ' ')) k++;
  if (n >= 3 && k == n) {
    f.rule = 1;
    return f;
  }
  f.bold_open = n >= 2 && s[0] == '*' && s[1] == '*';
  f.bold_close = n >= 2 && s[n - 1] == '*' && s[n - 2] == '*';
  f.s = ar_alloc(a, n + 1);
  for (size_t i = 0; i < n; i++) {
    if (s[i] == '*') continue;
    if (s[i] == '\\' && i + 1 < n && strchr("\\`*_{}[]()#+-.!<>|~", s[i + 1])) i++;
    f.s[f.n++] = s[i];
  }
  while (f.n && is_space(f.s[f.n - 1])) f.n--;
  size_t lead = 0;
  while (lead < f.n && is_space(f.s[lead])) lead++;
  memmove(f.s, f.s + lead, f.n - lead);
  f.n -= lead;
  f.s[f.n] = '\0';
  return f;
}

static int32_t first_cp(const char *s, size_t n) {
  int32_t cp = 0;
  if (n && tx_decode((const unsigned char *)s, n, &cp) <= 0) cp = 0;
  return cp;
}

static int32_t last_cp(const char *s, size_t n) {
  size_t i = n;
  while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80) i--;
  return i > 0 ? first_cp(s + i - 1, n - i + 1) : 0;
}

static int is_upper(int32_t cp) { return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU; }
static int is_lower(int32_t cp) { return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL; }

/* A sentence or a list item ends here. */
static int ends_sentence(const char *s, size_t n) {
  int32_t c = last_cp(s, n);
  return c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == 0x2026;
}

/* What a new paragraph may start with after one that ended a sentence: a
 * capital, a digit, a quote or a parenthesis. */
static int starts_anew(const char *s, size_t n) {
  int32_t c = first_cp(s, n);
  return is_upper(c) || (c >= '0' && c <= '9') || c == '"' || c == 0x201C || c == '(';
}

/* Capitals only (a title, a heading, a signature block). */
static int all_caps(const char *s, size_t n) {
  int letters = 0;
  for (size_t i = 0; i < n;) {
    int32_t cp;
    int len = tx_decode((const unsigned char *)s + i, n - i, &cp);
    if (len <= 0) return 0;
    if (is_lower(cp)) return 0;
    letters += is_upper(cp);
    i += (size_t)len;
  }
  return letters > 1;
}

static int is_roman(char c) { return c == 'I' || c == 'V' || c == 'X' || c == 'L'; }

/* The marker at the start of a paragraph: "I." "I -" "IV-", "1." "2.1.",
 * "a)", "-" "–" "•" "+", or a footnote's superscript number. */
static void find_marker(para *p) {
  const char *s = p->s;
  size_t n = p->n, i = 0, end = 0;
  p->mk = MK_NONE;
  while (i < n && i < 6 && is_roman(s[i])) i++;
  if (i && i < n) {
    size_t j = i;
    while (j < n && s[j] == ' ') j++;
    if (s[i] == '.' && i + 1 < n && s[i + 1] == ' ') p->mk = MK_ROMAN, end = i + 1;
    else if (j < n && s[j] == '-' && j + 1 < n && s[j + 1] == ' ') p->mk = MK_ROMAN, end = j + 1;
    else if (j + 3 < n && memcmp(s + j, "\xE2\x80\x93", 3) == 0 && s[j + 3] == ' ') p->mk = MK_ROMAN, end = j + 3;
  }
  if (p->mk == MK_NONE && n > 2 && s[0] >= '0' && s[0] <= '9') {
    size_t j = 0;
    int depth = 0;
    while (j < n && depth < 6) {
      size_t k = j;
      while (k < n && k - j < 3 && s[k] >= '0' && s[k] <= '9') k++;
      if (k == j || k >= n || s[k] != '.') break;
      depth++;
      j = k + 1;
    }
    if (depth && j < n && s[j] == ' ') p->mk = MK_NUM, p->depth = depth, end = j;
  }
  if (p->mk == MK_NONE && n > 3 && s[1] == ')' && s[2] == ' ' && s[0] >= 'a' && s[0] <= 'z') p->mk = MK_LETTER, end = 2;
  if (p->mk == MK_NONE && n > 2 && (s[0] == '-' || s[0] == '+') && s[1] == ' ')
    p->mk = s[0] == '+' ? MK_PLUS : MK_DASH, end = 1;
  if (p->mk == MK_NONE && n > 4 && (memcmp(s, "\xE2\x80\x93", 3) == 0 || memcmp(s, "\xE2\x80\xA2", 3) == 0) && s[3] == ' ')
    p->mk = MK_DASH, end = 3;
  if (p->mk == MK_NONE) {
    int32_t cp = first_cp(s, n);
    if (cp == 0xB9 || cp == 0xB2 || cp == 0xB3 || (cp >= 0x2070 && cp <= 0x2079)) {
      size_t k = 0;
      while (k < n && (int32_t)first_cp(s + k, n - k) != ' ' && k < 12) k += (size_t)tx_decode((const unsigned char *)s + k, n - k, &cp);
      if (k < n) p->mk = MK_FOOT, end = k;
    }
  }
  if (p->mk == MK_NONE || end >= sizeof p->label) {
    p->mk = MK_NONE;
    p->body = s, p->bn = n;
    return;
  }
  memcpy(p->label, s, end);
  p->label[end] = '\0';
  if (p->mk == MK_DASH) strcpy(p->label, "-");   /* "•" and "–" are bullets the language writes "-" */
  if (p->mk == MK_ROMAN && end >= 3 && memcmp(p->label + end - 3, "\xE2\x80\x93", 3) == 0)
    strcpy(p->label + end - 3, "-");               /* "I –" is the language's "I -" */
  size_t b = end;
  while (b < n && is_space(s[b])) b++;
  p->body = s + b, p->bn = n - b;
}

/* Joins a line to its paragraph with one space; none after a word cut at
 * a hyphen ("28-" and "NQ/TW" is "28-NQ/TW"). */
static void append(ar_arena *a, para *p, const char *s, size_t n) {
  p->s = ar_grow(a, p->s, 1, &p->cap, p->n + n + 2);
  if (p->n && !(p->n >= 2 && p->s[p->n - 1] == '-' && p->s[p->n - 2] != ' ')) p->s[p->n++] = ' ';
  memcpy(p->s + p->n, s, n);
  p->n += n;
  p->s[p->n] = '\0';
  p->lines++;
}

/* Whether the line f continues the paragraph p rather than starting one:
 * converters break lines inside paragraphs and pages in mid-sentence, so
 * a line continues unless it carries a marker or a heading, or the
 * paragraph before it ended a sentence and it starts like a new one. A
 * numbered heading on a line of its own (no full stop) is not continued
 * by a capitalised line, and capitals do not run into small letters. */
static int continues(const para *p, const frag *f, unsigned flags, size_t full) {
  if (!p || p->closed || f->hash || f->bold_open || (flags & (IM_CELL | IM_BOLD))) return 0;
  para probe = { .s = f->s, .n = f->n };
  find_marker(&probe);
  if (probe.mk != MK_NONE) return 0;
  if (p->caps != all_caps(f->s, f->n)) return 0;
  if (p->n + f->n >= IMP_MAX_LINE) return 0;
  if (is_lower(first_cp(p->s, p->n)) && (starts(f->s, f->n, "Thực hiện ") || starts(f->s, f->n, "Căn cứ ")))
    return 0;   /* a title ("thực hiện Nghị quyết ...") ends where the basis paragraph starts */
  if (p->lines == 1 && (starts(p->s, p->n, "Số ") || starts(p->s, p->n, "Số: ")))
    return 0;   /* the number of the heading block is a line of its own */
  if (full && p->last_width >= full) return 1;
  /* A Word paragraph ends where Word says, unless it stops in mid-sentence
   * (a page's end typed as a paragraph's). */
  if (ends_sentence(p->s, p->n)) return !(flags & IM_WHOLE) && !starts_anew(f->s, f->n);
  if (p->lines == 1 && (p->mk == MK_NUM || p->mk == MK_ROMAN || p->mk == MK_LETTER) && starts_anew(f->s, f->n) &&
      (!full || p->last_width < full * 3 / 4))
    return 0;   /* a heading: a short line; in a text broken at a width, well short of it */
  return p->n + f->n < IMP_MAX_LINE;
}

static int starts_footnote(const frag *f) {
  para probe = { .s = f->s, .n = f->n };
  find_marker(&probe);
  return probe.mk == MK_FOOT;
}

enum { WIDTHS = 1024 };

/* A text whose lines a converter broke at a fixed width (a PDF's text
 * layer, seed 001): nine lines in ten are at most 120 characters. Then a
 * line that fills the width (within a word's length of the width) is
 * continued by the next even when it ends a sentence, since the paragraph
 * went on to the next line. Returns that width, or 0 for a text whose
 * lines are paragraphs. */
static size_t full_width(const im_text *t) {
  size_t hist[WIDTHS] = { 0 }, n = 0;
  for (size_t i = 0; i < t->n; i++) {
    size_t w = tx_codepoints(t->v[i].text, t->v[i].n);
    if (!w) continue;   /* Word paragraphs too: a docx made of a text's lines has their width */
    hist[w < WIDTHS ? w : WIDTHS - 1]++;
    n++;
  }
  size_t seen = 0, p90 = 0;
  while (p90 < WIDTHS && (seen += hist[p90]) * 10 < n * 9) p90++;
  return n >= 20 && p90 <= 120 && p90 > 40 ? p90 - 12 : 0;
}

/* A task table's row is a paragraph of its own, its content verbatim. */
static para *row_para(ar_arena *a, paras *ps, const im_line *l, struct trow *row) {
  ps->v = ar_grow(a, ps->v, sizeof *ps->v, &ps->cap, ps->n + 1);
  para *p = &ps->v[ps->n++];
  memset(p, 0, sizeof *p);
  p->s = ar_strndup(a, l->text, l->n);
  p->n = l->n;
  p->body = p->s, p->bn = p->n;
  p->lines = 1, p->closed = 1, p->row = row;
  return p;
}

static paras paragraphs(ar_arena *a, const im_text *t, struct trow *const *rows) {
  paras ps = { 0 };
  size_t full = full_width(t);
  para *cur = NULL;
  size_t held = SIZE_MAX;
  int in_bold = 0;
  for (size_t i = 0; i < t->n; i++) {
    if (rows[i]) {
      cur = row_para(a, &ps, &t->v[i], rows[i]);
      held = SIZE_MAX, in_bold = 0;
      continue;
    }
    frag f = clean(a, t->v[i].text, t->v[i].n);
    if (f.rule || !f.n) continue;
    unsigned flags = t->v[i].flags;
    if (in_bold && cur && !cur->closed && !f.hash) f.bold_open = 0;   /* inside an open bold span */
    /* A footnote the conversion dropped into the middle of a page cuts
     * the paragraph it interrupts: the lines after it go on with that
     * paragraph (seed 004). */
    if (held != SIZE_MAX && cur && cur->mk == MK_FOOT && !starts_footnote(&f) &&
        continues(&ps.v[held], &f, flags, full))
      cur = &ps.v[held];
    else if (!continues(cur, &f, flags, full) && !(in_bold && cur && !cur->closed && !f.hash)) {
      held = cur && cur->mk != MK_FOOT ? (size_t)(cur - ps.v) : cur ? held : SIZE_MAX;
      ps.v = ar_grow(a, ps.v, sizeof *ps.v, &ps.cap, ps.n + 1);
      cur = &ps.v[ps.n++];
      memset(cur, 0, sizeof *cur);
      cur->heading = f.hash || f.bold_open || (flags & IM_BOLD);
    }
    append(a, cur, f.s, f.n);
    cur->caps = all_caps(f.s, f.n) && (cur->lines == 1 || cur->caps);
    if (cur->lines == 1) find_marker(cur);
    cur->last_width = tx_codepoints(t->v[i].text, t->v[i].n);
    if (f.bold_open && !f.bold_close) in_bold = 1;
    else if (f.bold_close) in_bold = 0;
    if (f.hash || (f.bold_close && cur->heading) || (flags & (IM_CELL | IM_BOLD))) cur->closed = 1, in_bold = 0;
  }
  for (size_t i = 0; i < ps.n; i++)
    if (!ps.v[i].row) find_marker(&ps.v[i]);
  return ps;
}

/* ---- task tables ----
 *
 * Commune and government plans, and the annexes (Phụ lục) of party plans,
 * give their tasks in a table: STT | Nội dung | Cơ quan chủ trì | Cơ quan
 * phối hợp | Thời gian hoàn thành | Sản phẩm. The readers mark its rows and
 * cells (IM_ROW, IM_NEXTCELL); a run of rows whose header names a content
 * column and an owner or a time column is a task table, and each row
 * after the header becomes one paragraph that carries its cells (para.row)
 * past the joining of lines. Every other row is its cells' lines, as the
 * Word route gives them (keep_row); a pasted list item or tab-indented
 * line stays one line. Rows after the signature are an annex
 * (write_annex). */

typedef enum col { COL_NONE, COL_NUM, COL_TEXT, COL_OWNER, COL_WITH, COL_DUE } col;

typedef struct trow {
  sl_slice cell[COL_DUE + 1];  /* by column kind; COL_NONE unused */
  char label[24];            /* the number as a label ("1." "1.1." "I."), or "" */
  int group;                 /* a heading row: a roman or letter number, or
                                only the content cell filled */
} trow;

/* The lines the importer reads, and for each the row of a task table it
 * stands for (NULL for the others). */
typedef struct tabled {
  im_text t;
  trow **row;
  size_t cap;
} tabled;

/* A line of the text the importer reads, s already in the arena (a
 * reader's line, or a row's text): not copied again. Row and cell marks
 * are dropped: only tables() reads them. */
static void put_line(ar_arena *a, tabled *o, const char *s, size_t n, unsigned flags, trow *r) {
  o->t.v = ar_grow(a, o->t.v, sizeof *o->t.v, &o->t.cap, o->t.n + 1);
  o->row = ar_grow(a, o->row, sizeof *o->row, &o->cap, o->t.n + 1);
  o->t.v[o->t.n] = (im_line){ s, n, flags & ~(unsigned)(IM_ROW | IM_NEXTCELL) };
  o->row[o->t.n++] = r;
}

/* The lines [from, to) of one row of t: from has IM_ROW; the row goes on
 * over later cells and further paragraphs of a Word cell. */
static size_t row_end(const im_text *t, size_t from) {
  size_t e = from + 1;
  while (e < t->n && !(t->v[e].flags & IM_ROW) && (t->v[e].flags & (IM_NEXTCELL | IM_CELL))) e++;
  return e;
}

/* What a header cell's title says its column holds. The time comes first
 * ("Thời gian thực hiện" is no owner), the owner's own words before the
 * content's ("Cơ quan chủ trì thực hiện nhiệm vụ"), the content's before
 * "thực hiện" ("Nội dung thực hiện"). */
static col column_of(sl_slice f) {
  static const char *const num[] = { "stt", "tt", "số tt", "số thứ tự", "số" };
  if (count(f.p, f.n, "thời gian") || count(f.p, f.n, "thời hạn") || count(f.p, f.n, "tiến độ")) return COL_DUE;
  if (count(f.p, f.n, "phối hợp")) return COL_WITH;
  if (count(f.p, f.n, "chủ trì") || count(f.p, f.n, "phụ trách")) return COL_OWNER;
  if (count(f.p, f.n, "nội dung") || count(f.p, f.n, "nhiệm vụ") || count(f.p, f.n, "công việc")) return COL_TEXT;
  if (count(f.p, f.n, "thực hiện") || count(f.p, f.n, "đơn vị") || count(f.p, f.n, "cơ quan")) return COL_OWNER;
  while (f.n && (f.p[f.n - 1] == '.' || f.p[f.n - 1] == ':')) f.n--;
  for (size_t i = 0; i < sizeof num / sizeof num[0]; i++)
    if (f.n == strlen(num[i]) && memcmp(f.p, num[i], f.n) == 0) return COL_NUM;
  return COL_NONE;   /* Sản phẩm, Ghi chú, Kết quả, ...: not the plan's */
}

/* The text of the cell that starts at line k of a row ending at e, its
 * paragraphs joined with sep; *next is where the next cell starts. A
 * bullet opening a paragraph of a list cell ("- UBND xã") is dropped. */
static sl_slice cell_text(ar_arena *a, const im_text *t, size_t k, size_t e, const char *sep, size_t *next) {
  dg_buf b = dg_buf_in(a);
  size_t j = k;
  do {
    const char *s = t->v[j].text;
    size_t n = t->v[j].n;
    while (n && is_space(*s)) s++, n--;
    while (n && is_space(s[n - 1])) n--;
    if (*sep == ',' && n > 2 && (s[0] == '-' || s[0] == '+') && s[1] == ' ') s += 2, n -= 2;
    if (n) dg_buf_item(&b, sep, s, n);
    j++;
  } while (j < e && !(t->v[j].flags & IM_NEXTCELL));
  *next = j;
  return (sl_slice){ dg_buf_text(&b), b.n };
}

/* The header row at line k: each cell's column, or 0 when it is no task
 * table's (no content column, or neither an owner nor a time column). */
static int read_header(ar_arena *a, const im_text *t, size_t k, col *cols, size_t *ncols) {
  size_t e = row_end(t, k), seen = 0;
  *ncols = 0;
  while (k < e && *ncols < MAX_CELLS) {
    sl_slice c = cell_text(a, t, k, e, " ", &k);
    col kind = column_of(tx_fold(a, c.p, c.n));
    if (kind != COL_NONE && (seen & (1u << kind))) kind = COL_NONE;   /* the first of two owner columns */
    seen |= 1u << kind;
    cols[(*ncols)++] = kind;
  }
  return (seen & (1u << COL_TEXT)) && (seen & ((1u << COL_OWNER) | (1u << COL_DUE)));
}

static int all_digits(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (s[i] < '0' || s[i] > '9') return 0;
  return n > 0;
}

/* The number cell as a label: "1" and "1." are "1.", "2.1" is "2.1.";
 * a roman number ("II", "II.") is "II." and a letter ("a", "a)") "a)",
 * and both head a group. Anything else is no label. */
static void row_label(trow *r) {
  sl_slice s = r->cell[COL_NUM];
  size_t n = s.n;
  while (n && (s.p[n - 1] == '.' || s.p[n - 1] == ')')) n--;
  if (!n || n + 2 > sizeof r->label) return;
  size_t i = 0, groups = 0;
  while (i < n && groups < 5) {
    size_t d = i;
    while (d < n && d - i < 3 && s.p[d] >= '0' && s.p[d] <= '9') d++;
    if (d == i || (d < n && s.p[d] != '.')) break;
    groups++;
    i = d + 1;
  }
  if (i >= n && groups) {
    snprintf(r->label, sizeof r->label, "%.*s.", (int)n, s.p);
    return;
  }
  size_t k = 0;
  while (k < n && is_roman(s.p[k])) k++;
  if (k == n) snprintf(r->label, sizeof r->label, "%.*s.", (int)n, s.p), r->group = 1;
  else if (n == 1 && s.p[0] >= 'a' && s.p[0] <= 'z') snprintf(r->label, sizeof r->label, "%c)", s.p[0]), r->group = 1;
  else if (n == 1 && s.p[0] >= 'A' && s.p[0] <= 'Z') r->group = 1;   /* "A": the language has no such label */
}

/* A row of the table: its cells by column; NULL for a row with no content
 * (an empty row, a merged cell's continuation) or the row of column
 * numbers some tables print under the header ("1 | 2 | 3", "(1) | (2)"). */
static trow *read_row(ar_arena *a, const im_text *t, size_t k, const col *cols, size_t ncols) {
  trow *r = ar_alloc(a, sizeof *r);
  memset(r, 0, sizeof *r);
  size_t e = row_end(t, k), filled = 0, numbers = 0;
  for (size_t c = 0; k < e; c++) {
    col kind = c < ncols ? cols[c] : COL_NONE;
    sl_slice s = cell_text(a, t, k, e, kind == COL_OWNER || kind == COL_WITH ? ", " : " ", &k);
    if (!s.n) continue;
    filled++;
    size_t m = s.n;
    const char *p = s.p;
    if (m > 2 && p[0] == '(' && p[m - 1] == ')') p++, m -= 2;
    numbers += all_digits(p, m) && m <= 2;
    if (kind != COL_NONE) r->cell[kind] = s;
  }
  if (!r->cell[COL_TEXT].n || numbers == filled) return NULL;
  row_label(r);
  if (filled == 1) r->group = 1;
  return r;
}

/* A cell that is only a list's marker ("1.", "a)", "-", "•"): Word pastes a
 * numbered paragraph as its number, a tab, and its text. */
static int marker_cell(const char *s, size_t n) {
  char buf[24];
  if (!n || n + 3 > sizeof buf) return 0;
  memcpy(buf, s, n);
  memcpy(buf + n, " x", 3);
  para probe = { .s = buf, .n = n + 2 };
  find_marker(&probe);
  return probe.mk != MK_NONE && probe.body == buf + n + 1;
}

/* The cells of a row that is no task table's. A Word row gives its cells'
 * lines. A pasted row of two or more filled cells is read as Word's
 * table is, each cell a line of its own (the two columns of a party
 * document's heading block: "Số 05-KH/ĐU" and "Y, ngày ..."); one that
 * is a list item ("1.", tab, text) or a line indented with a tab is one
 * line, each tab a space, as before rows were known. */
static void keep_row(ar_arena *a, const im_text *t, size_t k, size_t e, tabled *o) {
  size_t filled = 0, first = e;
  for (size_t j = k; j < e; j++)
    if (t->v[j].n) filled++, first = first < e ? first : j;
  int cells = (t->v[k].flags & IM_CELL) || (filled >= 2 && !marker_cell(t->v[first].text, t->v[first].n));
  if (cells) {
    for (; k < e; k++) put_line(a, o, t->v[k].text, t->v[k].n, t->v[k].flags | IM_WHOLE | IM_CELL, NULL);
    return;
  }
  dg_buf b = dg_buf_in(a);
  for (size_t j = k; j < e; j++) {
    if (j > k) dg_buf_add(&b, " ", 1);
    dg_buf_add(&b, t->v[j].text, t->v[j].n);
  }
  put_line(a, o, dg_buf_text(&b), b.n, t->v[k].flags, NULL);
}

/* The lines of t with its task tables read: each row of one a line (its
 * content) that carries the row, the header dropped. The header is one of
 * a run's first three rows (a title row may come first). */
static tabled tables(ar_arena *a, const im_text *t) {
  tabled o = { 0 };
  for (size_t i = 0; i < t->n;) {
    if (!(t->v[i].flags & IM_ROW)) {
      put_line(a, &o, t->v[i].text, t->v[i].n, t->v[i].flags, NULL);
      i++;
      continue;
    }
    col cols[MAX_CELLS];
    size_t ncols = 0, rows = 0;
    int task = 0;
    while (i < t->n && (t->v[i].flags & IM_ROW)) {
      size_t e = row_end(t, i);
      trow *r = task ? read_row(a, t, i, cols, ncols) : NULL;
      if (r) put_line(a, &o, r->cell[COL_TEXT].p, r->cell[COL_TEXT].n, IM_WHOLE | IM_CELL, r);
      else if (!task && rows < 3 && read_header(a, t, i, cols, &ncols)) task = 1;
      else if (!task) keep_row(a, t, i, e, &o);
      rows++;
      i = e;
    }
  }
  return o;
}

/* ---- the document's tree ---- */

typedef enum node_kind { NK_SECTION, NK_TASK, NK_TEXT, NK_TARGET } node_kind;

typedef struct node {
  para *p;
  int rank;
  node_kind kind;
  struct node *kids, *last, *next, *up;
  para **more;               /* further paragraphs of its text */
  size_t nmore, capmore;
} node;

static int rank_of(const para *p) {
  switch (p->mk) {
  case MK_ROMAN: return 1;
  case MK_NUM: return 1 + (p->depth < 4 ? p->depth : 4);
  case MK_LETTER: return 6;
  case MK_DASH: return 7;
  case MK_PLUS: return 8;
  default: return 9;
  }
}

static void adopt(node *up, node *n) {
  n->up = up;
  if (up->last) up->last->next = n;
  else up->kids = n;
  up->last = n;
}

/* Heading-like: a Markdown heading, or a numbered line with no full stop. */
static int heads(const node *n) {
  return n->p && (n->p->heading || ((n->p->mk == MK_ROMAN || n->p->mk == MK_NUM || n->p->mk == MK_LETTER) &&
                                    !ends_sentence(n->p->s, n->p->n)));
}

/* ---- the body library ---- */

enum { MAX_DUES = 16 };

typedef struct ctx {
  ar_arena *a;
  md_model m;
  src_table src;
  dg_list diags;
  pw_writer w;
  const char *level;         /* "district", ... */
  md_body *committee;        /* the owner of what no heading assigns */
  unsigned missing_owner;    /* tasks written with the committee as owner */
  dl_context when;           /* the plan's date, for dates without a year */
  const imp_links *links;    /* proposals, by task in writing order */
  size_t tasks;              /* tasks written so far */
  int level_guessed;         /* neither the number nor the signature says it */
  md_level plan_level;
  ix_table bare;             /* bare_name by key, built at the first miss */
  int bare_ready;
  int unaccented;            /* a body was named without its diacritics */
  int own_level;             /* a body of the plan's own level was named */
} ctx;

static const char *const level_std[][2] = {
  { "central", "Bộ Chính trị" }, { "province", "Tỉnh ủy" }, { "district", "Huyện ủy" },
  { "commune", "Đảng ủy xã" }, { "grassroots", "Đảng ủy cơ sở" },
};

static void load_library(ctx *c, const rs_options *ro) {
  src_init(&c->src);
  dg_init(&c->diags, c->a);
  md_init(&c->m, c->a, &c->src, &c->diags);
  rs_input in = { .path = dg_fmt(c->a, "std/%s", c->level) };
  rs_load(&c->m, ro, &in, 1);
  md_index_names(&c->m);
  c->plan_level = md_level_by_id(&c->m, (sl_slice){ c->level, strlen(c->level) });
  for (size_t i = 0; i < sizeof level_std / sizeof level_std[0]; i++)
    if (strcmp(level_std[i][0], c->level) == 0)
      c->committee = md_body_by_name(&c->m, (sl_slice){ level_std[i][1], strlen(level_std[i][1]) });
}

/* A name of the library without its diacritics ("cac tccsd truc thuoc"),
 * for documents typed without them. */
typedef struct bare_name {
  sl_slice key;
  md_body *body;
} bare_name;

static sl_slice bare_key(const void *v) { return ((const bare_name *)v)->key; }

/* The key of a name in that index: without diacritics, its words one
 * space apart, a comma a word of its own, and "và" a comma, so that
 * "Ủy ban Mặt trận Tổ quốc, các tổ chức chính trị - xã hội huyện" is the
 * library's "... Tổ quốc và các tổ chức ...". */
static sl_slice bare_words(ar_arena *a, const char *s, size_t n) {
  sl_slice f = tx_fold_bare(a, s, n);
  char *out = ar_alloc(a, 2 * f.n + 1);
  size_t o = 0;
  for (size_t i = 0; i < f.n;) {
    while (i < f.n && (f.p[i] == ' ' || f.p[i] == '\t')) i++;
    if (i >= f.n) break;
    size_t e = i;
    if (f.p[i] == ',' || f.p[i] == ';') e = i + 1;
    else
      while (e < f.n && f.p[e] != ' ' && f.p[e] != '\t' && f.p[e] != ',' && f.p[e] != ';') e++;
    if (o) out[o++] = ' ';
    if ((e - i == 2 && memcmp(f.p + i, "va", 2) == 0) || (e - i == 1 && f.p[i] == ';')) out[o++] = ',';
    else memcpy(out + o, f.p + i, e - i), o += e - i;
    i = e;
  }
  out[o] = '\0';
  return (sl_slice){ out, o };
}

static void add_bare(ctx *c, md_body *b, sl_slice name) {
  bare_name *e = ar_alloc(c->a, sizeof *e);
  e->key = bare_words(c->a, name.p, name.n);
  e->body = b;
  bare_name *old = ix_put(&c->bare, e);
  if (old && old->body != b) old->body = NULL;   /* two bodies: neither */
}

/* In a plan of a level, a body of that level is named without the level
 * ("Mặt trận Tổ quốc và các tổ chức chính trị - xã hội" in a district's
 * plan is the district's): its names are also indexed without it. */
static const char *const level_words[][3] = {
  { "central", " Trung ương", " TW" }, { "province", " tỉnh", " Tỉnh ủy" },
  { "district", " huyện", " Huyện ủy" }, { "commune", " xã", " Đảng ủy xã" },
};

static void add_names(ctx *c, md_body *b, sl_slice name) {
  add_bare(c, b, name);
  if (b->level != c->plan_level) return;
  for (size_t i = 0; i < sizeof level_words / sizeof level_words[0]; i++) {
    if (strcmp(level_words[i][0], c->level) != 0) continue;
    for (int w = 1; w < 3; w++) {
      size_t l = strlen(level_words[i][w]);
      sl_slice lf = tx_fold_bare(c->a, level_words[i][w], l), nf = tx_fold_bare(c->a, name.p, name.n);
      size_t rest = nf.n - lf.n, words = 1;
      if (nf.n <= lf.n || memcmp(nf.p + rest, lf.p, lf.n) != 0) continue;
      for (size_t k = 0; k < rest; k++) words += nf.p[k] == ' ';
      if (words >= 3) add_bare(c, b, (sl_slice){ nf.p, rest });   /* "Cấp ủy" alone names no one */
    }
  }
}

static void index_bare(ctx *c) {
  ix_init(&c->bare, c->a, bare_key);
  for (md_body *b = c->m.bodies; b; b = b->next) {
    add_names(c, b, b->name.value);
    for (md_strs *al = b->aliases; al; al = al->next) add_names(c, b, al->s.value);
  }
  c->bare_ready = 1;
}

/* The body of this level that addresses b's level as a whole (Các tổ
 * chức cơ sở đảng trực thuộc Huyện ủy for "cấp ủy cơ sở" in a district
 * plan): a body below the plan's level is not one of its owners, the
 * collective that addresses it is. b itself otherwise. */
static md_body *as_owner(ctx *c, md_body *b) {
  if (b && b->level == c->plan_level) c->own_level = 1;
  if (!b || b->level == c->plan_level || c->plan_level == MD_LEVEL_NONE) return b;
  for (md_body *o = c->m.bodies; o; o = o->next)
    if (o->level == c->plan_level && (o->addresses & MD_LEVEL_BIT(b->level))) return o;
  return b;
}

/* The body a name names: through the library's names, aliases and
 * abbreviations, or else the same name without diacritics (noted in
 * c->unaccented for a comment). */
static md_body *body_named(ctx *c, const char *s, size_t n) {
  while (n && (strchr(" ,;:.", s[n - 1]))) n--;
  if (!n) return NULL;
  md_body *b = md_body_by_name(&c->m, (sl_slice){ s, n });
  if (b) return as_owner(c, b);
  if (!c->bare_ready) index_bare(c);
  const bare_name *e = ix_get(&c->bare, bare_words(c->a, s, n));
  if (!e || !e->body) return NULL;
  c->unaccented = 1;
  return as_owner(c, e->body);
}

enum { MAX_NAME_WORDS = 16 };

/* The bodies named one after another at the start of s ("Ban Tổ chức
 * Huyện ủy, Ủy ban Kiểm tra Huyện ủy và Văn phòng Huyện ủy chủ trì ..."):
 * at each place the longest run of words that names a body, then a comma
 * or "và", then the next. Each place tries at most MAX_NAME_WORDS runs. */
static size_t leading_bodies_to(ctx *c, const char *s, size_t n, md_body **out, size_t max, size_t *used) {
  size_t found = 0, i = 0;
  *used = 0;
  while (found < max && i < n) {
    size_t ends[MAX_NAME_WORDS], nw = 0, j = i;
    while (nw < MAX_NAME_WORDS && j < n) {
      while (j < n && s[j] != ' ') j++;
      ends[nw++] = j;
      while (j < n && s[j] == ' ') j++;
    }
    md_body *b = NULL;
    size_t k = nw;
    while (k > 0 && !(b = body_named(c, s + i, ends[k - 1] - i))) k--;
    if (!b) break;
    size_t f;
    for (f = 0; f < found && out[f] != b; f++) {}
    if (f == found) out[found++] = b;
    i = *used = ends[k - 1];
    int sep = i > 0 && strchr(",;", s[i - 1]) != NULL;   /* a name's last word keeps its comma */
    while (i < n && (s[i] == ' ' || s[i] == ',' || s[i] == ';')) sep |= s[i++] != ' ';
    if (n - i > 3 && memcmp(s + i, "và ", 4) == 0) i += 4, sep = 1;
    if (!sep) break;   /* the next name must come after a comma or "và" */
  }
  return found;
}

static size_t leading_bodies(ctx *c, const char *s, size_t n, md_body **out, size_t max) {
  size_t used;
  return leading_bodies_to(c, s, n, out, max, &used);
}

/* The bodies a heading names ("Đối với UBND huyện", "Ban Tổ chức Huyện
 * ủy"): all of it, or names in a row that cover all of it. */
static size_t heading_bodies(ctx *c, const char *s, size_t n, md_body **out, size_t max) {
  static const char *const lead[] = { "Đối với ", "Về " };
  for (size_t i = 0; i < sizeof lead / sizeof lead[0]; i++) {
    size_t l = strlen(lead[i]);
    if (n > l && memcmp(s, lead[i], l) == 0) s += l, n -= l;
  }
  while (n && strchr(" .:;", s[n - 1])) n--;
  md_body *b = body_named(c, s, n);
  if (b) {
    out[0] = b;
    return 1;
  }
  size_t used, k = leading_bodies_to(c, s, n, out, max, &used);
  return used == n ? k : 0;
}

/* The deadline phrases the finder reads in s[0..n), as offsets; dates
 * without a year are read in the plan's date when it prints one. */
static size_t deadlines(ctx *c, const char *s, size_t n, size_t (*at)[2], size_t max) {
  dl_found found[MAX_DUES];
  size_t k = dl_find(c->a, s, n, &c->when, found, MAX_DUES < max ? MAX_DUES : max);
  for (size_t i = 0; i < k && i < max && i < MAX_DUES; i++) at[i][0] = found[i].off, at[i][1] = found[i].len;
  return k;
}

/* The bodies named at the start of one sentence, after "Giao" (assigns)
 * or an opening deadline ("Hàng tháng, Ban Tuyên giáo Huyện ủy tổ chức
 * ..."). */
static size_t sentence_actors(ctx *c, const char *s, size_t n, md_body **out, size_t max) {
  static const char *const lead[] = { "Giao ", "Đề nghị " };
  for (size_t i = 0; i < sizeof lead / sizeof lead[0]; i++)
    if (starts(s, n, lead[i])) s += strlen(lead[i]), n -= strlen(lead[i]);
  size_t k = leading_bodies(c, s, n, out, max);
  if (k) return k;
  size_t words = 0, i = 0;
  while (i < n && words < 4 && s[i] != ',') words += s[i++] == ' ';
  if (i + 2 < n && s[i] == ',' && s[i + 1] == ' ' && dl_recognize(c->a, s, i).first)
    k = leading_bodies(c, s + i + 2, n - i - 2, out, max);
  return k;
}

/* The bodies that act in a task: those that open one of its sentences
 * ("Ban Thường vụ Huyện ủy tổ chức hội nghị ... . Các TCCSĐ trực thuộc căn
 * cứ ..."), each once. */
static size_t actors(ctx *c, const char *s, size_t n, md_body **out, size_t max) {
  size_t found = 0;
  for (size_t i = 0; i < n && found < max;) {
    md_body *b[8];
    size_t k = sentence_actors(c, s + i, n - i, b, 8);
    for (size_t j = 0; j < k && found < max; j++) {
      size_t f;
      for (f = 0; f < found && out[f] != b[j]; f++) {}
      if (f == found) out[found++] = b[j];
    }
    while (i < n && !(s[i] == '.' && i + 2 < n && s[i + 1] == ' ' && is_upper(first_cp(s + i + 2, n - i - 2)))) i++;
    i += 2;
  }
  return found;
}

/* The bodies a task works with: named after "phối hợp với". */
static size_t partners(ctx *c, const char *s, size_t n, md_body **out, size_t max) {
  static const char with[] = "phối hợp với ";
  size_t l = sizeof with - 1;
  for (size_t i = 0; i + l < n; i++)
    if (s[i] == with[0] && memcmp(s + i, with, l) == 0) return leading_bodies(c, s + i + l, n - i - l, out, max);
  return 0;
}


/* An unmarked paragraph after a task goes on with that task (one more
 * paragraph of its text) unless it names bodies of the plan's level that
 * act in it or carries a deadline of its own: then it is a task (seeds
 * 000 and 004). "Chi bộ thực hiện ..." speaks of every cell, not of a
 * body of this plan. Once the task has had such a paragraph beside it,
 * the rest are tasks too. */
static int goes_on(ctx *c, const node *t, const para *p) {
  if (t->kids || heads(t) || t->p->mk == MK_NONE) return 0;
  md_body *b[8];
  size_t at[1][2];
  c->own_level = 0;
  size_t k = actors(c, p->s, p->n, b, 8);
  return !(k && c->own_level) && !deadlines(c, p->s, p->n, at, 1);
}

/* The rows of a task table from ps[i] on, under host (the heading the
 * table comes under): a group row ("I | CÔNG TÁC TUYÊN TRUYỀN") holds the
 * rows after it, up to the next group. Returns where the table ends. */
static size_t add_table(ar_arena *a, paras *ps, size_t i, size_t to, node *host) {
  node *group = NULL;
  for (; i < to && ps->v[i].row; i++) {
    node *n = ar_alloc(a, sizeof *n);
    memset(n, 0, sizeof *n);
    n->p = &ps->v[i];
    n->rank = 9;
    if (n->p->row->group) group = NULL;
    adopt(group ? group : host, n);
    if (n->p->row->group) group = n;
  }
  return i;
}

/* Paragraphs [from, to) into a tree: a marked paragraph goes under the
 * nearest one of a smaller rank; an unmarked one is a further paragraph of
 * the item before it (goes_on), or goes under a heading, or beside the item
 * before it (an unmarked task paragraph after bullets). */
static node *build_tree(ctx *c, paras *ps, size_t from, size_t to) {
  ar_arena *a = c->a;
  node *root = ar_alloc(a, sizeof *root);
  memset(root, 0, sizeof *root);
  node *stack[16] = { root };
  size_t top = 0;
  for (size_t i = from; i < to; i++) {
    para *p = &ps->v[i];
    if (p->mk == MK_FOOT) {   /* beside the item that cites it, or in its heading */
      node *f = ar_alloc(a, sizeof *f);
      memset(f, 0, sizeof *f);
      f->p = p;
      adopt(top && !heads(stack[top]) ? stack[top]->up : stack[top], f);
      continue;
    }
    if (p->row) {
      while (top && !heads(stack[top])) top--;
      i = add_table(a, ps, i, to, stack[top]) - 1;
      continue;
    }
    if (p->mk == MK_NONE && top && goes_on(c, stack[top], p)) {
      node *t = stack[top];
      t->more = ar_grow(a, t->more, sizeof *t->more, &t->capmore, t->nmore + 1);
      t->more[t->nmore++] = p;
      continue;
    }
    node *n = ar_alloc(a, sizeof *n);
    memset(n, 0, sizeof *n);
    n->p = p;
    n->rank = rank_of(p);
    if (p->mk == MK_NONE) {
      if (top && !heads(stack[top]) && !stack[top]->kids) n->rank = stack[top]->rank;
      else n->rank = top ? stack[top]->rank + 1 : 1;
      if (n->rank > 9) n->rank = 9;
    }
    while (top && stack[top]->rank >= n->rank) top--;
    adopt(stack[top], n);
    if (top + 1 < sizeof stack / sizeof stack[0]) stack[++top] = n;
  }
  return root;
}

/* ---- header ---- */

typedef struct header {
  const char *kind, *title, *number, *place, *role, *signer;
  char date[24];
  const para *preamble;
  const char **notes, **recipients;
  size_t nnotes, capnotes, nrecipients, caprecipients;
  ar_arena *a;
} header;

static const char *const kinds[] = { "KẾ HOẠCH", "CHƯƠNG TRÌNH HÀNH ĐỘNG", "CHƯƠNG TRÌNH", "CHỈ THỊ", "HƯỚNG DẪN",
                                     "NGHỊ QUYẾT", "KẾT LUẬN", "QUYẾT ĐỊNH", "ĐỀ ÁN" };

static void add_note(header *h, const char *s) {
  h->notes = ar_grow(h->a, h->notes, sizeof *h->notes, &h->capnotes, h->nnotes + 1);
  h->notes[h->nnotes++] = s;
}

static void add_recipient(header *h, const char *s) {
  h->recipients = ar_grow(h->a, h->recipients, sizeof *h->recipients, &h->caprecipients, h->nrecipients + 1);
  h->recipients[h->nrecipients++] = s;
}

/* "Hà Nội, ngày 28 tháng 11 năm 2022" */
static int place_date(ar_arena *a, header *h, const para *p) {
  const char *s = p->s, *ngay = strstr(s, "ngày ");
  unsigned d, m, y;
  if (!ngay || sscanf(ngay, "ngày %u tháng %u năm %u", &d, &m, &y) != 3 || !d || d > 31 || !m || m > 12 ||
      y < 1900 || y > 2200)
    return 0;
  snprintf(h->date, sizeof h->date, "%04u-%02u-%02u", y, m, d);
  const char *comma = ngay;
  while (comma > s && (comma[-1] == ' ' || comma[-1] == ',')) comma--;
  if (comma > s) h->place = ar_strndup(a, s, (size_t)(comma - s));
  return 1;
}

static int is_role(const para *p) {
  return starts(p->s, p->n, "T/M ") || starts(p->s, p->n, "TM ") || starts(p->s, p->n, "TM. ") ||
         starts(p->s, p->n, "KT. ") || starts(p->s, p->n, "K/T ");
}

static int is_recipients(const para *p) {
  return starts(p->s, p->n, "Nơi nhận") || starts(p->s, p->n, "NƠI NHẬN");
}

static void read_front(ar_arena *a, header *h, paras *ps, size_t to) {
  int want_title = 0;
  for (size_t i = 0; i < to; i++) {
    const para *p = &ps->v[i];
    if (!h->kind) {
      size_t k;
      for (k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
        if (strcmp(p->s, kinds[k]) == 0) break;
      if (k < sizeof kinds / sizeof kinds[0]) {
        h->kind = p->s;
        want_title = 1;
        continue;
      }
    }
    if (want_title && is_lower(first_cp(p->s, p->n))) {
      h->title = p->s;
      want_title = 0;
      continue;
    }
    want_title = 0;
    if (!h->number && (starts(p->s, p->n, "Số ") || starts(p->s, p->n, "Số: "))) {
      const char *v = p->s + (p->s[4] == ':' ? 6 : 4);
      while (*v == ' ') v++;
      if (strchr(v, '-') && strchr(v, '/') && !strchr(v, ' ')) {
        h->number = v;
        continue;
      }
    }
    if (!h->date[0] && place_date(a, h, p)) continue;
    if (!h->preamble && (starts(p->s, p->n, "Thực hiện ") || starts(p->s, p->n, "Căn cứ "))) h->preamble = p;
    add_note(h, p->s);
  }
}

static const char *trim_list_end(ar_arena *a, const char *s, size_t n) {
  while (n && strchr(" ,;.", s[n - 1])) n--;
  return ar_strndup(a, s, n);
}

static void read_back(ar_arena *a, header *h, paras *ps, size_t from, size_t to) {
  int recipients = 0, want_signer = 0;
  for (size_t i = from; i < to; i++) {
    const para *p = &ps->v[i];
    if (is_recipients(p) && !h->nrecipients) {
      recipients = 1;
      const char *colon = strchr(p->s, ':');
      if (colon && colon[1]) add_note(h, p->s);
      continue;
    }
    if (!h->role && is_role(p)) {
      h->role = p->s;
      want_signer = 1;
      recipients = 0;
      const char *signed_ = strstr(p->s, " Đã ký: ");   /* role and name in one Word paragraph */
      if (signed_) {
        h->role = ar_strndup(a, p->s, (size_t)(signed_ - p->s));
        add_note(h, signed_ + 1);
        h->signer = signed_ + 1 + strlen("Đã ký: ");
        want_signer = 0;
      }
      continue;
    }
    if (want_signer && p->mk == MK_NONE) {
      const char *s = p->s;
      if (starts(s, p->n, "Đã ký: ")) add_note(h, s), s += strlen("Đã ký: ");
      h->signer = s;
      want_signer = 0;
      continue;
    }
    if (recipients && p->mk == MK_DASH) {
      add_recipient(h, trim_list_end(a, p->body, p->bn));
      continue;
    }
    recipients = 0;
    add_note(h, p->s);
  }
}

/* ---- the level and the parents ---- */

/* The level of the issuer: from the number's suffix ("/TW", "/TU",
 * "/HU"), the signature ("T/M HUYỆN ỦY"), or else which committee the
 * document names most. */
static const char *level_of(ar_arena *a, const header *h, const paras *ps, int *guessed) {
  static const char *const suffix[][2] = { { "/TW", "central" }, { "/TU", "province" }, { "/HU", "district" },
                                           { "/ĐU", "commune" } };
  if (h->number)
    for (size_t i = 0; i < sizeof suffix / sizeof suffix[0]; i++) {
      size_t l = strlen(suffix[i][0]), n = strlen(h->number);
      if (n > l && strcmp(h->number + n - l, suffix[i][0]) == 0) return suffix[i][1];
    }
  if (h->role) {
    sl_slice f = tx_fold(a, h->role, strlen(h->role));
    if (count(f.p, f.n, "bộ chính trị") || count(f.p, f.n, "ban bí thư")) return "central";
    if (count(f.p, f.n, "tỉnh ủy") || count(f.p, f.n, "tỉnh uỷ")) return "province";
    if (count(f.p, f.n, "huyện ủy") || count(f.p, f.n, "huyện uỷ")) return "district";
  }
  size_t tw = 0, tu = 0, hu = 0;
  for (size_t i = 0; i < ps->n; i++) {
    sl_slice f = tx_fold(a, ps->v[i].s, ps->v[i].n);
    tw += count(f.p, f.n, "trung ương");
    tu += count(f.p, f.n, "tỉnh ủy") + count(f.p, f.n, "tỉnh uỷ");
    hu += count(f.p, f.n, "huyện ủy") + count(f.p, f.n, "huyện uỷ");
  }
  *guessed = 1;
  return hu >= tu && hu >= tw / 2 && hu ? "district" : tu >= tw / 2 && tu ? "province" : "central";
}

typedef struct parent {
  char number[48];
  char date[24];
  int plan;                  /* KH, CTr: a plan to implement; else basis */
  const char *said;          /* as printed: "Nghị quyết số 28-NQ/TW ngày 17/11/2022" */
} parent;

/* The documents the basis paragraph names: "số N-XX/YY" and the date
 * after it ("ngày 17/11/2022" or ", ngày 17/11/2022"). */
static size_t parents_of(ar_arena *a, const para *p, parent *out, size_t max) {
  size_t found = 0;
  const char *s = p->s, *end = p->s + p->n;
  for (const char *q = s; found < max && (q = strstr(q, "số ")) != NULL; q += 3) {
    const char *num = q + strlen("số ");
    const char *e = num;
    while (e < end && *e != ' ' && *e != ',' && *e != ';' && *e != ')' && e - num < 40) e++;
    while (e > num && e[-1] == '.') e--;
    const char *dash = memchr(num, '-', (size_t)(e - num)), *slash = memchr(num, '/', (size_t)(e - num));
    if (!dash || !slash || dash > slash || !(num[0] >= '0' && num[0] <= '9')) continue;
    parent pa = { 0 };
    memcpy(pa.number, num, (size_t)(e - num));
    size_t code = (size_t)(slash - dash - 1);
    pa.plan = (code == 2 && memcmp(dash + 1, "KH", 2) == 0) || (code == 3 && memcmp(dash + 1, "CTr", 3) == 0);
    const char *d = e;
    while (d < end && (*d == ' ' || *d == ',')) d++;
    unsigned dd, mm, yy;
    int used = 0;
    const char *after = e;
    if (starts(d, (size_t)(end - d), "ngày ") && sscanf(d, "ngày %u/%u/%u%n", &dd, &mm, &yy, &used) == 3 && dd &&
        dd <= 31 && mm && mm <= 12 && yy > 1900) {
      snprintf(pa.date, sizeof pa.date, "%04u-%02u-%02u", yy, mm, dd);
      after = d + used;
    }
    static const char *const words[] = { "Nghị quyết", "Kế hoạch", "Chương trình hành động", "Kết luận", "Chỉ thị",
                                         "Quyết định", "Quy định", "Hướng dẫn" };
    const char *from = q;
    for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
      size_t l = strlen(words[w]);
      if ((size_t)(q - s) >= l + 1 && memcmp(q - l - 1, words[w], l) == 0) from = q - l - 1;
    }
    pa.said = ar_strndup(a, from, (size_t)(after - from));
    size_t k;
    for (k = 0; k < found && strcmp(out[k].number, pa.number) != 0; k++) {}
    if (k == found) out[found++] = pa;
  }
  return found;
}

/* ---- writing ---- */

static void write_bodies(pw_writer *w, pw_kw kw, md_body *const *b, size_t n) {
  if (!n) return;
  if (kw != PW_OWNER) pw_newline(w);
  pw_keyword(w, kw);
  for (size_t i = 0; i < n; i++) {
    char id[128];
    snprintf(id, sizeof id, "%.*s%s", (int)b[i]->id.n, b[i]->id.p, i + 1 < n ? "," : "");
    pw_word(w, id);
  }
}


/* Every deadline phrase in the text, as a `due` with the words as
 * printed. */
static void write_dues(ctx *c, const char *s, size_t n) {
  size_t at[MAX_DUES][2];
  size_t k = deadlines(c, s, n, at, MAX_DUES);
  for (size_t i = 0; i < k && i < MAX_DUES; i++) {
    pw_newline(&c->w);
    pw_keyword(&c->w, PW_DUE);
    pw_string(&c->w, s + at[i][0], at[i][1]);
  }
  if (k > MAX_DUES)
    pw_comment(&c->w, _("%zu more deadline phrases in this text are not written: add their `%s` lines."),
               k - MAX_DUES, pw_spelling(PW_DUE, c->w.vi));
}

/* The links proposed for the task: comments to review, never links. */
static void write_proposals(ctx *c, size_t task) {
  if (!c->links || task >= c->links->n) return;
  const imp_proposal *p = &c->links->v[task];
  for (size_t i = 0; i < p->n; i++)
    pw_comment(&c->w, "%s? \"%s\"  %s", pw_spelling(PW_IMPLEMENTS, c->w.vi), p->ids[i],
               dg_fmt(c->a, _("(proposed link %zu of %zu, score %.2f: review it, then write `%s`)"), i + 1,
                      p->n, p->scores[i], pw_spelling(PW_IMPLEMENTS, c->w.vi)));
}

static node_kind kind_below(ctx *c, const node *sec, node_kind inherited) {
  if (!sec->p) return inherited;
  sl_slice f = tx_fold(c->a, sec->p->body, sec->p->bn);
  if (count(f.p, f.n, "chỉ tiêu") && !count(f.p, f.n, "mục tiêu")) return NK_TARGET;
  if (count(f.p, f.n, "mục đích") || count(f.p, f.n, "yêu cầu") || count(f.p, f.n, "mục tiêu")) return NK_TEXT;
  return inherited;
}

static void write_node(ctx *c, node *n, node_kind kind, md_body *const *owners, size_t nowners);

static void write_kids(ctx *c, node *n, node_kind kind, md_body *const *owners, size_t nowners) {
  for (node *k = n->kids; k; k = k->next) write_node(c, k, kind, owners, nowners);
}

static void write_label(pw_writer *w, const para *p) {
  if (p->mk != MK_NONE) pw_word(w, p->label);
}

/* Stands for the owner of a heading that names a body the library does
 * not know: its tasks get no owner rather than a guess. */
static md_body *const unknown_owner[1] = { NULL };

static void write_section(ctx *c, node *n, node_kind kind, md_body *const *owners, size_t nowners) {
  md_body *own[8];
  size_t nown = kind == NK_TASK ? heading_bodies(c, n->p->body, n->p->bn, own, 8) : 0;
  node_kind below = kind_below(c, n, kind);
  if (kind == NK_TASK && !nown && starts(n->p->body, n->p->bn, "Đối với ")) {
    pw_comment(&c->w, _("No body \"%.*s\" in the library: declare it with `%s`, then give this section its\n"
                        "`%s`; the tasks below have no owner yet."),
               (int)(n->p->bn - strlen("Đối với ")), n->p->body + strlen("Đối với "), pw_spelling(PW_BODY, c->w.vi),
               pw_spelling(PW_OWNER, c->w.vi));
    owners = unknown_owner, nowners = 0;
  }
  pw_newline(&c->w);
  pw_keyword(&c->w, PW_SECTION);
  write_label(&c->w, n->p);
  pw_string(&c->w, n->p->body, n->p->bn);
  if (nown) write_bodies(&c->w, PW_OWNER, own, nown);
  pw_open(&c->w);
  if (nown) write_kids(c, n, below, own, nown);
  else write_kids(c, n, below, owners, nowners);
  pw_close(&c->w);
}

/* The value phrases of a target's text ("từ 90% trở lên", "trên 90%",
 * "100%"): the words before a percentage that make it a bound, and "trở
 * lên" / "trở xuống" after it, kept when dl_target_value reads them. What
 * each measures is for the user to name: a comment lists them. */
static void write_values(ctx *c, const char *s, size_t n) {
  static const char *const before[] = { "từ ", "trên ", "dưới ", "đạt ", "ít nhất ", "tối thiểu ", "không quá " };
  static const char *const after[] = { " trở lên", " trở xuống" };
  char *list = NULL;
  size_t found = 0;
  for (size_t i = 0; i < n && found < 8; i++) {
    if (s[i] != '%') continue;
    size_t b = i;
    while (b > 0 && ((s[b - 1] >= '0' && s[b - 1] <= '9') || s[b - 1] == ',' || s[b - 1] == '.')) b--;
    if (b == i) continue;
    for (size_t k = 0; k < sizeof before / sizeof before[0]; k++) {
      size_t l = strlen(before[k]);
      if (b >= l && memcmp(s + b - l, before[k], l) == 0) { b -= l; break; }
    }
    size_t e = i + 1;
    for (size_t k = 0; k < sizeof after / sizeof after[0]; k++)
      if (starts(s + e, n - e, after[k])) { e += strlen(after[k]); break; }
    const char *op;
    double v;
    int pct;
    if (dl_target_value(s + b, e - b, &op, &v, &pct) != 0) continue;
    list = (char *)dg_fmt(c->a, "%s%s\"%.*s\"", list ? list : "", list ? ", " : "", (int)(e - b), s + b);
    found++;
  }
  if (list)
    pw_comment(&c->w, _("Values in this target: %s. Write a `%s \"WHAT\" VALUE` for each."), list,
               pw_spelling(PW_MEASURE, c->w.vi));
}

static void write_item(ctx *c, node *n, node_kind kind, md_body *const *owners, size_t nowners) {
  pw_writer *w = &c->w;
  pw_newline(w);
  if (kind == NK_TEXT || kind == NK_TARGET) pw_keyword(w, kind == NK_TEXT ? PW_TEXT : PW_TARGET);
  else if (n->p->mk == MK_NONE) pw_keyword(w, PW_TASK);
  write_label(w, n->p);
  pw_string(w, n->p->body, n->p->bn);
  w->depth++;
  for (size_t i = 0; i < n->nmore; i++) {
    pw_newline(w);
    pw_string(w, n->more[i]->s, n->more[i]->n);
  }
  w->depth--;
  md_body *named[8];
  size_t nnamed = 0;
  if (kind == NK_TARGET) {
    w->depth++;
    write_values(c, n->p->body, n->p->bn);
    w->depth--;
  }
  if (kind == NK_TASK) {
    c->unaccented = 0;
    nnamed = actors(c, n->p->body, n->p->bn, named, 8);
    if (c->unaccented && nnamed)
      pw_comment(w, _("A body above is named without its diacritics: check `%s`."), pw_spelling(PW_BY, w->vi));
    pw_newline(w);
    w->depth++;
    if (nnamed) write_bodies(w, PW_BY, named, nnamed);
    else if (!nowners && owners != unknown_owner && c->committee) {
      write_bodies(w, PW_BY, &c->committee, 1);
      c->missing_owner++;
    }
    md_body *with[8];
    write_bodies(w, PW_WITH, with, partners(c, n->p->body, n->p->bn, with, 8));
    write_dues(c, n->p->body, n->p->bn);
    for (size_t i = 0; i < n->nmore; i++) write_dues(c, n->more[i]->s, n->more[i]->n);
    write_proposals(c, c->tasks++);
    w->depth--;
  }
  if (n->kids && kind != NK_TASK) {   /* a text or target has no block: what it heads follows it */
    pw_newline(w);
    write_kids(c, n, kind, owners, nowners);
  } else if (n->kids) {
    pw_open(w);
    if (nnamed) write_kids(c, n, kind, named, nnamed);
    else write_kids(c, n, kind, owners, nowners);
    pw_close(w);
  }
  pw_newline(w);
}

/* The bodies a cell of a task table names ("Ban Tuyên giáo, UBND xã"):
 * *whole says whether the names cover all of it. */
static size_t cell_bodies(ctx *c, sl_slice s, md_body **out, size_t max, int *whole) {
  size_t n = s.n, used;
  while (n && strchr(" .,;:", s.p[n - 1])) n--;
  md_body *b = body_named(c, s.p, n);
  *whole = 1;
  if (b) {
    out[0] = b;
    return 1;
  }
  size_t k = leading_bodies_to(c, s.p, n, out, max, &used);
  *whole = used == n;
  return k;
}

/* The bodies of a row's owner or partner cell as `kw`; a name the library
 * does not know gets a comment, never a guess. Returns how many. */
static size_t write_cell_bodies(ctx *c, sl_slice cell, pw_kw kw, md_body **b) {
  int whole;
  size_t k = cell_bodies(c, cell, b, 8, &whole);
  if (!whole) {   /* "Ủy ban Kiểm tra" may open a name the library lacks: no part of it is taken */
    pw_comment(&c->w, _("The cell \"%.*s\" names a body the library does not know: declare it with `%s`,\n"
                        "then write it in `%s`."),
               (int)cell.n, cell.p, pw_spelling(PW_BODY, c->w.vi), pw_spelling(kw, c->w.vi));
    return 0;
  }
  write_bodies(&c->w, kw, b, k);
  return k;
}

/* The owners of a row's task: its owner cell; with none, the bodies its
 * content names, as for a paragraph (write_item). */
static void write_row_owners(ctx *c, const trow *r, md_body *const *owners, size_t nowners) {
  md_body *b[8];
  if (r->cell[COL_OWNER].n) {
    write_cell_bodies(c, r->cell[COL_OWNER], PW_BY, b);
    return;
  }
  size_t k = actors(c, r->cell[COL_TEXT].p, r->cell[COL_TEXT].n, b, 8);
  if (k) write_bodies(&c->w, PW_BY, b, k);
  else if (!nowners && owners != unknown_owner && c->committee) {
    write_bodies(&c->w, PW_BY, &c->committee, 1);
    c->missing_owner++;
  }
}

/* A group row with rows under it: a section, its owner the owner cell's
 * bodies when they are all the cell names. */
static void write_group(ctx *c, node *n, node_kind kind, md_body *const *owners, size_t nowners) {
  const trow *r = n->p->row;
  md_body *own[8];
  int whole = 0;
  size_t nown = r->cell[COL_OWNER].n ? cell_bodies(c, r->cell[COL_OWNER], own, 8, &whole) : 0;
  if (!whole) nown = 0;
  pw_newline(&c->w);
  pw_keyword(&c->w, PW_SECTION);
  if (r->label[0]) pw_word(&c->w, r->label);
  pw_string(&c->w, n->p->s, n->p->n);
  if (nown) write_bodies(&c->w, PW_OWNER, own, nown);
  pw_open(&c->w);
  write_kids(c, n, kind, nown ? own : owners, nown ? nown : nowners);
  pw_close(&c->w);
}

/* A row of a task table: a task, its text the content cell verbatim, its
 * owners and partners the cells' bodies, its deadline the time cell as
 * printed (the checker says what it cannot read). */
static void write_row(ctx *c, node *n, node_kind kind, md_body *const *owners, size_t nowners) {
  const trow *r = n->p->row;
  if (r->group && n->kids) {
    write_group(c, n, kind, owners, nowners);
    return;
  }
  pw_writer *w = &c->w;
  pw_newline(w);
  if (kind == NK_TEXT || kind == NK_TARGET) pw_keyword(w, kind == NK_TEXT ? PW_TEXT : PW_TARGET);
  else if (!r->label[0]) pw_keyword(w, PW_TASK);
  if (r->label[0]) pw_word(w, r->label);
  pw_string(w, n->p->s, n->p->n);
  if (kind == NK_TASK) {
    pw_newline(w);
    w->depth++;
    write_row_owners(c, r, owners, nowners);
    md_body *with[8];
    if (r->cell[COL_WITH].n) write_cell_bodies(c, r->cell[COL_WITH], PW_WITH, with);
    else write_bodies(w, PW_WITH, with, partners(c, n->p->s, n->p->n, with, 8));
    if (r->cell[COL_DUE].n) {
      pw_newline(w);
      pw_keyword(w, PW_DUE);
      pw_string(w, r->cell[COL_DUE].p, r->cell[COL_DUE].n);
    } else {
      write_dues(c, n->p->s, n->p->n);
    }
    write_proposals(c, c->tasks++);
    w->depth--;
  }
  pw_newline(w);
}

static void write_footnote(ctx *c, const node *n) {
  pw_newline(&c->w);
  pw_word(&c->w, "footnote");
  pw_string(&c->w, n->p->label, strlen(n->p->label));
  pw_string(&c->w, n->p->body, n->p->bn);
  pw_newline(&c->w);
}

static void write_node(ctx *c, node *n, node_kind kind, md_body *const *owners, size_t nowners) {
  if (n->p->row) {
    write_row(c, n, kind, owners, nowners);
    return;
  }
  if (n->p->mk == MK_FOOT) {
    write_footnote(c, n);
    return;
  }
  /* A section needs a label; an unmarked heading with items under it is a
   * task with a block (or, in a text section, followed by them). */
  int section = n->kids && n->p->mk != MK_NONE &&
                (n->p->mk == MK_ROMAN || n->p->mk == MK_NUM || n->p->mk == MK_LETTER || n->p->heading);
  if (section) write_section(c, n, kind, owners, nowners);
  else write_item(c, n, kind, owners, nowners);
}

static void write_header(ctx *c, const header *h, const char *key, md_body *issuer, const char *parent_key) {
  pw_writer *w = &c->w;
  pw_newline(w);
  pw_keyword(w, PW_PLAN);
  if (h->number) pw_string(w, h->number, strlen(h->number));
  else pw_word(w, key);
  pw_open(w);
  if (h->kind) pw_keyword(w, PW_KIND), pw_string(w, h->kind, strlen(h->kind)), pw_newline(w);
  if (h->title) pw_keyword(w, PW_TITLE), pw_string(w, h->title, strlen(h->title)), pw_newline(w);
  if (issuer) {
    pw_keyword(w, PW_ISSUER);
    pw_word(w, ar_strndup(c->a, issuer->id.p, issuer->id.n));
    pw_newline(w);
  } else {
    pw_comment(w, _("The issuing body is not recognised: write `%s` with the id of a body of the library."),
               pw_spelling(PW_ISSUER, w->vi));
  }
  if (c->level_guessed)
    pw_comment(w, _("Neither the number nor the signature tells the level: it is the one whose committee\n"
                    "the document names most. Check `%s` (and the `%s` line above)."),
               pw_spelling(PW_LEVEL, w->vi), pw_spelling(PW_USE, w->vi));
  pw_keyword(w, PW_LEVEL), pw_word(w, c->level), pw_newline(w);
  pw_keyword(w, PW_DATE);
  if (h->date[0]) pw_word(w, h->date); else pw_keyword(w, PW_UNKNOWN);
  pw_newline(w);
  if (!h->date[0])
    pw_comment(w, _("The document prints no date of issue: replace `%s` with the date (YYYY-MM-DD)."),
               pw_spelling(PW_UNKNOWN, w->vi));
  if (h->place) pw_keyword(w, PW_PLACE), pw_string(w, h->place, strlen(h->place)), pw_newline(w);
  parent par[16];
  size_t npar = h->preamble ? parents_of(c->a, h->preamble, par, 16) : 0;
  for (size_t i = 0; i < npar; i++) {
    if (par[i].plan) continue;
    pw_keyword(w, PW_BASIS), pw_string(w, par[i].said, strlen(par[i].said)), pw_newline(w);
  }
  for (size_t i = 0; i < npar; i++) {
    if (!par[i].plan) continue;
    pw_comment(w, _("The document implements %s: put that plan's file in a directory given with -I to check\n"
                     "the cascade."), par[i].said);
    pw_keyword(w, PW_IMPLEMENTS);
    pw_string(w, par[i].number, strlen(par[i].number));
    if (par[i].date[0]) {
      pw_open(w);
      pw_keyword(w, PW_DATE), pw_word(w, par[i].date);
      pw_close(w);
    }
    pw_newline(w);
  }
  if (parent_key) {
    size_t i;
    for (i = 0; i < npar && strcmp(par[i].number, parent_key) != 0; i++) {}
    if (i == npar) {
      pw_comment(w, "%s", _("The parent given with --parent:"));
      pw_keyword(w, PW_IMPLEMENTS), pw_string(w, parent_key, strlen(parent_key)), pw_newline(w);
    }
  }
  for (size_t i = 0; i < h->nnotes; i++) pw_keyword(w, PW_NOTE), pw_string(w, h->notes[i], strlen(h->notes[i])), pw_newline(w);
  if (h->signer) pw_keyword(w, PW_SIGNER), pw_string(w, h->signer, strlen(h->signer));
  if (h->signer && h->role) pw_keyword(w, PW_ROLE), pw_string(w, h->role, strlen(h->role));
  else if (h->role) pw_keyword(w, PW_NOTE), pw_string(w, h->role, strlen(h->role));   /* a role needs its signer */
  pw_newline(w);
  for (size_t i = 0; i < h->nrecipients; i++)
    pw_keyword(w, PW_RECIPIENT), pw_string(w, h->recipients[i], strlen(h->recipients[i])), pw_newline(w);
  pw_close(w);
}

/* The annex from ps[annex] on: a section titled by its heading
 * ("PHỤ LỤC ...", ps[head]) with the lines between as notes; without a
 * heading, its rows at the top of the plan. */
static void write_annex(ctx *c, paras *ps, size_t head, size_t annex) {
  node *root = build_tree(c, ps, annex, ps->n);
  int wrap = head < annex;
  pw_comment(&c->w, "%s", "");
  if (wrap) {
    pw_newline(&c->w);
    pw_keyword(&c->w, PW_SECTION);
    pw_string(&c->w, ps->v[head].s, ps->v[head].n);
    c->w.depth++;
    for (size_t i = head + 1; i < annex; i++) {
      pw_newline(&c->w);
      pw_keyword(&c->w, PW_NOTE);
      pw_string(&c->w, ps->v[i].s, ps->v[i].n);
    }
    c->w.depth--;
    pw_open(&c->w);
  }
  for (node *n = root->kids; n; n = n->next) write_node(c, n, NK_TASK, NULL, 0);
  if (wrap) pw_close(&c->w);
}

/* The issuing body: the role without "T/M" and the signer's title
 * ("T/M HUYỆN ỦY BÍ THƯ" is Huyện ủy), or Ban Thường vụ of this level. */
static md_body *issuer_of(ctx *c, const header *h) {
  if (!h->role) return c->committee;
  const char *s = h->role;
  static const char *const pre[] = { "T/M ", "TM. ", "TM ", "KT. ", "K/T " };
  for (size_t i = 0; i < sizeof pre / sizeof pre[0]; i++)
    if (starts(s, strlen(s), pre[i])) s += strlen(pre[i]);
  static const char *const titles[] = { " PHÓ BÍ THƯ", " BÍ THƯ", " CHỦ TỊCH", " TRƯỞNG BAN" };
  size_t n = strlen(s);
  for (size_t i = 0; i < sizeof titles / sizeof titles[0]; i++) {
    const char *t = strstr(s, titles[i]);
    if (t && (size_t)(t - s) < n) n = (size_t)(t - s);
  }
  md_body *b = body_named(c, s, n);
  if (!b && c->committee) {
    const char *full = dg_fmt(c->a, "%.*s %.*s", (int)n, s, (int)c->committee->name.value.n, c->committee->name.value.p);
    b = body_named(c, full, strlen(full));
  }
  return b;
}

static const char *key_of(ar_arena *a, const char *source) {
  const char *base = source ? strrchr(source, '/') : NULL;
  base = base ? base + 1 : source;
  if (!base || strcmp(base, "-") == 0) return "draft";
  char *k = ar_alloc(a, strlen(base) + 8), *o = k;
  o += sprintf(o, "draft_");
  for (const char *p = base; *p && *p != '.'; p++)
    *o++ = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ? *p : (*p >= 'A' && *p <= 'Z') ? (char)(*p + 32) : '_';
  *o = '\0';
  return k;
}

int imp_draft(ar_arena *a, const im_text *t, const imp_options *o, FILE *out, const char **error) {
  tabled tb = tables(a, t);
  paras ps = paragraphs(a, &tb.t, tb.row);
  size_t from = ps.n, to = ps.n;
  for (size_t i = 0; i < ps.n && from == ps.n; i++)
    if (ps.v[i].mk == MK_ROMAN) from = i;
  for (size_t i = 0; i < ps.n && from == ps.n; i++)
    if (ps.v[i].mk == MK_NUM) from = i;
  for (size_t i = 0; i < ps.n && from == ps.n; i++)
    if (ps.v[i].row) from = i;   /* a plan that is only its table of tasks */
  if (from == ps.n) {
    *error = _("no numbered section (I., 1., ...) in the document: nothing to import");
    return -1;
  }
  for (size_t i = from; i < ps.n && to == ps.n; i++)
    if (is_recipients(&ps.v[i]) || is_role(&ps.v[i])) to = i;
  header h = { .a = a };
  read_front(a, &h, &ps, from);
  /* An annex (Phụ lục) after the signature whose tasks are a table: its
   * rows are tasks, not notes of the heading block. */
  size_t annex = ps.n, head = ps.n;
  for (size_t i = to; i < ps.n && annex == ps.n; i++)
    if (ps.v[i].row) annex = i;
  for (size_t i = to; i < annex && head == ps.n; i++)
    if (starts(ps.v[i].s, ps.v[i].n, "PHỤ LỤC") || starts(ps.v[i].s, ps.v[i].n, "Phụ lục")) head = i;
  read_back(a, &h, &ps, to, head < annex ? head : annex);
  ctx c = { .a = a, .links = o->links };
  c.when.date = DT_MIN;
  if (h.date[0]) dt_parse_iso(h.date, strlen(h.date), &c.when.date);
  c.level = level_of(a, &h, &ps, &c.level_guessed);
  load_library(&c, o->ro);
  pw_init(&c.w, out, o->vi);
  pw_comment(&c.w, _("Draft written by `plancheck import` from %s. Compare it with the document, fix what\n"
                     "the comments point out, then run `plancheck` on this file."),
             o->source ? o->source : "-");
  pw_newline(&c.w);
  pw_keyword(&c.w, PW_USE);
  const char *use = dg_fmt(a, "std/%s", c.level);
  pw_string(&c.w, use, strlen(use));
  pw_newline(&c.w);
  pw_comment(&c.w, "%s", "");
  write_header(&c, &h, key_of(a, o->source), issuer_of(&c, &h), o->parent_key);
  node *root = build_tree(&c, &ps, from, to);
  for (node *n = root->kids; n; n = n->next) {
    pw_comment(&c.w, "%s", "");
    write_node(&c, n, kind_below(&c, n, NK_TASK), NULL, 0);
  }
  if (annex < ps.n) write_annex(&c, &ps, head, annex);
  if (c.missing_owner)
    pw_comment(&c.w, _("%u tasks name no body: the draft gives them the issuing committee (`by %.*s`); check them."),
               c.missing_owner, (int)c.committee->id.n, c.committee->id.p);
  src_free(&c.src);
  return 0;
}

/* ---- proposals ---- */

typedef struct loaded {
  src_table src;
  dg_list diags;
  md_model m;
  md_plan *plan;
} loaded;

static void load_plan(ar_arena *a, loaded *l, const char *path, const rs_options *ro) {
  src_init(&l->src);
  dg_init(&l->diags, a);
  md_init(&l->m, a, &l->src, &l->diags);
  rs_input in = { .path = path };
  rs_load(&l->m, ro, &in, 1);
  rs_resolve(&l->m, NULL);
  l->plan = in.loaded ? in.plan : NULL;
}

const char *imp_plan_key(ar_arena *a, const char *path, const rs_options *ro, const char **error) {
  loaded l;
  load_plan(a, &l, path, ro);
  /* A file that cannot be read, or does not read as a plan, is refused;
   * a parent's own findings (an unknown body ...) are the check's. */
  const dg_diag *first = l.diags.first;
  while (first && !(first->sev == DG_ERROR && first->code &&
                    (!strcmp(first->code, "io") || !strcmp(first->code, "lex") || !strcmp(first->code, "syntax"))))
    first = first->next;
  const char *key = l.plan && !first ? ar_strndup(a, l.plan->key.p, l.plan->key.n) : NULL;
  if (first) *error = dg_fmt(a, _("the parent '%s' does not load: %s"), path, first->msg);
  else if (!key) *error = dg_fmt(a, _("'%s' declares no plan to take as the parent"), path);
  src_free(&l.src);
  return key;
}

typedef struct task_list {
  md_item **v;
  size_t n, cap;
  ar_arena *a;
} task_list;

static int collect_task(md_item *it, void *arg) {
  task_list *t = arg;
  if (it->kind != MD_TASK) return 0;
  t->v = ar_grow(t->a, t->v, sizeof *t->v, &t->cap, t->n + 1);
  t->v[t->n++] = it;
  return 0;
}

/* A task and its place in writing order, sorted by address to find the
 * task a ranking names. */
typedef struct task_at {
  const md_item *task;
  size_t i;
} task_at;

static int by_task(const void *x, const void *y) {
  const md_item *a = ((const task_at *)x)->task, *b = ((const task_at *)y)->task;
  return a < b ? -1 : a > b;
}

/* Keeps a task's proposals the best IMP_PROPOSALS, best first. */
static void propose(imp_proposal *p, const char *id, double score) {
  size_t i = p->n < IMP_PROPOSALS ? p->n++ : IMP_PROPOSALS;
  if (i == IMP_PROPOSALS && score <= p->scores[IMP_PROPOSALS - 1]) return;
  if (i == IMP_PROPOSALS) i--;
  while (i > 0 && p->scores[i - 1] < score) {
    p->ids[i] = p->ids[i - 1];
    p->scores[i] = p->scores[i - 1];
    i--;
  }
  p->ids[i] = id;
  p->scores[i] = score;
}

/* Each directive addressed to the draft's level scores the draft's tasks
 * (sg_rank, as `plancheck suggest` does: text similarity, corresponding
 * owners); each task keeps the directives that score it highest. Taking
 * every task a directive scores, not its first three, lets a general
 * directive that prefers other tasks still be one task's best: 94 of the
 * 123 links of the seeds are then among the three, against 81. */
/* The draft as a plan of its own, under a name whose directory is no
 * directory (so that no parent or progress record is looked for beside
 * it), with its parents. */
static void load_draft(ar_arena *a, loaded *l, const char *draft, size_t n, const rs_options *ro) {
  src_init(&l->src);
  dg_init(&l->diags, a);
  md_init(&l->m, a, &l->src, &l->diags);
  char *text = ar_alloc(a, n + 1);   /* NUL-terminated, as a file read is */
  memcpy(text, draft, n);
  text[n] = '\0';
  uint32_t file;
  l->plan = src_add_memory(&l->src, "(plancheck import)/draft.plan", text, n, &file) == SRC_OK
              ? rs_load_memory(&l->m, ro, file) : NULL;
  rs_resolve(&l->m, NULL);
}

void imp_propose(ar_arena *a, const char *draft, size_t n, const rs_options *ro, imp_links *out) {
  out->v = NULL, out->n = 0;
  loaded l;
  load_draft(a, &l, draft, n, ro);
  if (!l.plan) {
    src_free(&l.src);
    return;
  }
  cs_coverage *c = cs_coverage_of(&l.m, l.plan, l.plan->date ? l.plan->date : DT_MIN);
  task_list t = { .a = a };
  md_walk(&l.plan->root, collect_task, &t);
  if (c && c->ntargets && t.n) {
    out->v = ar_alloc(a, t.n * sizeof *out->v);
    memset(out->v, 0, t.n * sizeof *out->v);
    out->n = t.n;
    sm_index *ix = sg_index(&l.m, c);
    task_at *byptr = ar_alloc(a, t.n * sizeof *byptr);
    for (size_t i = 0; i < t.n; i++) byptr[i] = (task_at){ t.v[i], i };
    qsort(byptr, t.n, sizeof *byptr, by_task);
    sg_hit *hits = ar_alloc(a, t.n * sizeof *hits);
    for (size_t g = 0; g < c->ntargets; g++)
      for (size_t k = 0; k < c->targets[g].nrows; k++) {
        const md_item *d = c->targets[g].rows[k].directive;
        size_t nh = sg_rank(&l.m, ix, c, d, NULL, hits, t.n);
        for (size_t h = 0; h < nh; h++) {
          const task_at key = { hits[h].task, 0 }, *at = bsearch(&key, byptr, t.n, sizeof *byptr, by_task);
          if (at) propose(&out->v[at->i], d->id, hits[h].score);
        }
      }
  }
  src_free(&l.src);
}
