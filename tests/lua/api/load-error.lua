-- An error while the script loads: at its line; what it defined before
-- the error stays defined and runs.
plancheck.rule {
  id = "defined-before",
  description = "is defined before the error",
  severity = "note",
  check = function(plan) plancheck.report(plan, "defined before the error, still runs") end,
}

local function helper(t)
  return t.missing.field
end

helper({})
