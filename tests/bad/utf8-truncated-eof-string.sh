# The file ends in the middle of a multi-byte sequence (0xE1 0xBA) inside a string, which is then also unterminated.
# The error is at the first bad byte (see the .want).
printf 'plan x {\n  kind "K"\n}\n- "vi\xe1\xba' > case.plan
