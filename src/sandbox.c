/* sandbox: the allow-listed Lua state; see sandbox.h.
 *
 * Four limits make an untrusted script harmless:
 * - the environment is built from an allow-list, so io, os, package,
 *   debug, require, dofile, loadfile, collectgarbage and string.dump are
 *   never reachable, and load only takes text;
 * - a count hook charges every VM instruction (and pattern.c every
 *   matching step, the library functions that loop in C every element
 *   they will visit, the allocator every 16 bytes) to a budget; once it
 *   is spent the hook fires on every instruction of every thread and
 *   raises again, so a pcall or a coroutine that swallows the error
 *   cannot keep a loop going, and the call fails even if it then ends;
 * - the same hook stops a call that has run for far longer than its
 *   budget should take (one instruction can compare two long strings);
 * - the allocator refuses to grow the state past its cap.
 *
 * Lua turns hooks off while a hook runs and, when the hook raises, only a
 * protected call turns them on again. Until then the script code Lua runs
 * on the way (an xpcall message handler, the __close of a coroutine that
 * died of the error) would run unbudgeted, so xpcall, coroutine.wrap and
 * coroutine.close are wrapped to run none of it once the budget is spent. */
#include "sandbox.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <lauxlib.h>
#include <lualib.h>

#include "diag.h"
#include "lang.h"
#include "luaerr.h"
#include "mem.h"
#include "text.h"

enum {
  HOOK_EVERY = 1000,       /* instructions between two count hooks */
  BYTES_PER_STEP = 16,     /* bytes allocated per instruction charged:
                              about what memcpy moves in the time the VM
                              takes for an instruction */
  WALK_LEVELS = 64,        /* stack levels searched for script frames, at
                              each end of the stack */
  PRINT_MAX = 1 << 20,     /* bytes print() may write in a run */
};

static sb_tag **tag_of(lua_State *L) {
  return (sb_tag **)lua_getextraspace(L);
}

sb_sandbox *sb_of(lua_State *L) {
  return (*tag_of(L))->sb;
}

/* Whether the budget hook raised its error in thread L (not the main one,
 * which sb_call's protected call always recovers). */
static int stopped(lua_State *L) {
  return *tag_of(L) == &sb_of(L)->stopped;
}

/* ---- where a failure happened ---- */

static long long now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

static void count_hook(lua_State *L, lua_Debug *ar);

/* Whether the current call is past its time limit, for the places where
 * no hook runs and no error may be raised (the allocator, a walk of the
 * stack). Past it, the hook is made to run at the main thread's next
 * instruction (the other threads' run within HOOK_EVERY anyway), where it
 * sees the time spent and stops the call. */
static int expired(sb_sandbox *s) {
  if (s->timed_out) return 1;
  if (now_ns() <= s->deadline) return 0;
  s->timed_out = 1;
  lua_sethook(s->L, count_hook, LUA_MASKCOUNT, 1);
  return 1;
}

/* Records frame `level` of L when it belongs to a named chunk; 0 when L
 * has no such level. */
static int record_level(lua_State *L, int level, sb_frame *to, int *n) {
  lua_Debug ar;
  if (!lua_getstack(L, level, &ar)) return 0;
  if (!lua_getinfo(L, "Sl", &ar) || ar.currentline <= 0 || ar.source[0] != '@') return 1;
  sb_frame *fr = &to[(*n)++];
  snprintf(fr->source, sizeof fr->source, "%s", ar.source + 1);
  fr->line = ar.currentline;
  return 1;
}

/* The number of levels on L's stack, or -1 when the time ran out while
 * counting. lua_getstack walks from the top, so a walk over a deep stack
 * must not ask for every level: this asks for O(log depth) of them. */
static int stack_depth(sb_sandbox *s, lua_State *L) {
  lua_Debug ar;
  int lo = 0, hi = 1;
  while (lua_getstack(L, hi, &ar)) {
    if (expired(s)) return -1;
    lo = hi, hi *= 2;
  }
  while (hi - lo > 1) {
    int mid = lo + (hi - lo) / 2;
    if (expired(s)) return -1;
    if (lua_getstack(L, mid, &ar)) lo = mid;
    else hi = mid;
  }
  return lua_getstack(L, 0, &ar) ? lo + 1 : 0;
}

