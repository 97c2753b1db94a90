/* Tests of lsp_doc: LSP positions (UTF-16 units) against byte offsets,
 * edits of a document, and file: URIs; and of lsp_rpc's framing. */
#include <stdlib.h>

#include "lsp_doc.h"
#include "lsp_rpc.h"
#include "unit.h"

/* "Kế" is K (1 byte) + ế (3 bytes, one unit); 𝔸 is 4 bytes, two units. */
void test_lsp_positions(void) {
  const char *t = "Kế hoạch\r\n𝔸b\rx\n\nlast";
  lsp_lines l;
  lsp_lines_init(&l, t, strlen(t));
  UT_EQ_INT(l.count, 5);
  lsp_pos p = lsp_position(&l, 4);                  /* after "Kế" */
  UT_EQ_INT(p.line, 0);
  UT_EQ_INT(p.character, 2);
  p = lsp_position(&l, 2);                          /* inside ế: its start */
  UT_EQ_INT(p.character, 1);
  p = lsp_position(&l, 12);                         /* between CR and LF: line end */
  UT_EQ_INT(p.line, 0);
  UT_EQ_INT(p.character, 8);
  size_t b = strchr(t, 'b') - t;
  p = lsp_position(&l, b);                          /* after the astral letter */
  UT_EQ_INT(p.line, 1);
  UT_EQ_INT(p.character, 2);
  p = lsp_position(&l, strlen(t));
  UT_EQ_INT(p.line, 4);
  UT_EQ_INT(p.character, 4);
  UT_EQ_INT(lsp_offset(&l, (lsp_pos){ 1, 2 }), b);
  UT_EQ_INT(lsp_offset(&l, (lsp_pos){ 1, 1 }), b - 4);   /* inside the pair: its start */
  UT_EQ_INT(lsp_offset(&l, (lsp_pos){ 0, 99 }), 12);     /* past the line's end */
  UT_EQ_INT(lsp_offset(&l, (lsp_pos){ 2, 0 }), b + 2);   /* after a lone CR */
  UT_EQ_INT(lsp_offset(&l, (lsp_pos){ 99, 0 }), strlen(t));
  /* Positions found in order on one line continue from each other, and
   * going back starts again. */
  p = lsp_position(&l, 8);                          /* inside ạ: its start */
  UT_EQ_INT(p.character, 5);
  p = lsp_position(&l, 1);
  UT_EQ_INT(p.character, 1);
  lsp_lines_free(&l);
  /* A byte that is not UTF-8 is one unit. */
  const char *bad = "a\xff\xfe" "b";
  lsp_lines_init(&l, bad, 4);
  UT_EQ_INT(lsp_position(&l, 3).character, 3);
  UT_EQ_INT(lsp_offset(&l, (lsp_pos){ 0, 2 }), 2);
  lsp_lines_free(&l);
}

void test_lsp_edits(void) {
  lsp_docs d;
  lsp_docs_init(&d);
  lsp_doc *doc = lsp_doc_open(&d, "file:///tmp/k%E1%BA%BF%20ho%E1%BA%A1ch.plan", "task \"Kế\"\nx\n", 14, 1);
  UT_EQ_STR(doc->path, "/tmp/kế hoạch.plan");
  UT_CHECK(doc->is_file);
  lsp_pos a = { 0, 8 }, b = { 1, 1 };   /* from after "Kế" to after x */
  UT_EQ_INT(lsp_doc_edit(doc, &a, &b, "ế", 3), 0);
  UT_EQ_STR(doc->text, "task \"Kếế\n");
  UT_EQ_INT(lsp_doc_edit(doc, &b, &a, "", 0), -1);       /* backwards */
  lsp_pos e = { 5, 0 };                                 /* past the end: appends */
  UT_EQ_INT(lsp_doc_edit(doc, &e, &e, "y", 1), 0);
  UT_EQ_STR(doc->text, "task \"Kếế\ny");
  UT_EQ_INT(lsp_doc_edit(doc, NULL, NULL, "whole", 5), 0);
  UT_EQ_STR(doc->text, "whole");
  UT_EQ_INT(doc->lines.count, 1);
  lsp_doc_close(doc);
  UT_CHECK(!doc->open);
  UT_CHECK(lsp_doc_find(&d, "file:///tmp/k%E1%BA%BF%20ho%E1%BA%A1ch.plan") == doc);
  UT_CHECK(lsp_doc_open(&d, "untitled:Untitled-1", "", 0, 1)->is_file == 0);
  lsp_docs_free(&d);
}

void test_lsp_uris(void) {
  ar_arena a;
  ar_init(&a);
  UT_EQ_STR(lsp_uri_path(&a, "file:///a/b%2Fc%zz"), "/a/b/c%zz");
  UT_EQ_STR(lsp_uri_path(&a, "file://localhost/x.plan"), "/x.plan");
  UT_CHECK(lsp_uri_path(&a, "file://host/x.plan") == NULL);
  UT_CHECK(lsp_uri_path(&a, "file:///a%00b") == NULL);
  UT_CHECK(lsp_uri_path(&a, "untitled:1") == NULL);
  UT_EQ_STR(lsp_path_uri(&a, "/nonexistent dir/kế.plan"), "file:///nonexistent%20dir/k%E1%BA%BF.plan");
  UT_EQ_STR(lsp_uri_path(&a, lsp_path_uri(&a, "/nonexistent dir/kế.plan")), "/nonexistent dir/kế.plan");
  ar_free(&a);
}

/* Frames read from a stream: good, bad JSON, a bad header, the end. */
void test_lsp_frames(void) {
  lsp_json_init();
  const char *in = "Content-Length: 39\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"a\"}  "
                   "content-length:  3\r\nContent-Type: x\r\n\r\n{x}"
                   "Content-Length: 2\r\n\r\n[]"
                   "Content-Length: 9x\r\n\r\n"
                   "Content-Length: 99\r\n\r\n{";
  FILE *f = fmemopen((void *)in, strlen(in), "r");
  json_t *m;
  int code;
  const char *why;
  UT_EQ_INT(lsp_read(f, &m, &code, &why), LSP_FRAME_OK);
  UT_EQ_STR(json_string_value(json_object_get(m, "method")), "a");
  json_decref(m);
  UT_EQ_INT(lsp_read(f, &m, &code, &why), LSP_FRAME_BAD);
  UT_EQ_INT(code, LSP_PARSE_ERROR);
  UT_EQ_INT(lsp_read(f, &m, &code, &why), LSP_FRAME_BAD);
  UT_EQ_INT(code, LSP_INVALID_REQUEST);
  UT_EQ_INT(lsp_read(f, &m, &code, &why), LSP_FRAME_BAD);
  UT_EQ_STR(why, "no valid Content-Length header");
  UT_EQ_INT(lsp_read(f, &m, &code, &why), LSP_FRAME_EOF);
  fclose(f);
  json_t *s = lsp_string("a\xff" "b", 3);
  UT_EQ_STR(json_string_value(s), "a\xEF\xBF\xBD" "b");
  json_decref(s);
}
