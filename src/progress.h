/* progress: the record of what happened, joined to the plans.
 *
 * A progress record (`progress KEY { 2023-07-28 done "III.5.1" ... }`)
 * says, with dates and the documents that prove them, which documents
 * bodies issued and which directives were done, started, cancelled or
 * reported on. This module resolves each entry's directives (relative to
 * the block's plan, or whole ids), hangs the entries on the items they name
 * (md_item.record, in day order), and reports entries that name unknown
 * directives or plans, dates after the as-of day, a `for` that names no
 * deadline of the directive, and directives recorded done twice. Bodies are
 * resolved by resolve with every other reference. Layer: resolve; calls
 * model, diag, text, index. */
#ifndef PLANCHECK_PROGRESS_H
#define PLANCHECK_PROGRESS_H

#include "model.h"

/* Resolves every progress entry loaded, as of a day: entries dated after
 * it are errors and are left out of the record. */
void pg_resolve(md_model *m, dt_day as_of);

/* "issued", "done", "started", "cancelled", "reported": as written. */
const char *pg_kind_name(md_event_kind k);
/* The same as users read it, in their language ("done", "hoàn thành"). */
const char *pg_kind_text(md_event_kind k);

#endif
