-- A coroutine.wrap whose to-be-closed variable loops in __close: Lua would
-- close it after the budget's error with hooks off; it is left open.
plancheck.rule {
  id = "close-wrap",
  description = "attacks the sandbox from a check function",
  severity = "error",
  check = function(plan)
    coroutine.wrap(function()
      local x <close> = setmetatable({}, { __close = function() while true do end end })
      while true do end
    end)()
  end,
}
coroutine.wrap(function()
  local x <close> = setmetatable({}, { __close = function() while true do end end })
  while true do end
end)()
