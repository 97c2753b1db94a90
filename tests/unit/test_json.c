/* Unit tests of the JSON writer (src/json.c): the three styles, lines of
 * their own, escapes and bad UTF-8, nesting past the limit, and an
 * embedded document. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "mem.h"
#include "unit.h"

typedef struct capture { char *text; size_t len; FILE *f; } capture;

static js_writer *start(capture *c, js_writer *w, int style) {
  c->text = NULL;
  c->f = mem_memstream(&c->text, &c->len);
  js_init(w, c->f, style);
  return w;
}

/* The text written, for one check; freed by the next start's caller. */
static const char *finish(capture *c) {
  mem_close(c->f);
  return c->text;
}

/* {"a": 1, "b": [true, null, "x"], "c": {}} in `style`. */
static const char *sample(int style) {
  static char *last;
  capture c;
  js_writer w;
  start(&c, &w, style);
  js_object(&w);
  js_key(&w, "a");
  js_int(&w, 1);
  js_key(&w, "b");
  js_array(&w);
  js_bool(&w, 1);
  js_cstring(&w, NULL);
  js_cstring(&w, "x");
  js_end(&w);
  js_key(&w, "c");
  js_object(&w);
  js_end(&w);
  js_end(&w);
  free(last);
  return last = (char *)finish(&c);
}

void test_json_styles(void) {
  UT_EQ_STR(sample(JS_COMPACT), "{\"a\":1,\"b\":[true,null,\"x\"],\"c\":{}}");
  UT_EQ_STR(sample(JS_SPACED), "{\"a\": 1, \"b\": [true, null, \"x\"], \"c\": {}}");
  UT_EQ_STR(sample(JS_PRETTY), "{\n  \"a\": 1,\n  \"b\": [\n    true,\n    null,\n    \"x\"\n  ],\n  \"c\": {}\n}");
}

void test_json_lines(void) {
  capture c;
  js_writer w;
  /* The findings' layout: elements on lines, the closer on its own line
   * only when there is one; then a key broken onto a line. */
  start(&c, &w, JS_COMPACT);
  js_object(&w);
  js_key(&w, "d");
  js_array(&w);
  js_lines(&w, 2, 0);
  js_int(&w, 1);
  js_int(&w, 2);
  js_end(&w);
  js_key(&w, "e");
  js_array(&w);
  js_lines(&w, 2, 0);
  js_end(&w);
  js_newline(&w, 1);
  js_key(&w, "f");
  js_fixed(&w, 0.1254, 3);
  js_end(&w);
  char *t = (char *)finish(&c);
  UT_EQ_STR(t, "{\"d\":[\n  1,\n  2\n],\"e\":[],\n \"f\":0.125}");
  free(t);
  /* A closer forced onto a line even when the array is empty. */
  start(&c, &w, JS_SPACED);
  js_array(&w);
  js_lines(&w, 2, JS_SAME);
  js_newline(&w, 0);
  js_end(&w);
  t = (char *)finish(&c);
  UT_EQ_STR(t, "[\n]");
  free(t);
}

void test_json_strings(void) {
  capture c;
  js_writer w;
  start(&c, &w, JS_COMPACT);
  js_array(&w);
  js_string(&w, "a\"b\\c\n\t\r\x01\x7f", 10);
  js_cstring(&w, "Tuy Phước");
  js_string(&w, "x\xff" "y\xc3", 4);   /* a stray byte, then a sequence cut short */
  js_string(&w, "nul\0in", 6);
  js_real(&w, NAN);
  js_real(&w, 2.5);
  js_int(&w, -9007199254740993LL);
  js_end(&w);
  char *t = (char *)finish(&c);
  UT_EQ_STR(t, "[\"a\\\"b\\\\c\\n\\t\\r\\u0001\\u007f\",\"Tuy Phước\",\"x\\ufffdy\\ufffd\",\"nul\\u0000in\","
               "null,2.5,-9007199254740993]");
  free(t);
}

/* Containers nested past JS_MAXDEPTH become one null; the document stays
 * whole and balanced. */
void test_json_depth(void) {
  capture c;
  js_writer w;
  start(&c, &w, JS_COMPACT);
  for (int i = 0; i < JS_MAXDEPTH + 5; i++) {
    js_array(&w);
    js_int(&w, i);
  }
  for (int i = 0; i < JS_MAXDEPTH + 5; i++) js_end(&w);
  js_end(&w);   /* one too many: ignored */
  char *t = (char *)finish(&c);
  size_t open = 0, close = 0, nulls = 0;
  for (const char *p = t; *p; p++) open += *p == '[', close += *p == ']';
  for (const char *p = t; (p = strstr(p, "null")); p++) nulls++;
  UT_EQ_INT(open, JS_MAXDEPTH);
  UT_EQ_INT(close, JS_MAXDEPTH);
  UT_EQ_INT(nulls, 1);
  UT_CHECK(strstr(t, ",null]") != NULL);
  free(t);
}

/* Another writer's document as a value, as the report embeds the coverage. */
void test_json_external(void) {
  capture c;
  js_writer w, inner;
  start(&c, &w, JS_PRETTY);
  js_object(&w);
  js_key(&w, "a");
  js_external(&w);
  js_init(&inner, c.f, JS_COMPACT);
  js_array(&inner);
  js_int(&inner, 1);
  js_end(&inner);
  js_key(&w, "b");
  js_int(&w, 2);
  js_end(&w);
  char *t = (char *)finish(&c);
  UT_EQ_STR(t, "{\n  \"a\": [1],\n  \"b\": 2\n}");
  free(t);
}
