/* export: the built-in report formats; see export.h and docs/REPORTS.md. */
#include "export.h"

#include <string.h>

#include "cascade.h"
#include "html.h"
#include "json.h"
#include "lang.h"
#include "report.h"
#include "text.h"

/* ---- text of the model, in NFC, as C strings in the arena ---- */

static const char *nfc(md_model *m, const char *p, size_t n) {
  sl_slice s = tx_nfc(m->arena, p, n);
  return ar_strndup(m->arena, s.p, s.n);
}

static const char *str(md_model *m, md_str s) { return nfc(m, s.value.p, s.value.n); }
static const char *slice(md_model *m, sl_slice s) { return nfc(m, s.p, s.n); }

/* A body as the document names it: its name, or the reference's own text
 * when it names no declared body. */
static const char *ref_name(md_model *m, const md_ref *r) {
  return r->body ? str(m, r->body->name) : slice(m, r->text);
}

/* Names joined by `sep`; "; " in the annex, because body names themselves
 * hold commas ("Tổ công tác liên ngành, huyện"). */
static const char *names(md_model *m, const md_ref *refs, const char *sep) {
  dg_buf b = dg_buf_in(m->arena);
  for (const md_ref *r = refs; r; r = r->next) {
    const char *name = ref_name(m, r);
    dg_buf_item(&b, sep, name, strlen(name));
  }
  return dg_buf_text(&b);
}

static const char *paragraphs(md_model *m, const md_strs *texts, const char *sep) {
  dg_buf b = dg_buf_in(m->arena);
  for (const md_strs *t = texts; t; t = t->next) {
    const char *text = str(m, t->s);
    if (t != texts) dg_buf_add(&b, sep, strlen(sep));
    dg_buf_add(&b, text, strlen(text));
  }
  return dg_buf_text(&b);
}

/* A due as printed, its `for` part in parentheses:
 * "quý IV năm 2024 (báo cáo tổng kết)". */
static const char *due_text(md_model *m, const md_due *d) {
  if (!d->what.value.n) return str(m, d->phrase);
  return dg_fmt(m->arena, "%s (%s)", str(m, d->phrase), str(m, d->what));
}

static const char *dues_text(md_model *m, const md_item *it, const char *sep) {
  dg_buf b = dg_buf_in(m->arena);
  for (const md_due *d = it->dues; d; d = d->next) {
    const char *t = due_text(m, d);
    dg_buf_item(&b, sep, t, strlen(t));
  }
  return dg_buf_text(&b);
}

static const char *key_of(md_model *m, const md_plan *p) { return slice(m, p->key); }

/* " ngày 28/11/2022" as a document prints its date (" of 2022-11-28" in
 * English), or "". */
static const char *printed_date(md_model *m, const md_plan *p) {
  if (!p->date_known) return "";
  char day[11];
  lg_day(p->date, day);
  return dg_fmt(m->arena, _(" of %s"), day);
}

/* "KẾ HOẠCH số 12-KH/TW ngày 28/11/2022" (in English "KẾ HOẠCH No.
 * 12-KH/TW of 2022-11-28": the kind is the document's own); an unnumbered
 * plan shows its key in parentheses, since the document prints no number. */
static const char *plan_heading(md_model *m, const md_plan *p) {
  const char *kind = p->kind.value.n ? str(m, p->kind) : _("PLAN");
  if (p->numbered) return dg_fmt(m->arena, _("%s No. %s%s"), kind, key_of(m, p), printed_date(m, p));
  return dg_fmt(m->arena, "%s (%s)%s", kind, key_of(m, p), printed_date(m, p));
}

static int has_task(const md_item *it) {
  for (const md_item *c = it->first; c; c = c->next)
    if (c->kind == MD_TASK || has_task(c)) return 1;
  return 0;
}

/* ---- the annex table: md and csv ---- */

/* One row of the annex: a task, or a section as a group row (heading in
 * Nội dung, the other cells empty). Sections with no task below them (the
 * purposes, the goals) are prose, not part of the table. */
