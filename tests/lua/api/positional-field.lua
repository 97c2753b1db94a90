-- A value without a field name.
plancheck.rule {
  id = "positional",
  description = "a value without a name",
  severity = "error",
  check = function(plan) end,
  "extra",
}
