/* lsp_rpc: JSON-RPC framing over a byte stream (see lsp_rpc.h). */
#include "lsp_rpc.h"

#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "text.h"

enum { HEADER_LINE = 1024, HEADER_LINES = 64 };

static void *json_alloc(size_t n) { return mem_alloc(n); }

void lsp_json_init(void) { json_set_alloc_funcs(json_alloc, free); }

/* Reads one header line into buf (cut at HEADER_LINE - 1 bytes, the rest
 * of the line skipped), without its CR LF. -1 at the end of the stream. */
static int header_line(FILE *in, char *buf, size_t *len) {
  size_t n = 0;
  int c;
  while ((c = getc(in)) != EOF && c != '\n')
    if (n < HEADER_LINE - 1) buf[n++] = (char)c;
  if (c == EOF && n == 0) return -1;
  if (n && buf[n - 1] == '\r') n--;
  buf[n] = '\0';
  *len = n;
  return c == EOF ? -1 : 0;
}

/* "Content-Length: 123" (the name in any case, as HTTP headers): the
 * value, or -1 when the line is another header, -2 when it is this one
 * but its value is not a number (or an absurd one, over 2^40). */
static long long content_length(const char *line) {
  static const char name[] = "content-length:";
  for (size_t i = 0; i < sizeof name - 1; i++)
    if (!line[i] || (line[i] | 0x20) != name[i]) return -1;
  const char *p = line + sizeof name - 1;
  while (*p == ' ' || *p == '\t') p++;
  if (*p < '0' || *p > '9') return -2;
  long long v = 0;
  for (; *p >= '0' && *p <= '9'; p++) {
    if (v > (1LL << 40)) return -2;
    v = v * 10 + (*p - '0');
  }
  while (*p == ' ' || *p == '\t') p++;
  return *p ? -2 : v;
}

/* Skips n bytes of a body too large to keep. 0, or -1 at the end. */
static int skip(FILE *in, long long n) {
  char buf[4096];
  while (n > 0) {
    size_t k = fread(buf, 1, n < (long long)sizeof buf ? (size_t)n : sizeof buf, in);
    if (k == 0) return -1;
    n -= (long long)k;
  }
  return 0;
}

static lsp_frame bad(int *code, const char **error, int c, const char *why) {
  *code = c;
  *error = why;
  return LSP_FRAME_BAD;
}

/* A parsed body that is a JSON-RPC message: an object with "jsonrpc":
 * "2.0" and a string "method" (request, notification) or an "id" and a
 * result or error (a response to a request of ours). */
static int is_message(json_t *m) {
  if (!json_is_object(m)) return 0;
  json_t *v = json_object_get(m, "jsonrpc"), *method = json_object_get(m, "method");
  if (!json_is_string(v) || strcmp(json_string_value(v), "2.0") != 0) return 0;
  if (method) return json_is_string(method);
  return json_object_get(m, "id") && (json_object_get(m, "result") || json_object_get(m, "error"));
}

lsp_frame lsp_read(FILE *in, json_t **msg, int *code, const char **error) {
  char line[HEADER_LINE];
  size_t len = 0;
  long long n = -1;
  int lines = 0, malformed = 0;
  *msg = NULL;
  for (;;) {
    if (header_line(in, line, &len) != 0) return LSP_FRAME_EOF;
    if (len == 0) {
      if (lines == 0) continue;   /* stray blank lines between frames */
      break;
    }
    long long v = content_length(line);
    if (v >= 0) n = v;
    else if (v == -2) malformed = 1;
    if (++lines > HEADER_LINES) malformed = 1;
  }
  if (malformed || n < 0) return bad(code, error, LSP_PARSE_ERROR, "no valid Content-Length header");
  if ((unsigned long long)n > LSP_MAX_BODY) {
    if (skip(in, n) != 0) return LSP_FRAME_EOF;
    return bad(code, error, LSP_INVALID_REQUEST, "message too large");
  }
  char *body = mem_alloc((size_t)n + 1);
  if (fread(body, 1, (size_t)n, in) != (size_t)n) {
    free(body);
    return LSP_FRAME_EOF;
  }
  json_error_t je;
  json_t *m = json_loadb(body, (size_t)n, 0, &je);
  free(body);
  if (!m) return bad(code, error, LSP_PARSE_ERROR, "the message is not valid JSON");
  if (!is_message(m)) {
    json_decref(m);
    return bad(code, error, LSP_INVALID_REQUEST, "the message is not a JSON-RPC 2.0 request");
  }
  *msg = m;
  return LSP_FRAME_OK;
}

int lsp_send(FILE *out, json_t *msg) {
  char *body = json_dumps(msg, JSON_COMPACT);
  json_decref(msg);
  if (!body) mem_oom();   /* every value we build is valid: only memory can fail */
  size_t n = strlen(body);
  int r = fprintf(out, "Content-Length: %zu\r\n\r\n", n) < 0 || fwrite(body, 1, n, out) != n || fflush(out) != 0;
  free(body);
  return r ? -1 : 0;
}

static json_t *message(json_t *id) {
  json_t *m = json_object();
  json_object_set_new(m, "jsonrpc", json_string("2.0"));
  json_object_set(m, "id", id ? id : json_null());
  return m;
}

json_t *lsp_result(json_t *id, json_t *result) {
  json_t *m = message(id);
  json_object_set_new(m, "result", result ? result : json_null());
  return m;
}

json_t *lsp_error(json_t *id, int code, const char *text) {
  json_t *m = message(id), *e = json_object();
  json_object_set_new(e, "code", json_integer(code));
  json_object_set_new(e, "message", lsp_string(text, strlen(text)));
  json_object_set_new(m, "error", e);
  return m;
}

json_t *lsp_notification(const char *method, json_t *params) {
  json_t *m = json_object();
  json_object_set_new(m, "jsonrpc", json_string("2.0"));
  json_object_set_new(m, "method", json_string(method));
  json_object_set_new(m, "params", params ? params : json_object());
  return m;
}

json_t *lsp_string(const char *s, size_t n) {
  json_t *j = json_stringn(s, n);
  if (j) return j;
  /* Not UTF-8 (a file read from disk): each bad byte becomes U+FFFD. */
  char *clean = mem_alloc(3 * n + 1);
  size_t o = 0;
  for (size_t i = 0; i < n;) {
    int32_t cp;
    int k = tx_decode((const unsigned char *)s + i, n - i, &cp);
    if (k > 0 && !(cp >= 0xD800 && cp <= 0xDFFF)) {
      memcpy(clean + o, s + i, (size_t)k);
      o += (size_t)k;
      i += (size_t)k;
    } else {
      memcpy(clean + o, "\xEF\xBF\xBD", 3);
      o += 3;
      i++;
    }
  }
  j = json_stringn(clean, o);
  free(clean);
  return j ? j : json_string("\xEF\xBF\xBD");
}
