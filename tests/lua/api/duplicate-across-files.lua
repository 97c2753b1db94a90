-- A rule with the id of the canary's, defined after it in another file.
plancheck.rule {
  id = "canary",
  description = "takes the canary's id",
  severity = "error",
  check = function(plan) end,
}
