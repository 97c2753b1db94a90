/* Unit tests of the lexer (grammar/lexer.re) on in-memory buffers: every
 * token kind (keywords against identifiers, the printed labels, bullets,
 * dates against numbers, strings with their two escapes, operators), token
 * offsets and lengths, comments, CRLF, the byte-order mark, and the lexical
 * errors (bad bytes, NUL, unknown escapes, unterminated strings), which go
 * to the diagnostic list with their own offsets while the lexer carries
 * on. */
#include <string.h>

#include "gram.h"
#include "lexer.h"
#include "unit.h"

void test_lexer_keywords(void);
void test_lexer_identifiers(void);
void test_lexer_labels(void);
void test_lexer_bullets(void);
void test_lexer_dates_numbers(void);
void test_lexer_strings(void);
void test_lexer_operators(void);
void test_lexer_offsets(void);
void test_lexer_comments(void);
void test_lexer_crlf(void);
void test_lexer_bom(void);
void test_lexer_end(void);
void test_lexer_bad_bytes(void);
void test_lexer_nul(void);
void test_lexer_string_errors(void);
void test_lexer_unterminated(void);
void test_lexer_label_d_stroke(void);
void test_lexer_comment_bad_byte(void);
void test_lexer_comment_lone_cr(void);
void test_lexer_string_lone_cr(void);
void test_lexer_string_backslash_eol(void);

enum { MAX_TOKENS = 64 };

/* The tokens and diagnostics of one buffer. */
typedef struct lexed {
  ar_arena a;
  dg_list d;
  char *buf;                  /* the input, NUL at buf[size] */
  size_t size;
  lx_token t[MAX_TOKENS + 1]; /* the tokens, then the end token */
  int n;                      /* tokens before the end */
} lexed;

/* Lexes `size` bytes of `src` (which may hold NULs) to the end. */
static void lex_n(lexed *L, const char *src, size_t size) {
  ar_init(&L->a);
  dg_init(&L->d, &L->a);
  L->buf = ar_alloc(&L->a, size + 1);
  memcpy(L->buf, src, size);
  L->buf[size] = '\0';
  L->size = size;
  lx_lexer lx;
  lx_init(&lx, L->buf, size, 0, &L->d);
  L->n = 0;
  while (L->n < MAX_TOKENS && lx_next(&lx, &L->t[L->n])) L->n++;
  if (L->n == MAX_TOKENS) lx_next(&lx, &L->t[L->n]);
}

/* A string literal, embedded NULs included. */
#define LEX(L, lit) lex_n((L), (lit), sizeof(lit) - 1)

static void done(lexed *L) { ar_free(&L->a); }

/* The text of token i, or "(none)" past the end. */
static const char *text(lexed *L, int i) {
  if (i >= L->n) return "(none)";
  return ar_strndup(&L->a, L->buf + L->t[i].off, L->t[i].len);
}

static int type(const lexed *L, int i) { return i < L->n ? L->t[i].type : 0; }

/* Token i has this type and this text. */
#define TOK(L, i, ty, txt) do { UT_EQ_INT(type((L), (i)), (ty)); UT_EQ_STR(text((L), (i)), (txt)); } while (0)

/* The i-th diagnostic (0-based), or NULL. */
static const dg_diag *diag(const lexed *L, int i) {
  const dg_diag *d = L->d.first;
  while (d && i-- > 0) d = d->next;
  return d;
}

/* The message if it starts with prefix, so that UT_EQ_STR shows it whole
 * when it does not. */
static const char *starts(const char *msg, const char *prefix) {
  return strncmp(msg, prefix, strlen(prefix)) == 0 ? prefix : msg;
}

/* Diagnostic i is a lex error at offset off, len bytes, whose message
 * starts with msg. */
#define DIAG(L, i, at, n, text) do { \
    const dg_diag *d_ = diag((L), (i)); \
    UT_CHECK(d_ != NULL); \
    if (d_) { \
      UT_EQ_INT(d_->sev, DG_ERROR); \
      UT_EQ_STR(d_->code, "lex"); \
      UT_EQ_INT(d_->off, (at)); \
      UT_EQ_INT(d_->len, (n)); \
      UT_EQ_STR(starts(d_->msg, (text)), (text)); \
    } \
  } while (0)

void test_lexer_keywords(void) {
  static const struct { const char *word; int type; } kw[] = {
    { "abbrev", TK_ABBREV }, { "addresses", TK_ADDRESSES }, { "after", TK_AFTER },
    { "alias", TK_ALIAS }, { "as", TK_AS }, { "basis", TK_BASIS }, { "body", TK_BODY },
    { "by", TK_BY }, { "counterpart", TK_COUNTERPART }, { "date", TK_DATE }, { "due", TK_DUE },
    { "footnote", TK_FOOTNOTE }, { "for", TK_FOR }, { "id", TK_ID }, { "implements", TK_IMPLEMENTS },
    { "include", TK_INCLUDE }, { "issuer", TK_ISSUER }, { "kind", TK_KIND }, { "level", TK_LEVEL },
    { "measure", TK_MEASURE }, { "month", TK_MONTH }, { "note", TK_NOTE }, { "owner", TK_OWNER },
    { "path", TK_PATH }, { "per", TK_PER }, { "place", TK_PLACE }, { "plan", TK_PLAN },
    { "quarter", TK_QUARTER }, { "recipient", TK_RECIPIENT }, { "reports", TK_REPORTS },
    { "role", TK_ROLE }, { "section", TK_SECTION }, { "signer", TK_SIGNER }, { "target", TK_TARGET },
    { "task", TK_TASK }, { "term", TK_TERM }, { "text", TK_TEXT }, { "title", TK_TITLE },
    { "unavailable", TK_UNAVAILABLE }, { "unknown", TK_UNKNOWN }, { "use", TK_USE }, { "via", TK_VIA },
    { "with", TK_WITH }, { "year", TK_YEAR }, { "central", TK_CENTRAL }, { "province", TK_PROVINCE },
    { "district", TK_DISTRICT }, { "grassroots", TK_GRASSROOTS },
  };
  for (size_t i = 0; i < sizeof kw / sizeof kw[0]; i++) {
    lexed L;
    lex_n(&L, kw[i].word, strlen(kw[i].word));
    UT_EQ_INT(L.n, 1);
    TOK(&L, 0, kw[i].type, kw[i].word);
    UT_EQ_INT(L.d.count, 0);
    done(&L);
  }
}

