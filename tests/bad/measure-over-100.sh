# A target percentage of 1234567: the message quotes the value as written,
# not in %g notation ("1.23457e+06").
printf 'plan x {\n  kind "K"\n}\ntarget - "T" {\n  measure "x" >= 1234567 %%\n}\n' > case.plan
