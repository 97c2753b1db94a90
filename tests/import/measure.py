#!/usr/bin/env python3
"""How much of the five real documents `plancheck import` gets right.

Imports each seed (the text conversions of five real plans) and compares
the draft with its hand encoding in plans/, both read back through
`plancheck report --format json` (so the comparison sees what the checker
sees, not the draft's spelling):

  texts   hand tasks whose text the draft has as a task, word for word
  dues    deadline phrases of the hand tasks that the draft's task with the
          same text carries as a `due`, word for word
  owners  hand tasks whose draft twin has the same owners (ids)
  links   hand links (`implements`) among the draft's proposals for that
          task (the three likeliest); only when the draft proposes links
  extra   draft tasks whose text no hand task has (lower is better)

Prints the table. With --check FILE, fails (exit 1) when a share falls
below the one recorded in FILE (tests/import/expected), so that a change
that loses tasks, phrases or owners is seen; --record FILE writes it.

--route docx|pdf imports a Word document or a PDF made from each seed at
run time (tests/import-sources/make.py: pandoc, python3-reportlab).

usage: measure.py [--plancheck ./plancheck] [--seeds DIR] [--route R]
                  [--check FILE | --record FILE] [--show]
"""
import argparse
import collections
import json
import math
import os
import re
import subprocess
import sys
import tempfile

# seed prefix -> hand encoding (the header comment of each names its seed)
# seed prefix -> hand encoding, and the parent plan whose directives the
# draft's tasks are proposed links to (seed 000's own parent, 20-CTr/TU,
# is not available: its hand encoding links to 12-KH/TW, and so does the
# draft given --parent)
PARENT = "plans/tw/12-kh-tw.plan"
DOCUMENTS = [
    ("000", "plans/tuyphuoc.plan", PARENT),
    ("001", "plans/lamdong/kh-28.plan", PARENT),
    ("002", "plans/quangngai/ctr-28.plan", PARENT),
    ("003", "plans/tw/12-kh-tw.plan", None),
    ("004", "plans/tuyphuoc-tccsd.plan", PARENT),
]
FIGURES = ("texts", "dues", "owners", "links")
SHOW = False


def find_seeds(given):
    tried = [given] if given else [os.environ.get("PLANCHECK_SEEDS", ""),
                                   os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "seeds")]
    for d in tried:
        if d and os.path.isdir(d):
            return d
    sys.exit("measure.py: the seed documents are not found (tried %s); give --seeds DIR" % ", ".join(t for t in tried if t))


def seed_file(seeds, prefix):
    names = sorted(n for n in os.listdir(seeds) if n.startswith(prefix + "_") and n.endswith(".txt"))
    if not names:
        sys.exit("measure.py: no seed %s_*.txt in %s" % (prefix, seeds))
    return os.path.join(seeds, names[0])


def report(plancheck, path):
    r = subprocess.run([plancheck, "report", "--format", "json", "-I", "plans", path],
                       capture_output=True, text=True)
    if not r.stdout:
        sys.exit("measure.py: %s does not read back:\n%s" % (path, r.stderr))
    doc = json.loads(r.stdout)
    plan = next(p for p in doc["plans"] if p["input"])
    return plan


def tasks(plan):
    out = []

    def walk(items):
        for it in items:
            if it["kind"] == "task":
                out.append(it)
            walk(it.get("items", []))

    walk(plan["items"])
    return out


