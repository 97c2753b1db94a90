"""One line of N bytes that are not UTF-8, inside a string: N findings on
one line, each with its column (counted from a mark, not from the line's
start) and its excerpt (cut around the caret, not the whole line)."""

N = 40000


def generate(n, d):
    with open(d + "/p.plan", "wb") as f:
        f.write(b'plan p {\n  level district\n  date 2023-02-01\n}\nsection I. "' + b"\xff" * n + b'" {\n}\n')
    return ["--no-rules", "p.plan"]