/* The frames of named chunks among the outermost levels of a stack deeper
 * than WALK_LEVELS, where the script that started a deep recursion is.
 * Each level costs a walk from the top: on a stack a million levels deep
 * (what the memory cap allows) the whole search takes a second or more, so
 * it is made once per call and its frames kept for the later failures of
 * the same call (a script that catches "not enough memory" and recurses
 * again has the same outer frames), and it gives up when the time runs
 * out. */
static void record_outer(sb_sandbox *s, lua_State *L) {
  if (s->nouter < 0) {
    s->nouter = 0;
    int depth = stack_depth(s, L);
    int from = depth - WALK_LEVELS > WALK_LEVELS ? depth - WALK_LEVELS : WALK_LEVELS;
    for (int level = from; level < depth && s->nouter < SB_FRAMES && !expired(s); level++)
      record_level(L, level, s->outer, &s->nouter);
  }
  for (int i = 0; i < s->nouter && s->nframes < SB_FRAMES; i++) s->frames[s->nframes++] = s->outer[i];
}

/* The frames of named chunks, innermost first: searched among the
 * innermost levels and, when those are all code that `load` made (a deep
 * recursion), the outermost ones (record_outer). */
static void record_frames(sb_sandbox *s, lua_State *L) {
  s->nframes = 0;
  int level = 0;
  while (level < WALK_LEVELS && s->nframes < SB_FRAMES && record_level(L, level, s->frames, &s->nframes)) level++;
  if (level == WALK_LEVELS && s->nframes < SB_FRAMES) record_outer(s, L);
}

/* ---- memory ---- */

/* Whether the frames can be walked while Lua allocates a block that may
 * be a new Lua stack (untagged, no old block). Lua 5.4.4 keeps the old
 * stack, and the frames pointing into it, until the new one is there;
 * later versions turn those pointers into offsets first. */
#define WALK_IN_STACK_GROWTH (LUA_VERSION_RELEASE_NUM <= 50404)

/* An allocation refused: Lua raises "not enough memory" without calling
 * any message handler, so the frames are recorded now. Only the main
 * thread is walked (a coroutine's allocation shows where it was resumed).
 * When it cannot be walked, the place of an earlier refusal in the call,
 * if any, stands.
 *
 * No hook runs between a refusal and the error it raises: Lua collects
 * all garbage, tries again, and unwinds, and the walk of a stack that a
 * deep recursion left a million levels deep is slow (record_outer). A
 * script that repeats that under pcall would run past its time limit
 * between two hooks, so the clock is read here. */
static void refused(sb_sandbox *s, void *ptr, size_t osize) {
  if (s->tripped || !s->L || expired(s)) return;
  if (!ptr && osize == 0 && !WALK_IN_STACK_GROWTH) return;
  record_frames(s, s->L);
}

/* Every allocation of the state, counted against the cap. A refusal makes
 * Lua collect garbage and retry, then raise "not enough memory". Growth is
 * also charged to the budget (the next hook stops a spent one): one
 * instruction can copy a long string, so `s = s .. "x"` in a loop would
 * otherwise do quadratic work within a linear budget. */
static void *sb_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  sb_sandbox *s = ud;
  size_t old = ptr ? osize : 0;       /* without ptr, osize is a type tag */
  if (nsize == 0) {
    free(ptr);
    s->used -= old;
    return NULL;
  }
  if (nsize > old && nsize - old > s->cap - s->used) {
    refused(s, ptr, osize);
    return NULL;
  }
  /* Under the cap, a failure is the system's, not the script's: the run
   * ends as out of memory (not a script-memory finding). */
  void *p = realloc(ptr, nsize);
  if (!p) mem_oom();
  s->used = s->used - old + nsize;
  if (nsize > old) s->left -= (long long)((nsize - old) / BYTES_PER_STEP);
  return p;
}

/* ---- the budget and the time limit ---- */

