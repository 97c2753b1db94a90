/* webapi: the WebAssembly build's entry points, called from JavaScript
 * (web/build/api.js); see src/webapi.c. Layer: command line. */
#ifndef PLANCHECK_WEBAPI_H
#define PLANCHECK_WEBAPI_H

#include <stddef.h>

/* main.c's main, renamed in the web build. */
int wb_cli_main(int argc, char **argv);

/* Flushes stdout and stderr. */
void wb_flush(void);
/* `plancheck ARGV...` in process (argv[0] is the program's name): its
 * exit status, its output flushed. */
int wb_run(int argc, char **argv);
/* Starts the language server with `plancheck lsp ARGV...` (argv holds
 * the options only): 0, or the status of a usage error. */
int wb_lsp_start(int argc, char **argv);
/* Hands the server one JSON-RPC message text[0..len): -1 while the server
 * runs, else its exit status (it is then closed). */
int wb_lsp(const char *text, size_t len);
/* What the server wrote for the last message: framed messages. */
const char *wb_lsp_answer(void);
size_t wb_lsp_answer_len(void);

#endif
