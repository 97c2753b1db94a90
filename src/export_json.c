/* export: the JSON of `coverage`, `suggest` and `agenda` (spaced, a
 * line an element) and the model's document of `report --format json`
 * (pretty); see export.h and docs/REPORTS.md. Everything goes through
 * the one writer, json.h. */
#include "export.h"

#include <string.h>

#include "cascade.h"
#include "json.h"
#include "lang.h"
#include "progress.h"
#include "report.h"
#include "text.h"

/* A key and a string value (NULL: null). */
static void put_field(js_writer *w, const char *name, const char *value) {
  js_key(w, name);
  js_cstring(w, value);
}

static void put_count(js_writer *w, const char *name, long long n) {
  js_key(w, name);
  js_int(w, n);
}

/* A body a reference names: its id, or the text when it names none. */
static void put_ref(js_writer *w, const md_ref *o) {
  js_string(w, o->body ? o->body->id.p : o->text.p, o->body ? o->body->id.n : o->text.n);
}

static void json_row(js_writer *w, md_model *m, const cs_row *row, const rp_explain *x) {
  js_object(w);
  put_field(w, "directive", row->directive->id);
  put_field(w, "status", cs_status_name(row->status));
  put_field(w, "text", rp_text_of(m, row->directive));
  js_key(w, "owners");
  js_array(w);
  for (const md_ref *o = row->directive->owners; o; o = o->next) put_ref(w, o);
  js_end(w);
  js_key(w, "implemented_by");
  js_array(w);
  for (size_t i = 0; i < row->nlinks; i++) js_cstring(w, row->links[i]->from->id);
  js_end(w);
  if (row->waiver) {
    const md_item *wv = row->waiver;
    js_key(w, "waiver");
    js_object(w);
    js_key(w, "reason");
    js_string(w, wv->reason.value.p, wv->reason.value.n);
    if (wv->until != DT_MAX) put_field(w, "until", rp_iso(m, wv->until));
    js_key(w, "expired");
    js_bool(w, row->expired);
    js_end(w);
  }
  if (row->forward) {
    js_key(w, "forwarded");
    js_bool(w, 1);
  }
  if (x->on) put_field(w, "why", cs_why(m, x->c, row->directive, row));
  js_end(w);
}

typedef struct junaddressed { js_writer *w; md_model *m; const rp_explain *x; const cs_target *t; } junaddressed;

static int json_unaddressed(md_item *it, void *ctx) {
  junaddressed *u = ctx;
  if (it->kind != MD_TASK || cs_row_of(u->t, it)) return 0;
  js_object(u->w);
  put_field(u->w, "directive", it->id);
  put_field(u->w, "why", cs_why(u->m, u->x->c, it, NULL));
  js_end(u->w);
  return 0;
}

static void json_target(js_writer *w, md_model *m, const cs_coverage *c, const cs_target *t, const rp_explain *x) {
  js_object(w);
  put_field(w, "plan", rp_key(m, t->plan));
  put_field(w, "file", rp_path_of(m, t->plan));
  put_field(w, "through", t->through ? rp_key(m, t->through) : NULL);
  js_key(w, "rows");
  js_array(w);
  js_lines(w, 6, JS_SAME);
  for (size_t k = 0; k < t->nrows; k++) json_row(w, m, &t->rows[k], x);
  js_end(w);
  if (x->on && c->level) {
    junaddressed u = { w, m, x, t };
    js_newline(w, 4);
    js_key(w, "not_addressed");
    js_array(w);
    js_lines(w, 6, JS_SAME);
    md_walk(&t->plan->root, json_unaddressed, &u);
    js_end(w);
  }
  js_newline(w, 4);
  js_key(w, "totals");
  js_object(w);
  put_count(w, "addressed", (long long)cs_addressed_count(t));
  static const char *const names[] = { "covered", "waived", "forwarded", "missing", "extra" };
  static const cs_status statuses[] = { CS_COVERED, CS_WAIVED, CS_FORWARDED, CS_MISSING, CS_EXTRA };
  for (int i = 0; i < 5; i++) put_count(w, names[i], (long long)t->count[statuses[i]]);
  put_count(w, "percent", rp_percent(t));
  js_end(w);
  js_end(w);
}

