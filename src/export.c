/* export: the table of output formats, and what the documents share;
 * see export.h and docs/REPORTS.md. */
#include "export.h"

#include <string.h>

#include "html.h"
#include "lang.h"
#include "report.h"
#include "text.h"

/* ---- text of the model, in NFC, as C strings in the arena ---- */

static const char *nfc(md_model *m, const char *p, size_t n) {
  sl_slice s = tx_nfc(m->arena, p, n);
  return ar_strndup(m->arena, s.p, s.n);
}

const char *ex_str(md_model *m, md_str s) { return nfc(m, s.value.p, s.value.n); }
const char *ex_slice(md_model *m, sl_slice s) { return nfc(m, s.p, s.n); }

/* A body as the document names it: its name, or the reference's own text
 * when it names no declared body. */
const char *ex_ref_name(md_model *m, const md_ref *r) {
  return r->body ? ex_str(m, r->body->name) : ex_slice(m, r->text);
}

/* Names joined by `sep`; "; " in the annex, because body names themselves
 * hold commas ("Tổ công tác liên ngành, huyện"). */
const char *ex_names_of(md_model *m, const md_ref *refs, const char *sep) {
  dg_buf b = dg_buf_in(m->arena);
  for (const md_ref *r = refs; r; r = r->next) {
    const char *name = ex_ref_name(m, r);
    dg_buf_item(&b, sep, name, strlen(name));
  }
  return dg_buf_text(&b);
}

const char *ex_paragraphs(md_model *m, const md_strs *texts, const char *sep) {
  dg_buf b = dg_buf_in(m->arena);
  for (const md_strs *t = texts; t; t = t->next) {
    const char *text = ex_str(m, t->s);
    if (t != texts) dg_buf_add(&b, sep, strlen(sep));
    dg_buf_add(&b, text, strlen(text));
  }
  return dg_buf_text(&b);
}

/* A due as printed, its `for` part in parentheses:
 * "quý IV năm 2024 (báo cáo tổng kết)". */
const char *ex_due_text(md_model *m, const md_due *d) {
  if (!d->what.value.n) return ex_str(m, d->phrase);
  return dg_fmt(m->arena, "%s (%s)", ex_str(m, d->phrase), ex_str(m, d->what));
}

const char *ex_dues_text(md_model *m, const md_item *it, const char *sep) {
  dg_buf b = dg_buf_in(m->arena);
  for (const md_due *d = it->dues; d; d = d->next) {
    const char *t = ex_due_text(m, d);
    dg_buf_item(&b, sep, t, strlen(t));
  }
  return dg_buf_text(&b);
}

const char *ex_key_of(md_model *m, const md_plan *p) { return ex_slice(m, p->key); }

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
const char *ex_plan_heading(md_model *m, const md_plan *p) {
  const char *kind = p->kind.value.n ? ex_str(m, p->kind) : _("PLAN");
  if (p->numbered) return dg_fmt(m->arena, _("%s No. %s%s"), kind, ex_key_of(m, p), printed_date(m, p));
  return dg_fmt(m->arena, "%s (%s)%s", kind, ex_key_of(m, p), printed_date(m, p));
}

int ex_has_task(const md_item *it) {
  for (const md_item *c = it->first; c; c = c->next)
    if (c->kind == MD_TASK || ex_has_task(c)) return 1;
  return 0;
}

/* ---- the annex table: md and csv ---- */

/* One row of the annex: a task, or a section as a group row (heading in
 * Nội dung, the other cells empty). Sections with no task below them (the
 * purposes, the goals) are prose, not part of the table. */
void ex_annex_rows(FILE *out, md_model *m, const md_plan *p, const md_item *parent, ex_annex_row row) {
  for (const md_item *it = parent->first; it; it = it->next) {
    if (it->kind == MD_TASK || (it->kind == MD_SECTION && ex_has_task(it))) row(out, m, p, it);
    if (it->kind == MD_TASK || it->kind == MD_SECTION) ex_annex_rows(out, m, p, it, row);
  }
}

/* The columns of an annex, as a Vietnamese annex heads them (STT, Nội
 * dung, Chủ trì, Phối hợp, Thời hạn) or their English. */
const char *const ex_annex_headings[5] = { N_("No."), N_("Content"), N_("Lead"), N_("With"), N_("Deadline") };

/* ---- the formats ---- */

/* The HTML page has its own module (src/html.c); it alone uses the window. */
static void write_html(FILE *out, md_model *m, md_plan *const *plans, size_t n, ex_when when) {
  ht_write(out, m, plans, n, when.as_of, when.within);
}

/* Every output format, as Lua's linit.c lists the libraries: a format's
 * file gives the document of `report --format NAME` and what it prints
 * for the commands. The documents' order is the one messages list. */
static const ex_format formats[] = {
  { "md", EX_BUILTIN, ex_md_document, ex_md_coverage, NULL, NULL, NULL },
  { "csv", EX_BUILTIN, ex_csv_document, ex_csv_coverage, NULL, NULL, NULL },
  { "json", EX_BUILTIN | EX_FINDINGS, ex_json_document, ex_json_coverage, ex_json_suggest, ex_json_evaluate,
    ex_json_agenda },
  { "ics", EX_BUILTIN, ex_ics_document, NULL, NULL, NULL, NULL },
  { "dot", EX_BUILTIN, ex_dot_document, NULL, NULL, NULL, NULL },
  { "html", EX_BUILTIN | EX_FINDINGS, write_html, NULL, NULL, NULL, NULL },
  { "text", 0, NULL, ex_text_coverage, ex_text_suggest, ex_text_evaluate, ex_text_agenda },
};

enum { NFORMATS = sizeof formats / sizeof *formats };

const ex_format *ex_format_named(const char *name) {
  for (size_t i = 0; i < NFORMATS; i++)
    if (strcmp(formats[i].name, name) == 0) return &formats[i];
  return NULL;
}

int ex_find(const char *name) {
  const ex_format *f = ex_format_named(name);
  return f ? f->flags : 0;
}

const char *ex_names(ar_arena *a) {
  dg_buf b = dg_buf_in(a);
  for (size_t i = 0; i < NFORMATS; i++)
    if (formats[i].document) dg_buf_item(&b, ", ", formats[i].name, strlen(formats[i].name));
  return dg_buf_text(&b);
}

void ex_write(FILE *out, md_model *m, md_plan *const *plans, size_t n, const char *name, ex_when when) {
  const ex_format *f = ex_format_named(name);
  if (f && f->document) f->document(out, m, plans, n, when);
}

/* The format a command prints in (parse_args let only those through that
 * it has). */
static const ex_format *command_format(rp_format f) { return ex_format_named(rp_format_name(f)); }

void ex_coverage(FILE *out, md_model *m, cs_coverage *const *c, size_t n, rp_format f, int explain) {
  command_format(f)->coverage(out, m, c, n, explain);
}

void ex_suggest(FILE *out, md_model *m, const sg_target *t, size_t n, rp_format f) {
  command_format(f)->suggest(out, m, t, n);
}

void ex_evaluate(FILE *out, md_model *m, cs_coverage *const *c, const sg_eval *each, size_t n, const sg_eval *total,
                 rp_format f) {
  command_format(f)->evaluate(out, m, c, each, n, total);
}

void ex_agenda(FILE *out, md_model *m, ag_agenda *const *a, size_t n, rp_format f) {
  command_format(f)->agenda(out, m, a, n);
}
