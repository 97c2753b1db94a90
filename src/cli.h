/* cli: what every command's argument parsing shares: option values,
 * usage errors and today's date. The command line (main.c) and the
 * language server (lsp.c), which parses its own arguments, both use it.
 * Layer: command line; calls date and lang. */
#ifndef PLANCHECK_CLI_H
#define PLANCHECK_CLI_H

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

#endif