/* Stops the running call: from now on the hook fires on every instruction
 * of thread L (and of any other thread at its next hook), so every frame
 * still running fails at its next step. The place is recorded at the
 * first stop, where the budget was spent: in a coroutine, that is not
 * where the error finally reaches sb_call. */
static void stop(lua_State *L, sb_sandbox *s) {
  if (!s->tripped) record_frames(s, L);
  s->tripped = 1;
  if (L != s->L) *tag_of(L) = &s->stopped;
  lua_sethook(L, count_hook, LUA_MASKCOUNT, 1);
  luaL_error(L, "%s", s->timed_out ? _("time limit exceeded") : _("instruction budget exhausted"));
}

/* Charges what ran since the last hook: this thread's own interval. A
 * thread keeps the interval it was given, 1 once the budget is spent (a
 * coroutine takes its creator's); should such a thread ever run in a
 * later call, it is charged for what it ran and gets the normal interval
 * back. */
static void count_hook(lua_State *L, lua_Debug *ar) {
  (void)ar;
  sb_sandbox *s = sb_of(L);
  int every = lua_gethookcount(L);
  s->left -= every;
  if (s->left <= 0) stop(L, s);
  if (now_ns() > s->deadline) {
    s->timed_out = 1;
    stop(L, s);
  }
  if (every != s->every) lua_sethook(L, count_hook, LUA_MASKCOUNT, s->every);
}

/* Charges `steps` units of work done in C to the budget. */
static void spend(lua_State *L, void *ud, unsigned long steps) {
  sb_sandbox *s = ud;
  if (s->left <= 0 || steps >= (unsigned long long)s->left) {
    s->left = 0;
    stop(L, s);
  }
  s->left -= (long long)steps;
}

void sb_charge(lua_State *L, size_t steps) {
  spend(L, sb_of(L), (unsigned long)steps);
}

/* A Lua error outside any protected call is a bug in plancheck: every entry
 * goes through sb_call. Say so rather than abort silently. */
static int at_panic(lua_State *L) {
  const char *msg = lua_tostring(L, -1);
  fprintf(stderr, _("plancheck: internal error: unprotected Lua error: %s\n"), msg ? msg : "?");
  fflush(stderr);
  abort();
}

/* ---- library functions that loop in C ---- */

/* string.rep, table.move, insert, remove and sort loop in C, where no hook
 * fires, over a count the script chooses: string.rep("", math.maxinteger)
 * or table.move({}, 1, 1e15, 2) would never return, nor would an insert
 * into a table whose __len says 1e15. Each is wrapped to charge the
 * elements it will visit before it starts. (A repetition of a non-empty
 * string first allocates the whole result, which the allocator charges
 * and caps; table.concat and unpack stop on their own: the buffer hits
 * the memory cap, the stack its limit.) */

/* The elements from position a to b, or 0 when a > b. */
static lua_Unsigned span(lua_Integer a, lua_Integer b) {
  return a > b ? 0 : (lua_Unsigned)b - (lua_Unsigned)a + 1;
}

/* An integer argument, or `def` when it is something else (the library
 * function then reports it). */
static lua_Integer int_arg(lua_State *L, int i, lua_Integer def) {
  int isnum;
  lua_Integer n = lua_tointegerx(L, i, &isnum);
  return isnum ? n : def;
}

/* The length of the table argument, or 0 for anything else. It is taken
 * again by the library function, so a __len metamethod runs twice. */
static lua_Integer table_length(lua_State *L) {
  return lua_type(L, 1) == LUA_TTABLE ? luaL_len(L, 1) : 0;
}

/* Only a repetition of nothing: rep("", n) or rep("", n, ""). */
static lua_Unsigned rep_cost(lua_State *L) {
  size_t l = 0, lsep = 0;
  if (lua_isstring(L, 1)) lua_tolstring(L, 1, &l);
  if (lua_isstring(L, 3)) lua_tolstring(L, 3, &lsep);
  return l || lsep ? 0 : span(1, int_arg(L, 2, 0));
}

static lua_Unsigned move_cost(lua_State *L) {
  return span(int_arg(L, 2, 1), int_arg(L, 3, 0));
}