typedef void (*annex_row)(FILE *out, md_model *m, const md_plan *p, const md_item *it);

static void annex_rows(FILE *out, md_model *m, const md_plan *p, const md_item *parent, annex_row row) {
  for (const md_item *it = parent->first; it; it = it->next) {
    if (it->kind == MD_TASK || (it->kind == MD_SECTION && has_task(it))) row(out, m, p, it);
    if (it->kind == MD_TASK || it->kind == MD_SECTION) annex_rows(out, m, p, it, row);
  }
}

/* The columns of an annex, as a Vietnamese annex heads them (STT, Nội
 * dung, Chủ trì, Phối hợp, Thời hạn) or their English. */
static const char *const annex_headings[] = { N_("No."), N_("Content"), N_("Lead"), N_("With"), N_("Deadline") };

static void md_row(FILE *out, md_model *m, const md_plan *p, const md_item *it) {
  (void)p;
  fputc('|', out);
  if (it->kind == MD_SECTION) {
    rp_md_cell(out, dg_fmt(m->arena, "**%s**", md_local_id(it)));
    rp_md_cell(out, dg_fmt(m->arena, "**%s**", paragraphs(m, it->texts, " ")));
    fputs(" | | |\n", out);
    return;
  }
  rp_md_cell(out, md_local_id(it));
  rp_md_cell(out, paragraphs(m, it->texts, "<br>"));
  rp_md_cell(out, names(m, it->owners, "; "));
  rp_md_cell(out, names(m, it->with, "; "));
  rp_md_cell(out, dues_text(m, it, "; "));
  fputc('\n', out);
}

static void write_md(FILE *out, md_model *m, md_plan *const *plans, size_t n, ex_when when) {
  (void)when;
  for (size_t i = 0; i < n; i++) {
    const md_plan *p = plans[i];
    fprintf(out, "%s## %s\n\n", i ? "\n" : "", plan_heading(m, p));
    if (p->title.value.n) fprintf(out, "%s\n\n", str(m, p->title));
    fputc('|', out);
    for (size_t k = 0; k < 5; k++) rp_md_cell(out, _(annex_headings[k]));
    fputs("\n| --- | --- | --- | --- | --- |\n", out);
    annex_rows(out, m, p, &p->root, md_row);
  }
}

static void csv_row(FILE *out, md_model *m, const md_plan *p, const md_item *it) {
  rp_csv_field(out, key_of(m, p), 0);
  rp_csv_field(out, md_local_id(it), 0);
  int task = it->kind == MD_TASK;
  rp_csv_field(out, paragraphs(m, it->texts, "\n"), 0);
  rp_csv_field(out, task ? names(m, it->owners, "; ") : "", 0);
  rp_csv_field(out, task ? names(m, it->with, "; ") : "", 0);
  rp_csv_field(out, task ? dues_text(m, it, "; ") : "", 1);
}

/* One table for all the plans, the first column naming each row's plan, so
 * a spreadsheet can sort and filter them together. A UTF-8 byte-order mark
 * first: Excel reads a CSV without one in the machine's code page and
 * garbles the Vietnamese; RFC 4180 readers (and Python's "utf-8-sig",
 * LibreOffice) accept it. */
static void write_csv(FILE *out, md_model *m, md_plan *const *plans, size_t n, ex_when when) {
  (void)when;
  fputs("\xEF\xBB\xBF", out);
  rp_csv_field(out, _("Plan"), 0);
  for (size_t k = 0; k < 5; k++) rp_csv_field(out, _(annex_headings[k]), k == 4);
  for (size_t i = 0; i < n; i++) annex_rows(out, m, plans[i], &plans[i]->root, csv_row);
}

/* ---- json ---- */

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
static void j_mstr(jw *w, const char *k, md_str s) { j_str(w, k, s.value.n ? str(w->m, s) : NULL); }

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
  for (const md_strs *s = list; s; s = s->next) j_str(w, NULL, str(w->m, s->s));
  j_close(w);
}

