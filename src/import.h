/* import: from a document's text to a draft plan (`plancheck import`).
 *
 * Offices have their plans as Word documents, PDFs or text pasted from
 * either; retyping one into the plan language is where adoption stops.
 * Every reader gives the importer the same thing, the lines of the
 * document (imtext.h): this module reads text and Markdown itself
 * (imp_read_text), and turns lines into a draft (imp_draft): paragraphs
 * joined where a line or page break cut one, the header (kind, number,
 * date, place, issuer, level, signer, role, recipients, the parents the
 * basis paragraph names), sections with the document's own numbering,
 * every task verbatim, owner headings and the bodies a task names first
 * through the body library, and every deadline phrase the finder reads
 * (dl_find) as a `due`. What it cannot decide it leaves out, with a
 * comment the user reads; it never presents a guess as fact.
 * Layer: command line (the `import` command's work below main.c); calls
 * arena, text, imtext, planwrite, model, resolve, deadline, lang. */
#ifndef PLANCHECK_IMPORT_H
#define PLANCHECK_IMPORT_H

#include <stdio.h>

#include "arena.h"
#include "imtext.h"
#include "resolve.h"

enum {
  IMP_MAX_INPUT = 64u << 20,   /* bytes of text read: a plan is < 1 MB */
  IMP_MAX_LINE = 1u << 20,     /* bytes of one paragraph, joined */
};

typedef struct imp_options {
  const rs_options *ro;        /* where the body library is read from */
  const char *source;          /* the document's name, for the header
                                  comment ("-" for standard input) */
  int vi;                      /* Vietnamese keywords */
} imp_options;

/* The lines of a text or Markdown document data[0..n) as office software
 * and converters write them: UTF-8 (a byte order mark is dropped), in
 * NFC, a form feed starting a page (IM_PAGE). Returns 0, or -1 with
 * *error a translated message (not UTF-8, too large). */
int imp_read_text(ar_arena *a, const char *data, size_t n, im_text *out, const char **error);

/* Writes the draft plan of the document t to out. Returns 0, or -1 with
 * *error a translated message (a document with no section the importer
 * can read). */
int imp_draft(ar_arena *a, const im_text *t, const imp_options *o, FILE *out, const char **error);

#endif
