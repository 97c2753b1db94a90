-- A severity other than error, warning or note.
plancheck.rule {
  id = "fatal",
  description = "a severity that does not exist",
  severity = "fatal",
  check = function(plan) end,
}
