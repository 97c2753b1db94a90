-- error(nil).
plancheck.rule {
  id = "error-nil",
  description = "attacks the sandbox from a check function",
  severity = "error",
  check = function(plan)
    error(nil)
  end,
}
error()
