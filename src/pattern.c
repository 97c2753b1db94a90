/* pattern: step-charged string.find, match, gmatch and gsub; see pattern.h.
 *
 * Written from the reference manual (§6.4, §6.4.1) and checked against the
 * stock functions by tests/unit/test_pattern.c. The matcher backtracks, as
 * the stock one does, because which match is found first (and so every
 * capture) depends on the order in which choices are tried: '*' and '+' try
 * the longest run first, '-' the shortest, '?' one before none. It recurses
 * only where a later failure must come back for another choice, and counts
 * that nesting exactly where the stock matcher does, so the same patterns
 * hit the same limit of 200 and say "pattern too complex". The recursion is
 * what keeps the C stack bounded: nothing else nests.
 *
 * Errors in a pattern are found lazily, when the matcher reaches them, as in
 * stock Lua: string.find("abc", "x[") is nil, not an error.
 *
 * Steps: one per nested attempt, one per byte tested against a class, one per
 * byte compared by %b, a back-reference or a plain find, one per byte of
 * gsub's replacement text. They are counted on the C stack and handed to the
 * meter a batch at a time and at the end of every call; the meter may
 * longjmp, which is safe because nothing here owns heap memory.
 *
 * Its error messages are the stock ones in English, and go through lang's
 * _() like every other text a script's author reads.
 *
 * Layer: Lua support; calls only the Lua C API, lang and the C library. */
#include "pattern.h"

#include <ctype.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "lang.h"

enum {
  MAX_DEPTH = 200,     /* nested attempts, as in stock Lua */
  MAX_CAPTURES = 32,   /* LUA_MAXCAPTURES of stock Lua */
  BATCH = 1024         /* steps counted before the meter hears of them */
};

/* A capture's length while it is still open, or when it is a position. */
enum { CAP_OPEN = -1, CAP_POS = -2 };

typedef struct capture {
  const char *at;
  ptrdiff_t len;       /* bytes, CAP_OPEN or CAP_POS */
} capture;

/* One search: the subject, where the pattern ends, the captures of the
 * attempt under way and the steps not yet charged. Lives on the C stack. */
typedef struct matcher {
  lua_State *L;
  const pt_meter *meter;
  const char *src, *src_end;
  const char *pat_end;
  unsigned long steps;
  int depth;           /* nested attempts still allowed */
  int ncap;
  capture cap[MAX_CAPTURES];
} matcher;

/* One pattern item: a single-character class and its quantifier. */
typedef struct item {
  const char *cls;     /* '.', "%x", "[set]" or a literal byte */
  const char *cls_end; /* one past the class (past a set's ']') */
  int quant;           /* '*', '+', '-', '?' or 0 */
  const char *next;    /* the rest of the pattern */
} item;

static const char *match(matcher *m, const char *s, const char *p);

/* ---- budget ---------------------------------------------------------- */

/* Hands the steps counted so far to the meter, which may raise an error. */
static void flush(matcher *m)
{
  unsigned long n = m->steps;
  m->steps = 0;
  if (n && m->meter && m->meter->spend)
    m->meter->spend(m->L, m->meter->ud, n);
}

/* Counts n steps; the meter hears of them a batch at a time so that a step
 * costs an addition, not a call. */
static void charge(matcher *m, size_t n)
{
  m->steps += n;
  if (m->steps >= BATCH)
    flush(m);
}

/* Raises an error with the caller's position, as stock Lua does; declared
 * so that the compiler knows no path continues after it. */
static _Noreturn void fail(lua_State *L, const char *msg)
{
  luaL_error(L, "%s", msg);
  abort();  /* not reached: luaL_error longjmps */
}

/* ---- single-character classes ------------------------------------------ */

/* Whether byte c is in the class "%cl": an upper-case class letter is the
 * complement, any other character stands for itself ("%." is '.'). "%z",
 * the byte 0, is gone from the manual but stock 5.4 still knows it. */
static int in_class(int c, int cl)
{
  int r;
  switch (tolower(cl)) {
  case 'a': r = isalpha(c); break;
  case 'c': r = iscntrl(c); break;
  case 'd': r = isdigit(c); break;
  case 'g': r = isgraph(c); break;
  case 'l': r = islower(c); break;
  case 'p': r = ispunct(c); break;
  case 's': r = isspace(c); break;
  case 'u': r = isupper(c); break;
  case 'w': r = isalnum(c); break;
  case 'x': r = isxdigit(c); break;
  case 'z': r = c == 0; break;
  default: return cl == c;
  }
  return isupper(cl) ? !r : r != 0;
}

