/* export: the formats built into `plancheck report --format NAME`.
 *
 * md and csv: the annex table offices print (STT | Nội dung | Chủ trì |
 * Phối hợp | Thời hạn); json: the whole model with the coverage of each
 * plan and the findings; ics: the deadlines and recurring duties as an
 * iCalendar; dot: the cascade as a Graphviz graph; html: the page of
 * src/html.c (plan, coverage, timeline, agenda, findings). Each reads the
 * resolved (and, for json and html, checked) model and writes one document
 * for all the plans given to the FILE* it is handed; it prints nothing else
 * and reports nothing. docs/REPORTS.md describes every format.
 * Layer: report; calls report (cells, coverage JSON), html, cascade, deadline,
 * model, diag, text. */
#ifndef PLANCHECK_EXPORT_H
#define PLANCHECK_EXPORT_H

#include <stdio.h>

#include "model.h"

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

/* EX_BUILTIN (| EX_FINDINGS) when `name` is a built-in format, else 0. */
int ex_find(const char *name);

/* The built-in names, "md, csv, ...", for messages; in the arena. */
const char *ex_names(ar_arena *a);

/* Writes the document in built-in format `name` (ex_find(name) != 0). */
void ex_write(FILE *out, md_model *m, md_plan *const *plans, size_t n, const char *name, ex_when when);

#endif
