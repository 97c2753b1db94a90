/* session: checking a set of files, some in memory; see session.h. */
#include "session.h"

#include <stdlib.h>
#include <string.h>

#include "cascade.h"
#include "check.h"
#include "export.h"
#include "lang.h"
#include "mem.h"
#include "progress.h"
#include "suggest.h"

struct ss_session {
  ar_arena arena;
  src_table src;
  dg_list diags;
  md_model m;
  ru_engine *rules;
  ss_options o;
  rs_input *in;              /* the files checked, then the progress records */
  size_t nfiles;
  int checked;
};

/* Per thread, as errno: a NULL from ss_open has no session to ask. */
static _Thread_local char open_error[512];

const char *ss_error(void) { return open_error; }

/* Applies the -W switches; 0, or -1 with the first wrong one's message. */
static int apply_switches(ss_session *s) {
  for (size_t i = 0; i < s->o.nswitches; i++) {
    const char *err = ru_switch(s->rules, s->o.switches[i]);
    if (!err) continue;
    snprintf(open_error, sizeof open_error, "%s", err);
    return -1;
  }
  return 0;
}

ss_session *ss_open(const ss_options *o) {
  open_error[0] = '\0';
  ss_session *s = mem_calloc(1, sizeof *s);
  s->o = *o;
  ar_init(&s->arena);
  src_init(&s->src);
  dg_init(&s->diags, &s->arena);
  md_init(&s->m, &s->arena, &s->src, &s->diags);
  ru_options uo = { o->stdlib_dir, o->rules, o->nrules, o->projects, o->nprojects, o->lua_budget, o->lua_memory,
                    o->as_of, o->no_rules, ex_find };
  s->rules = ru_open(&s->arena, &s->src, &s->diags, &uo);
  if (!s->rules) mem_oom();
  if (apply_switches(s) != 0) {
    ss_close(s);
    return NULL;
  }
  ru_attach(s->rules, &s->m);
  return s;
}

void ss_resolve(md_model *m, ru_engine *rules, dt_day as_of, const rs_input *in, size_t n) {
  rs_resolve(m, ru_recognizer(rules));
  pg_resolve(m, as_of);
  for (size_t i = 0; i < n; i++)
    if (in[i].loaded && !in[i].plan && !in[i].record)
      dg_add(m->diags, DG_ERROR, "no-plan", in[i].file, 0, 0, _("%s declares no plan"), in[i].path);
}

void ss_run_checks(md_model *m, ru_engine *rules, const rs_input *in, size_t n, dt_day as_of, int text_checks,
                   int werror, md_plan *from) {
  for (size_t i = 0; i < n; i++) {
    if (!in[i].plan) continue;
    ck_plan(m, in[i].plan, text_checks);
    cs_coverage *c = cs_check(m, in[i].plan, as_of);
    if (text_checks) sg_check_links(m, c);
    ru_check(rules, in[i].plan);
  }
  cs_check_cycles(m, from);
  if (werror) dg_promote_warnings(m->diags);
}

size_t ss_check(ss_session *s, const ss_file *files, size_t n) {
  if (s->checked) return n;
  s->checked = 1;
  size_t nrec = s->o.nprogress;
  s->in = mem_calloc(n + nrec + 1, sizeof *s->in);
  s->nfiles = n;
  for (size_t i = 0; i < n; i++) {
    s->in[i].path = files[i].path;
    if (files[i].text) src_overlay(&s->src, files[i].path, files[i].text, files[i].len);
  }
  for (size_t i = 0; i < nrec; i++) s->in[n + i] = (rs_input){ .path = s->o.progress[i], .record = 1 };
  rs_options ro = { s->o.incdirs, s->o.nincdirs, s->o.planpath, s->o.stdlib_dir };
  size_t unreadable = rs_load(&s->m, &ro, s->in, n + nrec);
  ss_resolve(&s->m, s->rules, s->o.as_of, s->in, n + nrec);
  ss_run_checks(&s->m, s->rules, s->in, n + nrec, s->o.as_of, s->o.text_checks != 0, s->o.werror, s->m.plans);
  dg_sort(&s->diags);
  return unreadable;
}

md_model *ss_model(ss_session *s) { return &s->m; }
dg_list *ss_diags(ss_session *s) { return &s->diags; }
md_plan *ss_plan(ss_session *s, size_t i) { return s->in && i < s->nfiles ? s->in[i].plan : NULL; }
size_t ss_unreadable_rules(ss_session *s) { return ru_unreadable(s->rules); }

void ss_close(ss_session *s) {
  if (!s) return;
  ru_close(s->rules);
  src_free(&s->src);
  ar_free(&s->arena);
  free(s->in);
  free(s);
}
