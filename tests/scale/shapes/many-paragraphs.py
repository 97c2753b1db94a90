"""One task of N paragraphs (one string a line): each must be appended
to the task's text, not walked to its tail."""

N = 100000


def generate(n, d):
    with open(d + "/p.plan", "w", encoding="utf-8") as f:
        f.write('use "std/district"\nplan p {\n  level district\n  date 2023-02-01\n}\n'
                'section I. "A" {\n  1.\n')
        for i in range(n):
            f.write('    "Đoạn văn số {} của nhiệm vụ."\n'.format(i))
        f.write('    by huyen_uy\n}\n')
    return ["--no-rules", "p.plan"]
