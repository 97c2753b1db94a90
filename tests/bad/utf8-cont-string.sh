# A lone continuation byte 0x80 inside a string.
# The error is at the first bad byte (see the .want).
printf 'plan x {\n  kind "K"\n  title "ab\x80cd"\n}\n' > case.plan
