-- plancheck.each gives what the lists give, in their order, and nothing
-- after its end; an unknown kind, or something other than a plan, is an
-- error. plancheck.same_text(plan) groups as same_text(plan.directives).
local function ids(list)
  local out = {}
  for i, x in ipairs(list) do out[i] = x.line .. ":" .. x.col end
  return table.concat(out, " ")
end

local function walked(plan, what)
  local out = {}
  local next_one = plancheck.each(plan, what)
  for x in next_one do out[#out + 1] = x end
  out.after = next_one()
  return out
end

plancheck.rule {
  id = "each",
  description = "Compares plancheck.each with the lists.",
  severity = "note",
  check = function(plan)
    for _, what in ipairs { "directives", "deadlines", "measures" } do
      local w = walked(plan, what)
      local same = ids(w) == ids(plan[what])
      local first_same = w[1] == plan[what][1]
      plancheck.report(plan, what .. ": " .. #w .. " walked, " .. #plan[what] .. " listed, same order "
        .. tostring(same) .. ", same objects " .. tostring(first_same) .. ", after the end " .. tostring(w.after))
    end
    local ok, err = pcall(plancheck.each, plan, "items")
    plancheck.report(plan, "items: " .. tostring(err))
    ok, err = pcall(plancheck.each, plan.directives[1], "directives")
    plancheck.report(plan, "a task: " .. tostring(err))
    local a, b = plancheck.same_text(plan), plancheck.same_text(plan.directives)
    plancheck.report(plan, "same_text: " .. #a .. " and " .. #b .. " groups, " .. ids(a[1]) .. " and " .. ids(b[1]))
  end,
}
