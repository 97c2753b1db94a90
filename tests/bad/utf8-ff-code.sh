# A lone 0xFF byte between tokens: never valid in UTF-8.
# The error is at the first bad byte (see the .want).
printf 'plan x {\n  kind "K"\n  date \xff 2023-01-01\n}\n' > case.plan
