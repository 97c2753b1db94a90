-- A loop that catches the budget's error with pcall and goes on.
plancheck.rule {
  id = "loop-pcall",
  description = "attacks the sandbox from a check function",
  severity = "error",
  check = function(plan)
    while true do pcall(function() while true do end end) end
  end,
}
while true do pcall(function() while true do end end) end
