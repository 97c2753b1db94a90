/* export: Graphviz DOT: the cascade of `report --format dot`; see
 * export.h. */
#include "export.h"

#include <string.h>

#include "cascade.h"
#include "lang.h"

/* A DOT quoted string: quotes and backslashes escaped; "\n" in `s` is a
 * line break of the label. */
static void dot_q(FILE *out, const char *s) {
  fputc('"', out);
  for (; *s; s++) {
    if (*s == '"' || *s == '\\') fputc('\\', out);
    if (*s == '\n') { fputs("\\n", out); continue; }
    fputc(*s, out);
  }
  fputc('"', out);
}

/* What the writers of the graph share: the output, and the absent parents
 * drawn so far (each once, however many children name it). */
typedef struct dot_ctx {
  FILE *out;
  md_model *m;
  ix_table seen;             /* the absent parents drawn, by node name (a set) */
} dot_ctx;

static const char *plan_node(md_model *m, sl_slice key) { return dg_fmt(m->arena, "plan:%.*s", (int)key.n, key.p); }

enum { LINKED = 1 << 20, MISSING = 1 << 21, WAIVED = 1 << 22, NODE = LINKED | MISSING | WAIVED };

/* A directive as a node: its number and the start of its text. */
static void dot_directive(FILE *out, md_model *m, const md_item *it) {
  fputs("    ", out);
  dot_q(out, it->id);
  fputs(" [label=", out);
  dot_q(out, dg_fmt(m->arena, "%s\n%s", md_local_id(it), cs_excerpt(m, it, 40)));
  if (it->mark & MISSING) fputs(", style=filled, fillcolor=\"#f4c7c3\", color=\"#c62828\"", out);
  else if (it->mark & WAIVED) fputs(", style=filled, fillcolor=\"#eeeeee\"", out);
  fputs("];\n", out);
}

static int dot_node(md_item *it, void *ctx) {
  dot_ctx *c = ctx;
  if (it->mark & NODE) dot_directive(c->out, c->m, it);
  return 0;
}

static int mark_links(md_item *it, void *ctx) {
  (void)ctx;
  for (md_link *l = it->implements; l && it->kind == MD_TASK; l = l->next)
    if (l->item) {
      it->mark |= LINKED;
      l->item->mark |= LINKED;
    }
  return 0;
}

static int clear_marks(md_item *it, void *ctx) {
  (void)ctx;
  it->mark &= ~NODE;
  return 0;
}

static void dot_edge(FILE *out, const char *from, const char *to, const char *attrs) {
  fputs("  ", out);
  dot_q(out, from);
  fputs(" -> ", out);
  dot_q(out, to);
  fprintf(out, "%s;\n", attrs);
}

/* The coverage of the inputs: what each misses, waives or forwards, as
 * marks on the directives and edges from its plan. */
static void dot_coverage(FILE *out, md_model *m, cs_coverage *const *c, size_t n, int edges) {
  for (size_t i = 0; i < n; i++)
    for (size_t t = 0; t < c[i]->ntargets; t++)
      for (size_t k = 0; k < c[i]->targets[t].nrows; k++) {
        const cs_row *r = &c[i]->targets[t].rows[k];
        const char *style = r->status == CS_MISSING ? "color=\"#c62828\", style=dashed"
                          : r->status == CS_WAIVED || r->status == CS_FORWARDED ? "style=dotted" : NULL;
        if (!style) continue;
        /* The status words hold no quote or backslash, in either language. */
        const char *attrs = dg_fmt(m->arena, " [%s, label=\"%s\"]", style, cs_status_text(r->status));
        if (edges) dot_edge(out, plan_node(m, c[i]->child->key), r->directive->id, attrs);
        else r->directive->mark |= r->status == CS_MISSING ? MISSING : WAIVED;
      }
}

/* A parent whose text is not loaded: a dashed node from what the child
 * says of it, once however many children name it. */
