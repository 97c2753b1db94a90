# A lone 0xFF byte inside a string.
# The error is at the first bad byte (see the .want).
printf 'plan x {\n  kind "K"\n  title "ab\xffcd"\n}\n' > case.plan
