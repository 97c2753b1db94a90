-- A pathological pattern: find backtracks in C for ever without the budget.
plancheck.rule {
  id = "pattern-find",
  description = "attacks the sandbox from a check function",
  severity = "error",
  check = function(plan)
    local r = ("a"):rep(1e5):find(("a-"):rep(20) .. "b")
  end,
}
local r = ("a"):rep(1e5):find(("a-"):rep(20) .. "b")
