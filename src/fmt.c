/* fmt: the canonical layout of a plan file; see fmt.h.
 *
 * Three passes over the file, each linear: the parser says whether it is
 * clean (and reads the levels a Vietnamese level word may name), the
 * lexer gives the tokens, and the layout walks them with the gaps between
 * them (blanks, line breaks, comments). The grammar starts every
 * statement with a keyword, a label or (in a progress block) a date, so
 * which block a token is in and which token began its statement are
 * enough to place it. */
#include "fmt.h"

#include <stdlib.h>
#include <string.h>

#include "gram.h"
#include "lang.h"
#include "lexer.h"
#include "mem.h"
#include "model.h"
#include "parse.h"
#include "planwrite.h"
#include "source.h"
#include "stdlib_data.h"

/* What a block holds, which says what starts a statement in it. */
typedef enum blk {
  B_TOP, B_ITEMS, B_HDR, B_BODY, B_LEVEL, B_STRUCT, B_PLACE, B_MEASURES, B_PROGRESS,
} blk;

/* Text being written: malloc'd, copied into the caller's arena at the end. */
typedef struct obuf {
  char *p;
  size_t n, cap;
} obuf;

typedef struct layout {
  const char *src;           /* the file, NUL-terminated */
  fm_keywords kw;
  obuf out;
  int open;                  /* a line has text and no line end yet */
  int opened;                /* the last line written ends in `{`, or
                                nothing is written yet: no blank line */
  blk stack[PS_MAX_DEPTH + 1];
  int depth;
  int first;                 /* the type of the statement's first token */
  int strings;               /* strings in the statement so far */
  int prev;                  /* the type of the token before, 0 at the start */
} layout;

/* ---- writing ---- */

static void put(obuf *b, const char *s, size_t n) {
  if (b->cap - b->n < n + 1) {
    size_t cap = b->cap ? b->cap : 4096;
    while (cap - b->n < n + 1) cap *= 2;
    b->p = mem_realloc(b->p, cap);
    b->cap = cap;
  }
  memcpy(b->p + b->n, s, n);
  b->n += n;
}

static void end_line(layout *L) {
  if (!L->open) return;
  put(&L->out, "\n", 1);
  L->open = 0;
}

static void blank_line(layout *L) {
  end_line(L);
  if (!L->opened) put(&L->out, "\n", 1);
  L->opened = 1;             /* never two */
}

static void start_line(layout *L, int indent) {
  end_line(L);
  for (int i = 0; i < indent; i++) put(&L->out, "  ", 2);
  L->open = 1;
  L->opened = 0;
}

/* A comment from its '#' to the end of its line, without the blanks
 * (and a CRLF file's CR) after its text. */
