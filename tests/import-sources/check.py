#!/usr/bin/env python3
"""check.py: what tests/import-sources/run checks in a reader's lines
(imread's output: flags, a tab, the text).

  check.py texts TEXTS LINES
      every text of a plan's hand encoding (one a line) is in the lines:
      in the running text (footnote lines, which begin with a superscript
      number, taken out, as the encoding moves footnotes out of it) or in
      the footnote lines; white space aside, since the encoding joins a
      paragraph broken by a page with one space or none as the break fell
  check.py pdf EXPECT LINES PAGES LINE STYLE
      the lines of the PDF made from EXPECT's paragraphs: the same text
      (white space aside), one line marked first of its page per page,
      the first line among them, and no running LINE or page number left
"""
import re
import sys

SUP = re.compile("[¹²³⁴⁵⁶⁷⁸⁹⁰]+ ")


def read_lines(path):
    out = []
    for raw in open(path, encoding="utf-8"):
        flags, _, text = raw.rstrip("\n").partition("\t")
        out.append((flags, text))
    return out


def squeeze(s):
    return re.sub(r"\s+", "", s)


def texts(texts_path, lines_path):
    lines = [t for _, t in read_lines(lines_path)]
    body = squeeze("".join(t for t in lines if not SUP.match(t)))
    notes = squeeze("".join(t for t in lines if SUP.match(t)))
    missing = [t for t in open(texts_path, encoding="utf-8").read().splitlines()
               if squeeze(t) not in body and squeeze(t) not in notes]
    for t in missing[:5]:
        print("missing:", t[:160])
    return not missing


def pdf(expect_path, lines_path, pages, line, style):
    want = squeeze("".join(l.partition("\t")[2] for l in open(expect_path, encoding="utf-8")))
    lines = read_lines(lines_path)
    good = True
    got = squeeze("".join(t for _, t in lines))
    if got != want:
        i = next((k for k in range(min(len(got), len(want))) if got[k] != want[k]), min(len(got), len(want)))
        print("text differs at %d:\n  want ...%s\n  got  ...%s" % (i, want[max(0, i - 40):i + 40], got[max(0, i - 40):i + 40]))
        good = False
    firsts = [k for k, (f, _) in enumerate(lines) if f[1] == "P"]
    if len(firsts) != int(pages) or (lines and firsts[:1] != [0]):
        print("%d lines marked first of a page (at %s), want %s from line 0" % (len(firsts), firsts[:10], pages))
        good = False
    running = {line, "Bản điện tử"}
    left = [t for _, t in lines if t.strip() in running or re.fullmatch(r"(Trang )?\d+", t.strip())]
    if left:
        print("running lines or page numbers left:", left[:5])
        good = False
    if any(f[0] == "W" or f[2] == "B" or f[3] == "C" for f, _ in lines):
        print("a PDF line marked whole, bold or cell")
        good = False
    return good


def main(argv):
    if len(argv) == 4 and argv[1] == "texts":
        ok = texts(argv[2], argv[3])
    elif len(argv) == 7 and argv[1] == "pdf":
        ok = pdf(*argv[2:])
    else:
        sys.exit(__doc__)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main(sys.argv)
