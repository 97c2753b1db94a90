-- The same pattern through gsub.
plancheck.rule {
  id = "pattern-gsub",
  description = "attacks the sandbox from a check function",
  severity = "error",
  check = function(plan)
    local r = ("a"):rep(1e5):gsub(("a-"):rep(20) .. "b", "")
  end,
}
local r = ("a"):rep(1e5):gsub(("a-"):rep(20) .. "b", "")
