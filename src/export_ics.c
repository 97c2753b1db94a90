/* export: iCalendar (RFC 5545): the deadlines and recurring duties of
 * `report --format ics`; see export.h. */
#include "export.h"

#include <string.h>

#include "cascade.h"
#include "lang.h"

/* One content line, folded (RFC 5545 3.1): at most 75 octets a line, the
 * rest on lines that start with a space, never inside a UTF-8 sequence. */
static void ics_line(FILE *out, const char *s) {
  size_t n = strlen(s), limit = 75;
  while (n) {
    size_t take = n < limit ? n : limit;
    while (take < n && take > 1 && ((unsigned char)s[take] & 0xC0) == 0x80) take--;
    fwrite(s, 1, take, out);
    fputs("\r\n", out);
    s += take;
    n -= take;
    if (n) fputc(' ', out);
    limit = 74;
  }
}

/* A TEXT value: backslash, comma, semicolon and line breaks escaped. */
static const char *ics_text(md_model *m, const char *s) {
  size_t n = strlen(s), o = 0;
  char *t = ar_alloc(m->arena, 2 * n + 1);
  for (; *s; s++) {
    if (*s == '\\' || *s == ',' || *s == ';') t[o++] = '\\';
    if (*s == '\n') { t[o++] = '\\'; t[o++] = 'n'; continue; }
    t[o++] = *s;
  }
  return t;
}

static const char *ics_date(md_model *m, dt_day d) {
  int y, mo, dd;
  dt_to_ymd(d, &y, &mo, &dd);
  return dg_fmt(m->arena, "%04d%02d%02d", y, mo, dd);
}

typedef struct ics_event {
  const md_plan *plan;
  const md_item *task;
  const md_due *due;
  int due_no, part_no;
  dt_day day;                /* the (first) last day allowed */
  const char *rrule;         /* recurring: the rule, else NULL */
} ics_event;

static void ics_event_write(FILE *out, md_model *m, const ics_event *e, dt_day as_of) {
  const md_item *t = e->task;
  const char *number = md_local_id(t);
  const char *with = ex_names_of(m, t->with, "; ");
  const char *desc = dg_fmt(m->arena, _("%s\n\n%s\nLead: %s%s%s\nDeadline: %s"), ex_paragraphs(m, t->texts, "\n"),
                            ex_plan_heading(m, e->plan), ex_names_of(m, t->owners, "; "), *with ? _("\nWith: ") : "", with,
                            ex_due_text(m, e->due));
  ics_line(out, "BEGIN:VEVENT");
  ics_line(out, dg_fmt(m->arena, "UID:%s", ics_text(m, dg_fmt(m->arena, "%s/due%d/part%d@plancheck", t->id, e->due_no,
                                                                e->part_no))));
  ics_line(out, dg_fmt(m->arena, "DTSTAMP:%sT000000Z", ics_date(m, as_of)));
  ics_line(out, dg_fmt(m->arena, "DTSTART;VALUE=DATE:%s", ics_date(m, e->day)));
  ics_line(out, dg_fmt(m->arena, "DTEND;VALUE=DATE:%s", ics_date(m, e->day + 1)));
  if (e->rrule) ics_line(out, dg_fmt(m->arena, "RRULE:%s", e->rrule));
  ics_line(out, dg_fmt(m->arena, "SUMMARY:%s", ics_text(m, dg_fmt(m->arena, "%s: %s", number, cs_excerpt(m, t, 60)))));
  ics_line(out, dg_fmt(m->arena, "DESCRIPTION:%s", ics_text(m, desc)));
  ics_line(out, "TRANSP:TRANSPARENT");
  ics_line(out, "END:VEVENT");
}

/* The first day a recurring duty falls due on or after `from` (the last day
 * of its month, quarter or year), and its rule; 0 for a duty with no
 * calendar ("theo nhiệm kỳ", "định kỳ"). */
