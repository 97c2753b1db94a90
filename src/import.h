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
 * With the parent plan loaded, each task also gets the likeliest
 * `implements` as comments to review (imp_propose, from suggest's
 * ranking). Layer: command line (the `import` command's work below
 * main.c); calls arena, text, index, imtext, planwrite, model, resolve,
 * deadline, cascade, suggest, lang, and utf8proc for letter case. */
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

enum { IMP_PROPOSALS = 3 };   /* links proposed per task */

/* The likeliest `implements` of one task of a draft, best first. */
typedef struct imp_proposal {
  const char *ids[IMP_PROPOSALS];   /* "12-KH/TW:IV.4.2" */
  double scores[IMP_PROPOSALS];
  size_t n;
} imp_proposal;

/* The proposals for the tasks of a draft, in the order it writes them. */
typedef struct imp_links {
  imp_proposal *v;
  size_t n;
} imp_links;

typedef struct imp_options {
  const rs_options *ro;        /* where the body library is read from */
  const char *source;          /* the document's name, for the header
                                  comment ("-" for standard input) */
  int vi;                      /* Vietnamese keywords */
  const char *parent_key;      /* a parent the user names (--parent), or
                                  NULL: written as `implements` too */
  const imp_links *links;      /* proposals to write, or NULL */
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

/* The key of the plan that the file at path declares, or NULL with
 * *error a translated message. Loads it with its parents. */
const char *imp_plan_key(ar_arena *a, const char *path, const rs_options *ro, const char **error);

/* For each task of the draft (the text imp_draft wrote), the parent
 * directives whose suggestion ranking (sg_rank) puts it among their
 * likeliest tasks, best first: a proposal to review, never a link.
 * Nothing when no parent the draft implements is found. The draft is
 * read from memory, its parents through -I and PLANPATH only: nothing
 * is written, and no directory near it is searched. */
void imp_propose(ar_arena *a, const char *draft, size_t n, const rs_options *ro, imp_links *out);

#endif
