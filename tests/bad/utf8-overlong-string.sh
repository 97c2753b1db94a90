# An overlong encoding of / (0xC0 0xAF) inside a string.
# The error is at the first bad byte (see the .want).
printf 'plan x {\n  kind "K"\n  title "ab\xc0\xafcd"\n}\n' > case.plan
