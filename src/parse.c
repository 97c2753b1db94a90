/* parse: the parse driver and the model builders; see parse.h. */
#include "parse.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "gram.h"
#include "lang.h"
#include "text.h"

static md_loc loc_of(const ps_ctx *ctx, const lx_token *t) {
  return (md_loc){ ctx->file, t->off, t->len };
}

static dg_diag *error_at(ps_ctx *ctx, const char *code, md_loc l, const char *fmt, const char *arg) {
  return dg_add(ctx->m->diags, DG_ERROR, code, l.file, l.off, l.len, fmt, arg);
}

/* ---- strings ---- */

md_str ps_string(ps_ctx *ctx, const lx_token *t) {
  const char *p = ctx->data + t->off + t->quote;   /* "…" or “…” */
  size_t n = t->len >= t->quote ? t->len - t->quote : 0;
  if (!t->unterminated && n >= t->quote) n -= t->quote; /* the closing quote */
  md_str s = { { p, n }, loc_of(ctx, t) };
  if (!t->escaped && !t->nul) return s;
  char *d = ar_alloc_text(ctx->m->arena, n);
  size_t o = 0;
  for (size_t i = 0; i < n; i++) {
    if (t->escaped && p[i] == '\\' && i + 1 < n && (p[i + 1] == '"' || p[i + 1] == '\\')) i++;
    else if (p[i] == '\0') continue;
    d[o++] = p[i];
  }
  s.value = (sl_slice){ d, o };
  return s;
}

static sl_slice token_text(const ps_ctx *ctx, const lx_token *t) {
  return (sl_slice){ ctx->data + t->off, t->len };
}

/* ---- lists ----
 * Every list of the model is built by appending, often one node at a
 * time. The tails of the lists appended to lately are remembered by their
 * first node (ps_tail), so that the 100,000th `due` of a task costs what
 * the first did. A list whose tail was forgotten is walked once. Nodes of
 * each type link through a pointer at their own offset. */

static void *next_of(const void *node, size_t off) {
  void *next;
  memcpy(&next, (const char *)node + off, sizeof next);
  return next;
}

static ps_tail *tail_of(ps_ctx *ctx, const void *head) {
  for (int i = 0; head && i < PS_TAILS; i++)
    if (ctx->tails[i].head == head) return &ctx->tails[i];
  return NULL;
}

/* The last node of a non-empty list. */
static void *last_node(ps_ctx *ctx, void *list, size_t off) {
  ps_tail *t = tail_of(ctx, list);
  if (t) return t->tail;
  for (void *next; (next = next_of(list, off));) list = next;
  return list;
}

/* Remembers a list's tail, in a free entry or over the least recently
 * used one. */
static void remember(ps_ctx *ctx, void *head, void *tail) {
  ps_tail *t = tail_of(ctx, head);
  for (int i = 0; !t && i < PS_TAILS; i++)
    if (!ctx->tails[i].head) t = &ctx->tails[i];
  if (!t) {
    t = &ctx->tails[0];
    for (int i = 1; i < PS_TAILS; i++)
      if (ctx->tails[i].used < t->used) t = &ctx->tails[i];
  }
  *t = (ps_tail){ head, tail, ++ctx->tick };
}

/* `list` (or NULL) with the list `more` (or NULL) appended. */
static void *list_append(ps_ctx *ctx, void *list, void *more, size_t off) {
  if (!more) return list;
  void *end = last_node(ctx, more, off);
  ps_tail *t = tail_of(ctx, more);
  if (t) t->head = NULL;     /* `more` is no longer a list of its own */
  if (list) memcpy((char *)last_node(ctx, list, off) + off, &more, sizeof more);
  else list = more;
  remember(ctx, list, end);
  return list;
}

static md_strs *strs_append(ps_ctx *ctx, md_strs *list, md_strs *more) {
  return list_append(ctx, list, more, offsetof(md_strs, next));
}

md_ref *ps_ref_append(ps_ctx *ctx, md_ref *list, md_ref *r) {
  return list_append(ctx, list, r, offsetof(md_ref, next));
}

md_link *ps_link_append(ps_ctx *ctx, md_link *list, md_link *more) {
  return list_append(ctx, list, more, offsetof(md_link, next));
}


/* ---- the driver ---- */

static void track_braces(ps_ctx *ctx, const lx_token *t) {
  if (t->type == TK_LBRACE) {
    if (ctx->depth == PS_MAX_DEPTH) {
      error_at(ctx, "syntax", loc_of(ctx, t), _("blocks nested deeper than %s levels"), "64");
      ctx->stop = 1;
      return;
    }
    ctx->braces[ctx->depth++] = t->off;
  } else if (t->type == TK_RBRACE && ctx->depth > 0) {
    ctx->depth--;
  }
}

