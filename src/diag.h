/* diag: findings collected during a run, printed once at the end.
 *
 * Every layer reports through dg_add; nothing below the command line prints.
 * One format everywhere: `file:line:col: severity: message [code]`, the
 * source line, and a caret under the span (or JSON with the same fields).
 * Layer: bottom; calls arena, json, lang, mem, source, text. */
#ifndef PLANCHECK_DIAG_H
#define PLANCHECK_DIAG_H

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>

#include "arena.h"
#include "source.h"

typedef enum dg_severity { DG_ERROR, DG_WARNING, DG_NOTE } dg_severity;

#define DG_NOFILE UINT32_MAX   /* a finding about no file (usage, I/O) */

typedef struct dg_diag {
  dg_severity sev;
  const char *code;        /* stable kebab-case code, e.g. "numbering-duplicate" */
  const char *msg;
  uint32_t file, off, len; /* span; file == DG_NOFILE when there is none */
  struct dg_diag *notes;   /* notes that belong to this finding */
  struct dg_diag *next;
  unsigned long seq;       /* emission order, for a stable sort */
} dg_diag;

typedef struct dg_list {
  ar_arena *arena;
  dg_diag *first, *last;
  unsigned long count, errors, warnings;
  unsigned long seq;       /* findings ever added, for dg_diag.seq */
} dg_list;

void dg_init(dg_list *l, ar_arena *a);

#if defined(__GNUC__)
#define DG_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define DG_PRINTF(f, a)
#endif

dg_diag *dg_add(dg_list *l, dg_severity sev, const char *code, uint32_t file, uint32_t off,
                uint32_t len, const char *fmt, ...) DG_PRINTF(7, 8);
/* Attaches a note (e.g. "first numbered here") to finding d. */
void dg_note(dg_list *l, dg_diag *d, uint32_t file, uint32_t off, uint32_t len,
             const char *fmt, ...) DG_PRINTF(6, 7);

/* "error", "warning", "note"; and back (-1 for anything else), as
 * messages, JSON and rule scripts spell severities. */
const char *dg_severity_name(dg_severity s);
int dg_severity_parse(const char *s);
/* The severity as the text output shows it, in the user's language. */
const char *dg_severity_text(dg_severity s);

/* Formats into the arena. */
const char *dg_fmt(ar_arena *a, const char *fmt, ...) DG_PRINTF(2, 3);
const char *dg_vfmt(ar_arena *a, const char *fmt, va_list ap);

/* A text built piece by piece in the arena, its room doubled as it grows:
 * a list joined by repeated dg_fmt("%s, %s") copies the whole text once
 * per element, which a row of twenty thousand links turns into gigabytes. */
typedef struct dg_buf {
  ar_arena *a;
  char *p;
  size_t n, cap;
} dg_buf;
/* An empty text in `a`. */
dg_buf dg_buf_in(ar_arena *a);
/* Appends s[0, n). */
void dg_buf_add(dg_buf *b, const char *s, size_t n);
/* Appends `sep` (when the text is not empty) and then s. */
void dg_buf_item(dg_buf *b, const char *sep, const char *s, size_t n);
/* The text so far, NUL-terminated ("" when nothing was added). */
const char *dg_buf_text(dg_buf *b);

/* --werror: every warning becomes an error. */
void dg_promote_warnings(dg_list *l);

/* Orders findings by file and position, keeping emission order for ties. */
void dg_sort(dg_list *l);

typedef struct dg_style {
  int color;               /* ANSI colours */
} dg_style;

void dg_print_text(FILE *out, src_table *src, const dg_list *l, dg_style style);
/* {"diagnostics":[...],"errors":N,"warnings":N}: the counts come last so
 * that output checked in parts can be written as it comes, with these: */
void dg_print_json(FILE *out, src_table *src, const dg_list *l);
#define DG_JSON_BEGIN "{\"diagnostics\":["
/* Each finding of l as an element of the array; *first: none written yet. */
void dg_json_items(FILE *out, src_table *src, const dg_list *l, int *first);
void dg_json_end(FILE *out, int first, unsigned long errors, unsigned long warnings);

/* Moves the findings after `after` (NULL: all) to the end of `to`, counts
 * and all: the findings of one part of a run, printed on their own. */
void dg_take(dg_list *from, dg_diag *after, dg_list *to);
/* Moves the findings of `from` for which `pick` says yes to the end of
 * `to`; both keep their order. */
void dg_move_if(dg_list *from, dg_list *to, int (*pick)(const dg_diag *d, void *ud), void *ud);
/* JSON string literal of s[0..n) with escapes; used by every JSON writer. */
void dg_json_string(FILE *out, const char *s, size_t n);

#endif
