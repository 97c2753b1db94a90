/* cli_import: the `import` command: `plancheck import FILE|- [-o OUT
 * [--force]] [--parent FILE] [-I DIR]`, the draft plan of a document
 * (Word, PDF, text or Markdown; - reads standard input), to standard
 * output or written whole to OUT (never over a file without --force),
 * with the likeliest links proposed when a parent is found.
 * Layer: command line; calls import, docx, pdftext, resolve, outfile and
 * cli. */
#ifndef PLANCHECK_CLI_IMPORT_H
#define PLANCHECK_CLI_IMPORT_H

/* Reads argv[first..] (and --lang, --color anywhere); returns the exit
 * status: 0 with a draft, 1 when the document gives none, 2 for a usage
 * error. */
int ci_main(int argc, char **argv, int first);

#endif
