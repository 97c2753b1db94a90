# `per` takes year, quarter, month or term, not a number: `per 2025` is a
# syntax error at the number, not a crash or a cascade.
printf 'plan x {\n  kind "K"\n}\ntarget - "T" {\n  measure "x" >= 90 %% per 99999999999999999999999999\n}\n' > case.plan
