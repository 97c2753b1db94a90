-- body.successors, body.succeeds, body.ended and plan.structure.
local function ids(list)
  local out = {}
  for i, b in ipairs(list) do out[i] = b.id end
  return table.concat(out, ",")
end

plancheck.rule {
  id = "successors",
  description = "Shows the successions of the bodies and the plan's structure.",
  severity = "note",
  check = function(plan)
    for _, id in ipairs { "btg_x", "bdv_x", "btgdv_x" } do
      local b = plancheck.body(id)
      plancheck.report(plan, string.format("%s: successors %s; succeeds %s; ended %s", id, ids(b.successors),
        ids(b.succeeds), tostring(b.ended)))
    end
    plancheck.report(plan, "structure " .. tostring(plan.structure) .. ", level " .. tostring(plan.level))
  end,
}
