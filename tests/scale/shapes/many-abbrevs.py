"""N abbreviations and N bodies whose names use them: each word of a name
finds its abbreviation in an index, not by trying every abbreviation
(4,000 took 0.10 s, 32,000 8.1 s)."""

N = 50000


def generate(n, d):
    with open(d + "/p.plan", "w", encoding="utf-8") as f:
        f.write('use "std/district"\nplan p {\n  level district\n  date 2023-02-01\n}\n')
        for i in range(n):
            f.write('abbrev "VT{0}" "Viết tắt số {0}"\n'.format(i))
        for i in range(n):
            f.write('body b{0} "Ban VT{0} huyện" district {{\n  alias "Ban số {0} VT{0}"\n}}\n'.format(i))
        f.write('section I. "A" {\n  1. "Nhiệm vụ" by "Ban VT1 huyện", "Ban Viết tắt số 2 huyện"\n}\n')
    return ["--no-rules", "p.plan"]
