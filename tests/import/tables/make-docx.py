#!/usr/bin/env python3
"""tests/import/tables/make-docx.py IN.txt OUT.docx: a Word document (python3-docx)
of a text as a table pasted from Word gives it: each line without tabs a
paragraph, each run of lines with tabs a table, one row a line and one
cell between tabs; " ¶ " inside a cell separates its paragraphs (a Word
cell may hold several)."""
import sys

import docx


def main(src, out):
    d = docx.Document()
    rows = []

    def flush():
        if not rows:
            return
        width = max(len(r) for r in rows)
        t = d.add_table(rows=len(rows), cols=width)
        for i, r in enumerate(rows):
            for j in range(width):
                paras = r[j].split(" ¶ ") if j < len(r) else [""]
                cell = t.cell(i, j)
                cell.paragraphs[0].text = paras[0]
                for p in paras[1:]:
                    cell.add_paragraph(p)
        rows.clear()

    with open(src, encoding="utf-8") as f:
        for line in f.read().splitlines():
            if "\t" in line:
                rows.append(line.split("\t"))
                continue
            flush()
            d.add_paragraph(line)
    flush()
    d.save(out)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