static void finish(ps_ctx *ctx, ps_result *out) {
  out->includes = ctx->includes;
  out->plan = ctx->plan;
  out->orphans = NULL;
  if (ctx->plan) ctx->plan->nids = ctx->nids;
  if (!ctx->pending.first) return;
  if (ctx->plan) {
    /* Items written before the plan header still belong to the plan, first. */
    md_item rest = { 0 };
    md_move_children(&rest, &ctx->plan->root);
    md_move_children(&ctx->plan->root, &ctx->pending);
    md_move_children(&ctx->plan->root, &rest);
  } else {
    out->orphans = ar_alloc(ctx->m->arena, sizeof *out->orphans);
    md_move_children(out->orphans, &ctx->pending);
  }
}

void ps_parse_file(md_model *m, uint32_t file, ps_result *out) {
  ps_ctx ctx;
  memset(&ctx, 0, sizeof ctx);
  ctx.m = m;
  ctx.file = file;
  ctx.data = m->src->files[file].data;
  lx_lexer lx;
  lx_init(&lx, ctx.data, m->src->files[file].size, file, m->diags);
  lx.level_word = ps_level_word;
  lx.word_ctx = m;
  if (!m->parser) m->parser = ar_alloc(m->arena, psParseSize());
  void *parser = m->parser;
  psParseInit(parser, &ctx);
  lx_token tok;
  ctx.cur = &tok;
  while (!ctx.stop && lx_next(&lx, &tok)) {
    track_braces(&ctx, &tok);
    if (ctx.stop) break;
    if (ctx.had_error && memchr(ctx.data + ctx.error_off, '\n', tok.off - ctx.error_off)) {
      /* An error on a later line is a new error, not a cascade. */
      psParseResetErrors(parser);
      ctx.had_error = 0;
    }
    psParse(parser, tok.type, tok);
    ctx.prev2 = ctx.prev;
    ctx.prev = tok.type;
  }
  if (!ctx.stop) psParse(parser, 0, tok);
  psParseFinalize(parser);
  finish(&ctx, out);
}

/* ---- errors ---- */

static int is_item_start(int type) {
  return type == TK_LABEL || type == TK_DASH || type == TK_PLUS || type == TK_TASK || type == TK_TEXT;
}

/* "a level is expected", with the levels declared: they are data. */
static const char *level_hint(ps_ctx *ctx) {
  md_model *m = ctx->m;
  dg_buf b = dg_buf_in(m->arena);
  for (md_level l = 1; l <= m->nlevels; l++) dg_buf_item(&b, ", ", m->levels[l].id.p, m->levels[l].id.n);
  return dg_fmt(m->arena, _("; a level is expected here: %s"), m->nlevels ? dg_buf_text(&b) : "");
}

void ps_syntax_error(ps_ctx *ctx, int major, const lx_token *t) {
  if (ctx->stop) return;
  if (++ctx->syntax_errors > PS_MAX_SYNTAX_ERRORS) {
    error_at(ctx, "syntax", loc_of(ctx, t), _("too many syntax errors in %s; stopping"), ctx->m->src->files[ctx->file].path);
    ctx->stop = 1;
    return;
  }
  dg_list *dl = ctx->m->diags;
  if (major == 0) {
    if (ctx->depth > 0) {
      uint32_t b = ctx->braces[ctx->depth - 1];
      dg_diag *d = dg_add(dl, DG_ERROR, "syntax", ctx->file, t->off, 0, _("unexpected end of file: a block is not closed"));
      dg_note(dl, d, ctx->file, b, 1, _("the block opened here needs a '}'"));
    } else {
      dg_add(dl, DG_ERROR, "syntax", ctx->file, t->off, 0, _("unexpected end of file"));
    }
    return;
  }
  const char *hint = "";
  if (ctx->prev == TK_COMMA)
    hint = _("; a list goes on after ','");
  else if (is_item_start(ctx->prev) && major != TK_STRING)
    hint = _("; the text of an item, in quotes, must follow its label");
  else if (major == TK_STRING && ctx->prev == TK_STRING)
    hint = _("; a task's attributes (by, with, due, ...) go after all its paragraphs");
  else if (ctx->prev == TK_PER)
    hint = _("; 'per' takes year, quarter, month or term");
  else if (ctx->prev == TK_BY || ctx->prev == TK_WITH || ctx->prev == TK_REPORTS ||
           ctx->prev == TK_OWNER || ctx->prev == TK_COUNTERPART || ctx->prev == TK_VIA ||
           ctx->prev == TK_ISSUER || ctx->prev == TK_ISSUED)
    hint = _("; a body is expected here: its identifier, or its name in quotes");
  else if (ctx->prev == TK_LEVEL || ctx->prev == TK_ADDRESSES || ctx->prev == TK_TO || ctx->prev == TK_EXISTS ||
           ctx->prev == TK_SCOPE)
    hint = level_hint(ctx);
  else if (ctx->prev == TK_ALIAS || ctx->prev == TK_DUE || ctx->prev == TK_IMPLEMENTS ||
           ctx->prev == TK_WAIVE || ctx->prev == TK_FORWARD || ctx->prev == TK_REASON ||
           ctx->prev == TK_FINGERPRINT || ctx->prev == TK_REASSIGNED || ctx->prev == TK_DONE ||
           ctx->prev == TK_STARTED || ctx->prev == TK_CANCELLED || ctx->prev == TK_REPORTED ||
           ctx->prev == TK_TRIGGERS || ctx->prev == TK_DOC)
    hint = _("; text in quotes is expected here");
  else if (ctx->prev == TK_BODY)
    hint = _("; a body's identifier is lower-case letters, digits and _, and not a reserved word");
  else if (ctx->in_progress && ctx->prev2 == TK_ISSUED && ctx->prev == TK_STRING)
    hint = _("; 'issued' takes the body, then the document in quotes (issued tinh_uy \"Hướng dẫn số 03-HD/TU\")");
  else if (ctx->prev == TK_DATEVAL && ctx->in_progress)
    hint = _("; after its date an entry says what happened: issued, done, started, cancelled or reported");
  else if (ctx->in_progress && major != TK_DATEVAL && major != TK_RBRACE)
    hint = _("; each entry of a progress record starts with its date (2023-07-28 done \"III.1\")");
  ctx->had_error = 1;
  ctx->error_off = t->off;
  const char *name = lx_token_name(major);
  if (name[0] == '\'') {        /* punctuation names itself */
    dg_add(dl, DG_ERROR, "syntax", ctx->file, t->off, t->len, _("unexpected %s%s"), name, hint);
    return;
  }
  sl_slice text = token_text(ctx, t);
  size_t shown = text.n > 40 ? 40 : text.n;
  /* Do not cut a UTF-8 sequence in the middle. */
  while (shown > 0 && shown < text.n && ((unsigned char)text.p[shown] & 0xC0) == 0x80) shown--;
  sl_slice clean = tx_printable(ctx->m->arena, text.p, shown);
  /* A string shows its own quotes; other tokens are quoted in the
   * translation. */
  const char *fmt = major == TK_STRING ? lg_ptext("string", "unexpected %s %.*s%s%s") : _("unexpected %s %.*s%s%s");
  dg_add(dl, DG_ERROR, "syntax", ctx->file, t->off, t->len, fmt, name, (int)clean.n, clean.p,
         shown < text.n ? "..." : "", hint);
}

