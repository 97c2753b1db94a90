-- A syntax error at the end of the file: an unclosed function.
plancheck.rule {
  id = "unclosed",
  description = "has no end",
  severity = "error",
  check = function(plan)
    if plan then
