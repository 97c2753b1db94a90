# A backslash followed by an invalid byte (0xFF) inside a string: the 0xFF
# is invalid UTF-8 (3:14); the backslash (3:13) is an unknown escape, not
# an "invalid UTF-8 byte 0x5C".
printf 'plan x {\n  kind "K"\n  title "abc\\\xffd"\n}\n' > case.plan
