-- A rule that walks every directive and reports on some.
plancheck.rule {
  id = "fuzz-rule",
  description = "walks the plan",
  severity = "warning",
  check = function(plan)
    for _, t in ipairs(plan.tasks) do
      if #t.text > 200 then plancheck.report(t, "long: " .. t.id) end
    end
  end,
}
