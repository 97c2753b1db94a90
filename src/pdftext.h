/* pdftext: the lines of a PDF's text layer, as an import reader gives them.
 *
 * The text comes from poppler's pdftotext (Debian package poppler-utils),
 * run without a shell on the open file (its standard input), its output
 * read through a pipe with a size cap and a time limit. It writes the
 * layout it finds (-bbox-layout: pages, blocks, lines, words), read here
 * with libxml2: the lines in the reading order of its layout analysis,
 * so the two columns of a party document's heading block are lines of
 * their own, and each word as the page prints it. Its plain text would
 * not do: the default mode joins a line that ends in "-" with the next
 * and drops the hyphen (a number broken at the line's end, "101-" /
 * "QĐ/TW", came out "101QĐ/TW"), and -raw, the order the page draws its
 * text in, runs the heading block's two columns into one line. The pages
 * lose their running headers and footers: a line at the top or bottom
 * edge of a page that, digits aside, is at the same edge of most pages
 * ("Kế hoạch số 15-KH/HU", "Bản điện tử"), and a page number alone at an
 * edge when it is the page's own ("3", "- 3 -", "Trang 3/12"), or off it
 * by what most pages are off (numbered after a cover page). The first
 * line of each page is marked IM_PAGE, so that the importer joins a
 * paragraph the page broke; no line is marked IM_WHOLE (a PDF does not
 * say where its paragraphs end); every line is in NFC. A PDF without a text layer (a scan) is
 * an error, not an empty document.
 * Layer: base (an import reader); calls arena, diag (dg_fmt), docx
 * (dx_xml_init), imtext, index, lang, mem, text (NFC), libxml2 and the OS
 * (posix_spawn). */
#ifndef PLANCHECK_PDFTEXT_H
#define PLANCHECK_PDFTEXT_H

#include "arena.h"
#include "imtext.h"

/* The most output read from pdftotext (its layout, some eight times the
 * text), and how long it may take. */
#define PF_MAX_OUTPUT ((size_t)256 << 20)
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
