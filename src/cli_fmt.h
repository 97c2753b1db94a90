/* cli_fmt: the `fmt` command: `plancheck fmt [-w] [--check]
 * [--keywords=en|vi] FILE|DIR|-...`, each file printed in the layout,
 * rewritten in place when it differs (-w: atomically, keeping owner, mode
 * and links) or listed (--check). A file that does not parse is left as
 * it is, with its errors.
 * Layer: command line; calls fmt, source, outfile and cli. */
#ifndef PLANCHECK_CLI_FMT_H
#define PLANCHECK_CLI_FMT_H

/* Reads argv[first..] (and --lang, --color anywhere); returns the exit
 * status: 0, 1 when a file differs (--check) or does not parse, 2 for a
 * usage error or a file that cannot be read or written. */
int cf_main(int argc, char **argv, int first);

#endif
