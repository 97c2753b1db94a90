-- A line past the end of the file.
plancheck.rule {
  id = "report-line-past-end",
  description = "reports a finding",
  severity = "error",
  check = function(plan)
    plancheck.report({ file = "fixture.plan", line = 999 }, "line 999")
  end,
}
