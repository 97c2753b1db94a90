"""The annex table (report --format md) of one task with N deadlines: its
deadline cell is joined once, not copied again for every deadline
(100,000 took 28 s and 14 GB)."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import inputs  # noqa: E402

N = 100000
EXIT = (0, 1)


def generate(n, d):
    inputs.one_task_dues(d, n)
    return ["report", "--format", "md", "p.plan"]
