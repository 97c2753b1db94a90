/* deadline: canonical text and spans of recognised deadlines; see deadline.h.
 *
 * The canonical text is what `due ... as "..."` takes, and grammar/phrase.re
 * reads it back: every form printed here must stay recognisable there, so
 * that recognising the canonical text of a deadline gives the deadline back.
 * Layer: model; calls date, arena. */
#include "deadline.h"

#include <stdio.h>
#include <string.h>

/* A bounded writer: counts every byte, stores those that fit. Rendering runs
 * once to measure and once to fill, so the arena gets one exact block. */
typedef struct writer {
  char *p;
  size_t n, cap;
} writer;

static void put_bytes(writer *w, const char *s, size_t n) {
  for (size_t i = 0; i < n; i++, w->n++)
    if (w->n < w->cap) w->p[w->n] = s[i];
}

static void put(writer *w, const char *s) { put_bytes(w, s, strlen(s)); }

static void put_int(writer *w, int v) {
  char tmp[16];
  snprintf(tmp, sizeof tmp, "%d", v);
  put(w, tmp);
}

static void put_2digits(writer *w, int v) {
  char tmp[2] = { (char)('0' + v / 10 % 10), (char)('0' + v % 10) };
  put_bytes(w, tmp, 2);
}

/* A quoted name; '"' and '\' are escaped as in the plan language, so a name
 * containing a quote still reads back as one string. */
static void put_quoted(writer *w, sl_slice s) {
  put(w, "\"");
  for (size_t i = 0; i < s.n; i++) {
    if (s.p[i] == '"' || s.p[i] == '\\') put(w, "\\");
    put_bytes(w, s.p + i, 1);
  }
  put(w, "\"");
}

/* The period of the given granularity that contains `day`: "2024",
 * "2024-Q2", "2024-07" or "2024-07-15". */
static void put_period(writer *w, dl_unit unit, dt_day day) {
  int y, m, d;
  char iso[11];
  dt_to_ymd(day, &y, &m, &d);
  switch (unit) {
  case DL_UNIT_QUARTER:
    put_int(w, y);
    put(w, "-Q");
    put_int(w, (m - 1) / 3 + 1);
    break;
  case DL_UNIT_MONTH:
    put_int(w, y);
    put(w, "-");
    put_2digits(w, m);
    break;
  case DL_UNIT_DAY:
    dt_format(day, iso);
    put(w, iso);
    break;
  default:
    put_int(w, y);
    break;
  }
}

static const char *stage_name(dl_stage s) {
  switch (s) {
  case DL_STAGE_CENTRAL: return "central";
  case DL_STAGE_PROVINCE: return "province";
  case DL_STAGE_DISTRICT: return "district";
  case DL_STAGE_GRASSROOTS: return "grassroots";
  case DL_STAGE_COMMUNE: return "commune";
  case DL_STAGE_ABOVE_GRASSROOTS: return "above-grassroots";
  default: return NULL;
  }
}

static void put_recurring(writer *w, const dl_deadline *d) {
  switch (d->period) {
  case DL_PERIOD_YEAR:
    put(w, "yearly");
    if (d->month >= 1 && d->month <= 12) {
      put(w, " in ");
      put_int(w, d->month);
    }
    break;
  case DL_PERIOD_QUARTER: put(w, "quarterly"); break;
  case DL_PERIOD_MONTH: put(w, "monthly"); break;
  case DL_PERIOD_TERM: put(w, "per term"); break;
  default: put(w, "periodic"); break;
  }
}

static void put_event(writer *w, const dl_deadline *d) {
  put(w, "after ");
  put_quoted(w, d->event_doc);
  if (d->event_issuer.n) {
    put(w, " of ");
    put_quoted(w, d->event_issuer);
  }
  if (d->unit != DL_UNIT_NONE && d->span.first != DT_MIN) {
    put(w, " expected ");
    put_period(w, d->unit, d->span.first);
  }
  if (d->delay_days >= 0) {
    put(w, " delay ");
    put_int(w, d->delay_days);
  }
}

