# A plan date that does not exist: 30 February.
printf 'plan x {\n  kind "K"\n  date 2023-02-30\n}\n' > case.plan