static int recurrence(md_model *m, const dl_deadline *d, dt_day from, dt_day *first, const char **rule) {
  int y, mo, dd;
  dt_to_ymd(from, &y, &mo, &dd);
  switch (d->period) {
  case DL_PERIOD_YEAR:
    if (d->month >= 1 && d->month <= 12) {
      *first = dt_month(y, d->month).last;
      if (*first < from) *first = dt_month(y + 1, d->month).last;
      *rule = dg_fmt(m->arena, "FREQ=YEARLY;BYMONTH=%d;BYMONTHDAY=-1", d->month);
    } else {
      *first = dt_year(y).last;
      *rule = "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=-1";
    }
    return 1;
  case DL_PERIOD_QUARTER:
    *first = dt_quarter(y, (mo - 1) / 3 + 1).last;
    *rule = "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1";
    return 1;
  case DL_PERIOD_MONTH:
    *first = dt_month(y, mo).last;
    *rule = "FREQ=MONTHLY;BYMONTHDAY=-1";
    return 1;
  default:
    return 0;
  }
}

/* The event a part of a due gives, if it has a day: a dated part on the
 * last day it allows; a recurring duty from its first occurrence on or
 * after the plan's date (or the start of the as-of year when the date is
 * unknown). Parts of another level's stage are not this plan's. */
static int ics_part(md_model *m, ics_event *e, const dl_deadline *d, dt_day as_of) {
  if (!md_applies(m, e->plan->structure, d, e->plan->level)) return 0;
  e->rrule = NULL;
  if (d->kind == DL_RECURRING) {
    int y, mo, dd;
    dt_to_ymd(as_of, &y, &mo, &dd);
    return recurrence(m, d, e->plan->date_known ? e->plan->date : dt_year(y).first, &e->day, &e->rrule);
  }
  if (d->kind == DL_CONTINUOUS) return 0;
  e->day = dl_span(d).last;
  return e->day != DT_MAX;
}

typedef struct ics_walk {
  FILE *out;
  md_model *m;
  const md_plan *plan;
  dt_day as_of;
} ics_walk;

static int ics_task(md_item *t, void *ctx) {
  ics_walk *w = ctx;
  if (t->kind != MD_TASK) return 0;
  ics_event e = { .plan = w->plan, .task = t };
  for (const md_due *due = t->dues; due; due = due->next) {
    e.due = due;
    e.due_no++;
    e.part_no = 0;
    for (const dl_deadline *d = due->dl; d; d = d->next) {
      e.part_no++;
      if (ics_part(w->m, &e, d, w->as_of)) ics_event_write(w->out, w->m, &e, w->as_of);
    }
  }
  return 0;
}

void ex_ics_document(FILE *out, md_model *m, md_plan *const *plans, size_t n, ex_when when) {
  dt_day as_of = when.as_of;
  ics_line(out, "BEGIN:VCALENDAR");
  ics_line(out, "VERSION:2.0");
  ics_line(out, lg_current() == LG_VI ? "PRODID:-//plancheck//plancheck report//VI" : "PRODID:-//plancheck//plancheck report//EN");
  ics_line(out, "CALSCALE:GREGORIAN");
  dg_buf keys = dg_buf_in(m->arena);
  for (size_t i = 0; i < n; i++) {
    const char *k = ex_key_of(m, plans[i]);
    if (i) dg_buf_add(&keys, ", ", 2);
    dg_buf_add(&keys, k, strlen(k));
  }
  ics_line(out, dg_fmt(m->arena, "X-WR-CALNAME:%s", ics_text(m, dg_fmt(m->arena, _("Deadlines: %s"), dg_buf_text(&keys)))));
  for (size_t i = 0; i < n; i++) {
    ics_walk w = { out, m, plans[i], as_of };
    md_walk(&plans[i]->root, ics_task, &w);
  }
  ics_line(out, "END:VCALENDAR");
}

