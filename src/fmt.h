/* fmt: the canonical layout of a plan file, for `plancheck fmt` and the
 * language server's formatting.
 *
 * The layout is a function of the file's tokens, comments and blank-line
 * groups only: every statement on a line of its own, indented two spaces
 * per open block; a task's attributes (by, due, implements, ...) and its
 * further paragraphs on lines of their own one step in; a block's `{` at
 * the end of the line that opens it and its `}` alone; one space between
 * the words of a line (none before a comma or `%`). Comments stay where
 * they were, on their own line or after the code of theirs; a run of
 * blank lines becomes one (none after a `{`, before a `}`, or at the ends
 * of the file); line ends are LF. The text of every string, identifier,
 * label, date and number is copied byte for byte; keywords keep their
 * spelling unless asked for English or Vietnamese ones (planwrite's
 * spellings). The result is lexed again and must give the same tokens, so
 * the model it parses to is the same: a formatter bug is reported, never
 * written. Layer: report; calls lexer, parse, model, source, planwrite,
 * diag, arena, mem. */
#ifndef PLANCHECK_FMT_H
#define PLANCHECK_FMT_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "diag.h"

typedef enum fm_keywords { FM_KEEP, FM_ENGLISH, FM_VIETNAMESE } fm_keywords;

/* The canonical layout of a plan file's bytes text[0..n): 0 and the
 * result in *out (arena) when it lexes and parses cleanly; else -1 with
 * the errors in `diags` (located in file `file`), and nothing written.
 * Only lexical and syntax errors stop it: a plan whose bodies or levels
 * are wrong has a layout too (`check` tells what is wrong). *out is
 * NUL-terminated; *outn does not count the NUL. */
int fm_format(ar_arena *a, const char *text, size_t n, uint32_t file, dg_list *diags, fm_keywords kw,
              const char **out, size_t *outn);

#endif
