# An overlong encoding of / (0xC0 0xAF) between tokens.
# The error is at the first bad byte (see the .want).
printf 'plan x {\n  kind "K"\n  date \xc0\xaf 2023-01-01\n}\n' > case.plan
