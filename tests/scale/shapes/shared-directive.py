"""N tasks all implementing the same parent directive: each link must be
added in constant time and memory (the list of a directive's links was
copied on every link)."""

N = 80000


def parent(f):
    f.write('use "std/province"\nplan "1-KH/TU" {\n  level province\n  date 2023-01-01\n}\n'
            'section I. "A" {\n  1. "Quán triệt nghị quyết" by tinh_uy\n}\n')


def generate(n, d):
    with open(d + "/1-kh-tu.plan", "w", encoding="utf-8") as f:
        parent(f)
    with open(d + "/c.plan", "w", encoding="utf-8") as f:
        f.write('use "std/district"\nplan c {\n  level district\n  date 2023-02-01\n'
                '  implements "1-KH/TU"\n}\nsection I. "A" {\n')
        for i in range(n):
            f.write('  {}. "Nhiệm vụ số {}" by huyen_uy\n    implements "1-KH/TU:I.1"\n'.format(i + 1, i))
        f.write("}\n")
    return ["--no-rules", "c.plan"]