/* Whether byte c is in the set from `open` ('[') to `close` (its ']'). A
 * range needs a byte on each side of the '-', so "[a-]" holds 'a' and '-'. */
static int in_set(int c, const char *open, const char *close)
{
  const char *q = open + 1;
  int want = 1;
  if (*q == '^') {
    want = 0;
    q++;
  }
  for (; q < close; q++) {
    if (*q == '%') {
      if (in_class(c, (unsigned char)*++q))
        return want;
    } else if (q[1] == '-' && q + 2 < close) {
      if ((unsigned char)q[0] <= c && c <= (unsigned char)q[2])
        return want;
      q += 2;
    } else if ((unsigned char)*q == c)
      return want;
  }
  return !want;
}

/* Where the single-character class at p ends. A set's first member may be
 * ']' ("[]]", "[^]]"), and "%]" inside a set does not close it. */
static const char *class_end(matcher *m, const char *p)
{
  const char *end = m->pat_end;
  if (*p == '%') {
    if (p + 1 == end)
      fail(m->L, _("malformed pattern (ends with '%')"));
    return p + 2;
  }
  if (*p != '[')
    return p + 1;
  if (++p < end && *p == '^')
    p++;
  do {
    if (p == end)
      fail(m->L, _("malformed pattern (missing ']')"));
    if (*p++ == '%' && p < end)
      p++;
  } while (p == end || *p != ']');
  return p + 1;
}

static int is_quantifier(int c)
{
  return c == '*' || c == '+' || c == '-' || c == '?';
}

static item read_item(matcher *m, const char *p)
{
  item it;
  it.cls = p;
  it.cls_end = class_end(m, p);
  it.quant = 0;
  it.next = it.cls_end;
  if (it.cls_end < m->pat_end && is_quantifier(*it.cls_end))
    it.quant = *it.next++;
  return it;
}

/* Whether the item's class matches the subject byte at s (none at the end). */
static int single(matcher *m, const char *s, const item *it)
{
  int c;
  charge(m, 1);
  if (s >= m->src_end)
    return 0;
  c = (unsigned char)*s;
  switch (*it->cls) {
  case '.': return 1;
  case '%': return in_class(c, (unsigned char)it->cls[1]);
  case '[': return in_set(c, it->cls, it->cls_end - 1);
  default: return (unsigned char)*it->cls == c;
  }
}

/* ---- the matcher ------------------------------------------------------- */

/* Each construct below matches at subject position s, moves *pp past itself
 * and returns the new subject position, or NULL for no match. One that may
 * have to come back for another choice matches the rest of the pattern
 * itself, by a nested attempt, and moves *pp to the pattern's end. */

/* '*' and '+': the longest run of the item from s first, then shorter ones. */
static const char *longest(matcher *m, const char *s, const item *it)
{
  size_t n = 0;
  while (single(m, s + n, it))
    n++;
  for (;;) {
    const char *e = match(m, s + n, it->next);
    if (e || n == 0)
      return e;
    n--;
  }
}

/* '-': the shortest run first, one item longer each time the rest fails. */
static const char *shortest(matcher *m, const char *s, const item *it)
{
  for (;;) {
    const char *e = match(m, s, it->next);
    if (e)
      return e;
    if (!single(m, s, it))
      return NULL;
    s++;
  }
}

/* A single-character class, perhaps quantified. When the class does not
 * match, '*', '-' and '?' go on with zero items without nesting. */
static const char *quantified(matcher *m, const char *s, const char **pp)
{
  item it = read_item(m, *pp);
  const char *e;
  *pp = it.next;
  if (!single(m, s, &it))
    return (it.quant && it.quant != '+') ? s : NULL;
  switch (it.quant) {
  case 0:
    return s + 1;
  case '?':
    if (!(e = match(m, s + 1, it.next)))
      return s;  /* without the item, in this attempt */
    break;
  case '-':
    e = shortest(m, s, &it);
    break;
  default:
    e = longest(m, it.quant == '+' ? s + 1 : s, &it);
  }
  *pp = m->pat_end;
  return e;
}

/* '(' or "()": records where a capture starts, then matches the rest; the
 * capture is forgotten again if the rest fails. */
