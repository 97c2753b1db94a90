#!/usr/bin/env python3
"""The deadline-phrase corpus (issue 16): how many real phrases plancheck reads.

Usage: run.py PLANCHECK [--fill] [--quiet]

For each source of sources.tsv it writes one plan dated as the source, with
a task per phrase of corpus.tsv (`due "PHRASE"`) and its twin giving the
recorded meaning (`due "PHRASE" as "MEANING"`), and reads plancheck's JSON
report of it. A phrase is read right when its recognised parts print as the
recorded meaning. Every phrase must be read right or not read at all: a
phrase not read needs the deadline-unrecognized warning, and its twin must
read as the meaning. The recorded kind, earliest and latest days and stage
(the last columns) must be those of the twin. Fails when a phrase is misread,
a column disagrees, or fewer than 95% are read right. --fill writes the last
columns from the twins instead (for new rows: review the diff).
"""
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
THRESHOLD = 0.95


def table(name):
    rows = []
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f if l.strip() and not l.startswith("#")]
    head = lines[0].split("\t")
    for l in lines[1:]:
        cells = l.split("\t")
        if len(cells) != len(head):
            sys.exit(f"{name}: {len(cells)} columns in: {l}")
        rows.append(dict(zip(head, cells)))
    return head, rows


def quote(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def plan_text(src, rows):
    out = ['use "std/province"', "", f"plan corpus_{src['id']} {{", "  level province",
           f"  date {src['date']}", "}", "", 'section I. "CORPUS" owner vp_tu {']
    lines = {}
    for k, r in enumerate(rows):
        lines[len(out) + 1] = (k, "phrase")
        out.append(f'  - "p{k}" due {quote(r["phrase"])}')
        lines[len(out) + 1] = (k, "as")
        out.append(f'  - "a{k}" due {quote(r["phrase"])} as {quote(r["meaning"])}')
    out.append("}")
    return "\n".join(out) + "\n", lines


def dues_by_line(report):
    found = {}

    def walk(items):
        for it in items:
            if it.get("dues"):
                found[it["line"]] = it["dues"][0]
            walk(it.get("items", []))

    for p in report["plans"]:
        walk(p["items"])
    return found


def chain(due):
    return "; ".join(p["canonical"] for p in due["parts"])


def columns(due):
    def cell(v):
        return v if v is not None else "open"
    parts = due["parts"]
    return {
        "kind": ";".join(p["kind"] for p in parts),
        "earliest": ";".join(cell(p["earliest"]) for p in parts),
        "latest": ";".join(cell(p["latest"]) for p in parts),
        "stage": ";".join(p["stage"] or "all" for p in parts),
    }


def unrecognized_lines(report):
    lines = set()
    for f in report.get("findings", {}).get("diagnostics", []):
        if f.get("code") == "deadline-unrecognized" and f.get("severity") == "warning":
            lines.add(f.get("line"))
    return lines


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    plancheck = os.path.abspath(sys.argv[1])
    fill = "--fill" in sys.argv
    quiet = "--quiet" in sys.argv
    _, sources = table("sources.tsv")
    head, corpus = table("corpus.tsv")
    by_id = {s["id"]: s for s in sources}
    groups = {}
    for r in corpus:
        if r["id"] not in by_id:
            sys.exit(f"corpus.tsv: no source {r['id']}")
        groups.setdefault(r["id"], []).append(r)
    right, unread, problems = 0, [], []
    env = dict(os.environ, LC_ALL="C.UTF-8")
    env.pop("LANGUAGE", None)
    with tempfile.TemporaryDirectory() as tmp:
        for sid, rows in groups.items():
            text, lines = plan_text(by_id[sid], rows)
            path = os.path.join(tmp, f"corpus-{sid}.plan")
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            proc = subprocess.run([plancheck, "report", "--format", "json", path], capture_output=True,
                                  env=env, timeout=60)
            try:
                report = json.loads(proc.stdout)
            except ValueError:
                sys.exit(f"{sid}: no JSON report (exit {proc.returncode}): {proc.stderr.decode()[:2000]}")
            dues = dues_by_line(report)
            warned = unrecognized_lines(report)
            for line, (k, what) in lines.items():
                r, due = rows[k], dues.get(line)
                if due is None:
                    problems.append(f"{sid}: no deadline read back for line {line}")
                    continue
                if what == "as":
                    if not due["recognized"] or chain(due) != r["meaning"]:
                        problems.append(f'{sid}: the meaning "{r["meaning"]}" of "{r["phrase"]}" '
                                        f'reads as "{chain(due) if due["recognized"] else "nothing"}"')
                        continue
                    cols = columns(due)
                    if fill:
                        r.update(cols)
                    elif any(r[c] != v for c, v in cols.items()):
                        problems.append(f'{sid}: "{r["phrase"]}": columns '
                                        f'{[r[c] for c in cols]} but the meaning has {list(cols.values())}')
                elif due["recognized"]:
                    if chain(due) == r["meaning"]:
                        right += 1
                    else:
                        problems.append(f'{sid}: "{r["phrase"]}" misread as "{chain(due)}", '
                                        f'not "{r["meaning"]}"')
                else:
                    unread.append(f'{sid}: "{r["phrase"]}" (as "{r["meaning"]}")')
                    if line not in warned:
                        problems.append(f'{sid}: "{r["phrase"]}" not read, and no deadline-unrecognized warning')
    if fill:
        with open(os.path.join(HERE, "corpus.tsv"), encoding="utf-8") as f:
            comments = [l for l in f if l.startswith("#")]
        with open(os.path.join(HERE, "corpus.tsv"), "w", encoding="utf-8") as f:
            f.writelines(comments)
            f.write("\t".join(head) + "\n")
            for r in corpus:
                f.write("\t".join(r[c] for c in head) + "\n")
    total = len(corpus)
    docs = len(groups)
    share = right / total if total else 0
    print(f"phrases: {total} from {len(set(by_id[g]['document'] for g in groups))} documents ({docs} sources); "
          f"read right {right} ({100 * share:.1f}%), not read {len(unread)}, misread "
          f"{sum(1 for p in problems if 'misread' in p)}")
    if not quiet:
        for u in unread:
            print("  not read: " + u)
    for p in problems:
        print("  FAIL " + p)
    if share < THRESHOLD:
        print(f"  FAIL fewer than {int(100 * THRESHOLD)}% read right")
    return 1 if problems or share < THRESHOLD else 0


if __name__ == "__main__":
    sys.exit(main())
