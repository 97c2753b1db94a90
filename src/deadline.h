/* deadline: the canonical meaning of a deadline phrase.
 *
 * The recogniser (grammar/phrase.re) turns a Vietnamese phrase such as
 * "hoàn thành trong quý II/2023" into a dl_deadline; the checker compares
 * deadlines only through this form. Every kind carries the span of days it
 * allows (dl_span), or is open until an event. Layer: model; calls date,
 * arena. */
#ifndef PLANCHECK_DEADLINE_H
#define PLANCHECK_DEADLINE_H

#include "arena.h"
#include "date.h"

typedef enum dl_kind {
  DL_UNRECOGNIZED = 0, /* kept as text; no meaning */
  DL_WITHIN,      /* within a year, quarter or month: span = that period */
  DL_BEFORE,      /* before a date: span.last = the day before */
  DL_BY,          /* target year "đến năm 2025": span.last = 31/12 of it */
  DL_CONTINUOUS,  /* "thực hiện thường xuyên" */
  DL_RECURRING,   /* yearly / quarterly / monthly / per term / periodic */
  DL_FROM,        /* "từ năm 2023" (open end) or "từ năm 2024 - 2026" */
  DL_EVENT,       /* "khi có văn bản của Tỉnh ủy": open until the event */
  DL_ON_REQUEST,  /* "theo yêu cầu của Trung ương" */
  DL_PER_PLAN,    /* "theo Kế hoạch số 151-KH/TU ...": as another plan says */
} dl_kind;

typedef enum dl_unit {      /* granularity of a WITHIN / BY / FROM span */
  DL_UNIT_NONE = 0, DL_UNIT_DAY, DL_UNIT_MONTH, DL_UNIT_QUARTER, DL_UNIT_YEAR,
} dl_unit;

typedef enum dl_period {    /* period of a RECURRING deadline */
  DL_PERIOD_NONE = 0, DL_PERIOD_YEAR, DL_PERIOD_QUARTER, DL_PERIOD_MONTH,
  DL_PERIOD_TERM,           /* "theo nhiệm kỳ" */
  DL_PERIOD_UNSPECIFIED,    /* "định kỳ" with no period */
} dl_period;

typedef enum dl_stage {     /* level a part of a staged deadline applies to */
  DL_STAGE_ALL = 0, DL_STAGE_CENTRAL, DL_STAGE_PROVINCE, DL_STAGE_DISTRICT,
  DL_STAGE_GRASSROOTS,
  DL_STAGE_COMMUNE,         /* "cấp xã": the commune level (from 1/7/2025) */
  DL_STAGE_ABOVE_GRASSROOTS,/* "cấp trên cơ sở": the level just above the
                               grassroots in the plan's structure (district
                               before 1/7/2025, commune after) */
} dl_stage;

/* One recognised deadline. A phrase may yield several (a staged phrase gives
 * one per level, "theo Kế hoạch số ...; trong đó ..." gives the plan reference
 * and then the stages); they are chained through next. Slices point into the
 * NFC text of the phrase held in the arena, with the document's own case. */
typedef struct dl_deadline {
  dl_kind kind;
  dl_stage stage;
  dt_span span;             /* WITHIN, BEFORE, BY, FROM; EVENT's expected time */
  dl_unit unit;
  dl_period period;         /* RECURRING */
  int month;                /* RECURRING yearly: the month (1-12) or 0 */
  int delay_days;           /* EVENT: days after the event; -1 when not given;
                               0 for "ngay sau khi" */
  sl_slice event_doc;       /* EVENT: what is awaited ("văn bản", "Quy định") */
  sl_slice event_issuer;    /* EVENT, ON_REQUEST, PER_PLAN: whose ("Tỉnh ủy") */
  sl_slice plan_ref;        /* PER_PLAN: "151-KH/TU", or empty */
  struct dl_deadline *next;
} dl_deadline;

/* Result of recognising one phrase. */
typedef struct dl_result {
  dl_deadline *first;       /* NULL when nothing was recognised */
  int bad_date;             /* a date in the phrase does not exist (30/02) */
  size_t bad_offset;        /* byte offset of that date in the NFC text */
  int used_context;         /* a year came from the context's date, so the
                               meaning holds for that date only */
} dl_result;

/* What a phrase is read in: the date of the plan that prints it, or
 * DT_MIN when unknown. A date without a year ("chậm nhất ngày 20/10") takes
 * its year from the rest of the phrase ("từ ngày 21/10 đến hết ngày
 * 13/11/2024"), else from this date: the first such day that is not more
 * than a month before it (a plan of December that asks for "trước ngày
 * 15/01" means the next January). Without either it is not recognised. */
typedef struct dl_context {
  dt_day date;
} dl_context;

/* Recognises a Vietnamese phrase or the canonical form (the text `as` takes).
 * `nfc` is the phrase in NFC with its original case; it must stay alive as
 * long as the result (slices point into it). Allocates only from `a`.
 * dl_recognize reads with no context (dates must name their year). */
