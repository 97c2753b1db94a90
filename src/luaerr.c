/* luaerr: Lua's own error messages in the user's language; see luaerr.h.
 *
 * A template is matched against the whole message: "%s" stands for one or
 * more characters (the shortest that lets the rest match), "%%" for a '%',
 * any other character for itself. Where a value is itself a message of
 * Lua's ("bad argument #1 to 'find' (string expected, got nil)", "'end'
 * expected near <eof>"), it is translated in turn. Messages are short;
 * one longer than MAX_MESSAGE is a script's own and is not looked at, so
 * the matching stays cheap whatever a script raises. */
#include "luaerr.h"

#include <string.h>

#include "diag.h"
#include "lang.h"

enum {
  MAX_MESSAGE = 400,
  MAX_VALUES = 3,
  MAX_DEPTH = 3,
};

/* Messages with a value that is itself a message of Lua's, tried first
 * ("bad argument #1 to 'find' (string expected, got nil)" is not a "%s
 * expected, got %s"). */
typedef struct nested {
  const char *template;
  int inner;           /* the value (1, 2, 3) that is itself a message */
} nested;

static const nested nesting[] = {
  { N_("bad argument #%s to '%s' (%s)"), 3 },   /* lauxlib.c */
  { N_("calling '%s' on bad self (%s)"), 2 },
  { N_("stack overflow (%s)"), 1 },
  { N_("%s near %s"), 1 },                      /* llex.c, lparser.c */
};

/* The others; where two match one message, the longer comes first ("%s
 * expected, got %s" before "%s expected"). After them all, "%s (%s)": a
 * message and the variable its value came from ("attempt to index a nil
 * value (field 'x')"), when both parts are Lua's. */
static const char *const plain[] = {
  /* lauxlib.c */
  N_("%s expected, got %s"),
  N_("invalid option '%s'"),
  N_("value expected"),
  N_("number has no integer representation"),
  /* ldebug.c, lvm.c, ldo.c, ltable.c */
  N_("attempt to index a %s value"),
  N_("attempt to call a %s value"),
  N_("attempt to perform arithmetic on a %s value"),
  N_("attempt to perform bitwise operation on a %s value"),
  N_("attempt to concatenate a %s value"),
  N_("attempt to get length of a %s value"),
  N_("attempt to compare two %s values"),
  N_("attempt to compare %s with %s"),
  N_("attempt to perform 'n//0'"),
  N_("attempt to perform 'n%%0'"),
  N_("attempt to assign to const variable '%s'"),
  N_("'for' initial value must be a number"),
  N_("'for' limit must be a number"),
  N_("'for' step must be a number"),
  N_("'for' step is zero"),
  N_("table index is nil"),
  N_("table index is NaN"),
  N_("invalid key to 'next'"),
  N_("string length overflow"),
  N_("'__index' chain too long; possible loop"),
  N_("'__newindex' chain too long; possible loop"),
  N_("not enough memory"),
  N_("stack overflow"),
  N_("C stack overflow"),
  N_("cannot resume dead coroutine"),
  N_("cannot resume non-suspended coroutine"),
  N_("attempt to yield from outside a coroutine"),
  N_("attempt to yield across a C-call boundary"),
  N_("cannot close a running coroutine"),
  N_("cannot close a normal coroutine"),
  N_("attempt to load a binary chunk (mode is '%s')"),
  N_("attempt to load a text chunk (mode is '%s')"),
  /* the libraries */
  N_("invalid value (at index %s) in table for 'concat'"),
  N_("wrong number of arguments to 'insert'"),
  N_("position out of bounds"),
  N_("invalid format string to 'format'"),
  N_("invalid conversion '%s' to 'format'"),
  N_("resulting string too large"),
  N_("value has no literal form"),
  N_("too many results to unpack"),
  N_("too many elements to move"),
  N_("invalid order function for sorting"),
  N_("object length is not an integer"),
  N_("value out of range"),
  N_("index out of range"),
  N_("base out of range"),
  N_("interval is empty"),
  N_("wrong number of arguments"),
  N_("invalid UTF-8 code"),
  N_("initial position is a continuation byte"),
  N_("'__tostring' must return a string"),
  /* llex.c, lparser.c: what is near the token */
  N_("%s expected (to close %s at line %s)"),
  N_("hexadecimal digit expected"),
  N_("%s expected"),
  N_("unexpected symbol"),
  N_("unfinished string"),
  N_("unfinished long string"),
  N_("unfinished long comment"),
  N_("malformed number"),
  N_("invalid escape sequence"),
  N_("break outside a loop at line %s"),
  /* where a value came from (ldebug.c's varinfo) */
  N_("global '%s'"),
  N_("local '%s'"),
  N_("method '%s'"),
  N_("field '%s'"),
  N_("upvalue '%s'"),
  N_("constant '%s'"),
  N_("for iterator '%s'"),
};

