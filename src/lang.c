/* lang: the language users read (lang.h). */
#include "lang.h"

#include <libintl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif

#define LG_DOMAIN "plancheck"

static lg_lang current = LG_EN;

int lg_parse(const char *name) {
  if (!name) return -1;
  /* "vi", "vi_VN", "vi_VN.UTF-8", "vi@..."; likewise "en". */
  size_t n = strcspn(name, "_.@");
  if (n == 2 && strncmp(name, "vi", 2) == 0) return LG_VI;
  if (n == 2 && strncmp(name, "en", 2) == 0) return LG_EN;
  if (strcmp(name, "C") == 0 || strcmp(name, "POSIX") == 0 || strncmp(name, "C.", 2) == 0) return LG_EN;
  return -1;
}

static const char *nonempty_env(const char *name) {
  const char *v = getenv(name);
  return v && *v ? v : NULL;
}

/* The language as gettext chooses it: LANGUAGE, a list of languages
 * tried in turn, unless the locale is C (gettext then ignores it); else
 * the locale of messages. A language plancheck does not speak gives
 * English, as gettext falls back to the msgid. */
static lg_lang from_environment(void) {
  const char *loc = nonempty_env("LC_ALL");
  if (!loc) loc = nonempty_env("LC_MESSAGES");
  if (!loc) loc = nonempty_env("LANG");
  int c_locale = !loc || strcmp(loc, "C") == 0 || strcmp(loc, "POSIX") == 0;
  const char *list = nonempty_env("LANGUAGE");
  if (list && !c_locale) {
    char one[64];
    for (const char *p = list; *p;) {
      size_t n = strcspn(p, ":");
      if (n < sizeof one) {
        memcpy(one, p, n);
        one[n] = '\0';
        int l = lg_parse(one);
        if (l >= 0) return (lg_lang)l;
      }
      p += n;
      if (*p == ':') p++;
    }
    return LG_EN;
  }
  int l = lg_parse(loc);
  return l < 0 ? LG_EN : (lg_lang)l;
}

/* Whether DIR/vi/LC_MESSAGES/plancheck.mo can be read. */
static int has_catalogue(const char *dir) {
  char path[4096];
  int n = snprintf(path, sizeof path, "%s/vi/LC_MESSAGES/" LG_DOMAIN ".mo", dir);
  return n > 0 && (size_t)n < sizeof path && access(path, R_OK) == 0;
}

/* The first directory of lang.h's list that holds the catalogue, in
 * `out`; 0, or -1 when none does. */
static int find_catalogue(const char *exe, char *out, size_t size) {
  static const char *const beside[] = { "/build/locale", "/../build/locale", "/../share/locale" };
  const char *slash = exe ? strrchr(exe, '/') : NULL;
  if (slash) {
    int dirlen = (int)(slash - exe);
    for (size_t i = 0; i < sizeof beside / sizeof *beside; i++) {
      int n = snprintf(out, size, "%.*s%s", dirlen, exe, beside[i]);
      if (n > 0 && (size_t)n < size && has_catalogue(out)) return 0;
    }
  }
  int n = snprintf(out, size, "%s", LOCALEDIR);
  return n > 0 && (size_t)n < size && has_catalogue(out) ? 0 : -1;
}

#ifdef __EMSCRIPTEN__
/* The WebAssembly build (`make web`): emscripten's libc has a gettext
 * (musl's) that faults on a lookup there, so the catalogue, embedded in
 * the module's file system, is read here: a .mo file is a header, then
 * two tables of (length, offset) pairs, the keys sorted bytewise and
 * their translations; a key with a plural form is "ONE\0MANY" and its
 * translation's first form serves (Vietnamese has one). Every offset is
 * checked against the file's size; a bad catalogue leaves English. */
#include <stdint.h>

#include "source.h"   /* src_read */

static char *mo;             /* the whole file, or NULL */
static size_t mo_size;
static uint32_t mo_count;