void test_lexer_identifiers(void) {
  lexed L;
  /* A keyword with more after it is an identifier (longest match). */
  LEX(&L, "planx plan_ users title2 _x btc_hu tuyphuoc_28 huyenUy");
  UT_EQ_INT(L.n, 8);
  TOK(&L, 0, TK_IDENT, "planx");
  TOK(&L, 1, TK_IDENT, "plan_");
  TOK(&L, 2, TK_IDENT, "users");
  TOK(&L, 3, TK_IDENT, "title2");
  TOK(&L, 4, TK_IDENT, "_x");
  TOK(&L, 5, TK_IDENT, "btc_hu");
  TOK(&L, 6, TK_IDENT, "tuyphuoc_28");
  TOK(&L, 7, TK_IDENT, "huyenUy");
  UT_EQ_INT(L.d.count, 0);
  done(&L);

  /* A keyword directly followed by a brace or a quote stays a keyword. */
  LEX(&L, "plan{section\"A\"");
  UT_EQ_INT(L.n, 4);
  TOK(&L, 0, TK_PLAN, "plan");
  TOK(&L, 1, TK_LBRACE, "{");
  TOK(&L, 2, TK_SECTION, "section");
  TOK(&L, 3, TK_STRING, "\"A\"");
  done(&L);

  /* Identifiers start with a lower-case letter or '_': "Plan" is an error
   * at 'P', then the identifier "lan". */
  LEX(&L, "Plan");
  UT_EQ_INT(L.n, 1);
  TOK(&L, 0, TK_IDENT, "lan");
  DIAG(&L, 0, 0, 1, "unexpected character 'P'");
  done(&L);
}

void test_lexer_labels(void) {
  lexed L;
  LEX(&L, "I. IV. IV- I - XIV. 1. 2.1. 1.1. 10. 1) 12) a) z)");
  UT_EQ_INT(L.n, 13);
  TOK(&L, 0, TK_LABEL, "I.");
  TOK(&L, 1, TK_LABEL, "IV.");
  TOK(&L, 2, TK_LABEL, "IV-");
  TOK(&L, 3, TK_LABEL, "I -");
  TOK(&L, 4, TK_LABEL, "XIV.");
  TOK(&L, 5, TK_LABEL, "1.");
  TOK(&L, 6, TK_LABEL, "2.1.");
  TOK(&L, 7, TK_LABEL, "1.1.");
  TOK(&L, 8, TK_LABEL, "10.");
  TOK(&L, 9, TK_LABEL, "1)");
  TOK(&L, 10, TK_LABEL, "12)");
  TOK(&L, 11, TK_LABEL, "a)");
  TOK(&L, 12, TK_LABEL, "z)");
  UT_EQ_INT(L.d.count, 0);
  done(&L);

  /* A label then its text: the quote is not part of the label. */
  LEX(&L, "section IV- \"NHI\xe1\xbb\x86M V\xe1\xbb\xa4\"");
  UT_EQ_INT(L.n, 3);
  TOK(&L, 0, TK_SECTION, "section");
  TOK(&L, 1, TK_LABEL, "IV-");
  TOK(&L, 2, TK_STRING, "\"NHI\xe1\xbb\x86M V\xe1\xbb\xa4\"");
  done(&L);

  /* "I -" takes exactly one space; with two it is no label, and a Roman
   * numeral alone is not a token. */
  LEX(&L, "I  -");
  UT_EQ_INT(L.n, 1);
  TOK(&L, 0, TK_DASH, "-");
  DIAG(&L, 0, 0, 1, "unexpected character 'I'");
  done(&L);
}

void test_lexer_bullets(void) {
  lexed L;
  LEX(&L, "- \"a\"\n  + \"b\"\n-\"c\"");
  UT_EQ_INT(L.n, 6);
  TOK(&L, 0, TK_DASH, "-");
  TOK(&L, 1, TK_STRING, "\"a\"");
  TOK(&L, 2, TK_PLUS, "+");
  TOK(&L, 3, TK_STRING, "\"b\"");
  TOK(&L, 4, TK_DASH, "-");
  TOK(&L, 5, TK_STRING, "\"c\"");
  UT_EQ_INT(L.d.count, 0);
  done(&L);
}