dl_result dl_recognize(ar_arena *a, const char *nfc, size_t n);
dl_result dl_recognize_in(ar_arena *a, const char *nfc, size_t n, const dl_context *ctx);

/* As dl_recognize_in, but the deadline must start the phrase (after its
 * lead-in words, "thực hiện", "cấp huyện"): no words of prose before it.
 * For reading phrases in running text, where any sentence ends in prose. */
dl_result dl_recognize_tight(ar_arena *a, const char *nfc, size_t n, const dl_context *ctx);

/* The lower-case copy the recogniser reads: dst[0..n) has the byte offsets
 * of nfc[0..n) (a letter whose lower case has another length is kept),
 * Unicode spaces become ASCII spaces, and dst[n] is a NUL. */
void dl_lower(unsigned char *dst, const char *nfc, size_t n);

/* A deadline phrase found in running text: bytes [off, off + len) of the
 * text, and its reading (chain). */
typedef struct dl_found { size_t off, len; const dl_deadline *dl; } dl_found;

/* The deadline phrases in text[0..n) (NFC), left to right, not
 * overlapping, the longest reading at each place; a parenthesised phrase
 * "(hoàn thành trong năm 2023)" is found with the words inside the
 * parentheses. Reads dates without a year in ctx (may be NULL). Writes
 * at most max into out and returns how many it found in all (which may
 * be more than max). Allocates from a. Linear in n.
 *
 * Outside parentheses a phrase must stand where a time adverbial does, so
 * that the names and dates of documents are not taken for deadlines:
 * - a date, period or plan reference ("đến năm 2025", "quý IV năm 2024")
 *   starts a clause or stands before the verb it times ("đến năm 2022
 *   hoàn thành"); "Chiến lược ... đến năm 2030", "Kế hoạch số 56-KH/TU
 *   ngày 05/4/2023" are not deadlines;
 * - a frequency ("thường xuyên", "hằng năm", "định kỳ") is not one when it
 *   qualifies a schedule (after "kế hoạch", "chương trình", "lịch", "chế
 *   độ", "sinh hoạt"), is paired with "toàn khóa" or "đột xuất", is
 *   followed by "của" or "đối với", or stands in a purpose clause ("để
 *   đánh giá ... hằng năm");
 * - an event names a document and whose it is ("khi có hướng dẫn của cấp
 *   trên") and ends its clause: "khi có khuyết điểm" is not awaited. */
size_t dl_find(ar_arena *a, const char *text, size_t n, const dl_context *ctx,
               dl_found *out, size_t max);

/* A guess at the meaning of a phrase that dl_recognize_in does not read:
 * the reading of the shortest tail of it that is a deadline ("... ngay sau
 * UBND xã đi vào hoạt động (trước 7h00 sáng ngày 01/7/2025)" gives "before
 * 2025-07-01"), offered to the user as an `as` form to check, never taken
 * as the meaning. NULL when no tail reads. */
const dl_deadline *dl_guess(ar_arena *a, const char *nfc, size_t n, const dl_context *ctx);

/* The canonical text of one deadline (not its chain), e.g. "within 2023-Q2",
 * "after \"văn bản\" of \"Tỉnh ủy\" expected 2024", into the arena. */
const char *dl_canonical(ar_arena *a, const dl_deadline *d);

/* The canonical text of a whole chain, the deadlines joined by "; " (e.g.
 * "per plan \"151-KH/TU\"; province: within 2022-12"); dl_recognize reads
 * it back as the same chain. "" for an empty chain. */
const char *dl_canonical_chain(ar_arena *a, const dl_deadline *first);

/* Names of a kind ("within", "on_request", ...), a unit ("day" ... "year";
 * NULL for none) and a period ("year" ... "term", "unspecified"; NULL for
 * none), as the Lua view of the model and the JSON report spell them. */
const char *dl_kind_name(dl_kind k);
/* The canonical name of a stage ("central" ... "grassroots", "commune",
 * "above-grassroots"); NULL for DL_STAGE_ALL. The named stages are the
 * identifiers of levels as stdlib/levels.plan declares them; which plans
 * a stage concerns is the model's business (md_stage_level, md_applies). */
const char *dl_stage_name(dl_stage s);
const char *dl_unit_name(dl_unit u);
const char *dl_period_name(dl_period p);


/* The span of days this deadline allows; DT_MIN/DT_MAX where open. For
 * CONTINUOUS and RECURRING it is open at both ends; for EVENT it is the
 * expected time when the phrase gives one, else fully open. */
dt_span dl_span(const dl_deadline *d);

/* Recognises a target value phrase ("từ 90% trở lên", "trên 90%",
 * "dưới 0,4%", "đạt 4% trở lên", "100%"). Returns 0 and fills op (one of
 * ">=", ">", "<=", "<", "="), value and whether it is a percentage; -1 when
 * the phrase is not a value phrase. */
int dl_target_value(const char *nfc, size_t n, const char **op, double *value, int *percent);

#endif