/* insert(t, pos, v) shifts the elements from pos up; insert(t, v) none. */
static lua_Unsigned insert_cost(lua_State *L) {
  if (lua_gettop(L) != 3) return 0;
  return span(int_arg(L, 2, LUA_MAXINTEGER), table_length(L));
}

/* remove(t, pos) shifts the elements after pos down; remove(t) none. */
static lua_Unsigned remove_cost(lua_State *L) {
  if (lua_isnoneornil(L, 2)) return 0;
  lua_Unsigned k = span(int_arg(L, 2, LUA_MAXINTEGER), table_length(L));
  return k ? k - 1 : 0;
}

/* About n log2 n comparisons. */
static lua_Unsigned sort_cost(lua_State *L) {
  lua_Unsigned n = span(1, table_length(L)), log = 1;
  while (log < 64 && (n >> log)) log++;
  return n > (lua_Unsigned)-1 / log ? (lua_Unsigned)-1 : n * log;
}

typedef enum cost { COST_REP, COST_MOVE, COST_INSERT, COST_REMOVE, COST_SORT } cost;
static lua_Unsigned (*const cost_of[])(lua_State *L) = { rep_cost, move_cost, insert_cost, remove_cost, sort_cost };

/* Upvalues: the library function, its cost (an integer). */
static int metered(lua_State *L) {
  lua_Unsigned n = cost_of[lua_tointeger(L, lua_upvalueindex(2))](L);
  if (n) spend(L, sb_of(L), n > ULONG_MAX ? ULONG_MAX : (unsigned long)n);
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
  return lua_gettop(L);
}

/* Replaces field `name` of the table on top with its metered version. */
static void meter_field(lua_State *L, const char *name, cost c) {
  lua_getfield(L, -1, name);
  lua_pushinteger(L, c);
  lua_pushcclosure(L, metered, 2);
  lua_setfield(L, -2, name);
}

/* ---- the allow-list ---- */

static const char *const base_names[] = {
  "assert", "error", "getmetatable", "ipairs", "next", "pairs", "pcall", "rawequal", "rawget", "rawlen",
  "rawset", "select", "tonumber", "tostring", "type", "_VERSION", NULL,
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
  "create", "isyieldable", "resume", "running", "status", "yield", NULL,
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

/* The string library scripts get: no dump, bounded pattern matching and
 * repetition. */
static void push_string_library(lua_State *L) {
  push_library(L, "string", string_names);
  pt_register(L, lua_gettop(L), &sb_of(L)->meter);
  meter_field(L, "rep", COST_REP);
}

static void push_table_library(lua_State *L) {
  push_library(L, "table", table_names);
  meter_field(L, "move", COST_MOVE);
  meter_field(L, "insert", COST_INSERT);
  meter_field(L, "remove", COST_REMOVE);
  meter_field(L, "sort", COST_SORT);
}

/* setmetatable that refuses a metatable with __gc: a finaliser would run
 * at a time no budget covers. Lua marks an object for finalisation only
 * when its metatable already has the field, so checking here suffices.
 * rawget, as Lua looks the field up: no metamethod of the metatable runs. */
static int safe_setmetatable(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  int t = lua_type(L, 2);
  luaL_argexpected(L, t == LUA_TNIL || t == LUA_TTABLE, 2, "nil or table");
  if (t == LUA_TTABLE) {
    lua_pushliteral(L, "__gc");
    if (lua_rawget(L, 2) != LUA_TNIL) return luaL_error(L, "%s", _("scripts cannot set finalisers (__gc)"));
    lua_pop(L, 1);
  }
  if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL) return luaL_error(L, "%s", _("cannot change a protected metatable"));
  lua_settop(L, 2);
  lua_setmetatable(L, 1);
  return 1;
}

/* The chunk name load gives Lua: never "@...", which names a script file,
 * so that loaded code cannot pass for a line of one (in a failure's place,
 * or the "chunk:line:" of a message). NULL: Lua's default. */
static void push_chunk_name(lua_State *L, const char *name) {
  if (!name) lua_pushnil(L);
  else if (name[0] == '@') lua_pushfstring(L, "=%s", name + 1);
  else lua_pushstring(L, name);
}

