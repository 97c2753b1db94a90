#!/usr/bin/env bash
# hostile.sh DIR: writes the inputs of hostile.cases into the current
# directory, NAME.docx or NAME.pdf; DIR holds the real documents run made
# (000.docx, 000.pdf) for the cut-short ones. $PY is a python3.
set -eu
real=$1
py=${PY:-python3}

# A .docx of the given parts: "NAME=TEXT" (TEXT "@FILE": that file's text).
zipit() {
  "$py" - "$@" <<'PY'
import sys, zipfile
out, parts = sys.argv[1], sys.argv[2:]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for p in parts:
        name, _, text = p.partition("=")
        z.writestr(name, text)
PY
}
W='xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
doc() { printf '<?xml version="1.0" encoding="UTF-8"?>\n<w:document %s><w:body>%s</w:body></w:document>\n' "$W" "$1"; }

# missing.docx is not written; a directory, a FIFO, empty and text files.
mkdir -p dir.docx
mkfifo fifo.docx
: >empty.docx
echo "KẾ HOẠCH thực hiện Nghị quyết" >text.docx
cp text.docx vi-text.docx
head -c 3000 "$real/000.docx" >cut.docx
zipit no-document.docx "word/styles.xml=<w:styles $W/>"
zipit bad-xml.docx "word/document.xml=$(doc '<w:p><w:r><w:t>Mục</w:t></w:r>')"
zipit bad-numbering.docx "word/document.xml=$(doc '')" "word/numbering.xml=<w:numbering $W><w:num></w:numbering>"
# Billion laughs: refused at the declaration, nothing expanded.
zipit laughs.docx "word/document.xml=<?xml version=\"1.0\"?>
<!DOCTYPE w:document [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>
<w:document $W><w:body><w:p><w:r><w:t>&d;&d;&d;&d;&d;&d;&d;&d;&d;</w:t></w:r></w:p></w:body></w:document>"
# An external entity: the same refusal, no file read.
zipit external.docx "word/document.xml=<?xml version=\"1.0\"?>
<!DOCTYPE w:document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>
<w:document $W><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"
# 300 elements deep (libxml2 stops at 256), 9 paragraphs deep (text boxes).
zipit deep.docx "word/document.xml=$(doc "$(printf '<w:sdt>%.0s' $(seq 300))$(printf '</w:sdt>%.0s' $(seq 300))")"
zipit nested.docx "word/document.xml=$(doc "$(printf '<w:p><w:r><w:txbxContent>%.0s' $(seq 9))$(printf '</w:txbxContent></w:r></w:p>%.0s' $(seq 9))")"
# A zip bomb: 80 MiB of spaces in one paragraph, some 80 KiB compressed.
"$py" - bomb.docx <<PY
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    with z.open("word/document.xml", "w", force_zip64=True) as f:
        f.write(b'<w:document $W><w:body><w:p><w:r><w:t>')
        for _ in range(80):
            f.write(b" " * (1 << 20))
        f.write(b"</w:t></w:r></w:p></w:body></w:document>")
PY
# The same bomb declaring 1000 bytes, in both headers: the reader's own cap
# stops it.
"$py" - liar.docx <<PY
import struct, sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("word/document.xml", b'<w:document $W><w:body><w:p><w:r><w:t>' + b" " * (80 << 20))
b = bytearray(open(sys.argv[1], "rb").read())
struct.pack_into("<I", b, 22, 1000)                     # the local header
struct.pack_into("<I", b, b.find(b"PK\x01\x02") + 24, 1000)  # the central directory
open(sys.argv[1], "wb").write(b)
PY

# PDFs.
mkdir -p dir.pdf
: >empty.pdf
echo "KẾ HOẠCH" >text.pdf
cp "$real/000.pdf" no-pdftotext.pdf
head -c 2000 "$real/000.pdf" >cut.pdf
# A scan: a page with a picture and no text layer.
"$py" - scan.pdf <<'PY'
import sys
from reportlab.pdfgen import canvas
c = canvas.Canvas(sys.argv[1])
c.rect(100, 100, 300, 500, fill=1)
c.showPage()
c.save()
PY
