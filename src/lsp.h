/* lsp: `plancheck lsp`, a Language Server Protocol server over stdio.
 *
 * Diagnostics are every finding of `check` on the open documents (each
 * change checks them again through session.h, the editor's unsaved text
 * winning over the files on disk), with the notes as related locations;
 * hover, go-to-definition, completion, formatting (fmt.h) and code actions
 * read the model of the last check. The protocol is in lsp_rpc, the
 * documents and positions in lsp_doc, the server in lsp.c, the answers
 * that read the model in lsp_feat.c and the edits in lsp_edit.c.
 * Layer: command line; calls session, fmt, accept, suggest, model. */
#ifndef PLANCHECK_LSP_H
#define PLANCHECK_LSP_H

#include <stdio.h>

/* Runs the server on stdin/stdout with the options in argv[first..argc)
 * (-I DIR, --stdlib DIR, --no-rules, --rules FILE, -W..., --as-of DATE,
 * --stdio). Returns the exit status: 0 after shutdown and exit, 1 when the
 * stream ended or exit came without shutdown, 2 for a usage error. */
int lsp_main(int argc, char **argv, int first);

/* The same server one message at a time, for a host with no stdin (the
 * WebAssembly build, src/webapi.c). lsp_open parses the options as
 * lsp_main does: NULL with *status set (0 after --help, 2 for a usage
 * error), or the server. lsp_step reads one framed message from `in`
 * and writes the answers and notifications to `out` (first checking the
 * documents again when a change is waiting and `in` has nothing more
 * queued); -1 to go on, else the exit status (the stream ended, or
 * exit). lsp_settle checks a change now, its diagnostics to `out`. */
typedef struct lsp_server lsp_server;
lsp_server *lsp_open(int argc, char **argv, int first, int *status);
int lsp_step(lsp_server *s, FILE *in, FILE *out);
void lsp_settle(lsp_server *s, FILE *out);
void lsp_close(lsp_server *s);

/* Its paragraph of --help (`plancheck --help` and `plancheck lsp --help`). */
#define LSP_HELP \
  N_("plancheck lsp [-I DIR]... [--stdlib DIR] [--rules FILE]... [--no-rules] [-W...]\n" \
     "              [--werror] [--as-of DATE] [--no-text-checks] [--split-after MS]\n" \
     "  a language server (LSP) over standard input and output for editors: the\n" \
     "  findings of check as a plan is typed, hover, definition, completion,\n" \
     "  formatting and quick fixes; docs/LSP.md.\n")

#endif