static void put_comment(layout *L, const char *p, size_t n) {
  while (n > 1 && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\r')) n--;
  put(&L->out, p, n);
}

/* ---- where a token goes ---- */

static int in(int t, const int *set) {
  for (; *set; set++)
    if (*set == t) return 1;
  return 0;
}

static const int item_starts[] = { TK_SECTION, TK_TASK, TK_TEXT, TK_TARGET, TK_FOOTNOTE, TK_WAIVE, TK_FORWARD, 0 };
static const int decl_starts[] = { TK_USE, TK_INCLUDE, TK_ABBREV, TK_PLAN, TK_BODY, TK_LEVEL, TK_STRUCTURE,
                                   TK_PROGRESS, TK_PLACE, 0 };
static const int hdr_starts[] = { TK_KIND, TK_TITLE, TK_PLACE, TK_BASIS, TK_RECIPIENT, TK_NOTE, TK_UNAVAILABLE,
                                  TK_SIGNER, TK_ISSUER, TK_LEVEL, TK_STRUCTURE, TK_DATE, TK_IMPLEMENTS, 0 };
static const int body_starts[] = { TK_ALIAS, TK_COUNTERPART, TK_LEVEL, TK_ADDRESSES, TK_NOTE, TK_EXISTS,
                                   TK_SUCCEEDS, 0 };
static const int level_starts[] = { TK_ALIAS, TK_NOTE, 0 };
static const int struct_starts[] = { TK_LEVELS, TK_NOTE, 0 };
static const int place_starts[] = { TK_ALIAS, 0 };
static const int measure_starts[] = { TK_MEASURE, 0 };
static const int entry_starts[] = { TK_DATEVAL, 0 };
/* A task's attributes, each on a line of its own below the task. */
static const int task_attrs[] = { TK_BY, TK_WITH, TK_REPORTS, TK_VIA, TK_DUE, TK_IMPLEMENTS, TK_CASCADE, TK_SCOPE,
                                  TK_ID, TK_NOTE, 0 };

static int is_label(int t) { return t == TK_LABEL || t == TK_DASH || t == TK_PLUS; }

/* Whether t begins a statement of the block it is in. A label does,
 * unless it is the one of a `section`, `text` or `target`. */
static int starts_statement(const layout *L, int t) {
  switch (L->stack[L->depth]) {
  case B_TOP:                /* a file may hold items outside any section */
  case B_ITEMS:
    if (in(t, item_starts) || (L->stack[L->depth] == B_TOP && in(t, decl_starts))) return 1;
    return is_label(t) && L->prev != TK_SECTION && L->prev != TK_TEXT && L->prev != TK_TARGET;
  case B_HDR: return in(t, hdr_starts);
  case B_BODY: return in(t, body_starts);
  case B_LEVEL: return in(t, level_starts);
  case B_STRUCT: return in(t, struct_starts);
  case B_PLACE: return in(t, place_starts);
  case B_MEASURES: return in(t, measure_starts);
  case B_PROGRESS: return in(t, entry_starts);
  }
  return 0;
}

/* Whether t goes on a line of its own one step in: a task's attribute,
 * or a paragraph after the first of a task, text, target or footnote
 * (whose first string is its mark). */
static int continues_statement(const layout *L, int t) {
  int task = L->first == TK_TASK || is_label(L->first);
  if (task && in(t, task_attrs)) return 1;
  if (t != TK_STRING || L->prev != TK_STRING) return 0;
  if (L->first == TK_FOOTNOTE) return L->strings >= 2;
  return task || L->first == TK_TEXT || L->first == TK_TARGET;
}

/* What a `{` opens, from the statement it ends. */
static blk block_of(const layout *L) {
  if (L->stack[L->depth] == B_HDR) return B_HDR;   /* implements "X" { ... } */
  switch (L->first) {
  case TK_PLAN: return B_HDR;
  case TK_BODY: return B_BODY;
  case TK_LEVEL: return B_LEVEL;
  case TK_STRUCTURE: return B_STRUCT;
  case TK_PLACE: return B_PLACE;
  case TK_PROGRESS: return B_PROGRESS;
  case TK_TARGET: return B_MEASURES;
  default: return B_ITEMS;
  }
}

/* ---- keywords ---- */

/* planwrite's keyword for a token type, or -1 for a token that is none. */
static int keyword_of(const layout *L, int t) {
  static const struct { int tk; pw_kw kw; } map[] = {
    { TK_ABBREV, PW_ABBREV }, { TK_ADDRESSES, PW_ADDRESSES }, { TK_AFTER, PW_AFTER }, { TK_ALIAS, PW_ALIAS },
    { TK_AS, PW_AS }, { TK_BASIS, PW_BASIS }, { TK_BODY, PW_BODY }, { TK_BY, PW_BY },
    { TK_COUNTERPART, PW_COUNTERPART }, { TK_DATE, PW_DATE }, { TK_DUE, PW_DUE }, { TK_FOOTNOTE, PW_FOOTNOTE },
    { TK_FOR, PW_FOR }, { TK_ID, PW_ID }, { TK_IMPLEMENTS, PW_IMPLEMENTS }, { TK_INCLUDE, PW_INCLUDE },
    { TK_ISSUER, PW_ISSUER }, { TK_KIND, PW_KIND }, { TK_LEVEL, PW_LEVEL }, { TK_MEASURE, PW_MEASURE },
    { TK_MONTH, PW_MONTH }, { TK_NOTE, PW_NOTE }, { TK_OWNER, PW_OWNER }, { TK_PATH, PW_PATH },
    { TK_PER, PW_PER }, { TK_PLACE, PW_PLACE }, { TK_PLAN, PW_PLAN }, { TK_QUARTER, PW_QUARTER },
    { TK_RECIPIENT, PW_RECIPIENT }, { TK_REPORTS, PW_REPORTS }, { TK_ROLE, PW_ROLE }, { TK_SECTION, PW_SECTION },
    { TK_SIGNER, PW_SIGNER }, { TK_TARGET, PW_TARGET }, { TK_TASK, PW_TASK }, { TK_TERM, PW_TERM },
    { TK_TEXT, PW_TEXT }, { TK_TITLE, PW_TITLE }, { TK_UNAVAILABLE, PW_UNAVAILABLE }, { TK_UNKNOWN, PW_UNKNOWN },
    { TK_USE, PW_USE }, { TK_VIA, PW_VIA }, { TK_WITH, PW_WITH }, { TK_YEAR, PW_YEAR },
    { TK_CASCADE, PW_CASCADE }, { TK_FINGERPRINT, PW_FINGERPRINT }, { TK_FORWARD, PW_FORWARD },
    { TK_REASON, PW_REASON }, { TK_REASSIGNED, PW_REASSIGNED }, { TK_TO, PW_TO }, { TK_UNTIL, PW_UNTIL },
    { TK_WAIVE, PW_WAIVE }, { TK_PROGRESS, PW_PROGRESS }, { TK_ISSUED, PW_ISSUED }, { TK_DONE, PW_DONE },
    { TK_STARTED, PW_STARTED }, { TK_CANCELLED, PW_CANCELLED }, { TK_REPORTED, PW_REPORTED }, { TK_DOC, PW_DOC },
    { TK_TRIGGERS, PW_TRIGGERS }, { TK_CENTRAL, PW_CENTRAL }, { TK_PROVINCE, PW_PROVINCE },
    { TK_DISTRICT, PW_DISTRICT }, { TK_GRASSROOTS, PW_GRASSROOTS }, { TK_EXISTS, PW_EXISTS },
    { TK_STRUCTURE, PW_STRUCTURE }, { TK_LEVELS, PW_LEVELS }, { TK_FROM, PW_FROM }, { TK_SUCCEEDS, PW_SUCCEEDS },
    { TK_SCOPE, PW_SCOPE },
  };
  /* `by 2025` in a measure is "đến năm"; every other `by` "chủ trì". */
  if (t == TK_BY && L->stack[L->depth] == B_MEASURES) return PW_BY_YEAR;
  for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
    if (map[i].tk == t) return (int)map[i].kw;
  return -1;
}

static int ascii(const char *p, size_t n) {
  for (size_t i = 0; i < n; i++)
    if ((unsigned char)p[i] >= 0x80) return 0;
  return 1;
}

/* A keyword as written, the blanks between its words made one space. */
static void put_words(layout *L, const char *p, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (p[i] != ' ' && p[i] != '\t') {
      put(&L->out, p + i, 1);
      continue;
    }
    while (i + 1 < n && (p[i + 1] == ' ' || p[i + 1] == '\t')) i++;
    put(&L->out, " ", 1);
  }
}

