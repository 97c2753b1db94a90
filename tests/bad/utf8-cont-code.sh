# A lone continuation byte 0x80 between tokens.
# The error is at the first bad byte (see the .want).
printf 'plan x {\n  kind "K"\n  date \x80 2023-01-01\n}\n' > case.plan
