-- A rule without a severity.
plancheck.rule {
  id = "no-severity",
  description = "has no severity",
  check = function(plan) end,
}