/* A token's text: a keyword in the spelling asked for (ASCII spellings
 * are the English ones), anything else as it is. */
static void put_token(layout *L, const lx_token *t) {
  const char *p = L->src + t->off;
  int kw = keyword_of(L, t->type);
  if (kw >= 0 && L->kw != FM_KEEP && ascii(p, t->len) != (L->kw == FM_ENGLISH)) {
    const char *s = pw_spelling((pw_kw)kw, L->kw == FM_VIETNAMESE);
    put(&L->out, s, strlen(s));
  } else if (kw >= 0) {
    put_words(L, p, t->len);
  } else {
    put(&L->out, p, t->len);
  }
}

/* ---- the layout ---- */

/* Where the line of token t (0: the end of the file) starts: its depth,
 * one more for a continuation; *natural says whether t begins a line
 * whatever surrounds it. */
static int indent_of(const layout *L, int t, int *natural) {
  *natural = 1;
  if (!t) return 0;
  if (t == TK_RBRACE) return L->depth > 0 ? L->depth - 1 : 0;
  if (!L->prev || L->prev == TK_LBRACE || L->prev == TK_RBRACE || starts_statement(L, t)) return L->depth;
  *natural = continues_statement(L, t);
  return L->depth + 1;
}

/* The blanks, line ends and comments between two tokens (or the ends of
 * the file), written before the token that follows them, of type t. */
