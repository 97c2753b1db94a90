"""The whole model as JSON (report --format json) of one section of N
tasks, bullets, text and footnotes."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import inputs  # noqa: E402

N = 10000
EXIT = (0, 1)


def generate(n, d):
    inputs.one_section(d, n)
    return ["report", "--format", "json", "p.plan"]
