-- Lines count from 1.
plancheck.rule {
  id = "report-line-zero",
  description = "reports a finding",
  severity = "error",
  check = function(plan)
    plancheck.report("fixture.plan:0:1", "line 0")
  end,
}
