# The file ends in the middle of a multi-byte sequence (the first two bytes of ế, 0xE1 0xBA), outside any string.
# The error is at the first bad byte (see the .want).
printf 'plan x {\n  kind "K"\n}\n\xe1\xba' > case.plan
