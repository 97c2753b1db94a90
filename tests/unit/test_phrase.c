/* Unit tests for the deadline recogniser (grammar/phrase.re) and the
 * canonical form (src/deadline.c).
 *
 * The table of seed phrases holds every distinct deadline phrase of the five
 * seed documents (the .txt files of shared/seeds), in parentheses or in
 * prose, exactly as printed, with the canonical text and the span of days
 * each deadline of the chain allows. */
#include <stdlib.h>
#include <string.h>

#include "deadline.h"
#include "unit.h"

void test_phrase_seeds(void);
void test_phrase_fields(void);
void test_phrase_staged(void);
void test_phrase_canonical_forms(void);
void test_phrase_round_trip(void);
void test_phrase_case_and_space(void);
void test_phrase_bad_dates(void);
void test_phrase_unrecognised(void);
void test_phrase_bounds(void);
void test_phrase_event_delay(void);
void test_phrase_target_values(void);

/* ---- helpers ---- */

static dl_result recognise(ar_arena *a, const char *s) {
  return dl_recognize(a, s, strlen(s));
}

/* The canonical text of the whole chain, or "NULL". */
static const char *canon(ar_arena *a, const char *phrase) {
  dl_result r = recognise(a, phrase);
  return r.first ? dl_canonical_chain(a, r.first) : "NULL";
}

/* "2023-04-01..2023-06-30; ..-2023-02-27" style: each deadline's dl_span,
 * "open" for an open end, joined with "; ". */
static const char *spans(ar_arena *a, const dl_deadline *d) {
  char *out = ar_alloc(a, 1024);
  for (; d; d = d->next) {
    dt_span s = dl_span(d);
    char f[11] = "open", l[11] = "open";
    if (s.first != DT_MIN) dt_format(s.first, f);
    if (s.last != DT_MAX) dt_format(s.last, l);
    strcat(out, f);
    strcat(out, "..");
    strcat(out, l);
    if (d->next) strcat(out, "; ");
  }
  return out;
}

static int slice_is(sl_slice s, const char *want) {
  return sl_eq_cstr(s, want);
}

/* ---- the seed phrases ---- */

typedef struct seed_case {
  const char *phrase;   /* as printed in the seed */
  const char *canon;    /* dl_canonical_chain of the result */
  const char *spans;    /* dl_span of each deadline */
} seed_case;

