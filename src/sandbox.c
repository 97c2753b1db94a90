/* sandbox: the allow-listed Lua state; see sandbox.h.
 *
 * Three limits make an untrusted script harmless:
 * - the environment is built from an allow-list, so io, os, package,
 *   debug, require, dofile, loadfile, collectgarbage and string.dump are
 *   never reachable, and load only takes text;
 * - a count hook charges every VM instruction (and pattern.c every
 *   matching step) to a budget; once it is spent the hook fires on every
 *   instruction of every thread and raises again, so a pcall or a
 *   coroutine that swallows the error cannot keep a loop going;
 * - the allocator refuses to grow the state past its cap. */
#include "sandbox.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lualib.h>

#include "diag.h"
#include "text.h"

enum { HOOK_EVERY = 1000 };

sb_sandbox *sb_of(lua_State *L) {
  return *(sb_sandbox **)lua_getextraspace(L);
}

/* Every allocation of the state, counted against the cap. A refusal makes
 * Lua collect garbage and retry, then raise "not enough memory". */
static void *sb_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  sb_sandbox *s = ud;
  size_t old = ptr ? osize : 0;       /* without ptr, osize is a type tag */
  if (nsize == 0) {
    free(ptr);
    s->used -= old;
    return NULL;
  }
  if (nsize > old && nsize - old > s->cap - s->used) return NULL;
  void *p = realloc(ptr, nsize);
  if (p) s->used = s->used - old + nsize;
  return p;
}

/* Once the budget is spent, fire on every instruction so that every frame
 * still running, in any thread, fails at its next step. */
static void exhausted(lua_State *L, sb_sandbox *s) {
  s->tripped = 1;
  lua_sethook(L, lua_gethook(L), LUA_MASKCOUNT, 1);
  luaL_error(L, "instruction budget exhausted");
}

static void count_hook(lua_State *L, lua_Debug *ar) {
  (void)ar;
  sb_sandbox *s = sb_of(L);
  s->left -= HOOK_EVERY;
  if (s->left <= 0) exhausted(L, s);
}

static void spend(lua_State *L, void *ud, unsigned long steps) {
  sb_sandbox *s = ud;
  s->left -= (long long)steps;
  if (s->left <= 0) exhausted(L, s);
}

/* A Lua error outside any protected call is a bug in plancheck: every entry
 * goes through sb_call. Say so rather than abort silently. */
static int at_panic(lua_State *L) {
  const char *msg = lua_tostring(L, -1);
  fprintf(stderr, "plancheck: internal error: unprotected Lua error: %s\n", msg ? msg : "?");
  abort();
}

/* ---- the allow-list ---- */

static const char *const base_names[] = {
  "assert", "error", "getmetatable", "ipairs", "next", "pairs", "pcall", "rawequal", "rawget", "rawlen",
  "rawset", "select", "tonumber", "tostring", "type", "xpcall", "_VERSION", NULL,
};
static const char *const string_names[] = {
  "byte", "char", "format", "len", "lower", "pack", "packsize", "rep", "reverse", "sub", "unpack", "upper", NULL,
};
static const char *const table_names[] = {
  "concat", "insert", "move", "pack", "remove", "sort", "unpack", NULL,
};
static const char *const math_names[] = {
  "abs", "ceil", "cos", "deg", "exp", "floor", "fmod", "huge", "log", "max", "maxinteger", "min", "mininteger",
  "modf", "pi", "rad", "random", "randomseed", "sin", "sqrt", "tan", "tointeger", "type", "ult", NULL,
};
static const char *const utf8_names[] = {
  "char", "charpattern", "codepoint", "codes", "len", "offset", NULL,
};
static const char *const coroutine_names[] = {
  "close", "create", "isyieldable", "resume", "running", "status", "wrap", "yield", NULL,
};

/* Copies the named fields of the table at index `from` to the one at `to`. */
static void copy_fields(lua_State *L, int from, int to, const char *const *names) {
  from = lua_absindex(L, from);
  to = lua_absindex(L, to);
  for (; *names; names++) {
    lua_getfield(L, from, *names);
    lua_setfield(L, to, *names);
  }
}

/* The allow-listed part of library `lib` (a global of the real state) as
 * a new table on top of the stack. */
static void push_library(lua_State *L, const char *lib, const char *const *names) {
  lua_getglobal(L, lib);
  lua_newtable(L);
  copy_fields(L, -2, -1, names);
  lua_remove(L, -2);
}