void test_lexer_dates_numbers(void) {
  lexed L;
  LEX(&L, "2022-11-28 90 0.4 0,4 2023 100 2023-02-30");
  UT_EQ_INT(L.n, 7);
  TOK(&L, 0, TK_DATEVAL, "2022-11-28");
  TOK(&L, 1, TK_NUMBER, "90");
  TOK(&L, 2, TK_NUMBER, "0.4");
  TOK(&L, 3, TK_NUMBER, "0,4");
  TOK(&L, 4, TK_NUMBER, "2023");
  TOK(&L, 5, TK_NUMBER, "100");
  TOK(&L, 6, TK_DATEVAL, "2023-02-30"); /* shape only; validity is checked later */
  UT_EQ_INT(L.d.count, 0);
  done(&L);

  /* "1." is a label but "1.5" a number; "2.1." a label but "2.1" a number. */
  LEX(&L, "1. 1.5 2.1. 2.1");
  UT_EQ_INT(L.n, 4);
  TOK(&L, 0, TK_LABEL, "1.");
  TOK(&L, 1, TK_NUMBER, "1.5");
  TOK(&L, 2, TK_LABEL, "2.1.");
  TOK(&L, 3, TK_NUMBER, "2.1");
  done(&L);

  /* A date needs two digits for month and day: "2023-1-5" is a number, a
   * dash, a number, a dash, a number. */
  LEX(&L, "2023-1-5");
  UT_EQ_INT(L.n, 5);
  TOK(&L, 0, TK_NUMBER, "2023");
  TOK(&L, 1, TK_DASH, "-");
  TOK(&L, 2, TK_NUMBER, "1");
  TOK(&L, 3, TK_DASH, "-");
  TOK(&L, 4, TK_NUMBER, "5");
  done(&L);

  /* A number then a percent sign, with and without a space. */
  LEX(&L, ">= 90% < 0,4 %");
  UT_EQ_INT(L.n, 6);
  TOK(&L, 0, TK_GE, ">=");
  TOK(&L, 1, TK_NUMBER, "90");
  TOK(&L, 2, TK_PERCENT, "%");
  TOK(&L, 3, TK_LT, "<");
  TOK(&L, 4, TK_NUMBER, "0,4");
  TOK(&L, 5, TK_PERCENT, "%");
  done(&L);
}

void test_lexer_strings(void) {
  lexed L;
  /* "a\"b\\c" is one string token, quotes and escapes included. */
  LEX(&L, "\"a\\\"b\\\\c\" \"\" \"Ban T\xe1\xbb\x95 ch\xe1\xbb\xa9\x63\"");
  UT_EQ_INT(L.n, 3);
  TOK(&L, 0, TK_STRING, "\"a\\\"b\\\\c\"");
  UT_EQ_INT(L.t[0].unterminated, 0);
  TOK(&L, 1, TK_STRING, "\"\"");
  TOK(&L, 2, TK_STRING, "\"Ban T\xe1\xbb\x95 ch\xe1\xbb\xa9\x63\"");
  UT_EQ_INT(L.d.count, 0);
  done(&L);

  /* A string ending in an escaped backslash is closed by the next quote. */
  LEX(&L, "\"x\\\\\" y");
  UT_EQ_INT(L.n, 2);
  TOK(&L, 0, TK_STRING, "\"x\\\\\"");
  TOK(&L, 1, TK_IDENT, "y");
  done(&L);

  /* '#' inside a string is text, not a comment; tabs are allowed. */
  LEX(&L, "\"s\xe1\xbb\x91 #1\tA\" z");
  UT_EQ_INT(L.n, 2);
  TOK(&L, 0, TK_STRING, "\"s\xe1\xbb\x91 #1\tA\"");
  TOK(&L, 1, TK_IDENT, "z");
  UT_EQ_INT(L.d.count, 0);
  done(&L);
}

void test_lexer_operators(void) {
  lexed L;
  LEX(&L, ">= > <= < = % , { } >=90");
  UT_EQ_INT(L.n, 11);
  TOK(&L, 0, TK_GE, ">=");
  TOK(&L, 1, TK_GT, ">");
  TOK(&L, 2, TK_LE, "<=");
  TOK(&L, 3, TK_LT, "<");
  TOK(&L, 4, TK_EQ, "=");
  TOK(&L, 5, TK_PERCENT, "%");
  TOK(&L, 6, TK_COMMA, ",");
  TOK(&L, 7, TK_LBRACE, "{");
  TOK(&L, 8, TK_RBRACE, "}");
  TOK(&L, 9, TK_GE, ">=");
  TOK(&L, 10, TK_NUMBER, "90");
  UT_EQ_INT(L.d.count, 0);
  done(&L);
}

void test_lexer_offsets(void) {
  lexed L;
  /* Offsets and lengths are in bytes: "Tổ" is 4 bytes. */
  LEX(&L, "body btc \"T\xe1\xbb\x95\" district {\n\talias \"x\"\n}");
  UT_EQ_INT(L.n, 8);
  UT_EQ_INT(L.t[0].off, 0);  UT_EQ_INT(L.t[0].len, 4);   /* body */
  UT_EQ_INT(L.t[1].off, 5);  UT_EQ_INT(L.t[1].len, 3);   /* btc */
  UT_EQ_INT(L.t[2].off, 9);  UT_EQ_INT(L.t[2].len, 6);   /* "Tổ" */
  UT_EQ_INT(L.t[3].off, 16); UT_EQ_INT(L.t[3].len, 8);   /* district */
  UT_EQ_INT(L.t[4].off, 25); UT_EQ_INT(L.t[4].len, 1);   /* { */
  UT_EQ_INT(L.t[5].off, 28); UT_EQ_INT(L.t[5].len, 5);   /* alias */
  UT_EQ_INT(L.t[6].off, 34); UT_EQ_INT(L.t[6].len, 3);   /* "x" */
  UT_EQ_INT(L.t[7].off, 38); UT_EQ_INT(L.t[7].len, 1);   /* } */
  /* The end token sits at the end of the buffer, with no length. */
  UT_EQ_INT(L.t[8].type, 0);
  UT_EQ_INT(L.t[8].off, L.size);
  UT_EQ_INT(L.t[8].len, 0);
  done(&L);
}

