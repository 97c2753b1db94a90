# A progress entry naming a directive whose text holds a NUL byte before
# its ':' (found by the fuzz target progress): it crashed reading the
# plan key past its end. The NUL is reported and left out of the string,
# so the entry names I:1, which is not loaded.
printf 'plan x {\n}\n' > case.plan
printf 'progress {\n  2024-03-01 done "I\000:1"\n}\n' > case.progress
