/* check: the findings about one plan on its own.
 *
 * Numbering (duplicates, gaps, a sub-number under the wrong parent), tasks
 * with no owner, deadlines that end before the plan is issued, and targets
 * whose values make no sense. Each finding has a stable code (see
 * docs/LANGUAGE.md). Layer: check; calls model, deadline, diag. */
#ifndef PLANCHECK_CHECK_H
#define PLANCHECK_CHECK_H

#include "model.h"

void ck_plan(md_model *m, md_plan *p);

#endif
