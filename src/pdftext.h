/* pdftext: the lines of a PDF's text layer, as an import reader gives them.
 *
 * The text comes from poppler's pdftotext (Debian package poppler-utils),
 * run without a shell on the open file (its standard input), its output
 * read through a pipe with a size cap and a time limit. It runs with -raw,
 * the order in which the page draws its text (reading order in the PDFs
 * word processors write): the default mode joins a line that ends in "-"
 * with the next and drops the hyphen, so a number broken at the line's
 * end, "101-" / "QĐ/TW", came out "101QĐ/TW". The pages (which pdftotext
 * ends with a form feed) lose their running headers and footers: a line at
 * the top or bottom edge of a page that, digits aside, is at the same edge
 * of most pages ("Kế hoạch số 15-KH/HU", "Bản điện tử"), and a page number
 * alone at an edge when it is the page's own ("3", "- 3 -", "Trang 3/12"). The first line of each page is marked IM_PAGE, so that the
 * importer joins a paragraph the page broke. An empty line stands where
 * the text layer leaves a gap between blocks. A PDF without a text layer
 * (a scan) is an error, not an empty document.
 * Layer: base (an import reader); calls arena, diag (dg_fmt), imtext,
 * index, lang, mem and the OS (posix_spawn). */
#ifndef PLANCHECK_PDFTEXT_H
#define PLANCHECK_PDFTEXT_H

#include "arena.h"
#include "imtext.h"

/* The most text read from pdftotext, and how long it may take. */
#define PF_MAX_TEXT ((size_t)64 << 20)
#define PF_SECONDS 120

/* Appends the lines of the PDF `path` to *out. Returns 0, or -1 with
 * *error saying what is wrong, translated and without the path (the
 * caller names the file). The program is looked for on PATH. */
int pf_read(ar_arena *a, const char *path, im_text *out, const char **error);

/* The running headers and footers dropped from pages (0-based, each a
 * run of lines ending with '\n'): exposed for the unit tests. Appends the
 * kept lines of pages[0..n) to *out. */
void pf_pages(ar_arena *a, const char *const *pages, const size_t *lens, size_t n, im_text *out);

#endif
