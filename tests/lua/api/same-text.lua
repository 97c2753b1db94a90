-- plancheck.same_text: groups of the directives whose folded texts are
-- equal (case, blanks and old tone placement do not count), in list order,
-- the groups in the order of their first items; a single item is in no
-- group. A list with something other than an item is an error naming the
-- element.
plancheck.rule {
  id = "same-text",
  description = "Notes each group of directives with the same text.",
  severity = "note",
  check = function(plan)
    local groups = plancheck.same_text(plan.directives)
    for g, group in ipairs(groups) do
      local ids = {}
      for i, task in ipairs(group) do ids[i] = task.id end
      plancheck.report(group[1], "group " .. g .. ": " .. table.concat(ids, ", "))
    end
    plancheck.report(plan, #groups .. " groups; of an empty list " .. #plancheck.same_text({}))
    local ok, err = pcall(plancheck.same_text, { plan.directives[1], plan })
    plancheck.report(plan, "a plan in the list: " .. tostring(err))
  end,
}