/* load for text chunks only, in the calling script's environment unless
 * another is given. Upvalues: the real load, the script's environment. A
 * mode without "t" asks for bytecode only: that fails as the real load
 * fails, with nil and a message. */
static int safe_load(lua_State *L) {
  int n = lua_gettop(L);
  const char *name = luaL_optstring(L, 2, NULL);
  const char *mode = luaL_optstring(L, 3, "bt");
  if (!strchr(mode, 't')) {
    luaL_pushfail(L);
    lua_pushfstring(L, _("attempt to load a text chunk (mode is '%s'); scripts cannot load bytecode"), mode);
    return 2;
  }
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_pushvalue(L, 1);
  push_chunk_name(L, name);
  lua_pushliteral(L, "t");
  lua_pushvalue(L, n >= 4 ? 4 : lua_upvalueindex(2));
  lua_call(L, 4, LUA_MULTRET);
  return lua_gettop(L) - n;
}

/* xpcall's message handler: the script's (upvalue 1), unless the budget
 * is spent; the error object then goes through as it is. */
static int guarded_handler(lua_State *L) {
  if (sb_of(L)->tripped) return 1;
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, lua_gettop(L) - 1, 1);
  return 1;
}

static int xpcall_done(lua_State *L, int status, lua_KContext ctx) {
  (void)status;
  (void)ctx;
  return lua_gettop(L);
}

/* xpcall with the handler guarded. Upvalue: the real xpcall, called with a
 * continuation so that the function may still yield. */
static int safe_xpcall(lua_State *L) {
  int n = lua_gettop(L);
  luaL_checktype(L, 2, LUA_TFUNCTION);
  lua_pushvalue(L, 2);
  lua_pushcclosure(L, guarded_handler, 1);
  lua_replace(L, 2);
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_callk(L, n, LUA_MULTRET, 0, xpcall_done);
  return xpcall_done(L, LUA_OK, 0);
}

/* Whether thread co died of an error (its to-be-closed variables still
 * open), in a thread the budget stopped: closing it would run their
 * __close with hooks off. */
static int stopped_dead(lua_State *co) {
  int st = lua_status(co);
  return st != LUA_OK && st != LUA_YIELD && stopped(co);
}

/* coroutine.close, except that a coroutine the budget stopped is left as
 * it is: false and the budget's message, as for any coroutine that died
 * of an error. Upvalue: the real close. */
static int safe_close(lua_State *L) {
  lua_State *co = lua_tothread(L, 1);
  if (co && stopped_dead(co)) {
    lua_pushboolean(L, 0);
    lua_pushstring(L, _("instruction budget exhausted"));
    return 2;
  }
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
  return lua_gettop(L);
}

/* The function coroutine.wrap returns, as Lua's own: resumes the
 * coroutine (upvalue 2) through the real resume (upvalue 1); on an error,
 * closes it (unless the budget stopped it) and raises the error here,
 * with this place prefixed to a message. */
static int wrapped(lua_State *L) {
  lua_State *co = lua_tothread(L, lua_upvalueindex(2));
  int n = lua_gettop(L);
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_pushvalue(L, lua_upvalueindex(2));
  lua_rotate(L, 1, 2);
  lua_call(L, n + 1, LUA_MULTRET);
  if (lua_toboolean(L, 1)) return lua_gettop(L) - 1;
  int st = lua_status(co);
  if (st != LUA_OK && st != LUA_YIELD && !stopped(co)) {
    st = lua_resetthread(co);
    lua_xmove(co, L, 1);
  }
  if (st != LUA_ERRMEM && lua_type(L, -1) == LUA_TSTRING) {
    luaL_where(L, 1);
    lua_insert(L, -2);
    lua_concat(L, 2);
  }
  return lua_error(L);
}

/* coroutine.wrap. Upvalue: the real resume. */
static int safe_wrap(lua_State *L) {
  luaL_checktype(L, 1, LUA_TFUNCTION);
  lua_State *co = lua_newthread(L);
  lua_pushvalue(L, 1);
  lua_xmove(L, co, 1);
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, -2);
  lua_pushcclosure(L, wrapped, 2);
  return 1;
}

