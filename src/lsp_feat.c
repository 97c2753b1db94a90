/* lsp_feat: the answers that read the model of the last check: hover,
 * go-to-definition and completion (see lsp.h).
 *
 * What is under the cursor is found by walking the plans of the document's
 * file and the bodies it declares, comparing each place the parser kept
 * (md_loc) with the offset: one walk of one file per request. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cascade.h"
#include "lang.h"
#include "lsp_srv.h"
#include "mem.h"
#include "planwrite.h"

/* ---- what is at an offset ---- */

typedef struct spot {
  md_model *m;
  uint32_t file, off;
  md_due *due;
  md_link *link;
  md_ref *ref;
  md_parent *parent;
  md_body *body;             /* a body's own declaration */
  md_item *item;             /* the item whose label is under the cursor */
  md_loc loc;                /* the place found */
} spot;

static int within(const spot *s, md_loc l) {
  return l.file == s->file && s->off >= l.off && s->off <= l.off + l.len && l.len;
}

static int find_ref(spot *s, md_ref *r) {
  for (; r; r = r->next)
    if (within(s, r->loc)) {
      s->ref = r;
      s->loc = r->loc;
      return 1;
    }
  return 0;
}

static int visit(md_item *it, void *ctx) {
  spot *s = ctx;
  for (md_due *u = it->dues; u; u = u->next)
    if (within(s, u->phrase.loc)) {
      s->due = u;
      s->loc = u->phrase.loc;
      return 1;
    }
  for (md_link *l = it->implements; l; l = l->next)
    if (within(s, l->target.loc)) {
      s->link = l;
      s->loc = l->target.loc;
      return 1;
    }
  if (find_ref(s, it->by) || find_ref(s, it->with) || find_ref(s, it->reports) || find_ref(s, it->via)) return 1;
  if (it->id && within(s, it->label_loc)) {
    s->item = it;
    s->loc = it->label_loc;
    return 1;
  }
  return 0;
}

static int find(spot *s) {
  for (md_plan *p = s->m->plans; p; p = p->next) {
    if (p->file != s->file) continue;
    for (md_parent *par = p->parents; par; par = par->next)
      if (within(s, par->number.loc) || within(s, par->path.loc) || within(s, par->loc)) {
        s->parent = par;
        s->loc = within(s, par->path.loc) ? par->path.loc : par->number.loc;
        return 1;
      }
    if (find_ref(s, p->issuer) || md_walk(&p->root, visit, s)) return 1;
  }
  for (md_body *b = s->m->bodies; b; b = b->next) {
    if (b->loc.file != s->file) continue;
    if (find_ref(s, b->counterparts)) return 1;
    if (within(s, b->loc)) {
      s->body = b;
      s->loc = b->loc;
      return 1;
    }
  }
  return 0;
}

/* The spot under a request's position; 0 when there is nothing known. */
static int spot_at(lsp_server *srv, json_t *params, spot *s) {
  size_t off;
  md_model *m = lsp_model(srv);
  lsp_doc *doc = m ? lsp_params_doc(srv, params, &off) : NULL;
  uint32_t file = doc ? lsp_doc_file(srv, doc) : UINT32_MAX;
  if (file == UINT32_MAX) return 0;
  memset(s, 0, sizeof *s);
  *s = (spot){ .m = m, .file = file, .off = (uint32_t)off };
  return find(s);
}

/* ---- hover ---- */

static void add(dg_buf *b, const char *s) { dg_buf_add(b, s, strlen(s)); }

static void hover_due(md_model *m, dg_buf *b, const md_due *u) {
  add(b, dg_fmt(m->arena, _("**Deadline** \"%.*s\""), (int)u->phrase.value.n, u->phrase.value.p));
  add(b, "\n\n");
  if (u->dl)
    add(b, dg_fmt(m->arena, _("Read as: `%s`"), dl_canonical_chain(m->arena, u->dl)));
  else
    add(b, _("Not a deadline plancheck can read: give its meaning with `as`."));
}