static void json_coverage(js_writer *w, md_model *m, const cs_coverage *c, const rp_explain *x) {
  js_object(w);
  put_field(w, "file", rp_path_of(m, c->child));
  put_field(w, "plan", rp_key(m, c->child));
  put_field(w, "level", md_level_name(m, c->level));
  js_key(w, "targets");
  js_array(w);
  js_lines(w, 4, JS_SAME);
  for (size_t i = 0; i < c->ntargets; i++) json_target(w, m, c, &c->targets[i], x);
  js_end(w);
  js_end(w);
}

/* A document that is an array of one element a line, indented `indent`,
 * with its closer on a line of its own even when empty. */
static void json_list_begin(js_writer *w, FILE *out, int indent) {
  js_init(w, out, JS_SPACED);
  js_array(w);
  js_lines(w, indent, 0);
}

static void json_list_end(js_writer *w) {
  js_newline(w, 0);
  js_end(w);
  fputc('\n', w->out);
}

static void json_hits(js_writer *w, const sg_suggestion *sg) {
  js_object(w);
  put_field(w, "directive", sg->directive->id);
  js_key(w, "suggestions");
  js_array(w);
  for (size_t i = 0; i < sg->nhits; i++) {
    const sg_hit *h = &sg->hits[i];
    js_object(w);
    put_field(w, "task", h->task->id);
    js_key(w, "score");
    js_fixed(w, h->score, 3);
    js_key(w, "text");
    js_fixed(w, h->text, 3);
    js_key(w, "owner");
    js_bool(w, h->owner);
    put_field(w, "shares", sg->shares[i]);
    js_end(w);
  }
  js_end(w);
  js_end(w);
}


static void print_eval(js_writer *w, const char *name, const sg_eval *e) {
  double n = e->links ? (double)e->links : 1;
  js_key(w, name);
  js_object(w);
  put_count(w, "links", (long long)e->links);
  put_count(w, "top1", (long long)e->top1);
  put_count(w, "top3", (long long)e->top3);
  put_count(w, "unranked", (long long)e->unranked);
  js_key(w, "precision_at_1");
  js_fixed(w, e->top1 / n, 3);
  js_key(w, "hit_at_3");
  js_fixed(w, e->top3 / n, 3);
  js_key(w, "mrr");
  js_fixed(w, e->reciprocal / n, 3);
  js_end(w);
}

static void put_day(js_writer *w, md_model *m, const char *name, dt_day d) {
  put_field(w, name, d == DT_MAX || d == DT_MIN ? NULL : rp_iso(m, d));
}

/* A string of the plan, null when it gives none. */
static void put_str(js_writer *w, const char *name, const md_str *s) {
  js_key(w, name);
  if (s->value.n) js_string(w, s->value.p, s->value.n);
  else js_null(w);
}

/* A body's id, null for none. */
static void put_body(js_writer *w, const char *name, const md_body *b) {
  js_key(w, name);
  if (b) js_string(w, b->id.p, b->id.n);
  else js_null(w);
}

static void json_event(js_writer *w, md_model *m, const char *name, const md_event *t) {
  js_key(w, name);
  if (!t) { js_null(w); return; }
  js_object(w);
  put_field(w, "kind", pg_kind_name(t->kind));
  put_day(w, m, "day", t->day);
  put_str(w, "what", &t->what);
  put_body(w, "issuer", t->issuer ? t->issuer->body : NULL);
  put_str(w, "doc", &t->doc);
  put_field(w, "file", m->src->files[t->loc.file].path);
  put_count(w, "line", src_position(m->src, t->loc.file, t->loc.off).line);
  js_end(w);
}