void ps_stack_overflow(ps_ctx *ctx) {
  error_at(ctx, "syntax", loc_of(ctx, ctx->cur), _("input nested too deeply%s"), "");
  ctx->stop = 1;
}

/* ---- declarations ---- */

void ps_include(ps_ctx *ctx, const lx_token *path, int is_use) {
  md_include *inc = ar_alloc(ctx->m->arena, sizeof *inc);
  inc->path = ps_string(ctx, path);
  inc->is_use = is_use;
  inc->from_file = ctx->file;
  if (ctx->last_include) ctx->last_include->next = inc; else ctx->includes = inc;
  ctx->last_include = inc;
}

void ps_abbrev(ps_ctx *ctx, const lx_token *shortform, const lx_token *longform) {
  md_abbrev *a = ar_alloc(ctx->m->arena, sizeof *a);
  a->shortform = ps_string(ctx, shortform);
  a->longform = ps_string(ctx, longform);
  a->next = ctx->m->abbrevs;
  ctx->m->abbrevs = a;
}

static void push_hdr(ps_ctx *ctx, md_plan *p) {
  if (ctx->nhdr < (int)(sizeof ctx->hdr / sizeof ctx->hdr[0])) ctx->hdr[ctx->nhdr] = p;
  ctx->nhdr++;
}

static md_plan *hdr(ps_ctx *ctx) {
  int i = ctx->nhdr - 1;
  int max = (int)(sizeof ctx->hdr / sizeof ctx->hdr[0]) - 1;
  if (i > max) i = max;
  return i >= 0 ? ctx->hdr[i] : NULL;
}

void ps_hdr_pop(ps_ctx *ctx) { if (ctx->nhdr > 0) ctx->nhdr--; }

void ps_plan(ps_ctx *ctx, const lx_token *key, int numbered) {
  md_plan *p = ar_alloc(ctx->m->arena, sizeof *p);
  p->key = numbered ? ps_string(ctx, key).value : token_text(ctx, key);
  p->numbered = numbered;
  p->loc = loc_of(ctx, key);
  p->file = ctx->file;
  if (ctx->plan) {
    dg_diag *d = error_at(ctx, "duplicate-id", p->loc, _("a file declares one plan; this is a second%s"), "");
    dg_note(ctx->m->diags, d, ctx->file, ctx->plan->loc.off, ctx->plan->loc.len, _("the first is declared here"));
  } else {
    ctx->plan = p;
  }
  md_add_plan(ctx->m, p);
  push_hdr(ctx, p);
}

void ps_hdr_str(ps_ctx *ctx, ps_hdr_field f, const lx_token *t) {
  md_plan *p = hdr(ctx);
  if (!p) return;
  md_str s = ps_string(ctx, t);
  md_strs **list = NULL;
  switch (f) {
  case PS_KIND: p->kind = s; return;
  case PS_TITLE: p->title = s; return;
  case PS_PLACE: p->place = s; return;
  case PS_SIGNER: p->signer = s; return;
  case PS_ROLE: p->role = s; return;
  case PS_UNAVAILABLE: p->unavailable = s; return;
  case PS_BASIS: list = &p->basis; break;
  case PS_RECIPIENT: list = &p->recipients; break;
  case PS_NOTE: list = &p->notes; break;
  }
  md_strs *e = ar_alloc(ctx->m->arena, sizeof *e);
  e->s = s;
  *list = strs_append(ctx, *list, e);
}

