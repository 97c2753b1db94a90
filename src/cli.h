/* cli: what the commands share: option values, usage errors, today's
 * date, the colour mode, standard input read whole, and the plan files
 * below a directory. The command line (main.c), the commands that parse
 * their own arguments (cli_import.c, cli_fmt.c) and the language server
 * (lsp.c) use it.
 * Layer: command line; calls date, lang, mem and source. */
#ifndef PLANCHECK_CLI_H
#define PLANCHECK_CLI_H

#include <stddef.h>

#include "date.h"

/* Exit statuses: 0 clean, 1 findings, 2 usage or I/O failure. */
enum { CL_CLEAN = 0, CL_FINDINGS = 1, CL_USAGE = 2 };

/* The value of "--name=value" or "--name value" at argv[*i] (advancing *i
 * past the latter), or NULL when argv[*i] is not that option. */
const char *cl_option_value(int argc, char **argv, int *i, const char *name);

/* "plancheck: " and fmt (one %s: arg) on stderr, then the hint to read
 * --help; returns CL_USAGE. */
int cl_usage(const char *fmt, const char *arg);

/* Today in the local time zone (0 when the clock cannot be read). */
dt_day cl_today(void);

/* --color=MODE: -1 auto, 0 never, 1 always; -2 for anything else. */
int cl_color_mode(const char *v);

/* Whether findings on stderr are coloured: the mode, or when it is auto,
 * a terminal and no NO_COLOR. */
int cl_use_color(int mode);

/* Standard input, whole, into *data (malloc'd), reading at most one byte
 * over `limit` (so that the caller can tell the user it is too large).
 * Returns 0 or an errno. */
int cl_read_stdin(char **data, size_t *n, size_t limit);

/* The files given, each directory replaced by the *.plan files below it
 * (malloc'd, as is each string). A directory that cannot be read, or has
 * no plan, is kept as it is, for the loader to report. */
const char **cl_expand(const char **files, size_t *n);

#endif