static void hover_directive(md_model *m, dg_buf *b, md_item *it) {
  add(b, dg_fmt(m->arena, "**%s**", it->id ? it->id : ""));
  add(b, "\n\n");
  add(b, md_item_text(m, it));
  const char *owners = md_ref_names(m, it->owners);
  if (*owners) add(b, dg_fmt(m->arena, "\n\n%s %s", _("Owner:"), owners));
  for (const md_due *u = it->dues; u; u = u->next)
    add(b, dg_fmt(m->arena, "\n\n%s \"%.*s\"%s%s%s", _("Deadline:"), (int)u->phrase.value.n, u->phrase.value.p,
                      u->dl ? " (`" : "", u->dl ? dl_canonical_chain(m->arena, u->dl) : "", u->dl ? "`)" : ""));
}

static void hover_body(md_model *m, dg_buf *b, const md_body *body) {
  add(b, dg_fmt(m->arena, "**%.*s** (`%.*s`, %s)", (int)body->name.value.n, body->name.value.p, (int)body->id.n,
                    body->id.p, md_level_name(m, body->level)));
  if (body->aliases) {
    dg_buf names = dg_buf_in(m->arena);
    for (const md_strs *a = body->aliases; a; a = a->next) dg_buf_item(&names, ", ", a->s.value.p, a->s.value.n);
    add(b, dg_fmt(m->arena, "\n\n%s %s", _("Also written:"), dg_buf_text(&names)));
  }
  const char *cp = md_ref_names(m, body->counterparts);
  if (*cp) add(b, dg_fmt(m->arena, "\n\n%s %s", _("Counterparts:"), cp));
  dg_buf succ = dg_buf_in(m->arena);
  for (const md_successor *s = body->successors; s; s = s->next)
    dg_buf_item(&succ, ", ", s->body->name.value.p, s->body->name.value.n);
  if (succ.n) add(b, dg_fmt(m->arena, "\n\n%s %s", _("Its work passed to:"), dg_buf_text(&succ)));
}

json_t *lsp_hover(lsp_server *srv, json_t *params) {
  spot s;
  if (!spot_at(srv, params, &s)) return NULL;
  md_model *m = s.m;
  dg_buf b = dg_buf_in(m->arena);
  if (s.due) hover_due(m, &b, s.due);
  else if (s.link && s.link->item) hover_directive(m, &b, s.link->item);
  else if (s.link)
    add(&b, dg_fmt(m->arena, _("%.*s names no directive of a loaded plan"), (int)s.link->target.value.n,
                       s.link->target.value.p));
  else if (s.ref && s.ref->body) hover_body(m, &b, s.ref->body);
  else if (s.body) hover_body(m, &b, s.body);
  else if (s.item) hover_directive(m, &b, s.item);
  else if (s.parent && s.parent->plan) {
    md_plan *p = s.parent->plan;
    add(&b, dg_fmt(m->arena, "**%.*s** %.*s", (int)p->key.n, p->key.p, (int)p->title.value.n, p->title.value.p));
  } else return NULL;
  const char *text = dg_buf_text(&b);
  return json_pack("{s:{s:s,s:o},s:o}", "contents", "kind", "markdown", "value", lsp_string(text, strlen(text)),
                   "range", lsp_range(srv, s.file, s.loc.off, s.loc.len));
}

/* ---- definition ---- */

/* The string after `include`/`use` (either spelling) on the line at off:
 * its value's bytes, or 0. */
static int include_at(const lsp_doc *doc, size_t off, const char **p, size_t *n) {
  lsp_pos pos = { 0, 0 };
  lsp_lines *l = (lsp_lines *)&doc->lines;
  pos = lsp_position(l, off);
  size_t start = l->starts[pos.line], end = pos.line + 1 < l->count ? l->starts[pos.line + 1] : doc->len;
  const char *t = doc->text + start;
  size_t k = 0, len = end - start;
  while (k < len && (t[k] == ' ' || t[k] == '\t')) k++;
  static const pw_kw kws[] = { PW_INCLUDE, PW_USE };
  for (size_t i = 0; i < 2; i++)
    for (int vi = 0; vi < 2; vi++) {
      const char *w = pw_spelling(kws[i], vi);
      size_t wn = strlen(w);
      if (len - k <= wn || memcmp(t + k, w, wn) != 0 || (t[k + wn] != ' ' && t[k + wn] != '\t')) continue;
      const char *q = memchr(t + k + wn, '"', len - k - wn);
      const char *e = q ? memchr(q + 1, '"', (size_t)(t + len - q - 1)) : NULL;
      if (!e) return 0;
      *p = q + 1;
      *n = (size_t)(e - q - 1);
      return 1;
    }
  return 0;
}

