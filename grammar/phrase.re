/* phrase: the deadline-phrase recogniser (dl_recognize, dl_target_value).
 *
 * Turns a Vietnamese deadline phrase ("hoàn thành trong quý II/2023") or its
 * canonical form ("within 2023-Q2") into dl_deadline values, and a target
 * value phrase ("từ 90% trở lên") into a comparison.
 *
 * Matching runs on a lower-cased copy of the text whose byte offsets equal
 * the original's, so the rules need only lower-case literals while captured
 * names are sliced from the original and keep the document's case. A phrase
 * is a list of clauses separated by ';'. A clause is a lead-in (filler such
 * as "thực hiện", a level such as "cấp huyện") and then exactly one body
 * rule that runs to the end of the clause: arbitrary prose is never taken
 * for a deadline. The copy ends with a NUL sentinel, which no rule crosses.
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
static void lower(uc *dst, const char *src, size_t n) {
  const utf8proc_uint8_t *s = (const utf8proc_uint8_t *)src;
  size_t i = 0;
  while (i < n) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t len = utf8proc_iterate(s + i, (utf8proc_ssize_t)(n - i), &cp);
    if (len <= 0) {
      dst[i] = s[i];
      i++;
      continue;
    }
    utf8proc_uint8_t buf[4];
    if (utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS)
      memset(buf, ' ', sizeof buf);
    else if (utf8proc_encode_char(utf8proc_tolower(cp), buf) != len)
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

/* The value of the decimal digits at p (the rules bound their count). */
static int digits(const uc *p) {
  int v = 0;
  for (; *p >= '0' && *p <= '9'; p++) v = v * 10 + (*p - '0');
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

/* One word (or run of spaces) of the awaited thing and its issuer. */
static tail_token event_token(cl *c) {
  /*!local:re2c:tail
    v_of ws   { return TK_OF; }
    ws | word { return TK_WORD; }
    end       { return TK_END; }
    *         { return TK_FAIL; }
  */
}

/* After "khi có": what is awaited up to the first "của", whose it is after
 * that, and an optional expected time at the end. The split is at the first
 * "của" because issuers are the tail ("văn bản của Ủy ban Thường vụ Quốc
 * hội"), while the awaited thing is a short noun phrase. */
static clause_status event(cl *c, int delay) {
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
             | v_propagate | v_duty | "trong" ws v_that | v_as_for;

      filler sep                           { words++; continue; }
      v_level ws v_central sep             { c->stage = DL_STAGE_CENTRAL; words++; continue; }
      v_level ws v_province sep            { c->stage = DL_STAGE_PROVINCE; words++; continue; }
      v_level ws v_district sep            { c->stage = DL_STAGE_DISTRICT; words++; continue; }
      v_level ws v_grassroots sep          { c->stage = DL_STAGE_GRASSROOTS; words++; continue; }
      "central" sp ":" sp                  { c->stage = DL_STAGE_CENTRAL; words++; continue; }
      "province" sp ":" sp                 { c->stage = DL_STAGE_PROVINCE; words++; continue; }
      "district" sp ":" sp                 { c->stage = DL_STAGE_DISTRICT; words++; continue; }
      "grassroots" sp ":" sp               { c->stage = DL_STAGE_GRASSROOTS; words++; continue; }
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

    // events: the head here, the awaited thing in event()
    (@ng "ngay" ws)? ("sau" ws)? "khi" ws v_have ws
      { return event(c, ng ? 0 : -1); }
    "trong" ws v_span ws @nd [0-9]{1,5} ws v_day ws (v_counting | "sau") ws "khi" ws v_have ws
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

static clause_status clause(cl *c, ar_arena *a) {
  c->stage = DL_STAGE_ALL;
  int words = lead_in(c);
  clause_status st = body(c, a);
  /* A lead-in with nothing after it ("thực hiện") is not a deadline. */
  return st == CL_EMPTY && words ? CL_FAIL : st;
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

dl_result dl_recognize(ar_arena *a, const char *nfc, size_t n) {
  dl_result res = { NULL, 0, 0 };
  uc *low = (uc *)ar_alloc_text(a, n);
  lower(low, nfc, n);
  unwrap(low, n);
  cl c = { .src = nfc, .low = low, .res = &res, .cur = low };
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
