/* export: every output format behind one table (export.c, as Lua's
 * linit.c lists its libraries), each in a file of its own:
 *
 *   export_text.c  coverage, suggest and agenda as a terminal shows them
 *   export_json.c  their JSON, and `report --format json`: the whole model
 *                  with the coverage of each plan and the findings
 *   export_md.c    the coverage table; the annex offices print (STT | Nội
 *                  dung | Chủ trì | Phối hợp | Thời hạn)
 *   export_csv.c   the same as CSV
 *   export_ics.c   the deadlines and recurring duties as an iCalendar
 *   export_dot.c   the cascade as a Graphviz graph
 *   html.c         the page: plan, coverage, timeline, agenda, findings
 *
 * A document (`report --format NAME`) reads the resolved (and, for json
 * and html, checked) model and writes one document for all the plans
 * given to the FILE* it is handed; a command's output renders what the
 * command computed (coverage, suggestions, agenda). They print nothing
 * else and report nothing. docs/REPORTS.md describes every format.
 * Layer: report; calls report (what the formats share), html, json,
 * cascade, suggest, agenda, progress, deadline, model, diag, text. */
#ifndef PLANCHECK_EXPORT_H
#define PLANCHECK_EXPORT_H

#include <stdio.h>

#include "model.h"
#include "report.h"

/* What ex_find answers about a format name. */
enum {
  EX_BUILTIN = 1,            /* the format is built in */
  EX_FINDINGS = 2,           /* its document holds the findings: run every
                                check before writing it */
};

/* The day a document is written as of, and how many days ahead its
 * agenda looks (the HTML page's). */
typedef struct ex_when {
  dt_day as_of;
  int within;
} ex_when;

/* One built-in format: writes the document of plans[0..n) (the plans named
 * on the command line, in order). */
typedef void (*ex_writer)(FILE *out, md_model *m, md_plan *const *plans, size_t n, ex_when when);

/* A format: its document (NULL: none) and what it prints for the commands
 * (NULL: the command does not print in it). */
typedef struct ex_format {
  const char *name;
  int flags;                 /* EX_BUILTIN for a document, | EX_FINDINGS */
  ex_writer document;
  void (*coverage)(FILE *out, md_model *m, cs_coverage *const *c, size_t n, int explain);
  void (*suggest)(FILE *out, md_model *m, const sg_target *t, size_t n);
  void (*evaluate)(FILE *out, md_model *m, cs_coverage *const *c, const sg_eval *each, size_t n,
                   const sg_eval *total);
  void (*agenda)(FILE *out, md_model *m, ag_agenda *const *a, size_t n);
} ex_format;

/* The format of that name, or NULL. */
const ex_format *ex_format_named(const char *name);

/* EX_BUILTIN (| EX_FINDINGS) when `name` is a built-in document format,
 * else 0. */
int ex_find(const char *name);

/* The built-in document names, "md, csv, ...", for messages; in the arena. */
const char *ex_names(ar_arena *a);

/* Writes the document in built-in format `name` (ex_find(name) != 0). */
void ex_write(FILE *out, md_model *m, md_plan *const *plans, size_t n, const char *name, ex_when when);

/* What the commands print, in format f:
 * ex_coverage: the coverage of each child, one after the other (JSON: one
 *   array); with `explain`, why each directive is addressed to the child's
 *   level (text: a line under its row; Markdown and CSV: in the note;
 *   JSON: "why"), and, in text and JSON, the parent's other directives
 *   with why they are not;
 * ex_suggest: the suggestions for every uncovered directive of each
 *   target (sg_suggest; text or JSON);
 * ex_evaluate: the leave-one-out measurement of each child c[i] (each[i])
 *   and the total (sg_evaluate_all; text or JSON);
 * ex_agenda: the agenda of each plan (text, grouped by owner; or JSON:
 *   one array). */
