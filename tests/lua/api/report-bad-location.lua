-- A location that is not file:line:col.
plancheck.rule {
  id = "report-bad-location",
  description = "reports a finding",
  severity = "error",
  check = function(plan)
    plancheck.report("fixture.plan", "no line")
  end,
}