void ps_hdr_issuer(ps_ctx *ctx, md_ref *r) { if (hdr(ctx)) hdr(ctx)->issuer = r; }

void ps_hdr_level(ps_ctx *ctx, int level) {
  if (!hdr(ctx)) return;
  hdr(ctx)->level = (md_level)level;
  hdr(ctx)->level_loc = ctx->level_loc;
}

void ps_hdr_structure(ps_ctx *ctx, const lx_token *id) {
  md_plan *p = hdr(ctx);
  if (!p) return;
  p->structure_id = token_text(ctx, id);
  p->structure_loc = loc_of(ctx, id);
  if (!md_structure_by_id(ctx->m, p->structure_id))
    error_at(ctx, "unknown-structure", p->structure_loc, _("unknown structure '%s'"),
             ar_strndup(ctx->m->arena, p->structure_id.p, p->structure_id.n));
}

/* A DATEVAL token as a day; reports a date that does not exist. */
static int token_date(ps_ctx *ctx, const lx_token *d, dt_day *day) {
  if (d->reported) return -1;   /* 20/3/2023: the lexer gave the fix */
  if (dt_parse_iso(ctx->data + d->off, d->len, day) == 0) return 0;
  error_at(ctx, "invalid-date", loc_of(ctx, d), _("date %s does not exist"), ar_strndup(ctx->m->arena, ctx->data + d->off, d->len));
  return -1;
}

void ps_hdr_date_unknown(ps_ctx *ctx, const lx_token *u) {
  md_plan *p = hdr(ctx);
  if (!p || p->date_unknown) return;
  p->date_unknown = 1;
  p->date_loc = loc_of(ctx, u);
}

void ps_hdr_date(ps_ctx *ctx, const lx_token *d) {
  md_plan *p = hdr(ctx);
  dt_day day;
  if (token_date(ctx, d, &day) != 0 || !p) return;
  p->date = day;
  p->date_known = 1;
  p->date_loc = loc_of(ctx, d);
}

void ps_parent(ps_ctx *ctx, const lx_token *number) {
  md_plan *p = hdr(ctx);
  md_parent *par = ar_alloc(ctx->m->arena, sizeof *par);
  par->number = ps_string(ctx, number);
  par->loc = par->number.loc;
  ctx->parent = par;
  if (p) p->parents = list_append(ctx, p->parents, par, offsetof(md_parent, next));
}

void ps_parent_path(ps_ctx *ctx, const lx_token *path) {
  if (ctx->parent) ctx->parent->path = ps_string(ctx, path);
}

void ps_parent_block(ps_ctx *ctx) {
  md_plan *desc = ar_alloc(ctx->m->arena, sizeof *desc);
  desc->is_described = 1;
  desc->file = ctx->file;
  if (ctx->parent) {
    desc->key = ctx->parent->number.value;
    desc->loc = ctx->parent->loc;
    desc->numbered = 1;
    ctx->parent->desc = desc;
  }
  md_add_plan(ctx->m, desc);
  push_hdr(ctx, desc);
}

/* ---- levels and structures ---- */

/* The lexer's hook (lx_lexer.level_word): the longest run of one to four
 * words at p that names a declared level. Called only for Vietnamese
 * words that are no keyword, which are otherwise an error. */
size_t ps_level_word(void *ctx, const char *p, const char *lim) {
  md_model *m = ctx;
  const char *ends[4];
  int n = 0;
  for (const char *q = p; n < 4 && q < lim;) {
    const char *e = q;
    while (e < lim && *e != ' ' && *e != '\t' && *e != ',' && *e != '{' && *e != '}' && *e != '\n' && *e != '\r' &&
           *e != '#' && *e != '"')
      e++;
    if (e == q) break;
    ends[n++] = e;
    q = e;
    while (q < lim && (*q == ' ' || *q == '\t')) q++;
  }
  for (int i = n - 1; i >= 0; i--)
    if (md_level_by_text(m, (sl_slice){ p, (size_t)(ends[i] - p) })) return (size_t)(ends[i] - p);
  return 0;
}

static md_level level_of(ps_ctx *ctx, sl_slice text, md_loc at) {
  ctx->level_loc = at;
  md_level l = md_level_by_text(ctx->m, text);
  if (l) return l;
  const char *want = ar_strndup(ctx->m->arena, text.p, text.n);
  const char *like = md_level_guess(ctx->m, text);
  if (like)
    dg_add(ctx->m->diags, DG_ERROR, "unknown-level", at.file, at.off, at.len,
           _("unknown level '%s'; did you mean '%s'?"), want, like);
  else
    dg_add(ctx->m->diags, DG_ERROR, "unknown-level", at.file, at.off, at.len, _("unknown level '%s'"), want);
  return MD_LEVEL_NONE;
}

