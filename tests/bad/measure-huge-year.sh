# A target measure due "by" a 26-digit year: not a year.
printf 'plan x {\n  kind "K"\n}\ntarget - "T" {\n  measure "x" >= 90 %% by 99999999999999999999999999\n}\n' > case.plan
