/* pattern: Lua 5.4's string.find, string.match, string.gmatch and
 * string.gsub, reimplemented so that every step of matching is charged to a
 * budget.
 *
 * The sandbox stops runaway rule scripts with an instruction-count hook, but
 * the stock functions match in C where the hook never fires: one call such as
 * ("a"):rep(1e5):find(("a-"):rep(20).."b") backtracks for ever. These
 * versions behave exactly like the stock ones (results, captures, errors and
 * their wording, the nesting limit behind "pattern too complex") and report
 * their work, in batches, through a pt_meter, which may stop them with a Lua
 * error.
 *
 * Layer: Lua support, below the sandbox; calls only the Lua C API, lang
 * (the messages of errors) and the C library, never allocates. */
#ifndef PLANCHECK_PATTERN_H
#define PLANCHECK_PATTERN_H

#include <lua.h>

/* Charges `steps` units of matching work to the caller's budget. It may
 * raise a Lua error (longjmp) when the budget is exhausted, so the matcher
 * must not own heap memory across the call (use the Lua stack / luaL_Buffer). */
typedef struct pt_meter {
  void (*spend)(lua_State *L, void *ud, unsigned long steps);
  void *ud;
} pt_meter;

/* Sets find, match, gmatch and gsub in the table at stack index `idx` to the
 * bounded versions. `meter` must outlive the Lua state (stored as a light
 * userdata upvalue). A NULL spend means unbounded (used by tests). */
void pt_register(lua_State *L, int idx, const pt_meter *meter);

#endif
