# A stray ';' at the end of a statement (as in C).
printf 'plan x {\n  kind "K";\n}\n' > case.plan
