-- A coroutine whose to-be-closed variable loops in __close, stopped by the
-- budget in one call and closed in a later one. Lua would run that __close
-- with hooks off (they stay off in a thread the budget's error killed), so
-- coroutine.close leaves it open and returns false.
local co = coroutine.create(function()
  local x <close> = setmetatable({}, { __close = function() while true do end end })
  while true do end
end)

plancheck.rule {
  id = "close-spend",
  description = "spends the budget in the coroutine",
  severity = "error",
  check = function(plan)
    coroutine.resume(co)
  end,
}

plancheck.rule {
  id = "close-later",
  description = "closes the stopped coroutine in a later call",
  severity = "note",
  check = function(plan)
    local ok, err = coroutine.close(co)
    plancheck.report(plan, "coroutine.close returned " .. tostring(ok) .. ", " .. tostring(err))
  end,
}

local other = coroutine.create(function()
  local x <close> = setmetatable({}, { __close = function() while true do end end })
  while true do end
end)
coroutine.resume(other)
coroutine.close(other)
