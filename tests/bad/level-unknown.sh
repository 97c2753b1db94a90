# A level that no declaration names, close to one that does.
printf 'plan x {\n  kind "K"\n  level provnce\n}\n' > case.plan
