/* phrase: the deadline-phrase recogniser (dl_recognize, dl_target_value).
 *
 * Turns a Vietnamese deadline phrase ("hoàn thành trong quý II/2023") or its
 * canonical form ("within 2023-Q2") into dl_deadline values, and a target
 * value phrase ("từ 90% trở lên") into a comparison.
 *
 * Matching runs on a lower-cased copy of the text whose byte offsets equal
 * the original's, so the rules need only lower-case literals while captured
 * names are sliced from the original and keep the document's case. A phrase
 * is a list of clauses separated by ';' (or by ',' before a level). A clause
 * is a lead-in (filler such as "thực hiện", a level such as "cấp huyện"),
 * at most a few words of prose without digits ("báo cáo Ban Bí thư"), and
 * then exactly one deadline that runs to the end of the clause: a fixed
 * rule of body(), or a time in words read by timexpr() from points of time
 * (point()). A sentence is never taken for a deadline because it contains
 * one. The copy ends with a NUL sentinel, which no rule crosses.
 *
 * Layer: model; calls date, arena and utf8proc. build/phrase.c is generated
 * from this file by the Makefile and never edited. */
#include <stddef.h>
#include <string.h>

#include <utf8proc.h>

#include "deadline.h"

typedef unsigned char uc;

/*!re2c
  re2c:define:YYCTYPE = "unsigned char";
  re2c:define:YYCURSOR = "c->cur";
  re2c:define:YYMARKER = "c->mar";
  re2c:yyfill:enable = 0;

  ws    = [ \t\r\n]+;
  sp    = ws?;
  sep   = ws | sp "," sp;
  end   = sp "."? sp [;\x00];
  fin   = ("." sp)? [;\x00];
  word  = [^ \t\r\n;\x00]+;
  text  = [^ \t\r\n;\x00] [^;\x00]*;
  yyyy  = [0-9]{4};
  nn    = [0-9]{1,2};
  roman = "i" | "ii" | "iii" | "iv" | [1-4];
  slash = sp ("/" | "-" | ".") sp;
  trong = "trong" ws;

  // Vietnamese words, lower case. re2c reads this file as ASCII (the
  // Makefile passes no --input-encoding), so letters beyond ASCII are
  // written as \u escapes; each line shows the words it spells.
  v_year        = "n\u0103m";  // năm
  v_quarter     = "qu\u00fd" | "qu\u00ed";  // quý, quí
  v_month       = "th\u00e1ng";  // tháng
  v_day         = "ng\u00e0y";  // ngày
  v_before      = "tr\u01b0\u1edbc";  // trước
  v_until       = "\u0111\u1ebfn";  // đến
  v_end_of      = "h\u1ebft";  // hết
  v_from        = "t\u1eeb";  // từ
  v_regularly   = "th\u01b0\u1eddng" ws "xuy\u00ean";  // thường, xuyên
  v_continually = "li\u00ean" ws "t\u1ee5c";  // liên, tục
  v_every       = "h\u1eb1ng" | "h\u00e0ng";  // hằng, hàng
  v_periodic    = ("\u0111\u1ecbnh" | "th\u01b0\u1eddng") ws ("k\u1ef3" | "k\u00ec");  // định, thường, kỳ, kì
  v_term        = "nhi\u1ec7m" ws ("k\u1ef3" | "k\u00ec");  // nhiệm, kỳ, kì
  v_request     = "y\u00eau" ws "c\u1ea7u";  // yêu, cầu
  v_necessary   = ("th\u1eadt" ws)? "c\u1ea7n" ws "thi\u1ebft";  // thật, cần, thiết
  v_of          = "c\u1ee7a";  // của
  v_plan        = "k\u1ebf" ws "ho\u1ea1ch" | "ch\u01b0\u01a1ng" ws "tr\u00ecnh" (ws "h\u00e0nh" ws "\u0111\u1ed9ng")?;  // kế, hoạch, chương, trình, hành, động
  v_number      = "s\u1ed1";  // số
  v_have        = "c\u00f3";  // có
  v_span        = "v\u00f2ng";  // vòng
  v_counting    = "k\u1ec3" ws "t\u1eeb";  // kể, từ
  v_carry_out   = "th\u1ef1c" ws "hi\u1ec7n";  // thực, hiện
  v_complete    = "ho\u00e0n" ws "th\u00e0nh";  // hoàn, thành
  v_study       = "h\u1ecdc" ws "t\u1eadp";  // học, tập
  v_already     = "\u0111\u00e3";  // đã
  v_propagate   = "tuy\u00ean" ws "truy\u1ec1n";  // tuyên, truyền
  v_duty        = "nhi\u1ec7m" ws "v\u1ee5";  // nhiệm, vụ
  v_that        = "\u0111\u00f3";  // đó
  v_as_for      = "\u0111\u1ed1i" ws "v\u1edbi";  // đối, với
  v_level       = "c\u1ea5p";  // cấp
  v_central     = "trung" ws "\u01b0\u01a1ng";  // trung, ương
  v_province    = "t\u1ec9nh";  // tỉnh
  v_district    = "huy\u1ec7n";  // huyện
  v_grassroots  = "c\u01a1" ws "s\u1edf";  // cơ, sở
  v_letter      = [a-z] | "\u0111";  // đ
  v_above       = "tr\u00ean";  // trên
  v_commune     = "x\u00e3";  // xã
  v_equivalent  = "v\u00e0" ws "t\u01b0\u01a1ng" ws "\u0111\u01b0\u01a1ng";  // và, tương, đương
  v_and         = "v\u00e0";  // và
  v_route       = "l\u1ed9" ws "tr\u00ecnh" | "ti\u1ebfn" ws "\u0111\u1ed9";  // lộ, trình, tiến, độ
  v_latest      = "ch\u1eadm" ws "nh\u1ea5t";  // chậm, nhất
  v_is          = "l\u00e0";  // là
  v_at          = "v\u00e0o";  // vào
  v_begin       = "b\u1eaft" ws "\u0111\u1ea7u";  // bắt, đầu
  v_phase       = "giai" ws "\u0111o\u1ea1n";  // giai, đoạn
  v_edge        = "\u0111\u1ea7u" | "gi\u1eefa" | "cu\u1ed1i";  // đầu, giữa, cuối
  v_next_years  = ("nh\u1eefng" | "c\u00e1c") ws v_year ws "ti\u1ebfp" ws "theo";  // những, các, tiếp
  v_hour        = "gi\u1edd";  // giờ
  v_minute      = "ph\u00fat";  // phút
  v_part_of_day = "s\u00e1ng" | "chi\u1ec1u" | "tr\u01b0a" | "t\u1ed1i";  // sáng, chiều, trưa, tối
  v_weekday     = "th\u1ee9" ws ("hai" | "ba" | "t\u01b0" | "n\u0103m" | "s\u00e1u" | "b\u1ea3y" | [2-7])
                | "ch\u1ee7" ws "nh\u1eadt";  // thứ, tư, năm, sáu, bảy, chủ, nhật
  v_lead_verb   = "ph\u1ea3i" | "xong" | "ho\u00e0n" ws "t\u1ea5t" | "ti\u1ebfn" ws "h\u00e0nh"
                | "t\u1ed5" ws "ch\u1ee9c" | "di\u1ec5n" ws "ra" | "d\u1ef1" ws "ki\u1ebfn" | v_begin
                | "k\u1ebft" ws "th\u00fac" | "ph\u1ea5n" ws "\u0111\u1ea5u";
                // phải, xong, hoàn tất, tiến hành, tổ chức, diễn ra, dự kiến, kết thúc, phấn đấu

  dash  = "-" | "\u2013" | "\u2014" | v_until;

  year_v    = v_year ws @y yyyy;
  quarter_v = v_quarter ws @q roman (slash | ws (v_year ws)?) @y yyyy;
  month_v   = v_month ws @m nn (slash | ws (v_year ws)?) @y yyyy;
  date_v    = @dd nn slash @m nn slash @y yyyy;

  qstr  = ["] ([^"\\\x00] | [\\] [^\x00])* ["];
  P     = @y yyyy ("-q" @q [1-4] | "-" @m [0-9]{2} ("-" @dd [0-9]{2})?)?;
  P2    = @y2 yyyy ("-q" @q2 [1-4] | "-" @m2 [0-9]{2} ("-" @dd2 [0-9]{2})?)?;
*/

