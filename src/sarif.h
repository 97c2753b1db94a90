/* sarif: `check --format=sarif`, the findings as a SARIF 2.1.0 log, the
 * format code-scanning services and editors read.
 *
 * One run of one tool: tool.driver.rules describes every built-in code
 * (the catalogue, codes.h) and every rule the scripts define; each finding
 * is a result with its ruleId, level and message, located by a region
 * whose columns count code points (run.columnKind "unicodeCodePoints", as
 * plancheck counts them everywhere), its notes as relatedLocations (the
 * parent directive, the other place of a duplicate). Artifact URIs are
 * relative to the working directory (uriBaseId %SRCROOT%, given in
 * originalUriBaseIds); files outside it get absolute file: URIs; the
 * embedded standard library's files are relative to PLANCHECK_STDLIB.
 *
 * Written as it comes, like the JSON findings: the log up to its results,
 * the results part by part (each part of a check in parts writes its own,
 * in its own process, as dg_json_items does), then the end. Every byte of
 * JSON goes through the js_ writer. Layer: report; calls codes, rules
 * (the rules' descriptions), diag, source, json, lang, arena. */
#ifndef PLANCHECK_SARIF_H
#define PLANCHECK_SARIF_H

#include <stdio.h>

#include "diag.h"
#include "json.h"
#include "rules.h"
#include "source.h"

/* The log in steps, as diag.h writes JSON findings: sf_begin writes it
 * with w (initialised by the caller) up to its results array, left open;
 * sf_results writes each finding of l as a result (also through an
 * sf_continue writer, in another process: a part of a check in parts,
 * `any` when results precede); sf_end closes the results, then the run
 * with its invocation (the exit status the run ends with) and the log.
 * `rules` may be NULL (no script loaded); `version` is plancheck's. */
void sf_begin(js_writer *w, const ru_engine *rules, const char *version);
void sf_results(js_writer *w, src_table *src, const dg_list *l);
void sf_continue(js_writer *w, FILE *out, int any);
void sf_end(js_writer *w, int exit_status);

/* The whole log of findings l, on `out`. */
void sf_print(FILE *out, src_table *src, const dg_list *l, const ru_engine *rules, const char *version,
              int exit_status);

/* The URI reference of a file path as the log gives it: percent-encoded
 * UTF-8, relative to `cwd` when the path lies in it ("a/./b/../c" folded
 * to "a/c"), else an absolute file: URI. *relative says which. In the
 * arena. */
const char *sf_uri(ar_arena *a, const char *path, const char *cwd, int *relative);

#endif
