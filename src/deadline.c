/* deadline: canonical text and spans of recognised deadlines; see deadline.h.
 *
 * The canonical text is what `due ... as "..."` takes, and grammar/phrase.re
 * reads it back: every form printed here must stay recognisable there, so
 * that recognising the canonical text of a deadline gives the deadline back.
 * dl_find reads running text with the recogniser (grammar/phrase.re).
 * Layer: model; calls date, arena and the recogniser. */
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

const char *dl_stage_name(dl_stage s) {
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
  const char *stage = dl_stage_name(d->stage);
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


/* ---- deadline phrases in running text (dl_find) ----
 *
 * The text is read once, word by word, in the recogniser's lower-case
 * copy. At a '(' the words up to the ')' are tried as one phrase, read as
 * `due` reads it. Elsewhere a phrase may start only at a word that starts
 * deadlines ("thường", "hằng", "đến", "khi", ...); the longest tight
 * reading (no prose before the deadline) that ends within the next few
 * words is taken, if it stands where a time adverbial does (deadline.h).
 * Every try reads a bounded slice, so the cost is linear in the text. */

enum {
  FIND_WORDS = 16,      /* words of a phrase outside parentheses, at most */
  FIND_BYTES = 240,     /* and its bytes */
  PAREN_BYTES = 1024,   /* bytes between parentheses read as one phrase */
  CLAUSE_BACK = 400,    /* bytes looked back for a purpose clause */
  SCHEDULE_BACK = 4,    /* words looked back for a schedule noun */
};

#define NONE ((size_t)-1)

typedef unsigned char uc;

typedef struct finder {
  ar_arena *a;
  const char *text;
  const uc *low;        /* lower-case copy: same offsets, NUL at n */
  size_t n;
  const dl_context *ctx;
} finder;

static int is_blank(uc c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
static int is_digit(uc c) { return c >= '0' && c <= '9'; }

/* The length of the punctuation mark at i that ends a word (ASCII marks,
 * the curly quotes and the ellipsis of office text), or 0. A '.' or ','
 * between digits ("tháng 9.2023", "0,4") belongs to its word; dashes and
 * '/' join the parts of dates and ranges. */
static size_t punct_at(const finder *f, size_t i) {
  const uc *p = f->low + i;
  switch (*p) {
  case ',': case '.':
    return i > 0 && is_digit(p[-1]) && is_digit(p[1]) ? 0 : 1;
  case ';': case ':': case '!': case '?': case '(': case ')': case '"': case '*': case '[': case ']':
    return 1;
  case 0xE2:  /* U+2018, U+2019, U+201C, U+201D, U+2026 */
    return p[1] == 0x80 && (p[2] == 0x98 || p[2] == 0x99 || p[2] == 0x9C || p[2] == 0x9D || p[2] == 0xA6)
               ? 3 : 0;
  default:
    return 0;
  }
}

/* Whether a punctuation mark ends just before i. */
static int mark_ends(const finder *f, size_t i) {
  return (i >= 1 && punct_at(f, i - 1) == 1) || (i >= 3 && punct_at(f, i - 3) == 3);
}

/* Whether a word ends at i (the text ends, a space or a mark follows). */
static int word_ends(const finder *f, size_t i) {
  return i >= f->n || is_blank(f->low[i]) || punct_at(f, i);
}

/* Whether a word may start at i: the text starts, or a space or a mark
 * ends just before. */
static int word_starts(const finder *f, size_t i) {
  return i == 0 || is_blank(f->low[i - 1]) || mark_ends(f, i);
}

static size_t skip_blanks(const finder *f, size_t i) {
  while (i < f->n && is_blank(f->low[i])) i++;
  return i;
}

static size_t back_blanks(const finder *f, size_t i) {
  while (i > 0 && is_blank(f->low[i - 1])) i--;
  return i;
}

/* Whether the words of `ws` (lower case, one space between them) are at
 * i, whatever white space separates them in the text. */
static int words_at(const finder *f, size_t i, const char *ws) {
  for (;;) {
    size_t k = strcspn(ws, " ");
    if (i + k > f->n || memcmp(f->low + i, ws, k) != 0 || !word_ends(f, i + k)) return 0;
    i += k;
    if (!ws[k]) return 1;
    ws += k + 1;
    if (i >= f->n || !is_blank(f->low[i])) return 0;
    i = skip_blanks(f, i);
  }
}

static int any_words_at(const finder *f, size_t i, const char *const *list) {
  for (; *list; list++)
    if (words_at(f, i, *list)) return 1;
  return 0;
}

/* A single word of a list, with its length. */
typedef struct listed { const char *s; size_t n; } listed;
#define WORD(s) { s, sizeof s - 1 }

/* Whether the one word at i is in a list of single words: every word of
 * the text is asked, so its first byte and length turn most of the list
 * away before a comparison. */
static int word_in(const finder *f, size_t i, const listed *list) {
  uc first = f->low[i];
  for (const listed *w = list; w->s; w++) {
    if ((uc)w->s[0] != first || i + w->n > f->n || memcmp(f->low + i, w->s, w->n) != 0) continue;
    if (word_ends(f, i + w->n)) return 1;
  }
  return 0;
}

/* The start of the word just before i with no mark in between, or NONE. */
static size_t word_before(const finder *f, size_t i) {
  i = back_blanks(f, i);
  if (i == 0 || mark_ends(f, i)) return NONE;
  while (!word_starts(f, i)) i--;
  return i;
}

/* Words that may start a phrase outside parentheses: the heads of the
 * recogniser's deadlines and the lead-in words a printed phrase keeps
 * ("hoàn thành trong quý II/2023"). Verbs that may also lead in ("phải",
 * "tổ chức") are left out: the phrase starts after them. */
static const listed heads[] = {
  WORD("thường"), WORD("hằng"), WORD("hàng"), WORD("định"), WORD("đến"), WORD("trước"), WORD("trong"),
  WORD("từ"), WORD("khi"), WORD("sau"), WORD("ngay"), WORD("theo"), WORD("quý"), WORD("quí"),
  WORD("tháng"), WORD("năm"), WORD("chậm"), WORD("vào"), WORD("đầu"), WORD("giữa"), WORD("cuối"),
  WORD("giai"), WORD("nhiệm"), WORD("thực"), WORD("hoàn"), WORD("tuyên"), WORD("cấp"), WORD("bắt"),
  { NULL, 0 },
};

/* Last words of deadlines. A reading is tried to end after one of them,
 * after a number, or where a piece of the clause ends (a named issuer or
 * "theo quy chế làm việc" runs to there, or to "và"). */
static const char *const finals[] = {
  "xuyên", "tục", "năm", "quý", "quí", "tháng", "kỳ", "kì", "thiết", NULL,
};

static int may_end(const finder *f, size_t word, size_t end) {
  if (is_digit(f->low[end - 1])) return 1;
  size_t j = skip_blanks(f, end);
  if (j >= f->n || punct_at(f, j) || words_at(f, j, "và")) return 1;
  for (const char *const *w = finals; *w; w++) {
    size_t k = strlen(*w);
    if (end - word >= k && memcmp(f->low + end - k, *w, k) == 0) return 1;
  }
  return 0;
}

/* What a reading says, for where it may stand. */
typedef enum reading_class { RC_FREQUENCY, RC_DATED, RC_EVENT } reading_class;

static reading_class class_of(const dl_deadline *d) {
  int event = 0;
  for (; d; d = d->next) {
    switch (d->kind) {
    case DL_WITHIN: case DL_BEFORE: case DL_BY: case DL_FROM: case DL_PER_PLAN: return RC_DATED;
    case DL_EVENT: event = 1; break;
    default: break;
    }
  }
  return event ? RC_EVENT : RC_FREQUENCY;
}

/* Whether s starts a clause: the text starts there, or a full stop, ';',
 * ':' or an opening parenthesis comes before it. */
static int starts_clause(const finder *f, size_t s) {
  size_t i = back_blanks(f, s);
  return i == 0 || (punct_at(f, i - 1) == 1 && strchr(".;:!?(", f->low[i - 1]));
}

/* Verbs a date times when it stands before them ("đến năm 2022 hoàn
 * thành", "quý IV năm 2024 báo cáo tổng kết"). */
static const char *const timed_verbs[] = {
  "hoàn thành", "hoàn tất", "thực hiện", "báo cáo", "phải", "cơ bản", "phấn đấu", "tổ chức",
  "triển khai", "tiến hành", "xong", "đạt", "ban hành", "sơ kết", "tổng kết", NULL,
};

/* Words that open a time adverbial and nothing else: a period after them
 * times what comes before ("tổ chức hội nghị trong tháng 12/2022."). */
static const char *const time_openers[] = {
  "trong", "trước", "chậm nhất", "hoàn thành", "thực hiện", NULL,
};

/* A date outside parentheses times the task when it starts a clause,
 * stands before the verb it times, or is opened by a word of time and
 * ends the clause. A comma after it proves nothing: the title "Chiến
 * lược ... đến năm 2030, ..." has one. */
static int dated_stands(const finder *f, size_t s, size_t e) {
  size_t j = skip_blanks(f, e);
  if (starts_clause(f, s) || any_words_at(f, j, timed_verbs)) return 1;
  return any_words_at(f, s, time_openers) && (j >= f->n || strchr(".;)", f->low[j]));
}

/* Schedules kept apart from the task: "kế hoạch công tác hằng năm",
 * "lịch sinh hoạt định kỳ", "dự sinh hoạt chi bộ hằng tháng". */
static const char *const schedules[] = {
  "kế hoạch", "chương trình", "lịch", "chế độ", "sinh hoạt", NULL,
};

static int after_schedule(const finder *f, size_t s) {
  size_t w = s;
  for (int k = 0; k < SCHEDULE_BACK; k++) {
    if ((w = word_before(f, w)) == NONE) return 0;
    if (any_words_at(f, w, schedules)) return 1;
  }
  return 0;
}

/* "toàn khóa và hàng năm", "toàn khóa, hàng năm", "hàng năm và đột
 * xuất": one of two kinds of a programme or a review. */
static int paired(const finder *f, size_t s, size_t e) {
  if (words_at(f, skip_blanks(f, e), "và đột xuất")) return 1;
  size_t i = back_blanks(f, s), joint;
  if (i > 0 && f->low[i - 1] == ',') {
    joint = i - 1;
  } else {
    joint = word_before(f, s);
    if (joint == NONE || !words_at(f, joint, "và")) return 0;
  }
  size_t w = word_before(f, joint);
  w = w == NONE ? NONE : word_before(f, w);
  return w != NONE && (words_at(f, w, "toàn khóa") || words_at(f, w, "toàn khoá"));
}

/* Whether "để" (in order to) opens the clause part before s: a frequency
 * there times the purpose ("để đánh giá ... đảng viên hàng năm"), not
 * the task. Looks back to the clause's start, at most CLAUSE_BACK bytes. */
static int in_purpose(const finder *f, size_t s) {
  size_t stop = s > CLAUSE_BACK ? s - CLAUSE_BACK : 0;
  for (size_t i = s; i > stop; i--) {
    uc c = f->low[i - 1];
    if (c == '.' || c == ';' || c == ':' || c == '(' || c == ')') {
      if (punct_at(f, i - 1)) return 0;
    }
    if (word_starts(f, i - 1) && words_at(f, i - 1, "để")) return 1;
  }
  return 0;
}

/* A frequency outside parentheses times the task unless it qualifies a
 * noun: followed by "của" or "đối với", a schedule's, paired with
 * another kind, or in a purpose clause. */
static int frequency_stands(const finder *f, size_t s, size_t e) {
  size_t j = skip_blanks(f, e);
  if (words_at(f, j, "của") || words_at(f, j, "đối với")) return 0;
  return !after_schedule(f, s) && !paired(f, s, e) && !in_purpose(f, s);
}

/* Documents an event may await. */
static const char *const documents[] = {
  "văn bản", "quy định", "hướng dẫn", "chỉ đạo", "chỉ thị", "nghị quyết", "nghị định", "kết luận",
  "quyết định", "kế hoạch", "chương trình", "thông báo", "thông tư", "công văn", "đề án",
  "quy chế", "triển khai", "ý kiến", "chủ trương", "luật", NULL,
};

/* An event outside parentheses is a deadline when it awaits a document
 * of someone's and ends its clause: "khi có hướng dẫn của cấp trên;"
 * ("khi có khuyết điểm", "sau khi bị kỷ luật" are not). */
static int event_stands(const finder *f, const dl_deadline *d, size_t e) {
  for (; d; d = d->next) {
    if (d->kind != DL_EVENT) continue;
    size_t at = (size_t)(d->event_doc.p - f->text);
    if (!d->event_issuer.n || !any_words_at(f, at, documents)) return 0;
  }
  size_t j = skip_blanks(f, e);
  return j >= f->n || punct_at(f, j);
}

static int stands(const finder *f, const dl_deadline *d, size_t s, size_t e) {
  switch (class_of(d)) {
  case RC_DATED: return dated_stands(f, s, e);
  case RC_EVENT: return event_stands(f, d, e);
  default: return frequency_stands(f, s, e);
  }
}

/* A reading of text[s, e): the chain, or NULL when it is none or names a
 * date that does not exist. */
static const dl_deadline *reading(const finder *f, size_t s, size_t e, int tight) {
  dl_result r = tight ? dl_recognize_tight(f->a, f->text + s, e - s, f->ctx)
                      : dl_recognize_in(f->a, f->text + s, e - s, f->ctx);
  return r.bad_date ? NULL : r.first;
}

/* The phrase starting at the word at s outside parentheses: its end, or
 * s when there is none. The ends tried are those of the next FIND_WORDS
 * words within the clause piece (up to a mark or "và"), longest first. */
static size_t phrase_at(const finder *f, size_t s, const dl_deadline **dl) {
  size_t ends[FIND_WORDS], nends = 0, i = s;
  for (int words = 0; words < FIND_WORDS && i < f->n; words++) {
    size_t e = i;
    while (e < f->n && e - s <= FIND_BYTES && !word_ends(f, e)) e++;
    if (e == i || e - s > FIND_BYTES) break;
    if (may_end(f, i, e)) ends[nends++] = e;
    i = skip_blanks(f, e);
    if (i >= f->n || punct_at(f, i) || words_at(f, i, "và")) break;
  }
  while (nends > 0) {
    size_t e = ends[--nends];
    const dl_deadline *d = reading(f, s, e, 1);
    if (!d) continue;
    if (!stands(f, d, s, e)) return s;
    *dl = d;
    return e;
  }
  return s;
}

/* The phrase between the parentheses opening at p: the end of the words
 * inside (set *s to their start), or p when they are not a deadline. */
static size_t paren_at(const finder *f, size_t p, size_t *s, const dl_deadline **dl) {
  size_t q = p + 1, stop = f->n - p > PAREN_BYTES ? p + PAREN_BYTES : f->n;
  while (q < stop && f->low[q] != ')' && f->low[q] != '(') q++;
  if (q >= stop || f->low[q] != ')') return p;
  size_t b = skip_blanks(f, p + 1), e = back_blanks(f, q);
  /* "(*thực hiện thường xuyên*)": emphasis marks are no part of it */
  while (e > b + 1 && f->low[b] == '*' && f->low[e - 1] == '*') {
    b = skip_blanks(f, b + 1);
    e = back_blanks(f, e - 1);
  }
  if (e <= b) return p;
  const dl_deadline *d = reading(f, b, e, 0);
  if (!d) return p;
  *s = b;
  *dl = d;
  return e;
}

size_t dl_find(ar_arena *a, const char *text, size_t n, const dl_context *ctx, dl_found *out, size_t max) {
  if (!text || n == 0) return 0;
  uc *low = (uc *)ar_alloc_text(a, n);
  dl_lower(low, text, n);
  finder f = { a, text, low, n, ctx };
  size_t found = 0, i = 0;
  while (i < n) {
    size_t s = i, e = i;
    const dl_deadline *d = NULL;
    if (low[i] == '(') e = paren_at(&f, i, &s, &d);
    else if (word_starts(&f, i) && !is_blank(low[i]) && word_in(&f, i, heads)) e = phrase_at(&f, i, &d);
    if (d) {
      if (found < max) out[found] = (dl_found){ s, e - s, d };
      found++;
      i = low[e] == ')' ? e + 1 : e;
      continue;
    }
    /* on to the next word or mark */
    if (punct_at(&f, i) || is_blank(low[i])) {
      i += punct_at(&f, i) ? punct_at(&f, i) : 1;
    } else {
      while (i < n && !word_ends(&f, i)) i++;
    }
  }
  return found;
}
