/* lang: the language users read, Vietnamese or English.
 *
 * Every text a user reads is written in English in the sources, wrapped
 * in _() (or N_() where a table holds it), and translated through GNU
 * gettext from the catalogue po/vi.po, which the Makefile compiles to
 * build/locale/vi/LC_MESSAGES/plancheck.mo. The language follows the
 * environment as gettext reads it (LANGUAGE, then LC_ALL, LC_MESSAGES,
 * LANG), or --lang; Vietnamese works where no vi_VN locale is generated
 * (only the C.UTF-8 locale is needed, as on Debian images). Until
 * lg_init runs (unit tests, fuzz targets) every text is English.
 *
 * Machine-read output stays English whatever the language: finding codes,
 * JSON keys and values, severities in JSON, the Lua API's names.
 * Layer: bottom; calls only libc (and date for lg_day). */
#ifndef PLANCHECK_LANG_H
#define PLANCHECK_LANG_H

#include <stddef.h>

#include "date.h"

typedef enum lg_lang { LG_EN, LG_VI } lg_lang;

/* The language named by `name` ("vi", "vi_VN.UTF-8", "en", "en_US"...),
 * or -1 for one plancheck does not speak. */
int lg_parse(const char *name);

/* Picks the language: `forced` (--lang; NULL: the environment) and
 * opens its catalogue, looked for beside the program `exe` (the path of
 * the running binary, NULL: unknown): EXE_DIR/build/locale (the program
 * at the top of a build tree), EXE_DIR/../build/locale (build-asan/),
 * EXE_DIR/../share/locale (installed), then the LOCALEDIR it was built
 * with. Returns 0, or -1 when Vietnamese was asked for but its
 * catalogue is nowhere (the texts stay English). */
int lg_init(const char *forced, const char *exe);

lg_lang lg_current(void);

#if defined(__GNUC__)
#define LG_FORMAT_ARG(n) __attribute__((format_arg(n)))
#else
#define LG_FORMAT_ARG(n)
#endif

/* The text of `msgid` in the current language. */
const char *lg_text(const char *msgid) LG_FORMAT_ARG(1);
/* The text for a count n: `one` or `many` in English (Vietnamese has
 * one form). */
const char *lg_ntext(const char *one, const char *many, unsigned long n) LG_FORMAT_ARG(1)
    LG_FORMAT_ARG(2);

/* The text of `msgid` where the same English means different things:
 * `ctx` tells them apart ("by %s": "đến" for a deadline, "bởi" for who
 * did it), as gettext's msgctxt does. */
const char *lg_ptext(const char *ctx, const char *msgid) LG_FORMAT_ARG(2);

#define _(s) lg_text(s)
#define N_(s) (s)

/* A day as users read it: "30/05/2020" in Vietnamese, "2020-05-30" in
 * English (11 bytes with NUL). */
void lg_day(dt_day day, char buf[11]);

#endif