/* A body as {id, name}; id is null for a reference that names no body. */
static void j_ref(jw *w, const char *k, const md_ref *r) {
  if (!r) { j_str(w, k, NULL); return; }
  j_object(w, k);
  j_str(w, "id", r->body ? slice(w->m, r->body->id) : NULL);
  j_str(w, "name", ref_name(w->m, r));
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
    j_str(w, "doc", d->event_doc.n ? slice(w->m, d->event_doc) : NULL);
    j_str(w, "issuer", d->event_issuer.n ? slice(w->m, d->event_issuer) : NULL);
    j_close(w);
  } else {
    j_str(w, "event", NULL);
  }
  j_str(w, "issuer", d->kind != DL_EVENT && d->event_issuer.n ? slice(w->m, d->event_issuer) : NULL);
  j_str(w, "plan", d->plan_ref.n ? slice(w->m, d->plan_ref) : NULL);
  j_close(w);
}

static void j_due(jw *w, const md_due *d, const md_plan *plan) {
  j_object(w, NULL);
  j_str(w, "phrase", str(w->m, d->phrase));
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
  j_str(w, "target", str(w->m, l->target));
  j_bool(w, "resolved", l->item != NULL);
  j_mstr(w, "fingerprint", l->fingerprint);
  j_str(w, "current", l->item && l->item->kind == MD_TASK ? cs_fingerprint(w->m, l->item) : NULL);
  j_mstr(w, "reassigned", l->reason);
  j_close(w);
}

