/* check: the built-in findings about one plan on its own: numbering
 * (duplicates, gaps, a sub-number under the wrong parent), a deadline
 * printed in a task's text that no `due` carries (deadline-in-text, through
 * dl_find), and the note on a plan whose issue date is unknown. The other
 * single-plan checks (owner-missing, deadline-before-issue, target-range, ...)
 * are Lua rules in stdlib/rules.lua. Each finding has a stable code (see
 * docs/LANGUAGE.md). Layer: check; calls model, deadline, text, diag. */
#ifndef PLANCHECK_CHECK_H
#define PLANCHECK_CHECK_H

#include "model.h"

/* The checks of one plan; `texts`: also those that read every task's text
 * (deadline-in-text), which a national run in parts leaves out unless
 * asked (docs/LANGUAGE.md). */
void ck_plan(md_model *m, md_plan *p, int texts);

#endif
