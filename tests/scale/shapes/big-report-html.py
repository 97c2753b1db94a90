"""The HTML report (plan, coverage, timeline, agenda, findings) of a plan of
N tasks with a progress record (160,000 tasks took 27 s: its agenda)."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import inputs  # noqa: E402

N = 10000
EXIT = (0, 1)


def generate(n, d):
    inputs.big_plan(d, n)
    return ["report", "--format", "html", "--as-of", "2024-06-01", "p.plan"]
