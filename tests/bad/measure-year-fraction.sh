# A target measure due "by 2025,0": a number with a decimal part is not a
# year, even when the decimal part is zero (2025,5 is rejected already).
printf 'plan x {\n  kind "K"\n}\ntarget - "T" {\n  measure "x" >= 90 %% by 2025,0\n}\n' > case.plan
