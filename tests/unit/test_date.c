/* Unit tests for src/date.c: validity, day numbers, spans, ISO text. Day
 * numbers are checked against values computed independently (Python's
 * datetime: (date(y, m, d) - date(1970, 1, 1)).days). */
#include <string.h>

#include "date.h"
#include "unit.h"

void test_date_valid(void);
void test_date_day_numbers(void);
void test_date_round_trip(void);
void test_date_spans(void);
void test_date_format(void);
void test_date_parse_iso(void);

void test_date_valid(void) {
  UT_CHECK(dt_valid(2024, 2, 29));          /* divisible by 4 */
  UT_CHECK(!dt_valid(2023, 2, 29));
  UT_CHECK(!dt_valid(2023, 2, 30));
  UT_CHECK(dt_valid(2000, 2, 29));          /* divisible by 400 */
  UT_CHECK(!dt_valid(1900, 2, 29));         /* divisible by 100 only */
  UT_CHECK(dt_valid(2023, 4, 30));
  UT_CHECK(!dt_valid(2023, 4, 31));
  UT_CHECK(dt_valid(2023, 12, 31));
  UT_CHECK(!dt_valid(2023, 13, 1));
  UT_CHECK(!dt_valid(2023, 0, 1));
  UT_CHECK(!dt_valid(2023, 1, 0));
  UT_CHECK(dt_valid(1000, 1, 1));
  UT_CHECK(dt_valid(9999, 12, 31));
  UT_CHECK(!dt_valid(999, 12, 31));
  UT_CHECK(!dt_valid(10000, 1, 1));
  UT_EQ_INT(dt_days_in_month(2024, 2), 29);
  UT_EQ_INT(dt_days_in_month(2023, 2), 28);
  UT_EQ_INT(dt_days_in_month(2023, 11), 30);
  UT_EQ_INT(dt_days_in_month(2023, 13), 0);
}

void test_date_day_numbers(void) {
  UT_EQ_INT(dt_from_ymd(1970, 1, 1), 0);
  UT_EQ_INT(dt_from_ymd(1969, 12, 31), -1);
  UT_EQ_INT(dt_from_ymd(2000, 3, 1), 11017);
  UT_EQ_INT(dt_from_ymd(2023, 2, 28), 19416);
  UT_EQ_INT(dt_from_ymd(2024, 2, 29), 19782);
  UT_EQ_INT(dt_from_ymd(1000, 1, 1), -354285);
  UT_EQ_INT(dt_from_ymd(9999, 12, 31), 2932896);
  /* Out-of-range months carry into the year instead of reading past a table. */
  UT_EQ_INT(dt_from_ymd(2023, 13, 1), dt_from_ymd(2024, 1, 1));
  UT_EQ_INT(dt_from_ymd(2023, 0, 1), dt_from_ymd(2022, 12, 1));
  int y, m, d;
  dt_to_ymd(-354285, &y, &m, &d);
  UT_EQ_INT(y, 1000); UT_EQ_INT(m, 1); UT_EQ_INT(d, 1);
  dt_to_ymd(19782, &y, &m, &d);
  UT_EQ_INT(y, 2024); UT_EQ_INT(m, 2); UT_EQ_INT(d, 29);
  dt_to_ymd(-1, &y, &m, &d);
  UT_EQ_INT(y, 1969); UT_EQ_INT(m, 12); UT_EQ_INT(d, 31);
}

/* Every day of the valid range converts back to itself, and consecutive
 * dates get consecutive numbers. Mismatches are counted, not checked one by
 * one, so the run prints at most one failure. */
void test_date_round_trip(void) {
  int bad = 0;
  dt_day expect = dt_from_ymd(1000, 1, 1);
  for (int y = 1000; y <= 9999; y++)
    for (int m = 1; m <= 12; m++)
      for (int d = 1; d <= dt_days_in_month(y, m); d++, expect++) {
        int yy, mm, dd;
        dt_day n = dt_from_ymd(y, m, d);
        dt_to_ymd(n, &yy, &mm, &dd);
        if (n != expect || yy != y || mm != m || dd != d) bad++;
      }
  UT_EQ_INT(bad, 0);
}

void test_date_spans(void) {
  dt_span s = dt_year(2024);
  UT_EQ_INT(s.first, dt_from_ymd(2024, 1, 1));
  UT_EQ_INT(s.last, dt_from_ymd(2024, 12, 31));
  s = dt_quarter(2023, 2);
  UT_EQ_INT(s.first, dt_from_ymd(2023, 4, 1));
  UT_EQ_INT(s.last, dt_from_ymd(2023, 6, 30));
  s = dt_quarter(2024, 1);
  UT_EQ_INT(s.last, dt_from_ymd(2024, 3, 31));
  s = dt_quarter(2024, 4);
  UT_EQ_INT(s.first, dt_from_ymd(2024, 10, 1));
  UT_EQ_INT(s.last, dt_from_ymd(2024, 12, 31));
  s = dt_month(2024, 2);
  UT_EQ_INT(s.first, dt_from_ymd(2024, 2, 1));
  UT_EQ_INT(s.last, dt_from_ymd(2024, 2, 29));
  s = dt_month(2023, 2);
  UT_EQ_INT(s.last - s.first + 1, 28);
}

void test_date_format(void) {
  char buf[11];
  dt_format(0, buf);
  UT_EQ_STR(buf, "1970-01-01");
  dt_format(dt_from_ymd(2023, 2, 28), buf);
  UT_EQ_STR(buf, "2023-02-28");
  dt_format(dt_from_ymd(1000, 1, 1), buf);
  UT_EQ_STR(buf, "1000-01-01");
  dt_format(dt_from_ymd(9999, 12, 31), buf);
  UT_EQ_STR(buf, "9999-12-31");
  /* Open bounds passed by mistake stay within the buffer. */
  dt_format(DT_MAX, buf);
  UT_EQ_INT(strlen(buf), 10);
  dt_format(DT_MIN, buf);
  UT_EQ_INT(strlen(buf), 10);
}

void test_date_parse_iso(void) {
  dt_day d = 12345;
  UT_EQ_INT(dt_parse_iso("2023-02-28", 10, &d), 0);
  UT_EQ_INT(d, 19416);
  UT_EQ_INT(dt_parse_iso("2024-02-29", 10, &d), 0);
  UT_EQ_INT(d, 19782);
  /* The length is what the caller says: the text need not end in NUL. */
  UT_EQ_INT(dt_parse_iso("2023-02-28T00", 10, &d), 0);
  UT_EQ_INT(dt_parse_iso("2023-02-28T00", 13, &d), -1);
  UT_EQ_INT(dt_parse_iso("2023-2-28", 9, &d), -1);
  UT_EQ_INT(dt_parse_iso("2023/02/28", 10, &d), -1);
  UT_EQ_INT(dt_parse_iso("2023-02-2x", 10, &d), -1);
  UT_EQ_INT(dt_parse_iso("+023-02-28", 10, &d), -1);
  UT_EQ_INT(dt_parse_iso("2023-02-30", 10, &d), -2);
  UT_EQ_INT(dt_parse_iso("2023-13-01", 10, &d), -2);
  UT_EQ_INT(dt_parse_iso("2023-00-10", 10, &d), -2);
  UT_EQ_INT(dt_parse_iso("0999-12-31", 10, &d), -2);
  UT_EQ_INT(d, 19416);   /* failures leave it as the last success set it */
}
