# A UTF-16 surrogate (U+D800) encoded in UTF-8 (0xED 0xA0 0x80) between tokens.
# The error is at the first bad byte (see the .want).
printf 'plan x {\n  kind "K"\n  date \xed\xa0\x80 2023-01-01\n}\n' > case.plan