typedef struct value {
  const char *p;
  size_t n;
} value;

/* Whether s matches the template t from here; fills v[k...]. */
static int match(const char *t, const char *s, value *v, int k) {
  if (!*t) return !*s;
  if (t[0] == '%' && t[1] == 's') {
    if (k == MAX_VALUES || !*s) return 0;
    const char *rest = t + 2;
    if (!*rest) {                      /* the last value: all that is left */
      v[k] = (value){ s, strlen(s) };
      return 1;
    }
    char next = rest[0] == '%' && rest[1] == '%' ? '%' : rest[0];
    for (const char *e = strchr(s + 1, next); e; e = strchr(e + 1, next)) {
      v[k] = (value){ s, (size_t)(e - s) };
      if (match(rest, e, v, k + 1)) return 1;
    }
    return 0;
  }
  int percent = t[0] == '%' && t[1] == '%';
  if (*s != (percent ? '%' : t[0])) return 0;
  return match(t + (percent ? 2 : 1), s + 1, v, k);
}

static int count_values(const char *t) {
  int n = 0;
  for (const char *p = strstr(t, "%s"); p; p = strstr(p + 2, "%s")) n++;
  return n;
}

static const char *translate(ar_arena *a, const char *msg, const char *(*tr)(const char *), int depth);

/* msg by template t, the value `inner` (1-based; 0: none) translated in
 * turn; with `whole`, every value must be Lua's. NULL: no match. */
static const char *by_template(ar_arena *a, const char *msg, const char *(*tr)(const char *), int depth,
                               const char *t, int inner, int whole) {
  value v[MAX_VALUES];
  if (!match(t, msg, v, 0)) return NULL;
  const char *text[MAX_VALUES] = { "", "", "" };
  for (int k = 0, n = count_values(t); k < n; k++) {
    text[k] = dg_fmt(a, "%.*s", (int)v[k].n, v[k].p);
    if (k + 1 != inner && !whole) continue;
    const char *in = translate(a, text[k], tr, depth + 1);
    if (in) text[k] = in;
    else if (whole) return NULL;
  }
  return dg_fmt(a, whole ? t : tr(t), text[0], text[1], text[2]);
}

/* The message in the user's language, or NULL when Lua never says it. */
static const char *translate(ar_arena *a, const char *msg, const char *(*tr)(const char *), int depth) {
  if (depth == MAX_DEPTH) return NULL;
  const char *out = NULL;
  for (size_t i = 0; !out && i < sizeof nesting / sizeof *nesting; i++)
    out = by_template(a, msg, tr, depth, nesting[i].template, nesting[i].inner, 0);
  for (size_t i = 0; !out && i < sizeof plain / sizeof *plain; i++)
    out = by_template(a, msg, tr, depth, plain[i], 0, 0);
  return out ? out : by_template(a, msg, tr, depth, "%s (%s)", 0, 1);
}

const char *le_text_with(ar_arena *a, const char *msg, const char *(*tr)(const char *)) {
  if (strlen(msg) > MAX_MESSAGE) return msg;
  const char *out = translate(a, msg, tr, 0);
  return out ? out : msg;
}

static const char *catalogue(const char *template) { return _(template); }

const char *le_text(ar_arena *a, const char *msg) {
  return lg_current() == LG_EN ? msg : le_text_with(a, msg, catalogue);
}