void test_lexer_comments(void) {
  lexed L;
  LEX(&L, "# \xc4\x91\xe1\xba\xa7u t\xe1\xbb\x87p \"x\" plan\nplan # tail { \"y\"\n# last, no newline");
  UT_EQ_INT(L.n, 1);
  TOK(&L, 0, TK_PLAN, "plan");
  UT_EQ_INT(L.t[0].off, 24);
  UT_EQ_INT(L.d.count, 0);
  done(&L);

  /* A comment right after a token, with no space. */
  LEX(&L, "\"a\"#b\nc");
  UT_EQ_INT(L.n, 2);
  TOK(&L, 0, TK_STRING, "\"a\"");
  TOK(&L, 1, TK_IDENT, "c");
  done(&L);
}

void test_lexer_crlf(void) {
  lexed L;
  LEX(&L, "plan x {\r\n  kind \"K\" # c\r\n}\r\n");
  UT_EQ_INT(L.n, 6);
  TOK(&L, 0, TK_PLAN, "plan");
  TOK(&L, 1, TK_IDENT, "x");
  TOK(&L, 2, TK_LBRACE, "{");
  TOK(&L, 3, TK_KIND, "kind");
  UT_EQ_INT(L.t[3].off, 12);
  TOK(&L, 4, TK_STRING, "\"K\"");
  TOK(&L, 5, TK_RBRACE, "}");
  UT_EQ_INT(L.t[5].off, 26);
  UT_EQ_INT(L.d.count, 0);
  done(&L);

  /* An unterminated string in a CRLF file stops before the CR. */
  LEX(&L, "\"ab\r\nc");
  UT_EQ_INT(L.n, 2);
  TOK(&L, 0, TK_STRING, "\"ab");
  UT_EQ_INT(L.t[0].unterminated, 1);
  TOK(&L, 1, TK_IDENT, "c");
  DIAG(&L, 0, 0, 1, "unterminated string (strings end on the same line)");
  UT_EQ_INT(L.d.count, 1);
  done(&L);
}

void test_lexer_bom(void) {
  lexed L;
  /* The mark is skipped; offsets still count its three bytes. */
  LEX(&L, "\xef\xbb\xbfplan x");
  UT_EQ_INT(L.n, 2);
  TOK(&L, 0, TK_PLAN, "plan");
  UT_EQ_INT(L.t[0].off, 3);
  TOK(&L, 1, TK_IDENT, "x");
  UT_EQ_INT(L.d.count, 0);
  done(&L);

  /* A file holding only the mark is empty. */
  LEX(&L, "\xef\xbb\xbf");
  UT_EQ_INT(L.n, 0);
  UT_EQ_INT(L.t[0].off, 3);
  UT_EQ_INT(L.d.count, 0);
  done(&L);

  /* Only at the start: a second mark is an unexpected character (U+FEFF,
   * three bytes). */
  LEX(&L, "a \xef\xbb\xbf b");
  UT_EQ_INT(L.n, 2);
  TOK(&L, 0, TK_IDENT, "a");
  TOK(&L, 1, TK_IDENT, "b");
  UT_EQ_INT(L.d.count, 1);
  UT_EQ_INT(diag(&L, 0)->off, 2);
  UT_EQ_INT(diag(&L, 0)->len, 3);
  done(&L);
}

void test_lexer_end(void) {
  lexed L;
  LEX(&L, "");
  UT_EQ_INT(L.n, 0);
  UT_EQ_INT(L.t[0].type, 0);
  UT_EQ_INT(L.t[0].off, 0);
  done(&L);

  LEX(&L, " \t\r\n\n  ");
  UT_EQ_INT(L.n, 0);
  UT_EQ_INT(L.t[0].off, 7);
  UT_EQ_INT(L.d.count, 0);
  done(&L);

  /* After the end, lx_next keeps returning the end. */
  ar_arena a;
  dg_list d;
  ar_init(&a);
  dg_init(&d, &a);
  lx_lexer lx;
  lx_token t;
  lx_init(&lx, "x", 1, 0, &d);
  UT_EQ_INT(lx_next(&lx, &t), TK_IDENT);
  UT_EQ_INT(lx_next(&lx, &t), 0);
  UT_EQ_INT(lx_next(&lx, &t), 0);
  UT_EQ_INT(t.off, 1);
  ar_free(&a);
}

