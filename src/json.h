/* json: the one JSON writer. Streams a document to a FILE, placing the
 * commas, the separators and the line breaks, so that no caller writes
 * JSON punctuation by hand.
 *
 * Model-free: it knows strings, numbers and nesting, nothing of plans, so
 * every layer that writes JSON (findings, coverage, agenda, the report,
 * SARIF, the language server's answers) uses it. Strings are escaped here
 * and only here; bytes that are not UTF-8 become U+FFFD (JSON text must be
 * UTF-8).
 *
 * Layout: three styles, {"a":1,"b":[1,2]} (JS_COMPACT), {"a": 1, "b": [1,
 * 2]} (JS_SPACED) and indented two spaces a level (JS_PRETTY); within a
 * compact or spaced document a container may put its elements on lines of
 * their own (js_lines) and a caller may break the line before one element
 * (js_newline): the layouts plancheck's documents have always had.
 *
 * The writer lives on the caller's stack and needs no allocation. Up to
 * JS_MAXDEPTH containers nest (a plan's blocks nest 64 deep at most); one
 * deeper is written as null, with all it holds, so the document stays
 * valid. Only the first JS_LEVELS levels remember a js_lines.
 * Layer: bottom; calls text. */
#ifndef PLANCHECK_JSON_H
#define PLANCHECK_JSON_H

#include <stddef.h>
#include <stdio.h>

enum { JS_COMPACT, JS_SPACED, JS_PRETTY };

#define JS_LEVELS 16
#define JS_MAXDEPTH 1024
#define JS_SAME (-1)       /* js_lines: the closer follows the last element */

typedef struct js_level {
  signed char lines;       /* elements on lines of their own at this indent, or -1 */
  signed char close;       /* the closer on a line of its own at this indent, or JS_SAME */
} js_level;

typedef struct js_writer {
  FILE *out;               /* may be changed between elements (a stream per part) */
  int style;
  size_t depth;            /* open containers */
  int any;                 /* the innermost container has an element */
  int keyed;               /* a key was just written: its value comes next */
  int brk;                 /* -1, or the indent the next element or closer starts a line at */
  size_t skip;             /* containers open beyond JS_MAXDEPTH: nothing is written */
  unsigned char arrays[JS_MAXDEPTH / 8];   /* a bit a level: an array, not an object */
  js_level level[JS_LEVELS];
} js_writer;

void js_init(js_writer *w, FILE *out, int style);

void js_object(js_writer *w);      /* { */
void js_array(js_writer *w);       /* [ */
void js_end(js_writer *w);         /* closes the innermost } or ] */

/* The innermost container's elements each start a line indented `indent`
 * spaces; its closer starts a line indented `close` spaces when it holds
 * an element (JS_SAME: it follows the last one). */
void js_lines(js_writer *w, int indent, int close);

/* The next element (value or key) or closer starts a line indented
 * `indent` spaces, after its comma. */
void js_newline(js_writer *w, int indent);

void js_key(js_writer *w, const char *key);
void js_string(js_writer *w, const char *s, size_t n); /* escapes, U+FFFD for bad UTF-8 */
void js_cstring(js_writer *w, const char *s);          /* NULL: null */
void js_int(js_writer *w, long long v);
void js_fixed(js_writer *w, double v, int decimals);   /* 0.125 as "%.*f"; not finite: null */
void js_real(js_writer *w, double v);                  /* "%.15g"; not finite: null */
void js_bool(js_writer *w, int v);
void js_null(js_writer *w);

/* Makes room for one value that another writer writes next to the same
 * stream (the comma, the line break, or nothing after a key): a document
 * may embed another document whole. */
void js_external(js_writer *w);

/* The JSON string literal of s[0..n) alone, for writers of other formats
 * that embed one (e.g. a <script> block). */
void js_quote(FILE *out, const char *s, size_t n);

#endif