int ps_level(ps_ctx *ctx, const lx_token *t) {
  sl_slice text = t->type == TK_STRING ? ps_string(ctx, t).value : token_text(ctx, t);
  return level_of(ctx, text, loc_of(ctx, t));
}

int ps_level_kw(ps_ctx *ctx, const lx_token *t, const char *id) {
  return level_of(ctx, (sl_slice){ id, strlen(id) }, loc_of(ctx, t));
}

void ps_level_decl(ps_ctx *ctx, const lx_token *id, const lx_token *name) {
  md_model *m = ctx->m;
  sl_slice text = token_text(ctx, id);
  md_loc at = loc_of(ctx, id);
  ctx->level_def = NULL;
  md_level old = md_level_by_id(m, text);
  if (old) {
    dg_diag *d = error_at(ctx, "duplicate-id", at, _("level '%s' is declared twice"), ar_strndup(m->arena, text.p, text.n));
    dg_note(m->diags, d, m->levels[old].loc.file, m->levels[old].loc.off, m->levels[old].loc.len, _("first declared here"));
    return;
  }
  if (m->nlevels == MD_MAX_LEVELS) {
    error_at(ctx, "syntax", at, _("more than %s levels"), "31");
    return;
  }
  md_level_def *l = &m->levels[++m->nlevels];
  l->id = (sl_slice){ ar_strndup(m->arena, text.p, text.n), text.n };   /* a C string: md_level_name */
  l->name = ps_string(ctx, name);
  l->aliases = NULL;
  l->loc = at;
  ctx->level_def = l;
}

void ps_level_aliases(ps_ctx *ctx, md_strs *s) {
  if (!ctx->level_def) return;
  ctx->level_def->aliases = strs_append(ctx, ctx->level_def->aliases, s);
  ctx->level_def->keys = NULL;   /* folded again at the next lookup */
}

void ps_structure(ps_ctx *ctx, const lx_token *id, const lx_token *name) {
  md_model *m = ctx->m;
  md_structure *s = ar_alloc(m->arena, sizeof *s);
  s->id = token_text(ctx, id);
  s->loc = loc_of(ctx, id);
  s->name = ps_string(ctx, name);
  s->from = DT_MIN;
  s->until = DT_MAX;
  md_structure_init(s);
  md_structure *old = md_structure_by_id(m, s->id);
  if (old) {
    dg_diag *d = error_at(ctx, "duplicate-id", s->loc, _("structure '%s' is declared twice"),
                          ar_strndup(m->arena, s->id.p, s->id.n));
    dg_note(m->diags, d, old->loc.file, old->loc.off, old->loc.len, _("first declared here"));
  }
  ctx->structure = s;
}

void ps_structure_span(ps_ctx *ctx, const lx_token *d, int until) {
  dt_day day;
  if (!ctx->structure || token_date(ctx, d, &day) != 0) return;
  if (until) ctx->structure->until = day;
  else ctx->structure->from = day;
}

void ps_structure_level(ps_ctx *ctx, int level) {
  if (!ctx->structure || !level) return;
  if (md_structure_add(ctx->structure, level) != 0)
    error_at(ctx, "duplicate-id", ctx->level_loc, _("level '%s' is listed twice"), md_level_name(ctx->m, level));
}

/* A structure joins the model when its block is read (a duplicate is
 * reported and dropped). */
void ps_structure_end(ps_ctx *ctx) {
  md_model *m = ctx->m;
  md_structure *s = ctx->structure;
  ctx->structure = NULL;
  if (!s || md_structure_by_id(m, s->id)) return;
  if (s->from > s->until)
    error_at(ctx, "invalid-date", s->loc, _("structure '%s' ends before it starts"), ar_strndup(m->arena, s->id.p, s->id.n));
  if (m->last_structure) m->last_structure->next = s; else m->structures = s;
  m->last_structure = s;
}

/* ---- bodies ---- */

void ps_body(ps_ctx *ctx, const lx_token *id, const lx_token *name, int level) {
  md_body *b = ar_alloc(ctx->m->arena, sizeof *b);
  b->id = token_text(ctx, id);
  b->loc = loc_of(ctx, id);
  b->name = ps_string(ctx, name);
  b->level = (md_level)level;
  ctx->body = b;
  ctx->ext = NULL;
  if (md_add_body(ctx->m, b) != 0) {
    md_body *first = md_body_by_id(ctx->m, b->id);
    dg_diag *d = dg_add(ctx->m->diags, DG_ERROR, "duplicate-id", b->loc.file, b->loc.off, b->loc.len,
                        _("body '%.*s' is declared twice"), (int)b->id.n, b->id.p);
    dg_note(ctx->m->diags, d, first->loc.file, first->loc.off, first->loc.len, _("first declared here"));
  }
}

void ps_body_extend(ps_ctx *ctx, const lx_token *id) {
  md_extension *e = ar_alloc(ctx->m->arena, sizeof *e);
  e->target = ps_ref(ctx, id, 0);
  e->aliases = NULL;
  e->next = NULL;
  md_model *m = ctx->m;
  if (m->last_extension) m->last_extension->next = e; else m->extensions = e;
  m->last_extension = e;
  ctx->ext = e;
  ctx->body = NULL;
}

