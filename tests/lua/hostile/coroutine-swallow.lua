-- The budget runs out in a coroutine, resume returns false and the script
-- then ends before its own next hook: the call still fails.
plancheck.rule {
  id = "coroutine-swallow",
  description = "attacks the sandbox from a check function",
  severity = "error",
  check = function(plan)
    local co = coroutine.create(function() while true do end end)
    coroutine.resume(co)
  end,
}
local co = coroutine.create(function() while true do end end)
local ok = coroutine.resume(co)