typedef enum clause_status {
  CL_OK,       /* c->d holds the clause's deadline */
  CL_EMPTY,    /* nothing between two separators */
  CL_DROPPED,  /* recognised, but a date in it does not exist (recorded) */
  CL_FAIL,     /* not a deadline clause */
} clause_status;

/* The state of recognising one phrase. */
typedef struct cl {
  const char *src;      /* the caller's NFC text: slices point here */
  const uc *low;        /* lower-cased copy, with a NUL sentinel */
  dl_result *res;
  const uc *cur, *mar;  /* re2c cursor and backtracking marker */
  dl_stage stage;       /* set by the clause's lead-in */
  dl_deadline d;        /* the clause's deadline while it is built */
  dt_day ctx_date;      /* the plan's date for dates without a year, or
                           DT_MIN */
  int max_prose;        /* words of prose a clause may start with */
  int after_prose;      /* the clause started with prose: a bare number
                           date is then not a deadline */
  int guess;            /* dl_guess: no event is read, so that an event
                           does not swallow the date a gloss gives */
} cl;

/* A period named in the text: a year, quarter, month or day. */
typedef struct when {
  dt_span span;
  dl_unit unit;
} when;

/* Lower-cases src[0..n) into dst[0..n] code point by code point. A code
 * point whose lower case has another UTF-8 length is kept as it is, so the
 * offset of every byte is the same in both texts; malformed bytes are copied.
 * Unicode spaces (U+00A0 from office software, thin spaces) become as many
 * ASCII spaces as they have bytes: the rules then know only ASCII white
 * space, and their tags stay deterministic (a tag placed before a word could
 * not otherwise tell the lead byte of U+00A0 from that of a letter).
 * dst[n] is the NUL sentinel. */
/* The lower case of the code points below U+2000 (every Vietnamese
 * letter), found at first use: cp + 1 of the lower case, -1 for a space
 * separator, 0 while not looked up. Every text dl_find reads is lowered,
 * and utf8proc's property lookups were most of its cost. */
enum { LOWER_CACHED = 0x2000 };
static int32_t lower_cache[LOWER_CACHED];

static utf8proc_int32_t lower_cp(utf8proc_int32_t cp, int *space) {
  if (cp < LOWER_CACHED && lower_cache[cp]) {
    *space = lower_cache[cp] < 0;
    return *space ? cp : lower_cache[cp] - 1;
  }
  *space = utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS;
  utf8proc_int32_t low = *space ? cp : utf8proc_tolower(cp);
  if (cp < LOWER_CACHED) lower_cache[cp] = *space ? -1 : low + 1;
  return low;
}

