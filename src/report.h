/* report: what the output formats share: the formats the commands print
 * (text, json, md, csv), the words of a coverage table (its notes,
 * titles and totals), days and names as users read them, and the cells
 * of Markdown and CSV. The formats themselves each have a file behind
 * export.c's table; findings are printed by diag.
 * Layer: report; calls cascade, model, diag, lang, text. */
#ifndef PLANCHECK_REPORT_H
#define PLANCHECK_REPORT_H

#include <stdio.h>

#include "agenda.h"
#include "cascade.h"
#include "suggest.h"

typedef enum rp_format { RP_TEXT, RP_JSON, RP_MD, RP_CSV, RP_SARIF } rp_format;

/* "text", "json", "md", "csv", "sarif" (check only: sarif.h); 0, or -1
 * when unknown. */
int rp_parse_format(const char *s, rp_format *f);
const char *rp_format_name(rp_format f);

/* The explanations are asked for per run, not kept in the model: with
 * `on`, why each directive is addressed to the child's level. */
typedef struct rp_explain {
  const cs_coverage *c;
  int on;
} rp_explain;

/* Texts of the model for a table, in the arena. */
const char *rp_path_of(md_model *m, const md_plan *p);
const char *rp_key(md_model *m, const md_plan *p);
const char *rp_day(md_model *m, dt_day d);          /* as users read it (lang.h) */
const char *rp_iso(md_model *m, dt_day d);          /* YYYY-MM-DD, for JSON */
const char *rp_days(md_model *m, long n);           /* "3 days" */
const char *rp_text_of(md_model *m, const md_item *it);
const char *rp_owner_names(md_model *m, const md_item *it);

/* A coverage row: the tasks that implement it, what its status rests on
 * (the waiver, the forward), and that with the explanation when asked
 * for. */
const char *rp_implemented_by(md_model *m, const cs_row *row);
const char *rp_row_note(md_model *m, const cs_row *row);
const char *rp_note_why(md_model *m, const rp_explain *x, const cs_row *row);

/* A target (parent plan) of a coverage: the share covered, waived or
 * forwarded (100 when nothing is addressed), its title, its totals line. */
int rp_percent(const cs_target *t);
const char *rp_target_title(md_model *m, const cs_target *t);
const char *rp_totals(md_model *m, const cs_coverage *c, const cs_target *t);

/* One Markdown table cell, " TEXT |": a pipe or a backslash is escaped (a
 * backslash before an escaped pipe would undo the escape) and a line break
 * becomes a space, so the plan's text cannot break the table. */
void rp_md_cell(FILE *out, const char *s);
/* One RFC 4180 field, always quoted, quotes doubled, then "," or (last)
 * CRLF. */
void rp_csv_field(FILE *out, const char *s, int last);

#endif
