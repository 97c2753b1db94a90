-- A rule without an id.
plancheck.rule {
  description = "has no id",
  severity = "error",
  check = function(plan) end,
}
