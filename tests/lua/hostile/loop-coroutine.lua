-- A loop in a coroutine, resumed in a loop that ignores its failure.
plancheck.rule {
  id = "loop-coroutine",
  description = "attacks the sandbox from a check function",
  severity = "error",
  check = function(plan)
    local co = coroutine.create(function() while true do end end)
    while true do coroutine.resume(co) end
  end,
}
while true do coroutine.resume(coroutine.create(function() while true do end end)) end
