-- A code override that is not kebab-case.
plancheck.rule {
  id = "report-bad-code",
  description = "reports a finding",
  severity = "error",
  check = function(plan)
    plancheck.report(plan, "x", { code = "Bad Code" })
  end,
}
