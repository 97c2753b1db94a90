-- The same pattern through match.
plancheck.rule {
  id = "pattern-match",
  description = "attacks the sandbox from a check function",
  severity = "error",
  check = function(plan)
    local r = string.match(("a"):rep(1e5), ("a-"):rep(20) .. "b")
  end,
}
local r = ("a"):rep(1e5):match(("a-"):rep(20) .. "b")
