# A NUL byte inside a string: reported at its own column, and the string
# still ends at its closing quote.
printf 'plan x {\n  kind "K"\n  title "ab\0cd"\n}\n' > case.plan