static void gap(layout *L, const char *p, const char *end, int t) {
  int natural;
  int indent = indent_of(L, t, &natural);
  /* A comment before a `}` belongs to the block's lines. */
  int comment_indent = t == TK_RBRACE ? L->depth : indent;
  int lines = 0;             /* line ends since the last token or comment */
  while (p < end) {
    if (*p == '\n') {
      lines++;
      p++;
      continue;
    }
    if (*p != '#') {
      p++;
      continue;
    }
    const char *e = memchr(p, '\n', (size_t)(end - p));
    if (!e) e = end;
    if (L->open && lines == 0) {
      put(&L->out, "  ", 2);
    } else {
      if (lines >= 2) blank_line(L);
      start_line(L, comment_indent);
    }
    put_comment(L, p, (size_t)(e - p));
    end_line(L);
    lines = 0;
    p = e;
  }
  if (!t) {
    end_line(L);
    return;
  }
  if (natural || !L->open) {
    if (lines >= 2 && t != TK_RBRACE) blank_line(L);
    start_line(L, indent);
  } else if (t != TK_COMMA && t != TK_PERCENT) {
    put(&L->out, " ", 1);
  }
}

/* Places token t after the gap before it; keeps the block stack and the
 * statement in step. */
static void token(layout *L, const lx_token *t) {
  if (t->type == TK_RBRACE && L->depth > 0) L->depth--;
  else if (t->type != TK_RBRACE && (!L->prev || L->prev == TK_LBRACE || L->prev == TK_RBRACE ||
                                    starts_statement(L, t->type))) {
    L->first = t->type;
    L->strings = 0;
  }
  put_token(L, t);
  if (t->type == TK_STRING) L->strings++;
  if (t->type == TK_LBRACE && L->depth < PS_MAX_DEPTH) {
    blk b = block_of(L);
    L->stack[++L->depth] = b;
    L->opened = 1;
  } else {
    L->opened = 0;
  }
  L->prev = t->type;
}

/* ---- lexing and checking ---- */

typedef struct toks {
  lx_token *t;
  size_t n, cap;
} toks;

/* Every token of data[0..n) (NUL-terminated), lexed as the parser did:
 * Vietnamese level words through the model's levels. */
static void lex_all(md_model *m, const char *data, size_t n, dg_list *diags, toks *out) {
  lx_lexer lx;
  lx_init(&lx, data, n, 0, diags);
  lx.level_word = ps_level_word;
  lx.word_ctx = m;
  lx_token t;
  while (lx_next(&lx, &t)) {
    if (out->n == out->cap) {
      out->cap = out->cap ? out->cap * 2 : 1024;
      out->t = mem_realloc(out->t, out->cap * sizeof *out->t);
    }
    out->t[out->n++] = t;
  }
}

/* Lays the tokens of src out; the text is the layout's, malloc'd. */
static void lay_out(layout *L, const toks *tk, size_t start, size_t size) {
  const char *p = L->src + start;
  for (size_t i = 0; i < tk->n; i++) {
    gap(L, p, L->src + tk->t[i].off, tk->t[i].type);
    token(L, &tk->t[i]);
    p = L->src + tk->t[i].off + tk->t[i].len;
  }
  gap(L, p, L->src + size, 0);
}

/* Whether two token streams are the same plan: the same types, and the
 * same text for everything but keywords. The index of the first that
 * differs, or -1. */
static long differs(const char *a, const toks *ta, const char *b, const toks *tb) {
  size_t n = ta->n < tb->n ? ta->n : tb->n;
  for (size_t i = 0; i < n; i++) {
    const lx_token *x = &ta->t[i], *y = &tb->t[i];
    if (x->type != y->type) return (long)i;
    if (x->type < TK_IDENT) continue;
    if (x->len != y->len || memcmp(a + x->off, b + y->off, x->len) != 0) return (long)i;
  }
  return ta->n == tb->n ? -1 : (long)n;
}

