-- A format needs its render function.
plancheck.format {
  id = "without-render",
  description = "a format without render",
  check = function(plan) end,
}
