-- A syntax error: reported at its line, before anything of the script runs.
plancheck.rule {
  id = "never-defined",
  description = "is never defined",
  severity = "error",
  check = function(plan) end,
}

local x = = 1
