# A header naming a structure nothing declares.
printf 'plan x {\n  kind "K"\n  level province\n  structure s2030\n}\n' > case.plan
