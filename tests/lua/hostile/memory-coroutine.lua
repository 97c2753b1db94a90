-- Memory runs out inside a coroutine: the error is at the line that
-- resumed it.
plancheck.rule {
  id = "memory-coroutine",
  description = "fills a table in a coroutine",
  severity = "error",
  check = function(plan)
    local fill = coroutine.wrap(function()
      local t = {}
      for i = 1, 1e8 do t[i] = {} end
    end)
    fill()
  end,
}

local co = coroutine.create(function()
  local t = {}
  for i = 1, 1e8 do t[i] = {} end
end)
local ok, err = coroutine.resume(co)
error(err)
