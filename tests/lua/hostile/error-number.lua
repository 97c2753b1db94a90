-- error() with a number.
plancheck.rule {
  id = "error-number",
  description = "attacks the sandbox from a check function",
  severity = "error",
  check = function(plan)
    error(42)
  end,
}
error(4.5)
