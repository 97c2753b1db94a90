-- string.rep("", math.maxinteger) copies nothing math.maxinteger times, in C:
-- the repetitions are charged to the budget first.
plancheck.rule {
  id = "rep-empty",
  description = "attacks the sandbox from a check function",
  severity = "error",
  check = function(plan)
    local s = string.rep("", math.maxinteger)
  end,
}
local s = ("").rep("", math.maxinteger, "")