/* The file an include names, as the loader finds it: beside the including
 * file, then in each -I directory. */
static json_t *include_target(lsp_server *srv, const lsp_doc *doc, const char *p, size_t n) {
  ar_arena *a = &srv->scratch;
  const char *name = ar_strndup(a, p, n);
  const char *slash = strrchr(doc->path, '/');
  const char *dir = slash ? ar_strndup(a, doc->path, (size_t)(slash - doc->path)) : ".";
  size_t ndirs = srv->opts.nincdirs + 1;
  for (size_t i = 0; i < ndirs; i++) {
    const char *d = i == 0 ? dir : srv->opts.incdirs[i - 1];
    const char *path = name[0] == '/' ? name : dg_fmt(a, "%s/%s", d, name);
    if (access(path, R_OK) != 0) continue;
    return json_pack("{s:s,s:{s:{s:i,s:i},s:{s:i,s:i}}}", "uri", lsp_path_uri(a, path), "range", "start", "line", 0,
                     "character", 0, "end", "line", 0, "character", 0);
  }
  return NULL;
}

json_t *lsp_definition(lsp_server *srv, json_t *params) {
  spot s;
  if (spot_at(srv, params, &s)) {
    md_loc to = { 0, 0, 0 };
    int found = 1;
    if (s.link && s.link->item) to = s.link->item->loc;
    else if (s.ref && s.ref->body) to = s.ref->body->loc;
    else if (s.parent && s.parent->plan) to = s.parent->plan->loc;
    else found = 0;
    if (found) return lsp_location(srv, to.file, to.off, to.len);
  }
  size_t off;
  const char *p;
  size_t n;
  lsp_doc *doc = lsp_params_doc(srv, params, &off);
  if (doc && include_at(doc, off, &p, &n)) return include_target(srv, doc, p, n);
  return NULL;
}

/* ---- completion ---- */

enum { KIND_KEYWORD = 14, KIND_CLASS = 7, KIND_REFERENCE = 18, MAX_ITEMS = 5000, MAX_DEPTH = 16 };

/* Where a string opened before `off` on its line is still open: the offset
 * just after its opening quote, or SIZE_MAX. Both quote styles: "..."
 * (with \" and \\) and “...”. */
static size_t open_string(const char *t, size_t start, size_t off) {
  size_t open = SIZE_MAX;
  for (size_t i = start; i < off; i++) {
    if (open == SIZE_MAX) {
      if (t[i] == '"') open = i + 1;
      else if (off - i >= 3 && memcmp(t + i, "\xE2\x80\x9C", 3) == 0) open = (i += 2) + 1;
    } else if (t[open - 1] == '"') {
      if (t[i] == '\\') i++;
      else if (t[i] == '"') open = SIZE_MAX;
    } else if (off - i >= 3 && memcmp(t + i, "\xE2\x80\x9D", 3) == 0) {
      open = SIZE_MAX;
      i += 2;
    }
  }
  return open;
}

static int word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || (c & 0x80);
}

/* Whether t[a, b) (the line before the cursor or a string) holds one of
 * the keywords as a word of its own. */
static int has_keyword(const char *t, size_t a, size_t b, const pw_kw *kws, size_t n) {
  for (size_t k = 0; k < n; k++)
    for (int vi = 0; vi < 2; vi++) {
      const char *w = pw_spelling(kws[k], vi);
      size_t wn = strlen(w);
      for (size_t i = a; i + wn < b; i++)
        if (memcmp(t + i, w, wn) == 0 && (i == a || !word_char(t[i - 1])) && (t[i + wn] == ' ' || t[i + wn] == '\t'))
          return 1;
    }
  return 0;
}

static json_t *item(const char *label, const char *detail, int kind) {
  json_t *j = json_pack("{s:o,s:i}", "label", lsp_string(label, strlen(label)), "kind", kind);
  if (detail) json_object_set_new(j, "detail", lsp_string(detail, strlen(detail)));
  return j;
}

typedef struct directives {
  md_model *m;
  json_t *items;
  json_t *range;             /* what an id replaces: the string typed so far */
} directives;

