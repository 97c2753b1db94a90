# A target measure with a 26-digit percentage: a value over 100% makes no
# sense (target-range), however many digits it has, and must not overflow.
printf 'plan x {\n  kind "K"\n}\ntarget - "T" {\n  measure "x" >= 99999999999999999999999999 %%\n}\n' > case.plan
