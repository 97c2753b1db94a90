#!/usr/bin/env python3
"""tests/i18n/english.py FILE...: English words left in Vietnamese output.
   tests/i18n/english.py --po FILE.po: ... in its translations.

Reads golden files of tests/i18n/ (stderr, "--- stdout", stdout, "--- exit
N") and prints each English word found in what plancheck itself wrote,
with its line; exits 1 if there is any. What the plans say is not
plancheck's text and is skipped: the source lines a finding quotes (the
line above a caret line), quoted text (“…”, "…", '…', «…»), finding codes
[in-brackets], paths and identifiers (with '/', '.', '_', ':' or digits),
options (-W, --progress) and the command word of a command line
("plancheck coverage"),
and the JSON output's keys (only its "message" texts are read). HTML is
read as its visible text.

English is found by a list of common English words (tests/i18n/
english-words): none of them is a Vietnamese syllable written without
diacritics as plancheck's Vietnamese messages would use it."""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def load_words():
    words = set()
    with open(os.path.join(HERE, "english-words"), encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0]
            words.update(w.lower() for w in line.split())
    return words


QUOTED = re.compile(r"“[^”]*”|\"(?:[^\"\\]|\\.)*\"|'[^'\n]*'|«[^»]*»|‘[^’]*’|`[^`]*`")
CODE = re.compile(r"\[[a-z0-9-]+\]")
TOKEN = re.compile(r"\S+")
WORD = re.compile(r"^[A-Za-z]+$")
CARET = re.compile(r"^\s*\^[~^]*\s*$")


def json_messages(text):
    """The "message" strings of a JSON document (and "title", "text")."""
    try:
        doc = json.loads(text)
    except ValueError:
        return None
    out = []

    def walk(v):
        if isinstance(v, dict):
            for k, x in v.items():
                if k in ("message", "msg", "text", "title", "label") and isinstance(x, str):
                    out.append(x)
                else:
                    walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)
    walk(doc)
    return "\n".join(out)


def visible_html(text):
    text = re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", text)
    text = re.sub(r"(?s)<[^>]*>", " ", text)
    return text.replace("&nbsp;", " ").replace("&amp;", "&")


def plancheck_lines(text):
    """The lines plancheck wrote, without the source lines it quotes."""
    lines = text.split("\n")
    keep = []
    for i, line in enumerate(lines):
        if CARET.match(line):
            if keep:
                keep.pop()                      # the quoted source line
            continue
        if line.startswith("--- exit") or line == "--- stdout":
            continue
        keep.append(line)
    return keep


def english_in(line, words):
    line = QUOTED.sub(" ", line)
    line = CODE.sub(" ", line)
    found = []
    prev = None
    for tok in TOKEN.findall(line):
        after, prev = prev, tok
        if re.search(r"[/._:0-9@=<>{}#]", tok.strip(",;()!?")):
            continue                            # a path, id, option or number
        if re.match(r"-{1,2}[A-Za-z]", tok) or after == "plancheck":
            continue                            # an option, or the command of a command line
        w = tok.strip(",;()!?-–—")
        if WORD.match(w) and w.lower() in words:
            found.append(w)
    return found


def check(path, words):
    text = open(path, encoding="utf-8", errors="replace").read()
    parts = text.split("\n--- stdout\n", 1)
    stderr, stdout = parts[0], parts[1] if len(parts) > 1 else ""
    stdout = re.sub(r"\n--- exit \d+\s*$", "", stdout)
    if stdout.lstrip().startswith(("{", "[")):
        msgs = json_messages(stdout)
        stdout = msgs if msgs is not None else stdout
    elif stdout.lstrip().startswith("<!DOCTYPE") or stdout.lstrip().startswith("<html"):
        stdout = visible_html(stdout)
    bad = []
    for part in (stderr, stdout):
        for line in plancheck_lines(part):
            for w in english_in(line, words):
                bad.append((w, line.strip()))
    return bad


def po_translations(path):
    """(msgid, msgstr) of each entry of a .po file, escapes kept."""
    text = open(path, encoding="utf-8").read()
    pairs = []
    for m in re.finditer(r'msgid ((?:"[^\n]*"\n)+)msgstr ((?:"[^\n]*"\n)+)', text):
        join = lambda g: "".join(re.findall(r'"(.*)"', g)).replace("\\n", "\n")
        pairs.append((join(m.group(1)), join(m.group(2))))
    return pairs


def check_po(path, words):
    bad = []
    for msgid, msgstr in po_translations(path):
        if not msgid:
            continue                            # the header
        for line in msgstr.split("\n"):
            for w in english_in(line, words):
                bad.append((w, line.strip()))
    return bad


def main():
    words = load_words()
    status = 0
    if sys.argv[1:2] == ["--po"]:
        for w, line in check_po(sys.argv[2], words):
            print(f"{sys.argv[2]}: '{w}' in: {line[:160]}")
            status = 1
        return status
    for path in sys.argv[1:]:
        for w, line in check(path, words):
            print(f"{path}: '{w}' in: {line[:160]}")
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
