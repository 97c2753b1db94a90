/* date: civil dates as day numbers, for comparing deadlines.
 *
 * A date is the count of days since 1970-01-01 in the proleptic Gregorian
 * calendar, so spans compare with < and differences are day counts. Layer:
 * bottom; calls only libc. */
#ifndef PLANCHECK_DATE_H
#define PLANCHECK_DATE_H

#include <stddef.h>
#include <stdint.h>

typedef int32_t dt_day;

/* Open bounds of a span: "no earliest day" and "no latest day". */
#define DT_MIN INT32_MIN
#define DT_MAX INT32_MAX

typedef struct dt_span {
  dt_day first, last;    /* inclusive; DT_MIN / DT_MAX when open */
} dt_span;

/* 1 when y-m-d exists (1 <= m <= 12, day within the month, 1000 <= y <= 9999). */
int dt_valid(int y, int m, int d);
/* Day number of a valid date. */
dt_day dt_from_ymd(int y, int m, int d);
void dt_to_ymd(dt_day day, int *y, int *m, int *d);
int dt_days_in_month(int y, int m);

dt_span dt_year(int y);
dt_span dt_quarter(int y, int q);   /* q in 1..4 */
dt_span dt_month(int y, int m);

/* Writes "2023-02-28" (11 bytes with NUL) into buf. */
void dt_format(dt_day day, char buf[11]);
/* Parses exactly "YYYY-MM-DD"; 0 on success, -1 on bad form, -2 when the
 * form is right but the date does not exist. */
int dt_parse_iso(const char *s, size_t n, dt_day *out);

#endif