void ex_coverage(FILE *out, md_model *m, cs_coverage *const *c, size_t n, rp_format f, int explain);
void ex_suggest(FILE *out, md_model *m, const sg_target *t, size_t n, rp_format f);
void ex_evaluate(FILE *out, md_model *m, cs_coverage *const *c, const sg_eval *each, size_t n, const sg_eval *total,
                 rp_format f);
void ex_agenda(FILE *out, md_model *m, ag_agenda *const *a, size_t n, rp_format f);

/* ---- for the format files ---- */

/* Text of the model in NFC, as C strings in the arena: a string, a slice,
 * a body as the document names it (its name, or the reference's own text
 * when it names no declared body), names joined by `sep` ("; " in the
 * annex: body names hold commas), paragraphs joined by `sep`, a due as
 * printed ("quý IV năm 2024 (báo cáo tổng kết)"), all of an item's, a
 * plan's key, and its heading ("KẾ HOẠCH số 12-KH/TW ngày 28/11/2022"). */
const char *ex_str(md_model *m, md_str s);
const char *ex_slice(md_model *m, sl_slice s);
const char *ex_ref_name(md_model *m, const md_ref *r);
const char *ex_names_of(md_model *m, const md_ref *refs, const char *sep);
const char *ex_paragraphs(md_model *m, const md_strs *texts, const char *sep);
const char *ex_due_text(md_model *m, const md_due *d);
const char *ex_dues_text(md_model *m, const md_item *it, const char *sep);
const char *ex_key_of(md_model *m, const md_plan *p);
const char *ex_plan_heading(md_model *m, const md_plan *p);
int ex_has_task(const md_item *it);

/* The annex: one row a task, or a section as a group row (heading in Nội
 * dung, the other cells empty); sections with no task below them (the
 * purposes, the goals) are prose, not part of the table. The columns as a
 * Vietnamese annex heads them (STT, Nội dung, Chủ trì, Phối hợp, Thời
 * hạn) or their English (N_). */
typedef void (*ex_annex_row)(FILE *out, md_model *m, const md_plan *p, const md_item *it);
void ex_annex_rows(FILE *out, md_model *m, const md_plan *p, const md_item *parent, ex_annex_row row);
extern const char *const ex_annex_headings[5];

/* Each format's parts (the table's entries). */
void ex_text_coverage(FILE *out, md_model *m, cs_coverage *const *c, size_t n, int explain);
void ex_text_suggest(FILE *out, md_model *m, const sg_target *t, size_t n);
void ex_text_evaluate(FILE *out, md_model *m, cs_coverage *const *c, const sg_eval *each, size_t n,
                      const sg_eval *total);
void ex_text_agenda(FILE *out, md_model *m, ag_agenda *const *a, size_t n);
void ex_json_coverage(FILE *out, md_model *m, cs_coverage *const *c, size_t n, int explain);
void ex_json_suggest(FILE *out, md_model *m, const sg_target *t, size_t n);
void ex_json_evaluate(FILE *out, md_model *m, cs_coverage *const *c, const sg_eval *each, size_t n,
                      const sg_eval *total);
void ex_json_agenda(FILE *out, md_model *m, ag_agenda *const *a, size_t n);
void ex_json_document(FILE *out, md_model *m, md_plan *const *plans, size_t n, ex_when when);
void ex_md_coverage(FILE *out, md_model *m, cs_coverage *const *c, size_t n, int explain);
void ex_md_document(FILE *out, md_model *m, md_plan *const *plans, size_t n, ex_when when);
void ex_csv_coverage(FILE *out, md_model *m, cs_coverage *const *c, size_t n, int explain);
void ex_csv_document(FILE *out, md_model *m, md_plan *const *plans, size_t n, ex_when when);
void ex_ics_document(FILE *out, md_model *m, md_plan *const *plans, size_t n, ex_when when);
void ex_dot_document(FILE *out, md_model *m, md_plan *const *plans, size_t n, ex_when when);

#endif
