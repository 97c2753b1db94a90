# A progress entry naming a directive whose text holds a NUL byte before
# its ':' (found by the fuzz target progress): the id ends at the NUL, so
# it names no plan; it crashed reading the plan key past its end.
printf 'plan x {\n}\n' > case.plan
printf 'progress {\n  2024-03-01 done "I\000:1"\n}\n' > case.progress