static void json_entry(js_writer *w, md_model *m, const ag_entry *e) {
  js_object(w);
  put_field(w, "group", ag_group_name(e->group));
  put_body(w, "owner", e->owner);
  put_field(w, "task", e->task->id);
  put_field(w, "text", rp_text_of(m, e->task));
  put_str(w, "phrase", &e->due->phrase);
  put_str(w, "for", &e->due->what);
  put_field(w, "deadline", e->dl ? dl_canonical(m->arena, e->dl) : "");
  put_day(w, m, "date", e->date);
  put_count(w, "days", e->days);
  put_day(w, m, "missed", e->missed);
  put_day(w, m, "expected", e->expected);
  put_field(w, "waits_for", e->waits_for);
  json_event(w, m, "trigger", e->trigger);
  json_event(w, m, "started", e->started);
  json_event(w, m, "last_report", e->last_report);
  js_key(w, "no_delay");
  js_bool(w, e->no_delay);
  /* The lead the plan names, when the entry is listed under the body
   * that took its work over. */
  put_field(w, "stage", e->stage ? md_level_name(m, e->stage) : NULL);
  put_body(w, "named_owner", e->named_owner);
  js_end(w);
}

static void json_agenda(js_writer *w, md_model *m, const ag_agenda *a) {
  js_object(w);
  put_field(w, "plan", rp_key(m, a->plan));
  put_field(w, "file", rp_path_of(m, a->plan));
  put_day(w, m, "as_of", a->as_of);
  put_count(w, "within", a->within);
  js_key(w, "counts");
  js_object(w);
  for (int g = 0; g < AG_NGROUPS; g++) put_count(w, ag_group_name(g), (long long)a->count[g]);
  put_count(w, "done", (long long)a->done);
  put_count(w, "cancelled", (long long)a->cancelled);
  put_count(w, "continuous", (long long)a->continuous);
  put_count(w, "undated", (long long)a->undated);
  js_end(w);
  js_newline(w, 2);
  js_key(w, "entries");
  js_array(w);
  js_lines(w, 3, JS_SAME);
  for (size_t i = 0; i < a->n; i++) json_entry(w, m, &a->entries[i]);
  js_end(w);
  js_end(w);
}


void ex_json_coverage(FILE *out, md_model *m, cs_coverage *const *c, size_t n, int explain) {
  js_writer w;
  json_list_begin(&w, out, 2);
  for (size_t i = 0; i < n; i++) {
    rp_explain x = { c[i], explain };
    json_coverage(&w, m, c[i], &x);
  }
  json_list_end(&w);
}

void ex_json_suggest(FILE *out, md_model *m, const sg_target *t, size_t n) {
  (void)m;
  js_writer w;
  json_list_begin(&w, out, 2);
  for (size_t i = 0; i < n; i++)
    for (size_t k = 0; k < t[i].n; k++) json_hits(&w, &t[i].v[k]);
  json_list_end(&w);
}

void ex_json_evaluate(FILE *out, md_model *m, cs_coverage *const *c, const sg_eval *each, size_t n,
                      const sg_eval *total) {
  js_writer w;
  js_init(&w, out, JS_SPACED);
  js_object(&w);
  for (size_t i = 0; i < n; i++) {
    print_eval(&w, rp_path_of(m, c[i]->child), &each[i]);
    js_newline(&w, 1);
  }
  print_eval(&w, "total", total);
  js_end(&w);
  fputc('\n', out);
}

void ex_json_agenda(FILE *out, md_model *m, ag_agenda *const *a, size_t n) {
  js_writer w;
  json_list_begin(&w, out, 1);
  for (size_t i = 0; i < n; i++) json_agenda(&w, m, a[i]);
  json_list_end(&w);
}

/* The model's document: pretty JSON (json.h), two spaces a level. */
typedef struct jw {
  js_writer js;
  md_model *m;
} jw;

/* An object or array, under key `k` when k is not NULL. */
static void j_object(jw *w, const char *k) {
  if (k) js_key(&w->js, k);
  js_object(&w->js);
}

static void j_array(jw *w, const char *k) {
  if (k) js_key(&w->js, k);
  js_array(&w->js);
}

