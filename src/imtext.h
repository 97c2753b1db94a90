/* imtext: a document's text as an import reader gives it, before the
 * importer reads its structure (src/import.c).
 *
 * Every route into `plancheck import` ends here: a Word document
 * (src/docx.c: one line per paragraph, its automatic numbering written out
 * as printed, a table's rows and cells marked), a PDF (src/pdftext.c: the lines of the text layer, running
 * headers, footers and page numbers dropped), and text or Markdown as
 * office software and converters write them (src/import.c: a line with
 * tabs is a table's row pasted from Word, split at them). The flags say
 * what a reader knows that plain text does not, so that the importer joins
 * lines only where the paragraph's end is unknown, and the three routes
 * give the same draft for the same document. Layer: base; calls arena,
 * source (for the reasons a file cannot be read). */
#ifndef PLANCHECK_IMTEXT_H
#define PLANCHECK_IMTEXT_H

#include <stddef.h>

#include "arena.h"

enum {
  IM_WHOLE = 1,              /* a whole paragraph (docx): never joined with
                                the line after it */
  IM_PAGE = 2,               /* the first line of a page (pdf, or after a
                                page break in a Word document) */
  IM_BOLD = 4,               /* all of its letters are bold (docx) */
  IM_CELL = 8,               /* it comes from a Word table cell (the
                                two-column heading block of a party
                                document, a table of tasks) */
  IM_ROW = 16,               /* the first line of a table's row: a Word
                                row, or a text line with tabs (a row pasted
                                from Word, split at its tabs) */
  IM_NEXTCELL = 32,          /* the first line of a later cell of that row
                                (a Word cell may hold several paragraphs; a
                                pasted cell is one line, empty ones kept) */
};

typedef struct im_line {
  const char *text;          /* UTF-8, no line break; not NUL-terminated */
  size_t n;
  unsigned flags;            /* IM_* */
} im_line;

typedef struct im_text {
  im_line *v;
  size_t n, cap;
} im_text;

/* Appends a line; the text is copied into the arena. */
void im_add(ar_arena *a, im_text *t, const char *s, size_t n, unsigned flags);

/* Opens `path` read-only for a reader, close-on-exec: a regular file only
 * (a FIFO would block, a device never end). Returns the descriptor, or -1
 * with *error the reason, translated (src_status_text). */
int im_open(const char *path, const char **error);

#endif
