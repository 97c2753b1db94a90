"""report --format json of a plan of N tasks with a progress record."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import inputs  # noqa: E402

N = 20000
EXIT = (0, 1)


def generate(n, d):
    inputs.big_plan(d, n)
    return ["report", "--format", "json", "--as-of", "2024-06-01", "p.plan"]
