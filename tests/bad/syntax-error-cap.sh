# 30 syntax errors, one per section: a header field (kind) written inside
# a section. 20 are reported; the 21st, on line 65, stops the file with
# "too many syntax errors".
{
  printf 'plan x {\n  kind "K"\n}\n'
  for i in {1..30}; do printf 'section "S%d" {\n  kind "x"\n}\n' "$i"; done
} > case.plan
