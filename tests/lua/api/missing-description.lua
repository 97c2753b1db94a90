-- A rule without a description.
plancheck.rule {
  id = "without-description",
  severity = "error",
  check = function(plan) end,
}
