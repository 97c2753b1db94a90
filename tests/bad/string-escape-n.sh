# A string with the escape \n, which does not exist (only \" and \\). The
# error covers the two characters of the escape, at 3:13.
printf 'plan x {\n  kind "K"\n  title "dòng\\nhai"\n}\n' > case.plan