void ps_body_extend_end(ps_ctx *ctx) { ctx->ext = NULL; }

/* An attribute other than alias in an extension's block. */
static int in_extension(ps_ctx *ctx) {
  if (!ctx->ext) return 0;
  md_ref *t = ctx->ext->target;
  dg_add(ctx->m->diags, DG_ERROR, "syntax", t->loc.file, t->loc.off, t->loc.len,
         _("body '%.*s' is declared elsewhere: a block without its name and level only adds aliases"),
         (int)t->text.n, t->text.p);
  return 1;
}

void ps_body_aliases(ps_ctx *ctx, md_strs *s) {
  if (ctx->ext) ctx->ext->aliases = strs_append(ctx, ctx->ext->aliases, s);
  else if (ctx->body) ctx->body->aliases = strs_append(ctx, ctx->body->aliases, s);
}

void ps_body_counterparts(ps_ctx *ctx, md_ref *r) {
  if (in_extension(ctx)) return;
  if (ctx->body) ctx->body->counterparts = ps_ref_append(ctx, ctx->body->counterparts, r);
}

void ps_body_level(ps_ctx *ctx, int level) {
  if (in_extension(ctx)) return;
  if (ctx->body) ctx->body->level = (md_level)level;
}

void ps_body_addresses(ps_ctx *ctx, unsigned levels) {
  if (in_extension(ctx)) return;
  if (ctx->body) ctx->body->addresses |= levels;
}

void ps_body_exists(ps_ctx *ctx, const lx_token *kw, unsigned levels) {
  if (in_extension(ctx) || !ctx->body) return;
  ctx->body->exists |= levels;
  ctx->body->exists_loc = loc_of(ctx, kw);
}

void ps_body_succeeds(ps_ctx *ctx, md_ref *refs, const lx_token *from) {
  if (in_extension(ctx) || !ctx->body) return;
  md_succession *e = ar_alloc(ctx->m->arena, sizeof *e);
  e->refs = refs;
  e->from = DT_MIN;
  if (from && token_date(ctx, from, &e->from) == 0) e->from_loc = loc_of(ctx, from);
  else e->from = DT_MIN;
  e->next = ctx->body->succeeds;
  ctx->body->succeeds = e;
}

void ps_body_note(ps_ctx *ctx, const lx_token *s) {
  if (in_extension(ctx) || !ctx->body) return;
  md_strs *e = ar_alloc(ctx->m->arena, sizeof *e);
  e->s = ps_string(ctx, s);
  ctx->body->notes = strs_append(ctx, ctx->body->notes, e);
}

/* ---- places ---- */

void ps_place(ps_ctx *ctx, const lx_token *id, const lx_token *name, int level) {
  md_place *p = ar_alloc(ctx->m->arena, sizeof *p);
  p->id = token_text(ctx, id);
  p->loc = loc_of(ctx, id);
  p->name = ps_string(ctx, name);
  p->level = (md_level)level;
  md_model *m = ctx->m;
  if (m->last_place) m->last_place->next = p; else m->places = p;
  m->last_place = p;
  ctx->place = p;
}

void ps_place_aliases(ps_ctx *ctx, md_strs *s) {
  if (ctx->place) ctx->place->aliases = strs_append(ctx, ctx->place->aliases, s);
}

/* ---- references and lists ---- */

md_ref *ps_ref(ps_ctx *ctx, const lx_token *t, int by_name) {
  md_ref *r = ar_alloc(ctx->m->arena, sizeof *r);
  r->text = by_name ? ps_string(ctx, t).value : token_text(ctx, t);
  r->by_name = by_name;
  r->loc = loc_of(ctx, t);
  return r;
}

md_strs *ps_strs(ps_ctx *ctx, md_strs *list, const lx_token *s) {
  md_strs *e = ar_alloc(ctx->m->arena, sizeof *e);
  e->s = ps_string(ctx, s);
  return strs_append(ctx, list, e);
}

/* ---- items ---- */

void ps_block_open(ps_ctx *ctx, md_item *it) {
  it->parent = ctx->open;
  ctx->open = it;
}

void ps_block_close(ps_ctx *ctx, md_item *it) {
  ctx->open = it->parent;
  it->parent = NULL;         /* set again when the item is appended */
}

void ps_block_drop(ps_ctx *ctx, md_item *it) {
  if (ctx->open == it) ps_block_close(ctx, it);
}

void ps_append(ps_ctx *ctx, md_item *it) {
  if (it && ctx->open) md_append(ctx->open, it);
}

md_item *ps_item(ps_ctx *ctx, md_item_kind kind, const lx_token *start, const lx_token *label, md_strs *texts) {
  md_item *it = ar_alloc(ctx->m->arena, sizeof *it);
  it->kind = kind;
  ctx->nids += kind == MD_TASK || kind == MD_SECTION;
  it->loc = loc_of(ctx, start);
  it->texts = texts;
  it->label_loc = it->loc;
  if (label) {
    it->label = token_text(ctx, label);
    it->label_loc = loc_of(ctx, label);
    if (label->type == TK_DASH) it->bullet = '-';
    if (label->type == TK_PLUS) it->bullet = '+';
  }
  return it;
}

