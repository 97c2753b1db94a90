"""One task with N `implements` on one line, every one a finding (no such
directive): appending a link, checking it against the others and placing
each finding's column on the long line must each cost a constant."""

N = 10000


def generate(n, d):
    with open(d + "/1-kh-tu.plan", "w", encoding="utf-8") as f:
        f.write('use "std/province"\nplan "1-KH/TU" {\n  level province\n  date 2023-01-01\n}\n'
                'section I. "A" {\n  1. "Quán triệt nghị quyết" by tinh_uy\n}\n')
    with open(d + "/c.plan", "w", encoding="utf-8") as f:
        f.write('use "std/district"\nplan c {\n  level district\n  date 2023-02-01\n'
                '  implements "1-KH/TU"\n}\nsection I. "A" {\n  1. "Nhiệm vụ" by huyen_uy')
        for i in range(n):
            f.write(' implements "1-KH/TU:I.{}"'.format(i + 2))
        f.write("\n}\n")
    return ["--no-rules", "c.plan"]