void test_lexer_bad_bytes(void) {
  lexed L;
  /* Each bad byte is one error at its own offset; the tokens around it are
   * still read. */
  LEX(&L, "a \xff b \x80 c");
  UT_EQ_INT(L.n, 3);
  TOK(&L, 0, TK_IDENT, "a");
  TOK(&L, 1, TK_IDENT, "b");
  TOK(&L, 2, TK_IDENT, "c");
  UT_EQ_INT(L.d.count, 2);
  DIAG(&L, 0, 2, 1, "invalid UTF-8 byte 0xFF");
  DIAG(&L, 1, 6, 1, "invalid UTF-8 byte 0x80");
  done(&L);

  /* Overlong (C0 AF), surrogate (ED A0 80), above U+10FFFF (F4 90 80 80)
   * and truncated (E1 BA at the end) sequences are errors, never tokens:
   * exactly one error per broken sequence, spanning its bytes. */
  LEX(&L, "\xc0\xaf x");
  TOK(&L, 0, TK_IDENT, "x");
  UT_EQ_INT(L.d.count, 1);
  DIAG(&L, 0, 0, 2, "invalid UTF-8 sequence 0xC0 0xAF");
  done(&L);
  LEX(&L, "\xed\xa0\x80 x");
  TOK(&L, 0, TK_IDENT, "x");
  UT_EQ_INT(L.d.count, 1);
  DIAG(&L, 0, 0, 3, "invalid UTF-8 sequence 0xED 0xA0 0x80");
  done(&L);
  LEX(&L, "\xf4\x90\x80\x80 x");
  TOK(&L, 0, TK_IDENT, "x");
  UT_EQ_INT(L.d.count, 1);
  DIAG(&L, 0, 0, 4, "invalid UTF-8 sequence 0xF4 0x90 0x80 0x80");
  done(&L);
  LEX(&L, "x \xe1\xba");
  UT_EQ_INT(L.n, 1);
  UT_EQ_INT(L.d.count, 1);
  DIAG(&L, 0, 2, 2, "invalid UTF-8 sequence 0xE1 0xBA");
  done(&L);

  /* A valid character that starts no token: one error covering all its
   * bytes ("–" is 3 bytes). */
  LEX(&L, "a @ \xe2\x80\x93 ; b");
  UT_EQ_INT(L.n, 2);
  UT_EQ_INT(L.d.count, 3);
  DIAG(&L, 0, 2, 1, "unexpected character '@'");
  DIAG(&L, 1, 4, 3, "unexpected character '\xe2\x80\x93'");
  DIAG(&L, 2, 8, 1, "unexpected character ';'");
  done(&L);

  /* A word with a Vietnamese letter that is no keyword: one error for
   * the word ("nạ" is 4 bytes), not one per letter. */
  LEX(&L, "a n\xe1\xba\xa1 b");
  UT_EQ_INT(L.n, 2);
  UT_EQ_INT(L.d.count, 1);
  DIAG(&L, 0, 2, 4, "'n\xe1\xba\xa1' is not a keyword");
  done(&L);
}

void test_lexer_nul(void) {
  lexed L;
  /* A NUL before the end is an error, not the end of the input. */
  LEX(&L, "a\0b");
  UT_EQ_INT(L.n, 2);
  TOK(&L, 0, TK_IDENT, "a");
  TOK(&L, 1, TK_IDENT, "b");
  UT_EQ_INT(L.d.count, 1);
  DIAG(&L, 0, 1, 1, "NUL byte in input");
  UT_EQ_INT(L.t[2].off, 3);
  done(&L);

  /* Inside a string: the error, and the string still ends at its quote. */
  LEX(&L, "\"a\0b\" c");
  UT_EQ_INT(L.n, 2);
  TOK(&L, 0, TK_STRING, "\"a\0b\"");
  UT_EQ_INT(L.t[0].len, 5);
  UT_EQ_INT(L.t[0].unterminated, 0);
  TOK(&L, 1, TK_IDENT, "c");
  UT_EQ_INT(L.d.count, 1);
  DIAG(&L, 0, 2, 1, "NUL byte in input");
  done(&L);
}

void test_lexer_string_errors(void) {
  lexed L;
  /* Unknown escapes: an error over the two characters, the string goes on. */
  LEX(&L, "\"a\\nb\\t\" c");
  UT_EQ_INT(L.n, 2);
  TOK(&L, 0, TK_STRING, "\"a\\nb\\t\"");
  UT_EQ_INT(L.t[0].unterminated, 0);
  TOK(&L, 1, TK_IDENT, "c");
  UT_EQ_INT(L.d.count, 2);
  DIAG(&L, 0, 2, 2, "unknown escape in string");
  DIAG(&L, 1, 5, 2, "unknown escape in string");
  done(&L);

  /* An escaped multi-byte character: the span covers all its bytes. */
  LEX(&L, "\"\\\xe1\xba\xa1\"");
  UT_EQ_INT(L.n, 1);
  UT_EQ_INT(L.d.count, 1);
  DIAG(&L, 0, 1, 4, "unknown escape in string");
  done(&L);

  /* Bad bytes inside a string: errors at their offsets, the string is one
   * token up to its closing quote. */
  LEX(&L, "\"ab\xff\x63\x64\" e");
  UT_EQ_INT(L.n, 2);
  TOK(&L, 0, TK_STRING, "\"ab\xff\x63\x64\"");
  TOK(&L, 1, TK_IDENT, "e");
  UT_EQ_INT(L.d.count, 1);
  DIAG(&L, 0, 3, 1, "invalid UTF-8 byte 0xFF");
  done(&L);
}

