-- A format needs its render function.
plancheck.format {
  id = "no-render",
  description = "a format without render",
  check = function(plan) end,
}
