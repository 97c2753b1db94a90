-- The string metatable is shared by every script, so it is protected:
-- getmetatable("") is false, rawset cannot reach it, and the methods of
-- strings stay Lua's own in other scripts (string-metatable.after.lua and
-- the canary). A script's own `string` table is its own to change.
string.upper = function() return "pwned" end

plancheck.rule {
  id = "string-metatable-rawset",
  description = "replaces the string methods with rawset",
  severity = "error",
  check = function(plan)
    rawset(getmetatable(""), "__index", { upper = function() return "pwned" end })
  end,
}

getmetatable("").__index = { upper = function() return "pwned" end }