static const char *dot_absent(dot_ctx *c, const md_parent *par) {
  FILE *out = c->out;
  md_model *m = c->m;
  const char *name = plan_node(m, par->number.value);
  if (ix_set_add(&c->seen, (sl_slice){ name, strlen(name) })) return name;
  const md_plan *d = par->desc;
  const char *why = d && d->unavailable.value.n ? "không có văn bản" : d ? "chỉ có mô tả" : "không tìm thấy";
  const char *label = dg_fmt(m->arena, "%s\n(%s)", ex_str(m, par->number), why);
  if (d && d->title.value.n) {
    md_strs title = { d->title, NULL };
    md_item as_item = { .texts = &title };   /* cs_excerpt quotes items */
    label = dg_fmt(m->arena, "%s\n%s", label, cs_excerpt(m, &as_item, 40));
  }
  fputs("  ", out);
  dot_q(out, name);
  fputs(" [shape=box, style=dashed, label=", out);
  dot_q(out, label);
  fputs("];\n", out);
  return name;
}

/* Edges from a plan (or a description) to each parent it names. */
static void dot_parents(dot_ctx *c, const char *from, const md_parent *list) {
  for (const md_parent *par = list; par; par = par->next) {
    if (par->plan) { dot_edge(c->out, from, plan_node(c->m, par->plan->key), " [style=bold]"); continue; }
    const char *to = dot_absent(c, par);
    dot_edge(c->out, from, to, " [style=\"bold,dashed\"]");
    if (par->desc) dot_parents(c, to, par->desc->parents);
  }
}

static void dot_cluster(FILE *out, md_model *m, md_plan *p, size_t index) {
  fprintf(out, "  subgraph cluster_%zu {\n    label=", index);
  dot_q(out, ex_plan_heading(m, p));
  fputs(";\n    style=rounded;\n    ", out);
  dot_q(out, plan_node(m, p->key));
  fputs(" [shape=box, style=bold, label=", out);
  dot_q(out, dg_fmt(m->arena, "%s\n%s", ex_key_of(m, p), p->level ? cs_level_text(m, p->level) : _("unknown level")));
  fputs("];\n", out);
  dot_ctx ctx = { out, m, { 0 } };
  md_walk(&p->root, dot_node, &ctx);
  fputs("  }\n", out);
}

static int dot_links(md_item *it, void *ctx) {
  dot_ctx *c = ctx;
  for (md_link *l = it->implements; l && it->kind == MD_TASK; l = l->next)
    if (l->item) dot_edge(c->out, it->id, l->item->id, "");
  return 0;
}

/* The cascade: a cluster per loaded plan with the directives that take
 * part in links or that an input misses; edges child task → parent
 * directive, plan → parent plan. Marks on the items say which to draw;
 * they are cleared before returning. */
void ex_dot_document(FILE *out, md_model *m, md_plan *const *plans, size_t n, ex_when when) {
  dt_day as_of = when.as_of;
  cs_coverage **c = ar_alloc(m->arena, (n ? n : 1) * sizeof *c);
  for (size_t i = 0; i < n; i++) c[i] = cs_coverage_of(m, plans[i], as_of);
  for (md_plan *p = m->plans; p; p = p->next)
    if (!p->is_described) md_walk(&p->root, mark_links, NULL);
  dot_coverage(out, m, c, n, 0);
  fputs("digraph cascade {\n  rankdir=BT;\n  node [shape=box, fontname=\"DejaVu Sans\", fontsize=10];\n"
        "  edge [fontname=\"DejaVu Sans\", fontsize=9];\n", out);
  size_t index = 0;
  for (md_plan *p = m->plans; p; p = p->next)
    if (!p->is_described) dot_cluster(out, m, p, index++);
  dot_ctx ctx = { out, m, { 0 } };
  ix_init_set(&ctx.seen, m->arena);
  for (md_plan *p = m->plans; p; p = p->next) {
    if (p->is_described) continue;
    dot_parents(&ctx, plan_node(m, p->key), p->parents);
    md_walk(&p->root, dot_links, &ctx);
  }
  dot_coverage(out, m, c, n, 1);
  fputs("}\n", out);
  for (md_plan *p = m->plans; p; p = p->next) md_walk(&p->root, clear_marks, NULL);
}

