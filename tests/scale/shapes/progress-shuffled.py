"""N progress entries on one task in no order: the record is put in date
order once (a stable sort), not by walking it for each entry."""

import datetime
import random

N = 100000


def generate(n, d):
    with open(d + "/p.plan", "w", encoding="utf-8") as f:
        f.write('use "std/district"\nplan p {\n  level district\n  date 2020-01-01\n}\n'
                'section I. "A" {\n  1. "Nhiệm vụ" by huyen_uy\n    due "hoàn thành trong năm 2030"\n}\n')
    start = datetime.date(2020, 1, 1)
    days = [start + datetime.timedelta(days=i % 3000) for i in range(n)]
    random.Random(1).shuffle(days)
    with open(d + "/p.progress", "w", encoding="utf-8") as f:
        f.write("progress p {\n")
        for i, day in enumerate(days):
            f.write('  {} started "I.1" doc "{}-BC/HU"\n'.format(day.isoformat(), i))
        f.write("}\n")
    return ["--no-rules", "--as-of", "2099-12-31", "p.plan"]
