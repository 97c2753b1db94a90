/* lsp_srv: the language server's state, shared by lsp.c (protocol,
 * documents, diagnostics), lsp_feat.c (hover, definition, completion) and
 * lsp_edit.c (formatting, code actions). Not a public interface.
 * Layer: command line; calls session, model, lsp_doc, lsp_rpc. */
#ifndef PLANCHECK_LSP_SRV_H
#define PLANCHECK_LSP_SRV_H

#include <stdio.h>
#include <sys/types.h>

#include "lsp_doc.h"
#include "lsp_rpc.h"
#include "model.h"
#include "session.h"

typedef struct lsp_server {
  FILE *in, *out;
  lsp_docs docs;
  int initialized, shut_down;
  int dirty;                 /* a document changed since the last check */
  int watch;                 /* the client lets us register file watchers */
  ss_options opts;
  ar_arena scratch;          /* one message's answer */
  /* The last check: every open document, in memory. */
  ss_session *session;
  lsp_doc **checked;         /* the documents given to it (files[i]) */
  char **snapshot;           /* their texts as checked (the session reads them) */
  size_t nchecked, cap_checked;
  uint32_t *doc_file;        /* the session's file of checked[i] (UINT32_MAX: none) */
  lsp_doc **file_doc;        /* the checked document of each session file */
  const char **file_uri;     /* the URI of each session file, made on demand */
  ar_arena uri_arena;        /* those URIs */
  size_t nfile_doc;
  lsp_lines *lines;          /* per file of the session, built on demand */
  size_t nlines;
  /* URIs of files not open that got diagnostics from the last check, to
   * clear them when the next has none. */
  char **published;
  size_t npublished;
  /* The text checks (deadline-in-text, link-weak) and rule scripts of a
   * large check run in a child process after the rest is published (see
   * lsp.c). */
  int text_checks;           /* wanted at all (--no-text-checks: 0) */
  int no_rules;              /* --no-rules */
  long split_ms;             /* a full check slower than this is split */
  double full_ms;            /* how long the last full check took */
  int split;                 /* the last check left the text checks to a child */
  pid_t bg_pid;              /* that child, or 0 */
  int bg_fd;                 /* its pipe, or -1 */
  char *bg_buf;              /* what it has written so far */
  size_t bg_len, bg_cap;
  double bg_start;
} lsp_server;

/* The model of the last check (after checking again if a document
 * changed), or NULL when nothing is open. */
md_model *lsp_model(lsp_server *s);
/* The session's file of an open document, or UINT32_MAX. */
uint32_t lsp_doc_file(lsp_server *s, const lsp_doc *doc);
/* The open document of a session file, or NULL. */
lsp_doc *lsp_file_doc(lsp_server *s, uint32_t file);
/* The URI of a session file (the editor's for an open document), in the
 * scratch arena; NULL for a file with no place on disk (the embedded
 * standard library). */
const char *lsp_file_uri(lsp_server *s, uint32_t file);
/* {"start":..., "end":...} of bytes [off, off + len) of a session file. */
json_t *lsp_range(lsp_server *s, uint32_t file, uint32_t off, uint32_t len);
/* {"uri":..., "range":...}, or NULL (see lsp_file_uri). */
json_t *lsp_location(lsp_server *s, uint32_t file, uint32_t off, uint32_t len);
/* The document and byte offset a request's textDocument and position
 * name; NULL when the document is not open or the params are wrong. */
lsp_doc *lsp_params_doc(lsp_server *s, json_t *params, size_t *off);
/* A position object {"line":L,"character":C}: 0 and *p, or -1. */
int lsp_params_pos(json_t *pos, lsp_pos *p);

/* The answers (NULL result: null). */
json_t *lsp_hover(lsp_server *s, json_t *params);
json_t *lsp_definition(lsp_server *s, json_t *params);
json_t *lsp_completion(lsp_server *s, json_t *params);
/* Formatting and code actions: *error set (a text for the user) when
 * the request cannot be answered. */
json_t *lsp_formatting(lsp_server *s, json_t *params, const char **error);
json_t *lsp_code_actions(lsp_server *s, json_t *params);

/* The codes of the text checks (after a whole check, each doc's state
 * keeps those found, carried into the diagnostics of a split check). */
int lsp_text_code(const char *code);

#endif
