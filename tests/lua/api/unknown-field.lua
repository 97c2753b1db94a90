-- A misspelt field name is an error, not silently ignored.
plancheck.rule {
  id = "typo",
  description = "a misspelt field",
  severty = "error",
  check = function(plan) end,
}
