-- A severity override that does not exist.
plancheck.rule {
  id = "report-bad-severity",
  description = "reports a finding",
  severity = "error",
  check = function(plan)
    plancheck.report(plan, "x", { severity = "fatal" })
  end,
}
