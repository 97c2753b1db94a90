# An unterminated string on line 3, then more lines with errors of their
# own: the string ends at the end of its line and lexer and parser carry
# on, so the bad date on line 4 and the unknown escape on line 7 are
# reported too (here the test looks for the last one).
printf 'plan x {\n  kind "K"\n  title "Kế hoạch số 28\n  date 2023-02-30\n}\nsection I. "A" {\n  - "dòng\\nhai"\n}\n' > case.plan
