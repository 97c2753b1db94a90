-- A format that renders the plan's ids.
plancheck.format {
  id = "fuzz-ids",
  description = "every id",
  render = function(plan)
    local out = {}
    for _, t in ipairs(plan.tasks) do out[#out + 1] = t.id end
    return table.concat(out, "\n")
  end,
}