static uint32_t mo_word(size_t off) {
  const unsigned char *p = (const unsigned char *)mo + off;   /* little-endian, as msgfmt writes here */
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* The string of table entry i at table offset `table`, or NULL when it
 * lies outside the file or is not NUL-terminated. */
static const char *mo_string(uint32_t table, uint32_t i) {
  size_t at = (size_t)table + (size_t)i * 8;
  if (at + 8 > mo_size) return NULL;
  size_t len = mo_word(at), off = mo_word(at + 4);
  return off < mo_size && len < mo_size - off && mo[off + len] == '\0' ? mo + off : NULL;
}

static int mo_load(const char *path) {
  if (mo) return 0;
  char *data;
  size_t size;
  if (src_read(path, &data, &size) != 0) return -1;
  mo = data;
  mo_size = size;
  if (size < 28 || mo_word(0) != 0x950412deu) {   /* no .mo header */
    free(data);
    mo = NULL;
    return -1;
  }
  mo_count = mo_word(8);
  return 0;
}

/* The translation of `key`, or `key`. */
static const char *mo_find(const char *key) {
  if (!mo) return key;
  uint32_t keys = mo_word(12), values = mo_word(16), lo = 0, hi = mo_count;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    const char *k = mo_string(keys, mid);
    if (!k) return key;
    int c = strcmp(key, k);
    if (c == 0) {
      const char *v = mo_string(values, mid);
      return v && *v ? v : key;
    }
    if (c < 0) hi = mid;
    else lo = mid + 1;
  }
  return key;
}

/* A translated plural has one form here: it serves every n. */
static const char *web_dngettext(const char *one, const char *many, unsigned long n) {
  const char *t = mo_find(one);
  return t != one || n == 1 ? t : many;
}
#define dgettext(domain, key) ((void)(domain), mo_find(key))
#define dngettext(domain, one, many, n) ((void)(domain), web_dngettext((one), (many), (n)))
#endif

/* gettext reads the catalogue of the locale of messages, and ignores
 * LANGUAGE when that locale is C; vi_VN is seldom generated. So the
 * locale of messages is the user's when it exists, else C.UTF-8, and
 * LANGUAGE says "vi". Only LC_MESSAGES changes: numbers and dates in
 * JSON and Lua keep the C forms. */
#ifndef __EMSCRIPTEN__
static void select_vietnamese(void) {
  const char *got = setlocale(LC_MESSAGES, "");
  if (!got || strcmp(got, "C") == 0 || strcmp(got, "POSIX") == 0) setlocale(LC_MESSAGES, "C.UTF-8");
  setenv("LANGUAGE", "vi", 1);
}
#endif

int lg_init(const char *forced, const char *exe) {
  current = LG_EN;
  int want = forced ? lg_parse(forced) : (int)from_environment();
  if (want != LG_VI) return 0;
  char dir[4096];
  if (find_catalogue(exe, dir, sizeof dir) != 0) return -1;
#ifdef __EMSCRIPTEN__
  char path[4200];
  snprintf(path, sizeof path, "%s/vi/LC_MESSAGES/" LG_DOMAIN ".mo", dir);
  if (mo_load(path) != 0) return -1;
#else
  select_vietnamese();
  if (!bindtextdomain(LG_DOMAIN, dir) || !bind_textdomain_codeset(LG_DOMAIN, "UTF-8")) return -1;
#endif
  current = LG_VI;
  return 0;
}

lg_lang lg_current(void) { return current; }

const char *lg_text(const char *msgid) {
  return current == LG_EN ? msgid : dgettext(LG_DOMAIN, msgid);
}

const char *lg_ptext(const char *ctx, const char *msgid) {
  if (current == LG_EN) return msgid;
  /* A catalogue keys a text with a context as "CONTEXT\004TEXT". */
  char key[512];
  int n = snprintf(key, sizeof key, "%s\004%s", ctx, msgid);
  if (n < 0 || (size_t)n >= sizeof key) return msgid;
  const char *t = dgettext(LG_DOMAIN, key);
  return t == key ? msgid : t;
}

const char *lg_ntext(const char *one, const char *many, unsigned long n) {
  if (current == LG_EN) return n == 1 ? one : many;
  return dngettext(LG_DOMAIN, one, many, n);
}

void lg_day(dt_day day, char buf[11]) {
  if (current == LG_EN) {
    dt_format(day, buf);
    return;
  }
  int y, m, d;
  dt_to_ymd(day, &y, &m, &d);
  /* The year of a dt_day is 1000..9999 (dt_valid). */
  snprintf(buf, 11, "%02u/%02u/%04u", (unsigned)d % 100u, (unsigned)m % 100u, (unsigned)y % 10000u);
}
