-- A check function that returns a number.
plancheck.rule {
  id = "check-returns-number",
  description = "attacks the sandbox from a check function",
  severity = "error",
  check = function(plan)
    return 42
  end,
}
plancheck.rule { id = "returns-table", description = "returns a table", severity = "error", check = function() return {} end }
