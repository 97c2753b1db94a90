/* report: the outputs of the `coverage` and `suggest` commands, as text,
 * Markdown, CSV or JSON. Findings are printed by diag; this module prints
 * the tables that are the commands' answers. Layer: report; calls cascade,
 * suggest, model, diag (for JSON strings). */
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

/* The coverage of each child, one after the other (JSON: one array). */
void rp_coverage(FILE *out, md_model *m, cs_coverage *const *c, size_t n, rp_format f);
/* The same, with `explain`: why each directive is addressed to the
 * child's level (text: a line under its row; Markdown and CSV: in the
 * note; JSON: "why"), and, in text and JSON, the parent's other
 * directives with why they are not. */
void rp_coverage_explained(FILE *out, md_model *m, cs_coverage *const *c, size_t n, rp_format f, int explain);

/* Suggestions for every uncovered directive of each child (text or JSON). */
void rp_suggest(FILE *out, md_model *m, cs_coverage *const *c, size_t n, rp_format f);

/* The leave-one-out measurement of each child, and the total (text or JSON). */
void rp_evaluate(FILE *out, md_model *m, cs_coverage *const *c, size_t n, rp_format f);

/* The agenda of each plan (text, grouped by owner; or JSON: one array). */
void rp_agenda(FILE *out, md_model *m, ag_agenda *const *a, size_t n, rp_format f);
/* One Markdown table cell, " TEXT |": a pipe or a backslash is escaped (a
 * backslash before an escaped pipe would undo the escape) and a line break
 * becomes a space, so the plan's text cannot break the table. */
void rp_md_cell(FILE *out, const char *s);
/* One RFC 4180 field, always quoted, quotes doubled, then "," or (last)
 * CRLF. */
void rp_csv_field(FILE *out, const char *s, int last);

#endif
