-- Deep Lua recursion: a stack overflow, reported once for the recursing line.
plancheck.rule {
  id = "recursion",
  description = "attacks the sandbox from a check function",
  severity = "error",
  check = function(plan)
    local function f(n) return 1 + f(n + 1) end
    f(1)
  end,
}
local function f(n) return 1 + f(n + 1) end
f(1)