def proposals(draft_path):
    """The links the draft proposes for each task, by the line of the task:
    comments "# implements? KEY:ID" written under it, in rank order."""
    props = collections.defaultdict(list)
    task_line = None
    with open(draft_path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            s = line.strip()
            m = re.match(r'#\s*implements\?\s+"?([^"\s]+)"?', s)
            if m and task_line is not None:
                props[task_line].append(m.group(1))
            elif s and not s.startswith("#") and re.match(r'(task\b|[-+]\s|[0-9.]+\s|[a-z]\)\s)', s) and '"' in s:
                task_line = n
    return props


def document(seeds, prefix, route, workdir):
    """The seed as the route reads it: the text itself, or a Word document
    (pandoc) or PDF (reportlab, a running line and page numbers) made from
    it by tests/import-sources/make.py."""
    src = seed_file(seeds, prefix)
    if route == "txt":
        return src
    out = os.path.join(workdir, prefix + "." + route)
    make = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "import-sources", "make.py")
    args = ["/usr/bin/python3", make, route, src, out] + (["Kế hoạch thực hiện Nghị quyết số 28-NQ/TW", "footer"]
                                                          if route == "pdf" else [])
    r = subprocess.run(args, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit("measure.py: cannot make the %s of seed %s:\n%s" % (route, prefix, r.stderr))
    return out


def measure(plancheck, seeds, prefix, hand_path, parent, workdir, route="txt"):
    draft_path = os.path.join(workdir, prefix + ".plan")
    with open(draft_path, "w", encoding="utf-8") as out:
        args = [plancheck, "import", document(seeds, prefix, route, workdir)] + (["--parent", parent] if parent else [])
        r = subprocess.run(args, stdout=out, stderr=subprocess.PIPE, text=True)
    if r.returncode != 0:
        sys.exit("measure.py: import of seed %s failed:\n%s" % (prefix, r.stderr))
    hand, draft = tasks(report(plancheck, hand_path)), tasks(report(plancheck, draft_path))
    props = proposals(draft_path)
    by_text = collections.defaultdict(list)
    for t in draft:
        by_text["\n".join(t["texts"])].append(t)
    c = collections.Counter()
    for h in hand:
        key = "\n".join(h["texts"])
        twin = by_text[key].pop(0) if by_text[key] else None
        c["tasks"] += 1
        c["texts"] += twin is not None
        if SHOW and twin is None:
            print("%s: no task with the text of %s: %s" % (prefix, h["id"], key[:160]))
        phrases = collections.Counter(d["phrase"] for d in h["dues"])
        got = collections.Counter(d["phrase"] for d in twin["dues"]) if twin else collections.Counter()
        c["due_total"] += sum(phrases.values())
        c["dues"] += sum((phrases & got).values())
        if SHOW and twin and sorted(o["id"] for o in h["owners"]) != sorted(o["id"] for o in twin["owners"]):
            print("%s: owners of %s: %s, draft %s" % (prefix, h["id"], [o["id"] for o in h["owners"]], [o["id"] for o in twin["owners"]]))
        if SHOW and twin and phrases - got:
            print("%s: dues of %s: missing %s, draft %s" % (prefix, h["id"], list((phrases - got).keys()), list(got.keys())))
        c["owners"] += twin is not None and sorted(o["id"] for o in h["owners"]) == sorted(o["id"] for o in twin["owners"])
        links = [l["target"] for l in h["links"]]
        c["link_total"] += len(links)
        if twin:
            top = props.get(twin["line"], [])[:3]
            c["links"] += sum(1 for l in links if l in top)
    c["extra"] = sum(len(v) for v in by_text.values())
    for v in by_text.values():
        for t in v:
            if SHOW:
                print("%s: extra draft task line %d: %s" % (prefix, t["line"], "\n".join(t["texts"])[:160]))
    c["draft_tasks"] = len(draft)
    return c


def share(n, total):
    return 100.0 * n / total if total else 100.0


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--plancheck", default="./plancheck")
    ap.add_argument("--seeds")
    ap.add_argument("--check")
    ap.add_argument("--record")
    ap.add_argument("--show", action="store_true", help="print each difference")
    ap.add_argument("--route", choices=("txt", "docx", "pdf"), default="txt",
                    help="import the seed text (txt), or a Word document or PDF made from it")
    args = ap.parse_args()
    global SHOW
    SHOW = args.show
    seeds = find_seeds(args.seeds)
    total = collections.Counter()
    print("| document | tasks | texts | deadline phrases | owners | links in top 3 | extra draft tasks |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory() as work:
        for prefix, hand, parent in DOCUMENTS:
            c = measure(args.plancheck, seeds, prefix, hand, parent, work, args.route)
            total.update(c)
            row(hand, c)
    row("all five", total)
    figures = {
        "texts": share(total["texts"], total["tasks"]),
        "dues": share(total["dues"], total["due_total"]),
        "owners": share(total["owners"], total["tasks"]),
        "links": share(total["links"], total["link_total"]),
    }
    if args.record:
        with open(args.record, "w") as f:
            f.write("# tests/import/measure.py --record: the shares (%) of the five seeds\n")
            for k in FIGURES:
                f.write("%s %.1f\n" % (k, math.floor(figures[k] * 10) / 10))
    if args.check:
        failed = 0
        with open(args.check) as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                k, v = line.split()
                if figures[k] + 1e-9 < float(v):
                    print("measure.py: %s fell to %.1f%% (recorded %s%%)" % (k, figures[k], v))
                    failed = 1
        sys.exit(failed)


def row(name, c):
    print("| %s | %d | %d (%.1f%%) | %d/%d (%.1f%%) | %d (%.1f%%) | %d/%d (%.1f%%) | %d |" % (
        name, c["tasks"], c["texts"], share(c["texts"], c["tasks"]), c["dues"], c["due_total"],
        share(c["dues"], c["due_total"]), c["owners"], share(c["owners"], c["tasks"]), c["links"],
        c["link_total"], share(c["links"], c["link_total"]), c["extra"]))


if __name__ == "__main__":
    main()
