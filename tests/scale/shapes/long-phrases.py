"""One task whose deadline phrases are long: a phrase of N words of prose
with no deadline, then a staged phrase of N clauses, each with prose before
a range of days without a year. The recogniser tries each clause after a
bounded number of words of prose and guesses an `as` form for a phrase it
does not read, so its cost must stay linear in the length of the phrase."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import inputs  # noqa: E402

N = 20000
EXIT = (0, 1)


def generate(n, d):
    prose = " ".join("báo cáo kết quả thực hiện" for _ in range(n // 5 + 1))
    clauses = "; ".join("cấp xã tổ chức hội nghị từ ngày {} đến ngày {}/{}".format(1 + i % 9, 10 + i % 9, 1 + i % 12)
                        for i in range(n))
    with open(d + "/p.plan", "w", encoding="utf-8") as f:
        f.write(inputs.HEADER.format("2023-02-01"))
        f.write('section I. "A" {\n  1. "Nhiệm vụ" by huyen_uy\n')
        f.write('    due "{} (trước ngày 01/7/2025)"\n'.format(prose))
        f.write('    due "{}"\n'.format(clauses))
        f.write('    due "{} trước"\n'.format(prose))
        f.write("}\n")
    return ["--no-rules", "p.plan"]
