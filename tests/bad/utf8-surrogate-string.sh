# A UTF-16 surrogate (U+D800) encoded in UTF-8 (0xED 0xA0 0x80) inside a string.
# The error is at the first bad byte (see the .want).
printf 'plan x {\n  kind "K"\n  title "ab\xed\xa0\x80cd"\n}\n' > case.plan
