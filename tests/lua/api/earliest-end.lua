-- deadline.earliest_end beside earliest and latest, for every deadline of
-- the plan (plan.deadlines), and the plan's measures (none here).
plancheck.rule {
  id = "earliest-end",
  description = "Notes each deadline's earliest, latest and earliest_end.",
  severity = "note",
  check = function(plan)
    for _, due in ipairs(plan.deadlines) do
      plancheck.report(due, string.format("earliest %s, latest %s, earliest_end %s", tostring(due.earliest),
        tostring(due.latest), tostring(due.earliest_end)))
    end
    plancheck.report(plan, #plan.measures .. " measures")
  end,
}
