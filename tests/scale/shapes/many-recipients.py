"""A plan with N `recipient` lines (Nơi nhận): each must be appended to
the header's list, not walked to its tail."""

N = 100000


def generate(n, d):
    with open(d + "/p.plan", "w", encoding="utf-8") as f:
        f.write('use "std/district"\nplan p {\n  level district\n  date 2023-02-01\n')
        for i in range(n):
            f.write('  recipient "Đảng ủy xã số {} (thực hiện)"\n'.format(i))
        f.write('}\nsection I. "A" {\n  1. "Nhiệm vụ" by huyen_uy\n}\n')
    return ["--no-rules", "p.plan"]