static const char *open_capture(matcher *m, const char *s, const char **pp)
{
  const char *p = *pp + 1, *e;
  ptrdiff_t kind = CAP_OPEN;
  if (p < m->pat_end && *p == ')') {
    kind = CAP_POS;
    p++;
  }
  if (m->ncap >= MAX_CAPTURES)
    fail(m->L, _("too many captures"));
  m->cap[m->ncap].at = s;
  m->cap[m->ncap].len = kind;
  m->ncap++;
  *pp = m->pat_end;
  if (!(e = match(m, s, p)))
    m->ncap--;
  return e;
}

/* ')': closes the innermost open capture, then matches the rest; reopened
 * if the rest fails. */
static const char *close_capture(matcher *m, const char *s, const char **pp)
{
  int i = m->ncap - 1;
  const char *e;
  while (i >= 0 && m->cap[i].len != CAP_OPEN)
    i--;
  if (i < 0)
    fail(m->L, _("invalid pattern capture"));
  m->cap[i].len = s - m->cap[i].at;
  if (!(e = match(m, s, *pp + 1)))
    m->cap[i].len = CAP_OPEN;
  *pp = m->pat_end;
  return e;
}

/* "%bxy": a run from x to its matching y, counting nested x and y (a y is
 * looked for first, so "%bxx" ends at the next x). */
static const char *balance(matcher *m, const char *s, const char **pp)
{
  const char *xy = *pp + 2;
  ptrdiff_t open = 1;
  if (xy + 2 > m->pat_end)
    fail(m->L, _("malformed pattern (missing arguments to '%b')"));
  *pp = xy + 2;
  if (s >= m->src_end || *s != xy[0])
    return NULL;
  while (++s < m->src_end) {
    charge(m, 1);
    if (*s == xy[1]) {
      if (--open == 0)
        return s + 1;
    } else if (*s == xy[0])
      open++;
  }
  return NULL;
}

/* "%f[set]": the empty string between a byte not in the set and one in it;
 * both ends of the subject count as the byte 0. */
static const char *frontier(matcher *m, const char *s, const char **pp)
{
  const char *set = *pp + 2, *end;
  int before, here;
  if (set == m->pat_end || *set != '[')
    fail(m->L, _("missing '[' after '%f' in pattern"));
  end = class_end(m, set);
  *pp = end;
  before = s == m->src ? 0 : (unsigned char)s[-1];
  here = s < m->src_end ? (unsigned char)*s : 0;
  charge(m, 1);
  if (in_set(before, set, end - 1) || !in_set(here, set, end - 1))
    return NULL;
  return s;
}

/* "%1"-"%9" ("%0" is always an error): the text of a closed capture again.
 * A position capture has no text and never matches. */
static const char *back_ref(matcher *m, const char *s, const char **pp)
{
  int i = (*pp)[1] - '1';
  size_t len;
  if (i < 0 || i >= m->ncap || m->cap[i].len == CAP_OPEN)
    fail(m->L, lua_pushfstring(m->L, _("invalid capture index %%%d"), i + 1));
  *pp += 2;
  if (m->cap[i].len == CAP_POS)
    return NULL;
  len = (size_t)m->cap[i].len;
  charge(m, len);
  if ((size_t)(m->src_end - s) < len || memcmp(m->cap[i].at, s, len) != 0)
    return NULL;
  return s + len;
}

/* The constructs that start with '%' but are not classes. */
static int is_directive(int c)
{
  return c == 'b' || c == 'f' || (c >= '0' && c <= '9');
}

/* The construct at *pp. '$' anchors only at the very end of the pattern
 * (elsewhere it is an ordinary byte); '%' starts a class ("%a", "%.")
 * unless 'b', 'f' or a digit follows. */
static const char *step(matcher *m, const char *s, const char **pp)
{
  const char *p = *pp;
  switch (*p) {
  case '(':
    return open_capture(m, s, pp);
  case ')':
    return close_capture(m, s, pp);
  case '$':
    if (p + 1 < m->pat_end)
      break;
    *pp = m->pat_end;
    return s == m->src_end ? s : NULL;
  case '%':
    if (p + 1 == m->pat_end || !is_directive(p[1]))
      break;
    if (p[1] == 'b')
      return balance(m, s, pp);
    return p[1] == 'f' ? frontier(m, s, pp) : back_ref(m, s, pp);
  }
  return quantified(m, s, pp);
}

/* One nested attempt to match the pattern from p at s: the end of the match
 * or NULL. Nesting is counted here and only here. */
