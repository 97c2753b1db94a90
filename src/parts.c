/* parts: `check` in parts; see parts.h. */
#include "parts.h"

#include <stdlib.h>
#include <unistd.h>

#include "batch.h"
#include "json.h"
#include "lang.h"
#include "mem.h"
#include "sarif.h"
#include "session.h"

/* What the parts of a run share. */
typedef struct checker {
  const pa_options *o;
  md_model *m;               /* the rule scripts' model */
  const rs_options *ro;
  ru_engine *rules;
  const char **paths;        /* the plans given */
  js_writer js;              /* JSON: the findings' array, in this process
                                (js.any: something printed) */
  ar_arena part_arena;       /* in a worker: the model of each part */
} checker;

void pa_plan_line(FILE *out, const char *path, const md_plan *p) {
  if (p)
    fprintf(out, lg_ntext("%s: plan %.*s, %zu task\n", "%s: plan %.*s, %zu tasks\n", p->ntasks), path, (int)p->key.n,
            p->key.p, p->ntasks);
}

/* The findings of l as elements of the document's array: the JSON
 * findings, or a SARIF log's results. */
static void json_items(const pa_options *o, js_writer *js, src_table *src, const dg_list *l) {
  if (o->sarif) sf_results(js, src, l);
  else dg_json_items(js, src, l);
}

/* A writer of those elements in a document begun elsewhere. */
static void json_continue(const pa_options *o, js_writer *js, FILE *out, int any) {
  if (o->sarif) sf_continue(js, out, any);
  else dg_json_continue(js, out, any);
}

/* Prints one part's findings (sorted) and the plan lines of its inputs. */
static bt_counts print_part(const pa_options *o, md_model *m, dg_list *part, const rs_input *in, size_t n, FILE *out,
                            FILE *err, js_writer *js) {
  bt_counts c = { part->errors, part->warnings, 0, 0 };
  if (o->json) {
    c.lead = js->any && part->first ? 1 : 0;  /* the comma before its first element */
    js->out = out;
    json_items(o, js, m->src, part);
  } else {
    dg_print_text(err, m->src, part, o->style);
    for (size_t i = 0; i < n; i++) pa_plan_line(out, in[i].path, in[i].plan);
  }
  return c;
}

/* Whether a finding lies in a file the part did not read as one of its
 * own (`ud`: a flag per file). */
static int is_foreign(const dg_diag *d, void *ud) {
  const char *own = ud;
  return d->file != DG_NOFILE && !own[d->file];
}

/* Moves the findings of `part` located in a file that is not one of the
 * part's inputs to `foreign` (both keep their order). */
static void split_foreign(md_model *m, const rs_input *in, size_t n, dg_list *part, dg_list *foreign) {
  char *own = ar_alloc(m->arena, m->src->n + 1);
  for (size_t i = 0; i < n; i++)
    if (in[i].loaded) own[in[i].file] = 1;
  dg_move_if(part, foreign, is_foreign, own);
}

/* Hands each foreign finding to the parent process, printed as it would
 * be, with what identifies it whichever part read its file. */
static void put_foreign(const pa_options *o, md_model *m, dg_list *foreign, FILE *out) {
  for (dg_diag *d = foreign->first; d; d = d->next) {
    dg_diag *next = d->next;
    d->next = NULL;
    dg_list one = { m->arena, d, d, 1, d->sev == DG_ERROR, d->sev == DG_WARNING, 0 };
    char *text = NULL;
    size_t len = 0;
    FILE *f = mem_memstream(&text, &len);
    js_writer js;
    json_continue(o, &js, f, 0);
    if (o->json) json_items(o, &js, m->src, &one);
    else dg_print_text(f, m->src, &one, o->style);
    mem_close(f);
    d->next = next;
    const char *file = bt_normal_path(m->arena, m->src->files[d->file].path);
    const char *identity = dg_fmt(m->arena, "%s:%u:%u:%s:%s", file, d->off, d->len, d->code ? d->code : "", d->msg);
    bt_put_foreign(out, &(bt_foreign){ d->sev == DG_ERROR, d->sev == DG_WARNING, o->json, file, identity, text, len });
    free(text);
  }
}