void ps_top_item(ps_ctx *ctx, md_item *it) {
  if (!it) return;
  md_append(ctx->plan ? &ctx->plan->root : &ctx->pending, it);
}

void ps_by(ps_ctx *ctx, md_item *it, md_ref *r) { it->by = ps_ref_append(ctx, it->by, r); }
void ps_with(ps_ctx *ctx, md_item *it, md_ref *r) { it->with = ps_ref_append(ctx, it->with, r); }
void ps_reports(ps_ctx *ctx, md_item *it, md_ref *r) { it->reports = ps_ref_append(ctx, it->reports, r); }

void ps_via(ps_ctx *ctx, md_item *it, const lx_token *kw, md_ref *r) {
  if (!it->reports)
    error_at(ctx, "syntax", loc_of(ctx, kw), _("'via' must follow 'reports'%s"), "");
  it->via = r;
}

void ps_due(ps_ctx *ctx, md_item *it, const lx_token *phrase) {
  md_due *d = ar_alloc(ctx->m->arena, sizeof *d);
  d->phrase = ps_string(ctx, phrase);
  it->dues = list_append(ctx, it->dues, d, offsetof(md_due, next));
}

void ps_due_opt(ps_ctx *ctx, md_item *it, const lx_token *kw, ps_due_opt_kind k, const lx_token *s) {
  md_due *d = it->dues ? last_node(ctx, it->dues, offsetof(md_due, next)) : NULL;
  if (!d) {
    sl_slice w = token_text(ctx, kw);
    dg_add(ctx->m->diags, DG_ERROR, "syntax", ctx->file, kw->off, kw->len, _("'%.*s' must follow a 'due'"), (int)w.n, w.p);
    return;
  }
  md_str v = ps_string(ctx, s);
  if (k == PS_AS) d->as = v;
  else if (k == PS_FOR) d->what = v;
  else d->after = v;
}

/* ---- links, waivers, forwards ---- */

md_link *ps_link(ps_ctx *ctx, const lx_token *target) {
  md_link *l = ar_alloc(ctx->m->arena, sizeof *l);
  l->target = ps_string(ctx, target);
  return l;
}

void ps_link_opt(ps_ctx *ctx, md_link *l, ps_link_opt_kind k, const lx_token *s) {
  md_str *slot = k == PS_FINGERPRINT ? &l->fingerprint : &l->reason;
  if (slot->loc.len)
    error_at(ctx, "syntax", loc_of(ctx, s), k == PS_FINGERPRINT ? _("this link already has a fingerprint%s") : _("this link already has a reason%s"), "");
  *slot = ps_string(ctx, s);
}

static void own_links(md_item *it, md_link *l) {
  for (; l; l = l->next) l->from = it;
}

void ps_implements(ps_ctx *ctx, md_item *it, md_link *links) {
  own_links(it, links);
  it->implements = ps_link_append(ctx, it->implements, links);
}

void ps_cascade(ps_ctx *ctx, md_item *it, unsigned levels) {
  (void)ctx;
  it->cascade = levels ? levels : MD_ALL_LEVELS;
}

void ps_scope(ps_ctx *ctx, md_item *it, const lx_token *kw, unsigned levels) {
  it->scope |= levels;
  it->scope_loc = loc_of(ctx, kw);
}

static md_item *statement(ps_ctx *ctx, md_item_kind kind, const lx_token *kw, md_link *links) {
  md_item *it = ps_item(ctx, kind, kw, NULL, NULL);
  /* Fingerprints and reassignments describe a task's link, not these. */
  for (md_link *l = links; l; l = l->next) {
    md_loc at = l->fingerprint.loc.len ? l->fingerprint.loc : l->reason.loc;
    if (at.len) error_at(ctx, "syntax", at, _("'fingerprint' and 'reassigned' belong to a task's 'implements'%s"), "");
  }
  own_links(it, links);
  it->implements = links;
  it->until = DT_MAX;
  return it;
}

md_item *ps_waiver(ps_ctx *ctx, const lx_token *kw, md_link *links) { return statement(ctx, MD_WAIVER, kw, links); }
void ps_waiver_reason(ps_ctx *ctx, md_item *it, const lx_token *s) { it->reason = ps_string(ctx, s); }

void ps_waiver_until(ps_ctx *ctx, md_item *it, const lx_token *d) {
  if (token_date(ctx, d, &it->until) == 0) it->until_loc = loc_of(ctx, d);
  else it->until = DT_MAX;
}

md_item *ps_forward(ps_ctx *ctx, const lx_token *kw, md_link *links, unsigned levels) {
  md_item *it = statement(ctx, MD_FORWARD, kw, links);
  it->cascade = levels;          /* 0: the level below the plan's, decided by the cascade */
  return it;
}
void ps_id(ps_ctx *ctx, md_item *it, const lx_token *s) { it->id_override = ps_string(ctx, s); }
void ps_note(ps_ctx *ctx, md_item *it, const lx_token *s) { it->notes = ps_strs(ctx, it->notes, s); }

