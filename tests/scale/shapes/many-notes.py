"""One task with N `note` lines: each must be appended to the task's
notes, not walked to their tail."""

N = 100000


def generate(n, d):
    with open(d + "/p.plan", "w", encoding="utf-8") as f:
        f.write('use "std/district"\nplan p {\n  level district\n  date 2023-02-01\n}\n'
                'section I. "A" {\n  1. "Nhiệm vụ" by huyen_uy\n')
        for i in range(n):
            f.write('    note "Ghi chú số {}"\n'.format(i))
        f.write("}\n")
    return ["--no-rules", "p.plan"]
