"""A chain of N files, each including the next: include processing must
not recurse once per file (100,000 crashed the stack)."""

N = 12000
EXIT = (0,)


def generate(n, d):
    with open(d + "/p.plan", "w", encoding="utf-8") as f:
        f.write('use "std/district"\nplan p {\n  level district\n  date 2023-02-01\n}\ninclude "i0.plan"\n')
    for i in range(n):
        with open("{}/i{}.plan".format(d, i), "w", encoding="utf-8") as f:
            f.write('section {0}. "Phần {0}" {{\n  1. "Nhiệm vụ {0}" by huyen_uy\n}}\n'.format(i + 1))
            if i + 1 < n:
                f.write('include "i{}.plan"\n'.format(i + 1))
    return ["--no-rules", "p.plan"]
