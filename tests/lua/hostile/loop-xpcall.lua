-- A loop under xpcall whose message handler loops too: the handler would run
-- with Lua's hooks off after the budget's error, so it is not run then.
plancheck.rule {
  id = "loop-xpcall",
  description = "attacks the sandbox from a check function",
  severity = "error",
  check = function(plan)
    while true do xpcall(function() while true do end end, function() while true do end end) end
  end,
}
xpcall(function() while true do end end, function() while true do end end)
