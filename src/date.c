/* date: civil dates as day numbers; see date.h.
 *
 * The conversions go through the number of days before 1 January of a year,
 * which follows from counting leap years, so no table of years is needed and
 * any int32 day number maps back to a (possibly far-away) civil date. Layer:
 * bottom; calls only libc. */
#include "date.h"

#include <stddef.h>

/* Days before the first of each month in a common year. */
static const int days_before_month[12] = {
  0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334,
};

static int is_leap(int64_t y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Floor division: day numbers before 1970 are negative and must round
 * towards minus infinity for the year arithmetic to stay exact. */
static int64_t floor_div(int64_t a, int64_t b) {
  int64_t q = a / b;
  if (a % b != 0 && (a < 0) != (b < 0)) q--;
  return q;
}

/* Leap years among 1..y (counted the same way past year 0). */
static int64_t leaps_through(int64_t y) {
  return floor_div(y, 4) - floor_div(y, 100) + floor_div(y, 400);
}

/* Day number of 1 January of year y. */
static int64_t year_start(int64_t y) {
  return 365 * (y - 1970) + leaps_through(y - 1) - leaps_through(1969);
}

int dt_days_in_month(int y, int m) {
  static const int len[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  if (m < 1 || m > 12) return 0;
  return len[m - 1] + (m == 2 && is_leap(y));
}

int dt_valid(int y, int m, int d) {
  if (y < 1000 || y > 9999) return 0;
  return d >= 1 && d <= dt_days_in_month(y, m);
}

dt_day dt_from_ymd(int y, int m, int d) {
  /* Callers pass valid dates; a month out of range is carried into the
   * year (13/2023 is 1/2024), as mktime does, rather than index past the
   * table. */
  int64_t yy = y + floor_div(m - 1, 12);
  int mm = (int)(m - 1 - floor_div(m - 1, 12) * 12) + 1;
  int64_t day = year_start(yy) + days_before_month[mm - 1] + (mm > 2 && is_leap(yy)) + d - 1;
  return (dt_day)day;
}

void dt_to_ymd(dt_day day, int *y, int *m, int *d) {
  /* 146097 days make 400 Gregorian years: a first guess within a year or
   * so, corrected by stepping. */
  int64_t yy = 1970 + floor_div((int64_t)day * 400, 146097);
  while (year_start(yy) > day) yy--;
  while (year_start(yy + 1) <= day) yy++;
  int doy = (int)(day - year_start(yy));
  int leap = is_leap(yy);
  int mm = 12;
  while (mm > 1 && doy < days_before_month[mm - 1] + (mm > 2 && leap)) mm--;
  *y = (int)yy;
  *m = mm;
  *d = doy - days_before_month[mm - 1] - (mm > 2 && leap) + 1;
}

dt_span dt_year(int y) {
  return (dt_span){ dt_from_ymd(y, 1, 1), dt_from_ymd(y, 12, 31) };
}

dt_span dt_quarter(int y, int q) {
  int m = (q - 1) * 3 + 1;
  return (dt_span){ dt_from_ymd(y, m, 1), dt_from_ymd(y, m + 2, dt_days_in_month(y, m + 2)) };
}

dt_span dt_month(int y, int m) {
  return (dt_span){ dt_from_ymd(y, m, 1), dt_from_ymd(y, m, dt_days_in_month(y, m)) };
}

/* Writes v as exactly `width` decimal digits. */
static void put_digits(char *p, int v, int width) {
  for (int i = width - 1; i >= 0; i--) {
    p[i] = (char)('0' + v % 10);
    v /= 10;
  }
}

void dt_format(dt_day day, char buf[11]) {
  int y, m, d;
  dt_to_ymd(day, &y, &m, &d);
  /* The buffer holds four year digits; days outside years 0..9999 (open
   * bounds passed by mistake) are clamped rather than overflow it. */
  if (y < 0) {
    y = 0; m = 1; d = 1;
  } else if (y > 9999) {
    y = 9999; m = 12; d = 31;
  }
  put_digits(buf, y, 4);
  buf[4] = '-';
  put_digits(buf + 5, m, 2);
  buf[7] = '-';
  put_digits(buf + 8, d, 2);
  buf[10] = '\0';
}

/* The value of n decimal digits at s, or -1 when one is not a digit. */
static int read_digits(const char *s, int n) {
  int v = 0;
  for (int i = 0; i < n; i++) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

int dt_parse_iso(const char *s, size_t n, dt_day *out) {
  if (n != 10 || s[4] != '-' || s[7] != '-') return -1;
  int y = read_digits(s, 4), m = read_digits(s + 5, 2), d = read_digits(s + 8, 2);
  if (y < 0 || m < 0 || d < 0) return -1;
  if (!dt_valid(y, m, d)) return -2;
  *out = dt_from_ymd(y, m, d);
  return 0;
}