/* The lexical and syntax errors of `from` (the scratch file), into the
 * caller's list, located in its file. */
static void copy_errors(const dg_list *from, uint32_t scratch, dg_list *to, uint32_t file) {
  for (const dg_diag *d = from->first; d; d = d->next) {
    if (d->sev != DG_ERROR || (strcmp(d->code, "lex") != 0 && strcmp(d->code, "syntax") != 0)) continue;
    dg_diag *c = dg_add(to, DG_ERROR, d->code, d->file == scratch ? file : DG_NOFILE, d->off, d->len, "%s", d->msg);
    for (const dg_diag *nt = d->notes; nt; nt = nt->next)
      if (nt->file == scratch) dg_note(to, c, file, nt->off, nt->len, "%s", nt->msg);
  }
}

static int stops(const dg_list *l) {
  for (const dg_diag *d = l->first; d; d = d->next)
    if (d->sev == DG_ERROR && (strcmp(d->code, "lex") == 0 || strcmp(d->code, "syntax") == 0)) return 1;
  return 0;
}

/* A scratch model holding the standard levels and the file, parsed. */
typedef struct scratch {
  ar_arena a;
  src_table src;
  dg_list diags;
  md_model m;
  uint32_t file;
  char *data;
} scratch;

static void scratch_open(scratch *s, const char *text, size_t n) {
  ar_init(&s->a);
  src_init(&s->src);
  dg_init(&s->diags, &s->a);
  md_init(&s->m, &s->a, &s->src, &s->diags);
  ps_result r;
  for (const sd_file *f = sd_files; f->name; f++) {
    uint32_t lv;
    if (strcmp(f->name, "levels.plan") == 0 && src_add_memory(&s->src, "std/levels.plan", f->data, f->size, &lv) == SRC_OK)
      ps_parse_file(&s->m, lv, &r);
  }
  s->data = ar_alloc_text(&s->a, n);
  memcpy(s->data, text, n);
  src_add_memory(&s->src, "<fmt>", s->data, n, &s->file);
  ps_parse_file(&s->m, s->file, &r);
}

static void scratch_close(scratch *s) {
  src_free(&s->src);
  ar_free(&s->a);
}

int fm_format(ar_arena *a, const char *text, size_t n, uint32_t file, dg_list *diags, fm_keywords kw,
              const char **out, size_t *outn) {
  if (n > SRC_MAX_SIZE) {
    dg_add(diags, DG_ERROR, "io", file, 0, 0, _("the file is too large (over 4 GiB)"));
    return -1;
  }
  scratch s;
  scratch_open(&s, text, n);
  if (stops(&s.diags)) {
    copy_errors(&s.diags, s.file, diags, file);
    scratch_close(&s);
    return -1;
  }
  toks before = { 0 }, after = { 0 };
  lex_all(&s.m, s.data, n, &s.diags, &before);
  layout L;
  memset(&L, 0, sizeof L);
  L.src = s.data;
  L.kw = kw;
  L.opened = 1;
  size_t start = n >= 3 && memcmp(s.data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
  if (start) put(&L.out, s.data, 3);     /* a byte-order mark stays */
  lay_out(&L, &before, start, n);
  put(&L.out, "", 0);                    /* room for the NUL */
  L.out.p[L.out.n] = '\0';
  dg_list check;
  dg_init(&check, &s.a);
  lex_all(&s.m, L.out.p, L.out.n, &check, &after);
  long bad = check.errors ? 0 : differs(s.data, &before, L.out.p, &after);
  int rc = 0;
  if (check.errors || bad >= 0) {
    /* The layout must not change what the file says; should it ever,
     * nothing is written and the place is shown. */
    uint32_t at = bad >= 0 && (size_t)bad < before.n ? before.t[bad].off : 0;
    dg_add(diags, DG_ERROR, "fmt", file, at, 0,
           _("formatting would change the plan here (a bug of plancheck fmt; the file is left as it is)"));
    rc = -1;
  } else {
    *out = ar_strndup(a, L.out.p, L.out.n);
    *outn = L.out.n;
  }
  free(before.t);
  free(after.t);
  free(L.out.p);
  scratch_close(&s);
  return rc;
}
