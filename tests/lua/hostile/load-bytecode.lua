-- load of a string starting with "\27Lua": text only.
plancheck.rule {
  id = "load-bytecode",
  description = "attacks the sandbox from a check function",
  severity = "error",
  check = function(plan)
    assert(load("\27LuaT\0\25\147\r\n\26\n"))
  end,
}
assert(load("\27LuaT\0\25\147\r\n\26\n"))
