-- while true do end: the budget stops it.
plancheck.rule {
  id = "loop",
  description = "attacks the sandbox from a check function",
  severity = "error",
  check = function(plan)
    while true do end
  end,
}
while true do end
