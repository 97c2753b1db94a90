-- A rule without a severity.
plancheck.rule {
  id = "without-severity",
  description = "has no severity",
  check = function(plan) end,
}