void test_lexer_unterminated(void) {
  lexed L;
  /* At the end of a line: the token runs to the line end, the error is at
   * the opening quote, and the next line is read normally. */
  LEX(&L, "kind \"K\n  date 2023-01-01");
  UT_EQ_INT(L.n, 4);
  TOK(&L, 0, TK_KIND, "kind");
  TOK(&L, 1, TK_STRING, "\"K");
  UT_EQ_INT(L.t[1].unterminated, 1);
  TOK(&L, 2, TK_DATE, "date");
  TOK(&L, 3, TK_DATEVAL, "2023-01-01");
  UT_EQ_INT(L.d.count, 1);
  DIAG(&L, 0, 5, 1, "unterminated string (strings end on the same line)");
  done(&L);

  /* At the end of the file. */
  LEX(&L, "- \"v\xc4\x83n b\xe1\xba\xa3n");
  UT_EQ_INT(L.n, 2);
  TOK(&L, 1, TK_STRING, "\"v\xc4\x83n b\xe1\xba\xa3n");
  UT_EQ_INT(L.t[1].unterminated, 1);
  UT_EQ_INT(L.d.count, 1);
  DIAG(&L, 0, 2, 1, "unterminated string at end of file");
  done(&L);

  /* An escaped quote does not close the string. */
  LEX(&L, "\"a\\\"\nb");
  UT_EQ_INT(L.n, 2);
  TOK(&L, 0, TK_STRING, "\"a\\\"");
  UT_EQ_INT(L.t[0].unterminated, 1);
  TOK(&L, 1, TK_IDENT, "b");
  UT_EQ_INT(L.d.count, 1);
  done(&L);
}

/* The tests below describe behaviour the lexer gets wrong at the time of
 * writing: "đ)" is not read as a label (lexer.re writes the class [a-zđ]
 * with a raw UTF-8 "đ", which re2c without --input-encoding utf8 reads as
 * the two code points U+00C4 U+0091), and see the bad-input cases
 * comment-bad-byte, comment-lone-cr, string-lone-cr and
 * string-backslash-eol. */

void test_lexer_label_d_stroke(void) {
  lexed L;
  /* "đ)" (U+0111, the Vietnamese letter after d) is a letter label. */
  LEX(&L, "\xc4\x91) \"t\"");
  UT_EQ_INT(L.n, 2);
  TOK(&L, 0, TK_LABEL, "\xc4\x91)");
  UT_EQ_INT(L.d.count, 0);
  done(&L);

  /* "Ä)" (U+00C4) is none: no such label is printed. */
  LEX(&L, "\xc3\x84)");
  UT_CHECK(L.n == 0 || L.t[0].type != TK_LABEL);
  UT_CHECK(L.d.count > 0);
  done(&L);
}

void test_lexer_comment_bad_byte(void) {
  lexed L;
  /* A comment runs to the end of the line even past a bad byte: the error
   * is reported, the words after it are still comment. */
  LEX(&L, "# ch\xfa th\xed" "ch\nplan");
  UT_EQ_INT(L.n, 1);
  TOK(&L, 0, TK_PLAN, "plan");
  UT_EQ_INT(L.d.count, 2);
  DIAG(&L, 0, 4, 1, "invalid UTF-8 byte 0xFA");
  DIAG(&L, 1, 8, 1, "invalid UTF-8 byte 0xED");
  done(&L);

  /* The same for a NUL inside a comment. */
  LEX(&L, "# a\0b c\nplan");
  UT_EQ_INT(L.n, 1);
  TOK(&L, 0, TK_PLAN, "plan");
  UT_EQ_INT(L.d.count, 1);
  DIAG(&L, 0, 3, 1, "NUL byte in input");
  done(&L);
}

void test_lexer_comment_lone_cr(void) {
  lexed L;
  /* Lines end in LF or CRLF; a lone CR does not end a comment. */
  LEX(&L, "# a\rb c\nplan");
  UT_EQ_INT(L.n, 1);
  TOK(&L, 0, TK_PLAN, "plan");
  UT_EQ_INT(L.d.count, 0);
  done(&L);
}

void test_lexer_string_lone_cr(void) {
  lexed L;
  /* A lone CR in a string is an error at its offset, but CR (0x0D) is
   * valid UTF-8 and must not be called an invalid byte. */
  LEX(&L, "\"a\rb\" c");
  UT_EQ_INT(L.n, 2);
  TOK(&L, 1, TK_IDENT, "c");
  UT_EQ_INT(L.d.count, 1);
  const dg_diag *d = diag(&L, 0);
  UT_CHECK(d != NULL);
  if (d) {
    UT_EQ_INT(d->off, 2);
    UT_CHECK(strstr(d->msg, "invalid UTF-8") == NULL);
  }
  done(&L);
}

void test_lexer_string_backslash_eol(void) {
  lexed L;
  /* A backslash at the end of a line in a string: the string is
   * unterminated, and the backslash is not "invalid UTF-8 byte 0x5C". */
  LEX(&L, "\"abc\\\nd");
  UT_EQ_INT(L.n, 2);
  TOK(&L, 0, TK_STRING, "\"abc\\");
  UT_EQ_INT(L.t[0].unterminated, 1);
  TOK(&L, 1, TK_IDENT, "d");
  for (const dg_diag *d = L.d.first; d; d = d->next) UT_CHECK(strstr(d->msg, "0x5C") == NULL);
  done(&L);
}

/* Pieces of string text for the block scan: ASCII, the stops (quote,
 * backslash, controls, DEL, NUL), two- and three-byte characters and the
 * edges of their ranges (E0 and ED with both kinds of second byte, C0/C1,
 * a four-byte character), and bad sequences: a lone continuation byte, a
 * lead byte cut short. */
static const char *const plain_pieces[] = {
  "a", "Tăng cường", " ", "ộ", "đ", "\"", "\\", "\t", "\x7f", "\x01", "\xe0\xa0\x80", "\xe0\x9f\xbf", "\xed\x9f\xbf",
  "\xed\xa0\x80", "\xef\xbf\xbd", "\xc2\x80", "\xdf\xbf", "\xc0\xaf", "\xc1", "\xf0\x9f\x98\x80", "\x80", "\xbf",
  "\xc3", "\xe1\xbb", "\xe1", "hoạt động giám sát", "0123456789abcdef",
};

