# An include of a file that does not exist (with or without .plan).
printf 'plan x {\n  kind "K"\n}\ninclude "khong-co"\n' > case.plan
