/* text: UTF-8 decoding, widths, NFC and folding; see text.h. */
#include "text.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

int tx_decode(const unsigned char *s, size_t n, int32_t *cp) {
  utf8proc_int32_t c;
  utf8proc_ssize_t len = utf8proc_iterate(s, (utf8proc_ssize_t)n, &c);
  if (len <= 0) return 0;
  *cp = c;
  return (int)len;
}

size_t tx_codepoints(const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s;
  size_t count = 0, i = 0;
  while (i < n) {
    int32_t cp;
    int len = tx_decode(p + i, n - i, &cp);
    i += len ? (size_t)len : 1;
    count++;
  }
  return count;
}

size_t tx_width(const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s;
  size_t width = 0, i = 0;
  while (i < n) {
    int32_t cp;
    int len = tx_decode(p + i, n - i, &cp);
    if (!len) { i++; width++; continue; }
    i += (size_t)len;
    int w = utf8proc_charwidth(cp);
    width += w > 0 ? (size_t)w : 0;
  }
  return width;
}

/* Runs utf8proc_map and moves the result into the arena, so callers never
 * see malloc'd memory. */
static sl_slice map_into(ar_arena *a, const char *s, size_t n, utf8proc_option_t opts) {
  utf8proc_uint8_t *out = NULL;
  utf8proc_ssize_t len = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &out, opts);
  if (len < 0) {
    free(out);
    return (sl_slice){ ar_strndup(a, s, n), n };
  }
  sl_slice r = { ar_strndup(a, (const char *)out, (size_t)len), (size_t)len };
  free(out);
  return r;
}

sl_slice tx_nfc(ar_arena *a, const char *s, size_t n) {
  /* Pure ASCII is already NFC: skip the library call for the common case. */
  size_t i = 0;
  while (i < n && (unsigned char)s[i] < 0x80) i++;
  if (i == n) return (sl_slice){ s, n };
  return map_into(a, s, n, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
}

sl_slice tx_fold(ar_arena *a, const char *s, size_t n) {
  sl_slice f = map_into(a, s, n, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
  char *d = (char *)f.p;
  size_t o = 0;
  int space = 1; /* drops leading space */
  for (size_t i = 0; i < f.n; i++) {
    unsigned char c = (unsigned char)f.p[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (!space) d[o++] = ' ';
      space = 1;
    } else {
      d[o++] = (char)c;
      space = 0;
    }
  }
  if (o && d[o - 1] == ' ') o--;
  d[o] = '\0';
  return (sl_slice){ d, o };
}

uint64_t tx_hash(const char *s, size_t n) {
  uint64_t h = 1469598103934665603ull;
  for (size_t i = 0; i < n; i++) {
    h ^= (unsigned char)s[i];
    h *= 1099511628211ull;
  }
  return h;
}
