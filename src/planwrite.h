/* planwrite: writing plan-language text, for the commands that make a
 * plan rather than read one (`import`, `new --from`).
 *
 * One place knows how a string is quoted (only `\"` and `\\` are escapes),
 * how a block is indented, and how each keyword is spelt in English and
 * in Vietnamese (docs/LANGUAGE.md; a unit test lexes every spelling back
 * to its token). A writer says words one after another; it opens a line
 * when the last one ended, and closes lines at blocks and comments. It
 * reads no model. Layer: report; calls only libc (and diag.h for
 * DG_PRINTF). */
#ifndef PLANCHECK_PLANWRITE_H
#define PLANCHECK_PLANWRITE_H

#include <stddef.h>
#include <stdio.h>

#include "diag.h"

/* The keywords a writer spells; their English spelling is the enum's name
 * in lower case. */
typedef enum pw_kw {
  PW_ADDRESSES, PW_AFTER, PW_AS, PW_BASIS, PW_BODY, PW_BY, PW_CASCADE, PW_DATE, PW_DUE, PW_FINGERPRINT, PW_FOR,
  PW_FORWARD, PW_ID, PW_IMPLEMENTS, PW_INCLUDE, PW_ISSUER, PW_KIND, PW_LEVEL, PW_MEASURE, PW_NOTE, PW_OWNER, PW_PATH,
  PW_PLACE, PW_PLAN, PW_REASON, PW_RECIPIENT, PW_REPORTS, PW_ROLE, PW_SECTION, PW_SIGNER, PW_TARGET, PW_TASK,
  PW_TEXT, PW_TITLE, PW_TO, PW_UNAVAILABLE, PW_UNKNOWN, PW_USE, PW_WAIVE, PW_WITH,
  /* The rest of the language, for `fmt --keywords` (PW_BY_YEAR is `by`
   * before a year in a target's measure: "đến năm", not "chủ trì"). */
  PW_ABBREV, PW_ALIAS, PW_BY_YEAR, PW_CANCELLED, PW_CENTRAL, PW_COUNTERPART, PW_DISTRICT, PW_DOC, PW_DONE,
  PW_EXISTS, PW_FOOTNOTE, PW_FROM, PW_GRASSROOTS, PW_ISSUED, PW_LEVELS, PW_MONTH, PW_PER, PW_PROGRESS,
  PW_PROVINCE, PW_QUARTER, PW_REASSIGNED, PW_REPORTED, PW_SCOPE, PW_STARTED, PW_STRUCTURE, PW_SUCCEEDS,
  PW_TERM, PW_TRIGGERS, PW_UNTIL, PW_VIA, PW_YEAR,
  PW_NKW
} pw_kw;

typedef struct pw_writer {
  FILE *out;
  int vi;                    /* Vietnamese keywords */
  int depth;                 /* blocks open */
  int midline;               /* a line is open: the next word goes after a space */
} pw_writer;

void pw_init(pw_writer *w, FILE *out, int vietnamese_keywords);

/* A keyword's spelling in English (vi 0) or Vietnamese. */
const char *pw_spelling(pw_kw kw, int vi);

/* A keyword, in the writer's language. */
void pw_keyword(pw_writer *w, pw_kw kw);

/* A word written as it is: an identifier, a label ("IV.", "-"), a date,
 * a number. */
void pw_word(pw_writer *w, const char *s);

/* A string in quotes, `"` and `\` escaped. */
void pw_string(pw_writer *w, const char *s, size_t n);

/* Ends the open line, if any. */
void pw_newline(pw_writer *w);

/* " {" at the end of the open line, then the block's lines one step in;
 * pw_close ends them with "}" on a line of its own. */
void pw_open(pw_writer *w);
void pw_close(pw_writer *w);

/* A comment on lines of its own at the current depth ("# ..."), one line
 * per line of the text (printf format); an empty text gives a blank line. */
void pw_comment(pw_writer *w, const char *fmt, ...) DG_PRINTF(2, 3);

#endif