/* Checks the plans given [first, first + count) and the parents they name
 * in model m; what is found in a file that is not one of the part's goes
 * to the parent process through `foreign`. */
static bt_counts check_in(checker *k, md_model *m, size_t first, size_t count, FILE *out, FILE *err, FILE *foreign) {
  rs_input *in = mem_calloc(count + 1, sizeof *in);
  for (size_t i = 0; i < count; i++) in[i].path = k->paths[first + i];
  size_t unreadable = rs_load(m, k->ro, in, count);
  ss_resolve(m, k->rules, k->o->as_of, in, count);
  ss_run_checks(m, k->rules, in, count, k->o->as_of, k->o->text_checks, k->o->werror, m->plans);
  dg_list part, others;
  dg_init(&part, m->arena);
  dg_init(&others, m->arena);
  dg_take(m->diags, NULL, &part);
  dg_sort(&part);
  split_foreign(m, in, count, &part, &others);
  put_foreign(k->o, m, &others, foreign);
  bt_counts c = print_part(k->o, m, &part, in, count, out, err, &k->js);
  c.unreadable = unreadable;
  free(in);
  return c;
}

/* One part of a run in parts, in a worker process that checks part after
 * part: a model of its own on an arena whose pages serve every part, and
 * the files it read forgotten afterwards (the rule scripts, read before,
 * stay). */
static bt_counts check_part(void *ud, size_t first, size_t count, FILE *out, FILE *err, FILE *foreign) {
  checker *k = ud;
  size_t scripts = k->m->src->n;
  dg_list diags;
  dg_init(&diags, &k->part_arena);
  md_model m;
  md_init(&m, &k->part_arena, k->m->src, &diags);
  ru_attach(k->rules, &m);
  bt_counts c = check_in(k, &m, first, count, out, err, foreign);
  ru_attach(k->rules, k->m);
  src_truncate(k->m->src, scripts);
  ar_recycle(&k->part_arena);
  return c;
}

pa_totals pa_check(const pa_options *o, md_model *m, const rs_options *ro, ru_engine *rules, const char **paths,
                   size_t n) {
  checker k = { o, m, ro, rules, paths, { 0 }, { 0 } };
  js_writer doc;
  js_init(&doc, stdout, JS_COMPACT);
  if (o->sarif) sf_begin(&doc, rules, o->version);
  else if (o->json) dg_json_begin(&doc);
  /* What was found before (in the rule scripts), first. */
  dg_list before;
  dg_init(&before, m->arena);
  dg_take(m->diags, NULL, &before);
  dg_sort(&before);
  if (o->werror) dg_promote_warnings(&before);
  bt_counts all = print_part(o, m, &before, NULL, 0, stdout, stderr, &doc);
  int written = doc.any;
  json_continue(o, &k.js, stdout, 1);   /* a worker cannot know what came before: bt_run drops the lead */
  ar_init(&k.part_arena);
  int jobs = o->jobs ? o->jobs : (int)sysconf(_SC_NPROCESSORS_ONLN);
  int failed = bt_run(paths, n, o->batch, jobs, check_part, &k, &all, &written) != 0;
  ar_free(&k.part_arena);
  if (o->json) {
    js_resume(&doc, written);
    /* The log's invocation has the exit status main() gives the run. */
    int status = failed || all.unreadable || ru_unreadable(rules) ? 2 : all.errors ? 1 : 0;
    if (o->sarif) sf_end(&doc, status);
    else dg_json_end(&doc, all.errors, all.warnings);
  }
  return (pa_totals){ all.errors, all.warnings, all.unreadable, failed };
}
