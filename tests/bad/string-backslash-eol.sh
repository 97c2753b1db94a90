# A backslash as the last character of a line inside a string: the string
# is unterminated (3:9) and the backslash starts an escape that does not
# exist (3:13). 0x5C is a valid byte: it must not be called invalid UTF-8.
printf 'plan x {\n  kind "K"\n  title "abc\\\n}\n' > case.plan
