-- Each script has its own globals and its own copy of every library:
-- nothing changed here reaches env.after.lua, when it loads or in its check
-- function (which runs after this script's).
secret = "from env.lua"
_G.also_secret = 1
string.upper = function() return "pwned" end
string.rep = nil
table.insert = nil
math.pi = 3
_G.print = nil

plancheck.rule {
  id = "env-change",
  description = "changes globals from its check function",
  severity = "error",
  check = function(plan)
    from_check = true
    string.lower = nil
    plancheck.report = nil
    error("env.lua changed its own globals")
  end,
}

plancheck.rule = nil
string.format = nil
getmetatable("").__index.format = nil
