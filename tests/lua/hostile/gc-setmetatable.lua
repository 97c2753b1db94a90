-- A finaliser (__gc) would run when nothing is budgeted (at the latest when
-- plancheck closes Lua), so setmetatable refuses one, even a placeholder
-- that is replaced afterwards. A __gc added after setmetatable is never
-- registered (Lua decides when the metatable is set): `kept` would hang
-- the exit otherwise.
kept = setmetatable({}, {})
getmetatable(kept).__gc = function() while true do end end

plancheck.rule {
  id = "gc-placeholder",
  description = "sets __gc = true, then the real finaliser",
  severity = "error",
  check = function(plan)
    local mt = { __gc = true }
    setmetatable({}, mt)
    mt.__gc = function() while true do end end
  end,
}

setmetatable({}, { __gc = function() while true do end end })
