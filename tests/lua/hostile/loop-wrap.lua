-- A loop in a coroutine.wrap, called under pcall in a loop.
plancheck.rule {
  id = "loop-wrap",
  description = "attacks the sandbox from a check function",
  severity = "error",
  check = function(plan)
    while true do pcall(coroutine.wrap(function() while true do end end)) end
  end,
}
local f = coroutine.wrap(function() while true do coroutine.yield() end end)
while true do pcall(f) end
