/* luaerr: Lua's own error messages in the user's language.
 *
 * A script that fails shows its author Lua's message: "attempt to index a
 * nil value (field 'x')", "bad argument #1 to 'find' (string expected, got
 * nil)", "'end' expected near <eof>". Those texts are made in liblua, where
 * xgettext cannot find them, so this module knows their shapes (Lua 5.4's
 * ldebug.c, lvm.c, lauxlib.c, llex.c, lparser.c and the libraries), each an
 * English template with %s where Lua puts a value, marked N_() so that the
 * catalogue translates it like any other message; a message of one of those
 * shapes is rewritten with the template's translation, the values kept as
 * Lua wrote them. Any other message (a script's own error("...")) is left
 * as it is, and so is every message in English.
 *
 * Layer: Lua support; calls lang, diag (dg_fmt), arena. */
#ifndef PLANCHECK_LUAERR_H
#define PLANCHECK_LUAERR_H

#include "arena.h"

/* msg in the user's language (made in `a`), or msg itself. */
const char *le_text(ar_arena *a, const char *msg);

/* The same with `tr` as the translation of a template, for tests. */
const char *le_text_with(ar_arena *a, const char *msg, const char *(*tr)(const char *));

#endif
