-- An id that is not kebab-case.
plancheck.rule {
  id = "No Spaces",
  description = "an id that is not lower-case words joined by -",
  severity = "error",
  check = function(plan) end,
}