static const seed_case seeds[] = {
  /* 000 (Tuy Phước, 28-NQ/TW): parenthesised */
  { "thực hiện thường xuyên", "continuous", "open..open" },
  { "theo kế hoạch của Ban Thường vụ Tỉnh ủy", "per plan of \"Ban Thường vụ Tỉnh ủy\"", "open..open" },
  { "thực hiện khi có văn bản của Tỉnh ủy", "after \"văn bản\" of \"Tỉnh ủy\"", "open..open" },
  { "hoàn thành trong tháng 7/2023", "within 2023-07", "2023-07-01..2023-07-31" },
  { "thực hiện khi có văn bản của Trung ương", "after \"văn bản\" of \"Trung ương\"", "open..open" },
  { "Hoàn thành trong tháng 6/2023", "within 2023-06", "2023-06-01..2023-06-30" },
  { "hoàn thành trong Quý II/2023", "within 2023-Q2", "2023-04-01..2023-06-30" },
  /* 000: prose */
  { "Hằng năm", "yearly", "open..open" },
  { "định kỳ", "periodic", "open..open" },
  /* 001 (Lâm Đồng district): parenthesised */
  { "thực hiện từ năm 2026", "from 2026", "2026-01-01..open" },
  { "sau khi có quy định của Tỉnh", "after \"quy định\" of \"Tỉnh\"", "open..open" },
  { "sau khi có triển khai của Tỉnh", "after \"triển khai\" of \"Tỉnh\"", "open..open" },
  { "nhiệm vụ thường xuyên", "continuous", "open..open" },
  { "thực hiện từ năm 2023", "from 2023", "2023-01-01..open" },
  { "hoàn thành năm 2024", "within 2024", "2024-01-01..2024-12-31" },
  { "hoàn thành năm 2023", "within 2023", "2023-01-01..2023-12-31" },
  { "hoàn thành trong năm 2024", "within 2024", "2024-01-01..2024-12-31" },
  { "thực hiện sau khi có văn bản của Trung ương năm 2023",
    "after \"văn bản\" of \"Trung ương\" expected 2023", "2023-01-01..2023-12-31" },
  { "thực hiện sau khi có văn bản của Trung ương trong năm 2024",
    "after \"văn bản\" of \"Trung ương\" expected 2024", "2024-01-01..2024-12-31" },
  { "thực hiện khi có chỉ đạo của tỉnh", "after \"chỉ đạo\" of \"tỉnh\"", "open..open" },
  { "sau khi có Quy định của Trung ương năm 2023",
    "after \"Quy định\" of \"Trung ương\" expected 2023", "2023-01-01..2023-12-31" },
  { "thực hiện sau khi có văn bản của Ủy ban Thường vụ Quốc hội năm 2023",
    "after \"văn bản\" of \"Ủy ban Thường vụ Quốc hội\" expected 2023", "2023-01-01..2023-12-31" },
  { "thực hiện từ năm 2024 - 2026", "from 2024 to 2026", "2024-01-01..2026-12-31" },
  /* 001: prose */
  { "Đến năm 2025", "by 2025", "open..2025-12-31" },
  { "đến năm 2025", "by 2025", "open..2025-12-31" },
  { "khi có hướng dẫn của cấp trên", "after \"hướng dẫn\" of \"cấp trên\"", "open..open" },
  { "thường xuyên", "continuous", "open..open" },
  /* 002 (Quảng Ngãi, 28-NQ/TW): parenthesised */
  { "thực hiện theo Kế hoạch số 151-KH/TU ngày 16/11/2022 của Ban Thường vụ Tỉnh ủy; "
    "trong đó, đối với cấp tỉnh đã hoàn thành trong tháng 12/2022; cấp huyện hoàn thành "
    "trong tháng 01/2023; cấp cơ sở hoàn thành trước ngày 28/02/2023",
    "per plan \"151-KH/TU\" of \"Ban Thường vụ Tỉnh ủy\"; province: within 2022-12; district: within 2023-01; "
    "grassroots: before 2023-02-28",
    "open..open; 2022-12-01..2022-12-31; 2023-01-01..2023-01-31; open..2023-02-27" },
  { "tuyên truyền thường xuyên", "continuous", "open..open" },
  { "theo yêu cầu của Trung ương", "on request of \"Trung ương\"", "open..open" },
  /* 004 (Tuy Phước, TCCSĐ): "họp đột xuất khi thật cần thiết" */
  { "khi thật cần thiết", "on request", "open..open" },
  { "thực hiện thường xuyên liên tục", "continuous", "open..open" },
  { "thực hiện ngay sau khi có quy định, hướng dẫn của Trung ương",
    "after \"quy định, hướng dẫn\" of \"Trung ương\" delay 0", "open..open" },
  { "thực hiện theo Kế hoạch số 121-KH/TU ngày 10/8/2022 của Ban Thường vụ Tỉnh ủy",
    "per plan \"121-KH/TU\" of \"Ban Thường vụ Tỉnh ủy\"", "open..open" },
  { "hoàn thành trong quý II/2023", "within 2023-Q2", "2023-04-01..2023-06-30" },
  { "hoàn thành trong năm 2023", "within 2023", "2023-01-01..2023-12-31" },
  { "thực hiện hằng năm", "yearly", "open..open" },
  { "theo nhiệm kỳ", "per term", "open..open" },
  { "theo Kế hoạch số 151-KH/TU ngày 16/11/2022 của Ban Thường vụ Tỉnh ủy",
    "per plan \"151-KH/TU\" of \"Ban Thường vụ Tỉnh ủy\"", "open..open" },
  /* 003 (12-KH/TW): parenthesised */
  { "trong tháng 12/2022", "within 2022-12", "2022-12-01..2022-12-31" },
  { "hoàn thành học tập trong tháng 12/2022", "within 2022-12", "2022-12-01..2022-12-31" },
  { "hoàn thành trong tháng 01/2023", "within 2023-01", "2023-01-01..2023-01-31" },
  { "hoàn thành trong năm 2025", "within 2025", "2025-01-01..2025-12-31" },
  /* 004 (Tuy Phước, grassroots organisations): prose */
  { "hằng năm", "yearly", "open..open" },
  { "Hàng năm", "yearly", "open..open" },
  { "hàng năm", "yearly", "open..open" },
  { "hằng tháng", "monthly", "open..open" },
  { "Hàng tháng", "monthly", "open..open" },
  { "hàng tháng", "monthly", "open..open" },
  { "Hàng quý", "quarterly", "open..open" },
  { "hàng quý", "quarterly", "open..open" },
  { "định kỳ tháng 11 hằng năm", "yearly in 11", "open..open" },
  { "quý IV năm 2024", "within 2024-Q4", "2024-10-01..2024-12-31" },
  { "đến năm 2022", "by 2022", "open..2022-12-31" },
};

enum { N_SEEDS = sizeof seeds / sizeof seeds[0] };

void test_phrase_seeds(void) {
  ar_arena a;
  ar_init(&a);
  for (int k = 0; k < N_SEEDS; k++) {
    dl_result r = recognise(&a, seeds[k].phrase);
    UT_EQ_STR(r.first ? dl_canonical_chain(&a, r.first) : "NULL", seeds[k].canon);
    UT_EQ_STR(spans(&a, r.first), seeds[k].spans);
    UT_EQ_INT(r.bad_date, 0);
  }
  ar_free(&a);
}

