/* luamodel: the model as read-only Lua objects.
 *
 * Plans, items, bodies, deadlines, links, measures and parent declarations
 * reach scripts as userdata proxies: a script can read every field but has
 * nothing it could write to (a userdata takes no fields, and its metatable
 * is protected). One proxy per model object, so `a == b` compares objects.
 * Fields are computed on access (an item's folded text once, until
 * lm_forget); lists are fresh tables each time.
 * Layer: check; calls model, deadline, cascade, lang, the Lua C API. */
#ifndef PLANCHECK_LUAMODEL_H
#define PLANCHECK_LUAMODEL_H

#include <lua.h>

#include "model.h"

typedef struct lm_view lm_view;

/* Makes the model reachable from the state (before resolving: recognizers
 * see it as it is resolved); before that, model functions raise "the plans
 * are not loaded yet". `scratch` holds text made for one use: the caller
 * empties it after each call. `texts` holds the folded texts of items
 * (field folded_text), kept until lm_forget. Runs inside sb_call. */
lm_view *lm_attach(lua_State *L, md_model *m, ar_arena *scratch, ar_arena *texts);

/* Drops the folded texts kept so far: call it when a plan's rules are
 * done, and after any other call into the scripts, so that what is kept
 * stays within one plan. No Lua is run. */
void lm_forget(lm_view *v);

void lm_push_plan(lua_State *L, md_plan *p);
void lm_push_item(lua_State *L, md_item *it);
/* A deadline, with the item that holds it (for the plan's level). */
void lm_push_due(lua_State *L, md_due *d, md_item *it);

/* The source place of the model object at idx, or of an explicit
 * "file:line:col" string or {file=, line=, col=, len=} table naming a
 * loaded file (col defaults to 1; len, in code points, to 0: one caret).
 * Returns 0, or raises a Lua error saying what is wrong. */
int lm_check_loc(lua_State *L, int idx, md_loc *out);

/* Adds the model functions (plans, plan, item, body, bodies, fold,
 * recognize) to the table on top of the stack. */
void lm_add_functions(lua_State *L);

#endif
