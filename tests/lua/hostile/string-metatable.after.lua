-- After string-metatable.lua: the methods of strings are Lua's own, when
-- this script loads and in its check function.
local function intact()
  assert(("x"):upper() == "X" and string.upper("x") == "X", "upper was replaced")
  assert(("%d"):format(7) == "7" and ("ab"):find("b") == 2, "a string method was replaced")
end
intact()

plancheck.rule {
  id = "string-metatable-intact",
  description = "the methods of strings are intact",
  severity = "note",
  check = function(plan)
    intact()
    plancheck.report(plan, "the methods of strings are intact")
  end,
}
