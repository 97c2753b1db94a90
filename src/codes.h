/* codes: the catalogue of the codes plancheck's own checks give their
 * findings (every code the C code passes to dg_add), each with a short
 * description, a full description and help on what to do about it, for
 * outputs that describe their rules (SARIF's tool.driver.rules). The Lua
 * rules describe themselves (ru_def.description). The texts are marked
 * for translation and translated by the caller, at use (_()).
 * Layer: base; calls diag (severities only). */
#ifndef PLANCHECK_CODES_H
#define PLANCHECK_CODES_H

#include <stddef.h>

#include "diag.h"

typedef struct cd_code {
  const char *id;            /* the finding code, e.g. "numbering-duplicate" */
  dg_severity severity;      /* the severity it usually has */
  const char *summary;       /* one line (N_(): translate at use) */
  const char *description;   /* what it finds and why it matters */
  const char *help;          /* what to do about it */
} cd_code;

/* The codes, in order of their ids (strcmp). */
size_t cd_count(void);
const cd_code *cd_at(size_t i);
/* The code named `id`, or NULL (a Lua rule's, or unknown); its index in
 * *index when found and index is not NULL. */
const cd_code *cd_find(const char *id, size_t *index);

#endif