/* The parts of a deadline that the canonical text does not show. */
void test_phrase_fields(void) {
  ar_arena a;
  ar_init(&a);
  dl_deadline *d = recognise(&a, "thực hiện sau khi có văn bản của Trung ương trong năm 2024").first;
  UT_EQ_INT(d->kind, DL_EVENT);
  UT_CHECK(slice_is(d->event_doc, "văn bản"));
  UT_CHECK(slice_is(d->event_issuer, "Trung ương"));
  UT_EQ_INT(d->delay_days, -1);
  UT_EQ_INT(d->unit, DL_UNIT_YEAR);
  UT_CHECK(d->next == NULL);

  d = recognise(&a, "thực hiện ngay sau khi có quy định, hướng dẫn của Trung ương").first;
  UT_CHECK(slice_is(d->event_doc, "quy định, hướng dẫn"));
  UT_EQ_INT(d->delay_days, 0);
  UT_EQ_INT(d->unit, DL_UNIT_NONE);

  /* Slices keep the document's case and point into the caller's text. */
  const char *text = "sau khi có Quy định của Trung ương năm 2023";
  d = recognise(&a, text).first;
  UT_CHECK(d->event_doc.p == text + strlen("sau khi có "));
  UT_CHECK(slice_is(d->event_doc, "Quy định"));

  d = recognise(&a, "theo Kế hoạch số 151-KH/TU ngày 16/11/2022 của Ban Thường vụ Tỉnh ủy").first;
  UT_EQ_INT(d->kind, DL_PER_PLAN);
  UT_CHECK(slice_is(d->plan_ref, "151-KH/TU"));
  UT_CHECK(slice_is(d->event_issuer, "Ban Thường vụ Tỉnh ủy"));

  d = recognise(&a, "theo kế hoạch của Ban Thường vụ Tỉnh ủy.").first;
  UT_EQ_INT(d->kind, DL_PER_PLAN);
  UT_EQ_INT(d->plan_ref.n, 0);
  UT_CHECK(slice_is(d->event_issuer, "Ban Thường vụ Tỉnh ủy"));

  d = recognise(&a, "theo yêu cầu của Trung ương").first;
  UT_EQ_INT(d->kind, DL_ON_REQUEST);
  UT_CHECK(slice_is(d->event_issuer, "Trung ương"));

  d = recognise(&a, "định kỳ tháng 11 hằng năm").first;
  UT_EQ_INT(d->kind, DL_RECURRING);
  UT_EQ_INT(d->period, DL_PERIOD_YEAR);
  UT_EQ_INT(d->month, 11);

  d = recognise(&a, "theo nhiệm kỳ").first;
  UT_EQ_INT(d->period, DL_PERIOD_TERM);
  d = recognise(&a, "định kỳ").first;
  UT_EQ_INT(d->period, DL_PERIOD_UNSPECIFIED);
  d = recognise(&a, "Hàng quý").first;
  UT_EQ_INT(d->period, DL_PERIOD_QUARTER);
  d = recognise(&a, "hằng tháng").first;
  UT_EQ_INT(d->period, DL_PERIOD_MONTH);

  d = recognise(&a, "hoàn thành trước ngày 28/02/2023").first;
  UT_EQ_INT(d->kind, DL_BEFORE);
  UT_EQ_INT(d->span.first, DT_MIN);
  UT_EQ_INT(d->span.last, dt_from_ymd(2023, 2, 27));

  d = recognise(&a, "đến năm 2025").first;
  UT_EQ_INT(d->kind, DL_BY);
  UT_EQ_INT(d->unit, DL_UNIT_YEAR);
  UT_EQ_INT(d->stage, DL_STAGE_ALL);
  ar_free(&a);
}

void test_phrase_staged(void) {
  ar_arena a;
  ar_init(&a);
  dl_deadline *d = recognise(&a,
      "thực hiện theo Kế hoạch số 151-KH/TU ngày 16/11/2022 của Ban Thường vụ Tỉnh ủy; "
      "trong đó, đối với cấp tỉnh đã hoàn thành trong tháng 12/2022; cấp huyện hoàn thành "
      "trong tháng 01/2023; cấp cơ sở hoàn thành trước ngày 28/02/2023").first;
  UT_EQ_INT(d->kind, DL_PER_PLAN);
  UT_EQ_INT(d->stage, DL_STAGE_ALL);
  UT_CHECK(slice_is(d->event_issuer, "Ban Thường vụ Tỉnh ủy"));
  d = d->next;
  UT_EQ_INT(d->stage, DL_STAGE_PROVINCE);
  UT_EQ_STR(dl_canonical(&a, d), "province: within 2022-12");
  d = d->next;
  UT_EQ_INT(d->stage, DL_STAGE_DISTRICT);
  UT_EQ_INT(d->unit, DL_UNIT_MONTH);
  d = d->next;
  UT_EQ_INT(d->stage, DL_STAGE_GRASSROOTS);
  UT_EQ_INT(d->kind, DL_BEFORE);
  UT_CHECK(d->next == NULL);

  UT_EQ_STR(canon(&a, "cấp trung ương hoàn thành trong năm 2023; cấp tỉnh hoàn thành trong quý II/2023"),
            "central: within 2023; province: within 2023-Q2");
  /* Empty clauses (a trailing ';') are no deadline and no error. */
  UT_EQ_STR(canon(&a, "thực hiện thường xuyên;"), "continuous");
  ar_free(&a);
}

/* Every canonical form reads back to itself. */
static const char *const canonical_forms[] = {
  "within 2024", "within 2023-Q2", "within 2023-07", "within 2023-07-15",
  "before 2023-02-28", "by 2025", "by 2025-Q1", "by 2025-06",
  "continuous", "yearly", "yearly in 11", "yearly in 3", "quarterly", "monthly",
  "per term", "periodic", "from 2023", "from 2024 to 2026", "from 2023-07 to 2024-06",
  "after \"văn bản\" of \"Tỉnh ủy\"",
  "after \"văn bản\" of \"Tỉnh ủy\" expected 2024",
  "after \"văn bản\" of \"Tỉnh ủy\" expected 2024-Q2",
  "after \"văn bản\" of \"Tỉnh ủy\" expected 2024-Q2 delay 30",
  "after \"văn bản\" delay 0",
  "after \"Quy định \\\"mẫu\\\"\" of \"Trung ương\"",
  "on request of \"Trung ương\"", "on request",
  "per plan \"151-KH/TU\"", "per plan", "per plan \"151-KH/TU\" of \"Ban Thường vụ Tỉnh ủy\"",
  "province: within 2022-12; district: within 2023-01; grassroots: before 2023-02-28",
  "central: within 2023",
};

