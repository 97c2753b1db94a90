/* lsp_edit: the answers that edit the document: formatting (fmt.h) and
 * the code actions of the findings that have a fix (see lsp.h):
 *
 *   deadline-in-text   add the `due` its note proposes to the task;
 *   coverage-missing   link the child task `plancheck suggest` ranks first
 *                      for the uncovered directive (`implements`);
 *   link-suspect,      record the directive's fingerprint now, the edit
 *   link-unreviewed    `plancheck accept` would make (accept.h).
 *
 * Each action is a WorkspaceEdit on the document as last checked; the
 * editor applies it, nothing here writes a file. */
#include <stdlib.h>
#include <string.h>

#include "accept.h"
#include "cascade.h"
#include "fmt.h"
#include "lang.h"
#include "lsp_srv.h"
#include "mem.h"
#include "planwrite.h"
#include "suggest.h"

/* ---- formatting ---- */

json_t *lsp_formatting(lsp_server *srv, json_t *params, const char **error) {
  json_t *td = json_object_get(params, "textDocument");
  const char *uri = json_string_value(json_object_get(td, "uri"));
  lsp_doc *doc = uri ? lsp_doc_find(&srv->docs, uri) : NULL;
  if (!doc || !doc->open) {
    *error = _("the document is not open in the editor");
    return NULL;
  }
  ar_arena *a = &srv->scratch;
  dg_list diags;
  dg_init(&diags, a);
  const char *out;
  size_t n;
  if (fm_format(a, doc->text, doc->len, 0, &diags, FM_KEEP, &out, &n) != 0) {
    /* The findings of the text are the diagnostics already shown. */
    *error = _("the plan does not parse: fix its errors first, then format it");
    return NULL;
  }
  json_t *edits = json_array();
  if (n == doc->len && memcmp(out, doc->text, n) == 0) return edits;
  lsp_pos end = lsp_position(&doc->lines, doc->len);
  json_array_append_new(edits, json_pack("{s:{s:{s:i,s:i},s:{s:I,s:I}},s:o}", "range", "start", "line", 0,
                                         "character", 0, "end", "line", (json_int_t)end.line, "character",
                                         (json_int_t)end.character, "newText", lsp_string(out, n)));
  return edits;
}

/* ---- code actions ---- */

typedef struct actions {
  lsp_server *srv;
  md_model *m;
  lsp_doc *doc;
  uint32_t file;
  json_t *list;
} actions;

/* A finding as the diagnostic a code action fixes. */
static json_t *fixed(actions *c, const dg_diag *d) {
  json_t *diag = json_pack("{s:o,s:s,s:s}", "range", lsp_range(c->srv, d->file, d->off, d->len), "code",
                           d->code, "message", "");   /* a fixed finding's code is one of ours */
  json_object_set_new(diag, "message", lsp_string(d->msg, strlen(d->msg)));
  return diag;
}

/* One quick fix of diagnostic `diag` (taken): insert or replace bytes
 * [off, off + len) of the document. */
static void action(actions *c, const char *title, json_t *diag, uint32_t off, uint32_t len, const char *text,
                   int preferred) {
  json_t *edit = json_pack("{s:o,s:o}", "range", lsp_range(c->srv, c->file, off, len), "newText",
                           lsp_string(text, strlen(text)));
  json_t *a = json_pack("{s:o,s:s,s:{s:{s:[o]}}}", "title", lsp_string(title, strlen(title)), "kind", "quickfix",
                        "edit", "changes", c->doc->uri, edit);
  json_object_set_new(a, "diagnostics", json_pack("[o]", diag));
  if (preferred) json_object_set_new(a, "isPreferred", json_true());
  json_array_append_new(c->list, a);
}

/* Where a clause goes in a task: a line of its own after the task's last
 * paragraph, indented as the line after it when that one is indented
 * deeper than the task (its clauses), else two spaces deeper than the
 * task. The text to insert before the clause, in the arena. */
