-- check must be a function.
plancheck.rule {
  id = "without-function",
  description = "check is a string",
  severity = "error",
  check = "function(plan) end",
}
