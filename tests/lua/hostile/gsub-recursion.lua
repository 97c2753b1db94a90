-- string.gsub calling a function that calls gsub: the C stack limit.
plancheck.rule {
  id = "gsub-recursion",
  description = "attacks the sandbox from a check function",
  severity = "error",
  check = function(plan)
    local function f(s) return (s:gsub(".", f)) end
    f("abc")
  end,
}
local function f(s) return (s:gsub(".", f)) end
f("abc")