static uint32_t clause_place(actions *c, const md_item *it, const char **lead) {
  const src_file *f = &c->m->src->files[c->file];
  const char *data = f->data;
  uint32_t at = it->loc.off + it->loc.len;
  for (const md_strs *t = it->texts; t; t = t->next)
    if (t->s.loc.file == c->file && t->s.loc.off + t->s.loc.len > at) at = t->s.loc.off + t->s.loc.len;
  uint32_t b = it->loc.off, e;
  while (b > 0 && data[b - 1] != '\n') b--;
  for (e = b; data[e] == ' ' || data[e] == '\t'; e++) {}
  uint32_t nb = at, ne;
  while (nb < f->size && data[nb] != '\n') nb++;
  if (nb < f->size) nb++;
  for (ne = nb; ne < f->size && (data[ne] == ' ' || data[ne] == '\t'); ne++) {}
  const char *eol = nb >= 2 && data[nb - 1] == '\n' && data[nb - 2] == '\r' ? "\r\n" : "\n";   /* the file's */
  if (ne - nb > e - b && ne < f->size && data[ne] != '\n' && data[ne] != '\r')
    *lead = dg_fmt(c->m->arena, "%s%.*s", eol, (int)(ne - nb), data + nb);
  else
    *lead = dg_fmt(c->m->arena, "%s%.*s  ", eol, (int)(e - b), data + b);
  return at;
}

static md_item *task_at(md_item *root, uint32_t file, uint32_t off);

typedef struct seek {
  uint32_t file, off;
  md_item *found;
} seek;

static int seek_task(md_item *it, void *ctx) {
  seek *s = ctx;
  if (it->kind == MD_TASK && it->loc.file == s->file && it->loc.off == s->off) {
    s->found = it;
    return 1;
  }
  return 0;
}

static md_item *task_at(md_item *root, uint32_t file, uint32_t off) {
  seek s = { file, off, NULL };
  md_walk(root, seek_task, &s);
  return s.found;
}

static md_item *task_of(actions *c, uint32_t off) {
  for (md_plan *p = c->m->plans; p; p = p->next) {
    if (p->file != c->file) continue;
    md_item *it = task_at(&p->root, c->file, off);
    if (it) return it;
  }
  return NULL;
}

/* deadline-in-text, as the client shows it: its related location is the
 * task and its message reads "... due \"...\"": the quoted phrase is a
 * plan-language string already. The client's diagnostic, because a split
 * check (lsp.c) has it from the child, not from the server's session. */
static void fix_due(actions *c, json_t *d) {
  json_t *rel = json_array_get(json_object_get(d, "relatedInformation"), 0);
  json_t *loc = json_object_get(rel, "location");
  const char *msg = json_string_value(json_object_get(rel, "message"));
  const char *uri = json_string_value(json_object_get(loc, "uri"));
  lsp_pos p;
  if (!msg || !uri || strcmp(uri, c->doc->uri) != 0 ||
      lsp_params_pos(json_object_get(json_object_get(loc, "range"), "start"), &p) != 0)
    return;
  const char *q = strchr(msg, '"'), *e = strrchr(msg, '"');
  md_item *it = task_of(c, (uint32_t)lsp_offset(&c->doc->lines, p));
  if (!q || e == q || !it) return;
  const char *lead;
  uint32_t at = clause_place(c, it, &lead);
  int vi = ac_vietnamese_line(c->m->src->files[c->file].data, it->loc.off + it->loc.len);
  const char *clause = dg_fmt(c->m->arena, "%s%s %.*s", lead, pw_spelling(PW_DUE, vi), (int)(e - q + 1), q);
  action(c, dg_fmt(c->m->arena, _("Add to the task: %s %.*s"), pw_spelling(PW_DUE, vi), (int)(e - q + 1), q),
         json_deep_copy(d), at, 0, clause, 1);
}

typedef struct link_seek {
  uint32_t file, off, len;
  md_link *found;
} link_seek;

static int seek_link(md_item *it, void *ctx) {
  link_seek *s = ctx;
  for (md_link *l = it->implements; l; l = l->next) {
    const md_loc *at[2] = { &l->target.loc, &l->fingerprint.loc };
    for (int k = 0; k < 2; k++)
      if (at[k]->len && at[k]->file == s->file && at[k]->off == s->off && at[k]->len == s->len) {
        s->found = l;
        return 1;
      }
  }
  return 0;
}