/* The string library scripts get: no dump, bounded pattern matching. */
static void push_string_library(lua_State *L) {
  push_library(L, "string", string_names);
  pt_register(L, lua_gettop(L), &sb_of(L)->meter);
}

/* setmetatable that refuses a metatable with __gc: a finaliser would run
 * at a time no budget covers. Lua marks an object for finalisation only
 * when its metatable already has the field, so checking here suffices. */
static int safe_setmetatable(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  int t = lua_type(L, 2);
  luaL_argexpected(L, t == LUA_TNIL || t == LUA_TTABLE, 2, "nil or table");
  if (t == LUA_TTABLE && lua_getfield(L, 2, "__gc") != LUA_TNIL)
    return luaL_error(L, "scripts cannot set finalisers (__gc)");
  if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL) return luaL_error(L, "cannot change a protected metatable");
  lua_settop(L, 2);
  lua_setmetatable(L, 1);
  return 1;
}

/* load for text chunks only, in the calling script's environment unless
 * another is given. Upvalues: the real load, the script's environment. */
static int safe_load(lua_State *L) {
  int n = lua_gettop(L);
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_pushvalue(L, 1);
  if (n >= 2) lua_pushvalue(L, 2);
  else lua_pushnil(L);
  lua_pushliteral(L, "t");
  lua_pushvalue(L, n >= 4 ? 4 : lua_upvalueindex(2));
  lua_call(L, 4, LUA_MULTRET);
  return lua_gettop(L) - n;
}

/* print, for a script author's debugging: to stderr, never stdout, which
 * carries plancheck's own output. */
static int safe_print(lua_State *L) {
  int n = lua_gettop(L);
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  for (int i = 1; i <= n; i++) {
    if (i > 1) luaL_addchar(&b, '\t');
    luaL_tolstring(L, i, NULL);
    luaL_addvalue(&b);
  }
  luaL_addchar(&b, '\n');
  luaL_pushresult(&b);
  size_t len;
  const char *s = lua_tolstring(L, -1, &len);
  fwrite(s, 1, len, stderr);
  return 0;
}

void sb_push_env(lua_State *L) {
  lua_newtable(L);
  int env = lua_gettop(L);
  lua_pushglobaltable(L);
  copy_fields(L, -1, env, base_names);
  lua_pop(L, 1);
  lua_pushcfunction(L, safe_setmetatable);
  lua_setfield(L, env, "setmetatable");
  lua_pushcfunction(L, safe_print);
  lua_setfield(L, env, "print");
  lua_getglobal(L, "load");
  lua_pushvalue(L, env);
  lua_pushcclosure(L, safe_load, 2);
  lua_setfield(L, env, "load");
  push_string_library(L);
  lua_setfield(L, env, "string");
  push_library(L, "table", table_names);
  lua_setfield(L, env, "table");
  push_library(L, "math", math_names);
  lua_setfield(L, env, "math");
  push_library(L, "utf8", utf8_names);
  lua_setfield(L, env, "utf8");
  push_library(L, "coroutine", coroutine_names);
  lua_setfield(L, env, "coroutine");
  lua_pushvalue(L, env);
  lua_setfield(L, env, "_G");
}

/* The real state's libraries (only ever reached through copies), and the
 * string metatable: its __index becomes the script string library so that
 * ("").dump does not exist, and it is protected from getmetatable. */
static int setup(lua_State *L) {
  static const luaL_Reg libs[] = {
    { LUA_GNAME, luaopen_base }, { LUA_STRLIBNAME, luaopen_string }, { LUA_TABLIBNAME, luaopen_table },
    { LUA_MATHLIBNAME, luaopen_math }, { LUA_UTF8LIBNAME, luaopen_utf8 }, { LUA_COLIBNAME, luaopen_coroutine },
    { NULL, NULL },
  };
  for (const luaL_Reg *l = libs; l->name; l++) {
    luaL_requiref(L, l->name, l->func, 1);
    lua_pop(L, 1);
  }
  lua_pushliteral(L, "");
  lua_getmetatable(L, -1);
  push_string_library(L);
  lua_setfield(L, -2, "__index");
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  return 0;
}

