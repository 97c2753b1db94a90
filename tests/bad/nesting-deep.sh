# 100 sections nested in one another (and closed again). Blocks may nest 64
# deep: the 65th '{', on line 68 at column 15, gets the "nested deeper"
# error; parsing stops there without a crash or a cascade.
{
  printf 'plan x {\n  kind "K"\n}\n'
  for i in {1..100}; do printf 'section "S%d" {\n' "$i"; done
  printf -- '- "t"\n'
  for i in {1..100}; do printf '}\n'; done
} > case.plan