static void j_close(jw *w) { js_end(&w->js); }

/* A string value (NULL gives null), under key `k` when k is not NULL. */
static void j_str(jw *w, const char *k, const char *v) {
  if (k) js_key(&w->js, k);
  js_cstring(&w->js, v);
}

/* An optional string of the model: null when the document gives none. */
static void j_mstr(jw *w, const char *k, md_str s) { j_str(w, k, s.value.n ? ex_str(w->m, s) : NULL); }

static void j_int(jw *w, const char *k, long v) {
  js_key(&w->js, k);
  js_int(&w->js, v);
}

static void j_bool(jw *w, const char *k, int v) {
  js_key(&w->js, k);
  js_bool(&w->js, v);
}

static void j_day(jw *w, const char *k, dt_day d, int known) {
  j_str(w, k, known && d != DT_MIN && d != DT_MAX ? md_day_text(w->m->arena, d) : NULL);
}

static void j_levels(jw *w, const char *k, unsigned bits) {
  j_array(w, k);
  for (int l = 1; l <= w->m->nlevels; l++)
    if (bits & MD_LEVEL_BIT(l)) j_str(w, NULL, md_level_name(w->m, l));
  j_close(w);
}

static void j_strs(jw *w, const char *k, const md_strs *list) {
  j_array(w, k);
  for (const md_strs *s = list; s; s = s->next) j_str(w, NULL, ex_str(w->m, s->s));
  j_close(w);
}

/* A body as {id, name}; id is null for a reference that names no body. */
static void j_ref(jw *w, const char *k, const md_ref *r) {
  if (!r) { j_str(w, k, NULL); return; }
  j_object(w, k);
  j_str(w, "id", r->body ? ex_slice(w->m, r->body->id) : NULL);
  j_str(w, "name", ex_ref_name(w->m, r));
  j_close(w);
}

static void j_refs(jw *w, const char *k, const md_ref *refs) {
  j_array(w, k);
  for (const md_ref *r = refs; r; r = r->next) j_ref(w, NULL, r);
  j_close(w);
}

/* One recognised part of a deadline: its meaning and the days it allows
 * (null where open). */
static void j_part(jw *w, const dl_deadline *d, const md_plan *p) {
  md_level level = p ? p->level : MD_LEVEL_NONE;
  const md_structure *st = p ? p->structure : NULL;
  dt_span s = dl_span(d);
  j_object(w, NULL);
  j_str(w, "kind", dl_kind_name(d->kind));
  j_str(w, "canonical", dl_canonical(w->m->arena, d));
  j_str(w, "stage", md_stage_name(w->m, st, (int)d->stage));
  j_bool(w, "applies", md_applies(w->m, st, d, level));
  j_day(w, "earliest", s.first, 1);
  j_day(w, "latest", s.last, 1);
  j_str(w, "unit", dl_unit_name(d->unit));
  j_str(w, "period", dl_period_name(d->period));
  if (d->month) j_int(w, "month", d->month); else j_str(w, "month", NULL);
  if (d->kind == DL_EVENT && d->delay_days >= 0) j_int(w, "delay", d->delay_days); else j_str(w, "delay", NULL);
  if (d->kind == DL_EVENT) {
    j_object(w, "event");
    j_str(w, "doc", d->event_doc.n ? ex_slice(w->m, d->event_doc) : NULL);
    j_str(w, "issuer", d->event_issuer.n ? ex_slice(w->m, d->event_issuer) : NULL);
    j_close(w);
  } else {
    j_str(w, "event", NULL);
  }
  j_str(w, "issuer", d->kind != DL_EVENT && d->event_issuer.n ? ex_slice(w->m, d->event_issuer) : NULL);
  j_str(w, "plan", d->plan_ref.n ? ex_slice(w->m, d->plan_ref) : NULL);
  j_close(w);
}

