# `scope` with no level after it: the next task's label comes where a level
# is expected.
printf 'plan x {\n  kind "K"\n  level central\n}\nsection I. "A" {\n  1. "Việc." scope\n  2. "Việc khác."\n}\n' > case.plan