void test_phrase_canonical_forms(void) {
  ar_arena a;
  ar_init(&a);
  for (size_t k = 0; k < sizeof canonical_forms / sizeof canonical_forms[0]; k++)
    UT_EQ_STR(canon(&a, canonical_forms[k]), canonical_forms[k]);
  /* Escapes are undone in the recognised name. */
  dl_deadline *d = recognise(&a, "after \"Quy định \\\"mẫu\\\"\" of \"Trung ương\"").first;
  UT_CHECK(slice_is(d->event_doc, "Quy định \"mẫu\""));
  /* An issuer given to a plan reference is read, though not printed. */
  d = recognise(&a, "per plan \"151-KH/TU\" of \"Ban Thường vụ Tỉnh ủy\"").first;
  UT_CHECK(slice_is(d->plan_ref, "151-KH/TU"));
  UT_CHECK(slice_is(d->event_issuer, "Ban Thường vụ Tỉnh ủy"));
  /* Spacing and case of the canonical text are free. */
  UT_EQ_STR(canon(&a, "  Within   2023-q2 ."), "within 2023-Q2");
  UT_EQ_STR(canon(&a, "province:within 2022-12"), "province: within 2022-12");
  UT_EQ_STR(canon(&a, "from 2026 to 2024"), "NULL");       /* reversed */
  UT_EQ_STR(canon(&a, "from 2023 to 2024-Q2"), "NULL");    /* mixed units */
  UT_EQ_STR(canon(&a, "within 2023-Q5"), "NULL");
  ar_free(&a);
}

static int same_slice(sl_slice x, sl_slice y) {
  return x.n == y.n && (x.n == 0 || memcmp(x.p, y.p, x.n) == 0);
}

/* One deadline equals another in everything the checker uses. The issuer of
 * a plan reference is not part of its canonical text, so it is not compared
 * for PER_PLAN. */
static int same_deadline(const dl_deadline *x, const dl_deadline *y) {
  return x->kind == y->kind && x->stage == y->stage && x->span.first == y->span.first &&
         x->span.last == y->span.last && x->unit == y->unit && x->period == y->period &&
         x->month == y->month && x->delay_days == y->delay_days &&
         same_slice(x->event_doc, y->event_doc) && same_slice(x->plan_ref, y->plan_ref) &&
         (x->kind == DL_PER_PLAN || same_slice(x->event_issuer, y->event_issuer));
}

/* recognise(canonical(d)) gives d back, for every seed phrase. */
void test_phrase_round_trip(void) {
  ar_arena a;
  ar_init(&a);
  for (int k = 0; k < N_SEEDS; k++) {
    const dl_deadline *d = recognise(&a, seeds[k].phrase).first;
    const char *text = dl_canonical_chain(&a, d);
    const dl_deadline *back = recognise(&a, text).first;
    int same = 1;
    for (; d && back; d = d->next, back = back->next) same &= same_deadline(d, back);
    UT_CHECK(same && d == NULL && back == NULL);
  }
  ar_free(&a);
}

void test_phrase_case_and_space(void) {
  ar_arena a;
  ar_init(&a);
  UT_EQ_STR(canon(&a, "HOÀN THÀNH TRONG QUÝ II/2023"), "within 2023-Q2");
  UT_EQ_STR(canon(&a, "  hoàn  thành\ttrong   năm 2024 . "), "within 2024");
  /* U+00A0 (no-break space), as office software writes it. */
  UT_EQ_STR(canon(&a, "thực\xc2\xa0hiện thường\xc2\xa0xuyên"), "continuous");
  UT_EQ_STR(canon(&a, "quý 2/2023"), "within 2023-Q2");
  UT_EQ_STR(canon(&a, "quý IV/2024"), "within 2024-Q4");
  UT_EQ_STR(canon(&a, "trong tháng 12 năm 2022"), "within 2022-12");
  UT_EQ_STR(canon(&a, "thường xuyên, liên tục"), "continuous");
  UT_EQ_STR(canon(&a, "định kì"), "periodic");
  UT_EQ_STR(canon(&a, "thực hiện từ năm 2024 – 2026"), "from 2024 to 2026");
  UT_EQ_STR(canon(&a, "thực hiện từ năm 2024 đến năm 2026"), "from 2024 to 2026");
  UT_EQ_STR(canon(&a, "trong ngày 15/7/2023"), "within 2023-07-15");
  UT_EQ_STR(canon(&a, "thực hiện theo Chương trình hành động số 20-CTr/TU ngày 20/3/2023 của Tỉnh ủy"),
            "per plan \"20-CTr/TU\" of \"Tỉnh ủy\"");
  UT_EQ_STR(canon(&a, "theo Kế hoạch số 151-KH/TU"), "per plan \"151-KH/TU\"");
  UT_EQ_STR(canon(&a, "theo yêu cầu"), "on request");
  UT_EQ_STR(canon(&a, "khi có văn bản hướng dẫn"), "after \"văn bản hướng dẫn\"");
  UT_EQ_STR(canon(&a, "sau khi có văn bản của Trung ương trong quý II/2024"),
            "after \"văn bản\" of \"Trung ương\" expected 2024-Q2");
  UT_EQ_STR(canon(&a, "thường kỳ theo quy chế làm việc"), "periodic");
  UT_EQ_STR(canon(&a, "định kỳ theo quy định của Điều lệ Đảng"), "periodic");
  /* Typography copied with the phrase: "(*...*)" around the whole of it. */
  UT_EQ_STR(canon(&a, "(theo nhiệm kỳ)"), "per term");
  UT_EQ_STR(canon(&a, " (*thực hiện thường xuyên*) "), "continuous");
  UT_EQ_STR(canon(&a, "*hoàn thành trong năm 2023*"), "within 2023");
  dl_deadline *d = recognise(&a, "(*theo yêu cầu của Trung ương*)").first;
  UT_CHECK(d && slice_is(d->event_issuer, "Trung ương"));
  /* The issuer runs to the end; the awaited thing stops at the first "của". */
  UT_EQ_STR(canon(&a, "khi có hướng dẫn của Ban Tổ chức của Tỉnh ủy"),
            "after \"hướng dẫn\" of \"Ban Tổ chức của Tỉnh ủy\"");
  ar_free(&a);
}

