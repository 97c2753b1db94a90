-- An id that is a number.
plancheck.rule {
  id = 42,
  description = "a number as id",
  severity = "error",
  check = function(plan) end,
}
