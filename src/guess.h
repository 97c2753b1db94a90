/* guess: the bodies a name that names none may have meant ("did you mean").
 *
 * A name is compared without diacritics and case (tx_fold_bare): "Ban to
 * chuc tinh uy" is "Ban Tổ chức Tỉnh ủy". Each name of each body (and its
 * identifier, split at '_') is indexed by its words; a query scores the
 * names that share its words (Dice: twice the words shared over the words
 * of both), reading the postings of its rarest words first and at most
 * GS_BUDGET of them, so a query costs the same however many bodies share
 * its common words ("ban", "uy"). Layer: model; calls text, index, arena. */
#ifndef PLANCHECK_GUESS_H
#define PLANCHECK_GUESS_H

#include <stddef.h>

#include "model.h"

enum { GS_BUDGET = 1024, GS_MAX = 3 };

typedef struct gs_index gs_index;

/* One candidate: a body, and the standard file it is declared in when
 * the plan does not use that file (NULL when the body is loaded). */
typedef struct gs_hit {
  sl_slice id, name;
  const char *where;
} gs_hit;

gs_index *gs_new(ar_arena *a);

/* Indexes a body under its identifier and its names, keyed by `key`
 * (md_name_key of each name: abbreviations expanded). `where`: as in
 * gs_hit. Names must stay valid as long as the index. */
void gs_add_name(gs_index *g, sl_slice id, sl_slice name, sl_slice key, const char *where);

/* The bodies nearest to `text` (a name, or an identifier), best first,
 * at most GS_MAX of them and none that share too little; returns how many. */
size_t gs_nearest(gs_index *g, sl_slice text, gs_hit out[GS_MAX]);

#endif
