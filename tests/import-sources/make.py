#!/usr/bin/env python3
"""make.py: the Word and PDF documents of tests/import-sources/run, made at
test time from the real seed texts (nothing binary is committed), and what
a reader must give for them.

  make.py docx SEED OUT.docx       pandoc (Markdown -> Word), the bullets
                                   then defined as the documents print
                                   them: "-" in the Symbol font (U+F02D,
                                   as Word writes it), "+" below
  make.py expect SEED              the paragraphs Word prints for that
                                   document, one a line, numbers written
                                   out: read from pandoc's own syntax tree
                                   of the seed, so independent of docx.c
  make.py pdf SEED OUT.pdf LINE STYLE
                                   reportlab: those paragraphs on A4 pages
                                   (DejaVu Serif, which has every
                                   Vietnamese letter) with the running
                                   LINE and page numbers: STYLE "footer"
                                   (LINE at the top, "Trang N" at the
                                   foot) or "top" (N alone at the top from
                                   page 2, LINE at the foot); prints the
                                   number of pages
  make.py zip DIR OUT.docx         the XML parts under DIR as a .docx
  make.py texts                    the texts of a plan's items, one a line,
                                   from `plancheck report --format json`
                                   on stdin

Needs pandoc and python3-reportlab (Makefile DEB_TEST_PKGS)."""
import json
import os
import re
import subprocess
import sys
import zipfile

BULLETS = {"•": "\uf02d", "–": "+"}


SUPS = "⁰¹²³⁴⁵⁶⁷⁸⁹"


def markdown(seed):
    """The seed as Markdown, its footnotes made footnotes again: the
    conversion that made the seed left the superscript marks in the text
    and the notes' texts, "¹ Gắn với ...", where the page ended; in the
    Word document they are Word footnotes."""
    def number(sup):
        return int("".join(str(SUPS.index(c)) for c in sup))
    out = []
    for line in open(seed, encoding="utf-8").read().split("\n"):
        m = re.match("^([%s]+) (.*)$" % SUPS, line)
        if m:
            out.append("[^%d]: %s" % (number(m.group(1)), m.group(2)))
        else:
            out.append(re.sub("(?<=\\S)([%s]+)" % SUPS, lambda m: "[^%d]" % number(m.group(1)), line))
    return "\n".join(out).encode("utf-8")


def pandoc(seed, *args):
    # -smart: the seed's quotes and dashes stay the characters they are.
    return subprocess.run(["pandoc", "-f", "markdown-smart"] + list(args), input=markdown(seed),
                          check=True, capture_output=True).stdout


def pandoc_json(seed):
    return json.loads(pandoc(seed, "-t", "json"))


def make_docx(seed, out):
    tmp = out + ".pandoc.docx"
    pandoc(seed, "-t", "docx", "-o", tmp)
    with zipfile.ZipFile(tmp) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/numbering.xml":
                data = redefine_bullets(data.decode("utf-8")).encode("utf-8")
            zout.writestr(item, data)
    os.remove(tmp)


def redefine_bullets(xml):
    """Pandoc's bullets are "•" and "–"; a Vietnamese office's are "-"
    (Word writes it as the Symbol font's U+F02D) and "+"."""
    def level(m):
        lvl = m.group(0)
        for old, new in BULLETS.items():
            if 'w:lvlText w:val="%s"' % old in lvl:
                lvl = lvl.replace('w:lvlText w:val="%s"' % old, 'w:lvlText w:val="%s"' % new)
                if new >= "\uf000":
                    lvl = lvl.replace("<w:lvlJc", '<w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol" /></w:rPr><w:lvlJc', 1)
        return lvl
    return re.sub(r"<w:lvl [^>]*>.*?</w:lvl>", level, xml, flags=re.S)


# ---- what Word prints: pandoc's tree, numbers written out ----

class Notes:
    """The footnotes cited so far: Word numbers them in the order they are
    cited; each is given after the paragraph that cites it."""
    count = 0

    def __init__(self):
        self.pending = []


def sup(n):
    return "".join(SUPS[int(d)] for d in str(n))


def inline_text(xs, notes=None):
    out = []
    for x in xs:
        t, c = x["t"], x.get("c")
        if t == "Note":
            if notes is not None:
                Notes.count += 1
                notes.pending.append((Notes.count, c))
                out.append(sup(Notes.count))
        elif t == "Str":
            out.append(c)
        elif t in ("Space", "SoftBreak", "LineBreak"):
            out.append(" ")
        elif t in ("Emph", "Strong", "Underline", "Strikeout", "Superscript", "Subscript", "SmallCaps"):
            out.append(inline_text(c))
        elif t in ("Span", "Link", "Image"):
            out.append(inline_text(c[1]))
        elif t == "Quoted":
            q = '"' if c[0]["t"] == "DoubleQuote" else "'"
            out.append(q + inline_text(c[1]) + q)
        elif t in ("Code", "Math"):
            out.append(c[1])
    return "".join(out)