static void put_from(writer *w, const dl_deadline *d) {
  put(w, "from ");
  put_period(w, d->unit, d->span.first);
  if (d->span.last != DT_MAX) {
    put(w, " to ");
    put_period(w, d->unit, d->span.last);
  }
}

static void put_kind(writer *w, const dl_deadline *d) {
  switch (d->kind) {
  case DL_WITHIN:
    put(w, "within ");
    put_period(w, d->unit, d->span.first);
    break;
  case DL_BEFORE: {
    /* Stored as the last allowed day; printed as the date the phrase names. */
    char iso[11];
    dt_format(d->span.last + 1, iso);
    put(w, "before ");
    put(w, iso);
    break;
  }
  case DL_BY:
    put(w, "by ");
    put_period(w, d->unit, d->span.last);
    break;
  case DL_CONTINUOUS: put(w, "continuous"); break;
  case DL_RECURRING: put_recurring(w, d); break;
  case DL_FROM: put_from(w, d); break;
  case DL_EVENT: put_event(w, d); break;
  case DL_ON_REQUEST:
    put(w, "on request");
    if (d->event_issuer.n) {
      put(w, " of ");
      put_quoted(w, d->event_issuer);
    }
    break;
  case DL_PER_PLAN:
    put(w, "per plan");
    if (d->plan_ref.n) {
      put(w, " ");
      put_quoted(w, d->plan_ref);
    }
    if (d->event_issuer.n) {   /* whose plan: kept so the canonical form loses nothing */
      put(w, " of ");
      put_quoted(w, d->event_issuer);
    }
    break;
  default: break; /* unrecognised: no canonical text */
  }
}

static void put_one(writer *w, const dl_deadline *d) {
  const char *stage = stage_name(d->stage);
  if (stage) {
    put(w, stage);
    put(w, ": ");
  }
  put_kind(w, d);
}

static void put_chain(writer *w, const dl_deadline *d) {
  for (; d; d = d->next) {
    put_one(w, d);
    if (d->next) put(w, "; ");
  }
}

/* Runs a renderer twice: to measure, then into an arena block. */
static const char *render(ar_arena *a, const dl_deadline *d,
                          void (*fn)(writer *, const dl_deadline *)) {
  writer w = { NULL, 0, 0 };
  fn(&w, d);
  w.p = ar_alloc_text(a, w.n);
  w.cap = w.n;
  w.n = 0;
  fn(&w, d);
  w.p[w.n] = '\0';
  return w.p;
}

const char *dl_canonical(ar_arena *a, const dl_deadline *d) {
  return render(a, d, put_one);
}

const char *dl_canonical_chain(ar_arena *a, const dl_deadline *first) {
  return render(a, first, put_chain);
}

dt_span dl_span(const dl_deadline *d) {
  switch (d->kind) {
  case DL_WITHIN: case DL_BEFORE: case DL_BY: case DL_FROM:
    return d->span;
  case DL_EVENT:
    if (d->unit != DL_UNIT_NONE) return d->span;
    break;
  default:
    break;
  }
  return (dt_span){ DT_MIN, DT_MAX };
}

const char *dl_kind_name(dl_kind k) {
  static const char *const names[] = {
    "unrecognized", "within", "before", "by", "continuous", "recurring", "from", "event", "on_request", "per_plan",
  };
  return names[k];
}

const char *dl_unit_name(dl_unit u) {
  static const char *const names[] = { NULL, "day", "month", "quarter", "year" };
  return names[u];
}

const char *dl_period_name(dl_period p) {
  static const char *const names[] = { NULL, "year", "quarter", "month", "term", "unspecified" };
  return names[p];
}

const char *dl_stage_id(dl_stage s) { return stage_name(s); }
