-- After env.lua: none of its changes are seen here.
local function isolated()
  assert(secret == nil and also_secret == nil and from_check == nil, "a global leaked")
  assert(("x"):upper() == "X" and string.upper("x") == "X", "string.upper leaked")
  assert(("X"):lower() == "x" and string.lower("X") == "x", "string.lower leaked")
  assert(string.rep and string.format and table.insert and print and math.pi > 3.14, "a library change leaked")
  assert(plancheck.rule and plancheck.report, "a change of plancheck leaked")
end
isolated()

plancheck.rule {
  id = "env-isolated",
  description = "sees none of env.lua's changes",
  severity = "note",
  check = function(plan)
    isolated()
    plancheck.report(plan, "none of env.lua's changes are seen here")
  end,
}