void test_phrase_bad_dates(void) {
  ar_arena a;
  ar_init(&a);
  const char *s = "hoàn thành trước ngày 30/02/2023";
  dl_result r = recognise(&a, s);
  UT_CHECK(r.first == NULL);
  UT_EQ_INT(r.bad_date, 1);
  UT_EQ_INT(r.bad_offset, strstr(s, "30/02") - s);

  r = recognise(&a, "hoàn thành trong tháng 13/2023");
  UT_CHECK(r.first == NULL);
  UT_EQ_INT(r.bad_date, 1);

  r = recognise(&a, "before 2023-02-29");
  UT_CHECK(r.first == NULL);
  UT_EQ_INT(r.bad_date, 1);
  UT_EQ_INT(r.bad_offset, 7);

  /* A bad date drops its clause only; the first bad date is reported. */
  s = "cấp tỉnh hoàn thành trong tháng 12/2022; cấp huyện hoàn thành trước ngày 31/04/2023; "
      "cấp cơ sở hoàn thành trước ngày 30/02/2023";
  r = recognise(&a, s);
  UT_EQ_STR(r.first ? dl_canonical_chain(&a, r.first) : "NULL", "province: within 2022-12");
  UT_EQ_INT(r.bad_date, 1);
  UT_EQ_INT(r.bad_offset, strstr(s, "31/04") - s);

  r = recognise(&a, "theo Kế hoạch số 151-KH/TU ngày 31/11/2022 của Ban Thường vụ Tỉnh ủy");
  UT_CHECK(r.first == NULL);
  UT_EQ_INT(r.bad_date, 1);

  r = recognise(&a, "định kỳ tháng 13 hằng năm");
  UT_CHECK(r.first == NULL);
  UT_EQ_INT(r.bad_date, 1);

  r = recognise(&a, "sau khi có văn bản của Trung ương trong tháng 0/2024");
  UT_CHECK(r.first == NULL);
  UT_EQ_INT(r.bad_date, 1);
  ar_free(&a);
}

void test_phrase_unrecognised(void) {
  ar_arena a;
  ar_init(&a);
  static const char *const prose[] = {
    "", " ", ";", "thực hiện", "thực hiện;", "hoàn thành",
    "Giao Ban Tổ chức Huyện ủy đến năm 2022 hoàn thành cơ sở dữ liệu đảng viên",
    "thường xuyên rà soát, sửa đổi, bổ sung Quy chế",
    "khóa XII", "b/c", "qua Ban Tổ chức Huyện ủy",
    "trong năm", "năm 20233", "quý V/2023", "khi có",
    "khi có của Tỉnh ủy",
    "thực hiện thường xuyên; hôm nay",   /* one bad clause spoils the phrase */
    "from 2023 to",
    "within \"2024\"",
    "(thực hiện thường xuyên", "(khóa XII)", "()", "**",
    /* phrases of the encoded plans that only `as` can give a meaning */
    "trước kỳ họp HĐND cuối năm", "trước khi họp ít nhất 3 ngày",
    "thiếu nội dung",
  };
  for (size_t k = 0; k < sizeof prose / sizeof prose[0]; k++) {
    dl_result r = recognise(&a, prose[k]);
    UT_EQ_STR(r.first ? dl_canonical_chain(&a, r.first) : "NULL", "NULL");
    UT_EQ_INT(r.bad_date, 0);
  }
  ar_free(&a);
}

/* The recogniser reads only the n bytes it is given: the text here is in a
 * malloc block with no NUL after it, so a read past it trips the address
 * sanitizer. A NUL inside the text makes it no phrase. */
