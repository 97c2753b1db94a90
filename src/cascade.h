/* cascade: a plan checked against the plans it implements.
 *
 * For a child plan, finds the parent plans to check against (skipping a
 * parent whose text is unavailable for its nearest available ancestor),
 * works out which parent directives are addressed to the child's level,
 * and which child tasks, waivers or forwards answer each of them. The
 * checks (coverage, deadlines, owners, targets, links, fingerprints) and
 * the `coverage` and `suggest` commands all read that one computation.
 * Layer: check; calls model, place, deadline, date, diag, text, lang. */
#ifndef PLANCHECK_CASCADE_H
#define PLANCHECK_CASCADE_H

#include "model.h"
#include "place.h"

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

/* The places a directive names that decide whom it is addressed to: the
 * country, which makes a central plan's directive the centre's own work,
 * or places below its plan's level, which make it theirs only. */
typedef struct cs_scope {
  const md_place *v[PL_MAX_NAMED];
  size_t n;
  int national;              /* a conference of the whole country: the
                                work of the level that holds it */
  md_level top;              /* the level of the directive's plan */
} cs_scope;

/* One parent directive and what answers it in the child. */
typedef struct cs_row {
  md_item *directive;
  cs_status status;
  md_link **links;           /* the child's links to it, in document order */
  size_t nlinks;
  md_item *waiver, *forward; /* the child's statements naming it */
  int expired;               /* the waiver's `until` is past */
  const cs_scope *scope;     /* the places that narrow it, or NULL */
  const md_item *forwarded_by;  /* the intermediate plan's `forward` that
                                   addresses it to the child, or NULL */
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
  const md_place *place;     /* the place its `place` names, or NULL */
  cs_target *targets;
  size_t ntargets;
} cs_coverage;

/* The directives of a target addressed to the child (every row but the
 * extra ones). */
size_t cs_addressed_count(const cs_target *t);

/* The row of directive d in a target, or NULL when d is not addressed to
 * the child and the child does not implement it. */
const cs_row *cs_row_of(const cs_target *t, const md_item *d);

/* What answers each parent directive of `child`, as of a day (for expired
 * waivers). Allocated in the model's arena. Reports nothing. */
cs_coverage *cs_coverage_of(md_model *m, md_plan *child, dt_day as_of);

/* Every cascade finding for `child`: coverage, links, owners, deadlines,
 * targets, waivers, suspect links. Returns the coverage it checked, for
 * the checks of the layers above (suggest's link-weak). */
cs_coverage *cs_check(md_model *m, md_plan *child, dt_day as_of);

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
 * owner's work is carried there through counterparts (within the levels
 * the owner `exists` at). The places it names may narrow it further to
 * some plans of the level; cs_coverage_of applies them. */
int cs_addressed(const md_item *directive, md_level level);

/* Whether one of `task`'s owners corresponds to one of the directive's at
 * `level`: it carries the owner's work through counterparts, or the owner
 * is a collective addressing that level. 1 also when there is nothing to
 * compare (no owner on either side). */
int cs_owner_corresponds(const md_item *directive, const md_item *task, md_level level);

/* Why directive d is addressed to the child's level, or why it is not,
 * in words ("addressed to district plans because Ban Tổ chức Huyện ủy
 * carries there the work of its owner Ban Tổ chức Trung ương"). `row` is
 * its row of the child's coverage, or NULL when it has none. */
const char *cs_why(md_model *m, const cs_coverage *c, const md_item *d, const cs_row *row);

/* The body of `level` that carries `owner`'s work, for a plan that
 * assigns it (`new --from`): the nearest through counterparts (Ban Tổ
 * chức Huyện ủy for Ban Tổ chức Trung ương, not a body of its members),
 * or, when that body no longer existed on `child`'s date, the one that
 * took its work over. NULL when no loaded body carries it. `child` may be
 * NULL (any time). */
const md_body *cs_carrier(md_model *m, const md_body *owner, md_level level, const md_plan *child);

/* A short quotation of an item's first paragraph (at most `max` characters,
 * then "…"), for messages. */
const char *cs_excerpt(md_model *m, const md_item *it, size_t max);

#endif