static const char *match(matcher *m, const char *s, const char *p)
{
  if (m->depth-- == 0)
    fail(m->L, _("pattern too complex"));
  charge(m, 1);
  while (s && p < m->pat_end)
    s = step(m, s, &p);
  m->depth++;
  return s;
}

/* ---- results ----------------------------------------------------------- */

static void matcher_init(matcher *m, lua_State *L, const char *s, size_t ls,
                         const char *pat_end)
{
  m->L = L;
  m->meter = lua_touserdata(L, lua_upvalueindex(1));
  m->src = s;
  m->src_end = s + ls;
  m->pat_end = pat_end;
  m->steps = 0;
}

/* Ready for an attempt at a new subject position. */
static void restart(matcher *m)
{
  m->depth = MAX_DEPTH;
  m->ncap = 0;
}

/* Capture i of the match [s, e): its text in *at and its length, or CAP_POS.
 * A match without captures has one, the whole match (gsub's "%1", a table
 * replacement's key). */
static ptrdiff_t capture_span(matcher *m, int i, const char *s, const char *e,
                              const char **at)
{
  if (i >= m->ncap) {
    if (i != 0)
      fail(m->L, lua_pushfstring(m->L, _("invalid capture index %%%d"), i + 1));
    *at = s;
    return e - s;
  }
  if (m->cap[i].len == CAP_OPEN)
    fail(m->L, _("unfinished capture"));
  *at = m->cap[i].at;
  return m->cap[i].len;
}

static void push_capture(matcher *m, int i, const char *s, const char *e)
{
  const char *at;
  ptrdiff_t len = capture_span(m, i, s, e, &at);
  if (len == CAP_POS)
    lua_pushinteger(m->L, at - m->src + 1);
  else
    lua_pushlstring(m->L, at, (size_t)len);
}

/* Pushes the captures; when there are none, the whole match if `whole`
 * (match, gmatch, gsub) or nothing (find). */
static int push_captures(matcher *m, const char *s, const char *e, int whole)
{
  int n = (m->ncap == 0 && whole) ? 1 : m->ncap;
  luaL_checkstack(m->L, n, _("too many captures"));
  for (int i = 0; i < n; i++)
    push_capture(m, i, s, e);
  return n;
}

/* A 1-based start position, negative from the end, as a 0-based offset;
 * beyond the subject when the position is (the callers check). */
static size_t start_offset(lua_Integer pos, size_t len)
{
  if (pos > 0)
    return (size_t)pos - 1;
  if (pos == 0 || pos < -(lua_Integer)len)
    return 0;
  return len - (size_t)-pos;
}

/* ---- find and match ---------------------------------------------------- */

/* Whether find must treat p as a pattern: stock Lua searches for plain text
 * when no byte is one of ^$*+?.([%- (so find("a)", ")") is 2, 2 although
 * match("a)", ")") is an error). */
static int has_specials(const char *p, size_t lp)
{
  for (size_t i = 0; i < lp; i++)
    if (p[i] && strchr("^$*+?.([%-", p[i]))
      return 1;
  return 0;
}

/* The first occurrence of p (lp bytes) in the subject from `from`. */
static const char *plain_search(matcher *m, const char *from, const char *p,
                                size_t lp)
{
  if (lp == 0)
    return from;
  while ((size_t)(m->src_end - from) >= lp) {
    size_t room = (size_t)(m->src_end - from) - lp + 1, k = 1;
    const char *hit = memchr(from, p[0], room);
    charge(m, hit ? (size_t)(hit - from) + 1 : room);
    if (!hit)
      return NULL;
    while (k < lp && hit[k] == p[k])
      k++;
    charge(m, k);
    if (k == lp)
      return hit;
    from = hit + 1;
  }
  return NULL;
}

/* find's positions of the match [at, e), or fail when there is none. */
static int push_found(matcher *m, const char *at, const char *e)
{
  if (!at) {
    luaL_pushfail(m->L);
    return 1;
  }
  lua_pushinteger(m->L, at - m->src + 1);
  lua_pushinteger(m->L, e - m->src);
  return 2;
}

/* Tries the pattern at each position from `from`, or only there when it
 * starts with '^'; pushes find's results (positions, then captures) or
 * match's (captures or the whole match). */