/* lx_skip_plain (sixteen bytes at a time) stops where lx_skip_plain_bytes
 * does, on 20,000 texts of pieces chosen by a fixed sequence and at every
 * starting offset of the first 16 bytes, so that every piece meets every
 * place in a block. */
void test_lexer_plain_blocks(void) {
  enum { NP = sizeof plain_pieces / sizeof plain_pieces[0] };
  unsigned char buf[256];
  uint32_t x = 2024;
  int mismatches = 0;
  for (int t = 0; t < 20000 && mismatches < 5; t++) {
    size_t n = 0;
    int count = 1 + (int)((x = x * 1103515245u + 12345u) >> 16) % 24;
    for (int c = 0; c < count; c++) {
      /* Mostly text, so that blocks get far before a stop. */
      unsigned r = (x = x * 1103515245u + 12345u) >> 16;
      const char *piece = plain_pieces[r % 4 == 0 ? r / 4 % NP : r % 2 ? 1 : 25];
      size_t len = strlen(piece);
      if (!len) len = 1;                 /* "" is never a piece; NUL is below */
      if (n + len >= sizeof buf - 1) break;
      memcpy(buf + n, piece, len);
      n += len;
    }
    if (t % 7 == 0) buf[n / 2] = 0;       /* a NUL in mid-text, now and then */
    buf[n] = 0;
    for (size_t from = 0; from < 16 && from < n; from++) {
      const unsigned char *want = lx_skip_plain_bytes(buf + from);
      const unsigned char *got = lx_skip_plain(buf + from, buf + n);
      if (got != want && mismatches++ < 5)
        fprintf(stderr, "test_lexer_plain_blocks: text %d from %zu: blocks stop at %td, bytes at %td\n", t, from,
                got - buf, want - buf);
    }
  }
  UT_EQ_INT(mismatches, 0);
}

void test_lexer_vietnamese_keywords(void);
void test_lexer_curly_strings(void);
void test_lexer_word_text(void);

/* Vietnamese keywords: NFC, NFD, the half-composed letters of Windows'
 * keyboard and the old tone placement all give the same token; blanks
 * between words are free; the longest keyword wins, and what follows it
 * is lexed as usual. */
void test_lexer_vietnamese_keywords(void) {
  static const struct { const char *text; int type; } kw[] = {
    { "k\xe1\xba\xbf ho\xe1\xba\xa1" "ch", TK_PLAN },                  /* kế hoạch, NFC */
    { "ke\xcc\x82\xcc\x81 hoa\xcc\xa3" "ch", TK_PLAN },                /* NFD */
    { "k\xc3\xaa\xcc\x81  \tho\xe1\xba\xa1" "ch", TK_PLAN },           /* ê + acute, blanks */
    { "c\xe1\xbb\xa5 th\xe1\xbb\x83 h\xc3\xb3" "a", TK_IMPLEMENTS },   /* cụ thể hóa */
    { "c\xe1\xbb\xa5 th\xe1\xbb\x83 ho\xc3\xa1", TK_IMPLEMENTS },      /* cụ thể hoá */
    { "\xc4\x91\xc3\xa3 h\xe1\xbb\xa7y", TK_CANCELLED },              /* đã hủy */
    { "\xc4\x91\xc3\xa3 hu\xe1\xbb\xb7", TK_CANCELLED },              /* đã huỷ */
    { "ch\xe1\xbb\xa7 tr\xc3\xac", TK_BY },                           /* chủ trì */
    { "\xc4\x91\xe1\xba\xbfn", TK_TO },                               /* đến */
    { "\xc4\x91\xe1\xba\xbfn ng\xc3\xa0y", TK_UNTIL },                /* đến ngày */
    { "trung \xc6\xb0\xc6\xa1ng", TK_CENTRAL },                       /* trung ương */
    { "trung u\xcc\x9bo\xcc\x9bng", TK_CENTRAL },                     /* NFD */
    { "ghi ch\xc3\xba", TK_NOTE },                                    /* ghi chú */
    { "kh\xc3\xb4ng c\xc3\xb3 v\xc4\x83n b\xe1\xba\xa3n", TK_UNAVAILABLE },
    { "t\xe1\xbb\x89nh", TK_PROVINCE }, { "huy\xe1\xbb\x87n", TK_DISTRICT },
    { "c\xc6\xa1 s\xe1\xbb\x9f", TK_GRASSROOTS },
  };
  for (size_t i = 0; i < sizeof kw / sizeof kw[0]; i++) {
    lexed L;
    lex_n(&L, kw[i].text, strlen(kw[i].text));
    UT_EQ_INT(L.n, 1);
    TOK(&L, 0, kw[i].type, kw[i].text);
    UT_EQ_INT(L.d.count, 0);
    done(&L);
  }
  lexed L;
  /* "chủ trì btc_hu": the keyword, then the identifier; "cơ quan ban
   * hành" is one keyword, "cơ quan ban_x" two tokens. */
  LEX(&L, "ch\xe1\xbb\xa7 tr\xc3\xac btc_hu, c\xc6\xa1 quan ban h\xc3\xa0nh x c\xc6\xa1 quan ban_x");
  UT_EQ_INT(L.n, 7);
  UT_EQ_INT(type(&L, 0), TK_BY);
  TOK(&L, 1, TK_IDENT, "btc_hu");
  UT_EQ_INT(type(&L, 3), TK_ISSUER);
  TOK(&L, 4, TK_IDENT, "x");
  UT_EQ_INT(type(&L, 5), TK_BODY);
  TOK(&L, 6, TK_IDENT, "ban_x");
  UT_EQ_INT(L.d.count, 0);
  done(&L);
  /* `trung` and `ghi` alone are identifiers; a capital is no keyword. */
  LEX(&L, "trung ghi K\xe1\xba\xbf");
  UT_EQ_INT(L.n, 2);
  TOK(&L, 0, TK_IDENT, "trung");
  TOK(&L, 1, TK_IDENT, "ghi");
  UT_EQ_INT(L.d.count, 1);
  DIAG(&L, 0, 10, 4, "'K\xe1\xba\xbf' is not a keyword (text goes in quotes)");
  done(&L);
  /* A keyword with a capital or another tone is reported with the
   * keyword, and read as it: one error, not a cascade. */
  LEX(&L, "Ch\xe1\xbb\xa7 tr\xc3\xac x ch\xe1\xbb\xa7 tr\xc3\xad y");
  UT_EQ_INT(L.n, 4);
  UT_EQ_INT(type(&L, 0), TK_BY);
  TOK(&L, 1, TK_IDENT, "x");
  UT_EQ_INT(type(&L, 2), TK_BY);
  UT_EQ_INT(L.d.count, 2);
  DIAG(&L, 0, 0, 10, "'Ch\xe1\xbb\xa7 tr\xc3\xac' is not a keyword: did you mean 'ch\xe1\xbb\xa7 tr\xc3\xac'?");
  DIAG(&L, 1, 13, 10, "'ch\xe1\xbb\xa7 tr\xc3\xad' is not a keyword: did you mean 'ch\xe1\xbb\xa7 tr\xc3\xac'?");
  done(&L);
  /* The label đ) is still a label. */
  LEX(&L, "\xc4\x91) \"x\"");
  UT_EQ_INT(type(&L, 0), TK_LABEL);
  done(&L);
}

