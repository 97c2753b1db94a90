-- tostring() of an object whose __tostring loops: the budget stops it.
plancheck.rule {
  id = "tostring-loop",
  description = "attacks the sandbox from a check function",
  severity = "error",
  check = function(plan)
    local x = tostring(setmetatable({}, { __tostring = function() while true do end end }))
  end,
}
local x = tostring(setmetatable({}, { __tostring = function() while true do end end }))