/* link-suspect (at the fingerprint) and link-unreviewed (at the target). */
static void fix_fingerprint(actions *c, const dg_diag *d) {
  link_seek s = { c->file, d->off, d->len, NULL };
  for (md_plan *p = c->m->plans; p && !s.found; p = p->next)
    if (p->file == c->file) md_walk(&p->root, seek_link, &s);
  md_link *l = s.found;
  if (!l || !l->item || l->item->kind != MD_TASK) return;
  uint32_t off, len;
  const char *text = ac_link_edit(c->m, l, &off, &len);
  const char *title = l->fingerprint.value.n
                        ? dg_fmt(c->m->arena, _("Accept the changed fingerprint of %s after review (plancheck accept)"), l->item->id)
                        : dg_fmt(c->m->arena, _("Record the fingerprint of %s after review (plancheck accept)"),
                                 l->item->id);
  action(c, title, fixed(c, d), off, len, text, 0);
}

/* coverage-missing: its note is at the uncovered directive; the child
 * task ranked first for it gets an `implements` line. */
static void fix_coverage(actions *c, const dg_diag *d) {
  const dg_diag *n = d->notes;
  if (!n) return;
  for (md_plan *p = c->m->plans; p; p = p->next) {
    if (p->file != c->file) continue;
    cs_coverage *cov = cs_coverage_of(c->m, p, c->srv->opts.as_of);
    sm_index *ix = NULL;
    for (size_t t = 0; t < cov->ntargets; t++)
      for (size_t r = 0; r < cov->targets[t].nrows; r++) {
        const cs_row *row = &cov->targets[t].rows[r];
        md_item *dir = row->directive;
        if (row->status != CS_MISSING || dir->loc.file != n->file || dir->loc.off != n->off) continue;
        if (!ix) ix = sg_index(c->m, cov);
        sg_hit hit;
        if (sg_rank(c->m, ix, cov, dir, NULL, &hit, 1) == 0) return;
        const char *lead;
        uint32_t at = clause_place(c, hit.task, &lead);
        int vi = ac_vietnamese_line(c->m->src->files[c->file].data, hit.task->loc.off + hit.task->loc.len);
        const char *clause = dg_fmt(c->m->arena, "%s%s \"%s\"", lead, pw_spelling(PW_IMPLEMENTS, vi), dir->id);
        action(c, dg_fmt(c->m->arena, _("Link %s to %s (the task plancheck suggest ranks first)"),
                         hit.task->id ? hit.task->id : "", dir->id),
               fixed(c, d), at, 0, clause, 0);
        return;
      }
  }
}

json_t *lsp_code_actions(lsp_server *srv, json_t *params) {
  md_model *m = lsp_model(srv);
  json_t *td = json_object_get(params, "textDocument"), *range = json_object_get(params, "range");
  const char *uri = json_string_value(json_object_get(td, "uri"));
  lsp_doc *doc = uri ? lsp_doc_find(&srv->docs, uri) : NULL;
  lsp_pos a, b;
  if (!m || !doc || !doc->open || lsp_params_pos(json_object_get(range, "start"), &a) != 0 ||
      lsp_params_pos(json_object_get(range, "end"), &b) != 0)
    return json_array();
  size_t from = lsp_offset(&doc->lines, a), to = lsp_offset(&doc->lines, b);
  actions c = { srv, m, doc, lsp_doc_file(srv, doc), json_array() };
  if (c.file == UINT32_MAX) return c.list;
  size_t i;
  json_t *cd;
  json_array_foreach(json_object_get(json_object_get(params, "context"), "diagnostics"), i, cd)
    if (json_is_object(cd) && json_is_string(json_object_get(cd, "code")) &&
        strcmp(json_string_value(json_object_get(cd, "code")), "deadline-in-text") == 0)
      fix_due(&c, cd);
  for (const dg_diag *d = ss_diags(srv->session)->first; d; d = d->next) {
    if (d->file != c.file || d->off > to || d->off + d->len < from || !d->code) continue;
    if (strcmp(d->code, "link-suspect") == 0 || strcmp(d->code, "link-unreviewed") == 0) fix_fingerprint(&c, d);
    else if (strcmp(d->code, "coverage-missing") == 0) fix_coverage(&c, d);
  }
  return c.list;
}
