-- string.rep("x", 1e10): more than a string may hold.
plancheck.rule {
  id = "rep-too-large",
  description = "attacks the sandbox from a check function",
  severity = "error",
  check = function(plan)
    local s = string.rep("x", 1e10)
  end,
}
local s = string.rep("x", 1e10)
