/* cascade: a plan checked against the plans it implements.
 *
 * For a child plan, finds the parent plans to check against (skipping a
 * parent whose text is unavailable for its nearest available ancestor),
 * works out which parent directives are addressed to the child's level,
 * and which child tasks, waivers or forwards answer each of them. The
 * checks (coverage, deadlines, owners, targets, links, fingerprints) and
 * the `coverage` and `suggest` commands all read that one computation.
 * Layer: check; calls model, deadline, date, diag, text, lang. */
#ifndef PLANCHECK_CASCADE_H
#define PLANCHECK_CASCADE_H

#include "model.h"

typedef enum cs_status {
  CS_MISSING,      /* addressed to the child, answered by nothing */
  CS_COVERED,      /* implemented by at least one child task */
  CS_WAIVED,       /* waived by the child, with a reason */
  CS_FORWARDED,    /* passed on by the child to the level below */
  CS_EXTRA,        /* not addressed to the child, yet implemented by it */
} cs_status;

/* "missing", "covered", "waived", "forwarded", "extra". */
const char *cs_status_name(cs_status s);
/* The status as users read it, in their language ("missing", "chưa cụ thể
 * hóa"); cs_status_name is the code JSON and HTML attributes carry. */
const char *cs_status_text(cs_status s);
/* A level as messages name it, in the user's language ("district",
 * "huyện"): "%s plans" is "kế hoạch cấp %s". md_level_name is the code. */
const char *cs_level_text(const md_model *m, md_level l);

/* One parent directive and what answers it in the child. */
typedef struct cs_row {
  md_item *directive;
  cs_status status;
  md_link **links;           /* the child's links to it, in document order */
  size_t nlinks;
  md_item *waiver, *forward; /* the child's statements naming it */
  int expired;               /* the waiver's `until` is past */
} cs_row;

/* A parent plan the child is checked against. */
typedef struct cs_target {
  md_plan *plan;
  md_parent *declared;       /* the `implements` that leads to it */
  md_plan *through;          /* the unavailable parent skipped, or NULL */
  cs_row *rows;
  size_t nrows;
  size_t count[CS_EXTRA + 1];
  uint32_t *index;           /* rows by directive, for cascade's lookups
                                (row number + 1; 0: empty slot) */
  size_t index_cap;          /* a power of two, or 0 */
} cs_target;

typedef struct cs_coverage {
  md_plan *child;
  md_level level;            /* the child's level (or the one below its parent's) */
  cs_target *targets;
  size_t ntargets;
} cs_coverage;

/* The directives of a target addressed to the child (every row but the
 * extra ones). */
size_t cs_addressed_count(const cs_target *t);

/* What answers each parent directive of `child`, as of a day (for expired
 * waivers). Allocated in the model's arena. Reports nothing. */
cs_coverage *cs_coverage_of(md_model *m, md_plan *child, dt_day as_of);

/* Every cascade finding for `child`: coverage, links, owners, deadlines,
 * targets, waivers, suspect links. */
void cs_check(md_model *m, md_plan *child, dt_day as_of);

/* Link cycles and plans that implement themselves, among the plans from
 * `from` to the last one loaded (m->plans: all of them; NULL: none). Run it once for what
 * is loaded; a run that reads more plans later runs it again from the
 * first new one (a circle through old plans only was reported already). */
void cs_check_cycles(md_model *m, md_plan *from);

/* The fingerprint of a directive's meaning (its normalised text, owners and
 * deadlines) as 16 hexadecimal digits; a link records it when reviewed. */
const char *cs_fingerprint(md_model *m, md_item *directive);

/* Whether a directive is addressed to plans of `level`: it or a section
 * around it cascades there, an owner is a collective addressing it, or an
 * owner's work is carried there through counterparts. */
int cs_addressed(const md_item *directive, md_level level);

/* Whether one of `task`'s owners corresponds to one of the directive's at
 * `level`: it carries the owner's work through counterparts, or the owner
 * is a collective addressing that level. 1 also when there is nothing to
 * compare (no owner on either side). */
int cs_owner_corresponds(const md_item *directive, const md_item *task, md_level level);

/* A short quotation of an item's first paragraph (at most `max` characters,
 * then "…"), for messages. */
const char *cs_excerpt(md_model *m, const md_item *it, size_t max);

#endif
