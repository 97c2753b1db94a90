/* lsp_doc: the language server's documents (the editor's text of each
 * open file, changed in place by the edits it sends), positions as LSP
 * counts them, and file: URIs.
 *
 * LSP positions count UTF-16 code units on lines ended by LF, CR LF or CR;
 * plancheck counts bytes (offsets) and code points (columns). Every
 * conversion goes through a line table (lsp_lines), and the position of
 * an offset continues from the previous one on the same line, so that a
 * thousand findings on one long line cost one walk of it, not a thousand.
 * A byte that is not UTF-8 counts as one unit, as the editor shows it (one
 * U+FFFD). Layer: command line (the language server); calls mem, arena,
 * index, text. */
#ifndef PLANCHECK_LSP_DOC_H
#define PLANCHECK_LSP_DOC_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "index.h"

typedef struct lsp_pos {
  uint32_t line, character;  /* 0-based; character in UTF-16 code units */
} lsp_pos;

typedef struct lsp_lines {
  const char *p;             /* the text (not owned) */
  size_t n;
  uint32_t *starts;          /* offset of each line's first byte (malloc'd) */
  size_t count;
  /* The last position found: the next on the same line, further on,
   * continues from it. */
  size_t last_line, last_off, last_units;
} lsp_lines;

/* Builds the table of text p[0..n) (n < 4 GiB, as every plan). */
void lsp_lines_init(lsp_lines *l, const char *p, size_t n);
void lsp_lines_free(lsp_lines *l);
/* The position of byte offset `off` (clamped to n); an offset inside a
 * character is its start. */
lsp_pos lsp_position(lsp_lines *l, size_t off);
/* The offset of position p: a line past the end is the end of the text, a
 * character past the end of its line the line's end (before its line
 * break), as the protocol says; inside a surrogate pair, the character's
 * start. */
size_t lsp_offset(const lsp_lines *l, lsp_pos p);

typedef struct lsp_doc {
  const char *uri;           /* as the client spells it (in the store's arena) */
  const char *path;          /* the file's path (file: URIs), else the URI */
  int is_file;
  int open;
  long long version;
  char *text;                /* malloc'd, NUL-terminated */
  size_t len, cap;
  lsp_lines lines;
  void *state;               /* the server's, for this document */
  void *shown;               /* the server's too */
} lsp_doc;

typedef struct lsp_docs {
  ar_arena arena;
  ix_table by_uri;
  lsp_doc **all;             /* every document ever opened, in order */
  size_t n, cap;
} lsp_docs;

void lsp_docs_init(lsp_docs *d);
void lsp_docs_free(lsp_docs *d);
/* The document of `uri`, open or closed, or NULL when never opened. */
lsp_doc *lsp_doc_find(lsp_docs *d, const char *uri);
/* Opens `uri` with text[0..n) (replacing the text if it is open already). */
lsp_doc *lsp_doc_open(lsp_docs *d, const char *uri, const char *text, size_t n, long long version);
/* Forgets the text (the entry stays, for a later didOpen). */
void lsp_doc_close(lsp_doc *doc);
/* Replaces the range [from, to) (positions) with text[0..n); a NULL range
 * replaces everything. -1 when `from` comes after `to`. */
int lsp_doc_edit(lsp_doc *doc, const lsp_pos *from, const lsp_pos *to, const char *text, size_t n);

/* The path of a file: URI (percent-decoding it), in the arena; NULL for
 * another scheme, a host other than localhost, or an encoded NUL. */
const char *lsp_uri_path(ar_arena *a, const char *uri);
/* The file: URI of `path` (made absolute from the working directory), in
 * the arena. */
const char *lsp_path_uri(ar_arena *a, const char *path);

#endif