static int search(matcher *m, const char *from, const char *p, int find)
{
  int anchor = p < m->pat_end && *p == '^';
  const char *e;
  p += anchor;
  for (;;) {
    restart(m);
    if ((e = match(m, from, p)) || anchor || from == m->src_end)
      break;
    from++;
  }
  flush(m);
  if (!e)
    return push_found(m, NULL, NULL);
  if (!find)
    return push_captures(m, from, e, 1);
  return push_found(m, from, e) + push_captures(m, from, e, 0);
}

static int find_aux(lua_State *L, int find)
{
  size_t ls, lp;
  const char *s = luaL_checklstring(L, 1, &ls);
  const char *p = luaL_checklstring(L, 2, &lp);
  size_t init = start_offset(luaL_optinteger(L, 3, 1), ls);
  matcher m;
  if (init > ls) {
    luaL_pushfail(L);
    return 1;
  }
  matcher_init(&m, L, s, ls, p + lp);
  if (find && (lua_toboolean(L, 4) || !has_specials(p, lp))) {
    const char *at = plain_search(&m, s + init, p, lp);
    flush(&m);
    return push_found(&m, at, at ? at + lp : NULL);
  }
  return search(&m, s + init, p, find);
}

static int string_find(lua_State *L)
{
  return find_aux(L, 1);
}

static int string_match(lua_State *L)
{
  return find_aux(L, 0);
}

/* ---- gmatch ------------------------------------------------------------ */

/* The iterator's upvalues: the meter, subject, pattern, the offset to go on
 * from and the offset where the last match ended (-1 before the first). */
enum { UP_METER = 1, UP_SUBJECT, UP_PATTERN, UP_POS, UP_LAST };

static void save_offsets(lua_State *L, lua_Integer pos, lua_Integer last)
{
  lua_pushinteger(L, pos);
  lua_replace(L, lua_upvalueindex(UP_POS));
  lua_pushinteger(L, last);
  lua_replace(L, lua_upvalueindex(UP_LAST));
}

/* The next match that does not end where the previous one did (so no empty
 * match right after a match); nothing once the subject is used up. '^' is
 * an ordinary byte here, as in stock Lua 5.4. */
static int gmatch_next(lua_State *L)
{
  size_t ls, lp;
  const char *s = lua_tolstring(L, lua_upvalueindex(UP_SUBJECT), &ls);
  const char *p = lua_tolstring(L, lua_upvalueindex(UP_PATTERN), &lp);
  lua_Integer pos = lua_tointeger(L, lua_upvalueindex(UP_POS));
  lua_Integer last = lua_tointeger(L, lua_upvalueindex(UP_LAST));
  matcher m;
  matcher_init(&m, L, s, ls, p + lp);
  for (; pos <= (lua_Integer)ls; pos++) {
    const char *e;
    restart(&m);
    if ((e = match(&m, s + pos, p)) && e - s != last) {
      flush(&m);
      save_offsets(L, e - s, e - s);
      return push_captures(&m, s + pos, e, 1);
    }
  }
  flush(&m);
  save_offsets(L, pos, last);
  return 0;
}

static int string_gmatch(lua_State *L)
{
  size_t ls;
  size_t init;
  luaL_checklstring(L, 1, &ls);
  luaL_checkstring(L, 2);
  init = start_offset(luaL_optinteger(L, 3, 1), ls);
  if (init > ls)
    init = ls + 1;  /* past the end: no match, not even an empty one */
  lua_settop(L, 2);
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_pushinteger(L, (lua_Integer)init);
  lua_pushinteger(L, -1);
  lua_pushcclosure(L, gmatch_next, UP_LAST);
  return 1;
}

/* ---- gsub -------------------------------------------------------------- */

/* Adds capture i of the match [s, e) to b; a position as its number. */
static void add_capture(matcher *m, luaL_Buffer *b, int i, const char *s,
                        const char *e)
{
  const char *at;
  ptrdiff_t len = capture_span(m, i, s, e, &at);
  if (len == CAP_POS) {
    lua_pushinteger(m->L, at - m->src + 1);
    luaL_addvalue(b);
    return;
  }
  charge(m, (size_t)len);
  luaL_addlstring(b, at, (size_t)len);
}

/* A replacement string: "%0" is the whole match, "%1"-"%9" the captures
 * ("%1" the whole match too when there are none), "%%" a '%'. */
