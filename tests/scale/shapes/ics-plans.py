"""`report --format ics` of N plans: the calendar's name lists every
plan's key, joined in one pass (it was copied whole for every key)."""

import importlib.util
import os

_spec = importlib.util.spec_from_file_location(
    "given_twice", os.path.join(os.path.dirname(os.path.abspath(__file__)), "given-twice.py"))
_plans = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_plans)

N = 4000


def generate(n, d):
    _plans.generate(n, d)
    return ["report", "--format", "ics", "--no-rules", "."]
