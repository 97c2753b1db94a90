-- Model objects are read-only: each way of writing one fails, in a rule of
-- its own. A list they return is a fresh table: the rule in
-- model.after.lua still sees the real one. At the top level there is no
-- model yet.
local function attack(id, f)
  plancheck.rule { id = id, description = "writes to the model", severity = "error", check = f }
end

attack("model-set", function(plan)
  plan.key = "x"
end)
attack("model-rawset", function(plan)
  rawset(plan, "key", "x")
end)
attack("model-setmetatable", function(plan)
  setmetatable(plan, {})
end)
attack("model-metatable", function(plan)
  getmetatable(plan).__index = nil
end)
attack("model-item", function(plan)
  plan.directives[1].text = "x"
end)

plancheck.rule {
  id = "model-list",
  description = "empties and refills a list the model returned",
  severity = "note",
  check = function(plan)
    local list = plan.directives
    list[1], list[2] = nil, nil
    list[1] = "not a task"
    plancheck.report(plan, "model-list emptied its copy of plan.directives")
  end,
}

local plans = plancheck.plans()
