# A section whose block is never closed: the error is at the end of the
# file and a note points at the opening brace of the innermost open block.
printf 'plan x {\n  kind "K"\n}\nsection I. "A" {\n  section 1. "B" {\n    - "t"\n  }\n  - "u"\n' > case.plan