static void j_due(jw *w, const md_due *d, const md_plan *plan) {
  j_object(w, NULL);
  j_str(w, "phrase", ex_str(w->m, d->phrase));
  j_mstr(w, "as", d->as);
  j_mstr(w, "for", d->what);
  j_mstr(w, "after", d->after);
  j_str(w, "awaits", d->awaits ? d->awaits->id : NULL);
  j_bool(w, "recognized", d->dl != NULL);
  j_array(w, "parts");
  for (const dl_deadline *p = d->dl; p; p = p->next) j_part(w, p, plan);
  j_close(w);
  j_close(w);
}

/* A link: its target as written, whether it resolved, the fingerprint the
 * link records and the directive's current one (they differ: suspect). */
static void j_link(jw *w, const md_link *l) {
  j_object(w, NULL);
  j_str(w, "target", ex_str(w->m, l->target));
  j_bool(w, "resolved", l->item != NULL);
  j_mstr(w, "fingerprint", l->fingerprint);
  j_str(w, "current", l->item && l->item->kind == MD_TASK ? cs_fingerprint(w->m, l->item) : NULL);
  j_mstr(w, "reassigned", l->reason);
  j_close(w);
}

static void j_measure(jw *w, const md_measure *ms) {
  j_object(w, NULL);
  j_str(w, "name", ex_str(w->m, ms->name));
  j_mstr(w, "phrase", ms->phrase);
  j_str(w, "op", ms->op);
  js_key(&w->js, "value");
  if (ms->op) js_real(&w->js, ms->value); else js_null(&w->js);
  j_bool(w, "percent", ms->percent);
  j_mstr(w, "unit", ms->unit);
  j_str(w, "period", ms->period ? dl_period_name((dl_period)ms->period) : NULL);
  if (ms->by_year) j_int(w, "by", ms->by_year); else j_str(w, "by", NULL);
  j_close(w);
}


static void j_items(jw *w, const md_item *parent);

static void j_item(jw *w, const md_item *it) {
  md_model *m = w->m;
  j_object(w, NULL);
  j_str(w, "id", it->id);
  j_str(w, "kind", md_item_kind_name(it->kind));
  j_str(w, "label", it->label.n ? ex_slice(m, it->label) : NULL);
  j_int(w, "line", (long)src_position(m->src, it->loc.file, it->loc.off).line);
  j_strs(w, "texts", it->texts);
  j_refs(w, "owners", it->owners);
  j_refs(w, "with", it->with);
  j_refs(w, "reports", it->reports);
  j_refs(w, "via", it->via);
  j_array(w, "dues");
  for (const md_due *d = it->dues; d; d = d->next) j_due(w, d, it->plan);
  j_close(w);
  j_array(w, "links");
  for (const md_link *l = it->implements; l; l = l->next) j_link(w, l);
  j_close(w);
  /* What a child's link to this task records after review (`accept`). The
   * cast only lets cs_fingerprint cache the hash on the item. */
  j_str(w, "fingerprint", it->kind == MD_TASK ? cs_fingerprint(m, (md_item *)it) : NULL);
  j_levels(w, "cascade", it->cascade & md_plan_levels(it->plan));
  j_levels(w, "scope", it->scope);
  j_array(w, "measures");
  for (const md_measure *ms = it->measures; ms; ms = ms->next) j_measure(w, ms);
  j_close(w);
  j_strs(w, "notes", it->notes);
  if (it->kind == MD_WAIVER) {
    j_mstr(w, "reason", it->reason);
    j_day(w, "until", it->until, 1);
  }
  j_items(w, it);
  j_close(w);
}

static void j_items(jw *w, const md_item *parent) {
  j_array(w, "items");
  for (const md_item *it = parent->first; it; it = it->next) j_item(w, it);
  j_close(w);
}

static void j_parents(jw *w, const md_parent *list);

/* What a child says of a parent whose text may not be at hand. */
static void j_description(jw *w, const md_plan *d) {
  if (!d) { j_str(w, "description", NULL); return; }
  j_object(w, "description");
  j_mstr(w, "title", d->title);
  j_day(w, "date", d->date, d->date_known);
  j_str(w, "level", d->level ? md_level_name(w->m, d->level) : NULL);
  j_mstr(w, "unavailable", d->unavailable);
  j_parents(w, d->parents);
  j_close(w);
}

