#!/usr/bin/env python3
"""tests/i18n/guide.py GUIDE.md...: runs the examples of a user guide.

The guide (docs/vi/*.md) is read in order, as a reader follows it:
- a ```plan (or ```text) block whose first line is "# tệp: PATH" is
  written to PATH in a scratch directory (a later block for the same
  PATH replaces it, as the reader edits the file);
- "<!-- chép: SRC DEST -->" copies SRC of the repository to DEST there;
- a ```console block holds commands ("$ " lines) each followed by what
  it prints (standard output and error together); each runs in the
  scratch directory with the plancheck of the build tree first on PATH,
  in Vietnamese (LANGUAGE=vi, LANG=C.UTF-8, no vi_VN locale needed), and
  must print exactly that.
BLESS=1 rewrites the printed text in the guide from what the commands
print (read the diff). Prints "ok"/"FAIL" lines and exits 1 on a
mismatch."""
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FENCE = re.compile(r"^```(\w*)\s*$")
COPY = re.compile(r"^<!--\s*chép:\s*(\S+)\s+(\S+)\s*-->\s*$")
FILE = re.compile(r"^#\s*tệp:\s*(\S+)\s*$")


def run(cmd, cwd, bindir):
    env = dict(os.environ)
    for k in ("LC_ALL", "LC_MESSAGES", "NO_COLOR"):
        env.pop(k, None)
    env.update(LANGUAGE="vi", LANG="C.UTF-8", PATH=bindir + os.pathsep + env.get("PATH", ""))
    p = subprocess.run(["bash", "-c", cmd], cwd=cwd, env=env, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, timeout=120)
    return p.stdout.decode("utf-8", "replace").rstrip("\n").split("\n") if p.stdout else []


def process(path, bless, scratch, bindir):
    lines = open(path, encoding="utf-8").read().split("\n")
    out, failures, count = [], 0, 0
    i = 0
    while i < len(lines):
        line = lines[i]
        m = COPY.match(line)
        if m:
            dest = os.path.join(scratch, m.group(2))
            os.makedirs(os.path.dirname(dest) or scratch, exist_ok=True)
            shutil.copyfile(os.path.join(ROOT, m.group(1)), dest)
        f = FENCE.match(line)
        if not f or not f.group(1):
            out.append(line)
            i += 1
            continue
        kind = f.group(1)
        j = i + 1
        while j < len(lines) and not FENCE.match(lines[j]):
            j += 1
        body = lines[i + 1:j]
        out.append(line)
        if kind in ("plan", "text") and body and FILE.match(body[0]):
            dest = os.path.join(scratch, FILE.match(body[0]).group(1))
            os.makedirs(os.path.dirname(dest), exist_ok=True)
            with open(dest, "w", encoding="utf-8") as fh:
                fh.write("\n".join(body) + "\n")
            out.extend(body)
        elif kind == "console":
            k = 0
            while k < len(body):
                if not body[k].startswith("$ "):
                    out.append(body[k])
                    k += 1
                    continue
                cmd = body[k][2:]
                want_end = k + 1
                while want_end < len(body) and not body[want_end].startswith("$ "):
                    want_end += 1
                want = [w.rstrip() for w in body[k + 1:want_end]]
                got = [g.rstrip() for g in run(cmd, scratch, bindir)]
                count += 1
                out.append(body[k])
                if bless:
                    out.extend(got)
                else:
                    out.extend(body[k + 1:want_end])
                    if got != want:
                        failures += 1
                        print(f"FAIL: {os.path.relpath(path, ROOT)}: `{cmd}` prints otherwise:")
                        import difflib
                        for d in list(difflib.unified_diff(want, got, "guide", "plancheck", lineterm=""))[:30]:
                            print("    " + d)
                k = want_end
        else:
            out.extend(body)
        if j < len(lines):
            out.append(lines[j])
        i = j + 1
    if bless:
        with open(path, "w", encoding="utf-8") as fh:
            fh.write("\n".join(out))
    return count, failures


def main():
    bless = os.environ.get("BLESS") == "1"
    bindir = tempfile.mkdtemp()
    status = 0
    try:
        os.symlink(os.path.join(ROOT, os.environ.get("PLANCHECK", "plancheck")), os.path.join(bindir, "plancheck"))
        for path in sys.argv[1:]:
            scratch = tempfile.mkdtemp()
            try:
                count, failures = process(os.path.abspath(path), bless, scratch, bindir)
            finally:
                shutil.rmtree(scratch)
            if count == 0:
                print(f"FAIL: {path}: no example to run")
                status = 1
            elif failures:
                status = 1
            else:
                print(f"ok: {path}: {count} commands print what the guide shows")
    finally:
        shutil.rmtree(bindir)
    return status


if __name__ == "__main__":
    sys.exit(main())