static void add_template(matcher *m, luaL_Buffer *b, const char *s,
                         const char *e)
{
  size_t lt;
  const char *t = lua_tolstring(m->L, 3, &lt), *end = t + lt, *pc;
  charge(m, lt);
  while ((pc = memchr(t, '%', (size_t)(end - t))) != NULL) {
    luaL_addlstring(b, t, (size_t)(pc - t));
    /* xgettext:no-c-format */
    if (++pc == end)
      fail(m->L, _("invalid use of '%' in replacement string"));
    if (*pc == '%')
      luaL_addchar(b, '%');
    else if (*pc == '0') {
      charge(m, (size_t)(e - s));
      luaL_addlstring(b, s, (size_t)(e - s));
    }
    else if (*pc >= '1' && *pc <= '9')
      add_capture(m, b, *pc - '1', s, e);
    else  /* xgettext:no-c-format */
      fail(m->L, _("invalid use of '%' in replacement string"));
    t = pc + 1;
  }
  luaL_addlstring(b, t, (size_t)(end - t));
}

/* Adds the replacement of the match [s, e) to b; whether the text changed
 * (false or nil from a table or function keeps the match as it was). */
static int add_value(matcher *m, luaL_Buffer *b, const char *s, const char *e,
                     int tr)
{
  lua_State *L = m->L;
  if (tr == LUA_TNUMBER || tr == LUA_TSTRING) {
    add_template(m, b, s, e);
    return 1;
  }
  if (tr == LUA_TFUNCTION) {
    lua_pushvalue(L, 3);
    lua_call(L, push_captures(m, s, e, 1), 1);
  } else {
    push_capture(m, 0, s, e);
    lua_gettable(L, 3);
  }
  if (!lua_toboolean(L, -1)) {
    lua_pop(L, 1);
    luaL_addlstring(b, s, (size_t)(e - s));
    return 0;
  }
  if (!lua_isstring(L, -1))
    fail(L, lua_pushfstring(L, _("invalid replacement value (a %s)"),
                            luaL_typename(L, -1)));
  charge(m, lua_rawlen(L, -1));
  luaL_addvalue(b);
  return 1;
}

/* Replaces up to `max` matches from the subject's start (only there when
 * `anchor`), the rest of the subject copied; the count in *n, and whether
 * anything changed. A match may not end where the last one did, which
 * keeps an empty match from following a match at the same place. */
static int substitute(matcher *m, luaL_Buffer *b, const char *p, int anchor,
                      lua_Integer max, lua_Integer *n)
{
  const char *at = m->src, *last = NULL, *e;
  int tr = lua_type(m->L, 3), changed = 0;
  while (*n < max) {
    restart(m);
    if ((e = match(m, at, p)) && e != last) {
      ++*n;
      changed |= add_value(m, b, at, e, tr);
      at = last = e;
    } else if (at < m->src_end)
      luaL_addchar(b, *at++);
    else
      break;
    if (anchor)
      break;
  }
  luaL_addlstring(b, at, (size_t)(m->src_end - at));
  return changed;
}

static int string_gsub(lua_State *L)
{
  size_t ls, lp;
  const char *s = luaL_checklstring(L, 1, &ls);
  const char *p = luaL_checklstring(L, 2, &lp);
  int tr = lua_type(L, 3), anchor = lp > 0 && *p == '^';
  lua_Integer max = luaL_optinteger(L, 4, (lua_Integer)ls + 1), n = 0;
  luaL_Buffer b;
  matcher m;
  luaL_argexpected(L, tr == LUA_TNUMBER || tr == LUA_TSTRING ||
                   tr == LUA_TFUNCTION || tr == LUA_TTABLE, 3,
                   "string/function/table");
  matcher_init(&m, L, s, ls, p + lp);
  luaL_buffinit(L, &b);
  if (substitute(&m, &b, p + anchor, anchor, max, &n))
    luaL_pushresult(&b);
  else
    lua_pushvalue(L, 1);  /* unchanged: the subject itself */
  flush(&m);
  lua_pushinteger(L, n);
  return 2;
}

/* ---- registration ------------------------------------------------------ */

void pt_register(lua_State *L, int idx, const pt_meter *meter)
{
  static const luaL_Reg fns[] = {
    {"find", string_find},
    {"match", string_match},
    {"gmatch", string_gmatch},
    {"gsub", string_gsub},
    {NULL, NULL},
  };
  lua_pushvalue(L, idx);
  lua_pushlightuserdata(L, (void *)meter);
  luaL_setfuncs(L, fns, 1);
  lua_pop(L, 1);
}