/* Strings in “ ”: pairs inside are text, so are straight quotes and
 * backslashes; the token records its quotes' size. */
void test_lexer_curly_strings(void) {
  lexed L;
  LEX(&L, "\xe2\x80\x9c" "a \xe2\x80\x9c" "b\xe2\x80\x9d \"c\" \\ d\xe2\x80\x9d x");
  UT_EQ_INT(L.n, 2);
  UT_EQ_INT(type(&L, 0), TK_STRING);
  UT_EQ_INT(L.t[0].quote, 3);
  UT_EQ_INT(L.t[0].len, 23);
  UT_EQ_INT(L.t[0].escaped, 0);
  TOK(&L, 1, TK_IDENT, "x");
  UT_EQ_INT(L.d.count, 0);
  done(&L);
  /* Unpaired at the end of the line: one error, the string ends at the
   * last ”, and the line goes on. */
  LEX(&L, "\xe2\x80\x9c" "a \xe2\x80\x9c" "b\xe2\x80\x9d x\ny");
  UT_EQ_INT(L.n, 3);
  UT_EQ_INT(L.t[0].len, 12);
  TOK(&L, 1, TK_IDENT, "x");
  UT_EQ_INT(L.d.count, 1);
  DIAG(&L, 0, 0, 3, "unterminated string: its");
  done(&L);
}

/* Text from Word: a quotation in straight quotes inside a string, a line
 * break inside one, a date as 20/3/2023: one error each, with the fix. */
void test_lexer_word_text(void) {
  lexed L;
  LEX(&L, "\"a \"b\" c\" x");
  UT_EQ_INT(L.n, 2);
  TOK(&L, 0, TK_STRING, "\"a \"b\" c\"");
  TOK(&L, 1, TK_IDENT, "x");
  UT_EQ_INT(L.d.count, 1);
  DIAG(&L, 0, 3, 1, "a straight quote inside a string");
  done(&L);
  /* The closing quote missing: the string ends at the last quote. */
  LEX(&L, "\"a \"b\" c x\ny");
  UT_EQ_INT(L.n, 4);
  TOK(&L, 0, TK_STRING, "\"a \"b\"");
  UT_EQ_INT(L.d.count, 1);
  done(&L);
  /* A line break, the next line closing the string. */
  LEX(&L, "\"a\n b\" x");
  UT_EQ_INT(L.n, 2);
  TOK(&L, 0, TK_STRING, "\"a\n b\"");
  UT_EQ_INT(L.d.count, 1);
  DIAG(&L, 0, 2, 1, "line break inside a string");
  done(&L);
  /* The next line does not close it: unterminated, as before. */
  LEX(&L, "\"a\n due \"b\"");
  UT_EQ_INT(L.n, 3);
  UT_EQ_INT(L.d.count, 1);
  DIAG(&L, 0, 0, 1, "unterminated string (strings end on the same line)");
  done(&L);
  /* Dates as printed. */
  LEX(&L, "20/3/2023 2023/3/20 5.11.2022");
  UT_EQ_INT(L.n, 3);
  UT_EQ_INT(type(&L, 0), TK_DATEVAL);
  UT_EQ_INT(L.t[0].reported, 1);
  UT_EQ_INT(L.d.count, 3);
  DIAG(&L, 0, 0, 9, "write the date as 2023-03-20 (year-month-day)");
  DIAG(&L, 1, 10, 9, "write the date as 2023-03-20 (year-month-day)");
  DIAG(&L, 2, 20, 9, "write the date as 2022-11-05 (year-month-day)");
  done(&L);
}