static void j_parents(jw *w, const md_parent *list) {
  j_array(w, "parents");
  for (const md_parent *par = list; par; par = par->next) {
    j_object(w, NULL);
    j_str(w, "number", ex_str(w->m, par->number));
    j_mstr(w, "path", par->path);
    j_bool(w, "available", par->plan != NULL);
    j_str(w, "file", par->plan ? w->m->src->files[par->plan->file].path : NULL);
    j_description(w, par->desc);
    j_close(w);
  }
  j_close(w);
}

static int is_input(const md_plan *p, md_plan *const *plans, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (plans[i] == p) return 1;
  return 0;
}

static void j_plan(jw *w, const md_plan *p, int input) {
  md_model *m = w->m;
  j_object(w, NULL);
  j_str(w, "key", ex_key_of(m, p));
  j_bool(w, "numbered", p->numbered);
  j_bool(w, "input", input);
  j_str(w, "file", m->src->files[p->file].path);
  j_mstr(w, "kind", p->kind);
  j_mstr(w, "title", p->title);
  j_ref(w, "issuer", p->issuer);
  j_str(w, "level", p->level ? md_level_name(m, p->level) : NULL);
  j_day(w, "date", p->date, p->date_known);
  j_mstr(w, "place", p->place);
  j_mstr(w, "signer", p->signer);
  j_mstr(w, "role", p->role);
  j_strs(w, "basis", p->basis);
  j_strs(w, "recipients", p->recipients);
  j_strs(w, "notes", p->notes);
  j_parents(w, p->parents);
  j_items(w, &p->root);
  j_close(w);
}

static void j_body(jw *w, const md_body *b) {
  md_model *m = w->m;
  j_object(w, NULL);
  j_str(w, "id", ex_slice(m, b->id));
  j_str(w, "name", ex_str(m, b->name));
  j_str(w, "level", b->level ? md_level_name(m, b->level) : NULL);
  j_strs(w, "aliases", b->aliases);
  j_refs(w, "counterparts", b->counterparts);
  j_levels(w, "addresses", b->addresses);
  j_levels(w, "exists", b->exists);
  j_close(w);
}

/* Output another writer makes, as one value. */
static void j_raw_begin(jw *w, const char *k) {
  js_key(&w->js, k);
  js_external(&w->js);
}

/* The whole model. The coverage and the findings are written by the
 * writers of `coverage --format=json` and `check --format=json`, so the
 * three documents always agree. */
void ex_json_document(FILE *out, md_model *m, md_plan *const *plans, size_t n, ex_when when) {
  dt_day as_of = when.as_of;
  jw w;
  js_init(&w.js, out, JS_PRETTY);
  w.m = m;
  j_object(&w, NULL);
  j_str(&w, "format", "plancheck-report");
  j_int(&w, "version", 1);
  j_day(&w, "as_of", as_of, 1);
  j_array(&w, "inputs");
  for (size_t i = 0; i < n; i++) j_str(&w, NULL, ex_key_of(m, plans[i]));
  j_close(&w);
  j_array(&w, "plans");
  for (const md_plan *p = m->plans; p; p = p->next)
    if (!p->is_described) j_plan(&w, p, is_input(p, plans, n));
  j_close(&w);
  j_array(&w, "bodies");
  for (const md_body *b = m->bodies; b; b = b->next) j_body(&w, b);
  j_close(&w);
  cs_coverage **c = ar_alloc(m->arena, (n ? n : 1) * sizeof *c);
  for (size_t i = 0; i < n; i++) c[i] = cs_coverage_of(m, plans[i], as_of);
  j_raw_begin(&w, "coverage");
  ex_json_coverage(out, m, c, n, 0);
  j_raw_begin(&w, "findings");
  dg_print_json(out, m->src, m->diags);
  j_close(&w);
  fputc('\n', out);
}

