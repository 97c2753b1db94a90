# A plan date in year 0 (there is no year 0 in the calendar the documents use).
printf 'plan x {\n  kind "K"\n  date 0000-01-01\n}\n' > case.plan