/* The coroutine library scripts get. */
static void push_coroutine_library(lua_State *L) {
  push_library(L, "coroutine", coroutine_names);
  lua_getglobal(L, "coroutine");
  lua_getfield(L, -1, "close");
  lua_pushcclosure(L, safe_close, 1);
  lua_setfield(L, -3, "close");
  lua_getfield(L, -1, "resume");
  lua_pushcclosure(L, safe_wrap, 1);
  lua_setfield(L, -3, "wrap");
  lua_pop(L, 1);
}

/* print, for a script author's debugging: to stderr, never stdout, which
 * carries plancheck's own output; at most PRINT_MAX bytes in a run, since
 * a loop could otherwise fill a disk within its budget. */
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
  sb_sandbox *sb = sb_of(L);
  size_t room = (size_t)PRINT_MAX - sb->printed;
  if (room == 0) return 0;
  if (len > room) len = room;
  fwrite(s, 1, len, stderr);
  sb->printed += len;
  if (sb->printed == (size_t)PRINT_MAX) fputs(_("\n[plancheck: scripts printed 1 MiB; the rest is dropped]\n"), stderr);
  fflush(stderr);            /* seen as it happens, and before a worker's _exit */
  return 0;
}

/* Sets field `name` of the environment at `env` to a C closure over the
 * real global of the same name. */
static void set_wrapped_global(lua_State *L, int env, const char *name, lua_CFunction f) {
  lua_getglobal(L, name);
  lua_pushcclosure(L, f, 1);
  lua_setfield(L, env, name);
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
  set_wrapped_global(L, env, "xpcall", safe_xpcall);
  lua_getglobal(L, "load");
  lua_pushvalue(L, env);
  lua_pushcclosure(L, safe_load, 2);
  lua_setfield(L, env, "load");
  push_string_library(L);
  lua_setfield(L, env, "string");
  push_table_library(L);
  lua_setfield(L, env, "table");
  push_library(L, "math", math_names);
  lua_setfield(L, env, "math");
  push_library(L, "utf8", utf8_names);
  lua_setfield(L, env, "utf8");
  push_coroutine_library(L);
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
  s->every = s->budget < HOOK_EVERY ? (int)s->budget : HOOK_EVERY;
  s->cap = cap > 0 ? cap : SB_DEFAULT_MEMORY;
  s->meter = (pt_meter){ spend, s };
  s->running.sb = s->stopped.sb = s;
  s->L = lua_newstate(sb_alloc, s);
  if (!s->L) return -1;
  *tag_of(s->L) = &s->running;
  lua_atpanic(s->L, at_panic);
  /* A collection cycle starts when memory has grown to four times what the
   * last one left, not twice: a national run makes a million short-lived
   * objects, and the collector took about 2 % of it at the default. The
   * limit holds all the same: when sb_alloc refuses, Lua collects in full
   * and tries again. */
  lua_gc(s->L, LUA_GCINC, 400, 0, 0);
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

/* The message handler: records the frames of named chunks while the stack
 * is still there to walk, unless stop() has recorded where the budget ran
 * out. */
static int on_error(lua_State *L) {
  sb_sandbox *s = sb_of(L);
  if (!s->tripped) record_frames(s, L);
  return 1;
}

/* At most max bytes of s, cut before a UTF-8 continuation byte. */
static size_t clip(const char *s, size_t n, size_t max) {
  if (n <= max) return n;
  while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80) max--;
  return max;
}

const char *sb_describe(sb_sandbox *s, lua_State *L, int idx) {
  int t = lua_type(L, idx);
  if (t == LUA_TSTRING) {
    size_t n;
    const char *p = lua_tolstring(L, idx, &n);
    size_t keep = clip(p, n, SB_MESSAGE_MAX);
    sl_slice v = tx_printable(s->arena, p, keep);
    return dg_fmt(s->arena, "%.*s%s", (int)v.n, v.p, keep < n ? "…" : "");
  }
  /* Not lua_tolstring: converting a number allocates, which may fail
   * outside a protected call. */
  if (lua_isinteger(L, idx)) return dg_fmt(s->arena, "%lld", (long long)lua_tointeger(L, idx));
  if (t == LUA_TNUMBER) return dg_fmt(s->arena, "%.14g", (double)lua_tonumber(L, idx));
  if (t == LUA_TNIL) return "nil";
  if (t == LUA_TBOOLEAN) return lua_toboolean(L, idx) ? "true" : "false";
  return dg_fmt(s->arena, _("a %s value"), lua_typename(L, t));
}

