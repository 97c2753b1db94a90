"""`plancheck fmt` of a plan of N tasks, each with a comment, a blank
line and its attributes, in sections of 100: the layout, and the lexing
of its result, once per token."""

N = 20000


def generate(n, d):
    with open(d + "/p.plan", "w", encoding="utf-8") as f:
        f.write('use "std/district"\nplan p {\n  level district\n  date 2023-02-01\n}\n')
        for i in range(n):
            if i % 100 == 0:
                f.write('{}section {}. "Mục {}" owner vp_hu {{\n'.format("}\n" if i else "", i // 100 + 1, i))
            f.write('  # Nhiệm vụ {}\n\n  - "Nhiệm vụ số {} của kế hoạch." by vp_hu due "trong năm 2024"\n'.format(i, i))
        f.write("}\n")
    return ["fmt", "p.plan"]
