-- An empty description.
plancheck.rule {
  id = "empty-description",
  description = "",
  severity = "error",
  check = function(plan) end,
}
