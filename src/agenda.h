/* agenda: where a plan stands on a day.
 *
 * From the plan's deadlines and the progress record (documents issued,
 * directives done, started or cancelled, reports sent), works out for
 * each directive of a plan, as of a day: what is overdue and by how many
 * days, what falls due within a window, which conditional directives have
 * been triggered (the awaited document issued, or the parent deliverable
 * they wait for done) and when they became due, the next occurrence of
 * each recurring duty and reporting obligation (and any past occurrence
 * that was not reported), and what still waits, for what. The `agenda`
 * command and the HTML report both read this one computation.
 * Layer: check; calls model, deadline, date, text, mem. */
#ifndef PLANCHECK_AGENDA_H
#define PLANCHECK_AGENDA_H

#include "model.h"

typedef enum ag_group {
  AG_OVERDUE,      /* a deadline passed and the directive is not done */
  AG_DUE,          /* falls due within the window */
  AG_TRIGGERED,    /* conditional, and its event has happened */
  AG_RECURRING,    /* a recurring duty or report: its next occurrence */
  AG_WAITING,      /* conditional, its event has not happened */
  AG_NGROUPS
} ag_group;

/* One deadline of one directive, for one of its lead owners. */
typedef struct ag_entry {
  ag_group group;
  md_body *owner;            /* the lead owner it is listed under, or NULL
                                (no owner, or an owner naming no body) */
  md_body *named_owner;      /* the lead the plan names, when that body
                                had ceased by the agenda's day and `owner`
                                is the one that took its work over; else
                                NULL */
  dt_day carried_since;      /* with named_owner: the day of the change */
  md_level stage;            /* the level below the plan's whose stage of
                                a staged deadline this is (the plan sets
                                it, and follows it up); 0 for the plan's
                                own deadline */
  md_item *task;
  md_due *due;               /* the `due` it comes from */
  const dl_deadline *dl;     /* the part of that due's meaning */
  dt_day date;               /* OVERDUE, DUE, TRIGGERED: the day it falls
                                due (the last day allowed); RECURRING: the
                                next occurrence; DT_MAX when it has none */
  long days;                 /* OVERDUE: days late; DUE: days left */
  int no_delay;              /* TRIGGERED: the plan gives no delay, or says
                                "at once" (ngay sau khi), so it is due from
                                the trigger on, with no day it is late */
  md_event *trigger;         /* TRIGGERED: the entry that triggered it (an
                                issued document, or the awaited directive
                                recorded done) */
  md_event *started;         /* the directive's latest `started`, or NULL */
  dt_day missed;             /* RECURRING, OVERDUE: the past occurrence no
                                report was recorded for, or DT_MAX */
  md_event *last_report;     /* RECURRING: the latest report recorded */
  const char *waits_for;     /* WAITING: what it waits for, in words
                                ("văn bản của Tỉnh ủy") */
  dt_day expected;           /* WAITING: the end of the time the phrase
                                expects the event in, or DT_MAX */
} ag_entry;

typedef struct ag_agenda {
  md_plan *plan;
  dt_day as_of;
  int within;                /* days */
  ag_entry *entries;         /* ordered by owner (the plan's order of
                                first appearance), group, date, task */
  size_t n;
  size_t count[AG_NGROUPS];
  size_t done, cancelled;    /* directives recorded done / cancelled */
  size_t continuous;         /* deadlines with no date ("thường xuyên") */
  size_t undated;            /* deadlines unrecognised or with no date */
} ag_agenda;

/* The agenda of `p` as of a day, with a window of `within` days; only the
 * entries of `owner` when it is not NULL (a lead owner of the directive).
 * Allocated in the model's arena. Reports nothing. */
ag_agenda *ag_agenda_of(md_model *m, md_plan *p, dt_day as_of, int within, const md_body *owner);

/* "overdue", "due", "triggered", "recurring", "waiting". */
const char *ag_group_name(ag_group g);

#endif
