# The same typo ("bx" for "by") on five consecutive lines: five syntax
# errors, and each must be reported (here: the last one, on line 8), not
# only the first. Every line is a complete statement of its own.
{
  printf 'plan x {\n  kind "K"\n}\n'
  for i in {1..5}; do printf -- '- "t%d" bx huyen_uy\n' "$i"; done
} > case.plan
