# A string whose closing quote is missing at the end of a line (strings
# end on the same line). The error points at the opening quote.
printf 'plan x {\n  kind "K\n  date 2023-01-01\n}\n' > case.plan