void test_phrase_bounds(void) {
  ar_arena a;
  ar_init(&a);
  static const struct { const char *text, *canon; } texts[] = {
    { "thực hiện thường xuyên", "continuous" },
    { "hoàn thành trong quý II/2023", "within 2023-Q2" },
    { "khi có văn bản của", "after \"văn bản của\"" },
    { "after \"văn bản", "NULL" },
    { "theo Kế hoạch số 151-KH/TU ngày 16/11/", "NULL" },
    { "\xe1\xbb", "NULL" },
    { "2023", "NULL" },
  };
  for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++) {
    size_t n = strlen(texts[k].text);
    char *buf = malloc(n ? n : 1);
    memcpy(buf, texts[k].text, n);
    dl_result r = dl_recognize(&a, buf, n);
    UT_EQ_STR(r.first ? dl_canonical_chain(&a, r.first) : "NULL", texts[k].canon);
    free(buf);
  }
  dl_result r = dl_recognize(&a, "thường xuyên\0 x", sizeof "thường xuyên\0 x" - 1);
  UT_CHECK(r.first == NULL);
  /* Only the first n bytes count. */
  r = dl_recognize(&a, "hằng năm 2024", strlen("hằng năm"));
  UT_EQ_STR(r.first ? dl_canonical(&a, r.first) : "NULL", "yearly");
  ar_free(&a);
}

void test_phrase_event_delay(void) {
  ar_arena a;
  ar_init(&a);
  UT_EQ_STR(canon(&a, "trong vòng 30 ngày kể từ khi có văn bản của Tỉnh ủy"),
            "after \"văn bản\" of \"Tỉnh ủy\" delay 30");
  UT_EQ_STR(canon(&a, "thực hiện trong vòng 15 ngày sau khi có hướng dẫn của Ban Tổ chức Tỉnh ủy"),
            "after \"hướng dẫn\" of \"Ban Tổ chức Tỉnh ủy\" delay 15");
  UT_EQ_STR(canon(&a, "ngay khi có chỉ đạo của Trung ương"),
            "after \"chỉ đạo\" of \"Trung ương\" delay 0");
  dl_deadline *d = recognise(&a, "trong vòng 7 ngày sau khi có quyết định").first;
  UT_EQ_INT(d->kind, DL_EVENT);
  UT_EQ_INT(d->delay_days, 7);
  UT_EQ_INT(d->event_issuer.n, 0);
  ar_free(&a);
}

static void check_target(const char *text, const char *want_op, double want_value, int want_percent) {
  const char *op = NULL;
  double value = -1;
  int percent = -1;
  UT_EQ_INT(dl_target_value(text, strlen(text), &op, &value, &percent), 0);
  UT_EQ_STR(op, want_op);
  UT_CHECK(value > want_value - 1e-9 && value < want_value + 1e-9);
  UT_EQ_INT(percent, want_percent);
}

void test_phrase_target_values(void) {
  check_target("từ 90% trở lên", ">=", 90, 1);
  check_target("Từ 90% trở lên", ">=", 90, 1);
  check_target("trên 90%", ">", 90, 1);
  check_target("dưới 0,4%", "<", 0.4, 1);
  check_target("dưới 0.4%", "<", 0.4, 1);
  check_target("đạt 4% trở lên", ">=", 4, 1);
  check_target("4% trở lên", ">=", 4, 1);
  check_target("100%", "=", 100, 1);
  check_target("từ 50 đảng viên trở lên", ">=", 50, 0);
  check_target("ít nhất 2 lần", ">=", 2, 0);
  check_target("tối thiểu 1,5%", ">=", 1.5, 1);
  check_target("không quá 5%", "<=", 5, 1);
  check_target("tối đa 3", "<=", 3, 0);
  check_target("từ 0,4% trở xuống", "<=", 0.4, 1);
  check_target("  trên 90 % . ", ">", 90, 1);
  const char *op = "unchanged";
  double v = 0;
  int pc = 0;
  const char *prose = "100% tổ chức cơ sở đảng hoàn thành nhiệm vụ";
  UT_EQ_INT(dl_target_value(prose, strlen(prose), &op, &v, &pc), -1);
  UT_EQ_INT(dl_target_value("trên", strlen("trên"), &op, &v, &pc), -1);
  UT_EQ_INT(dl_target_value("", 0, &op, &v, &pc), -1);
  UT_EQ_STR(op, "unchanged");
}

/* ---- the kinds of issue 16 (phrases of published plans) ---- */

/* The canonical chain of a phrase read in a plan dated `date` ("" for no
 * context), or "NULL". */
static const char *canon_in(ar_arena *a, const char *phrase, const char *date) {
  dl_context ctx = { DT_MIN };
  if (*date) UT_CHECK(dt_parse_iso(date, strlen(date), &ctx.date) == 0);
  dl_result r = dl_recognize_in(a, phrase, strlen(phrase), &ctx);
  return r.first ? dl_canonical_chain(a, r.first) : "NULL";
}

static const char *spans_in(ar_arena *a, const char *phrase, const char *date) {
  dl_context ctx = { DT_MIN };
  if (*date) UT_CHECK(dt_parse_iso(date, strlen(date), &ctx.date) == 0);
  dl_result r = dl_recognize_in(a, phrase, strlen(phrase), &ctx);
  return spans(a, r.first);
}

/* Each new kind, with the canonical text (which reads back as the same) and
 * the days it allows. The phrases are written for this test in the style of
 * the corpus; the corpus itself (tests/phrases) checks the real ones. */
