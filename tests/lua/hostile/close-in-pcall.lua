-- A to-be-closed variable whose __close loops, in a function under pcall:
-- pcall turns the hooks back on before it closes the variable, in the
-- main thread and in a coroutine, so the budget stops the __close too.
plancheck.rule {
  id = "close-in-pcall",
  description = "closes a looping variable after the budget's error",
  severity = "error",
  check = function(plan)
    pcall(function()
      local x <close> = setmetatable({}, { __close = function() while true do end end })
      while true do end
    end)
  end,
}

local co = coroutine.create(function()
  pcall(function()
    local x <close> = setmetatable({}, { __close = function() while true do end end })
    while true do end
  end)
end)
coroutine.resume(co)
