"""N progress entries on one task, in date order (the worst case for a
record kept sorted by walking it): each entry is hung on the task's
record at its tail, and the task is checked for a second `done` and its
report's `for` part without reading its whole record again."""

import datetime

N = 100000


def generate(n, d):
    with open(d + "/p.plan", "w", encoding="utf-8") as f:
        f.write('use "std/district"\nplan p {\n  level district\n  date 2020-01-01\n}\n'
                'section I. "A" {\n  1. "Báo cáo định kỳ" by huyen_uy reports huyen_uy\n'
                '    due "định kỳ hằng quý" for "báo cáo quý"\n}\n')
    start = datetime.date(2020, 1, 1)
    kinds = ('started "I.1"', 'reported "I.1" for "báo cáo quý"', 'reported "I.1" for "Báo cáo  QUÝ"')
    with open(d + "/p.progress", "w", encoding="utf-8") as f:
        f.write("progress p {\n")
        for i in range(n):
            day = start + datetime.timedelta(days=i // 50)
            f.write('  {} {} doc "{}-BC/HU"\n'.format(day.isoformat(), kinds[i % 3], i))
        f.write('  {} done "I.1"\n'.format((start + datetime.timedelta(days=n // 50)).isoformat()))
        f.write("}\n")
    return ["--no-rules", "--as-of", "2099-12-31", "p.plan"]