static void j_measure(jw *w, const md_measure *ms) {
  j_object(w, NULL);
  j_str(w, "name", str(w->m, ms->name));
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
  j_str(w, "label", it->label.n ? slice(m, it->label) : NULL);
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
    j_str(w, "number", str(w->m, par->number));
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
  j_str(w, "key", key_of(m, p));
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
  j_str(w, "id", slice(m, b->id));
  j_str(w, "name", str(m, b->name));
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
static void write_json(FILE *out, md_model *m, md_plan *const *plans, size_t n, ex_when when) {
  dt_day as_of = when.as_of;
  jw w;
  js_init(&w.js, out, JS_PRETTY);
  w.m = m;
  j_object(&w, NULL);
  j_str(&w, "format", "plancheck-report");
  j_int(&w, "version", 1);
  j_day(&w, "as_of", as_of, 1);
  j_array(&w, "inputs");
  for (size_t i = 0; i < n; i++) j_str(&w, NULL, key_of(m, plans[i]));
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
  rp_coverage(out, m, c, n, RP_JSON);
  j_raw_begin(&w, "findings");
  dg_print_json(out, m->src, m->diags);
  j_close(&w);
  fputc('\n', out);
}

/* ---- ics ---- */

/* One content line, folded (RFC 5545 3.1): at most 75 octets a line, the
 * rest on lines that start with a space, never inside a UTF-8 sequence. */
static void ics_line(FILE *out, const char *s) {
  size_t n = strlen(s), limit = 75;
  while (n) {
    size_t take = n < limit ? n : limit;
    while (take < n && take > 1 && ((unsigned char)s[take] & 0xC0) == 0x80) take--;
    fwrite(s, 1, take, out);
    fputs("\r\n", out);
    s += take;
    n -= take;
    if (n) fputc(' ', out);
    limit = 74;
  }
}

/* A TEXT value: backslash, comma, semicolon and line breaks escaped. */
static const char *ics_text(md_model *m, const char *s) {
  size_t n = strlen(s), o = 0;
  char *t = ar_alloc(m->arena, 2 * n + 1);
  for (; *s; s++) {
    if (*s == '\\' || *s == ',' || *s == ';') t[o++] = '\\';
    if (*s == '\n') { t[o++] = '\\'; t[o++] = 'n'; continue; }
    t[o++] = *s;
  }
  return t;
}

static const char *ics_date(md_model *m, dt_day d) {
  int y, mo, dd;
  dt_to_ymd(d, &y, &mo, &dd);
  return dg_fmt(m->arena, "%04d%02d%02d", y, mo, dd);
}

typedef struct ics_event {
  const md_plan *plan;
  const md_item *task;
  const md_due *due;
  int due_no, part_no;
  dt_day day;                /* the (first) last day allowed */
  const char *rrule;         /* recurring: the rule, else NULL */
} ics_event;

static void ics_event_write(FILE *out, md_model *m, const ics_event *e, dt_day as_of) {
  const md_item *t = e->task;
  const char *number = md_local_id(t);
  const char *with = names(m, t->with, "; ");
  const char *desc = dg_fmt(m->arena, _("%s\n\n%s\nLead: %s%s%s\nDeadline: %s"), paragraphs(m, t->texts, "\n"),
                            plan_heading(m, e->plan), names(m, t->owners, "; "), *with ? _("\nWith: ") : "", with,
                            due_text(m, e->due));
  ics_line(out, "BEGIN:VEVENT");
  ics_line(out, dg_fmt(m->arena, "UID:%s", ics_text(m, dg_fmt(m->arena, "%s/due%d/part%d@plancheck", t->id, e->due_no,
                                                                e->part_no))));
  ics_line(out, dg_fmt(m->arena, "DTSTAMP:%sT000000Z", ics_date(m, as_of)));
  ics_line(out, dg_fmt(m->arena, "DTSTART;VALUE=DATE:%s", ics_date(m, e->day)));
  ics_line(out, dg_fmt(m->arena, "DTEND;VALUE=DATE:%s", ics_date(m, e->day + 1)));
  if (e->rrule) ics_line(out, dg_fmt(m->arena, "RRULE:%s", e->rrule));
  ics_line(out, dg_fmt(m->arena, "SUMMARY:%s", ics_text(m, dg_fmt(m->arena, "%s: %s", number, cs_excerpt(m, t, 60)))));
  ics_line(out, dg_fmt(m->arena, "DESCRIPTION:%s", ics_text(m, desc)));
  ics_line(out, "TRANSP:TRANSPARENT");
  ics_line(out, "END:VEVENT");
}

/* The first day a recurring duty falls due on or after `from` (the last day
 * of its month, quarter or year), and its rule; 0 for a duty with no
 * calendar ("theo nhiệm kỳ", "định kỳ"). */
static int recurrence(md_model *m, const dl_deadline *d, dt_day from, dt_day *first, const char **rule) {
  int y, mo, dd;
  dt_to_ymd(from, &y, &mo, &dd);
  switch (d->period) {
  case DL_PERIOD_YEAR:
    if (d->month >= 1 && d->month <= 12) {
      *first = dt_month(y, d->month).last;
      if (*first < from) *first = dt_month(y + 1, d->month).last;
      *rule = dg_fmt(m->arena, "FREQ=YEARLY;BYMONTH=%d;BYMONTHDAY=-1", d->month);
    } else {
      *first = dt_year(y).last;
      *rule = "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=-1";
    }
    return 1;
  case DL_PERIOD_QUARTER:
    *first = dt_quarter(y, (mo - 1) / 3 + 1).last;
    *rule = "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1";
    return 1;
  case DL_PERIOD_MONTH:
    *first = dt_month(y, mo).last;
    *rule = "FREQ=MONTHLY;BYMONTHDAY=-1";
    return 1;
  default:
    return 0;
  }
}

/* The event a part of a due gives, if it has a day: a dated part on the
 * last day it allows; a recurring duty from its first occurrence on or
 * after the plan's date (or the start of the as-of year when the date is
 * unknown). Parts of another level's stage are not this plan's. */
static int ics_part(md_model *m, ics_event *e, const dl_deadline *d, dt_day as_of) {
  if (!md_applies(m, e->plan->structure, d, e->plan->level)) return 0;
  e->rrule = NULL;
  if (d->kind == DL_RECURRING) {
    int y, mo, dd;
    dt_to_ymd(as_of, &y, &mo, &dd);
    return recurrence(m, d, e->plan->date_known ? e->plan->date : dt_year(y).first, &e->day, &e->rrule);
  }
  if (d->kind == DL_CONTINUOUS) return 0;
  e->day = dl_span(d).last;
  return e->day != DT_MAX;
}

typedef struct ics_walk {
  FILE *out;
  md_model *m;
  const md_plan *plan;
  dt_day as_of;
} ics_walk;

static int ics_task(md_item *t, void *ctx) {
  ics_walk *w = ctx;
  if (t->kind != MD_TASK) return 0;
  ics_event e = { .plan = w->plan, .task = t };
  for (const md_due *due = t->dues; due; due = due->next) {
    e.due = due;
    e.due_no++;
    e.part_no = 0;
    for (const dl_deadline *d = due->dl; d; d = d->next) {
      e.part_no++;
      if (ics_part(w->m, &e, d, w->as_of)) ics_event_write(w->out, w->m, &e, w->as_of);
    }
  }
  return 0;
}

static void write_ics(FILE *out, md_model *m, md_plan *const *plans, size_t n, ex_when when) {
  dt_day as_of = when.as_of;
  ics_line(out, "BEGIN:VCALENDAR");
  ics_line(out, "VERSION:2.0");
  ics_line(out, lg_current() == LG_VI ? "PRODID:-//plancheck//plancheck report//VI" : "PRODID:-//plancheck//plancheck report//EN");
  ics_line(out, "CALSCALE:GREGORIAN");
  dg_buf keys = dg_buf_in(m->arena);
  for (size_t i = 0; i < n; i++) {
    const char *k = key_of(m, plans[i]);
    if (i) dg_buf_add(&keys, ", ", 2);
    dg_buf_add(&keys, k, strlen(k));
  }
  ics_line(out, dg_fmt(m->arena, "X-WR-CALNAME:%s", ics_text(m, dg_fmt(m->arena, _("Deadlines: %s"), dg_buf_text(&keys)))));
  for (size_t i = 0; i < n; i++) {
    ics_walk w = { out, m, plans[i], as_of };
    md_walk(&plans[i]->root, ics_task, &w);
  }
  ics_line(out, "END:VCALENDAR");
}

/* ---- dot ---- */

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
  const char *label = dg_fmt(m->arena, "%s\n(%s)", str(m, par->number), why);
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
  dot_q(out, plan_heading(m, p));
  fputs(";\n    style=rounded;\n    ", out);
  dot_q(out, plan_node(m, p->key));
  fputs(" [shape=box, style=bold, label=", out);
  dot_q(out, dg_fmt(m->arena, "%s\n%s", key_of(m, p), p->level ? cs_level_text(m, p->level) : _("unknown level")));
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
static void write_dot(FILE *out, md_model *m, md_plan *const *plans, size_t n, ex_when when) {
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

/* ---- the formats ---- */

/* The HTML page has its own module (src/html.c); it alone uses the window. */
static void write_html(FILE *out, md_model *m, md_plan *const *plans, size_t n, ex_when when) {
  ht_write(out, m, plans, n, when.as_of, when.within);
}

static const struct {
  const char *name;
  ex_writer write;
  int flags;
} formats[] = {
  { "md", write_md, EX_BUILTIN },
  { "csv", write_csv, EX_BUILTIN },
  { "json", write_json, EX_BUILTIN | EX_FINDINGS },
  { "ics", write_ics, EX_BUILTIN },
  { "dot", write_dot, EX_BUILTIN },
  { "html", write_html, EX_BUILTIN | EX_FINDINGS },
};

enum { NFORMATS = sizeof formats / sizeof *formats };

int ex_find(const char *name) {
  for (size_t i = 0; i < NFORMATS; i++)
    if (strcmp(formats[i].name, name) == 0) return formats[i].flags;
  return 0;
}

const char *ex_names(ar_arena *a) {
  const char *s = "";
  for (size_t i = 0; i < NFORMATS; i++) s = dg_fmt(a, "%s%s%s", s, i ? ", " : "", formats[i].name);
  return s;
}

void ex_write(FILE *out, md_model *m, md_plan *const *plans, size_t n, const char *name, ex_when when) {
  for (size_t i = 0; i < NFORMATS; i++)
    if (strcmp(formats[i].name, name) == 0) formats[i].write(out, m, plans, n, when);
}
