-- A rule without a description.
plancheck.rule {
  id = "no-description",
  severity = "error",
  check = function(plan) end,
}