static void lower(uc *dst, const char *src, size_t n) {
  const utf8proc_uint8_t *s = (const utf8proc_uint8_t *)src;
  size_t i = 0;
  while (i < n) {
    if (s[i] < 0x80) {             /* ASCII: most of a Vietnamese text's bytes */
      dst[i] = s[i] >= 'A' && s[i] <= 'Z' ? (uc)(s[i] + ('a' - 'A')) : s[i];
      i++;
      continue;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t len = utf8proc_iterate(s + i, (utf8proc_ssize_t)(n - i), &cp);
    if (len <= 0) {
      dst[i] = s[i];
      i++;
      continue;
    }
    utf8proc_uint8_t buf[4];
    int space;
    utf8proc_int32_t low = lower_cp(cp, &space);
    if (space)
      memset(buf, ' ', sizeof buf);
    else if (utf8proc_encode_char(low, buf) != len)
      memcpy(buf, s + i, (size_t)len);
    memcpy(dst + i, buf, (size_t)len);
    i += (size_t)len;
  }
  dst[n] = '\0';
}

/* ---- helpers for the rule actions ---- */

/* White space of the lowered copy, where every Unicode space is ASCII. */
static int is_space(uc ch) {
  return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
}

static const uc *skip_space_back(const uc *b, const uc *e) {
  while (e > b && is_space(e[-1])) e--;
  return e;
}

/* The original text of [b, e) of the lowered copy, without surrounding
 * white space and a final '.', which belong to the sentence, not the name. */
static sl_slice trimmed(const cl *c, const uc *b, const uc *e) {
  while (b < e && is_space(*b)) b++;
  e = skip_space_back(b, e);
  if (e > b && e[-1] == '.') e = skip_space_back(b, e - 1);
  return (sl_slice){ c->src + (b - c->low), (size_t)(e - b) };
}

static sl_slice exact(const cl *c, const uc *b, const uc *e) {
  return (sl_slice){ c->src + (b - c->low), (size_t)(e - b) };
}

/* The value of the decimal digits at p. Most rules bound their count, not
 * all (a year in a range may run on), so the value stops growing past
 * eight digits: no day, month or year is that long, and the date checks
 * refuse it. */
static int digits(const uc *p) {
  int v = 0;
  for (; *p >= '0' && *p <= '9'; p++)
    if (v < 10000000) v = v * 10 + (*p - '0');
  return v;
}

/* A quarter written as a digit or, lower-cased, in Roman numerals. */
static int quarter_of(const uc *p) {
  if (*p >= '1' && *p <= '4') return *p - '0';
  if (p[0] == 'i' && p[1] == 'v') return 4;
  int q = 0;
  for (; *p == 'i'; p++) q++;
  return q;
}

/* Remembers the first impossible date of the phrase. */
static void bad_date(cl *c, const uc *at) {
  if (c->res->bad_date) return;
  c->res->bad_date = 1;
  c->res->bad_offset = (size_t)(at - c->low);
}

/* The period the tags name: year y, and quarter q, month m or day dd of it
 * when given. Returns 0, recording the date at `at` as bad, when it does not
 * exist. */
static int when_of(cl *c, const uc *at, const uc *y, const uc *q, const uc *m,
                   const uc *dd, when *w) {
  int yy = digits(y), mm = m ? digits(m) : 1, day = dd ? digits(dd) : 1;
  if (!dt_valid(yy, mm, day)) {
    bad_date(c, at);
    return 0;
  }
  if (dd) {
    dt_day t = dt_from_ymd(yy, mm, day);
    *w = (when){ { t, t }, DL_UNIT_DAY };
  } else if (m) {
    *w = (when){ dt_month(yy, mm), DL_UNIT_MONTH };
  } else if (q) {
    *w = (when){ dt_quarter(yy, quarter_of(q)), DL_UNIT_QUARTER };
  } else {
    *w = (when){ dt_year(yy), DL_UNIT_YEAR };
  }
  return 1;
}

/* Starts the clause's deadline; kinds without a span leave it open. */
static void begin(cl *c, dl_kind kind) {
  memset(&c->d, 0, sizeof c->d);
  c->d.kind = kind;
  c->d.stage = c->stage;
  c->d.span = (dt_span){ DT_MIN, DT_MAX };
  c->d.delay_days = -1;
}

static clause_status plain(cl *c, dl_kind kind) {
  begin(c, kind);
  return CL_OK;
}

static clause_status within(cl *c, const uc *at, const uc *y, const uc *q,
                            const uc *m, const uc *dd) {
  when w;
  if (!when_of(c, at, y, q, m, dd, &w)) return CL_DROPPED;
  begin(c, DL_WITHIN);
  c->d.span = w.span;
  c->d.unit = w.unit;
  return CL_OK;
}

/* "trước ngày 28/02/2023": the last allowed day is the day before. */
static clause_status before(cl *c, const uc *at, const uc *y, const uc *m, const uc *dd) {
  when w;
  if (!when_of(c, at, y, NULL, m, dd, &w)) return CL_DROPPED;
  begin(c, DL_BEFORE);
  c->d.span = (dt_span){ DT_MIN, w.span.first - 1 };
  c->d.unit = DL_UNIT_DAY;
  return CL_OK;
}

static clause_status by(cl *c, const uc *at, const uc *y, const uc *q,
                        const uc *m, const uc *dd) {
  when w;
  if (!when_of(c, at, y, q, m, dd, &w)) return CL_DROPPED;
  begin(c, DL_BY);
  c->d.span = (dt_span){ DT_MIN, w.span.last };
  c->d.unit = w.unit;
  return CL_OK;
}

/* "từ năm 2023" (open end) or a range "từ năm 2024 - 2026". Both ends must
 * have the same granularity and be in order: "from 2026 to 2024" is not a
 * deadline. */
static clause_status from(cl *c, const when *first, const when *last) {
  if (last && (last->unit != first->unit || last->span.last < first->span.first))
    return CL_FAIL;
  begin(c, DL_FROM);
  c->d.span = (dt_span){ first->span.first, last ? last->span.last : DT_MAX };
  c->d.unit = first->unit;
  return CL_OK;
}

/* The periods of a start or range: (y, q, m, dd) and, when y2 is given,
 * (y2, q2, m2, dd2). */
static clause_status from_periods(cl *c, const uc *y, const uc *q, const uc *m,
                                  const uc *dd, const uc *y2, const uc *q2,
                                  const uc *m2, const uc *dd2) {
  when a, b;
  if (!when_of(c, y, y, q, m, dd, &a)) return CL_DROPPED;
  if (y2 && !when_of(c, y2, y2, q2, m2, dd2, &b)) return CL_DROPPED;
  return from(c, &a, y2 ? &b : NULL);
}

/* A recurring duty; "định kỳ tháng 11 hằng năm" also names the month. */
static clause_status recurring(cl *c, dl_period period, const uc *m) {
  int month = m ? digits(m) : 0;
  if (m && (month < 1 || month > 12)) {
    bad_date(c, m);
    return CL_DROPPED;
  }
  begin(c, DL_RECURRING);
  c->d.period = period;
  c->d.month = month;
  return CL_OK;
}

/* The issuer runs from `i` to the end of the clause (just before the ';'
 * or the sentinel the rule consumed). */
static sl_slice issuer(const cl *c, const uc *i) {
  return i ? trimmed(c, i, c->cur - 1) : SL_NONE;
}

static clause_status on_request(cl *c, const uc *i) {
  begin(c, DL_ON_REQUEST);
  c->d.event_issuer = issuer(c, i);
  return CL_OK;
}

/* "theo Kế hoạch số 151-KH/TU ngày 16/11/2022 của ...": the plan's date
 * is checked like any other date of the phrase. */
static clause_status per_plan(cl *c, const uc *r, const uc *re, const uc *i,
                              const uc *y, const uc *m, const uc *dd) {
  when w;
  if (dd && !when_of(c, dd, y, NULL, m, dd, &w)) return CL_DROPPED;
  begin(c, DL_PER_PLAN);
  c->d.plan_ref = r ? exact(c, r, re) : SL_NONE;
  c->d.event_issuer = issuer(c, i);
  return CL_OK;
}

/* ---- canonical forms: quoted names ---- */

/* The name inside the quoted string starting at q. Escapes (\" and \\) need
 * a copy in the arena; otherwise the name is a slice of the original. */
static sl_slice quoted(cl *c, ar_arena *a, const uc *q) {
  const uc *b = q + 1, *e = b;
  int escaped = 0;
  for (; *e != '"'; e++) {
    if (*e == '\\') {
      escaped = 1;
      e++;
    }
  }
  if (!escaped) return exact(c, b, e);
  const char *s = c->src + (b - c->low);
  char *out = ar_alloc_text(a, (size_t)(e - b));
  size_t n = 0;
  for (size_t k = 0; k < (size_t)(e - b); k++) {
    if (s[k] == '\\') k++;
    out[n++] = s[k];
  }
  return (sl_slice){ out, n };
}

static clause_status event_canonical(cl *c, ar_arena *a, const uc *doc, const uc *of,
                                     const uc *y, const uc *q, const uc *m,
                                     const uc *dd, const uc *delay) {
  when w = { { DT_MIN, DT_MAX }, DL_UNIT_NONE };
  if (y && !when_of(c, y, y, q, m, dd, &w)) return CL_DROPPED;
  begin(c, DL_EVENT);
  c->d.span = w.span;
  c->d.unit = w.unit;
  c->d.event_doc = quoted(c, a, doc);
  c->d.event_issuer = of ? quoted(c, a, of) : SL_NONE;
  c->d.delay_days = delay ? digits(delay) : -1;
  return CL_OK;
}

static clause_status request_canonical(cl *c, ar_arena *a, const uc *of) {
  begin(c, DL_ON_REQUEST);
  c->d.event_issuer = of ? quoted(c, a, of) : SL_NONE;
  return CL_OK;
}

static clause_status plan_canonical(cl *c, ar_arena *a, const uc *ref, const uc *of) {
  begin(c, DL_PER_PLAN);
  c->d.plan_ref = ref ? quoted(c, a, ref) : SL_NONE;
  c->d.event_issuer = of ? quoted(c, a, of) : SL_NONE;
  return CL_OK;
}

/* ---- event phrases: "khi có <what> của <whom> [trong năm 2024]" ---- */

/* The expected time that may end an event clause, tried at each space:
 * 1 when the rest of the clause is one (c->cur then past the clause), 0
 * when not, -1 when it names a date that does not exist. */
static int expected(cl *c, const uc *at, const uc *y, const uc *q, const uc *m) {
  when w;
  if (!when_of(c, at, y, q, m, NULL, &w)) return -1;
  c->d.span = w.span;
  c->d.unit = w.unit;
  return 1;
}

static int event_when(cl *c) {
  const uc *y, *q, *m;
  /*!stags:re2c:when format = 'const uc *@@;\n'; */
  /*!local:re2c:when
    ws trong? year_v end    { return expected(c, y, y, NULL, NULL); }
    ws trong? quarter_v end { return expected(c, q, y, q, NULL); }
    ws trong? month_v end   { return expected(c, m, y, NULL, m); }
    *                       { return 0; }
  */
}

typedef enum tail_token { TK_WORD, TK_OF, TK_END, TK_FAIL } tail_token;

/* One word (or run of spaces) of the awaited thing and its issuer. A
 * parenthesis ends the reading: what it glosses ("ngay sau UBND xã đi vào
 * hoạt động (trước 7h00 sáng ngày 01/7/2025)") is a deadline of its own
 * that an event would hide, so the phrase is left to `as`. */
static tail_token event_token(cl *c) {
  /*!local:re2c:tail
    eword = [^ \t\r\n;\x00()]+;
    v_of ws    { return TK_OF; }
    ws | eword { return TK_WORD; }
    end        { return TK_END; }
    *          { return TK_FAIL; }
  */
}

/* After "khi có": what is awaited up to the first "của", whose it is after
 * that, and an optional expected time at the end. The split is at the first
 * "của" because issuers are the tail ("văn bản của Ủy ban Thường vụ Quốc
 * hội"), while the awaited thing is a short noun phrase. */
static clause_status event(cl *c, int delay) {
  if (c->guess) return CL_FAIL;
  begin(c, DL_EVENT);
  c->d.delay_days = delay;
  const uc *start = c->cur, *stop, *of = NULL, *after_of = NULL;
  for (;;) {
    const uc *p = c->cur;
    int w = event_when(c);
    if (w < 0) return CL_DROPPED;
    if (w > 0) { stop = p; break; }
    c->cur = p;
    tail_token t = event_token(c);
    if (t == TK_FAIL) return CL_FAIL;
    if (t == TK_END) { stop = p; break; }
    if (t == TK_OF && !of) { of = p; after_of = c->cur; }
  }
  c->d.event_doc = trimmed(c, start, of ? of : stop);
  c->d.event_issuer = of ? trimmed(c, after_of, stop) : SL_NONE;
  return c->d.event_doc.n ? CL_OK : CL_FAIL;
}

/* ---- times written in words: points, ranges, lead words ---- */

/* A point of time as printed: a day ("ngày 20/10", "10h00 ngày 29/3/2016",
 * "ngày 09 tháng 12 năm 2025"), a month ("tháng 9.2023", "2/2021"), a
 * quarter ("quý III-2024") or a year. 0 stands for a part not printed: a
 * day without a year takes it from the rest of the phrase or the context,
 * and the first day of "từ ngày 23 - 24/11/2020" has no month either. */
typedef struct pt {
  int y, q, m, d;
  dl_unit unit;
  int worded;           /* printed with a word ("ngày", "tháng"), not as
                           bare numbers */
  const uc *at;         /* where it starts, for a date that does not exist */
} pt;

static int number_at(const uc *p) { return p ? digits(p) : 0; }

/* Fills p from the tags of a point and tells whether it was worded. */
static int pt_of(pt *p, const uc *b, const uc *e, dl_unit unit, const uc *y,
                 const uc *q, const uc *m, const uc *dd) {
  *p = (pt){ number_at(y), q ? quarter_of(q) : 0, number_at(m), number_at(dd), unit, 0, b };
  for (const uc *k = b; k < e; k++)
    if ((*k >= 'a' && *k <= 'z') || *k >= 0x80) p->worded = 1;
  return 1;
}

/* A point at c->cur; on success c->cur is past it. Nothing is checked
 * here: a failed reading costs nothing but the scan. */
/* Skips a time of day before a day ("10h00 ngày", "7 giờ 30 phút ngày",
 * "sáng ngày"): deadlines count days. */
static void time_of_day(cl *c) {
  const uc *s = c->cur;
  /*!local:re2c:tod
    [0-9]{1,2} sp ("h" [0-9]{0,2} | v_hour (ws [0-9]{1,2} ws v_minute)?) ws (v_part_of_day ws)?
      { return; }
    v_part_of_day ws
      { return; }
    * { c->cur = s; return; }
  */
}

static int point(cl *c, pt *p) {
  const uc *s = c->cur, *y, *q, *m, *dd;
  time_of_day(c);
  /*!stags:re2c:point format = 'const uc *@@ = NULL;\n'; */
  /*!local:re2c:point
    dayw = (v_day ws)?;
    yr   = (slash | ws (v_year ws)?) @y yyyy;

    dayw @dd nn slash @m nn slash @y yyyy
      { return pt_of(p, s, c->cur, DL_UNIT_DAY, y, NULL, m, dd); }
    dayw @dd nn slash @m nn
      { return pt_of(p, s, c->cur, DL_UNIT_DAY, NULL, NULL, m, dd); }
    dayw @dd nn ws v_month ws @m nn (ws v_year ws @y yyyy)?
      { return pt_of(p, s, c->cur, DL_UNIT_DAY, y, NULL, m, dd); }
    @m nn "/" @y yyyy
      { return pt_of(p, s, c->cur, DL_UNIT_MONTH, y, NULL, m, NULL); }
    v_month ws @m nn yr?
      { return pt_of(p, s, c->cur, DL_UNIT_MONTH, y, NULL, m, NULL); }
    v_quarter ws @q roman yr?
      { return pt_of(p, s, c->cur, DL_UNIT_QUARTER, y, q, NULL, NULL); }
    v_year ws @y yyyy
      { return pt_of(p, s, c->cur, DL_UNIT_YEAR, y, NULL, NULL, NULL); }
    * { c->cur = s; return 0; }
  */
}

/* The end of a clause, after an optional weekday in parentheses
 * ("07/02/2021 (chủ Nhật)"). */
static int clause_end(cl *c) {
  const uc *s = c->cur;
  /*!local:re2c:cend
    sp "(" sp v_weekday sp ")" end { return 1; }
    end                            { return 1; }
    *                              { c->cur = s; return 0; }
  */
}

/* The days of a point whose year is known; 0 when it does not exist. */
static int pt_span(const pt *p, when *w) {
  if (p->y < 1000 || p->y > 9999) return 0;
  switch (p->unit) {
  case DL_UNIT_DAY: {
    if (!dt_valid(p->y, p->m, p->d)) return 0;
    dt_day t = dt_from_ymd(p->y, p->m, p->d);
    *w = (when){ { t, t }, DL_UNIT_DAY };
    return 1;
  }
  case DL_UNIT_MONTH:
    if (p->m < 1 || p->m > 12) return 0;
    *w = (when){ dt_month(p->y, p->m), DL_UNIT_MONTH };
    return 1;
  case DL_UNIT_QUARTER: *w = (when){ dt_quarter(p->y, p->q), DL_UNIT_QUARTER }; return 1;
  default: *w = (when){ dt_year(p->y), DL_UNIT_YEAR }; return 1;
  }
}

/* pt_span, recording a point that does not exist as the phrase's bad date. */
static int pt_when(cl *c, const pt *p, when *w) {
  if (pt_span(p, w)) return 1;
  bad_date(c, p->at);
  return 0;
}

/* A point without a year takes the year of the context's date, or the next
 * one when it would end more than a month before that date (a plan of
 * December asking for "trước ngày 15/01" means the next January). */
static int year_from_context(cl *c, pt *p) {
  if (p->y) return 1;
  if (c->ctx_date == DT_MIN) return 0;
  int y, m, d;
  when w;
  dt_to_ymd(c->ctx_date, &y, &m, &d);
  p->y = y;
  /* 29/2 of a common year: the next year, when that one has it */
  if (!pt_span(p, &w)) p->y = y + 1;
  else if (w.span.last < c->ctx_date - 31) p->y = y + 1;
  if (!pt_span(p, &w)) p->y = y;
  c->res->used_context = 1;
  return 1;
}

/* The finer of two granularities (DAY < MONTH < QUARTER < YEAR). */
static dl_unit finer(dl_unit a, dl_unit b) { return a < b ? a : b; }

/* The deadline a point makes: within it ("trong tháng 9.2023", "vào ngày 5
 * tháng 9 năm 2025"), before it begins ("trước tháng 9/2023", "trước
 * 30/10"), up to its end ("chậm nhất ngày 20/10", "21/01/2021") or from it
 * on ("từ ngày 01/7/2025"). */
static clause_status at_point(cl *c, pt *p, dl_kind kind) {
  when w;
  if (!year_from_context(c, p)) return CL_FAIL;
  if (!pt_when(c, p, &w)) return CL_DROPPED;
  begin(c, kind);
  c->d.unit = w.unit;
  switch (kind) {
  case DL_BEFORE:
    c->d.span = (dt_span){ DT_MIN, w.span.first - 1 };
    c->d.unit = DL_UNIT_DAY;
    break;
  case DL_BY: c->d.span = (dt_span){ DT_MIN, w.span.last }; break;
  case DL_FROM: c->d.span = (dt_span){ w.span.first, DT_MAX }; break;
  default: c->d.span = w.span; break;
  }
  return CL_OK;
}

typedef enum range_end {
  END_OF,      /* "đến hết ngày 13/11/2024", "- 08/04/2012": the point ends it */
  END_BEFORE,  /* "và hoàn thành trước ngày 25/4/2024": the day before it */
} range_end;

/* A range: a missing year or month of either end comes from the other end
 * ("từ ngày 21/10 đến hết ngày 13/11/2024", "từ ngày 23 - 24/11/2020"),
 * then from the context. It is kept in the finer granularity of its ends
 * (a quarter to a month is in months), so its canonical form reads back. */
static clause_status range(cl *c, pt *a, pt *b, range_end how) {
  if (!a->y && !b->y && !year_from_context(c, b)) return CL_FAIL;
  if (!a->m && a->unit == DL_UNIT_DAY) a->m = b->m;
  when wa, wb;
  if (!a->y) {
    a->y = b->y;
    if (pt_span(a, &wa) && pt_span(b, &wb) && wa.span.first > wb.span.last) a->y--;
  } else if (!b->y) {
    b->y = a->y;
    if (pt_span(a, &wa) && pt_span(b, &wb) && wa.span.first > wb.span.last) b->y++;
  }
  if (!pt_when(c, a, &wa) || !pt_when(c, b, &wb)) return CL_DROPPED;
  dt_day last = how == END_BEFORE ? wb.span.first - 1 : wb.span.last;
  dl_unit end_unit = how == END_BEFORE ? finer(wb.unit, DL_UNIT_MONTH) : wb.unit;
  if (how == END_BEFORE && wb.unit == DL_UNIT_DAY) end_unit = DL_UNIT_DAY;
  if (wa.span.first > last) return CL_FAIL;
  begin(c, DL_FROM);
  c->d.span = (dt_span){ wa.span.first, last };
  c->d.unit = finer(wa.unit, end_unit);
  return CL_OK;
}

/* Words between the two ends of a range: "đến (hết) (ngày)" or a dash, or
 * "," or "và" and at most four words of prose ("phấn đấu hoàn thành") before
 * the word that ends it: "trước", "chậm nhất", "đến". */
typedef enum joint { J_NONE, J_TO, J_BEFORE, J_LATEST } joint;

static joint range_joint(cl *c) {
  const uc *s = c->cur;
  /*!local:re2c:joint1
    sp dash sp (v_end_of ws)? (v_day ws)?     { return J_TO; }
    sp "," sp | ws v_and ws                   { goto words; }
    *                                         { c->cur = s; return J_NONE; }
  */
words:
  for (int n = 0; n <= 4; n++) {
    /*!local:re2c:joint2
      v_before ws (v_day ws)?                 { return J_BEFORE; }
      v_latest ws (v_at ws)? (v_day ws)?      { return J_LATEST; }
      v_until ws (v_end_of ws)? (v_day ws)?   { return J_TO; }
      [^ \t\r\n;\x00,0-9]+ ws                 { continue; }
      *                                       { c->cur = s; return J_NONE; }
    */
  }
  c->cur = s;
  return J_NONE;
}

/* A lone day number, the first day of "từ ngày 23 - 24/11/2020". */
static int lone_day(cl *c, pt *p) {
  const uc *q = c->cur;
  if (q[0] < '0' || q[0] > '9') return 0;
  size_t n = q[1] >= '0' && q[1] <= '9' ? 2 : 1;
  if (q[n] >= '0' && q[n] <= '9') return 0;
  *p = (pt){ 0, 0, 0, digits(q), DL_UNIT_DAY, 1, q };
  c->cur = q + n;
  return 1;
}

/* "ngày 20-22/02/2026", "từ ngày 23 đến 27-5": a lone day number and a
 * day with its month make a range within that month. */
static clause_status day_range(cl *c) {
  const uc *s = c->cur;
  pt a, b;
  if (c->cur[0] == 'n') {
    /*!local:re2c:dayword
      v_day ws { goto number; }
      *        { c->cur = s; return CL_FAIL; }
    */
  }
number:
  if (lone_day(c, &a) && range_joint(c) == J_TO && point(c, &b) && b.unit == DL_UNIT_DAY && b.m &&
      clause_end(c))
    return range(c, &a, &b, END_OF);
  c->cur = s;
  return CL_FAIL;
}

/* After "từ" (and "ngày"): a range or a start. */
static clause_status from_time(cl *c) {
  const uc *s = c->cur;
  pt a, b;
  /* "từ ngày 23 - 24/11/2020", "từ ngày 08 đến ngày 09 tháng 12 năm 2025":
   * a lone day number, the month and year of the end. */
  clause_status st = day_range(c);
  if (st != CL_FAIL) return st;
  c->cur = s;
  if (!point(c, &a)) return CL_FAIL;
  if (clause_end(c)) return at_point(c, &a, DL_FROM);
  joint j = range_joint(c);
  if (j == J_NONE || !point(c, &b) || !clause_end(c)) return CL_FAIL;
  return range(c, &a, &b, j == J_BEFORE ? END_BEFORE : END_OF);
}

/* "25 ngày, bắt đầu từ ngày 01/04/2019": that many days from the day. */
static clause_status days_from(cl *c, const uc *n) {
  pt a;
  when w;
  int days = digits(n);
  if (days < 1 || !point(c, &a) || a.unit != DL_UNIT_DAY || !clause_end(c)) return CL_FAIL;
  if (!year_from_context(c, &a)) return CL_FAIL;
  if (!pt_when(c, &a, &w)) return CL_DROPPED;
  begin(c, DL_FROM);
  c->d.span = (dt_span){ w.span.first, w.span.first + days - 1 };
  c->d.unit = DL_UNIT_DAY;
  return CL_OK;
}

/* A time in words, after the clause's lead-in: what the fixed rules of
 * body() do not read. Each form runs to the end of the clause. */
static clause_status timexpr(cl *c) {
  const uc *s = c->cur, *n;
  pt p;
  /*!stags:re2c:time format = 'const uc *@@ = NULL;\n'; */
  /*!local:re2c:time
    v_before ws (v_day ws)?
      { if (!point(c, &p) || !clause_end(c)) return CL_FAIL; return at_point(c, &p, DL_BEFORE); }
    v_latest ws (v_is ws)? (v_at ws)? (v_day ws)?
      { if (!point(c, &p) || !clause_end(c)) return CL_FAIL; return at_point(c, &p, DL_BY); }
    v_until ws (v_end_of ws)? (v_day ws)?
      { if (!point(c, &p) || p.unit == DL_UNIT_YEAR || !clause_end(c)) return CL_FAIL;
        return at_point(c, &p, DL_BY); }
    (trong | v_at ws) (v_edge ws)? | v_edge ws
      { const uc *at = c->cur;
        clause_status st = day_range(c);
        if (st != CL_FAIL) return st;
        c->cur = at;
        if (!point(c, &p) || !clause_end(c)) return CL_FAIL;
        return at_point(c, &p, DL_WITHIN); }
    "trong" ws [0-9]{1,3} ws v_day sp "," sp (v_begin ws)? v_from ws (v_day ws)?
      { return from_time(c); }
    (v_begin ws)? v_from ws (v_day ws)?
      { return from_time(c); }
    @n [0-9]{1,3} ws v_day sp "," sp (v_begin ws v_from | v_counting) ws (v_day ws)?
      { return days_from(c, n); }
    * { goto plain; }
  */
plain:
  c->cur = s;
  {
    clause_status st = day_range(c);
    if (st != CL_FAIL) return st;
  }
  /* A point alone: a day written "ngày ..." is that day, a bare date is the
   * last day (a column "ngày chậm nhất phải hoàn thành"), a month, quarter
   * or year is the period. After prose only a worded point is a deadline:
   * "... số 20/2024" is not. */
  c->cur = s;
  if (!point(c, &p) || !clause_end(c) || (c->after_prose && !p.worded)) return CL_FAIL;
  if (p.unit == DL_UNIT_DAY && !p.worded) return at_point(c, &p, DL_BY);
  return at_point(c, &p, DL_WITHIN);
}

/* ---- a clause ---- */

/* Skips the clause's lead-in: filler verbs, "trong đó, đối với", and the
 * level a staged part applies to (also as in the canonical "district: ").
 * Returns how many words it skipped. */
static int lead_in(cl *c) {
  int words = 0;
  for (;;) {
    const uc *t = c->cur;
    /*!local:re2c:lead
      filler = v_carry_out | v_complete | v_complete ws v_study | v_already ws v_complete
             | v_propagate | v_duty | "trong" ws v_that | v_as_for | v_lead_verb
             | "th\u1eddi" ws "gian" (sp ":")?;  // thời gian
      eq     = (ws v_equivalent)?;

      filler sep                           { words++; continue; }
      v_level ws v_central eq sep          { c->stage = DL_STAGE_CENTRAL; words++; continue; }
      v_level ws v_province eq sep         { c->stage = DL_STAGE_PROVINCE; words++; continue; }
      v_level ws v_district eq sep         { c->stage = DL_STAGE_DISTRICT; words++; continue; }
      v_level ws v_grassroots eq sep       { c->stage = DL_STAGE_GRASSROOTS; words++; continue; }
      v_level ws v_commune eq sep          { c->stage = DL_STAGE_COMMUNE; words++; continue; }
      v_level ws v_above ws v_grassroots eq sep { c->stage = DL_STAGE_ABOVE_GRASSROOTS; words++; continue; }
      "central" sp ":" sp                  { c->stage = DL_STAGE_CENTRAL; words++; continue; }
      "province" sp ":" sp                 { c->stage = DL_STAGE_PROVINCE; words++; continue; }
      "district" sp ":" sp                 { c->stage = DL_STAGE_DISTRICT; words++; continue; }
      "grassroots" sp ":" sp               { c->stage = DL_STAGE_GRASSROOTS; words++; continue; }
      "commune" sp ":" sp                  { c->stage = DL_STAGE_COMMUNE; words++; continue; }
      "above-grassroots" sp ":" sp         { c->stage = DL_STAGE_ABOVE_GRASSROOTS; words++; continue; }
      ws                                   { continue; }
      *                                    { c->cur = t; return words; }
    */
  }
}

/* The body of a clause: exactly one deadline, running to the clause end.
 * Where two rules match the same text, the first listed wins. */
static clause_status body(cl *c, ar_arena *a) {
  const uc *y, *q, *m, *dd, *y2, *q2, *m2, *dd2, *i, *r, *re, *ng, *nd, *s1, *s2;
  /*!stags:re2c:body format = 'const uc *@@;\n'; */
  /*!local:re2c:body
    ref = [0-9]+ "-" v_letter (v_letter | [0-9])* ("/" v_letter (v_letter | [0-9])*)*;

    // within a year, quarter, month or day; before a day; by a year
    trong? year_v end
      { return within(c, y, y, NULL, NULL, NULL); }
    trong? quarter_v end
      { return within(c, q, y, q, NULL, NULL); }
    trong? month_v end
      { return within(c, m, y, NULL, m, NULL); }
    trong v_day ws date_v end
      { return within(c, dd, y, NULL, m, dd); }
    v_before ws (v_day ws)? date_v end
      { return before(c, dd, y, m, dd); }
    v_until ws (v_end_of ws)? year_v end
      { return by(c, y, y, NULL, NULL, NULL); }

    // from a year, or a range of years
    v_from ws year_v end
      { return from_periods(c, y, NULL, NULL, NULL, NULL, NULL, NULL, NULL); }
    v_from ws (v_year ws)? @y yyyy sp dash sp (v_year ws)? @y2 yyyy end
      { return from_periods(c, y, NULL, NULL, NULL, y2, NULL, NULL, NULL); }

    // continuous and recurring duties
    v_regularly ((ws | sp "," sp) v_continually)? end
      { return plain(c, DL_CONTINUOUS); }
    (v_periodic ws)? v_every ws v_year end
      { return recurring(c, DL_PERIOD_YEAR, NULL); }
    (v_periodic ws)? v_every ws v_quarter end
      { return recurring(c, DL_PERIOD_QUARTER, NULL); }
    (v_periodic ws)? v_every ws v_month end
      { return recurring(c, DL_PERIOD_MONTH, NULL); }
    (v_periodic ws)? v_month ws @m nn ws v_every ws v_year end
      { return recurring(c, DL_PERIOD_YEAR, m); }
    "theo" ws v_term end
      { return recurring(c, DL_PERIOD_TERM, NULL); }
    v_periodic (ws "theo" ws text)? end
      { return recurring(c, DL_PERIOD_UNSPECIFIED, NULL); }

    // on request; as another plan says. "khi thật cần thiết" (when truly
    // necessary) is on demand with nobody named.
    "theo" ws v_request sp (v_of ws @i text)? fin
      { return on_request(c, i); }
    "khi" ws v_necessary end
      { return plain(c, DL_ON_REQUEST); }
    "theo" ws v_plan ws v_number ws @r ref @re (sep (v_day ws date_v sp)? (v_of ws @i text)?)? fin
      { return per_plan(c, r, re, i, y, m, dd); }
    "theo" ws v_plan sp (v_of ws @i text)? fin
      { return per_plan(c, NULL, NULL, i, NULL, NULL, NULL); }
    // the pace of a higher body: "theo lộ trình của Tỉnh ủy"
    "theo" ws v_route sp (v_of ws @i text)? fin
      { return per_plan(c, NULL, NULL, i, NULL, NULL, NULL); }

    // periods and terms, and a year onwards
    trong? (v_phase | v_term) ws @y yyyy sp dash sp @y2 yyyy end
      { return from_periods(c, y, NULL, NULL, NULL, y2, NULL, NULL, NULL); }
    (v_from ws)? (v_year ws)? @y yyyy ws v_and ws v_next_years end
      { return from_periods(c, y, NULL, NULL, NULL, NULL, NULL, NULL, NULL); }

    // events: the head here, the awaited thing in event()
    (@ng "ngay" ws)? ("sau" ws)? "khi" ws v_have ws
      { return event(c, ng ? 0 : -1); }
    "trong" ws v_span ws @nd [0-9]{1,5} ws v_day ws (v_counting | "sau") ws "khi" ws v_have ws
      { return event(c, digits(nd)); }
    // events other than a document: "ngay sau hội nghị", "sau khi kết
    // thúc đợt kiểm tra", "chậm nhất là 60 ngày, kể từ ngày bầu cử"
    "ngay" ws "sau" ws ("khi" ws)?
      { return event(c, 0); }
    "sau" ws "khi" ws
      { return event(c, -1); }
    v_latest ws (v_is ws)? @nd [0-9]{1,5} ws v_day sp ("," sp)? (v_counting | "sau") ws
      { return event(c, digits(nd)); }

    // the canonical forms, as dl_canonical prints them
    "within" ws P end
      { return within(c, y, y, q, m, dd); }
    "before" ws @y yyyy "-" @m [0-9]{2} "-" @dd [0-9]{2} end
      { return before(c, y, y, m, dd); }
    "by" ws P end
      { return by(c, y, y, q, m, dd); }
    "from" ws P sp ("to" ws P2 sp)? fin
      { return from_periods(c, y, q, m, dd, y2, q2, m2, dd2); }
    "continuous" end
      { return plain(c, DL_CONTINUOUS); }
    "yearly" end
      { return recurring(c, DL_PERIOD_YEAR, NULL); }
    "yearly" ws "in" ws @m nn end
      { return recurring(c, DL_PERIOD_YEAR, m); }
    "quarterly" end
      { return recurring(c, DL_PERIOD_QUARTER, NULL); }
    "monthly" end
      { return recurring(c, DL_PERIOD_MONTH, NULL); }
    "per" ws "term" end
      { return recurring(c, DL_PERIOD_TERM, NULL); }
    "periodic" end
      { return recurring(c, DL_PERIOD_UNSPECIFIED, NULL); }
    "after" ws @s1 qstr sp ("of" ws @s2 qstr sp)? ("expected" ws P sp)? ("delay" ws @nd [0-9]{1,5} sp)? fin
      { return event_canonical(c, a, s1, s2, y, q, m, dd, nd); }
    "on" ws "request" sp ("of" ws @s2 qstr sp)? fin
      { return request_canonical(c, a, s2); }
    "per" ws "plan" sp (@s1 qstr sp)? ("of" ws @s2 qstr sp)? fin
      { return plan_canonical(c, a, s1, s2); }

    end { return CL_EMPTY; }
    *   { return CL_FAIL; }
  */
}

/* One word of prose before the deadline ("báo cáo Ban Bí thư vào cuối quý
 * II/2025", "tại phiên họp ngày 18/02/2025"): a word without digits, so
 * that a document's number is never passed over to read its date as the
 * deadline, nor marks of a quotation, gloss or emphasis, which the phrase
 * would then leave half read. */
static int prose_word(cl *c) {
  const uc *p = c->cur;
  if (is_space(*p) || *p == ';' || *p == '\0') return 0;
  for (; *p != ';' && *p != '\0' && !is_space(*p); p++)
    if ((*p >= '0' && *p <= '9') || strchr("()\"*:/", *p)) return 0;
  while (is_space(*p)) p++;
  c->cur = p;
  return 1;
}

/* A clause: its lead-in, then a deadline that runs to its end, after at
 * most max_prose words of prose. Each try reads at most the clause, so the
 * cost stays linear in it. */
static clause_status clause(cl *c, ar_arena *a) {
  c->stage = DL_STAGE_ALL;
  int words = lead_in(c);
  for (int skipped = 0;; skipped++) {
    const uc *at = c->cur;
    c->after_prose = skipped > 0;
    clause_status st = body(c, a);
    if (st == CL_FAIL) {
      c->cur = at;
      st = timexpr(c);
    }
    /* A lead-in or prose with nothing after it ("thực hiện") is not a
     * deadline. */
    if (st == CL_EMPTY && (words || skipped)) return CL_FAIL;
    if (st != CL_FAIL) return st;
    c->cur = at;
    if (skipped == c->max_prose || !prose_word(c)) return CL_FAIL;
  }
}

/* Whether a level follows a comma: "cấp cơ sở ... trước 10/3/2020, cấp
 * trên cơ sở trước 30/4/2020" lists its stages with commas. */
static int level_follows(const uc *p) {
  struct { const uc *cur, *mar; } st = { p, NULL }, *c = &st;
  /*!local:re2c:stagecut
    sp v_level ws (v_central | v_province | v_district | v_grassroots | v_commune
                  | v_above ws v_grassroots) (ws | ",") { return 1; }
    * { return 0; }
  */
}

/* Makes the commas before a level clause separators, outside the quoted
 * names of a canonical form; offsets do not move. */
static void split_stages(uc *low, size_t n) {
  int quoted = 0;
  for (size_t i = 0; i < n; i++) {
    if (low[i] == '\\' && quoted) i++;
    else if (low[i] == '"') quoted = !quoted;
    else if (low[i] == ',' && !quoted && level_follows(low + i + 1)) low[i] = ';';
  }
}

/* Blanks out the parentheses and emphasis asterisks that a phrase copied
 * from a document keeps around it, "(*thực hiện thường xuyên*)": they are
 * typography, not part of the deadline. Only matched pairs around the whole
 * phrase go, and only in the lowered copy, so offsets do not move. */
static void unwrap(uc *low, size_t n) {
  size_t b = 0, e = n;
  for (;;) {
    while (b < e && is_space(low[b])) b++;
    while (e > b && is_space(low[e - 1])) e--;
    if (e - b < 2) return;
    if (!(low[b] == '(' && low[e - 1] == ')') && !(low[b] == '*' && low[e - 1] == '*'))
      return;
    low[b++] = ' ';
    low[--e] = ' ';
  }
}

/* The prose a clause may start with: enough for "chính thức đi vào hoạt
 * động từ ngày 1/7/2025, ..." and few enough that a sentence is not taken
 * for a deadline because it ends with a date. A guess looks further. */
enum { MAX_PROSE = 6, GUESS_PROSE = 32 };

static dl_result recognize(ar_arena *a, const char *nfc, size_t n, dt_day date, int guess, int max_prose) {
  dl_result res = { NULL, 0, 0, 0 };
  uc *low = (uc *)ar_alloc_text(a, n);
  lower(low, nfc, n);
  unwrap(low, n);
  split_stages(low, n);
  if (guess)
    for (size_t i = 0; i < n; i++)
      if (low[i] == '(' || low[i] == ')') low[i] = ' ';
  cl c = { .src = nfc, .low = low, .res = &res, .cur = low, .ctx_date = date,
           .max_prose = max_prose, .guess = guess };
  dl_deadline **tail = &res.first;
  for (;;) {
    clause_status st = clause(&c, a);
    if (st == CL_FAIL) break;
    if (st == CL_OK) {
      *tail = ar_alloc(a, sizeof **tail);
      **tail = c.d;
      tail = &(*tail)->next;
    }
    if (c.cur[-1] == '\0') {
      /* A NUL inside the text ends the scan early: not a phrase. */
      if (c.cur - 1 == low + n) return res;
      break;
    }
  }
  res.first = NULL;
  return res;
}

dl_result dl_recognize(ar_arena *a, const char *nfc, size_t n) {
  return recognize(a, nfc, n, DT_MIN, 0, MAX_PROSE);
}

dl_result dl_recognize_in(ar_arena *a, const char *nfc, size_t n, const dl_context *ctx) {
  return recognize(a, nfc, n, ctx ? ctx->date : DT_MIN, 0, MAX_PROSE);
}

/* Running text is mostly prose: dl_find reads a phrase only where its
 * deadline starts, so that no sentence around it is taken in. */
dl_result dl_recognize_tight(ar_arena *a, const char *nfc, size_t n, const dl_context *ctx) {
  return recognize(a, nfc, n, ctx ? ctx->date : DT_MIN, 0, 0);
}

void dl_lower(unsigned char *dst, const char *nfc, size_t n) { lower(dst, nfc, n); }

const dl_deadline *dl_guess(ar_arena *a, const char *nfc, size_t n, const dl_context *ctx) {
  dl_result r = recognize(a, nfc, n, ctx ? ctx->date : DT_MIN, 1, GUESS_PROSE);
  return r.bad_date ? NULL : r.first;
}

/* ---- target values ---- */

/* Value phrases are short; a longer text is not one, and bounding it keeps
 * the lowered copy on the stack (dl_target_value has no arena). */
enum { TARGET_MAX = 256 };

/* A number with a decimal comma or point ("0,4"), read without strtod so
 * that the locale cannot change its meaning. */
static double decimal(const uc *p) {
  double v = 0, scale = 1;
  for (; *p >= '0' && *p <= '9'; p++) v = v * 10 + (*p - '0');
  if ((*p == ',' || *p == '.') && p[1] >= '0' && p[1] <= '9') {
    for (p++; *p >= '0' && *p <= '9'; p++) {
      scale /= 10;
      v += (*p - '0') * scale;
    }
  }
  return v;
}

typedef struct target {
  const char *op;
  double value;
  int percent;
} target;

/* The number at v is a percentage when '%' follows it (after spaces); the
 * rules accept either '%' or words there. */
static int target_of(target *t, const char *op, const uc *v) {
  const uc *p = v;
  while ((*p >= '0' && *p <= '9') || *p == ',' || *p == '.') p++;
  while (is_space(*p)) p++;
  t->op = op;
  t->value = decimal(v);
  t->percent = *p == '%';
  return 0;
}

static int target_rule(const uc *low, target *t) {
  /* The rules' cursor is c->cur here too, as in the deadline scanner. */
  struct { const uc *cur, *mar; } st = { low, NULL }, *c = &st;
  const uc *v;
  /*!stags:re2c:target format = 'const uc *@@;\n'; */
  /*!local:re2c:target
    number = [0-9]+ ([.,] [0-9]+)?;
    uword  = [^ \t\r\n;%\x00.,0-9] [^ \t\r\n;%\x00]*;
    amount = @v number sp ("%" sp | (uword sp)+)?;
    vend   = ("." sp)? [\x00];
    // Vietnamese words of value phrases (see the note on \u escapes above).
    v_reach     = "\u0111\u1ea1t";  // đạt
    v_over      = "tr\u00ean" | "h\u01a1n";  // trên, hơn
    v_under     = "d\u01b0\u1edbi";  // dưới
    v_at_least  = "\u00edt" ws "nh\u1ea5t" | "t\u1ed1i" ws "thi\u1ec3u" | "kh\u00f4ng" ws "d\u01b0\u1edbi" | "kh\u00f4ng" ws "\u00edt" ws "h\u01a1n";  // ít, nhất, tối, thiểu, không, dưới, hơn
    v_at_most   = "kh\u00f4ng" ws "qu\u00e1" | "kh\u00f4ng" ws "v\u01b0\u1ee3t" ws "qu\u00e1" | "t\u1ed1i" ws "\u0111a" | "nhi\u1ec1u" ws "nh\u1ea5t";  // không, quá, vượt, tối, đa, nhiều, nhất
    up     = "tr\u1edf" ws "l\u00ean" sp;  // trở, lên
    down   = "tr\u1edf" ws "xu\u1ed1ng" sp;  // trở, xuống
    lead   = sp (v_reach ws)?;

    lead (v_from ws)? amount up vend    { return target_of(t, ">=", v); }
    lead (v_from ws)? amount down vend  { return target_of(t, "<=", v); }
    lead v_over ws amount vend          { return target_of(t, ">", v); }
    lead v_under ws amount vend         { return target_of(t, "<", v); }
    lead v_at_least ws amount vend      { return target_of(t, ">=", v); }
    lead v_at_most ws amount vend       { return target_of(t, "<=", v); }
    sp v_reach ws amount vend           { return target_of(t, ">=", v); }
    sp amount vend                      { return target_of(t, "=", v); }
    *                                   { return -1; }
  */
}

int dl_target_value(const char *nfc, size_t n, const char **op, double *value, int *percent) {
  uc low[TARGET_MAX + 1];
  target t;
  if (n > TARGET_MAX) return -1;
  lower(low, nfc, n);
  if (target_rule(low, &t) != 0) return -1;
  *op = t.op;
  *value = t.value;
  *percent = t.percent;
  return 0;
}
