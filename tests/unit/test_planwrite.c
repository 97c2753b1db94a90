/* Unit tests of the plan writer (src/planwrite.c): every keyword it spells,
 * in English and in Vietnamese, lexes back to its token; strings come out
 * escaped and lex back to one string of the same text; blocks indent and
 * comments take the depth. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gram.h"
#include "lexer.h"
#include "planwrite.h"
#include "unit.h"

/* The lexer's token for each pw_kw, in its order. */
static const int tokens[PW_NKW] = {
  [PW_ADDRESSES] = TK_ADDRESSES, [PW_AFTER] = TK_AFTER, [PW_AS] = TK_AS, [PW_BASIS] = TK_BASIS, [PW_BODY] = TK_BODY,
  [PW_BY] = TK_BY, [PW_CASCADE] = TK_CASCADE, [PW_DATE] = TK_DATE, [PW_DUE] = TK_DUE,
  [PW_FINGERPRINT] = TK_FINGERPRINT, [PW_FOR] = TK_FOR, [PW_FORWARD] = TK_FORWARD, [PW_ID] = TK_ID,
  [PW_IMPLEMENTS] = TK_IMPLEMENTS, [PW_INCLUDE] = TK_INCLUDE, [PW_ISSUER] = TK_ISSUER, [PW_KIND] = TK_KIND,
  [PW_LEVEL] = TK_LEVEL, [PW_MEASURE] = TK_MEASURE, [PW_NOTE] = TK_NOTE, [PW_OWNER] = TK_OWNER, [PW_PATH] = TK_PATH,
  [PW_PLACE] = TK_PLACE, [PW_PLAN] = TK_PLAN, [PW_REASON] = TK_REASON, [PW_RECIPIENT] = TK_RECIPIENT,
  [PW_REPORTS] = TK_REPORTS, [PW_ROLE] = TK_ROLE, [PW_SECTION] = TK_SECTION, [PW_SIGNER] = TK_SIGNER,
  [PW_TARGET] = TK_TARGET, [PW_TASK] = TK_TASK, [PW_TEXT] = TK_TEXT, [PW_TITLE] = TK_TITLE,
  [PW_TO] = TK_TO, [PW_UNAVAILABLE] = TK_UNAVAILABLE, [PW_UNKNOWN] = TK_UNKNOWN, [PW_USE] = TK_USE,
  [PW_WAIVE] = TK_WAIVE, [PW_WITH] = TK_WITH,
  [PW_ABBREV] = TK_ABBREV, [PW_ALIAS] = TK_ALIAS, [PW_BY_YEAR] = TK_BY, [PW_CANCELLED] = TK_CANCELLED,
  [PW_CENTRAL] = TK_CENTRAL, [PW_COUNTERPART] = TK_COUNTERPART, [PW_DISTRICT] = TK_DISTRICT, [PW_DOC] = TK_DOC,
  [PW_DONE] = TK_DONE, [PW_EXISTS] = TK_EXISTS, [PW_FOOTNOTE] = TK_FOOTNOTE, [PW_FROM] = TK_FROM,
  [PW_GRASSROOTS] = TK_GRASSROOTS, [PW_ISSUED] = TK_ISSUED, [PW_LEVELS] = TK_LEVELS, [PW_MONTH] = TK_MONTH,
  [PW_PER] = TK_PER, [PW_PROGRESS] = TK_PROGRESS, [PW_PROVINCE] = TK_PROVINCE, [PW_QUARTER] = TK_QUARTER,
  [PW_REASSIGNED] = TK_REASSIGNED, [PW_REPORTED] = TK_REPORTED, [PW_SCOPE] = TK_SCOPE, [PW_STARTED] = TK_STARTED,
  [PW_STRUCTURE] = TK_STRUCTURE, [PW_SUCCEEDS] = TK_SUCCEEDS, [PW_TERM] = TK_TERM, [PW_TRIGGERS] = TK_TRIGGERS,
  [PW_UNTIL] = TK_UNTIL, [PW_VIA] = TK_VIA, [PW_YEAR] = TK_YEAR,
};

/* The tokens of a text, at most max, and how many there are. */
static int lex_all(const char *src, lx_token *t, int max, int *errors) {
  ar_arena a;
  dg_list d;
  ar_init(&a);
  dg_init(&d, &a);
  size_t n = strlen(src);
  char *buf = ar_alloc(&a, n + 1);
  memcpy(buf, src, n + 1);
  lx_lexer lx;
  lx_init(&lx, buf, n, 0, &d);
  int k = 0;
  while (k < max && lx_next(&lx, &t[k])) k++;
  *errors = (int)d.errors;
  ar_free(&a);
  return k;
}

/* What a writer wrote, as a C string the caller frees. */
typedef struct written { FILE *f; char *s; size_t n; pw_writer w; } written;
static void open_w(written *x, int vi) { x->f = open_memstream(&x->s, &x->n); pw_init(&x->w, x->f, vi); }
static char *close_w(written *x) { fclose(x->f); return x->s; }

void test_planwrite_keywords(void);
void test_planwrite_keywords(void) {
  for (int vi = 0; vi <= 1; vi++)
    for (int k = 0; k < PW_NKW; k++) {
      lx_token t[4];
      int errors;
      int n = lex_all(pw_spelling((pw_kw)k, vi), t, 4, &errors);
      UT_EQ_INT(n, 1);
      UT_EQ_INT(errors, 0);
      if (n >= 1 && t[0].type != tokens[k])
        fprintf(stderr, "  keyword %s (%s) lexes as %d, want %d\n", pw_spelling((pw_kw)k, 0), pw_spelling((pw_kw)k, vi),
                t[0].type, tokens[k]);
      UT_EQ_INT(n >= 1 ? t[0].type : -1, tokens[k]);
    }
}

void test_planwrite_strings(void);
void test_planwrite_strings(void) {
  written x;
  open_w(&x, 0);
  const char *text = "Hội nghị \"Diên Hồng\" \\ tại C:\\";
  pw_string(&x.w, text, strlen(text));
  char *s = close_w(&x);
  UT_EQ_STR(s, "\"Hội nghị \\\"Diên Hồng\\\" \\\\ tại C:\\\\\"");
  lx_token t[4];
  int errors;
  UT_EQ_INT(lex_all(s, t, 4, &errors), 1);
  UT_EQ_INT(t[0].type, TK_STRING);
  UT_EQ_INT(errors, 0);
  free(s);
}

void test_planwrite_blocks(void);
void test_planwrite_blocks(void) {
  written x;
  open_w(&x, 1);
  pw_keyword(&x.w, PW_SECTION);
  pw_word(&x.w, "I.");
  pw_string(&x.w, "NHIỆM VỤ", strlen("NHIỆM VỤ"));
  pw_open(&x.w);
  pw_comment(&x.w, "hai dòng\nchú thích");
  pw_word(&x.w, "1.");
  pw_string(&x.w, "Việc.", strlen("Việc."));
  pw_newline(&x.w);
  pw_keyword(&x.w, PW_DUE);
  pw_string(&x.w, "trong năm 2025", strlen("trong năm 2025"));
  pw_close(&x.w);
  char *s = close_w(&x);
  UT_EQ_STR(s, "mục I. \"NHIỆM VỤ\" {\n  # hai dòng\n  # chú thích\n  1. \"Việc.\"\n  thời hạn \"trong năm 2025\"\n}\n");
  free(s);
}