def roman(n):
    vals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
            (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    s = ""
    for v, r in vals:
        while n >= v:
            s, n = s + r, n - v
    return s


def number(n, style, delim):
    if style == "LowerAlpha":
        s = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
    elif style == "UpperAlpha":
        s = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
    elif style == "LowerRoman":
        s = roman(n).lower()
    elif style == "UpperRoman":
        s = roman(n)
    else:
        s = str(n)
    return {"OneParen": s + ")", "TwoParens": "(" + s + ")"}.get(delim, s + ".")


def all_bold(xs):
    """Whether every letter is in bold (Strong)."""
    letters = bold = 0
    for x in xs:
        n = len(inline_text([x]).strip())
        letters += n
        bold += n if x["t"] == "Strong" else 0
    return letters > 0 and letters == bold


def paragraphs(blocks, depth=0, first_prefix=""):
    """(text, bold) of each paragraph Word prints, in order."""
    out = []
    prefix = first_prefix
    for b in blocks:
        t, c = b["t"], b.get("c")
        if t in ("Para", "Plain", "Header"):
            xs = c[2] if t == "Header" else c
            notes = Notes()
            text = (prefix + " " if prefix else "") + inline_text(xs, notes).strip()
            # pandoc's reference.docx makes Heading1-3 bold by style.
            styled = t == "Header" and c[0] <= 3
            out.append((text.strip(), styled or all_bold(xs)))
            for n, blocks in notes.pending:
                out.append((sup(n) + " " + " ".join(p for p, _ in paragraphs(blocks)), False))
            prefix = ""
        elif t == "CodeBlock":
            out.append((" ".join(c[1].split("\n")).strip(), False))
        elif t == "BulletList":
            mark = "-" if depth % 2 == 0 else "+"
            for item in c:
                out += paragraphs(item, depth + 1, mark)
        elif t == "OrderedList":
            (start, style, delim), items = c
            for i, item in enumerate(items):
                out += paragraphs(item, depth + 1, number(start + i, style["t"], delim["t"]))
        elif t in ("BlockQuote", "Div"):
            out += paragraphs(c if t == "BlockQuote" else c[1], depth)
        elif t == "LineBlock":
            out.append((" ".join(inline_text(line) for line in c).strip(), False))
    return [(s, bold) for s, bold in out if s]


def expect(seed):
    return paragraphs(pandoc_json(seed)["blocks"])


# ---- the PDF ----

def make_pdf(seed, out, header, style):
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate
    from xml.sax.saxutils import escape

    fonts = "/usr/share/fonts/truetype/dejavu/"
    pdfmetrics.registerFont(TTFont("Serif", fonts + "DejaVuSerif.ttf"))
    pdfmetrics.registerFont(TTFont("Serif-Bold", fonts + "DejaVuSerif-Bold.ttf"))
    body = ParagraphStyle("body", fontName="Serif", fontSize=12, leading=16, spaceAfter=6)
    bold = ParagraphStyle("bold", parent=body, fontName="Serif-Bold")
    story = [Paragraph(escape(text), bold if b else body) for text, b in expect(seed)]
    pages = []

    class Doc(SimpleDocTemplate):
        def afterPage(self):
            pages.append(self.page)

    def edges(canvas, doc):
        # "footer": a running header, and a footer with "Trang N"; "top":
        # the page number alone at the top from page 2 on, as Vietnamese
        # administrative documents print it, the running line at the foot.
        canvas.saveState()
        canvas.setFont("Serif", 10)
        if style == "footer":
            canvas.drawCentredString(A4[0] / 2, A4[1] - 12 * mm, header)
            canvas.drawString(20 * mm, 10 * mm, "Bản điện tử")
            canvas.drawRightString(A4[0] - 20 * mm, 10 * mm, "Trang %d" % doc.page)
        else:
            if doc.page > 1:
                canvas.drawCentredString(A4[0] / 2, A4[1] - 12 * mm, "%d" % doc.page)
            canvas.drawCentredString(A4[0] / 2, 10 * mm, header)
        canvas.restoreState()

    doc = Doc(out, pagesize=A4, topMargin=25 * mm, bottomMargin=25 * mm,
              leftMargin=25 * mm, rightMargin=20 * mm, title=header)
    doc.build(story, onFirstPage=edges, onLaterPages=edges)
    print(len(pages))


def zip_dir(d, out):
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for root, _, files in os.walk(d):
            for f in sorted(files):
                p = os.path.join(root, f)
                z.write(p, os.path.relpath(p, d))


def texts():
    doc = json.load(sys.stdin)

    def walk(items):
        for it in items:
            for t in it.get("texts", []):
                print(t)
            walk(it.get("items", []))
    for p in doc["plans"]:
        if p.get("input"):      # not the parents it loaded
            walk(p["items"])


def main(argv):
    cmd = argv[1] if len(argv) > 1 else ""
    if cmd == "docx" and len(argv) == 4:
        make_docx(argv[2], argv[3])
    elif cmd == "expect" and len(argv) == 3:
        for text, bold in expect(argv[2]):
            print(("B" if bold else "-") + "\t" + text)
    elif cmd == "pdf" and len(argv) == 6 and argv[5] in ("footer", "top"):
        make_pdf(argv[2], argv[3], argv[4], argv[5])
    elif cmd == "zip" and len(argv) == 4:
        zip_dir(argv[2], argv[3])
    elif cmd == "texts" and len(argv) == 2:
        texts()
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
