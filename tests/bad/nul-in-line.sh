# A NUL byte in the middle of a line, between two tokens.
printf 'plan x {\n  kind "K"\n  date\0 2023-01-01\n}\n' > case.plan
