"""A plan of N tasks of every kind, with its progress record: the whole
check, standard rules included."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import inputs  # noqa: E402

N = 20000
EXIT = (0, 1)


def generate(n, d):
    inputs.big_plan(d, n)
    return ["p.plan"]