void test_phrase_new_kinds(void) {
  ar_arena a;
  ar_init(&a);
  static const struct { const char *phrase, *date, *canon, *spans; } cases[] = {
    /* before a month, a quarter, a day written with '-' or '.' */
    { "hoàn thành trước tháng 9/2023", "", "before 2023-09-01", "open..2023-08-31" },
    { "trước tháng 9.2023", "", "before 2023-09-01", "open..2023-08-31" },
    { "trước quý III-2024", "", "before 2024-07-01", "open..2024-06-30" },
    { "xong trước ngày 15.12.2018", "", "before 2018-12-15", "open..2018-12-14" },
    /* month and quarter with '.' or '-' */
    { "trong tháng 9.2023", "", "within 2023-09", "2023-09-01..2023-09-30" },
    { "hoàn thành trong quý III-2024", "", "within 2024-Q3", "2024-07-01..2024-09-30" },
    { "hoàn thành trong 2/2021", "", "within 2021-02", "2021-02-01..2021-02-28" },
    /* ranges of months and days */
    { "từ tháng 3 đến tháng 6/2024", "", "from 2024-03 to 2024-06", "2024-03-01..2024-06-30" },
    { "bắt đầu từ 10/4/2024 và hoàn thành trước ngày 25/4/2024", "", "from 2024-04-10 to 2024-04-24",
      "2024-04-10..2024-04-24" },
    { "từ 5/8 - 20/8/2024", "", "from 2024-08-05 to 2024-08-20", "2024-08-05..2024-08-20" },
    { "từ ngày 23 - 24/11/2020", "", "from 2020-11-23 to 2020-11-24", "2020-11-23..2020-11-24" },
    { "từ ngày 08 đến ngày 09 tháng 12 năm 2025", "", "from 2025-12-08 to 2025-12-09",
      "2025-12-08..2025-12-09" },
    { "bắt đầu từ quý IV/2018 đến hết tháng 5/2019", "", "from 2018-10 to 2019-05", "2018-10-01..2019-05-31" },
    { "từ quý IV/2013 và hoàn thành trước tháng 3.2014", "", "from 2013-10 to 2014-02",
      "2013-10-01..2014-02-28" },
    { "Từ 10h00 ngày 29/3/2016 đến 17h00 ngày 17/4/2016", "", "from 2016-03-29 to 2016-04-17",
      "2016-03-29..2016-04-17" },
    { "ngày 20-22/02/2026", "", "from 2026-02-20 to 2026-02-22", "2026-02-20..2026-02-22" },
    { "25 ngày, bắt đầu từ ngày 01/04/2019", "", "from 2019-04-01 to 2019-04-25", "2019-04-01..2019-04-25" },
    { "trong 30 ngày, từ 1/7 – 30/7/2011", "", "from 2011-07-01 to 2011-07-30", "2011-07-01..2011-07-30" },
    { "từ ngày 01/7/2025", "", "from 2025-07-01", "2025-07-01..open" },
    /* a year crossed by a range without years: the start is the year before */
    { "từ ngày 15/12 đến ngày 15/01/2025", "", "from 2024-12-15 to 2025-01-15", "2024-12-15..2025-01-15" },
    /* periods and terms; a year onwards */
    { "giai đoạn 2026 - 2030", "", "from 2026 to 2030", "2026-01-01..2030-12-31" },
    { "trong nhiệm kỳ 2025 - 2030", "", "from 2025 to 2030", "2025-01-01..2030-12-31" },
    { "năm 2022 và những năm tiếp theo", "", "from 2022", "2022-01-01..open" },
    /* lead-ins: chậm nhất, dự kiến, bắt đầu, tổ chức vào; the edge of a period */
    { "chậm nhất ngày 20/10/2023", "", "by 2023-10-20", "open..2023-10-20" },
    { "dự kiến vào tháng 6/2022", "", "within 2022-06", "2022-06-01..2022-06-30" },
    { "tổ chức vào cuối tháng 9-2020", "", "within 2020-09", "2020-09-01..2020-09-30" },
    { "vào đầu quý I/2025", "", "within 2025-Q1", "2025-01-01..2025-03-31" },
    { "vào ngày 5 tháng 9 năm 2025", "", "within 2025-09-05", "2025-09-05..2025-09-05" },
    { "vào thời điểm 0 giờ ngày 01 tháng 4 năm 2019", "", "within 2019-04-01", "2019-04-01..2019-04-01" },
    /* a bare date is the last day; a weekday in parentheses is dropped */
    { "07/02/2021 (chủ Nhật)", "", "by 2021-02-07", "open..2021-02-07" },
    /* prose before the deadline, but never a document's number */
    { "báo cáo Ban Bí thư vào cuối quý II/2025", "", "within 2025-Q2", "2025-04-01..2025-06-30" },
    { "tại phiên họp ngày 18/02/2025", "", "within 2025-02-18", "2025-02-18..2025-02-18" },
    /* events other than a document, with or without a delay */
    { "ngay sau hội nghị", "", "after \"hội nghị\" delay 0", "open..open" },
    { "sau khi kết thúc đợt kiểm tra", "", "after \"kết thúc đợt kiểm tra\"", "open..open" },
    { "chậm nhất là 60 ngày, kể từ ngày bầu cử", "", "after \"ngày bầu cử\" delay 60", "open..open" },
    /* the pace of a higher body */
    { "theo lộ trình của Tỉnh ủy", "", "per plan of \"Tỉnh ủy\"", "open..open" },
    { "thực hiện theo tiến độ của Trung ương", "", "per plan of \"Trung ương\"", "open..open" },
    /* stages: cấp xã, cấp trên cơ sở, lists joined by commas */
    { "cấp cơ sở phải hoàn thành trước 10/3/2020, cấp trên cơ sở trước 30/4/2020, cấp tỉnh trước 30/6/2020", "",
      "grassroots: before 2020-03-10; above-grassroots: before 2020-04-30; province: before 2020-06-30",
      "open..2020-03-09; open..2020-04-29; open..2020-06-29" },
    { "cấp xã hoàn thành trong tháng 8/2025; cấp tỉnh trong tháng 10/2025", "",
      "commune: within 2025-08; province: within 2025-10", "2025-08-01..2025-08-31; 2025-10-01..2025-10-31" },
    { "cấp huyện và tương đương trước tháng 5/2025", "", "district: before 2025-05-01", "open..2025-04-30" },
    /* the canonical stages read back */
    { "commune: within 2025-08; above-grassroots: before 2020-04-30", "",
      "commune: within 2025-08; above-grassroots: before 2020-04-30", "2025-08-01..2025-08-31; open..2020-04-29" },
    /* dates without a year take the plan's, or the next year's when they
     * would end more than a month before the plan */
    { "chậm nhất ngày 20/10", "2023-03-01", "by 2023-10-20", "open..2023-10-20" },
    { "trước ngày 15/01", "2023-12-20", "before 2024-01-15", "open..2024-01-14" },
    { "ngày 28/1", "2016-02-26", "within 2016-01-28", "2016-01-28..2016-01-28" },
    { "từ ngày 4/5 đến 17 giờ ngày 13/5", "2022-01-01", "from 2022-05-04 to 2022-05-13", "2022-05-04..2022-05-13" },
    { "chậm nhất ngày 29/2", "2023-06-01", "by 2024-02-29", "open..2024-02-29" },
  };
  for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
    const char *got = canon_in(&a, cases[k].phrase, cases[k].date);
    UT_EQ_STR(got, cases[k].canon);
    UT_EQ_STR(spans_in(&a, cases[k].phrase, cases[k].date), cases[k].spans);
    /* the canonical text reads back as itself */
    UT_EQ_STR(canon(&a, got), cases[k].canon);
  }
  ar_free(&a);
}

