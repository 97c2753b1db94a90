#!/usr/bin/env python3
"""The findings of an HTML report, as Chromium's DOM holds them, against
`plancheck check --format=json` on the same plan (standard library only).

    findings-check.py DOM CHECK_JSON REPORT_JSON

DOM: `chromium --dump-dom` of the page. CHECK_JSON: the findings of
`check --format=json`. REPORT_JSON: `report --format json` of the same
input, for where each task and section starts. Every finding of the check
must be a row of the page's findings table with its code and a link to
the task or section it falls in (the last one starting on or before its
line; an item that is neither counts as its nearest enclosing one), or to
the plan's header when it lies in the plan's file before the first item;
none else. Every link must lead to an element of the page. Worked out
here from the JSON alone, not from plancheck's own placing. Prints what
differs and exits 1, or prints the number of findings and exits 0.
"""
import json
import re
import sys
from collections import Counter
from html.parser import HTMLParser


def anchor(prefix, ident):
    """The element id html.c gives an id: [A-Za-z0-9.-] kept, other bytes _XX."""
    out = [prefix]
    for b in ident.encode("utf-8"):
        c = chr(b)
        out.append(c if (c.isascii() and (c.isalnum() or c in ".-")) else "_%02X" % b)
    return "".join(out)


class Dom(HTMLParser):
    """The findings rows (code, the href of the link in the row) and every id."""

    def __init__(self):
        super().__init__()
        self.ids = set()
        self.rows = []
        self.row = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "tr" and "finding" in (a.get("class") or "").split():
            self.row = [a.get("data-code") or "", ""]
            self.rows.append(self.row)
        elif tag == "a" and self.row is not None and (a.get("href") or "").startswith("#"):
            self.row[1] = a["href"][1:]

    def handle_endtag(self, tag):
        if tag == "tr":
            self.row = None


def starts(plan):
    """(line, item) of every item of the plan, in document order."""
    out = []

    def walk(items, parent):
        for it in items:
            it["_parent"] = parent
            out.append((it["line"], it))
            walk(it.get("items") or [], it)
    walk(plan.get("items") or [], None)
    return out


def expected(check, report):
    plans = [p for p in report["plans"] if p.get("input")]
    want = []
    for d in check["diagnostics"]:
        target = ""
        for p in plans:
            if d.get("file") != p["file"]:
                continue
            with open(p["file"], encoding="utf-8") as f:
                head = next((i + 1 for i, l in enumerate(f) if re.match(r"\s*plan\b", l)), 1)
            if d["line"] < head:
                break
            before = [it for line, it in starts(p) if line <= d["line"]]
            it = before[-1] if before else None
            while it is not None and it["kind"] not in ("task", "section"):
                it = it["_parent"]
            target = anchor("t-", it["id"]) if it is not None and it.get("id") else anchor("p-", p["key"])
            break
        want.append((d.get("code") or "", target))
    return want


def main():
    dom = Dom()
    with open(sys.argv[1], encoding="utf-8") as f:
        dom.feed(f.read())
    with open(sys.argv[2], encoding="utf-8") as f:
        check = json.load(f)
    with open(sys.argv[3], encoding="utf-8") as f:
        report = json.load(f)
    want = Counter(expected(check, report))
    got = Counter(tuple(r) for r in dom.rows)
    bad = []
    for k in sorted(want - got):
        bad.append("missing from the page: [%s] -> #%s" % k)
    for k in sorted(got - want):
        bad.append("not a finding of check: [%s] -> #%s" % k)
    for code, target in sorted(set(got)):
        if target and target not in dom.ids:
            bad.append("[%s] links to #%s, which is not in the page" % (code, target))
    if not want:
        bad.append("check gave no finding: nothing was compared")
    if bad:
        print("\n".join(bad[:20]))
        return 1
    print("%d findings" % sum(want.values()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
