/* docx: the paragraphs of a Word document (.docx), as printed.
 *
 * A .docx is a zip archive of XML parts; the text is in word/document.xml,
 * the automatic numbering ("I.", "1.", "a)", "-") in word/numbering.xml and
 * the paragraph and character styles in word/styles.xml. The reader gives
 * one im_line per non-empty paragraph (IM_WHOLE), in reading order, table
 * cells row by row (IM_CELL; IM_ROW on the first line of an outer table's
 * row, IM_NEXTCELL on the first of each later cell, and an empty line for
 * an empty cell, so that a table of tasks keeps its columns), with the
 * paragraph's automatic number
 * written out at its start as Word prints it (counted as Word counts:
 * per list, restarted by a higher level and by a start override), IM_BOLD
 * when every letter is bold, IM_PAGE on the first paragraph after a page
 * or section break that the document writes (not where Word last laid
 * out its pages, which depends on the printer and the fonts). Footnote references are written as the superscript
 * digits of their number (¹ ² ...).
 *
 * Every line is in NFC, as the text route gives its lines.
 *
 * Hostile files: every part is read through a size cap (a zip bomb ends
 * with an error, not with memory exhausted), the XML parser reads no
 * network and no external entity, and a document type declaration (which
 * Word never writes, and through which entity expansion would come) is
 * refused. Layer: base (an import reader); calls arena, diag (dg_fmt),
 * imtext, index, lang, mem, source (reasons), text (NFC), libzip and
 * libxml2. */
#ifndef PLANCHECK_DOCX_H
#define PLANCHECK_DOCX_H

#include "arena.h"
#include "imtext.h"

/* The largest XML part read, uncompressed, and the largest .docx file. */
#define DX_MAX_PART ((size_t)64 << 20)
#define DX_MAX_FILE ((size_t)256 << 20)

/* Appends the paragraphs of the Word document `path` to *out. Returns 0,
 * or -1 with *error saying what is wrong, translated and without the path
 * (the caller names the file): "not a zip archive", "word/document.xml,
 * line 3, column 7: malformed XML", ... Lines appended before an error
 * stay in *out; the caller drops them. */
int dx_read(ar_arena *a, const char *path, im_text *out, const char **error);

/* Makes libxml2 allocate through mem (its running out of memory ends in
 * mem_oom) and initialises it; once, before any use of libxml2 (dx_read
 * and pf_read call it). */
void dx_xml_init(void);

#endif