static int add_directive(md_item *it, void *ctx) {
  directives *d = ctx;
  if (it->kind != MD_TASK || !it->id || json_array_size(d->items) >= MAX_ITEMS) return 0;
  json_t *j = item(it->id, cs_excerpt(d->m, it, 80), KIND_REFERENCE);
  const char *text = md_item_text(d->m, it);
  json_object_set_new(j, "documentation", lsp_string(text, strlen(text)));
  json_object_set_new(j, "textEdit", json_pack("{s:O,s:o}", "range", d->range, "newText", lsp_string(it->id, strlen(it->id))));
  json_array_append_new(d->items, j);
  return 0;
}

/* The directives of the plans `p` implements, and of theirs (a task may
 * link to the nearest available ancestor's directive), each plan once. */
static void ancestors(directives *d, md_plan *p, md_plan **seen, size_t *nseen, int depth) {
  if (depth > MAX_DEPTH) return;
  for (md_parent *par = p->parents; par; par = par->next) {
    md_plan *q = par->plan ? par->plan : par->desc;
    if (!q) continue;
    int again = 0;
    for (size_t i = 0; i < *nseen && !again; i++) again = seen[i] == q;
    if (again || *nseen == MAX_DEPTH * 4) continue;
    seen[(*nseen)++] = q;
    md_walk(&q->root, add_directive, d);
    ancestors(d, q, seen, nseen, depth + 1);
  }
}

static void complete_directives(md_model *m, uint32_t file, json_t *range, json_t *items) {
  directives d = { m, items, range };
  md_plan *seen[MAX_DEPTH * 4];
  size_t nseen = 0;
  for (md_plan *p = m->plans; p; p = p->next)
    if (p->file == file) ancestors(&d, p, seen, &nseen, 0);
}

static void complete_bodies(md_model *m, json_t *items) {
  for (md_body *b = m->bodies; b && json_array_size(items) < MAX_ITEMS; b = b->next) {
    char *id = ar_strndup(m->arena, b->id.p, b->id.n), *name = ar_strndup(m->arena, b->name.value.p, b->name.value.n);
    json_t *j = item(id, name, KIND_CLASS);
    json_object_set_new(j, "filterText", lsp_string(dg_fmt(m->arena, "%s %s", id, name), strlen(id) + 1 + strlen(name)));
    json_array_append_new(items, j);
  }
}

static void complete_keywords(json_t *items) {
  for (int kw = 0; kw < PW_NKW; kw++)
    for (int vi = 0; vi < 2; vi++) json_array_append_new(items, item(pw_spelling((pw_kw)kw, vi), NULL, KIND_KEYWORD));
}

json_t *lsp_completion(lsp_server *srv, json_t *params) {
  size_t off;
  md_model *m = lsp_model(srv);
  lsp_doc *doc = lsp_params_doc(srv, params, &off);
  if (!doc) return NULL;
  lsp_pos pos = lsp_position(&doc->lines, off);
  size_t start = doc->lines.starts[pos.line];
  json_t *items = json_array();
  size_t open = open_string(doc->text, start, off);
  static const pw_kw linking[] = { PW_IMPLEMENTS, PW_WAIVE, PW_FORWARD };
  static const pw_kw naming[] = { PW_BY, PW_OWNER, PW_WITH, PW_REPORTS, PW_ISSUER };
  uint32_t file = m ? lsp_doc_file(srv, doc) : UINT32_MAX;
  if (open != SIZE_MAX) {
    if (file != UINT32_MAX && has_keyword(doc->text, start, open, linking, 3)) {
      lsp_pos from = lsp_position(&doc->lines, open);
      json_t *range = json_pack("{s:{s:I,s:I},s:{s:I,s:I}}", "start", "line", (json_int_t)from.line, "character",
                                (json_int_t)from.character, "end", "line", (json_int_t)pos.line, "character",
                                (json_int_t)pos.character);
      complete_directives(m, file, range, items);
      json_decref(range);
    }
  } else if (m && has_keyword(doc->text, start, off, naming, 5)) {
    complete_bodies(m, items);
  } else {
    complete_keywords(items);
  }
  return json_pack("{s:b,s:o}", "isIncomplete", json_array_size(items) >= MAX_ITEMS, "items", items);
}