int sb_open(sb_sandbox *s, ar_arena *a, long long budget, size_t cap) {
  memset(s, 0, sizeof *s);
  s->arena = a;
  s->budget = budget > 0 ? budget : SB_DEFAULT_BUDGET;
  s->cap = cap > 0 ? cap : SB_DEFAULT_MEMORY;
  s->meter = (pt_meter){ spend, s };
  s->L = lua_newstate(sb_alloc, s);
  if (!s->L) return -1;
  *(sb_sandbox **)lua_getextraspace(s->L) = s;
  lua_atpanic(s->L, at_panic);
  lua_pushcfunction(s->L, setup);
  sb_failure f;
  if (sb_call(s, 0, 0, &f) != SB_OK) {
    sb_close(s);
    return -1;
  }
  return 0;
}

void sb_close(sb_sandbox *s) {
  if (s->L) lua_close(s->L);
  s->L = NULL;
}

/* ---- calls ---- */

/* The message handler: records the frames of named chunks, innermost
 * first, while the stack is still there to walk. */
static int on_error(lua_State *L) {
  sb_sandbox *s = sb_of(L);
  lua_Debug ar;
  s->nframes = 0;
  for (int level = 0; s->nframes < SB_FRAMES && lua_getstack(L, level, &ar); level++) {
    if (!lua_getinfo(L, "Sl", &ar) || ar.currentline <= 0 || ar.source[0] != '@') continue;
    sb_frame *fr = &s->frames[s->nframes++];
    snprintf(fr->source, sizeof fr->source, "%s", ar.source + 1);
    fr->line = ar.currentline;
  }
  return 1;
}

const char *sb_describe(sb_sandbox *s, lua_State *L, int idx) {
  int t = lua_type(L, idx);
  if (t == LUA_TSTRING) {
    size_t n;
    const char *p = lua_tolstring(L, idx, &n);
    sl_slice v = tx_printable(s->arena, p, n);
    return ar_strndup(s->arena, v.p, v.n);
  }
  /* Not lua_tolstring: converting a number allocates, which may fail
   * outside a protected call. */
  if (lua_isinteger(L, idx)) return dg_fmt(s->arena, "%lld", (long long)lua_tointeger(L, idx));
  if (t == LUA_TNUMBER) return dg_fmt(s->arena, "%.14g", (double)lua_tonumber(L, idx));
  if (t == LUA_TNIL) return "nil";
  if (t == LUA_TBOOLEAN) return lua_toboolean(L, idx) ? "true" : "false";
  return dg_fmt(s->arena, "a %s value", lua_typename(L, t));
}

/* Lua prefixes error("...") messages with "chunk:line: ". The line goes to
 * f->line and the prefix is dropped: the diagnostic shows the place. */
static const char *strip_where(const char *msg, int *line) {
  const char *p = strstr(msg, ":");
  for (; p; p = strstr(p + 1, ":")) {
    const char *q = p + 1;
    int n = 0;
    while (*q >= '0' && *q <= '9') n = n * 10 + (*q++ - '0');
    if (q > p + 1 && q[0] == ':' && q[1] == ' ') {
      *line = n;
      return q + 2;
    }
  }
  return msg;
}

sb_status sb_call(sb_sandbox *s, int nargs, int nresults, sb_failure *f) {
  lua_State *L = s->L;
  int base = lua_gettop(L) - nargs;
  lua_pushcfunction(L, on_error);
  lua_insert(L, base);
  s->left = s->budget;
  s->tripped = 0;
  s->nframes = 0;
  lua_sethook(L, count_hook, LUA_MASKCOUNT, HOOK_EVERY);
  int rc = lua_pcall(L, nargs, nresults, base);
  lua_sethook(L, NULL, 0, 0);
  memset(f, 0, sizeof *f);
  if (rc == LUA_OK) {
    lua_remove(L, base);
    return f->status = SB_OK;
  }
  f->status = s->tripped ? SB_BUDGET : rc == LUA_ERRMEM ? SB_MEMORY : SB_ERROR;
  f->message = f->status == SB_BUDGET ? "instruction budget exhausted"
             : f->status == SB_MEMORY ? "memory limit reached"
             : strip_where(sb_describe(s, L, -1), &f->line);
  if (rc == LUA_ERRERR) f->message = dg_fmt(s->arena, "error in error handling: %s", f->message);
  memcpy(f->frames, s->frames, sizeof f->frames);
  f->nframes = s->nframes;
  lua_settop(L, base - 1);
  return f->status;
}
