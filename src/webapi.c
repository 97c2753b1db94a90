/* webapi: the entry points of the WebAssembly build (`make web`), which
 * web/build/api.js wraps as pc.run and pc.lsp.
 *
 * wb_run is the command line in process: main (main.c, renamed
 * wb_cli_main when compiled for the web) with the page's argv, the
 * streams flushed after it and standard input rewound for the next run
 * (api.js feeds stdin and gathers stdout and stderr byte by byte).
 * wb_lsp hands one JSON-RPC message to a language server kept between
 * calls (lsp.h's lsp_step, framed through a memory stream, since the
 * browser has no pipe to read) and returns what the server wrote, still
 * framed; api.js splits the frames.
 *
 * libzip and libxml2 are not compiled for the web yet: dx_read and
 * pf_read (docx.h, pdftext.h) are replaced here by readers that say so,
 * and the page imports text pasted from Word. Compiled only by emcc (the
 * native build leaves this file out). Layer: command line; calls lsp,
 * mem, lang, cli. */
#include "webapi.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <emscripten.h>

#include "cli.h"
#include "docx.h"
#include "lang.h"
#include "lsp.h"
#include "pdftext.h"
#include "mem.h"

static lsp_server *server;
static char server_lang[16];  /* its --lang, or "": the environment's (English) */
static char *answer;          /* what the server wrote for the last message */
static size_t answer_len;

EMSCRIPTEN_KEEPALIVE void wb_flush(void) {
  fflush(stdout);
  fflush(stderr);
}

EMSCRIPTEN_KEEPALIVE int wb_run(int argc, char **argv) {
  clearerr(stdin);
  int status = wb_cli_main(argc, argv);
  wb_flush();
  return status;
}

EMSCRIPTEN_KEEPALIVE int wb_lsp_start(int argc, char **argv) {
  if (server) lsp_close(server);
  /* pc.run sets the language of each run: the server's is set again
   * before each message. */
  server_lang[0] = '\0';
  for (int i = 0; i < argc; i++) {
    const char *v = cl_option_value(argc, argv, &i, "--lang");
    if (v) snprintf(server_lang, sizeof server_lang, "%s", v);
  }
  lg_init(server_lang[0] ? server_lang : NULL, NULL);
  int status;
  server = lsp_open(argc, argv, 0, &status);
  wb_flush();
  return server ? 0 : status ? status : 1;
}

EMSCRIPTEN_KEEPALIVE int wb_lsp(const char *text, size_t len) {
  free(answer);
  answer = NULL;
  answer_len = 0;
  FILE *out = open_memstream(&answer, &answer_len);
  if (!out) mem_oom();
  if (!server) {
    fclose(out);
    return 1;
  }
  size_t head = 64;
  char *frame = mem_alloc(head + len);
  int n = snprintf(frame, head, "Content-Length: %zu\r\n\r\n", len);
  memcpy(frame + n, text, len);
  FILE *in = fmemopen(frame, (size_t)n + len, "r");
  if (!in) mem_oom();
  lg_init(server_lang[0] ? server_lang : NULL, NULL);
  int status = lsp_step(server, in, out);
  if (status < 0) lsp_settle(server, out);
  else {
    lsp_close(server);
    server = NULL;
  }
  fclose(in);
  free(frame);
  if (fclose(out) != 0) mem_oom();
  wb_flush();
  return status;
}

EMSCRIPTEN_KEEPALIVE const char *wb_lsp_answer(void) { return answer ? answer : ""; }
EMSCRIPTEN_KEEPALIVE size_t wb_lsp_answer_len(void) { return answer_len; }

/* ---- import: documents this build cannot open ---- */

int dx_read(ar_arena *a, const char *path, im_text *out, const char **error) {
  (void)a, (void)path, (void)out;
  *error = _("this build cannot open Word documents yet: copy the text from Word and paste it");
  return -1;
}

int pf_read(ar_arena *a, const char *path, im_text *out, const char **error) {
  (void)a, (void)path, (void)out;
  *error = _("this build cannot open PDF documents: copy the text and paste it");
  return -1;
}
