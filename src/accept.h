/* accept: recording, after review, the fingerprints of the parent
 * directives a plan links to.
 *
 * `check` never writes; `accept` rewrites only the fingerprint after each
 * chosen link (inserting `fingerprint "..."` where there is none) and leaves
 * every other byte of the file as it was. Each file is replaced atomically,
 * keeping its owner, group and permissions; a file the user may not write
 * (read-only, even for root) is refused, and then nothing is written.
 * Layer: check; calls cascade, model, source, mem. */
#ifndef PLANCHECK_ACCEPT_H
#define PLANCHECK_ACCEPT_H

#include "model.h"

/* One link whose fingerprint was (or would have been) rewritten. */
typedef struct ac_change {
  md_link *link;
  const char *before;        /* the recorded fingerprint, "" when none */
  const char *after;         /* the directive's fingerprint now */
  struct ac_change *next;
} ac_change;

typedef struct ac_result {
  ac_change *changes;        /* in document order */
  size_t changed, unchanged; /* links rewritten, links already current */
  size_t files;              /* files rewritten */
} ac_result;

/* Accepts the links of `plan` whose target or whose task has one of the
 * given ids (every link when nids is 0). An id that matches no link or a
 * link to nothing is reported as an error, and when the run has any error
 * nothing is written; a file that cannot be written is reported and left
 * as it was. */
ac_result ac_accept(md_model *m, md_plan *plan, const char *const *ids, size_t nids);

/* The one edit that accepts link l (its target resolved to a directive):
 * replace bytes [*off, *off + *len) of its file with the text returned,
 * as ac_accept would (the language server's code action). */
const char *ac_link_edit(md_model *m, md_link *l, uint32_t *off, uint32_t *len);
/* Whether the line holding `off`, up to it, is written with Vietnamese
 * keywords (what ac_link_edit spells `fingerprint` by). */
int ac_vietnamese_line(const char *data, uint32_t off);

#endif