/* What the new kinds must not read: no year and no context; prose too long
 * or with a number; a date that does not exist; a range that runs
 * backwards. */
void test_phrase_new_kinds_refused(void) {
  ar_arena a;
  ar_init(&a);
  static const char *const refused[] = {
    "chậm nhất ngày 20/10",                       /* no year, no plan date */
    "từ ngày 21/10 đến hết ngày 13/11",
    "Kế hoạch số 151-KH/TU ngày 16/11/2022 của Tỉnh ủy",   /* a document's date */
    "Quyết định 25/2024",
    "một hai ba bốn năm sáu bảy trong tháng 9/2023",   /* seven words of prose */
    "từ tháng 9/2024 đến tháng 3/2024",           /* backwards */
    "từ tháng 2.2009 đến khi QH quyết định chấm dứt thí điểm",
    "hoàn thành ngay sau UBND xã đi vào hoạt động (trước 7h00 sáng ngày 01/7/2025)",
    "(thực hiện thường xuyên",
  };
  for (size_t k = 0; k < sizeof refused / sizeof refused[0]; k++) {
    UT_EQ_STR(canon_in(&a, refused[k], ""), "NULL");
  }
  /* a date that does not exist is reported, as in the fixed forms */
  dl_result r = recognise(&a, "trước ngày 30/02/2024");
  UT_CHECK(r.first == NULL);
  UT_EQ_INT(r.bad_date, 1);
  dl_context ctx = { dt_from_ymd(2023, 1, 1) };
  r = dl_recognize_in(&a, "chậm nhất ngày 31/4", strlen("chậm nhất ngày 31/4"), &ctx);
  UT_CHECK(r.first == NULL);
  UT_EQ_INT(r.bad_date, 1);
  /* a reading that used the context says so; one that did not, does not */
  r = dl_recognize_in(&a, "chậm nhất ngày 20/10", strlen("chậm nhất ngày 20/10"), &ctx);
  UT_EQ_INT(r.used_context, 1);
  r = dl_recognize_in(&a, "chậm nhất ngày 20/10/2023", strlen("chậm nhất ngày 20/10/2023"), &ctx);
  UT_EQ_INT(r.used_context, 0);
  ar_free(&a);
}

/* dl_guess reads a tail of a phrase the recogniser refuses, without events. */
void test_phrase_guess(void) {
  ar_arena a;
  ar_init(&a);
  dl_context ctx = { DT_MIN };
  const char *p = "hoàn thành ngay sau UBND xã đi vào hoạt động (trước 7h00 sáng ngày 01/7/2025)";
  const dl_deadline *g = dl_guess(&a, p, strlen(p), &ctx);
  UT_CHECK(g != NULL);
  if (g) UT_EQ_STR(dl_canonical_chain(&a, g), "before 2025-07-01");
  p = "trước kỳ họp HĐND cuối năm";
  UT_CHECK(dl_guess(&a, p, strlen(p), &ctx) == NULL);
  ar_free(&a);
}