/* ---- progress records ---- */

void ps_progress(ps_ctx *ctx, const lx_token *key, int numbered) {
  ctx->progress_key = !key ? SL_NONE : numbered ? ps_string(ctx, key).value : token_text(ctx, key);
  ctx->progress_loc = key ? loc_of(ctx, key) : (md_loc){ ctx->file, 0, 0 };
  ctx->in_progress = 1;
}

void ps_progress_close(ps_ctx *ctx) {
  ctx->progress_key = SL_NONE;
  ctx->in_progress = 0;
}

md_event *ps_event(ps_ctx *ctx, md_event_kind kind, const lx_token *day, const lx_token *kw, md_strs *targets) {
  md_event *e = ar_alloc(ctx->m->arena, sizeof *e);
  e->kind = kind;
  e->loc = loc_of(ctx, kw);
  e->day_loc = loc_of(ctx, day);
  if (token_date(ctx, day, &e->day) != 0) e->day = DT_MAX;   /* reported; resolve skips it */
  e->targets = targets;
  e->plan_key = ctx->progress_key;
  e->plan_loc = ctx->progress_loc;
  md_model *m = ctx->m;
  if (m->last_event) m->last_event->next = e; else m->events = e;
  m->last_event = e;
  return e;
}

void ps_event_issued(ps_ctx *ctx, md_event *e, md_ref *issuer, const lx_token *what) {
  e->issuer = issuer;
  e->what = ps_string(ctx, what);
}

void ps_event_str(ps_ctx *ctx, md_event *e, ps_event_field f, const lx_token *s) {
  switch (f) {
  case PS_EV_DOC: e->doc = ps_string(ctx, s); return;
  case PS_EV_FOR: e->part = ps_string(ctx, s); return;
  case PS_EV_REASON: e->reason = ps_string(ctx, s); return;
  case PS_EV_NOTE: e->notes = ps_strs(ctx, e->notes, s); return;
  }
}

void ps_event_by(ps_ctx *ctx, md_event *e, md_ref *by) {
  e->by = ps_ref_append(ctx, e->by, by);
}

void ps_event_triggers(ps_ctx *ctx, md_event *e, md_strs *targets) {
  e->triggers = strs_append(ctx, e->triggers, targets);
}

/* ---- targets ---- */

void ps_target_open(ps_ctx *ctx, md_item *it) { ctx->target = it; }
void ps_target_done(ps_ctx *ctx) { ctx->target = NULL; }

static void add_measure(ps_ctx *ctx, md_measure *ms) {
  if (ctx->target) ctx->target->measures = list_append(ctx, ctx->target->measures, ms, offsetof(md_measure, next));
}

static double number_value(ps_ctx *ctx, const lx_token *t) {
  char *buf = ar_strndup(ctx->m->arena, ctx->data + t->off, t->len);
  for (char *c = buf; *c; c++) if (*c == ',') *c = '.';
  return strtod(buf, NULL);
}

md_measure *ps_measure(ps_ctx *ctx, const lx_token *kw, const lx_token *name, int cmp,
                       const lx_token *value, const lx_token *unit, int percent) {
  static const char *const ops[] = { ">=", ">", "<=", "<", "=" };
  md_measure *ms = ar_alloc(ctx->m->arena, sizeof *ms);
  ms->loc = loc_of(ctx, kw);
  ms->name = ps_string(ctx, name);
  ms->op = ops[cmp];
  ms->value = number_value(ctx, value);
  ms->value_loc = loc_of(ctx, value);
  ms->percent = percent;
  if (unit) ms->unit = ps_string(ctx, unit);
  add_measure(ctx, ms);
  return ms;
}

md_measure *ps_measure_phrase(ps_ctx *ctx, const lx_token *kw, const lx_token *name, const lx_token *phrase) {
  md_measure *ms = ar_alloc(ctx->m->arena, sizeof *ms);
  ms->loc = loc_of(ctx, kw);
  ms->name = ps_string(ctx, name);
  ms->phrase = ps_string(ctx, phrase);
  ms->value_loc = ms->phrase.loc;
  add_measure(ctx, ms);
  return ms;
}

void ps_measure_period(ps_ctx *ctx, md_measure *ms, ps_period p) {
  if (!ms) return;
  if (p.kind >= 0) { ms->period = p.kind; return; }
  double y = number_value(ctx, &p.year);
  if (p.year.len != 4 || y < 1000 || y > 9999 || memchr(ctx->data + p.year.off, ',', 4) ||
      memchr(ctx->data + p.year.off, '.', 4)) {
    error_at(ctx, "invalid-date", loc_of(ctx, &p.year), _("%s is not a year"), ar_strndup(ctx->m->arena, ctx->data + p.year.off, p.year.len));
    return;
  }
  ms->by_year = (int)y;
}

md_item *ps_footnote(ps_ctx *ctx, const lx_token *kw, const lx_token *mark, md_strs *texts) {
  md_item *it = ps_item(ctx, MD_FOOTNOTE, kw, NULL, texts);
  md_str m = ps_string(ctx, mark);
  it->label = m.value;
  return it;
}
