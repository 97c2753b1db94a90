"""One task with N `due` lines (each with `for`): each deadline must be
appended to the task's list, not walked to its tail."""

N = 100000


def generate(n, d):
    with open(d + "/p.plan", "w", encoding="utf-8") as f:
        f.write('use "std/district"\nplan p {\n  level district\n  date 2023-02-01\n}\n'
                'section I. "A" {\n  1. "Nhiệm vụ" by huyen_uy\n')
        for i in range(n):
            f.write('    due "hoàn thành trong năm {}" for "báo cáo số {}"\n'.format(2023 + i % 5, i))
        f.write("}\n")
    return ["--no-rules", "p.plan"]