/* The message of a failed call: an error object that is not a string or
 * a number says what it is, as lua.c does. */
static const char *error_message(sb_sandbox *s, lua_State *L) {
  int t = lua_type(L, -1);
  if (t == LUA_TSTRING || t == LUA_TNUMBER) return sb_describe(s, L, -1);
  return dg_fmt(s->arena, _("(error object is %s)"), sb_describe(s, L, -1));
}

/* Lua prefixes error("...") messages with "chunk:line: ". The chunk and
 * line go to f and the prefix is dropped: the diagnostic shows the place.
 * Only a prefix at the start counts, and the chunk has no blank except in
 * the [string "..."] form, so "at 10:30: ..." in a message stays. */
static const char *strip_where(sb_sandbox *s, const char *msg, sb_failure *f) {
  int bracketed = strncmp(msg, "[string \"", 9) == 0;
  for (const char *p = strchr(msg, ':'); p; p = strchr(p + 1, ':')) {
    const char *q = p + 1;
    int n = 0;
    while (*q >= '0' && *q <= '9' && n < 10000000) n = n * 10 + (*q++ - '0');
    if (q > p + 1 && q[0] == ':' && q[1] == ' ') {
      f->chunk = ar_strndup(s->arena, msg, (size_t)(p - msg));
      f->line = n;
      return q + 2;
    }
    if (!bracketed && memchr(msg, ' ', (size_t)(p - msg))) break;
  }
  return msg;
}

sb_status sb_call(sb_sandbox *s, int nargs, int nresults, sb_failure *f) {
  lua_State *L = s->L;
  int base = lua_gettop(L) - nargs;
  lua_pushcfunction(L, on_error);
  lua_insert(L, base);
  s->left = s->budget;
  s->tripped = s->timed_out = 0;
  s->nframes = 0;
  s->nouter = -1;
  long long now = now_ns(), room = (LLONG_MAX - SB_TIME_BASE_NS - now) / SB_TIME_PER_INSTRUCTION_NS;
  s->deadline = s->budget > room ? LLONG_MAX : now + SB_TIME_BASE_NS + s->budget * SB_TIME_PER_INSTRUCTION_NS;
  lua_sethook(L, count_hook, LUA_MASKCOUNT, s->every);
  int rc = lua_pcall(L, nargs, nresults, base);
  lua_sethook(L, NULL, 0, 0);
  memset(f, 0, sizeof *f);
  /* A coroutine that ran out returns its error to a resume; the call may
   * then end within the main thread's next HOOK_EVERY instructions. It
   * still failed. */
  if (rc == LUA_OK && (s->tripped || s->timed_out)) {
    lua_settop(L, base);
    lua_pushnil(L);
    rc = LUA_ERRRUN;
  }
  if (rc == LUA_OK) {
    lua_remove(L, base);
    return f->status = SB_OK;
  }
  f->status = s->timed_out ? SB_TIME : s->tripped ? SB_BUDGET : rc == LUA_ERRMEM ? SB_MEMORY : SB_ERROR;
  f->message = f->status == SB_TIME     ? _("time limit exceeded")
             : f->status == SB_BUDGET ? _("instruction budget exhausted")
             : f->status == SB_MEMORY ? _("memory limit reached")
             : le_text(s->arena, strip_where(s, error_message(s, L), f));
  if (rc == LUA_ERRERR) f->message = dg_fmt(s->arena, _("error in error handling: %s"), f->message);
  memcpy(f->frames, s->frames, sizeof f->frames);
  f->nframes = s->nframes;
  lua_settop(L, base - 1);
  return f->status;
}
