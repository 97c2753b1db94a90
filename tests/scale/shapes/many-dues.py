"""One task with N `due` lines (each with `for`): each deadline must be
appended to the task's list, not walked to its tail."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import inputs  # noqa: E402

N = 100000
EXIT = (0, 1)


def generate(n, d):
    inputs.one_task_dues(d, n)
    return ["--no-rules", "p.plan"]
