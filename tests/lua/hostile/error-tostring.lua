-- error() with an object whose __tostring loops: it is never called.
plancheck.rule {
  id = "error-tostring",
  description = "attacks the sandbox from a check function",
  severity = "error",
  check = function(plan)
    error(setmetatable({}, { __tostring = function() while true do end end }))
  end,
}
error(setmetatable({}, { __tostring = function() while true do end end }))
