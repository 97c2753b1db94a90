"""N tasks each implementing one of N parent directives: each link must
find its directive through an index, not a search of the parent's rows."""

N = 10000


def generate(n, d):
    with open(d + "/1-kh-tu.plan", "w", encoding="utf-8") as f:
        f.write('use "std/province"\nplan "1-KH/TU" {\n  level province\n  date 2023-01-01\n}\n'
                'section I. "A" {\n')
        for i in range(n):
            f.write('  {}. "Chỉ đạo số {}" by tinh_uy\n'.format(i + 1, i))
        f.write("}\n")
    with open(d + "/c.plan", "w", encoding="utf-8") as f:
        f.write('use "std/district"\nplan c {\n  level district\n  date 2023-02-01\n'
                '  implements "1-KH/TU"\n}\nsection I. "A" {\n')
        for i in range(n):
            f.write('  {0}. "Nhiệm vụ số {1}" by huyen_uy\n    implements "1-KH/TU:I.{0}"\n'.format(i + 1, i))
        f.write("}\n")
    return ["--no-rules", "c.plan"]
