-- enabled must be true or false.
plancheck.rule {
  id = "enabled-string",
  description = "enabled is a string",
  severity = "error",
  enabled = "no",
  check = function(plan) end,
}
