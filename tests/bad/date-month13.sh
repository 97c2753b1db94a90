# A plan date with month 13.
printf 'plan x {\n  kind "K"\n  date 2023-13-01\n}\n' > case.plan
