"""A syntax error, then N tokens on the same line: the parser resets its
error recovery at a line break, and must look for it from the last token,
not from the error again (it did: 20 s for 600,000 bullets)."""

N = 100000
EXIT = (1,)


def generate(n, d):
    with open(d + "/p.plan", "w", encoding="utf-8") as f:
        f.write('plan p {\n  level district\n  date 2023-02-01\n}\n' + "- " * n + "\n")
    return ["--no-rules", "p.plan"]
