"""One section of N numbered tasks, bullets, text and footnotes: the whole
check, standard rules included (numbering, ids and rules read each sibling
once)."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import inputs  # noqa: E402

N = 20000
EXIT = (0, 1)


def generate(n, d):
    inputs.one_section(d, n)
    return ["p.plan"]
